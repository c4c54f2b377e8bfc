"""On the command line, what cannot be true is refused in one line (exit 2), and what is
unusual is recorded with a warning on stderr (exit 0) and listed by ``caseorg check``."""

from __future__ import annotations

import json
from typing import Any

import pytest

OPENED = "2026-01-10"


@pytest.fixture
def ana(run: Any) -> Any:
    """The command line (stdout and stderr apart, as a terminal or a script sees them) on
    a library with Ana's case, opened on 2026-01-10."""
    opened = run(
        "case", "add", "--a-number", "A-123-456-789", "--respondent", "Ana", "--opened", OPENED
    )
    assert opened.exit_code == 0
    return run


def refused(result: Any, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("caseorg: ")
    assert all(word in lines[0] for word in words), lines[0]


def test_impossible_records_are_refused(ana: Any) -> None:
    run = ana
    assert run("hearing", "add", "A-123-456-789", "--at", "2026-03-14 09:30").exit_code == 0
    refused(
        run("hearing", "add", "A-123-456-789", "--at", "2026-03-14 09:30"),
        "already has a master hearing at 03/14/2026 9:30 AM (#1)",
    )
    refused(run("hearing", "add", "A-123-456-789", "--at", "2026-03-14"), "time is missing")
    refused(run("hearing", "edit", "1", "--at", "2026-03-16"), "time is missing")
    refused(run("case", "add", "--a-number", "A-000-000-000", "--respondent", "X"), "never issued")
    listed = json.loads(run("hearing", "list", "A-123-456-789", "--json").stdout)
    assert [h["starts_at"] for h in listed] == ["2026-03-14 09:30"]


def test_unusual_records_are_kept_with_a_warning_and_checked(ana: Any) -> None:
    run = ana
    old = run("hearing", "add", "A-123-456-789", "--at", "1999-05-01 10:00")
    assert old.exit_code == 0
    assert old.stdout.startswith("added hearing #1: 05/01/1999 10:00 AM")
    assert old.stderr == (
        "caseorg: warning: hearing #1: dated before the case was opened (01/10/2026)\n"
    )
    as_json = run("hearing", "add", "A-123-456-789", "--at", "1999-06-01 10:00", "--json")
    assert as_json.exit_code == 0 and as_json.stderr == ""  # the record carries it
    assert json.loads(as_json.stdout)["record_warning"].startswith("dated before the case")
    listed = run("hearing", "list", "A-123-456-789")
    assert listed.stdout.count("⚠ dated before the case was opened (01/10/2026)") == 2

    checked = run("check")
    assert checked.exit_code == 0, checked.output  # unusual is not damage
    assert checked.stdout.splitlines() == [
        "unusual  hearing #1 of A-123-456-789 at 05/01/1999 10:00 AM: "
        "dated before the case was opened (01/10/2026)",
        "unusual  hearing #2 of A-123-456-789 at 06/01/1999 10:00 AM: "
        "dated before the case was opened (01/10/2026)",
        "checked 0 documents, 0 files: ok; 2 unusual record(s) to look at",
    ]
    report = json.loads(run("check", "--json").stdout)
    assert report["ok"] is True and len(report["unusual"]) == 2


FLAG = "notice served 03/20/2026, after the hearing: it is no proof of notice"


def test_a_late_notice_is_recorded_with_a_warning_and_listed(ana: Any) -> None:
    run = ana
    run("hearing", "add", "A-123-456-789", "--at", "2026-03-14 09:30")
    added = run("notice", "add", "1", "--served", "2026-03-20")
    assert added.exit_code == 0
    assert added.stdout == "recorded notice #1 for hearing #1, served 03/20/2026 by mail\n"
    assert added.stderr == f"caseorg: warning: notice #1: {FLAG}\n"
    listed = run("check-notices")
    assert listed.exit_code == 1
    assert listed.stdout.splitlines() == [
        f"hearing #1 03/14/2026 9:30 AM  A-123-456-789 Ana (no judge): {FLAG}",
        "every in absentia order has sound proof of notice (minimum 10 days)",
        "1 hearing(s) with a notice served after it",
    ]
