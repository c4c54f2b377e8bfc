"""Deadlines across the whole library, grouped the way a clerk works them.

Overdue first, then what falls due this week (today and the six days after),
then later; done deadlines only when asked. Each row carries its case, so the
list can be shown without another query per row. Writing stays in
:mod:`caseorg.records.deadlines` (``add_deadline``, ``mark_done``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from caseorg.court.reminders import WEEK_DAYS
from caseorg.library import Library
from caseorg.records import Record, judge_by_code
from caseorg.values import case_label, parse_date

GROUPS = ("overdue", "this_week", "later", "done")


@dataclass
class DeadlineItem(Record):
    """A deadline with its case and where it falls relative to today."""

    id: int
    case_id: int
    kind: str
    due_on: str
    done_on: str | None
    note: str | None
    document_id: int | None
    document_title: str | None
    a_number: str
    a_number_display: str
    respondent: str
    judge_code: str | None
    judge_name: str | None
    group: str  # overdue | this_week | later | done
    days: int  # due date minus today (negative when overdue)


@dataclass
class DeadlineBoard(Record):
    today: str
    overdue: list[DeadlineItem] = field(default_factory=list)
    this_week: list[DeadlineItem] = field(default_factory=list)
    later: list[DeadlineItem] = field(default_factory=list)
    done: list[DeadlineItem] = field(default_factory=list)

    def items(self) -> list[DeadlineItem]:
        """Every row in group order (overdue, this week, later, done)."""
        return [*self.overdue, *self.this_week, *self.later, *self.done]


def group_of(due_on: str, done_on: str | None, today: dt.date) -> tuple[str, int]:
    """('overdue' | 'this_week' | 'later' | 'done', days until due) for one deadline."""
    days = (dt.date.fromisoformat(due_on[:10]) - today).days
    if done_on:
        return "done", days
    if days < 0:
        return "overdue", days
    if days < WEEK_DAYS:
        return "this_week", days
    return "later", days


def deadline_board(
    lib: Library,
    today: dt.date | str | None = None,
    judge_code: str | None = None,
    case_id: int | None = None,
    include_done: bool = False,
) -> DeadlineBoard:
    """Every deadline in the library (or one judge's cases, or one case), grouped.

    Within a group rows are in due-date order (the most overdue first).

    :param today: the day "overdue" and "this week" are measured from (default today).
    :param include_done: also list deadlines already marked done (newest due first).
    """
    day = parse_date(today, "date") if today else dt.date.today()
    where: list[str] = []
    params: list[Any] = []
    if judge_code:
        where.append("c.judge_id = ?")
        params.append(judge_by_code(lib, judge_code).id)
    if case_id is not None:
        where.append("d.case_id = ?")
        params.append(case_id)
    if not include_done:
        where.append("d.done_on IS NULL")
    sql = """
        SELECT d.*, doc.title AS document_title, c.a_number, c.eoir_case_id, c.respondent,
               j.code AS judge_code, j.name AS judge_name
        FROM deadlines d
        JOIN cases c ON c.id = d.case_id
        LEFT JOIN judges j ON j.id = c.judge_id
        LEFT JOIN documents doc ON doc.id = d.document_id
    """
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.due_on, c.a_number, d.id"
    board = DeadlineBoard(today=day.isoformat())
    for row in lib.db.query(sql, params):
        group, days = group_of(row["due_on"], row["done_on"], day)
        item = DeadlineItem(
            id=row["id"],
            case_id=row["case_id"],
            kind=row["kind"],
            due_on=row["due_on"],
            done_on=row["done_on"],
            note=row["note"],
            document_id=row["document_id"],
            document_title=row["document_title"],
            a_number=row["a_number"] or "",
            a_number_display=case_label(row["a_number"], row["eoir_case_id"]),
            respondent=row["respondent"],
            judge_code=row["judge_code"],
            judge_name=row["judge_name"],
            group=group,
            days=days,
        )
        getattr(board, group).append(item)
    board.done.reverse()
    return board
