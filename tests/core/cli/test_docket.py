"""The docket on a terminal and the days a clerk names; the summary's footer title
(issue 18, item 11)."""

from __future__ import annotations

import datetime as dt

import pytest

from caseorg.cli.printing import docket_day
from caseorg.errors import InvalidValue
from caseorg.library.folder import open_library
from caseorg.reports import summary_title

SATURDAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", "2026-12-05"),
        ("Tomorrow", "2026-12-06"),
        ("yesterday", "2026-12-04"),
        ("monday", "2026-12-07"),
        ("Mon", "2026-12-07"),
        ("friday", "2026-12-11"),
        ("saturday", "2026-12-12"),  # the next one, not today
        ("2026-12-24", "2026-12-24"),
    ],
)
def test_days_a_clerk_names(text: str, day: str) -> None:
    assert docket_day(text, today=SATURDAY).isoformat() == day


@pytest.mark.parametrize("text", ["someday", "mo", "2026-13-01", ""])
def test_a_day_not_understood_says_how_to_write_one(text: str) -> None:
    with pytest.raises(InvalidValue) as info:
        docket_day(text, today=SATURDAY)
    assert "tomorrow" in str(info.value) and "YYYY-MM-DD" in str(info.value)


@pytest.fixture
def court(run):
    run("judge", "add", "EMM", "Ellen Marsh", "--court", "Chicago Immigration Court")
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Diaz", "--judge", "EMM")
    run("case", "add", "--a-number", "987654321", "--respondent", "Bo Li", "--judge", "EMM")
    for a_number, at, room in (("123456789", "2026-12-07 13:00", "2"),
                               ("987654321", "2026-12-07 09:00", "2")):  # fmt: skip
        added = run("hearing", "add", a_number, "--at", at, "--kind", "master",
                    "--courtroom", room)  # fmt: skip
        assert added.exit_code == 0, added.output
    return run


def test_docket_without_a_file_prints_the_day(court) -> None:
    result = court("docket", "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Docket — ") and "Chicago Immigration Court" in lines[0]
    assert "2 hearings before 1 judge" in result.output
    assert "Immigration Judge Ellen Marsh" in result.output
    rows = [line for line in lines if "A-" in line]
    assert len(rows) == 2
    assert "A-987-654-321" in rows[0] and "Bo Li" in rows[0]  # time order
    assert "A-123-456-789" in rows[1] and "Ana Diaz" in rows[1]
    assert rows[0].index("Bo Li") == rows[1].index("Ana Diaz")  # columns line up
    empty = court("docket", "--date", "2026-12-08")
    assert empty.exit_code == 0 and "No hearings scheduled." in empty.output
    assert court("docket", "--date", "someday").exit_code == 2


def test_summary_title_names_the_case_and_day(court, tmp_path) -> None:
    with open_library(tmp_path / "lib", read_only=True) as lib:
        hearing_id = lib.db.execute("SELECT min(id) FROM hearings").fetchone()[0]
        assert summary_title(lib, hearing_id) == "Hearing summary A-123-456-789 December 7, 2026"
