"""Completion metrics as EOIR measures them, on a hand-made court where every figure is
worked out by hand below (fiscal year 2026: October 1, 2025 – September 30, 2026)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.court import court_stats
from caseorg.court.performance import fiscal_year_of
from caseorg.library import set_setting
from caseorg.library.folder import open_library
from caseorg.records.appeals import add_appeal
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.motions import add_motion
from caseorg.records.proceedings import add_proceeding, edit_proceeding
from caseorg.records.reassignment_orders import record_order

TODAY = "2026-09-30"


def build(lib: Any) -> None:
    """Goal 10 a year (unsatisfactory below 8). Judge Hale (HAL):
    c1 detained, merits 11/03 decided, removal ordered 11/05 (2 days: met; first setting);
    c2 merits 12/01 continued, 01/10 decided, relief 01/25 (15 days: missed; not first
       setting); then moved to Ines and reopened — Hale keeps the completion;
    c3 administratively closed 02/01 (another completion);
    c4 change of venue granted 02/10, filed 02/01 (another completion; motion in 9 days);
    c2's motion to reopen filed 02/15, ruled 03/01 (14 days: met).
    Appeals: c1 remanded 05/01, c2 dismissed 06/01: Hale's remand rate 1 of 2 = 50%.
    Judge Ines (INE): c5 bond, one hearing, decided 04/01 (custody at first setting);
    c6 completed 09/30/2025 (fiscal 2025: not counted), its appeal dismissed 01/15/2026
    (Ines 0 of 1 = 0%)."""
    set_setting(lib, "completion-goal", 10)
    add_judge(lib, "HAL", "Judge Paul Hale", court="Philadelphia")
    add_judge(lib, "INE", "Judge Vera Ines", court="Philadelphia")

    def case(n: int, judge: str, **fields: Any) -> int:
        return add_case(
            lib, f"40000000{n}", f"R{n}", judge_code=judge, opened_on="2025-01-01", **fields
        ).id

    c1 = case(1, "HAL", custody="detained")
    p1 = add_proceeding(lib, c1).id
    add_hearing(lib, c1, "2025-11-03 09:00", kind="individual", outcome="decided")
    edit_proceeding(lib, p1, decision="removal_ordered", completed_on="2025-11-05")
    add_appeal(lib, c1, "2025-11-20", outcome="remanded", decided_on="2026-05-01")

    c2 = case(2, "HAL")
    p2 = add_proceeding(lib, c2).id
    add_hearing(lib, c2, "2025-12-01 09:00", kind="individual", outcome="continued")
    add_hearing(lib, c2, "2026-01-10 09:00", kind="individual", outcome="decided")
    edit_proceeding(lib, p2, decision="relief_granted", completed_on="2026-01-25")
    add_appeal(lib, c2, "2026-02-01", outcome="dismissed", decided_on="2026-06-01")
    add_motion(lib, c2, "reopen", "2026-02-15", ruling="granted", ruled_on="2026-03-01")
    record_order(lib, [c2], "INE", "docket rebalancing", ordered_on="2026-03-05")
    add_proceeding(lib, c2, judge_code="INE", opened_on="2026-03-10")  # reopened

    c3 = case(3, "HAL")
    add_proceeding(lib, c3, decision="administratively_closed", completed_on="2026-02-01")
    c4 = case(4, "HAL")
    add_motion(lib, c4, "change_venue", "2026-02-01", ruling="granted", ruled_on="2026-02-10")

    c5 = case(5, "INE", custody="detained", case_type="bond")
    p5 = add_proceeding(lib, c5).id
    add_hearing(lib, c5, "2026-04-01 09:00", kind="bond", outcome="decided")
    edit_proceeding(lib, p5, decision="other", completed_on="2026-04-01")

    c6 = case(6, "INE")
    add_proceeding(lib, c6, decision="removal_ordered", completed_on="2025-09-30")
    add_appeal(lib, c6, "2025-10-10", outcome="dismissed", decided_on="2026-01-15")


def _cases(items: list[dict[str, Any]]) -> list[str]:
    return [item["case"] for item in items]


def test_fiscal_years() -> None:
    import datetime as dt

    assert fiscal_year_of(dt.date(2025, 9, 30)) == 2025
    assert fiscal_year_of(dt.date(2025, 10, 1)) == 2026


def test_every_measure_by_hand(lib: Any) -> None:
    build(lib)
    stats = court_stats(lib, today=TODAY)
    judges = {j["code"]: j for j in stats.judge_performance}
    hale, ines = judges["HAL"], judges["INE"]
    assert (hale["fiscal_year"], hale["period_start"], hale["period_end"]) == (
        2026,
        "2025-10-01",
        "2026-09-30",
    )
    assert _cases(hale["decisions"]["cases"]) == ["A-400-000-001", "A-400-000-002"]
    assert [(c["case"], c["kind"]) for c in hale["other_completions"]["cases"]] == [
        ("A-400-000-003", "administrative_closure"),
        ("A-400-000-004", "change_of_venue"),
    ]
    assert (hale["completions"], hale["goal"], hale["unsatisfactory_below"]) == (4, 10, 8.0)
    assert hale["goal_rating"] == "unsatisfactory"
    remand = hale["remand_rate"]
    assert (remand["appeals_decided"]["count"], remand["percent"], remand["rating"]) == (
        2,
        50.0,
        "unsatisfactory",
    )
    assert _cases(remand["remanded"]["cases"]) == ["A-400-000-001"]
    bench = hale["benchmarks"]
    assert (bench["detained_decisions"]["met"], bench["detained_decisions"]["total"]) == (1, 1)
    assert bench["detained_decisions"]["met_cases"][0]["days"] == 2
    non = bench["non_detained_decisions"]
    assert (non["met"], non["total"], non["missed_cases"][0]["days"]) == (0, 1, 15)
    assert (bench["motions"]["met"], bench["motions"]["total"]) == (2, 2)
    merits = bench["merits_first_setting"]
    assert (merits["met"], merits["total"], merits["percent"]) == (1, 2, 50.0)
    assert _cases(merits["missed_cases"]) == ["A-400-000-002"]
    assert bench["custody_first_setting"]["total"] == 0

    assert _cases(ines["decisions"]["cases"]) == ["A-400-000-005"]  # not c2, not c6
    assert ines["completions"] == 1 and ines["other_completions"]["count"] == 0
    assert (ines["remand_rate"]["percent"], ines["remand_rate"]["rating"]) == (0.0, "satisfactory")
    custody = ines["benchmarks"]["custody_first_setting"]
    assert (custody["met"], custody["total"]) == (1, 1)

    court = stats.performance
    assert (court["completions"], court["goal"], court["unsatisfactory_below"]) == (5, 20, 16.0)
    assert court["remand_rate"]["percent"] == round(100 / 3, 1)
    assert stats.judge_performance[0]["code"] == "HAL"
    # the monthly chart counts proceedings for the judge who decided: c2, now Ines's case,
    # stays Hale's (c1, c2 and c3's closure; the venue change is no proceeding's)
    assert court_stats(lib, judge_code="HAL", today=TODAY).completed_total == 3
    assert court_stats(lib, judge_code="INE", today=TODAY).completed_total == 1
    # the year before: only c6
    before = court_stats(lib, today=TODAY, fiscal_year=2025).performance
    assert _cases(before["decisions"]["cases"]) == ["A-400-000-006"]


def test_stats_json_carries_the_measures(tmp_path: Path) -> None:
    path = tmp_path / "lib"
    with open_library(path) as lib:
        build(lib)
    result = CliRunner().invoke(
        cli, ["--library", str(path), "stats", "--as-of", TODAY, "--json"], catch_exceptions=False
    )
    data = json.loads(result.output)
    assert data["performance"]["completions"] == 5
    assert {j["code"]: j["completions"] for j in data["judge_performance"]} == {"HAL": 4, "INE": 1}
    judge = CliRunner().invoke(
        cli,
        ["--library", str(path), "stats", "--judge", "HAL", "--as-of", TODAY, "--json"],
        catch_exceptions=False,
    )
    assert json.loads(judge.output)["performance"]["goal_rating"] == "unsatisfactory"
