"""One EOIR import run: read the folder, check each case's rows, write case by case in
its own transaction, report progress between cases and stop when cancelled.

A case whose write fails leaves nothing of it behind, in the library or in memory, and
is reported; the cases before it stay. Reading is :mod:`caseorg.eoir.tables`, the
rows' meaning :mod:`caseorg.eoir.mapping`, the writes :mod:`caseorg.eoir.writing`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from caseorg.cancel import CancelToken
from caseorg.eoir.mapping import (
    PROCEEDING_DATES,
    CasePlan,
    HearingPlan,
    case_values,
    invalid_date,
    plan_cases,
    plan_hearings,
)
from caseorg.eoir.report import EoirReport, RowProblem, eoir_progress
from caseorg.eoir.tables import Row, Table, data_files, read_table
from caseorg.eoir.writing import EoirWriter
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.library import Library
from caseorg.progress import ProgressCallback
from caseorg.records import find_case
from caseorg.values import format_a_number


class EoirImporter(EoirWriter):
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
        super().__init__(lib)
        self.folder = Path(folder).expanduser()
        self.progress = progress
        self.cancel = cancel or CancelToken()

    def _problem(self, row: Row, message: str) -> None:
        self.report.problems.append(RowProblem(row.file, row.line, message))
        self.report.counts["rows_skipped"] += 1

    def _read(self) -> dict[str, CasePlan]:
        """Every file's rows: lookups taken in, the rest grouped by case."""
        tables: list[Table] = []
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
            self.lookups.read(table)
        return plan_cases(tables, self._problem)

    def _usable(self, plan: CasePlan, owners: dict[int, str], a_numbers: dict[str, str]) -> bool:
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
            problem = invalid_date(proc, PROCEEDING_DATES)
            if problem:
                self._problem(proc, f"{problem}; proceeding row skipped")
            else:
                good.append(proc)
        plan.proceedings = good
        if plan.case_row is None:
            return True
        try:
            plan.values = case_values(plan, self.lookups.courts)
        except ValueError as exc:
            self._problem(plan.case_row, f"{exc}; case IDNCASE {plan.idncase} skipped")
            return False
        a_number = plan.values["a_number"]
        other = a_numbers.get(a_number)
        if other is None:
            found = find_case(self.lib, a_number)
            plan.existing_id = found.id if found else None
            owner = owners.get(found.id) if found else None
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
        ready: list[tuple[CasePlan, list[HearingPlan]]] = []
        codes: set[str] = set()
        owners = self.keys.owners("case")
        a_numbers: dict[str, str] = {}
        for plan in plans.values():
            if not self._usable(plan, owners, a_numbers):
                continue
            hearings = plan_hearings(plan, self.lookups.adjournments, self._problem)
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
            self.keys.begin()
            try:
                self._write_case(plan, hearings)
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
            if self.progress:
                self.progress(eoir_progress(number, total, f"IDNCASE {plan.idncase}"))
        return self.report


def import_eoir(
    lib: Library,
    folder: Path | str,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> EoirReport:
    """Import a folder of EOIR-shaped case data; see :mod:`caseorg.eoir`.

    :raises InvalidValue: the folder does not exist or holds no EOIR data file.
    """
    return EoirImporter(lib, folder, progress=progress, cancel=cancel).run()
