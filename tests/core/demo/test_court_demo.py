"""The sample court exercises the court-workflow features (notices, deadlines, stats...)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.court.deadline_board import deadline_board
from caseorg.court.notice_checks import check_notices
from caseorg.court.reassignment_report import reassignment_report
from caseorg.court.stats import court_stats
from caseorg.demo.builder import create_demo
from caseorg.records.cases import list_cases
from caseorg.records.notes import list_notes
from caseorg.records.saved_searches import list_saved_searches
from caseorg.records.tags import all_tags

TODAY = dt.date(2025, 6, 11)  # a Wednesday


def test_demo_exercises_the_court_workflow(lib: Any) -> None:
    create_demo(lib, today=TODAY)

    flags = check_notices(lib)
    assert len(flags) == 1
    assert "was returned undeliverable on" in flags[0].reason

    board = deadline_board(lib, today=TODAY)
    assert any(d.kind == "brief_due" for d in board.overdue)
    assert board.this_week or board.later

    midstream = [r for r in reassignment_report(lib, "JRM").given if r.midstream]
    assert midstream and midstream[0].ordered_by

    stats = court_stats(lib, today=TODAY)
    months = [m["month"] for m in stats.completions_by_month if m["completed"]]
    assert len(months) >= 4 and stats.completed_total >= 5
    assert stats.median_days_to_completion is not None
    assert sum(m["in"] for m in stats.reassignments_by_month) >= 3
    assert stats.pending_total >= 5

    assert {t["tag"] for t in all_tags(lib)} >= {"mid-stream", "notice-problem"}
    assert [c.a_number for c in list_cases(lib, tag="notice-problem")] == ["212094587"]
    assert len(list_notes(lib)) == 2
    assert [s.name for s in list_saved_searches(lib)] == [
        "Particular social group briefs",
        "Returned notices",
    ]
