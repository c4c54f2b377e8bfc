"""The command line as a clerk reads it (issue 18, items 4, 16 and 18): A-numbers, names
and words instead of ids and field names; dates as on screen; columns that line up; no
empty sections; --json keeps ISO dates and adds the A-number as written."""

from __future__ import annotations

import csv
import json
import re

import pytest

A = "A-123-456-789"
B = "A-987-654-321"


@pytest.fixture
def desk(run):
    for args in (
        ["judge", "add", "JRM", "Judge Rosa Martinez"],
        ["judge", "add", "DKO", "Judge Daniel Okafor"],
        ["case", "add", "--a-number", A, "--respondent", "Ana Lopez", "--judge", "JRM",
         "--custody", "non_detained", "--opened", "2026-01-10"],
        ["case", "add", "--a-number", B, "--respondent", "Bo Chen", "--judge", "JRM"],
        ["hearing", "add", A, "--at", "2026-12-14 09:00", "--courtroom", "3"],
        ["hearing", "add", A, "--at", "2026-12-15 13:30", "--kind", "individual",
         "--courtroom", "12B"],
        ["hearing", "add", B, "--at", "2026-12-14 10:00"],
        ["reassign", A, "--to", "DKO", "--reason", "docket rebalancing", "--on", "2026-02-01"],
        ["case", "edit", A, "--custody", "detained"],
        ["note", "add", "--case", A, "call DHS"],
    ):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    return run


def test_history_reads_in_words(desk) -> None:
    out = desk("history", A).output
    assert "case #" not in out and "a number" not in out and "_" not in out
    assert f"case {A} Ana Lopez" in out
    assert "custody: Non-detained → Detained" in out
    assert "date opened: 01/10/2026" in out
    assert re.search(r"^\d\d/\d\d/\d{4} \d{1,2}:\d\d [AP]M  ", out, re.MULTILINE)


def test_notes_and_reassignments_name_the_case(desk) -> None:
    notes = desk("note", "list", "--case", A).output
    assert f"on {A} Ana Lopez" in notes and "case #" not in notes
    moves = desk("reassignments").output
    assert f"02/01/2026  {A} Ana Lopez  Judge Rosa Martinez → Judge Daniel Okafor" in moves


def test_hearing_list_is_in_columns(desk) -> None:
    lines = desk("hearing", "list", "--date", "2026-12-14").output.splitlines()
    assert len(lines) == 2
    assert [line.index("master hearing") for line in lines] == [lines[0].index("master")] * 2
    assert "12/14/2026 9:00 AM" in lines[0] and "12/14/2026 10:00 AM" in lines[1]


def test_case_show_is_in_columns_without_empty_sections(desk) -> None:
    out = desk("case", "show", A).output
    lines = out.splitlines()
    facts = lines[1 : lines.index("hearings (2):")]
    values = {line.split(":", 1)[1].lstrip() for line in facts}
    assert {"detained", "01/10/2026"} <= values
    starts = {len(line) - len(line.split(":", 1)[1].lstrip()) for line in facts}
    assert len(starts) == 1  # the values line up
    assert "documents" not in out and "deadlines" not in out  # none: no bare heading
    hearings = lines[lines.index("hearings (2):") + 1 :][:2]
    assert hearings[0].index("Judge") == hearings[1].index("Judge")
    assert hearings[0].index("[") == hearings[1].index("[")
    assert "room 3 " in hearings[0] + " " and "[pending]" in hearings[1]


def test_json_keeps_iso_dates_and_adds_the_written_a_number(desk) -> None:
    rows = json.loads(desk("hearing", "list", A, "--json").output)
    assert rows[0]["starts_at"] == "2026-12-14 09:00"
    assert rows[0]["a_number"] == "123456789" and rows[0]["a_number_display"] == A
    case = json.loads(desk("case", "show", A, "--json").output)["case"]
    assert case["opened_on"] == "2026-01-10" and case["a_number_display"] == A


def test_docket_writes_by_the_extension_or_refuses(desk, tmp_path) -> None:
    text, table = tmp_path / "d.txt", tmp_path / "d.csv"
    assert desk("docket", "--date", "2026-12-14", "-o", str(text)).exit_code == 0
    written = text.read_text()
    assert not written.startswith("%PDF") and "Ana Lopez" in written and "9:00 AM" in written
    assert written.strip() == desk("docket", "--date", "2026-12-14").output.strip()
    assert desk("docket", "--date", "2026-12-14", "-o", str(table)).exit_code == 0
    rows = list(csv.DictReader(table.read_text().splitlines()))
    assert [(r["date"], r["time"], r["a_number"]) for r in rows] == [
        ("2026-12-14", "9:00 AM", A),
        ("2026-12-14", "10:00 AM", B),
    ]
    for name in ("d.doc", "d"):
        refused = desk("docket", "--date", "2026-12-14", "-o", str(tmp_path / name))
        assert refused.exit_code == 2 and ".pdf, .html, .txt, .csv" in refused.output
        assert not (tmp_path / name).exists()
    summary = desk("summary", "1", "-o", str(tmp_path / "s.txt"))
    assert summary.exit_code == 2 and not (tmp_path / "s.txt").exists()


def test_a_judge_report_prints_no_empty_section(desk) -> None:
    out = desk("reassignments", "--judge", "DKO").output
    assert "cases given to" in out and "cases taken from" not in out
    assert f"{A} Ana Lopez" in out
    shown = json.loads(desk("case", "show", A, "--json").output)
    assert shown["hearings"][0]["a_number_display"] == A


def test_case_list_is_in_columns(desk) -> None:
    lines = desk("case", "list").output.splitlines()
    assert len(lines) == 2 and len({line.index("[") for line in lines}) == 1
