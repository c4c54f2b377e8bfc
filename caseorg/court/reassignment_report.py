"""The reassignment report: for one judge and a period, the cases taken from them and
the cases given to them, and what happened next in each.

Plain data here (rows for --json, CSV and the app); :mod:`caseorg.reports.reassignments`
turns it into the printable HTML.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records import (
    Record,
    get_reassignment,
    judge_by_code,
    list_hearings,
    list_reassignments,
)
from caseorg.values import case_label, parse_date


@dataclass
class ReportRow(Record):
    """One reassignment seen from the judge's side, with the case's later course."""

    reassignment_id: int
    direction: str  # taken (moved off the judge's docket) | given (moved onto it)
    case_id: int
    a_number: str
    a_number_display: str
    respondent: str
    effective_on: str
    from_judge_code: str | None
    from_judge_name: str | None
    to_judge_code: str | None
    to_judge_name: str | None
    reason: str
    ordered_by: str | None
    midstream: bool
    corrects_id: int | None
    corrected_by_id: int | None
    recorded_at: str | None
    next_hearing_id: int | None = None
    next_hearing_at: str | None = None
    next_hearing_kind: str | None = None
    next_hearing_judge_code: str | None = None
    next_hearing_outcome: str | None = None
    hearings_after: int = 0
    in_absentia_orders: list[str] = field(default_factory=list)  # hearing dates
    notice_warnings: list[str] = field(default_factory=list)
    case_status: str = "pending"
    case_outcome: str | None = None
    completed_on: str | None = None
    current_judge_code: str | None = None


@dataclass
class ReassignmentReport(Record):
    judge_code: str
    judge_name: str
    court: str | None
    since: str | None
    until: str | None
    taken: list[ReportRow] = field(default_factory=list)
    given: list[ReportRow] = field(default_factory=list)

    def rows(self) -> list[ReportRow]:
        """Every row in effective-date order (taken and given together)."""
        return sorted([*self.taken, *self.given], key=lambda r: (r.effective_on, r.reassignment_id))


CSV_COLUMNS = (
    "direction",
    "reassignment_id",
    "effective_on",
    "a_number_display",
    "respondent",
    "from_judge_code",
    "to_judge_code",
    "reason",
    "ordered_by",
    "midstream",
    "corrects_id",
    "corrected_by_id",
    "next_hearing_at",
    "next_hearing_kind",
    "next_hearing_judge_code",
    "next_hearing_outcome",
    "hearings_after",
    "in_absentia_orders",
    "notice_warnings",
    "case_status",
    "case_outcome",
    "completed_on",
    "current_judge_code",
)


def reassignment_report(
    lib: Library, judge_code: str, since: str | None = None, until: str | None = None
) -> ReassignmentReport:
    """Cases taken from and given to ``judge_code`` with an effective date in the period.

    :param since: first effective date included (YYYY-MM-DD; default: the beginning).
    :param until: last effective date included (default: no end).
    :raises NotFound: no such judge. :raises InvalidValue: a bad date or an empty period.
    """
    judge = judge_by_code(lib, judge_code)
    first = parse_date(since, "start date").isoformat() if since else None
    last = parse_date(until, "end date").isoformat() if until else None
    if first and last and last < first:
        raise InvalidValue("the end of the period is before its start")
    moves = list_reassignments(lib, since=first, until=last)
    corrected_by: dict[int, int] = {
        row["corrects_id"]: row["id"]
        for row in lib.db.query(
            "SELECT id, corrects_id FROM reassignments WHERE corrects_id IS NOT NULL ORDER BY id"
        )
    }
    report = ReassignmentReport(
        judge_code=judge.code,
        judge_name=judge.name,
        court=judge.court,
        since=first,
        until=last,
    )
    cases: dict[int, dict[str, Any]] = {}
    hearings_of: dict[int, list[Any]] = {}
    for move in moves:
        if move.corrects_id is not None and move.from_judge_id == move.to_judge_id:
            # entered after the case had moved: the corrected entry says where it came from
            earlier = get_reassignment(lib, move.corrects_id)
            move.from_judge_id = earlier.from_judge_id
            move.from_judge_code = earlier.from_judge_code
            move.from_judge_name = earlier.from_judge_name
        if judge.id not in (move.from_judge_id, move.to_judge_id):
            continue
        if move.case_id not in cases:
            cases[move.case_id] = next(
                iter(
                    lib.db.query(
                        """SELECT c.*, j.code AS judge_code FROM cases c
                           LEFT JOIN judges j ON j.id = c.judge_id WHERE c.id = ?""",
                        [move.case_id],
                    )
                )
            )
            hearings_of[move.case_id] = list_hearings(lib, case_id=move.case_id)
        case = cases[move.case_id]
        after = [h for h in hearings_of[move.case_id] if h.starts_at[:10] >= move.effective_on]
        nxt = after[0] if after else None
        absentia = [h for h in after if h.outcome == "in_absentia_order"]
        directions = []
        if move.from_judge_id == judge.id:
            directions.append("taken")
        if move.to_judge_id == judge.id:
            directions.append("given")  # a correction to the same judge is both
        for direction in directions:
            row = ReportRow(
                reassignment_id=move.id,
                direction=direction,
                case_id=move.case_id,
                a_number=case["a_number"] or "",
                a_number_display=case_label(case["a_number"], case["eoir_case_id"]),
                respondent=case["respondent"],
                effective_on=move.effective_on,
                from_judge_code=move.from_judge_code,
                from_judge_name=move.from_judge_name,
                to_judge_code=move.to_judge_code,
                to_judge_name=move.to_judge_name,
                reason=move.reason,
                ordered_by=move.ordered_by,
                midstream=bool(move.midstream),
                corrects_id=move.corrects_id,
                corrected_by_id=corrected_by.get(move.id),
                recorded_at=move.recorded_at,
                next_hearing_id=nxt.id if nxt else None,
                next_hearing_at=nxt.starts_at if nxt else None,
                next_hearing_kind=nxt.kind if nxt else None,
                next_hearing_judge_code=nxt.judge_code if nxt else None,
                next_hearing_outcome=nxt.outcome if nxt else None,
                hearings_after=len(after),
                in_absentia_orders=[h.starts_at[:10] for h in absentia],
                notice_warnings=[h.notice_warning for h in absentia if h.notice_warning],
                case_status=case["status"],
                case_outcome=case["outcome"],
                completed_on=case["completed_on"],
                current_judge_code=case["judge_code"],
            )
            (report.taken if direction == "taken" else report.given).append(row)
    return report


def report_csv(report: ReassignmentReport) -> str:
    """The report's rows as CSV text (lists joined with '; ', booleans as yes/no)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in report.rows():
        data = row.as_dict()
        flat: dict[str, Any] = {}
        for column in CSV_COLUMNS:
            value = data[column]
            if isinstance(value, bool):
                value = "yes" if value else "no"
            elif isinstance(value, list):
                value = "; ".join(value)
            flat[column] = "" if value is None else value
        writer.writerow(flat)
    return out.getvalue()
