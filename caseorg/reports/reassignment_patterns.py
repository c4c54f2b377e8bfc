"""The printed reassignment pattern report for a court and period: per judge, the cases
moved out and in by month and reason, outcomes before and after, and the moves that
followed a continuance for notice — then every move with its order and what came just
before it, so each figure can be traced to its cases.

The figures come from :func:`caseorg.court.pattern_report`; this module only words them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.court import PatternReport
from caseorg.library import Library
from caseorg.reports.parts import heading
from caseorg.reports.reassignments import period_words
from caseorg.reports.templates import render
from caseorg.words import choice_words, or_dash, us_date

ROLE_WORDS = {
    "acij": "ACIJ",
    "chief_judge": "Chief Judge",
    "other": "other",
    "home_court": "home court",
    "visiting": "visiting",
    "supervisory": "supervisory",
}
OUTCOME_WORDS = {
    "in_absentia_orders": "In absentia orders",
    "removal_orders": "Removal orders",
    "continuances": "Continuances",
}


def _cases(figure: dict[str, Any]) -> str:
    return ", ".join(figure["cases"]) or "—"


def _move(row: Any) -> dict[str, Any]:
    last = "No hearing held by the original judge"
    if row.last_action_on:
        last = f"{us_date(row.last_action_on)} {choice_words('outcome', row.last_action_outcome)}"
        if row.last_action_reason:
            last += f" ({row.last_action_reason})"
        last += f", {row.days_since_last_action} day(s) before the move"
    by = row.ordered_by or "—"
    if row.ordered_by_role:
        by += f" ({ROLE_WORDS.get(row.ordered_by_role, row.ordered_by_role)})"
    first = "No hearing since"
    if row.first_hearing_after_on:
        first = f"{us_date(row.first_hearing_after_on)}: " + (
            "familiarity certified" if row.familiarity_certified else "no certification"
        )
    return {
        "order": f"#{row.order_id}" if row.order_id else "—",
        "effective_on": or_dash(us_date(row.effective_on)),
        "case": row.case,
        "respondent": row.respondent,
        "judges": f"{row.from_judge or '(unassigned)'} → {row.to_judge}"
        + (f" ({ROLE_WORDS[row.to_judge_role]})" if row.to_judge_role else ""),
        "reason": row.reason_kind + (f": {row.reason}" if row.reason != row.reason_kind else ""),
        "ordered_by": by,
        "last_action": last,
        "flag": row.after_notice_continuance,
        "first_after": first,
    }


def _judge(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "judge": item["judge"],
        "moved_out": item["moved_out"]["count"],
        "moved_in": item["moved_in"]["count"],
        "months": [
            {
                "direction": direction,
                "month": r["month"],
                "reason": r["reason"],
                "count": r["count"],
                "cases": _cases(r),
            }
            for direction, key in (("out", "out_by_month_reason"), ("in", "in_by_month_reason"))
            for r in item[key]
        ],
        "outcomes": [
            {
                "name": OUTCOME_WORDS[name],
                "before": sides["before_total"],
                "after": sides["after_total"],
                "before_cases": _cases(sides["before"]),
                "after_cases": _cases(sides["after"]),
            }
            for name, sides in item["outcomes"].items()
        ],
        "notice": item["after_notice_continuance"]["count"],
        "notice_cases": _cases(item["after_notice_continuance"]),
        "unfamiliar": item["without_familiarity"]["count"],
        "unfamiliar_cases": _cases(item["without_familiarity"]),
    }


def pattern_context(
    lib: Library,
    report: PatternReport,
    court_name: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The pattern report as display strings."""
    return {
        **heading("Reassignment Pattern Report", court_name or report.court, lib, now),
        "period": period_words(report.since, report.until),
        "notice_days": report.notice_days,
        "judges": [_judge(j) for j in report.judges],
        "moves": [_move(m) for m in report.moves],
        "flagged": sum(1 for m in report.moves if m.after_notice_continuance),
    }


def pattern_report_html(lib: Library, report: PatternReport) -> str:
    """The printable pattern report, as HTML."""
    return render("reassignment_patterns.html", pattern_context(lib, report))
