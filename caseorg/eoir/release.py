"""Import case data shaped like EOIR's public case data: cases, proceedings, hearings.

A folder holds comma- or tab-separated files (the delimiter and header are
sniffed; each file's kind is told by its columns, unknown columns are ignored):

- cases:        IDNCASE, ALIEN_NBR (the A-number), ALIEN_NAME, NAT, LANG, CUSTODY, CASE_TYPE
- proceedings:  IDNPROCEEDING, IDNCASE, OSC_DATE, INPUT_DATE, IJ_CODE, PREV_IJ_CODE,
                TRANS_IN_DATE, BASE_CITY_CODE, COMP_DATE, DEC_CODE, ABSENTIA, CUSTODY, CASE_TYPE
- schedule:     IDNSCHEDULE, IDNPROCEEDING, IDNCASE, ADJ_DATE, ADJ_TIME_START, CAL_TYPE,
                IJ_CODE, ADJ_RSN, ADJ_MEDIUM, NOTICE_CODE, INPUT_DATE, LANG
- lookups:      JUDGE_CODE + JUDGE_NAME (judges), BASE_CITY_CODE + BASE_CITY_NAME (courts),
                ADJ_RSN/ADJ_CODE + ADJ_DESC (adjournment reasons)

Each case is written in one transaction (never half a case). A row that cannot
be read is reported with its file and line and skipped. Re-importing is
idempotent: what was imported is remembered in ``external_keys`` (with the
values written), so a second import adds nothing, and a changed row updates
only the fields whose source value changed (local edits to other fields stay).
Judge changes that the data shows (a proceeding's PREV_IJ_CODE, or hearings
held by a new judge) are recorded as reassignments with the reason
"inferred from case data".
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseorg.errors import CaseorgError, InvalidValue
from caseorg.importing.pipeline import CancelToken
from caseorg.library.audit import now_iso
from caseorg.library.folder import Library
from caseorg.progress import Progress, ProgressCallback
from caseorg.records.audited import audit, insert_audited, update_audited
from caseorg.records.models import Record
from caseorg.values import format_a_number, parse_a_number

SOURCE = "eoir"
INFERRED_REASON = "inferred from case data"
DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
SNIFF_BYTES = 64 * 1024
PROCEEDING_DATES = ("OSC_DATE", "INPUT_DATE", "COMP_DATE", "TRANS_IN_DATE", "IJ_CHANGE_DATE")

# -- code tables (EOIR's own codes where known; the rest kept as given) ----------------

CUSTODY_CODES = {"D": "detained", "R": "released", "N": "non_detained"}
CASE_TYPE_CODES = {
    "RMV": "removal",
    "DEP": "removal",
    "EXC": "removal",
    "AOC": "asylum_only",
    "WHO": "withholding_only",
    "BON": "bond",
    "BOND": "bond",
}
CAL_TYPE_CODES = {"M": "master", "I": "individual", "B": "bond", "S": "status"}
MEDIUM_CODES = {"P": "in_person", "V": "video", "T": "telephone", "I": "in_person"}
# NOTICE_CODE: how the notice of this hearing went out (served on the row's INPUT_DATE)
NOTICE_CODES: dict[str, tuple[str, bool]] = {
    "1": ("mail", False),
    "M": ("mail", False),
    "2": ("personal", False),
    "P": ("personal", False),
    "3": ("electronic", False),
    "E": ("electronic", False),
    "R": ("mail", True),  # mailed, returned undeliverable
}
DECISION_CODES = {
    "X": "removal ordered",
    "D": "removal ordered",
    "G": "relief granted",
    "R": "relief granted",
    "T": "proceedings terminated",
    "V": "voluntary departure",
    "A": "administratively closed",
    "W": "application withdrawn",
    "O": "other",
}
ADJOURNMENT_CODES = {
    "01": "respondent to seek representation",
    "02": "preparation time requested by respondent",
    "03": "DHS to complete background checks",
    "04": "interpreter not available",
    "06": "case reassigned to another judge",
    "07": "respondent did not appear",
    "10": "merits hearing set",
    "14": "insufficient time to complete the hearing",
    "17": "immigration judge unavailable",
    "24": "pending adjudication of a petition by USCIS",
}
NATIONALITY_CODES = {
    "GT": "Guatemala",
    "HO": "Honduras",
    "ES": "El Salvador",
    "MX": "Mexico",
    "VE": "Venezuela",
    "CU": "Cuba",
    "HA": "Haiti",
    "EC": "Ecuador",
    "CH": "China",
    "IN": "India",
    "NU": "Nicaragua",
    "CO": "Colombia",
    "UP": "Ukraine",
}
LANGUAGE_CODES = {
    "SP": "Spanish",
    "ENG": "English",
    "EN": "English",
    "KIC": "K'iche'",
    "MAM": "Mam",
    "CRE": "Haitian Creole",
    "MAN": "Mandarin",
    "PUN": "Punjabi",
    "POR": "Portuguese",
    "RUS": "Russian",
    "UKR": "Ukrainian",
}


# -- report -----------------------------------------------------------------------------


@dataclass
class RowProblem(Record):
    """A row that was skipped (or a case that was not written), and why."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message}"


def eoir_progress(done: int, total: int, current: str) -> Progress:
    """'3 of 1,200 cases · IDNCASE 7'; before the cases are known, 'Reading the files…'."""
    if not total:
        return Progress("Reading the files…", done, total)
    return Progress(f"{done:,} of {total:,} cases · {current}", done, total)


@dataclass
class EoirReport(Record):
    files: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "cases_created",
                "cases_updated",
                "cases_unchanged",
                "hearings_created",
                "hearings_updated",
                "notices_created",
                "judges_created",
                "judges_updated",
                "reassignments_inferred",
                "rows_skipped",
            ),
            0,
        )
    )
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def summary(self) -> str:
        c = self.counts
        parts = [
            f"{c['cases_created']} cases created",
            f"{c['cases_updated']} updated",
            f"{c['cases_unchanged']} unchanged",
            f"{c['hearings_created']} hearings added",
        ]
        if c["hearings_updated"]:
            parts.append(f"{c['hearings_updated']} hearings updated")
        if c["judges_created"]:
            parts.append(f"{c['judges_created']} judges added")
        if c["reassignments_inferred"]:
            parts.append(f"{c['reassignments_inferred']} reassignments inferred")
        if self.problems:
            parts.append(f"{len(self.problems)} problem(s)")
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")


# -- reading files ------------------------------------------------------------------------


@dataclass
class _Row:
    file: str
    line: int
    data: dict[str, str]

    def get(self, *names: str) -> str:
        for name in names:
            value = self.data.get(name)
            if value is not None and value.strip():
                return value.strip()
        return ""


@dataclass
class _Table:
    kind: str  # case | proceeding | schedule | judge | court | adjournment
    path: Path
    rows: list[_Row] = field(default_factory=list)


def _kind_of(columns: set[str]) -> str | None:
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


def read_table(path: Path, problems: list[RowProblem]) -> _Table | None:
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
    table = _Table(kind, path)
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
        table.rows.append(_Row(name, reader.line_num, dict(zip(columns, values, strict=True))))
    return table


def data_files(folder: Path) -> list[Path]:
    """The data files in ``folder`` (not recursive), in name order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise InvalidValue(f"no such folder: {folder}")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DATA_SUFFIXES)


# -- parsing values -----------------------------------------------------------------------

_MONTHS = {
    m: n
    for n, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}


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


def _code(table: dict[str, Any], value: str) -> Any:
    return table.get(value.strip().upper())


# -- planning one case --------------------------------------------------------------------


@dataclass
class _Hearing:
    key: str
    row: _Row
    values: dict[str, Any]  # hearings columns (judge as code under "judge_code")
    notice: dict[str, Any] | None


@dataclass
class _Change:
    key: str
    from_code: str
    to_code: str
    effective_on: str
    midstream: bool


@dataclass
class _CasePlan:
    idncase: str
    case_row: _Row | None = None
    proceedings: list[_Row] = field(default_factory=list)
    schedule: list[_Row] = field(default_factory=list)


class EoirImporter:
    """Reads a folder of EOIR-shaped files and writes cases, judges and hearings.

    Create, then call :meth:`run`. ``progress`` is called after each case;
    ``cancel`` is checked between cases (what finished is kept).
    """

    def __init__(
        self,
        lib: Library,
        folder: Path | str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ):
        self.lib = lib
        self.folder = Path(folder).expanduser()
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self.report = EoirReport()
        self.judge_names: dict[str, tuple[str, str | None]] = {}  # code -> (name, court code)
        self.courts: dict[str, str] = {}
        self.adjournments: dict[str, str] = dict(ADJOURNMENT_CODES)
        self.judge_ids: dict[str, int] = {}
        self.keys: dict[tuple[str, str], tuple[int, str | None]] = {}
        # keys remembered during the current case, to forget if its transaction rolls back
        self._journal: list[tuple[tuple[str, str], tuple[int, str | None] | None]] = []

    # -- reading ---------------------------------------------------------------------
    def _problem(self, row: _Row, message: str) -> None:
        self.report.problems.append(RowProblem(row.file, row.line, message))
        self.report.counts["rows_skipped"] += 1

    def _read(self) -> dict[str, _CasePlan]:
        tables: list[_Table] = []
        for path in data_files(self.folder):
            table = read_table(path, self.report.problems)
            if table is not None:
                tables.append(table)
                self.report.files.append(
                    {"file": path.name, "kind": table.kind, "rows": len(table.rows)}
                )
        if not tables:
            raise InvalidValue(f"no EOIR case data files (.csv, .tsv, .txt) in {self.folder}")
        for table in tables:
            for row in table.rows:
                if table.kind == "judge":
                    code = row.get("JUDGE_CODE").upper()
                    if code:
                        court = row.get("BASE_CITY_CODE", "JUDGE_COURT", "COURT") or None
                        self.judge_names[code] = (row.get("JUDGE_NAME") or f"Judge {code}", court)
                elif table.kind == "court":
                    self.courts[row.get("BASE_CITY_CODE").upper()] = row.get("BASE_CITY_NAME")
                elif table.kind == "adjournment":
                    code = row.get("ADJ_RSN", "ADJ_CODE").upper()
                    if code:
                        self.adjournments[code] = row.get("ADJ_DESC", "DESCRIPTION")
        plans: dict[str, _CasePlan] = {}
        for table in tables:
            if table.kind not in ("case", "proceeding", "schedule"):
                continue
            for row in table.rows:
                idncase = row.get("IDNCASE")
                if not idncase:
                    self._problem(row, "no IDNCASE; row skipped")
                    continue
                plan = plans.setdefault(idncase, _CasePlan(idncase))
                if table.kind == "case":
                    if plan.case_row is not None:
                        first = plan.case_row
                        self._problem(
                            row,
                            f"IDNCASE {idncase} appears again (first on line {first.line} of "
                            f"{first.file}); row skipped",
                        )
                        continue
                    plan.case_row = row
                elif table.kind == "proceeding":
                    plan.proceedings.append(row)
                else:
                    plan.schedule.append(row)
        return plans

    # -- turning rows into values ------------------------------------------------------
    def _case_values(self, plan: _CasePlan) -> dict[str, Any]:
        """What the case should look like per the data (raises ValueError on a bad row)."""
        row = plan.case_row
        assert row is not None
        try:
            a_number = parse_a_number(row.get("ALIEN_NBR", "A_NUMBER", "ANUMBER", "A_NBR"))
        except InvalidValue as exc:
            raise ValueError(str(exc)) from None
        name = row.get("ALIEN_NAME", "RESPONDENT_NAME", "RESPONDENT")
        if not name:
            name = " ".join(p for p in (row.get("FIRST_NAME"), row.get("LAST_NAME")) if p)
        procs = sorted(plan.proceedings, key=self._proceeding_order)
        latest = procs[-1] if procs else None

        def pick(column: str) -> str:
            return row.get(column) or (latest.get(column) if latest else "")

        nationality = pick("NAT")
        language = pick("LANG")
        values: dict[str, Any] = {
            "a_number": a_number,
            "respondent": name or None,  # a placeholder is used only for a new case
            "nationality": _code(NATIONALITY_CODES, nationality) or nationality or None,
            "language": _code(LANGUAGE_CODES, language) or language or None,
            "custody": _code(CUSTODY_CODES, pick("CUSTODY")) or "non_detained",
            "case_type": _code(CASE_TYPE_CODES, pick("CASE_TYPE")) or "removal",
            "attorney": row.get("ATTORNEY", "ATTY_NAME") or None,
        }
        opened = [d for d in (self._date(p, "OSC_DATE") for p in procs) if d]
        opened += [d for d in (self._date(p, "INPUT_DATE") for p in procs) if d]
        values["opened_on"] = min(opened).isoformat() if opened else None
        values["status"], values["completed_on"], values["outcome"] = "pending", None, None
        if latest is not None:
            done = self._date(latest, "COMP_DATE")
            if done is not None:
                decision = _code(DECISION_CODES, latest.get("DEC_CODE")) or "completed"
                if latest.get("ABSENTIA").upper().startswith("Y"):
                    decision += " in absentia"
                values.update(status="completed", completed_on=done.isoformat(), outcome=decision)
            city = latest.get("BASE_CITY_CODE", "HEARING_LOC_CODE").upper()
            values["court"] = self.courts.get(city) or None
        return values

    @staticmethod
    def _date(row: _Row, column: str) -> dt.date | None:
        """A date column (already validated in :meth:`_validate`)."""
        try:
            return parse_eoir_date(row.get(column))
        except ValueError:
            return None

    def _proceeding_order(self, row: _Row) -> tuple[str, str, int]:
        day = self._date(row, "OSC_DATE") or self._date(row, "INPUT_DATE")
        number = row.get("IDNPROCEEDING")
        return (day.isoformat() if day else "", number.zfill(12), row.line)

    def _validate(self, row: _Row, columns: tuple[str, ...]) -> str | None:
        for column in columns:
            try:
                parse_eoir_date(row.get(column))
            except ValueError:
                return f"invalid {column} {row.get(column)!r}"
        return None

    def _hearings(self, plan: _CasePlan) -> list[_Hearing]:
        """The case's hearings per the schedule rows; bad rows are reported and skipped."""
        completion: dict[str, tuple[str, bool]] = {}
        for proc in plan.proceedings:
            done = self._date(proc, "COMP_DATE")
            if done:
                absentia = proc.get("ABSENTIA").upper().startswith("Y")
                completion[proc.get("IDNPROCEEDING")] = (done.isoformat(), absentia)
        out: dict[str, _Hearing] = {}
        for row in plan.schedule:
            try:
                day = parse_eoir_date(row.get("ADJ_DATE"))
                if day is None:
                    raise ValueError("ADJ_DATE is empty")
            except ValueError:
                self._problem(row, f"invalid ADJ_DATE {row.get('ADJ_DATE')!r}; row skipped")
                continue
            try:
                start = parse_eoir_time(row.get("ADJ_TIME_START"))
            except ValueError:
                self._problem(
                    row, f"invalid ADJ_TIME_START {row.get('ADJ_TIME_START')!r}; row skipped"
                )
                continue
            try:
                served = parse_eoir_date(row.get("INPUT_DATE", "NOTICE_DATE"))
            except ValueError:
                self._problem(row, f"invalid INPUT_DATE {row.get('INPUT_DATE')!r}; row skipped")
                continue
            proceeding = row.get("IDNPROCEEDING")
            key = row.get("IDNSCHEDULE") or f"{plan.idncase}:{proceeding}:{day} {start}"
            if key in out:
                first = out[key].row
                self._problem(
                    row, f"the same hearing as line {first.line} of {first.file}; row skipped"
                )
                continue
            reason_code = row.get("ADJ_RSN").upper()
            if reason_code:
                outcome = "continued"
                reason: str | None = (
                    self.adjournments.get(reason_code) or f"adjournment code {reason_code}"
                )
            else:
                reason = None
                finished = completion.get(proceeding)
                if finished and finished[0] == day.isoformat():
                    outcome = "in_absentia_order" if finished[1] else "decided"
                else:
                    outcome = "pending"
            language = _code(LANGUAGE_CODES, row.get("LANG")) or row.get("LANG") or None
            values: dict[str, Any] = {
                "starts_at": f"{day.isoformat()} {start}",
                "kind": _code(CAL_TYPE_CODES, row.get("CAL_TYPE")) or "master",
                "judge_code": row.get("IJ_CODE").upper() or None,
                "medium": _code(MEDIUM_CODES, row.get("ADJ_MEDIUM")) or "in_person",
                "interpreter_language": None if language == "English" else language,
                "outcome": outcome,
                "adjournment_reason": reason,
            }
            notice = None
            how = _code(NOTICE_CODES, row.get("NOTICE_CODE"))
            if how is not None and served is not None:
                notice = {
                    "served_on": served.isoformat(),
                    "method": how[0],
                    "returned_undeliverable": 1 if how[1] else 0,
                }
            out[key] = _Hearing(key, row, values, notice)
        return sorted(out.values(), key=lambda h: (h.values["starts_at"], h.key))

    def _changes(self, plan: _CasePlan, hearings: list[_Hearing]) -> list[_Change]:
        """Judge changes the data shows, oldest first."""
        changes: list[_Change] = []
        seen: set[tuple[str, str]] = set()
        for proc in sorted(plan.proceedings, key=self._proceeding_order):
            previous = proc.get("PREV_IJ_CODE").upper()
            current = proc.get("IJ_CODE").upper()
            if not previous or not current or previous == current:
                continue
            day = self._date(proc, "TRANS_IN_DATE") or self._date(proc, "IJ_CHANGE_DATE")
            if day is None:
                held = [
                    h
                    for h in hearings
                    if h.values["judge_code"] == current
                    and h.row.get("IDNPROCEEDING") == proc.get("IDNPROCEEDING")
                ]
                day = (
                    dt.date.fromisoformat(held[0].values["starts_at"][:10])
                    if held
                    else self._date(proc, "INPUT_DATE") or self._date(proc, "OSC_DATE")
                )
            if day is None:
                continue
            changes.append(self._change(plan, previous, current, day.isoformat(), hearings))
            seen.add((previous, current))
        previous_code: str | None = None
        for hearing in hearings:
            code = hearing.values["judge_code"]
            if not code or hearing.values["outcome"] == "cancelled":
                continue
            if previous_code and code != previous_code and (previous_code, code) not in seen:
                day = hearing.values["starts_at"][:10]
                changes.append(self._change(plan, previous_code, code, day, hearings))
                seen.add((previous_code, code))
            previous_code = code
        return sorted(changes, key=lambda c: (c.effective_on, c.key))

    @staticmethod
    def _change(
        plan: _CasePlan, from_code: str, to_code: str, day: str, hearings: list[_Hearing]
    ) -> _Change:
        midstream = any(
            h.values["kind"] == "individual"
            and h.values["judge_code"] == from_code
            and h.values["starts_at"][:10] < day
            and h.values["outcome"] != "cancelled"
            for h in hearings
        )
        return _Change(
            f"{plan.idncase}:{from_code}:{to_code}:{day}", from_code, to_code, day, midstream
        )

    # -- writing -----------------------------------------------------------------------
    def _load_keys(self) -> None:
        for row in self.lib.db.query(
            "SELECT kind, key, entity_id, fingerprint FROM external_keys WHERE source = ?",
            [SOURCE],
        ):
            self.keys[(row["kind"], row["key"])] = (row["entity_id"], row["fingerprint"])
        for row in self.lib.db.query("SELECT id, code FROM judges"):
            self.judge_ids[row["code"].upper()] = row["id"]

    def _remember(self, kind: str, key: str, entity_id: int, values: dict[str, Any]) -> None:
        fingerprint = json.dumps(values, sort_keys=True, default=str)
        self.lib.db.execute(
            "INSERT INTO external_keys (source, kind, key, entity_id, fingerprint) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source, kind, key) DO UPDATE SET "
            "entity_id = excluded.entity_id, fingerprint = excluded.fingerprint",
            [SOURCE, kind, key, entity_id, fingerprint],
        )
        self._journal.append(((kind, key), self.keys.get((kind, key))))
        self.keys[(kind, key)] = (entity_id, fingerprint)

    def _previous(self, kind: str, key: str) -> tuple[int | None, dict[str, Any]]:
        known = self.keys.get((kind, key))
        if known is None:
            return None, {}
        entity_id, fingerprint = known
        try:
            return entity_id, json.loads(fingerprint or "{}")
        except ValueError:
            return entity_id, {}

    def _write_judges(self, codes: set[str]) -> None:
        """Add the judges the data names; refresh names from the judge lookup."""
        with self.lib.db.atomic():
            for code in sorted(codes | set(self.judge_names)):
                name, court_code = self.judge_names.get(code, (f"Judge {code}", None))
                court = self.courts.get((court_code or "").upper()) or court_code
                wanted = {"name": name, "court": court}
                judge_id = self.judge_ids.get(code)
                if judge_id is None:
                    judge_id = insert_audited(self.lib, "judges", "judge", {"code": code, **wanted})
                    self.judge_ids[code] = judge_id
                    self._remember("judge", code, judge_id, wanted)
                    self.report.counts["judges_created"] += 1
                elif code in self.judge_names:
                    _id, before = self._previous("judge", code)
                    changes = {k: v for k, v in wanted.items() if before.get(k) != v}
                    if changes:
                        update_audited(self.lib, "judges", "judge", judge_id, changes, "judge")
                        self._remember("judge", code, judge_id, wanted)
                        self.report.counts["judges_updated"] += 1

    def _write_case(self, plan: _CasePlan, hearings: list[_Hearing]) -> None:
        """Write one case, its hearings, notices and inferred reassignments (one transaction)."""
        lib = self.lib
        case_id, before = self._previous("case", plan.idncase)
        changes = self._changes(plan, hearings)
        procs = sorted(plan.proceedings, key=self._proceeding_order)
        final_judge = procs[-1].get("IJ_CODE").upper() if procs else ""
        if not final_judge:
            held = [h.values["judge_code"] for h in hearings if h.values["judge_code"]]
            final_judge = held[-1] if held else ""
        first_judge = changes[0].from_code if changes else final_judge
        created = updated = False
        with lib.db.atomic():
            if plan.case_row is not None:
                wanted = self._case_values(plan)
                wanted["judge_code"] = final_judge or None
                if case_id is None:
                    row = lib.db.execute(
                        "SELECT id FROM cases WHERE a_number = ?", [wanted["a_number"]]
                    ).fetchone()
                    if row is not None:  # opened by hand before the import: link it
                        case_id = int(row[0])
                if case_id is None:
                    stamp = now_iso()
                    values = {k: v for k, v in wanted.items() if k != "judge_code"}
                    if not values["respondent"]:
                        values["respondent"] = f"Respondent {format_a_number(wanted['a_number'])}"
                    values["judge_id"] = self.judge_ids.get(first_judge) if first_judge else None
                    case_id = insert_audited(
                        lib, "cases", "case", {**values, "created_at": stamp, "updated_at": stamp}
                    )
                    created = True
                else:
                    fields = {
                        k: v
                        for k, v in wanted.items()
                        if k not in ("judge_code", "a_number")
                        and before.get(k) != v
                        and (v is not None or k != "respondent")
                    }
                    if fields:
                        fields["updated_at"] = now_iso()
                        update_audited(lib, "cases", "case", case_id, fields, "case")
                        updated = True
                self._remember("case", plan.idncase, case_id, wanted)
            elif case_id is None:
                raise CaseorgError(
                    f"IDNCASE {plan.idncase} is not in the case file nor imported before"
                )
            for hearing in hearings:
                if self._write_hearing(case_id, hearing):
                    updated = True
            for change in changes:
                if self._write_change(case_id, change):
                    updated = True
            if final_judge and plan.case_row is not None:
                judge_id = self.judge_ids.get(final_judge)
                current = lib.db.execute(
                    "SELECT judge_id FROM cases WHERE id = ?", [case_id]
                ).fetchone()[0]
                _id, was = self._previous("case_judge", plan.idncase)
                if judge_id is not None and current != judge_id and was.get("code") != final_judge:
                    lib.db.execute(
                        "UPDATE cases SET judge_id = ?, updated_at = ? WHERE id = ?",
                        [judge_id, now_iso(), case_id],
                    )
                    audit.record(
                        lib.db,
                        lib.actor,
                        "reassign",
                        "case",
                        case_id,
                        {"judge_id": current},
                        {"judge_id": judge_id},
                    )
                    updated = True
                self._remember("case_judge", plan.idncase, case_id, {"code": final_judge})
        key = "cases_created" if created else "cases_updated" if updated else "cases_unchanged"
        self.report.counts[key] += 1

    def _write_hearing(self, case_id: int, hearing: _Hearing) -> bool:
        lib = self.lib
        values = dict(hearing.values)
        code = values.pop("judge_code")
        values["judge_id"] = self.judge_ids.get(code) if code else None
        hearing_id, before = self._previous("hearing", hearing.key)
        changed = False
        if hearing_id is None:
            hearing_id = insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})
            self.report.counts["hearings_created"] += 1
            changed = True
        else:
            fields = {k: v for k, v in values.items() if before.get(k) != v}
            if fields:
                update_audited(lib, "hearings", "hearing", hearing_id, fields, "hearing")
                self.report.counts["hearings_updated"] += 1
                changed = True
        if before != values:
            self._remember("hearing", hearing.key, hearing_id, values)
        if hearing.notice is not None:
            notice_id, seen = self._previous("notice", hearing.key)
            if notice_id is None:
                notice_id = insert_audited(
                    lib, "notices", "notice", {"hearing_id": hearing_id, **hearing.notice}
                )
                self.report.counts["notices_created"] += 1
                self._remember("notice", hearing.key, notice_id, hearing.notice)
                changed = True
            else:
                fields = {k: v for k, v in hearing.notice.items() if seen.get(k) != v}
                if fields:
                    update_audited(lib, "notices", "notice", notice_id, fields, "notice")
                    self._remember("notice", hearing.key, notice_id, hearing.notice)
                    changed = True
        return changed

    def _write_change(self, case_id: int, change: _Change) -> bool:
        if ("reassignment", change.key) in self.keys:
            return False
        from_id = self.judge_ids.get(change.from_code)
        to_id = self.judge_ids.get(change.to_code)
        if to_id is None:
            return False
        values = {
            "case_id": case_id,
            "from_judge_id": from_id,
            "to_judge_id": to_id,
            "effective_on": change.effective_on,
            "reason": INFERRED_REASON,
            "ordered_by": None,
            "midstream": 1 if change.midstream else 0,
            "recorded_at": now_iso(),
            "corrects_id": None,
        }
        row_id = insert_audited(self.lib, "reassignments", "reassignment", values)
        self._remember("reassignment", change.key, row_id, {"effective_on": change.effective_on})
        self.report.counts["reassignments_inferred"] += 1
        return True

    # -- the whole run -------------------------------------------------------------------
    def _usable(self, plan: _CasePlan, owners: dict[int, str], a_numbers: dict[str, str]) -> bool:
        """Report what is wrong with a case's rows; False when the case cannot be imported.

        A bad proceeding row is skipped (reported); a bad case row skips the case.
        """
        if plan.case_row is None and ("case", plan.idncase) not in self.keys:
            rows = plan.proceedings + plan.schedule
            first = min(rows, key=lambda r: (r.file, r.line))
            self._problem(
                first,
                f"IDNCASE {plan.idncase} is not in the case file ({len(rows)} row(s) skipped)",
            )
            return False
        good = []
        for proc in plan.proceedings:
            problem = self._validate(proc, PROCEEDING_DATES)
            if problem:
                self._problem(proc, f"{problem}; proceeding row skipped")
            else:
                good.append(proc)
        plan.proceedings = good
        if plan.case_row is None:
            return True
        try:
            a_number = self._case_values(plan)["a_number"]
        except ValueError as exc:
            self._problem(plan.case_row, f"{exc}; case IDNCASE {plan.idncase} skipped")
            return False
        other = a_numbers.get(a_number)
        if other is None:
            row = self.lib.db.execute(
                "SELECT id FROM cases WHERE a_number = ?", [a_number]
            ).fetchone()
            owner = owners.get(int(row[0])) if row else None
            other = owner if owner != plan.idncase else None
        if other is not None:
            self._problem(
                plan.case_row,
                f"A-number {format_a_number(a_number)} is already case IDNCASE {other}; "
                f"case IDNCASE {plan.idncase} skipped",
            )
            return False
        a_numbers[a_number] = plan.idncase
        return True

    def run(self) -> EoirReport:
        self.lib.require_writable()
        plans = self._read()
        self._load_keys()
        ready: list[tuple[_CasePlan, list[_Hearing]]] = []
        codes: set[str] = set()
        owners = {
            entity_id: key for (kind, key), (entity_id, _f) in self.keys.items() if kind == "case"
        }
        a_numbers: dict[str, str] = {}
        for plan in plans.values():
            if not self._usable(plan, owners, a_numbers):
                continue
            hearings = self._hearings(plan)
            codes.update(h.values["judge_code"] for h in hearings if h.values["judge_code"])
            for proc in plan.proceedings:
                codes.update(c for c in (proc.get("IJ_CODE"), proc.get("PREV_IJ_CODE")) if c)
            ready.append((plan, hearings))
        self._write_judges({c.upper() for c in codes})
        total = len(ready)
        if self.progress:
            self.progress(eoir_progress(0, total, "judges"))
        for number, (plan, hearings) in enumerate(ready, start=1):
            if self.cancel.cancelled:
                self.report.cancelled = True
                break
            counts = dict(self.report.counts)
            self._journal = []
            try:
                self._write_case(plan, hearings)
            except (CaseorgError, ValueError, sqlite3.Error) as exc:
                # the transaction rolled back: forget what this case added in memory too
                for item, before in reversed(self._journal):
                    if before is None:
                        self.keys.pop(item, None)
                    else:
                        self.keys[item] = before
                self.report.counts = counts
                row = plan.case_row or (plan.proceedings + plan.schedule)[0]
                self.report.problems.append(
                    RowProblem(
                        row.file,
                        row.line,
                        f"case IDNCASE {plan.idncase} not imported (nothing of it was "
                        f"written): {exc}",
                    )
                )
            if self.progress:
                self.progress(eoir_progress(number, total, f"IDNCASE {plan.idncase}"))
        return self.report


def import_eoir(
    lib: Library,
    folder: Path | str,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> EoirReport:
    """Import a folder of EOIR-shaped case data; see the module docstring.

    :raises InvalidValue: the folder does not exist or holds no EOIR data file.
    """
    return EoirImporter(lib, folder, progress=progress, cancel=cancel).run()
