"""One EOIR import run: read the release (lookups first, then proceedings, cases and the
schedule, streamed and kept to what ``--court``/``--judge``/``--since`` ask for), check
each case's rows, write case by case in its own transaction, report progress and stop
when cancelled.

A case whose write fails leaves nothing of it behind, in the library or in memory, and
is reported; the cases before it stay. Reading is :mod:`caseorg.eoir.tables`, the
rows' meaning :mod:`caseorg.eoir.mapping`, the writes :mod:`caseorg.eoir.writing`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from caseorg.cancel import CancelToken
from caseorg.eoir.a_numbers import apply_a_numbers, read_a_numbers
from caseorg.eoir.mapping import (
    PROCEEDING_DATES,
    CasePlan,
    case_values,
    invalid_date,
    plan_hearings,
    proceeding_order,
)
from caseorg.eoir.report import EoirReport, RowProblem, eoir_progress
from caseorg.eoir.spill import RowSpill
from caseorg.eoir.tables import (
    LOOKUP_KINDS,
    Row,
    Table,
    open_table,
    read_counts,
    release_members,
    rows,
)
from caseorg.eoir.values import parse_eoir_date
from caseorg.eoir.writing import EoirWriter
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.library import Library
from caseorg.progress import Progress, ProgressCallback
from caseorg.records import find_case
from caseorg.values import format_a_number, parse_date

# the columns kept of each big table (the rest is not read into memory)
WANTED = {
    "proceeding": [
        "IDNPROCEEDING",
        "IDNCASE",
        "OSC_DATE",
        "INPUT_DATE",
        "BASE_CITY_CODE",
        "HEARING_LOC_CODE",
        "IJ_CODE",
        "PREV_IJ_CODE",
        "PREV_HEARING_BASE",
        "TRANSFER_DATE",
        "TRANS_IN_DATE",
        "TRANSFER_TO",
        "TRANSFER_STATUS",
        "DEC_CODE",
        "OTHER_COMP",
        "COMP_DATE",
        "ABSENTIA",
        "CUSTODY",
        "CASE_TYPE",
        "CASETYPE",
        "NAT",
        "LANG",
    ],
    "schedule": [
        "IDNSCHEDULE",
        "IDNPROCEEDING",
        "IDNCASE",
        "BASE_CITY_CODE",
        "IJ_CODE",
        "LANG",
        "INPUT_DATE",
        "CAL_TYPE",
        "ADJ_DATE",
        "ADJ_TIME_START",
        "ADJ_RSN",
        "ADJ_MEDIUM",
        "ADJ_MED",
        "NOTICE_CODE",
    ],
    "representation": [
        "IDNREPSASSIGNED",
        "IDNCASE",
        "STRATTYLEVEL",
        "STRATTYTYPE",
        "BLNPRIMEATTY",
        "E_28_DATE",
    ],
    "charge": ["IDNPRCDCHG", "IDNCASE", "IDNPROCEEDING", "CHARGE", "CHG_STATUS"],
    "application": [
        "IDNPROCEEDINGAPPLN",
        "IDNPROCEEDING",
        "IDNCASE",
        "APPL_CODE",
        "APPL_RECD_DATE",
        "APPL_DEC",
    ],
    "motion": [
        "IDNMOTION",
        "IDNPROCEEDING",
        "IDNCASE",
        "REC_TYPE",
        "INPUT_DATE",
        "DEC",
        "COMP_DATE",
        "MOTION_RECD_DATE",
        "STRFILINGPARTY",
    ],
    "custody": ["IDNCUSTODY", "IDNCASE", "CUSTODY", "CHARGE", "CUSTODY_DATE"],
    "bond": [
        "IDNASSOCBOND",
        "IDNPROCEEDING",
        "IDNCASE",
        "BASE_CITY_CODE",
        "HEARING_LOC_CODE",
        "IJ_CODE",
        "INPUT_DATE",
        "DEC",
        "COMP_DATE",
        "INITIAL_BOND",
        "NEW_BOND",
        "BOND_HEAR_REQ_DATE",
    ],
}
READ_ORDER = (
    "proceeding",
    "case",
    "schedule",
    "representation",
    "charge",
    "application",
    "motion",
    "custody",
    "bond",
)
BATCH_SECONDS = 1.0  # cases written between commits (a kill loses at most this much)


@dataclass(frozen=True)
class Scope:
    """What of a national release a court or judge needs (all when empty)."""

    court: str | None = None
    judge: str | None = None
    since: dt.date | None = None

    @property
    def limited(self) -> bool:
        return bool(self.court or self.judge or self.since)

    def keeps_proceeding(self, row: Row) -> bool:
        if self.court and self.court != row.get("BASE_CITY_CODE").upper():
            return False
        if self.judge and self.judge != row.get("IJ_CODE").upper():
            return False
        if self.since:
            days = [_day(row, c) for c in ("COMP_DATE", "INPUT_DATE", "OSC_DATE")]
            open_ = not row.get("COMP_DATE")
            return open_ or any(d is not None and d >= self.since for d in days)
        return True


def _day(row: Row, column: str) -> dt.date | None:
    try:
        return parse_eoir_date(row.get(column))
    except ValueError:
        return None


class EoirImporter(EoirWriter):
    """Reads an EOIR release (folder or .zip) and writes cases, judges and hearings.

    Create, then call :meth:`run`. ``progress`` is called while reading and after each
    case; ``cancel`` is checked between files and cases (what finished is kept).
    """

    def __init__(
        self,
        lib: Library,
        folder: Path | str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        scope: Scope | None = None,
        a_numbers: Path | str | None = None,
    ):
        super().__init__(lib)
        self.folder = Path(folder).expanduser()
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self.scope = scope or Scope()
        self.a_numbers_file = Path(a_numbers).expanduser() if a_numbers else None
        self.a_numbers: dict[str, str] = {}
        self.rows_read = 0
        self.schedule_judges: set[str] = set()

    def _problem(self, row: Row, message: str) -> None:
        self.report.problems.append(RowProblem(row.file, row.line, message))
        self.report.counts["rows_skipped"] += 1

    def _tables(self) -> list[Table]:
        tables = []
        for member in release_members(self.folder):
            table = open_table(member, self.report.problems)
            if table is not None:
                tables.append(table)
        if not any(t.kind not in LOOKUP_KINDS and t.kind != "counts" for t in tables):
            raise InvalidValue(
                f"no EOIR case data files (A_TblCase, B_TblProceeding, tbl_schedule …) "
                f"in {self.folder}"
            )
        return tables

    def _stream(self, table: Table, keep: Callable[[Row], bool] | None = None) -> Iterator[Row]:
        """A table's rows (kept ones), with progress every 50,000 rows read."""
        wanted = WANTED.get(table.kind)
        for row in rows(table, tuple(wanted) if wanted else None, keep):
            yield row
            if table.rows_read % 50_000 == 0:
                self._reading(table)

    def _reading(self, table: Table) -> None:
        if self.progress:
            read = self.rows_read + table.rows_read
            self.progress(Progress(f"Reading {table.member.name}: {read:,} rows", read, 0))
        if self.cancel.cancelled:
            raise _Cancelled

    def _read(self) -> dict[str, CasePlan]:
        """Every file's rows: lookups taken in, the rest grouped by case (what the scope
        keeps only), row counts checked against the release's Count file."""
        tables = self._tables()
        counts: dict[str, int] = {}
        for table in tables:
            if table.kind == "counts":
                counts.update(read_counts(table))
            elif table.kind in LOOKUP_KINDS:
                self.lookups.read(table.kind, rows(table))
                self._done(table, table.rows_read)
        plans: dict[str, CasePlan] = {}
        chosen: set[str] | None = set() if self.scope.limited else None
        for kind in READ_ORDER:
            for table in (t for t in tables if t.kind == kind):
                self._read_table(table, plans, chosen)
        for table in tables:
            self.report.problems.extend(table.problems)
            self.report.counts["rows_skipped"] += table.rows_bad
            expected = counts.get(table.member.stem)
            if expected is not None and table.rows_read < expected:
                self.report.problems.append(
                    RowProblem(
                        table.member.name,
                        0,
                        f"short file: {table.rows_read:,} rows read, the release's count "
                        f"says {expected:,}",
                    )
                )
        return plans

    def _read_table(
        self, table: Table, plans: dict[str, CasePlan], chosen: set[str] | None
    ) -> None:
        kind = table.kind

        def keep(row: Row) -> bool:
            idncase = row.get("IDNCASE")
            if not idncase:
                self._problem(row, "no IDNCASE; row skipped")
                return False
            if kind == "proceeding" and chosen is not None:
                if not self.scope.keeps_proceeding(row):
                    return False
                chosen.add(idncase)
                return True
            return chosen is None or idncase in chosen

        kept = 0
        for row in self._stream(table, keep):
            kept += 1
            plan = plans.setdefault(row.get("IDNCASE"), CasePlan(row.get("IDNCASE")))
            if kind == "case":
                if plan.case_row is not None:
                    first = plan.case_row
                    self._problem(
                        row,
                        f"IDNCASE {plan.idncase} appears again (first on line {first.line} "
                        f"of {first.file}); row skipped",
                    )
                    continue
                plan.case_row = row
            elif kind == "proceeding":
                plan.proceedings.append(row)
            elif kind == "schedule":  # on disk until the case is written
                self.spill.add(plan.idncase, row)
                plan.spilled += 1
                plan.first_spilled = plan.first_spilled or row
                self.schedule_judges.add(row.get("IJ_CODE"))
            elif kind == "representation":
                plan.reps.append(row)
            else:  # charges, applications, motions, custody, bonds
                plan.life.setdefault(kind, []).append(row)
        self._done(table, kept)
        self.rows_read += table.rows_read

    def _done(self, table: Table, kept: int) -> None:
        self.report.files.append(
            {"file": table.member.name, "kind": table.kind, "rows": table.rows_read, "kept": kept}
        )

    def _usable(self, plan: CasePlan, a_numbers: dict[str, str]) -> bool:
        """Report what is wrong with a case's rows; False when the case cannot be imported.

        A bad proceeding row is skipped (reported); a bad case row skips the case.
        """
        known = ("case", plan.idncase) in self.keys
        if plan.case_row is None and not known:
            others = [row for rows_of_kind in plan.life.values() for row in rows_of_kind]
            rows_ = [*plan.proceedings, *plan.reps, *others]
            rows_ += [plan.first_spilled] if plan.first_spilled else []
            first = min(rows_, key=lambda r: (r.file, r.line))
            skipped = len(rows_) - (1 if plan.first_spilled else 0) + plan.spilled
            self._problem(
                first, f"IDNCASE {plan.idncase} is not in the case file ({skipped} row(s) skipped)"
            )
            return False
        good = []
        for proc in plan.proceedings:
            problem = invalid_date(proc, PROCEEDING_DATES)
            if problem:
                self._problem(proc, f"{problem}; proceeding row skipped")
            else:
                good.append(proc)
        plan.proceedings = sorted(good, key=proceeding_order)
        if plan.case_row is None:
            return True
        try:
            plan.values = case_values(plan, self.lookups)
        except ValueError as exc:
            self._problem(plan.case_row, f"{exc}; case IDNCASE {plan.idncase} skipped")
            return False
        if not known:
            found = find_case(self.lib, f"EOIR {plan.idncase}")
            plan.existing_id = found.id if found else None
        a_number = plan.values["a_number"] or self.a_numbers.get(plan.idncase)
        plan.values["a_number"] = a_number
        if a_number is None:
            return True
        other = a_numbers.get(a_number)
        if other is None:
            found = find_case(self.lib, a_number)
            if found is not None and found.eoir_case_id not in (None, plan.idncase):
                other = found.eoir_case_id
            elif found is not None and plan.existing_id is None:
                plan.existing_id = found.id  # opened by hand before the import: link it
        if other is not None:
            self._problem(
                plan.case_row,
                f"A-number {format_a_number(a_number)} is already case IDNCASE {other}; "
                f"case IDNCASE {plan.idncase} skipped",
            )
            return False
        a_numbers[a_number] = plan.idncase
        return True

    spill: RowSpill  # the schedule's rows, for one run

    def run(self) -> None:
        self.spill = RowSpill()
        try:
            self._run()
        finally:
            self.spill.close()

    def _run(self) -> None:
        self.lib.require_writable()
        if self.a_numbers_file is not None:
            self.a_numbers = read_a_numbers(self.a_numbers_file, self.report.problems)
        try:
            plans = self._read()
        except _Cancelled:
            self.report.cancelled = True
            return
        ready: list[CasePlan] = []
        codes: set[str] = set()
        a_numbers: dict[str, str] = {}
        for plan in plans.values():
            if not self._usable(plan, a_numbers):
                continue
            for proc in plan.proceedings:
                codes.update(c for c in (proc.get("IJ_CODE"), proc.get("PREV_IJ_CODE")) if c)
            ready.append(plan)
        del plans
        codes |= {c for c in self.schedule_judges if c}
        self._write_judges({c.upper() for c in codes})
        self._write_cases(ready)
        if self.a_numbers and not self.report.cancelled:
            apply_a_numbers(self.lib, self.a_numbers, self.report)

    def _write_cases(self, ready: list[CasePlan]) -> None:
        """Write case by case, each all or nothing (a savepoint), committed a batch at a
        time (about a second of work: one commit per case would be most of the import)."""
        total = len(ready)
        if self.progress:
            self.progress(eoir_progress(0, total, "judges"))
        start = 0
        self.keys.defer = True  # keys and codes stored once per batch
        while start < total and not self.report.cancelled:
            with self.lib.db.atomic():
                start = self._write_batch(ready, start)
                self.keys.flush()
                self.flush_codes()
            self.keys.release()
        self.keys.defer = False

    def _write_batch(self, ready: list[CasePlan], start: int) -> int:
        """Write cases from ``start`` for about a second; the index of the next one. A
        case's hearings are planned as it is written, and its rows let go after (memory
        stays near what the rows took to read)."""
        total = len(ready)
        until = time.monotonic() + BATCH_SECONDS
        number = start
        while number < total and time.monotonic() < until:
            plan = ready[number]
            number += 1
            if self.cancel.cancelled:
                self.report.cancelled = True
                return number
            plan.schedule = self.spill.rows_of(plan.idncase) if plan.spilled else []
            hearings = plan_hearings(plan, self.lookups, self._problem)
            self.keys.load_case(plan.idncase, [h.key for h in hearings])
            counts = dict(self.report.counts)
            self.keys.begin()
            self.case_codes = []
            try:
                self._write_case(plan, hearings)
                self.keys.case_done()
                self.batch_codes += self.case_codes
            except (CaseorgError, ValueError, sqlite3.Error) as exc:
                # the transaction rolled back: forget what this case added in memory too
                self.keys.forget_since_begin()
                self.report.counts = counts
                row = plan.first_row()
                self.report.problems.append(
                    RowProblem(
                        row.file,
                        row.line,
                        f"case IDNCASE {plan.idncase} not imported (nothing of it was "
                        f"written): {exc}",
                    )
                )
            plan.schedule, plan.reps, plan.proceedings, plan.life = [], [], [], {}
            if self.progress and (number % 100 == 0 or number == total):
                self.progress(eoir_progress(number, total, f"EOIR {plan.idncase}"))
        return number


class _Cancelled(Exception):
    """Cancel pressed while reading: nothing was written yet."""


def import_eoir(
    lib: Library,
    folder: Path | str,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    court: str | None = None,
    judge: str | None = None,
    since: str | None = None,
    a_numbers: Path | str | None = None,
) -> EoirReport:
    """Import EOIR's case data (a release folder or .zip); see :mod:`caseorg.eoir`.
    ``court`` (a base city code), ``judge`` (a judge code) and ``since`` (a day) keep only
    the proceedings, and their cases, that a court or judge needs; ``a_numbers`` is a
    court's own two-column file (IDNCASE, A-number).

    :raises InvalidValue: the folder does not exist or holds no EOIR data file.
    """
    scope = Scope(
        court=court.strip().upper() if court else None,
        judge=judge.strip().upper() if judge else None,
        since=parse_date(since, "--since day") if since else None,
    )
    importer = EoirImporter(lib, folder, progress, cancel, scope=scope, a_numbers=a_numbers)
    importer.run()
    return importer.report
