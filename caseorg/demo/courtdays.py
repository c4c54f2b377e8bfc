"""Court days and how the demo's documents write dates and times.

The demo's dates are offsets from today; each lands on a court day (a weekday
that is not a federal holiday) so no hearing or filing falls on a Sunday or on
Thanksgiving.
"""

from __future__ import annotations

import datetime as dt

_FIXED_HOLIDAYS = {(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)}
_NTH_MONDAYS = {(1, 3), (2, 3), (9, 1), (10, 2)}  # MLK, Presidents, Labor, Columbus Days


def is_court_day(day: dt.date) -> bool:
    """A weekday that is not a federal holiday (observed dates are ignored: good enough
    for sample dates)."""
    if day.weekday() >= 5 or (day.month, day.day) in _FIXED_HOLIDAYS:
        return False
    nth = (day.day - 1) // 7 + 1
    if day.weekday() == 0 and (day.month, nth) in _NTH_MONDAYS:
        return False
    if day.month == 5 and day.weekday() == 0 and day.day > 24:  # Memorial Day
        return False
    return not (day.month == 11 and day.weekday() == 3 and nth == 4)  # Thanksgiving


def court_day(day: dt.date, forward: bool) -> dt.date:
    """The nearest court day on or after (``forward``) or on or before ``day``."""
    step = dt.timedelta(days=1 if forward else -1)
    while not is_court_day(day):
        day += step
    return day


def days_from(today: dt.date, offset: int, forward: bool = False) -> dt.date:
    """The court day ``offset`` days from ``today`` (moved back, or ``forward``)."""
    return court_day(today + dt.timedelta(days=offset), forward)


def clock(time: str) -> str:
    """'13:00' as a notice writes it: 1:00 p.m."""
    hour, minute = (int(part) for part in time.split(":"))
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"
