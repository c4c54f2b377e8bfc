"""Reading EOIR's release as published: which file is which table, and its rows, streamed.

A release is a folder (its lookups in a ``Lookup`` sub-folder) or a ``.zip`` of one.
A file is known by its release name (``A_TblCase``, ``tbl_schedule``, ``tblLookupJudge``
…, any suffix of ``.csv``/``.tsv``/``.txt``), else by its columns. Reading is liberal:
tab-separated with no quoting (a quote character is data) or comma-separated with
quotes; UTF-8 or Latin-1 (Windows-1252) line by line; NUL bytes and other control
characters dropped; blank trailing columns ignored. A row that cannot be read is a
problem with its file and line; the rest is kept. Nothing here knows about records.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from caseorg.eoir.report import RowProblem
from caseorg.eoir.values import (
    parse_eoir_date as parse_eoir_date,
    parse_eoir_time as parse_eoir_time,
)
from caseorg.errors import InvalidValue

DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")

# release file name (lower case, no suffix) -> kind of table
RELEASE_NAMES = {
    "a_tblcase": "case",
    "b_tblproceeding": "proceeding",
    "b_tblproceedcharges": "charge",
    "tbl_schedule": "schedule",
    "tbl_court_appln": "application",
    "tbl_court_motions": "motion",
    "tbl_repsassigned": "representation",
    "tbl_custodyhistory": "custody",
    "d_tblassociatedbond": "bond",
    "tbllookupjudge": "judge",
    "tbllookupbasecity": "court",
    "tbllookuphloc": "hearing_location",
    "tbladjournmentcodes": "adjournment",
    "tbllookupcourtdecision": "decision",
    "tbllookupcal_type": "calendar_type",
    "tbllanguage": "language",
    "tbllookuplanguage": "language",
    "tbllookupnationality": "nationality",
    "tbllookupcharges": "charge_code",
    "tbllookupnotice": "notice_code",
    "tbllookup_casepriority": "priority",
    "tbllookupcasetype": "case_type",
    "tbllookup_appln": "application_code",
    "tbllookupmotiontype": "motion_type",
    "count": "counts",
}
LOOKUP_KINDS = frozenset(
    {
        "judge",
        "court",
        "hearing_location",
        "adjournment",
        "decision",
        "calendar_type",
        "language",
        "nationality",
        "charge_code",
        "notice_code",
        "priority",
        "case_type",
        "application_code",
        "motion_type",
    }
)
# the row identity of each case-data table (a file named otherwise is told by these)
ROW_ID_COLUMNS = (
    ("IDNPRCDCHG", "charge"),
    ("IDNPROCEEDINGAPPLN", "application"),
    ("IDNMOTION", "motion"),
    ("IDNREPSASSIGNED", "representation"),
    ("IDNCUSTODY", "custody"),
    ("IDNASSOCBOND", "bond"),
    ("IDNSCHEDULE", "schedule"),
    ("ADJ_DATE", "schedule"),
    ("IDNPROCEEDING", "proceeding"),
)
# control characters other than tab (NUL included): dropped from every line
_CONTROLS = dict.fromkeys([*range(0, 9), *range(10, 32), 127])


@dataclass(frozen=True)
class Member:
    """One file of a release: its name for problems (path inside the release) and how to
    open it as bytes."""

    name: str
    open: Callable[[], IO[bytes]]

    @property
    def stem(self) -> str:
        return Path(self.name).stem.lower()


class Row:
    """One data row: the kept columns' values, by upper-case name, and where it came from."""

    __slots__ = ("file", "line", "values", "columns")

    def __init__(self, file: str, line: int, values: tuple[str, ...], columns: dict[str, int]):
        self.file = file
        self.line = line
        self.values = values
        self.columns = columns

    def get(self, *names: str) -> str:
        """The first of ``names`` with a value, stripped ('' when none has one): EOIR's
        files name some columns more than one way."""
        for name in names:
            index = self.columns.get(name)
            if index is not None:
                value = self.values[index].strip()
                if value:
                    return value
        return ""

    @property
    def data(self) -> dict[str, str]:
        return {name: self.values[i] for name, i in self.columns.items()}


@dataclass
class Table:
    """One file: its kind, header and where it is; rows are streamed by :func:`rows`."""

    kind: str
    member: Member
    header: list[str]
    delimiter: str
    rows_read: int = 0
    rows_bad: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def release_members(source: Path) -> list[Member]:
    """The data files of a release folder (and its sub-folders) or ``.zip``, by name."""
    if source.is_file() and source.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(source)
        except (OSError, zipfile.BadZipFile) as exc:
            raise InvalidValue(f"cannot read {source.name}: {exc}") from None
        names = [
            info.filename
            for info in archive.infolist()
            if not info.is_dir() and Path(info.filename).suffix.lower() in DATA_SUFFIXES
        ]
        return [
            Member(name, lambda name=name: archive.open(name))  # type: ignore[misc]
            for name in sorted(names)
        ]
    if source.is_file():
        return [Member(source.name, lambda: open(source, "rb"))]
    if not source.is_dir():
        raise InvalidValue(f"no such folder: {source}")
    found = sorted(
        p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in DATA_SUFFIXES
    )
    return [
        Member(p.relative_to(source).as_posix(), lambda p=p: open(p, "rb"))  # type: ignore[misc]
        for p in found
    ]


def decode_line(raw: bytes) -> str:
    """A line's text: UTF-8, else Windows-1252 (what EOIR's Latin-1 exports are), without
    its line end, NUL bytes or other control characters (tab kept)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.rstrip("\r\n").translate(_CONTROLS)


def kind_of(member: Member, columns: list[str]) -> str | None:
    """What a file holds: its release name, else its columns (None: not EOIR data)."""
    stem = member.stem
    if stem in RELEASE_NAMES:
        return RELEASE_NAMES[stem]
    for name in sorted(RELEASE_NAMES, key=len, reverse=True):  # e.g. tbl_schedule_2024
        if stem.startswith(name) and name != "count":
            return RELEASE_NAMES[name]
    present = set(columns)
    if "IDNCASE" in present:
        for column, kind in ROW_ID_COLUMNS:
            if column in present:
                return kind
        return "case"
    if "JUDGE_CODE" in present:
        return "judge"
    if {"BASE_CITY_CODE", "BASE_CITY_NAME"} <= present:
        return "court"
    if present & {"ADJ_RSN", "ADJ_CODE"} and present & {"ADJ_DESC", "DESCRIPTION"}:
        return "adjournment"
    return None


def open_table(member: Member, problems: list[RowProblem]) -> Table | None:
    """Read a file's header and tell its kind; a file that is not EOIR data is reported."""
    try:
        with member.open() as handle:
            first = b""
            for raw in handle:
                if raw.strip(b"\r\n\t ,\x00"):
                    first = raw
                    break
    except OSError as exc:
        problems.append(RowProblem(member.name, 0, f"cannot read the file: {exc}"))
        return None
    text = decode_line(first).lstrip("\ufeff")
    if not text.strip():
        problems.append(RowProblem(member.name, 0, "the file is empty"))
        return None
    delimiter = "\t" if "\t" in text else "|" if "|" in text and "," not in text else ","
    header = [c.strip().strip('"').upper() for c in text.split(delimiter)]
    while header and not header[-1]:
        header.pop()  # trailing blank columns
    kind = kind_of(member, header)
    if kind is None:
        problems.append(
            RowProblem(
                member.name, 1, "not EOIR case data (no IDNCASE or lookup columns); file skipped"
            )
        )
        return None
    return Table(kind, member, header, delimiter)


def _lines(handle: IO[bytes]) -> Iterator[str]:
    for raw in handle:
        yield decode_line(raw)


def _fields(table: Table, handle: IO[bytes]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each line after the header, blank lines left out."""
    lines = _lines(handle)
    header_seen = False
    if table.delimiter == "\t":  # EOIR's own files: no quoting at all
        for number, text in enumerate(lines, start=1):
            if not header_seen:
                header_seen = bool(text.strip(" \t,"))
                continue
            if text.strip(" \t"):
                yield number, text.split("\t")
        return
    reader = csv.reader(lines, delimiter=table.delimiter)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            table.rows_bad += 1
            table.problems.append(
                RowProblem(table.member.name, reader.line_num, f"unreadable row ({exc}); skipped")
            )
            continue
        if not header_seen:
            header_seen = any(v.strip() for v in values)
            continue
        if any(v.strip() for v in values):
            yield reader.line_num, values


def rows(
    table: Table,
    wanted: tuple[str, ...] | None = None,
    keep: Callable[[Row], bool] | None = None,
) -> Iterator[Row]:
    """The table's rows, streamed, with only the ``wanted`` columns (all when None) and
    only those ``keep`` accepts; a row with the wrong number of fields is a problem.
    Repeated values (codes, dates, a case's id) are shared between rows, to keep memory
    low; the table's own row ids (its first column, IDN…) are unique and kept as read."""
    header = table.header
    width = len(header)
    names = [n for n in (wanted or tuple(header)) if n in header]
    indexes = [header.index(n) for n in names]
    columns = {name: i for i, name in enumerate(names)}
    shared: dict[str, str] = {}
    unique = [n == header[0] and n.startswith("IDN") for n in names]
    name = table.member.name
    with table.member.open() as handle:
        for line, values in _fields(table, handle):
            table.rows_read += 1
            if len(values) != width:
                if len(values) > width and not any(v.strip() for v in values[width:]):
                    values = values[:width]  # blank trailing columns
                else:
                    table.rows_bad += 1
                    table.problems.append(
                        RowProblem(
                            name,
                            line,
                            f"has {len(values)} fields, the header has {width}; row skipped",
                        )
                    )
                    continue
            kept = []
            for i, once in zip(indexes, unique, strict=True):
                value = values[i]
                kept.append(value if once or len(value) > 24 else shared.setdefault(value, value))
            row = Row(name, line, tuple(kept), columns)
            if keep is None or keep(row):
                yield row


def read_counts(table: Table) -> dict[str, int]:
    """The row counts a release ships (``Count.txt``: a table name and its count a line)."""
    counts: dict[str, int] = {}
    with table.member.open() as handle:
        for text in io.TextIOWrapper(handle, encoding="latin-1"):
            parts = [p.strip() for p in text.replace(",", "\t").split("\t") if p.strip()]
            if len(parts) >= 2 and parts[-1].isdigit():
                counts[Path(parts[0]).stem.lower()] = int(parts[-1])
    return counts
