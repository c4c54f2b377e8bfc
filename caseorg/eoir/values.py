"""Dates and times as EOIR's SQL Server exports write them (and as hand-edited files spell
them). Cached: a release repeats the same days millions of times over."""

from __future__ import annotations

import datetime as dt
import functools
import re

_MONTHS = {
    m: n
    for n, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: .*)?")
_ORACLE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})")
_TIME = re.compile(r"(\d{1,2}):?(\d{2})\s*(AM|PM)?")
_SQL_TIME = re.compile(r"(\d{1,2}):(\d{2}):\d{2}(?:\.\d+)?")


@functools.lru_cache(maxsize=65536)
def parse_eoir_date(text: str) -> dt.date | None:
    """'2024-03-14', '2024-03-14 00:00:00.000', '03/14/2024' or '14-MAR-24'; '' is None."""
    value = text.strip()
    if not value:
        return None
    match = _ISO.fullmatch(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = _US.fullmatch(value)
    if match:
        month, day, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = _ORACLE.fullmatch(value)
    if match and match.group(2).upper() in _MONTHS:
        year = int(match.group(3))
        if year < 100:
            year += 2000 if year < 70 else 1900
        return dt.date(year, _MONTHS[match.group(2).upper()], int(match.group(1)))
    raise ValueError(value)


@functools.lru_cache(maxsize=4096)
def parse_eoir_time(text: str) -> str:
    """'0900', '900', '09:00', '09:00:00.000', '9:00 AM', '1:30PM' -> 'HH:MM'; '' is 09:00
    (EOIR leaves the start of some hearings blank; the court opens at nine)."""
    value = text.strip().upper()
    if not value:
        return "09:00"
    seconds = _SQL_TIME.fullmatch(value)
    if seconds:
        value = f"{seconds.group(1)}:{seconds.group(2)}"
    value = value.replace(".", "")
    match = _TIME.fullmatch(value)
    if not match:
        raise ValueError(value)
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half == "PM" and hour < 12:
        hour += 12
    elif half == "AM" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise ValueError(value)
    return f"{hour:02d}:{minute:02d}"
