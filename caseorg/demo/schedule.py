"""When a demo case's hearings fall, who hears them, and when their notices went out.

The sample data gives days as offsets from today; this turns them into court
days once, so the documents, the hearings and the notices all agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from caseorg.demo.courtdays import court_day, days_from
from caseorg.demo.data import Case, Hearing, Move


@dataclass(frozen=True)
class PlannedHearing:
    """A hearing with its real dates and its judge at the time."""

    index: int  # its place in the case's hearings (documents name hearings by it)
    spec: Hearing
    day: dt.date
    judge: str
    served: dt.date | None  # the day its notice was served; None: no written notice


def judge_on(case: Case, day: dt.date, today: dt.date) -> str:
    """The code of the case's judge on ``day``, after the reassignments made by then."""
    judge = case.judge
    for move in sorted(case.moves, key=lambda m: m.day):
        if today + dt.timedelta(days=move.day) <= day:
            judge = move.to
    return judge


def move_day(move: Move, today: dt.date) -> dt.date:
    """The court day a reassignment took effect."""
    return days_from(today, move.day)


def plan_hearings(case: Case, today: dt.date) -> list[PlannedHearing]:
    """The case's hearings on court days (past ones moved back, coming ones forward),
    each notice served ``lead`` days before and no later than yesterday."""
    planned = []
    yesterday = days_from(today, -1)
    for index, spec in enumerate(case.hearings):
        day = days_from(today, spec.day, forward=spec.day >= 0)
        served: dt.date | None = None
        if spec.notice is not None:
            served = min(court_day(day - dt.timedelta(days=spec.lead), forward=False), yesterday)
        planned.append(PlannedHearing(index, spec, day, judge_on(case, day, today), served))
    return planned
