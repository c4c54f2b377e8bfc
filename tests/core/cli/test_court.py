"""Reassignments and the audit trail they leave."""

from __future__ import annotations

import json


def test_reassign_and_history(run) -> None:
    run("judge", "add", "JRM", "Rosa Martinez")
    run("judge", "add", "TKW", "Thomas Kwan")
    run("case", "add", "--a-number", "123456789", "--respondent", "Test Person", "--judge", "JRM")
    result = run(
        "reassign",
        "A-123-456-789",
        "--to",
        "TKW",
        "--reason",
        "paused to verify notice",
        "--ordered-by",
        "ACIJ Smith",
        "--on",
        "2025-03-02",
        "--midstream",
        "--json",
    )
    assert result.exit_code == 0, result.output
    moves = json.loads(run("reassignments", "--judge", "JRM", "--json").output)
    assert len(moves) == 1
    move = moves[0]
    assert (move["from_judge_code"], move["to_judge_code"], move["midstream"]) == ("JRM", "TKW", 1)
    case = json.loads(run("case", "show", "123456789", "--json").output)["case"]
    assert case["judge_code"] == "TKW"
    events = json.loads(run("history", "123456789", "--json").output)
    assert {e["action"] for e in events} >= {"create", "reassign"}
