"""The command line as a clerk uses it, through click's CliRunner (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from caseorg.cli.main import cli
from caseorg.demo.pdfmake import write_text_pdf


@pytest.fixture
def run(tmp_path: Path):
    library = tmp_path / "lib"
    runner = CliRunner()

    def invoke(*args: str) -> click.testing.Result:
        return runner.invoke(cli, ["--library", str(library), *args], catch_exceptions=False)

    return invoke


def _all_commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _all_commands(command, f"{prefix}{name} ")


def test_every_command_has_help_text() -> None:
    missing = [name for name, cmd in _all_commands(cli) if not (cmd.help or "").strip()]
    assert missing == []
    runner = CliRunner()
    for name, _cmd in _all_commands(cli):
        result = runner.invoke(cli, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output


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


def test_import_search_and_report(run, tmp_path: Path) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Test Person")
    folder = tmp_path / "docs"
    folder.mkdir()
    write_text_pdf(
        folder / "brief.pdf",
        paragraphs=[
            "Respondent's brief.",
            "The respondent would suffer exceptional and extremely unusual hardship on removal.",
        ],
    )
    (folder / "notes.txt").write_text("not a pdf")
    result = run("import", "A123456789", str(folder), str(folder / "notes.txt"), "--json")
    report = json.loads(result.output)
    statuses = {Path(f["path"]).name: f["status"] for f in report["files"]}
    assert statuses == {"brief.pdf": "imported", "notes.txt": "rejected"}
    assert result.exit_code == 1  # a rejected file is a problem worth an exit code
    again = json.loads(run("import", "A123456789", str(folder / "brief.pdf"), "--json").output)
    assert again["files"][0]["status"] == "duplicate"
    assert again["files"][0]["message"] == "already in this case"

    hits = json.loads(run("search", '"extremely unusual hardship"', "--json").output)
    assert len(hits) == 1
    assert hits[0]["title"] == "brief"
    assert hits[0]["matching_pages"] == [1]
    assert "**hardship**" in hits[0]["pages"][0]["snippet"]
    assert run("search", "nonexistentword").exit_code == 1


def test_malformed_query_is_a_clear_message(run) -> None:
    run("init")
    result = run("search", '"unclosed phrase')
    assert result.exit_code == 2
    assert "quote" in result.output
    result = run("search", "color:red")
    assert result.exit_code == 2 and "unknown field" in result.output


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


def test_hearing_notice_deadline_flow(run) -> None:
    run("judge", "add", "JRM", "Rosa Martinez")
    run("case", "add", "--a-number", "123456789", "--respondent", "Test Person", "--judge", "JRM")
    hearing = json.loads(
        run(
            "hearing",
            "add",
            "123456789",
            "--at",
            "2025-04-01 09:00",
            "--kind",
            "master",
            "--courtroom",
            "4",
            "--json",
        ).output
    )
    assert hearing["judge_code"] == "JRM"
    run("notice", "add", str(hearing["id"]), "--served", "2025-03-01", "--returned")
    edited = json.loads(
        run(
            "hearing", "edit", str(hearing["id"]), "--outcome", "in_absentia_order", "--json"
        ).output
    )
    assert "returned undeliverable" in edited["notice_warning"]
    listed = run("hearing", "list", "--date", "2025-04-01")
    assert "Test Person" in listed.output and "returned undeliverable" in listed.output
    bad = run("hearing", "add", "123456789", "--at", "2025-02-30 09:00")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    deadline = json.loads(
        run(
            "deadline", "add", "123456789", "--due", "2025-05-01", "--note", "DHS brief", "--json"
        ).output
    )
    assert run("deadline", "done", str(deadline["id"])).exit_code == 0
    assert json.loads(run("deadline", "list", "--open", "--json").output) == []
