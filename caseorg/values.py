"""Parsing of the small values users type (A-numbers, dates, choices), and reading them back.

How a date, time or choice is shown lives in :mod:`caseorg.words`; the A-number's
dashed form stays here, beside its parser.

Every parser raises :class:`InvalidValue` with a sentence a clerk understands.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from caseorg.errors import InvalidValue

_A_NUMBER = re.compile(r"^\s*[Aa]?\s*-?\s*(\d{3})[-\s]?(\d{3})[-\s]?(\d{3})\s*$")
# A-numbers run 7 to 9 digits, padded to 9 with zeros (A-000-000-811 is real), so the
# only spelling that is certainly never issued is all zeros; no published rule excludes
# more (e.g. a first digit), and guessing one would refuse real respondents.
NEVER_ISSUED = frozenset({"000000000"})


def parse_a_number(text: str) -> str:
    """Return the 9 digits of an A-number typed as A123456789, 123-456-789, A-123-456-789."""
    if text is None:
        raise InvalidValue("an A-number is required")
    match = _A_NUMBER.match(str(text))
    if not match:
        digits = re.sub(r"\D", "", str(text))
        if digits and len(digits) != 9:
            raise InvalidValue(
                f"invalid A-number {str(text).strip()!r}: it must have 9 digits, "
                f"this has {len(digits)}"
            )
        raise InvalidValue(
            f"invalid A-number {str(text).strip()!r}: expected 9 digits, "
            "like A-123-456-789 or 123456789"
        )
    # \d also matches full-width and other scripts' digits (an IME may type them):
    # store ASCII, or the same A-number could be stored twice under two spellings
    digits = "".join(str(unicodedata.decimal(ch)) for ch in "".join(match.groups()))
    if digits in NEVER_ISSUED:
        raise InvalidValue(
            f"invalid A-number {str(text).strip()!r}: an all-zero A-number is never issued"
        )
    return digits


def a_number_problem(text: str) -> str | None:
    """The reason ``text`` is not an A-number, or None when it is one (for as-you-type checks)."""
    try:
        parse_a_number(text)
    except InvalidValue as exc:
        return str(exc)
    return None


def format_a_number(digits: str | None) -> str:
    """Show 9 stored digits the way the court writes them: A-123-456-789 ('' for a case
    without one: name cases with :func:`case_label`)."""
    if not digits:
        return ""
    if len(digits) != 9 or not digits.isdigit():
        return digits
    return f"A-{digits[0:3]}-{digits[3:6]}-{digits[6:9]}"


# the days a court record can plausibly name: a typo (1900-01-01, 20225-…) is refused
EARLIEST_DAY = dt.date(1940, 1, 1)
LATEST_DAY = dt.date(2100, 12, 31)
# SQLite's integers are 64-bit: a larger id can name no row
MAX_ID = 2**63 - 1


def _plausible(day: dt.date, what: str, value: object) -> None:
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise InvalidValue(
            f"invalid {what} {value!r}: give a day between {EARLIEST_DAY.year} and "
            f"{LATEST_DAY.year}"
        )


def check_id(value: int, what: str = "id") -> int:
    """An id typed by the user: beyond 64 bits it names no row (a one-line error)."""
    if not -MAX_ID - 1 <= value <= MAX_ID:
        raise InvalidValue(f"invalid {what} {value}: no record has an id beyond 64 bits")
    return value


_EOIR_CASE_ID = re.compile(r"^\s*EOIR\s*[-:#]?\s*(\d{1,12})\s*$", re.IGNORECASE)


def parse_eoir_case_id(text: str) -> str:
    """EOIR's case id (IDNCASE) as digits, typed ``EOIR 310000001`` (the prefix keeps it
    apart from a 9-digit A-number) or, where only an IDNCASE can be meant, bare digits."""
    value = str(text or "").strip()
    match = _EOIR_CASE_ID.match(value) or re.fullmatch(r"(\d{1,12})", value)
    if not match:
        raise InvalidValue(f"invalid EOIR case id {value!r}: expected digits, like EOIR 310000001")
    digits = "".join(str(unicodedata.decimal(ch)) for ch in match.group(1)).lstrip("0")
    if not digits:
        raise InvalidValue(f"invalid EOIR case id {value!r}: it is zero")
    return digits


def parse_case_ref(text: str) -> tuple[str, str]:
    """What names a case: ``("a_number", digits)`` for an A-number, ``("eoir_case_id",
    digits)`` for ``EOIR 310000001`` (bare digits are always an A-number)."""
    if _EOIR_CASE_ID.match(str(text or "")):
        return "eoir_case_id", parse_eoir_case_id(text)
    return "a_number", parse_a_number(text)


def case_label(a_number: str | None, eoir_case_id: str | None = None) -> str:
    """How a case is named wherever an A-number shows: its A-number when known, else
    EOIR's case id (``EOIR 310000001``); the one place this choice is made."""
    if a_number:
        return format_a_number(a_number)
    return f"EOIR {eoir_case_id}" if eoir_case_id else ""


def parse_date(text: str | dt.date, what: str = "date") -> dt.date:
    """Parse an ISO date (2025-03-14) in the plausible range; ``what`` names the field in
    the message."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    value = (text or "").strip()
    if value.lower() == "today":
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(f"invalid {what} {value!r}: use YYYY-MM-DD, like 2025-03-14") from None
    _plausible(day, what, value)
    return day


def stored_day(value: str | None) -> dt.date | None:
    """The day of a date or timestamp read back from the database (``YYYY-MM-DD...``),
    or None when there is none or it is unreadable — for reports and figures, which
    show a dash rather than fail on one odd row."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def stored_moment(value: str | None) -> dt.datetime | None:
    """The minute of a timestamp read back from the database (``YYYY-MM-DD HH:MM...``,
    a bare day meaning its midnight), or None when there is none or it is unreadable."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("T", " ")[:16])
    except ValueError:
        day = stored_day(value)
        return dt.datetime.combine(day, dt.time()) if day else None


def parse_datetime(text: str | dt.datetime, what: str = "date and time") -> dt.datetime:
    """Parse '2025-03-14 09:30' (or ISO with T). A bare date is refused, not given a
    time: a hearing silently put at 09:00 is a hearing nobody scheduled."""
    if isinstance(text, dt.datetime):
        return text.replace(second=0, microsecond=0, tzinfo=None)
    value = (text or "").strip()
    usage = "use YYYY-MM-DD HH:MM, like 2025-03-14 09:30"
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValue(f"invalid {what} {value!r}: {usage}") from None
    if "T" not in value.upper() and " " not in value:  # a date alone reads as midnight
        raise InvalidValue(f"invalid {what} {value!r}: the time is missing; {usage}")
    _plausible(parsed.date(), what, value)
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def parse_choice(value: str, choices: Iterable[str], what: str) -> str:
    """Accept one of ``choices`` (case-insensitive, '-' or ' ' for '_')."""
    options = list(choices)
    normal = (value or "").strip().lower().replace("-", "_").replace(" ", "_")
    if normal in options:
        return normal
    raise InvalidValue(f"invalid {what} {value!r}: choose one of {', '.join(options)}")


def require_text(value: str | None, what: str) -> str:
    """A required free-text field: stripped, non-empty."""
    text = (value or "").strip()
    if not text:
        raise InvalidValue(f"{what} is required")
    return text


def optional_text(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None
