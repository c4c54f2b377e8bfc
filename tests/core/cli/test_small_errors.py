"""Small ways to get a traceback, a usage block or a forged line (issue 20 item 10).

Ids beyond 64 bits gave "unexpected error (OverflowError)"; click's invalid values printed
its four-line usage block; a file name with a newline forged a line in `document list`
and a right-to-left override was kept in titles; `reassign --on 1900-01-01` and empty
dates were accepted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_pdf

A = "A-123-456-789"
HUGE = str(2**70)


@pytest.fixture
def court(run):
    for args in (
        ["judge", "add", "JRM", "Judge Rosa Martinez"],
        ["case", "add", "--a-number", A, "--respondent", "Ana Lopez", "--judge", "JRM"],
        ["hearing", "add", A, "--at", "2030-03-14 09:00"],
    ):
        assert run(*args).exit_code == 0, args
    return run


@pytest.mark.parametrize(
    "args",
    [
        ["summary", HUGE, "-o", "x.html"],
        ["notice", "add", HUGE, "--served", "2030-01-10"],
        ["hearing", "edit", HUGE, "--at", "2030-03-14 10:00"],
        ["note", "delete", HUGE],
        ["document", "edit", HUGE, "--title", "x"],
        ["tag", "add", "urgent", "--document", HUGE],
        ["reassign", A, "--to", "JRM", "--reason", "r", "--corrects", HUGE],
    ],
)
def test_an_id_beyond_64_bits_is_one_line(court, args: list[str]) -> None:
    result = court(*args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("caseorg: invalid ") and "beyond 64 bits" in result.output
    assert result.output.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["note", "delete", "abc"],
        ["hearing", "list", "--status", "nonsense"],
        ["case", "list", "--no-such-option"],
        ["stats", "--months", "0"],
    ],
)
def test_a_click_invalid_value_is_one_line_not_the_usage_block(court, args: list[str]) -> None:
    result = court(*args)
    assert result.exit_code == 2
    assert result.output.startswith("caseorg: ") and result.output.count("\n") == 1
    assert "Usage:" not in result.output and "--help" in result.output


@pytest.mark.parametrize("day", ["1900-01-01", "2999-01-01", ""])
def test_an_implausible_or_empty_date_is_refused(court, day: str) -> None:
    result = court("reassign", A, "--to", "JRM", "--reason", "r", "--on", day)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "between 1940 and 2100" in result.output or "--on is empty" in result.output
    shown = court("case", "show", A).output  # nothing half-written; no empty section
    assert "reassignments" not in shown and "hearings (1):" in shown


def test_a_title_keeps_no_control_or_bidi_characters(court, tmp_path: Path) -> None:
    forged = tmp_path / "brief\nA-999-999-999  forged  [order]\u202egnp.pdf"
    make_pdf(forged, ["A brief."])
    assert court("import", A, str(forged)).exit_code == 0
    listing = court("document", "list", A).output
    assert len(listing.strip().splitlines()) == 1, listing
    assert "\u202e" not in listing
    result = court("document", "edit", "1", "--title", "new\ntitle\u2066")
    assert result.exit_code == 0, result.output
    assert "new title" in court("document", "list", A).output


def test_the_readme_shows_restore_as_it_runs() -> None:
    readme = (Path(__file__).parents[3] / "README.md").read_text()
    assert "caseorg --library PATH restore FILE.zip" in readme
    assert "restore FILE.zip\n  --library" not in readme
