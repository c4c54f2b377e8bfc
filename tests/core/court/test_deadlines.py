"""Deadlines across the library: overdue, this week, later, done — with their cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import make_pdf

from caseorg.cli.app import cli
from caseorg.court.deadline_board import deadline_board, group_of
from caseorg.court.reminders import pressing_counts, reminder_line
from caseorg.errors import InvalidValue
from caseorg.importing.pipeline import import_files
from caseorg.records.cases import add_case
from caseorg.records.deadlines import add_deadline, mark_done
from caseorg.records.judges import add_judge

TODAY = dt.date(2025, 3, 10)  # a Monday


@pytest.fixture
def deadlines(lib: Any, case: Any) -> dict[str, Any]:
    add_judge(lib, "TKW", "Judge Thomas Kim")
    other = add_case(lib, "987654321", "Bernardo Diaz", judge_code="TKW")
    return {
        "overdue": add_deadline(lib, case.id, "brief_due", "2025-03-01", note="merits brief"),
        "today": add_deadline(lib, other.id, "filing", "2025-03-10", note="I-589"),
        "sunday": add_deadline(lib, case.id, "decision_due", "2025-03-16"),
        "later": add_deadline(lib, other.id, "other", "2025-03-17", note="status report"),
        "done": add_deadline(lib, case.id, "filing", "2025-02-01"),
        "other_case": other,
    }


def test_groups_by_due_date(lib: Any, deadlines: dict[str, Any]) -> None:
    mark_done(lib, deadlines["done"].id, "2025-01-30")
    board = deadline_board(lib, today=TODAY)
    assert [d.id for d in board.overdue] == [deadlines["overdue"].id]
    assert [d.id for d in board.this_week] == [deadlines["today"].id, deadlines["sunday"].id]
    assert [d.id for d in board.later] == [deadlines["later"].id]
    assert board.done == []  # only when asked
    first = board.overdue[0]
    assert (first.a_number_display, first.respondent, first.judge_code) == (
        "A-123-456-789",
        "Ana Lopez Garcia",
        "JRM",
    )
    assert (first.kind, first.due_on, first.note, first.days) == (
        "brief_due",
        "2025-03-01",
        "merits brief",
        -9,
    )
    assert [d.days for d in board.this_week] == [0, 6]
    everything = deadline_board(lib, today=TODAY, include_done=True)
    assert [d.id for d in everything.done] == [deadlines["done"].id]
    assert [d.group for d in everything.items()] == [
        "overdue",
        "this_week",
        "this_week",
        "later",
        "done",
    ]
    json.dumps(everything.as_dict())


def test_filters_by_judge_and_case(lib: Any, deadlines: dict[str, Any]) -> None:
    by_judge = deadline_board(lib, today=TODAY, judge_code="TKW")
    assert [d.id for d in by_judge.items()] == [deadlines["today"].id, deadlines["later"].id]
    one_case = deadline_board(lib, today=TODAY, case_id=deadlines["other_case"].id)
    assert {d.respondent for d in one_case.items()} == {"Bernardo Diaz"}


def test_done_with_the_document_that_satisfied_it(
    lib: Any, case: Any, deadlines: dict[str, Any], tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "brief.pdf", ["Respondent's brief on the merits."])
    document_id = import_files(lib, case.id, [pdf], workers=1).outcomes[0].document_id
    assert document_id is not None
    with pytest.raises(InvalidValue, match="another case"):
        mark_done(lib, deadlines["today"].id, "2025-03-09", document_id=document_id)
    mark_done(lib, deadlines["overdue"].id, "2025-03-09", document_id=document_id)
    board = deadline_board(lib, today=TODAY, include_done=True)
    assert deadlines["overdue"].id not in [d.id for d in board.overdue]
    done = {d.id: d for d in board.done}[deadlines["overdue"].id]
    assert (done.done_on, done.document_id, done.document_title) == (
        "2025-03-09",
        document_id,
        "brief",
    )


def test_group_of_edges() -> None:
    assert group_of("2025-03-09", None, TODAY) == ("overdue", -1)
    assert group_of("2025-03-16", None, TODAY) == ("this_week", 6)
    assert group_of("2025-03-17", None, TODAY) == ("later", 7)
    assert group_of("2025-03-01", "2025-03-02", TODAY) == ("done", -9)


def test_cli_deadline_list_across_the_library(tmp_path: Path) -> None:
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(
            cli, ["--library", str(tmp_path / "lib"), *args], catch_exceptions=False
        )

    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez")
    run("case", "add", "--a-number", "987654321", "--respondent", "Bo Chen")
    run("deadline", "add", "123456789", "--due", "2025-03-01", "--note", "merits brief")
    run("deadline", "add", "987654321", "--kind", "filing", "--due", "2025-03-12")
    run("deadline", "add", "987654321", "--kind", "other", "--due", "2025-04-30")
    done = json.loads(
        run(
            "deadline", "add", "123456789", "--kind", "filing", "--due", "2025-02-01", "--json"
        ).output
    )
    assert run("deadline", "done", str(done["id"]), "--on", "2025-01-31").exit_code == 0

    result = run("deadline", "list", "--as-of", "2025-03-10")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "OVERDUE (1):"
    assert "A-123-456-789 Ana Lopez  9 day(s) overdue  merits brief" in lines[1]
    assert lines[2] == "this week (1):" and "Bo Chen  in 2 day(s)" in lines[3]
    assert lines[4] == "later (1):"
    assert lines[6] == "done (1):" and "done 01/31/2025" in lines[7]

    data = json.loads(run("deadline", "list", "--as-of", "2025-03-10", "--open", "--json").output)
    assert [(d["group"], d["a_number_display"]) for d in data] == [
        ("overdue", "A-123-456-789"),
        ("this_week", "A-987-654-321"),
        ("later", "A-987-654-321"),
    ]
    mine = json.loads(run("deadline", "list", "--case", "123456789", "--json").output)
    assert {d["respondent"] for d in mine} == {"Ana Lopez"} and len(mine) == 2
    bad = run("deadline", "list", "--as-of", "someday")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_status_bar_counts_agree_with_the_board(lib: Any, deadlines: dict[str, Any]) -> None:
    """The start-up reminder counts in SQL; it must say what the Deadlines board shows."""
    for offset in range(-20, 40, 3):
        day = TODAY + dt.timedelta(days=offset)
        board = deadline_board(lib, today=day)
        assert pressing_counts(lib, day) == (len(board.overdue), len(board.this_week)), day


def test_reminder_line_wording() -> None:
    assert reminder_line(0, 0) is None
    assert reminder_line(1, 0) == "1 deadline overdue"
    assert reminder_line(0, 2) == "2 deadlines due this week"
    assert reminder_line(3, 1) == "3 deadlines overdue, 1 due this week"
