"""The status bar's deadline reminder: how many open deadlines are overdue or due this week.

Counted in SQL on the library's plain connection, so that the app's first window
shows it without loading the deadline board (:mod:`caseorg.court.deadline_board`) or the
record classes; the board groups the same way (a test holds the two equal).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from caseorg.words import counted

if TYPE_CHECKING:
    from caseorg.library import Library

WEEK_DAYS = 7  # "this week": today and the six days after


def pressing_counts(lib: Library, today: dt.date | None = None) -> tuple[int, int]:
    """(overdue, due this week) among open deadlines: the status bar's reminder,
    counted in SQL so that the app's first window does not read every deadline
    (CASE, not a summed comparison: PostgreSQL sums no booleans).

    Same grouping as :func:`caseorg.court.deadline_board.group_of` (ISO days compare as text).
    """
    day = today or dt.date.today()
    week_end = day + dt.timedelta(days=WEEK_DAYS)
    overdue, this_week = lib.conn.execute(
        """
        SELECT coalesce(sum(CASE WHEN substr(due_on, 1, 10) < :today THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN substr(due_on, 1, 10) >= :today
                            AND substr(due_on, 1, 10) < :week_end THEN 1 ELSE 0 END), 0)
        FROM deadlines WHERE done_on IS NULL
        """,
        {"today": day.isoformat(), "week_end": week_end.isoformat()},
    ).fetchone()
    return int(overdue), int(this_week)


def reminder_line(overdue: int, this_week: int) -> str | None:
    """'2 deadlines overdue, 3 due this week' (None when nothing is pressing)."""
    if not overdue and not this_week:
        return None
    if overdue and this_week:
        return f"{counted(overdue, 'deadline')} overdue, {this_week} due this week"
    if overdue:
        return f"{counted(overdue, 'deadline')} overdue"
    return f"{counted(this_week, 'deadline')} due this week"


def deadline_reminder(lib: Library, today: dt.date | None = None) -> str | None:
    """The status bar's line about overdue and this week's deadlines, or None."""
    return reminder_line(*pressing_counts(lib, today))
