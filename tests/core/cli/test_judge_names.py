"""--judge takes a judge's code or name in every command; an unknown judge is a one-line
error everywhere (issue 18, item 12)."""

from __future__ import annotations

import pytest

# every command with --judge, with what else it needs
WITH_JUDGE = [
    ("case", "list"),
    ("hearing", "list"),
    ("reassignments",),
    ("stats",),
    ("deadline", "list"),
    ("check-notices",),
    ("docket", "--date", "2026-12-07"),
]


@pytest.fixture
def court(run):
    run("judge", "add", "EMM", "Ellen M. Marsh")
    run("judge", "add", "TKW", "Thomas Kwan")
    run("judge", "add", "RKX", "Rosa Kwan")
    add = run("case", "add", "--a-number", "123456789", "--respondent", "Ana Diaz", "--judge",
              "Marsh")  # fmt: skip
    assert add.exit_code == 0, add.output
    run("case", "add", "--a-number", "987654321", "--respondent", "Bo Li", "--judge", "TKW")
    return run


@pytest.mark.parametrize("command", WITH_JUDGE, ids=lambda c: " ".join(c))
def test_a_name_finds_what_the_code_finds(court, command, tmp_path) -> None:
    extra = ["-o", str(tmp_path / "d.pdf")] if command[0] == "docket" else []
    by_code = court(*command, "--judge", "EMM", *extra)
    extra = ["-o", str(tmp_path / "e.pdf")] if command[0] == "docket" else []
    for name in ("Marsh", "ellen m. marsh", "emm"):
        by_name = court(*command, "--judge", name, *extra)
        assert by_name.exit_code == by_code.exit_code, by_name.output
        assert by_name.output.replace("e.pdf", "d.pdf") == by_code.output


@pytest.mark.parametrize("command", WITH_JUDGE, ids=lambda c: " ".join(c))
def test_an_unknown_or_ambiguous_judge_is_an_error(court, command, tmp_path) -> None:
    extra = ["-o", str(tmp_path / "d.pdf")] if command[0] == "docket" else []
    result = court(*command, "--judge", "Nobody", *extra)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "caseorg: no judge with code or name 'Nobody' (see 'caseorg judge list')"
    ]
    result = court(*command, "--judge", "Kwan", *extra)
    assert result.exit_code == 2
    assert "TKW Thomas Kwan" in result.output and "give the code" in result.output


def test_the_case_list_of_a_judge_named(court) -> None:
    assert "Ana Diaz" in court("case", "list", "--judge", "Marsh").output
    assert "Bo Li" not in court("case", "list", "--judge", "Marsh").output
    moved = court("reassign", "A-123-456-789", "--to", "Thomas Kwan", "--reason", "recusal")
    assert moved.exit_code == 0, moved.output
    assert "Ana Diaz" in court("case", "list", "--judge", "TKW").output
