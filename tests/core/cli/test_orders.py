"""`caseorg reassign` with several cases (or a file of them) records one order."""

from __future__ import annotations

import json
from pathlib import Path


def _court(run) -> None:
    run("judge", "add", "PHL", "Paul Hale")
    run("judge", "add", "VIS", "Vera Ines")
    for n in (1, 2, 3):
        run("case", "add", "--a-number", f"20000000{n}", "--respondent", f"R {n}", "--judge", "PHL")


def test_several_cases_and_a_file_are_one_order(run, tmp_path: Path) -> None:
    _court(run)
    listing = tmp_path / "cases.txt"
    listing.write_text("# moved by the ACIJ\nA-200-000-003\n", encoding="utf-8")
    result = run(
        "reassign",
        "200000001",
        "A-200-000-002",
        "--from-file",
        str(listing),
        "--to",
        "VIS",
        "--reason",
        "docket",
        "--note",
        "rebalancing after the continuance",
        "--role",
        "acij",
        "--ordered-by",
        "ACIJ Smith",
        "--receiving-role",
        "visiting",
        "--on",
        "2026-03-05",
        "--json",
    )
    assert result.exit_code == 0, result.output
    order = json.loads(result.output)
    assert (order["reason_kind"], order["ordered_by_role"], order["to_judge_role"]) == (
        "docket rebalancing",
        "acij",
        "visiting",
    )
    assert len(order["moves"]) == 3 and {m["order_id"] for m in order["moves"]} == {order["id"]}
    # a reason not in the list is 'other' with its words
    run("case", "add", "--a-number", "200000004", "--respondent", "R 4", "--judge", "PHL")
    other = json.loads(
        run("reassign", "200000004", "--to", "VIS", "--reason", "x y", "--json").output
    )
    assert (other["reason_kind"], other["reason"]) == ("other", "x y")


def test_bad_input_is_one_line_and_writes_nothing(run, tmp_path: Path) -> None:
    _court(run)
    result = run("reassign", "200000001", "999999999", "--to", "VIS", "--reason", "recusal")
    assert result.exit_code == 1 and result.output.count("\n") == 1  # not found
    result = run("reassign", "--to", "VIS", "--reason", "recusal")
    assert result.exit_code == 2 and "at least one case" in result.output
    assert json.loads(run("reassignments", "--json").output) == []


def test_the_courts_reasons_are_a_setting(run) -> None:
    _court(run)
    assert json.loads(run("config", "reasons", "--json").output)[0] == "docket rebalancing"
    result = run("config", "reasons", "--set", "recusal; detail assignment", "--json")
    assert json.loads(result.output) == ["recusal", "detail assignment", "other"]


def test_the_successor_certifies_familiarity(run) -> None:
    _court(run)
    added = run("hearing", "add", "200000001", "--at", "2026-03-10 09:00", "--json")
    hearing = str(json.loads(added.output)["id"])
    result = run("certify-familiarity", hearing, "--on", "2026-03-10")
    assert result.exit_code == 0 and "certified" in result.output
    again = run("certify-familiarity", hearing)
    assert again.exit_code == 2 and again.output.count("\n") == 1
