"""Completion goals and backlog figures on a small court whose numbers are known by hand."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.court.stats import court_stats, write_csv
from caseorg.library.folder import open_library
from caseorg.library.settings import set_setting
from caseorg.records.cases import add_case, edit_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.reassignments import reassign

TODAY = "2025-06-15"


def build_court(lib: Any) -> None:
    """Two judges, goal 120 a year each (10 a month). Worked out by hand:

    completions in Apr-Jun 2025: c1 (A, 99 days), c2 (A, 170 days), c3 (B, 92 days);
    c4 completed in February (outside), c9 completes after TODAY (so still pending).
    Pending on TODAY: c5 (45 days), c9 (156 days), c6 (318 days), c7 (1261 days);
    c8 opens after TODAY. Moves: c7 B->A in March (outside), c5 A->B in April,
    c6 A->B in May (entered 05-02, corrected to 05-05: counted once, from A).
    """
    add_judge(lib, "AAA", "Judge Alma Avila")
    add_judge(lib, "BBB", "Judge Boris Brandt")
    set_setting(lib, "completion-goal", 120)

    def case(number: int, judge: str, opened: str, completed: str | None = None) -> Any:
        made = add_case(
            lib, f"{number:09d}", f"Person {number}", judge_code=judge, opened_on=opened
        )
        if completed:
            made = edit_case(lib, made.id, status="completed", completed_on=completed)
        return made

    case(1, "AAA", "2025-01-01", "2025-04-10")
    case(2, "AAA", "2024-12-01", "2025-05-20")
    c3 = case(3, "BBB", "2025-03-01", "2025-06-01")
    case(4, "BBB", "2024-06-01", "2025-02-15")
    c5 = case(5, "AAA", "2025-05-01")
    c6 = case(6, "AAA", "2024-08-01")
    c7 = case(7, "BBB", "2022-01-01")
    case(8, "BBB", "2025-07-01")
    case(9, "AAA", "2025-01-10", "2025-06-20")

    reassign(lib, c7.id, "AAA", "recusal", effective_on="2025-03-20")
    reassign(lib, c5.id, "BBB", "caseload", effective_on="2025-04-15")
    wrong = reassign(lib, c6.id, "BBB", "caseload", effective_on="2025-05-02")
    reassign(lib, c6.id, "BBB", "date corrected", effective_on="2025-05-05", corrects=wrong.id)

    add_hearing(lib, c3.id, "2025-03-28 09:00", judge_code="AAA")  # before the first week
    add_hearing(lib, c3.id, "2025-04-01 09:00", judge_code="AAA")  # week of 03-31
    add_hearing(lib, c3.id, "2025-04-03 09:00", judge_code="AAA")
    add_hearing(lib, c3.id, "2025-04-02 09:00", judge_code="BBB", outcome="cancelled")
    add_hearing(lib, c3.id, "2025-05-05 13:00", judge_code="BBB")  # week of 05-05
    add_hearing(lib, c3.id, "2025-06-12 09:00", judge_code="AAA")  # week of 06-09
    add_hearing(lib, c3.id, "2025-06-16 09:00", judge_code="AAA")  # after TODAY's week


@pytest.fixture
def court(lib: Any) -> Any:
    build_court(lib)
    return lib


def test_court_figures(court: Any) -> None:
    stats = court_stats(court, today=TODAY, months=3)
    assert (stats.scope, stats.period_start, stats.period_end) == ("court", "2025-04-01", TODAY)
    assert (stats.annual_goal, stats.judges_counted, stats.goal_for_period) == (240, 2, 60.0)
    assert stats.pending_total == 4
    assert [(b["bucket"], b["cases"]) for b in stats.pending_by_age] == [
        ("under 6 months", 2),
        ("6 to 12 months", 1),
        ("1 to 2 years", 0),
        ("2 to 3 years", 0),
        ("3 years or more", 1),
    ]
    assert stats.completions_by_month == [
        {
            "month": "2025-04",
            "completed": 1,
            "goal": 20.0,
            "cumulative": 1,
            "cumulative_goal": 20.0,
        },
        {
            "month": "2025-05",
            "completed": 1,
            "goal": 20.0,
            "cumulative": 2,
            "cumulative_goal": 40.0,
        },
        {
            "month": "2025-06",
            "completed": 1,
            "goal": 20.0,
            "cumulative": 3,
            "cumulative_goal": 60.0,
        },
    ]
    assert stats.completed_total == 3
    assert stats.median_days_to_completion == 99.0
    weeks = {w["week_of"]: w["hearings"] for w in stats.hearings_by_week}
    assert len(weeks) == 11 and min(weeks) == "2025-03-31" and max(weeks) == "2025-06-09"
    assert {w: n for w, n in weeks.items() if n} == {
        "2025-03-31": 2,
        "2025-05-05": 1,
        "2025-06-09": 1,
    }
    assert stats.reassignments_by_month == [
        {"month": "2025-04", "in": 1, "out": 1},
        {"month": "2025-05", "in": 1, "out": 1},
        {"month": "2025-06", "in": 0, "out": 0},
    ]
    rows = {j["code"]: j for j in stats.judges}
    assert rows["AAA"] == {
        "code": "AAA",
        "name": "Judge Alma Avila",
        "active": True,
        "pending": 2,
        "completed": 2,
        "goal_for_period": 30.0,
        "median_days_to_completion": 134.5,
        "hearings": 3,
        "reassigned_in": 0,
        "reassigned_out": 2,
    }
    assert (rows["BBB"]["pending"], rows["BBB"]["completed"], rows["BBB"]["hearings"]) == (2, 1, 1)
    assert (rows["BBB"]["reassigned_in"], rows["BBB"]["reassigned_out"]) == (2, 0)
    json.dumps(stats.as_dict())


def test_one_judge(court: Any) -> None:
    stats = court_stats(court, judge_code="aaa", today=TODAY, months=3)
    assert (stats.scope, stats.scope_name, stats.annual_goal) == ("AAA", "Judge Alma Avila", 120)
    assert [m["completed"] for m in stats.completions_by_month] == [1, 1, 0]
    assert [m["cumulative_goal"] for m in stats.completions_by_month] == [10.0, 20.0, 30.0]
    assert stats.median_days_to_completion == 134.5
    assert stats.pending_total == 2  # c7 (moved to A in March) and c9
    assert [(m["in"], m["out"]) for m in stats.reassignments_by_month] == [(0, 1), (0, 1), (0, 0)]
    assert sum(w["hearings"] for w in stats.hearings_by_week) == 3
    assert stats.judges == []


def test_a_longer_period_reaches_back(court: Any) -> None:
    stats = court_stats(court, today=TODAY, months=6)
    assert stats.period_start == "2025-01-01"
    assert [m["completed"] for m in stats.completions_by_month] == [0, 1, 0, 1, 1, 1]
    assert stats.median_days_to_completion == 134.5  # 99, 170, 92 and c4's 259
    assert [(m["in"], m["out"]) for m in stats.reassignments_by_month][2] == (1, 1)  # March


def test_csv_export(court: Any, tmp_path: Path) -> None:
    written = write_csv(court_stats(court, today=TODAY, months=3), tmp_path / "out")
    assert sorted(p.name for p in written) == [
        "completions_by_month.csv",
        "hearings_by_week.csv",
        "judges.csv",
        "pending_by_age.csv",
        "performance.csv",
        "reassignments_by_month.csv",
        "summary.csv",
    ]
    with open(tmp_path / "out" / "completions_by_month.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["month"], r["completed"], r["goal"]) for r in rows] == [
        ("2025-04", "1", "20.0"),
        ("2025-05", "1", "20.0"),
        ("2025-06", "1", "20.0"),
    ]
    with open(tmp_path / "out" / "summary.csv", newline="", encoding="utf-8") as f:
        summary = {r["figure"]: r["value"] for r in csv.DictReader(f)}
    assert summary["pending"] == "4" and summary["median_days_to_completion"] == "99.0"


def test_cli_stats(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    with open_library(library) as lib:
        build_court(lib)
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(cli, ["--library", str(library), *args], catch_exceptions=False)

    data = json.loads(run("stats", "--as-of", TODAY, "--months", "3", "--json").output)
    assert data["completed_total"] == 3 and data["pending_total"] == 4
    judge = json.loads(
        run("stats", "--judge", "BBB", "--as-of", TODAY, "--months", "3", "--json").output
    )
    assert judge["median_days_to_completion"] == 92.0
    text = run("stats", "--as-of", TODAY, "--months", "3").output
    assert "pending 4; completed 3 (goal 60 for the period, 240 a year)" in text
    assert "median 99 days" in text
    out = run("stats", "--as-of", TODAY, "--csv", str(tmp_path / "csv"))
    assert out.exit_code == 0 and (tmp_path / "csv" / "judges.csv").is_file()
    both = run("stats", "--json", "--csv", str(tmp_path / "csv"))
    assert both.exit_code == 2
    missing = run("stats", "--judge", "NOPE")
    # an unknown judge is a bad option value (issue 18): exit 2
    assert missing.exit_code == 2 and "no judge with code or name 'NOPE'" in missing.output
