"""Reading EOIR-shaped files: which files, their delimiter and header, their rows (each
with its file and line, for problems), and the dates and times as SQL Server exports them.

A file's kind is told by its columns; unknown columns are ignored, and a file that is
not EOIR-shaped is reported and skipped. Nothing here knows about records.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseorg.eoir.report import RowProblem
from caseorg.errors import InvalidValue

DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
SNIFF_BYTES = 64 * 1024


@dataclass
class Row:
    """One data row, by upper-case column name, with where it came from for problems."""

    file: str
    line: int
    data: dict[str, str]

    def get(self, *names: str) -> str:
        """The first of ``names`` with a value, stripped ('' when none has one): EOIR's
        files name some columns more than one way."""
        for name in names:
            value = self.data.get(name)
            if value is not None and value.strip():
                return value.strip()
        return ""


@dataclass
class Table:
    """One file's rows and what kind of rows they are."""

    kind: str  # case | proceeding | schedule | judge | court | adjournment
    path: Path
    rows: list[Row] = field(default_factory=list)


def _kind_of(columns: set[str]) -> str | None:
    """What a file holds, told by its columns (None: not EOIR case data)."""
    if "IDNCASE" in columns:
        if "ADJ_DATE" in columns:
            return "schedule"
        if "IDNPROCEEDING" in columns:
            return "proceeding"
        return "case"
    if "JUDGE_CODE" in columns:
        return "judge"
    if "BASE_CITY_CODE" in columns and "BASE_CITY_NAME" in columns:
        return "court"
    if columns & {"ADJ_RSN", "ADJ_CODE"} and columns & {"ADJ_DESC", "DESCRIPTION"}:
        return "adjournment"
    return None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # EOIR's files are often Windows-1252


def read_table(path: Path, problems: list[RowProblem]) -> Table | None:
    """Read one data file; a file that is not EOIR-shaped is reported and skipped."""
    name = path.name
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        problems.append(RowProblem(name, 0, f"cannot read the file: {exc.strerror or exc}"))
        return None
    if not text.strip():
        problems.append(RowProblem(name, 0, "the file is empty"))
        return None
    sample = text[:SNIFF_BYTES]
    sniffer = csv.Sniffer()
    try:
        dialect: Any = sniffer.sniff(sample, delimiters=",\t|;")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() in (".tsv", ".tab", ".txt") else csv.excel
    reader = csv.reader(text.splitlines(keepends=True), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        problems.append(RowProblem(name, 1, "no header row"))
        return None
    columns = [c.strip().upper().lstrip("\ufeff") for c in header]
    kind = _kind_of(set(columns))
    if kind is None:
        try:
            headed = sniffer.has_header(sample)
        except csv.Error:
            headed = False
        why = "no IDNCASE or JUDGE_CODE column" if headed else "no header row"
        problems.append(RowProblem(name, 1, f"not EOIR case data ({why}); file skipped"))
        return None
    table = Table(kind, path)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(RowProblem(name, reader.line_num, f"unreadable row ({exc}); skipped"))
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(columns):
            problems.append(
                RowProblem(
                    name,
                    reader.line_num,
                    f"has {len(values)} fields, the header has {len(columns)}; row skipped",
                )
            )
            continue
        table.rows.append(Row(name, reader.line_num, dict(zip(columns, values, strict=True))))
    return table


def data_files(folder: Path) -> list[Path]:
    """The data files in ``folder`` (not recursive), in name order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise InvalidValue(f"no such folder: {folder}")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DATA_SUFFIXES)


# -- values as SQL Server exports them (and as hand-edited files spell them) --------

_MONTHS = {
    m: n
    for n, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}


@functools.lru_cache(maxsize=8192)  # a release repeats the same days many times over
def parse_eoir_date(text: str) -> dt.date | None:
    """'2024-03-14', '2024-03-14 00:00:00.000', '03/14/2024' or '14-MAR-24'; '' is None."""
    value = text.strip()
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: .*)?", value)
    if match:
        month, day, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})", value)
    if match and match.group(2).upper() in _MONTHS:
        year = int(match.group(3))
        if year < 100:
            year += 2000 if year < 70 else 1900
        return dt.date(year, _MONTHS[match.group(2).upper()], int(match.group(1)))
    raise ValueError(value)


@functools.lru_cache(maxsize=2048)
def parse_eoir_time(text: str) -> str:
    """'0900', '900', '09:00', '9:00 AM', '1:30PM' -> 'HH:MM'; '' is 09:00."""
    value = text.strip().upper().replace(".", "")
    if not value:
        return "09:00"
    match = re.fullmatch(r"(\d{1,2}):?(\d{2})\s*(AM|PM)?", value)
    if not match:
        raise ValueError(value)
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half == "PM" and hour < 12:
        hour += 12
    elif half == "AM" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise ValueError(value)
    return f"{hour:02d}:{minute:02d}"
