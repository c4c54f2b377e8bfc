"""Judges and cases through the command line."""

from __future__ import annotations

import json


def test_case_add_list_show_json(run) -> None:
    assert run("judge", "add", "JRM", "Rosa Martinez", "--court", "San Francisco").exit_code == 0
    result = run(
        "case",
        "add",
        "--a-number",
        "A123456789",
        "--respondent",
        "Test Person",
        "--judge",
        "JRM",
        "--custody",
        "detained",
        "--json",
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["a_number"] == "123456789"
    assert data["judge_code"] == "JRM"
    listed = json.loads(run("case", "list", "--json").output)
    assert [c["a_number_display"] for c in listed] == ["A-123-456-789"]
    shown = run("case", "show", "123-456-789")
    assert "A-123-456-789" in shown.output and "Rosa Martinez" in shown.output


def test_bad_a_number_is_one_line_usage_error(run) -> None:
    result = run("case", "add", "--a-number", "12345", "--respondent", "X")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "A-number" in result.output and "Traceback" not in result.output


def test_unknown_case_exits_1(run) -> None:
    run("init")
    result = run("case", "show", "A-999-999-999")
    assert result.exit_code == 1
    assert "no case A-999-999-999" in result.output
