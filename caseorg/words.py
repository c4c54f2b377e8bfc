"""Every date, time, count and choice label a person reads, in one place and in English.

Never ``strftime`` with ``%A %B %p %a %b``: a Qt app sets the C library's locale
from the desktop, so those would print "Montag" or "März" on a German desktop
while the court (and its printouts) writes English. Names come from the lists
here instead, and numeric forms are built digit by digit. Parsing what a person
typed stays in :mod:`caseorg.values`; this module only shows values.

Cheap to import (the app's first window uses it): standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from caseorg.values import stored_day, stored_moment

DASH = "\u2014"  # shown for a missing value

# The one rule on screen: 12/14/2026, Mon 12/14/2026, 9:00 AM, 12/14/2026 9:00 AM (see
# us_date, weekday_us_date, clock, us_datetime); on paper: December 14, 2026 and 9:00 AM
# (paper_date, paper_datetime). Date pickers show the same forms (Qt display formats):
QT_DATE_FORMAT = "MM/dd/yyyy"
QT_WEEKDAY_DATE_FORMAT = "ddd MM/dd/yyyy"
QT_DATETIME_FORMAT = "MM/dd/yyyy h:mm AP"
EN_DASH = "\u2013"  # between the two ends of a span

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# -- dates and times -------------------------------------------------------------------


def month_name(month: int) -> str:
    """3 -> 'March'."""
    return MONTHS[month - 1]


def short_month(month: int) -> str:
    """3 -> 'Mar'."""
    return MONTHS[month - 1][:3]


def weekday_name(day: dt.date) -> str:
    """'Monday'."""
    return WEEKDAYS[day.weekday()]


def long_date(day: dt.date) -> str:
    """'March 17, 2025'."""
    return f"{month_name(day.month)} {day.day}, {day.year}"


def weekday_date(day: dt.date) -> str:
    """'Monday, March 17, 2025': said next to a date so that a wrong day stands out."""
    return f"{weekday_name(day)}, {long_date(day)}"


def _us_day(day: dt.date) -> str:
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


def us_date(value: str | dt.date | None) -> str:
    """'03/17/2025', the court's numeric form (table columns); '' for none, and a stored
    value that is not a date as it is."""
    if not value:
        return ""
    if isinstance(value, dt.date):
        return _us_day(value)
    day = stored_day(value)
    return _us_day(day) if day else value


def clock(moment: dt.datetime | dt.time) -> str:
    """'9:30 AM'."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def us_datetime(value: str | dt.datetime | None) -> str:
    """'03/17/2025 9:30 AM'; '' for none, and a stored value that is not a time as it is."""
    if not value:
        return ""
    moment = value if isinstance(value, dt.datetime) else stored_moment(value)
    if moment is None:
        return str(value)
    return f"{_us_day(moment.date())} {clock(moment)}"


def paper_date(value: str | dt.date | None) -> str:
    """'December 14, 2026': the court's style on paper (every printout); '' for none, and
    a stored value that is not a date as it is."""
    if not value:
        return ""
    day = value if isinstance(value, dt.date) else stored_day(value)
    if isinstance(day, dt.datetime):
        day = day.date()
    return long_date(day) if day else str(value)


def paper_datetime(value: str | dt.datetime | None) -> str:
    """'December 14, 2026, 9:00 AM' on paper; '' for none, else a non-time as it is."""
    if not value:
        return ""
    moment = value if isinstance(value, dt.datetime) else stored_moment(value)
    if moment is None:
        return str(value)
    return f"{long_date(moment.date())}, {clock(moment)}"


def weekday_us_date(day: dt.date) -> str:
    """'Mon 12/14/2026': a day on screen where its weekday matters (the docket)."""
    return f"{weekday_name(day)[:3]} {_us_day(day)}"


def date_span(first: dt.date, last: dt.date) -> str:
    """'March 3 – 9, 2025', 'March 31 – April 6, 2025', 'December 30, 2024 – January 5, 2025'."""
    start = f"{month_name(first.month)} {first.day}"
    if first.year != last.year:
        start += f", {first.year}"
    end = f"{last.day}" if first.month == last.month else f"{month_name(last.month)} {last.day}"
    return f"{start} {EN_DASH} {end}, {last.year}"


# -- counts ------------------------------------------------------------------------------


def plural(count: int, word: str, many: str | None = None) -> str:
    """``word`` for one, else its plural (``many``, default ``word + 's'``): 'page', 'pages'."""
    return word if count == 1 else (many or word + "s")


def counted(count: int, word: str, many: str | None = None) -> str:
    """'1 deadline', '2 deadlines', '0 deadlines'."""
    return f"{count} {plural(count, word, many)}"


def due_words(days: int) -> str:
    """How far off a due date is, ``days`` from today: 'overdue by 2 days', 'due today',
    'in 1 day'."""
    if days < 0:
        return f"overdue by {counted(-days, 'day')}"
    if days == 0:
        return "due today"
    return f"in {counted(days, 'day')}"


# -- text ------------------------------------------------------------------------------


def sentence(text: str) -> str:
    """A message or phrase as a line of its own: stripped, first letter capitalised."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def or_dash(value: object) -> str:
    """A free-text value, or a dash when there is none."""
    text = "" if value is None else str(value).strip()
    return text or DASH


def judge_name(name: str | None, code: str | None, missing: str = DASH) -> str:
    """'Rosa Martinez (JRM)': the title '(Immigration) Judge' is dropped, the column or
    heading says it; ``missing`` when there is neither name nor code."""
    if not name and not code:
        return missing
    shown = re.sub(r"^\s*(Immigration\s+)?Judge\s+", "", name or "", flags=re.IGNORECASE)
    shown = shown.strip() or (name or "").strip()
    if code and shown:
        return f"{shown} ({code})"
    return shown or code or missing


# -- stored choices ---------------------------------------------------------------------

# How a stored choice reads on its own (the printouts' wording), list by list;
# "_short" lists are the narrow forms for table columns.
CHOICE_WORDS: dict[str, dict[str, str]] = {
    "custody": {"detained": "Detained", "released": "Released", "non_detained": "Non-detained"},
    "case_type": {
        "removal": "Removal",
        "asylum_only": "Asylum-only",
        "withholding_only": "Withholding-only",
        "bond": "Bond",
        "other": "Other",
    },
    "status": {
        "pending": "Pending",
        "completed": "Completed",
        "closed": "Closed",
        "appealed": "Appealed",
    },
    "kind": {
        "master": "Master calendar",
        "individual": "Individual (merits)",
        "bond": "Bond",
        "status": "Status",
        "other": "Other",
    },
    "kind_short": {
        "master": "Master",
        "individual": "Individual",
        "bond": "Bond",
        "status": "Status",
        "other": "Other",
    },
    "medium": {
        "in_person": "In person",
        "video": "Video (VTC)",
        "telephone": "Telephone",
        "unknown": "Unknown",
    },
    "medium_short": {
        "in_person": "In person",
        "video": "Video",
        "telephone": "Telephone",
        "unknown": "Unknown",
    },
    "outcome": {
        "pending": "Pending",
        "continued": "Continued",
        "decided": "Decided",
        "in_absentia_order": "In absentia order",
        "cancelled": "Cancelled",
    },
    "method": {
        "personal": "Personal service",
        "mail": "Mail",
        "certified_mail": "Certified mail",
        "electronic": "Electronic",
    },
    "doc_type": {
        "brief": "Brief",
        "motion": "Motion",
        "notice_to_appear": "Notice to Appear",
        "hearing_notice": "Hearing notice",
        "evidence": "Evidence",
        "decision": "Decision",
        "order": "Order",
        "correspondence": "Correspondence",
        "other": "Other",
    },
    "filed_by": {"respondent": "Respondent", "dhs": "DHS", "court": "Court", "other": "Other"},
    "deadline": {
        "brief_due": "Brief due",
        "filing": "Filing",
        "decision_due": "Decision due",
        "other": "Other",
    },
}

# The caption's line under the respondent's name, by case type
PROCEEDINGS = {
    "removal": "In Removal Proceedings",
    "asylum_only": "In Asylum-Only Proceedings",
    "withholding_only": "In Withholding-Only Proceedings",
    "bond": "In Bond Proceedings",
}

_ACRONYMS = {"dhs": "DHS", "nta": "NTA", "eoir33": "EOIR-33", "cat": "CAT"}

# Every listed value, whatever its list: the narrow table form where there is one
# (a value reads the same in every list it is in: a test holds this)
_ANY_LIST = {
    value: text
    for group in sorted(CHOICE_WORDS, key=lambda name: name.endswith("_short"))
    for value, text in CHOICE_WORDS[group].items()
}


def label(value: str | None) -> str:
    """A stored choice inside a sentence or a terse list: 'in_absentia_order' -> 'in
    absentia order', 'non_detained' -> 'non-detained': spelt as :func:`choice_text`, in
    lower case but for acronyms ('DHS', 'video (VTC)'); a value of no list reads as its
    words."""
    text = _ANY_LIST.get(value or "")
    if text is None:
        return (value or "").replace("_", " ")
    return " ".join(word if word.isupper() else word.lower() for word in text.split(" "))


def choice_text(value: str | None) -> str:
    """A stored choice on its own, as in a combo box or cell: 'notice_to_appear' ->
    'Notice to Appear', 'individual' -> 'Individual'; '' for none."""
    if not value:
        return ""
    return _ANY_LIST.get(value) or _ACRONYMS.get(value) or sentence(label(value))


def type_text(doc_type: str | None, guessed: object = False) -> str:
    """A document's type in a cell or list: 'Motion', or 'Motion (guessed)' while the type
    read from its text at import is not yet confirmed."""
    return choice_text(doc_type) + (" (guessed)" if guessed else "")


def choice_words(group: str, value: str | None) -> str:
    """A stored choice in the words of one list of :data:`CHOICE_WORDS` (``group`` is
    e.g. "kind", or its table form "kind_short"); a dash for none."""
    if not value:
        return DASH
    return CHOICE_WORDS[group].get(value) or choice_text(value)


def hearing_choice(group: str, hearing: Any) -> str:
    """A hearing's kind or medium in the words of ``group`` ("kind", "kind_short",
    "medium", "medium_short"), or what its source said when caseorg's word is vague
    (``kind_detail``/``medium_detail``: "Special Circumstance calendar (EOIR code S)",
    "unknown (EOIR code H)")."""
    field = group.split("_")[0]
    detail = getattr(hearing, f"{field}_detail", None)
    return detail or choice_words(group, getattr(hearing, field))


# How a stored field's name reads to a person (history lines, messages, headings);
# a field not listed reads as its words ('interpreter_language' -> 'interpreter language')
FIELD_WORDS = {
    "a_number": "A-number",
    "eoir_case_id": "EOIR case id",
    "case_id": "case",
    "judge_id": "judge",
    "from_judge_id": "from judge",
    "to_judge_id": "to judge",
    "document_id": "document",
    "hearing_id": "hearing",
    "proceeding_id": "proceeding",
    "dhs_counsel": "DHS counsel",
    "case_type": "case type",
    "doc_type": "document type",
    "opened_on": "date opened",
    "completed_on": "date completed",
    "filed_on": "date filed",
    "served_on": "date served",
    "returned_on": "date returned",
    "received_on": "date received",
    "effective_on": "effective date",
    "due_on": "due date",
    "done_on": "date done",
    "decided_on": "date decided",
    "ruled_on": "date ruled on",
    "born_on": "date of birth",
    "from_on": "from",
    "to_on": "to",
    "ten_day_waiver_on": "10-day waiver date",
    "filed_by": "party who filed",
    "starts_at": "date and time",
    "midstream": "mid-stream",
    "original_name": "file name",
    "page_count": "pages",
    "text_status": "text",
}


def field_label(key: str) -> str:
    """A stored field's name in words: 'opened_on' -> 'date opened', 'a_number' ->
    'A-number' (never the column name)."""
    return FIELD_WORDS.get(key) or label(key)


def proceedings(case_type: str | None) -> str:
    """'In Removal Proceedings': the caption's line for a case type."""
    return PROCEEDINGS.get(case_type or "", "In Proceedings")


def home_short(path: Path) -> str:
    """A folder as people read it: under the home folder, ``~/…`` (the status bar, where
    a full ``/home/name/.local/share/…`` path crowds out what matters)."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):  # outside home, or no home to speak of
        return str(path)
