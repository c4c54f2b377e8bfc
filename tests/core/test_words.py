"""Dates, times, counts and choice labels as a person reads them (caseorg.words), in
English whatever the desktop's locale."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caseorg import choices, words as W
from caseorg.words import (
    CHOICE_WORDS,
    DASH,
    choice_text,
    choice_words,
    clock,
    counted,
    date_span,
    due_words,
    judge_name,
    label,
    long_date,
    month_name,
    or_dash,
    plural,
    proceedings,
    sentence,
    short_month,
    us_date,
    us_datetime,
    weekday_date,
    weekday_name,
    weekday_us_date,
)

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2025, 3, 3)


# -- dates and times -------------------------------------------------------------------


def test_dates() -> None:
    assert long_date(dt.date(2025, 3, 17)) == "March 17, 2025"
    assert weekday_date(MONDAY) == "Monday, March 3, 2025"
    assert weekday_name(dt.date(2025, 3, 9)) == "Sunday"
    assert weekday_us_date(MONDAY) == "Mon 03/03/2025"
    assert month_name(12) == "December" and short_month(1) == "Jan" and short_month(9) == "Sep"


def test_us_date_takes_days_and_stored_text() -> None:
    assert us_date(MONDAY) == "03/03/2025"
    assert us_date(dt.datetime(2025, 3, 3, 9, 30)) == "03/03/2025"
    assert us_date("2025-03-03") == "03/03/2025"
    assert us_date("2025-03-03 09:30:00") == "03/03/2025"
    assert us_date(None) == "" and us_date("") == ""
    assert us_date("soon") == "soon"  # an odd stored value shows as it is


@pytest.mark.parametrize(
    ("hour", "minute", "shown"),
    [
        (0, 0, "12:00 AM"),
        (9, 5, "9:05 AM"),
        (11, 59, "11:59 AM"),
        (12, 0, "12:00 PM"),
        (23, 30, "11:30 PM"),
    ],
)
def test_clock(hour: int, minute: int, shown: str) -> None:
    assert clock(dt.time(hour, minute)) == shown
    assert clock(dt.datetime(2025, 3, 3, hour, minute)) == shown


def test_us_datetime() -> None:
    assert us_datetime(dt.datetime(2025, 3, 3, 14, 5)) == "03/03/2025 2:05 PM"
    assert us_datetime("2025-03-03 09:30") == "03/03/2025 9:30 AM"
    assert us_datetime("2025-03-03T09:30:00Z") == "03/03/2025 9:30 AM"
    assert us_datetime("2025-03-03") == "03/03/2025 12:00 AM"
    assert us_datetime(None) == "" and us_datetime("later") == "later"


def test_stamp_and_spans() -> None:
    assert us_datetime(dt.datetime(2025, 3, 3, 9, 5, 59)) == "03/03/2025 9:05 AM"
    assert date_span(MONDAY, dt.date(2025, 3, 9)) == "March 3 \u2013 9, 2025"
    assert date_span(dt.date(2025, 3, 31), dt.date(2025, 4, 6)) == "March 31 \u2013 April 6, 2025"
    assert date_span(dt.date(2024, 12, 30), dt.date(2025, 1, 5)) == (
        "December 30, 2024 \u2013 January 5, 2025"
    )


# -- counts and text -------------------------------------------------------------------


def test_counts() -> None:
    assert counted(1, "deadline") == "1 deadline"
    assert counted(2, "deadline") == "2 deadlines"
    assert counted(0, "in absentia order") == "0 in absentia orders"
    assert plural(3, "page") == "pages" and plural(1, "page") == "page"
    assert counted(2, "judge", "judges") == "2 judges"


def test_due_words() -> None:
    assert due_words(-9) == "overdue by 9 days"
    assert due_words(-1) == "overdue by 1 day"
    assert due_words(0) == "due today"
    assert due_words(1) == "in 1 day"
    assert due_words(14) == "in 14 days"


def test_text_helpers() -> None:
    assert sentence("  invalid A-number 'A12' ") == "Invalid A-number 'A12'"
    assert sentence("") == ""
    assert or_dash(None) == DASH and or_dash("  ") == DASH and or_dash(" Room 3 ") == "Room 3"
    assert judge_name("Judge Rosa Martinez", "JRM") == "Rosa Martinez (JRM)"
    assert judge_name("Immigration Judge Rosa Martinez", None) == "Rosa Martinez"
    assert judge_name(None, "JRM") == "JRM"
    assert judge_name(None, None) == DASH
    assert judge_name(" ", None, missing="No judge assigned") == "No judge assigned"


# -- stored choices --------------------------------------------------------------------


def test_choice_labels() -> None:
    assert label("in_absentia_order") == "in absentia order" and label(None) == ""
    assert choice_text("in_absentia_order") == "In absentia order"
    assert choice_text("non_detained") == "Non-detained"
    assert choice_text("dhs") == "DHS"
    assert choice_text("notice_to_appear") == "Notice to Appear"  # as the printouts say
    assert choice_text("individual") == "Individual"  # the table form, where there is one
    assert choice_text("no_text") == "No text"  # not in a list: its label, capitalised
    assert choice_text(None) == ""
    assert choice_words("kind", "individual") == "Individual (merits)"
    assert choice_words("kind_short", "individual") == "Individual"
    assert choice_words("method", "personal") == "Personal service"
    assert choice_words("outcome", None) == DASH
    assert choice_words("doc_type", "nta") == "NTA"
    assert proceedings("asylum_only") == "In Asylum-Only Proceedings"
    assert proceedings("other") == "In Proceedings" and proceedings(None) == "In Proceedings"


@pytest.mark.parametrize(
    ("group", "values"),
    [
        ("custody", choices.CUSTODY),
        ("case_type", choices.CASE_TYPES),
        ("status", choices.CASE_STATUSES),
        ("kind", choices.HEARING_KINDS),
        ("kind_short", choices.HEARING_KINDS),
        ("medium", choices.MEDIA),
        ("medium_short", choices.MEDIA),
        ("outcome", choices.OUTCOMES),
        ("method", choices.NOTICE_METHODS),
        ("doc_type", choices.DOC_TYPES),
        ("filed_by", choices.FILERS),
        ("deadline", choices.DEADLINE_KINDS),
    ],
)
def test_every_choice_has_its_words(group: str, values: tuple[str, ...]) -> None:
    assert set(CHOICE_WORDS[group]) == set(values)


def test_a_value_reads_the_same_in_every_list() -> None:
    """choice_text knows no list: a value in several lists must read alike in all of them
    (the table forms apart)."""
    seen: dict[str, str] = {}
    for group, words in CHOICE_WORDS.items():
        if group.endswith("_short"):
            continue
        for value, text in words.items():
            assert seen.setdefault(value, text) == text, (group, value)


# -- whatever the desktop's locale -----------------------------------------------------

PROBE = """
import datetime as dt, json, locale, sys
locale.setlocale(locale.LC_ALL, "")  # what a Qt app does at start
monday = dt.date(2025, 3, 3)
if monday.strftime("%A") == "Monday":
    print(json.dumps({"active": False}))
    sys.exit(0)
from caseorg import words
moment = dt.datetime(2025, 3, 3, 14, 5)
print(json.dumps({
    "active": True,
    "locale": locale.setlocale(locale.LC_TIME),
    "shown": [
        words.weekday_date(monday), words.long_date(monday), words.us_date(monday),
        words.clock(moment), words.us_datetime(moment), words.short_month(5),
        words.weekday_us_date(monday), words.date_span(monday, dt.date(2025, 4, 6)),
        words.choice_text("notice_to_appear"),
    ],
}))
"""


def _foreign_locale(tmp_path: Path) -> tuple[str, dict[str, str]] | None:
    """A non-English locale this machine has, else one compiled from its locale sources
    (no network): (name, extra environment), or None."""
    try:
        names = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    except OSError:
        names = []
    for name in names:
        if re.match(r"^(de|fr|es|it|pt|nl|pl|ru)_[A-Z]{2}\.(utf8|UTF-8)$", name):
            return name, {}
    sources = Path("/usr/share/i18n/locales")
    localedef = shutil.which("localedef")
    if localedef and (sources / "de_DE").exists():
        built = tmp_path / "locales"
        built.mkdir()
        command = [localedef, "-i", "de_DE", "-f", "UTF-8", str(built / "de_DE.UTF-8")]
        subprocess.run(command, capture_output=True)  # may warn, with exit status 1
        if (built / "de_DE.UTF-8").exists():
            return "de_DE.UTF-8", {"LOCPATH": str(built)}
    return None


def test_words_stay_english_under_a_foreign_locale(tmp_path: Path) -> None:
    found = _foreign_locale(tmp_path)
    if found is None:
        pytest.skip("no non-English locale installed, and none can be compiled here")
    name, extra = found
    env = {**os.environ, **extra, "LC_ALL": name, "LANG": name, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    if not report["active"]:
        pytest.skip(f"the locale {name} did not take effect")
    assert report["shown"] == [
        "Monday, March 3, 2025",
        "March 3, 2025",
        "03/03/2025",
        "2:05 PM",
        "03/03/2025 2:05 PM",
        "May",
        "Mon 03/03/2025",
        "March 3 \u2013 April 6, 2025",
        "Notice to Appear",
    ]


# matches strftime("...%A...") and f"{day:%B}": names or AM/PM from the C library's locale
LOCALE_FORMAT = re.compile(
    r"(?:strftime|strptime)\([^)]*%[aAbBcpxX]|\{[^{}\n]*:[^{}\n]*%[aAbBcpxX][^{}\n]*\}"
)


def test_no_locale_dependent_formats_in_the_code() -> None:
    """Every name of a day or month, and AM/PM, comes from caseorg.words."""
    found = []
    for folder in ("caseorg", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if LOCALE_FORMAT.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_one_rule_on_screen_and_one_on_paper() -> None:
    """Issue 18 item 4: the screen writes 12/14/2026, Mon 12/14/2026, 9:00 AM and
    12/14/2026 9:00 AM; paper writes December 14, 2026 and 9:00 AM."""
    day, moment = dt.date(2026, 12, 14), dt.datetime(2026, 12, 14, 9, 0)
    assert W.us_date(day) == W.us_date("2026-12-14") == "12/14/2026"
    assert W.weekday_us_date(day) == "Mon 12/14/2026"
    assert W.clock(moment) == "9:00 AM"
    assert W.us_datetime("2026-12-14 09:00") == "12/14/2026 9:00 AM"
    assert W.paper_date("2026-12-14") == W.paper_date(day) == "December 14, 2026"
    assert W.paper_date(moment) == "December 14, 2026"
    assert W.paper_datetime("2026-12-14 13:05") == "December 14, 2026, 1:05 PM"
    assert W.paper_date(None) == "" and W.paper_date("unknown") == "unknown"
    assert W.QT_DATETIME_FORMAT == "MM/dd/yyyy h:mm AP"  # the pickers say the same


def test_one_spelling_of_each_choice() -> None:
    for value, text in [
        ("non_detained", "non-detained"),
        ("notice_to_appear", "notice to appear"),
        ("dhs", "DHS"),
        ("video", "video"),
        ("in_absentia_order", "in absentia order"),
        ("link_exhibit", "link exhibit"),
    ]:
        assert W.label(value) == text
        assert W.label(value).lower() == (W.choice_text(value) or text).lower()
    assert W.field_label("opened_on") == "date opened"
    assert W.field_label("a_number") == "A-number"
    assert W.field_label("interpreter_language") == "interpreter language"
