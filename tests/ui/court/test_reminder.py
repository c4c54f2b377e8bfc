"""The deadline reminder the main window shows."""

from __future__ import annotations

import datetime as dt

from fixtures_court_ui import TODAY, Court, court_fixture, court_template_fixture  # noqa: F401 (fixtures)

from caseorg.court.deadline_board import deadline_board
from caseorg.court.reminders import deadline_reminder
from caseorg.records.deadlines import add_deadline, mark_done
from caseorg_ui.court.deadline_board_view import reminder_text

# -- the deadline reminder ----------------------------------------------------------------


def test_reminder_counts_overdue_and_this_week(court: Court) -> None:
    assert deadline_reminder(court.reader, today=TODAY) == "2 deadlines overdue, 1 due this week"
    # a week later: the brief, the filing and the witness list are overdue, the decision is near
    later = TODAY + dt.timedelta(days=14)
    assert deadline_reminder(court.reader, today=later) == "3 deadlines overdue, 1 due this week"


def test_reminder_wording_for_one_kind_only(court: Court) -> None:
    assert reminder_text(deadline_board(court.reader, today=dt.date(2025, 5, 2))) is None
    mark_done(court.writer, court.deadlines["ana_brief"], done_on="2025-06-01")
    board = deadline_board(court.reader, today=dt.date(2025, 6, 7))
    assert reminder_text(board) == "2 deadlines due this week"
    for deadline in ("bo_filing", "carla_filing", "ana_decision"):
        mark_done(court.writer, court.deadlines[deadline], done_on="2025-06-01")
    assert deadline_reminder(court.reader, today=TODAY) is None
    add_deadline(court.writer, court.cases["ana"], "filing", "2025-06-01")
    assert deadline_reminder(court.reader, today=TODAY) == "1 deadline overdue"
