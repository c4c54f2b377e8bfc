"""The printed reassignment report: the cases taken from one judge and given to them in a
period, each with its reason, who ordered it and what happened next.

The rows come from :func:`caseorg.court.reassignment_report.reassignment_report`;
this module only words them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.court.reassignment_report import ReportRow, reassignment_report
from caseorg.library import Library
from caseorg.reports.parts import heading
from caseorg.reports.templates import render
from caseorg.values import stored_day, stored_moment
from caseorg.words import (
    choice_words,
    judge_name,
    long_date,
    or_dash,
    paper_date,
    paper_datetime,
    sentence,
)


def period_words(since: str | None, until: str | None) -> str:
    first, last = stored_day(since), stored_day(until)
    if first and last:
        return f"{long_date(first)} through {long_date(last)}"
    if first:
        return f"From {long_date(first)}"
    if last:
        return f"Through {long_date(last)}"
    return "All dates on record"


def _next_hearing(row: ReportRow) -> str:
    """'03/05/2026 9:00 AM Master, IJ RTO: Continued', or 'No later hearing'."""
    if stored_moment(row.next_hearing_at) is None:
        return "No later hearing"
    judge = f", IJ {row.next_hearing_judge_code}" if row.next_hearing_judge_code else ""
    return (
        f"{paper_datetime(row.next_hearing_at)} "
        f"{choice_words('kind_short', row.next_hearing_kind)}{judge}: "
        f"{choice_words('outcome', row.next_hearing_outcome)}"
    )


def _case_now(row: ReportRow, judge_code: str) -> str:
    """'Pending (now IJ RTO)' or 'Completed 09/16/2024: granted'."""
    if row.case_status == "pending":
        text = "Pending"
        if row.current_judge_code and row.current_judge_code != judge_code:
            text += f" (now IJ {row.current_judge_code})"
        return text
    text = choice_words("status", row.case_status)
    if row.completed_on:
        text += f" {or_dash(paper_date(row.completed_on))}"
    if row.case_outcome:
        text += f": {row.case_outcome}"
    return text


def _report_row(row: ReportRow, judge_code: str) -> dict[str, Any]:
    other_is_from = row.direction == "given"
    other_name = row.from_judge_name if other_is_from else row.to_judge_name
    other_code = row.from_judge_code if other_is_from else row.to_judge_code
    return {
        "id": row.reassignment_id,
        "effective_on": or_dash(paper_date(row.effective_on)),
        "a_number": row.a_number_display,
        "respondent": row.respondent,
        "other_judge": judge_name(other_name, other_code, missing="(unassigned)"),
        "reason": sentence(or_dash(row.reason)),
        "ordered_by": (row.ordered_by or "").strip() or None,
        "midstream": row.midstream,
        "corrects": f"Corrects #{row.corrects_id}" if row.corrects_id else None,
        "corrected_by": f"Corrected by #{row.corrected_by_id}" if row.corrected_by_id else None,
        "next_hearing": _next_hearing(row),
        "hearings_after": row.hearings_after,
        "in_absentia": [or_dash(paper_date(day)) for day in row.in_absentia_orders],
        "notice_warnings": [sentence(text) for text in row.notice_warnings],
        "case_now": _case_now(row, judge_code),
    }


def reassignment_report_context(
    lib: Library,
    judge_code: str,
    since: str | None = None,
    until: str | None = None,
    court_name: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The reassignment report as display strings: cases taken from the judge, cases
    given to them, each with its reason, who ordered it and what happened next.

    :raises NotFound: no such judge. :raises InvalidValue: a bad date.
    """
    report = reassignment_report(lib, judge_code, since, until)
    taken = [_report_row(r, report.judge_code) for r in report.taken]
    given = [_report_row(r, report.judge_code) for r in report.given]
    every = [*taken, *given]
    return {
        **heading("Reassignment Report", court_name or report.court, lib, now),
        "judge": judge_name(report.judge_name, report.judge_code),
        "period": period_words(report.since, report.until),
        "taken": taken,
        "given": given,
        "midstream_count": sum(1 for r in every if r["midstream"]),
        "absentia_count": sum(len(r["in_absentia"]) for r in every),
        "warning_count": sum(len(r["notice_warnings"]) for r in every),
    }


def reassignment_report_html(
    lib: Library,
    judge_code: str,
    since: str | None = None,
    until: str | None = None,
    court_name: str | None = None,
) -> str:
    """The printable reassignment report for one judge and period, as HTML."""
    return render(
        "reassignments.html",
        reassignment_report_context(lib, judge_code, since, until, court_name),
    )
