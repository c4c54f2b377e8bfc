"""The Philadelphia story end to end: a judge continues a case to verify notice, one
order moves his cases two days later, the pattern report shows it, and his completions
for the fiscal year stay his."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.court import court_stats, pattern_report
from caseorg.demo.philadelphia import COURT, add_philadelphia
from caseorg.records import get_order

TODAY = dt.date(2026, 12, 2)  # a Wednesday: the order is Friday 11/20, the continuance 11/18


def test_the_philadelphia_story(lib: Any) -> None:
    order = get_order(lib, add_philadelphia(lib, TODAY))
    assert (order.ordered_on, order.ordered_by_role, order.to_judge_role) == (
        "2026-11-20",
        "acij",
        "visiting",
    )
    assert len(order.moves) == 4
    report = pattern_report(lib, COURT, "2026-10-01", "2026-12-31")
    judges = {j["judge"]: j for j in report.judges}
    notice = judges["PLQ"]["after_notice_continuance"]
    assert notice["cases"] == ["A-310-452-187"]
    flagged = [m for m in report.moves if m.after_notice_continuance]
    assert [(m.last_action_reason, m.days_since_last_action) for m in flagged] == [
        ("continued to verify notice", 2)
    ]
    assert flagged[0].familiarity_certified
    assert judges["PVR"]["without_familiarity"]["count"] == 2  # the two others heard since
    assert judges["PLQ"]["out_by_month_reason"][0]["reason"] == "docket rebalancing"
    stats = court_stats(lib, today=TODAY)
    mine = {p["code"]: p for p in stats.judge_performance}
    assert mine["PLQ"]["fiscal_year"] == 2027
    assert [c["case"] for c in mine["PLQ"]["decisions"]["cases"]] == [
        "A-310-452-190",
        "A-310-452-191",
    ]  # one of them reopened and moved: its completion is still his
    assert mine["PVR"]["completions"] == 0
