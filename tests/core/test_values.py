"""A-numbers, dates and choices as users type them (caseorg.values)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, strategies as st

from caseorg.errors import InvalidValue
from caseorg.values import (
    EARLIEST_DAY,
    LATEST_DAY,
    a_number_problem,
    format_a_number,
    parse_a_number,
    parse_choice,
    parse_date,
    parse_datetime,
    require_text,
    stored_day,
    stored_moment,
)

NINE_DIGITS = re.compile(r"^[0-9]{9}$")


# -- A-numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "A123456789",
        "a123456789",
        "123456789",
        "123-456-789",
        "A-123-456-789",
        "a-123-456-789",
        "A123-456-789",
        "123 456 789",
        "A 123 456 789",
        "  A-123-456-789  ",
        "A123456789\n",
        "\tA123456789",
    ],
)
def test_a_number_spellings_are_accepted(typed: str) -> None:
    assert parse_a_number(typed) == "123456789"
    assert a_number_problem(typed) is None


def test_a_number_is_shown_with_dashes() -> None:
    assert format_a_number("123456789") == "A-123-456-789"
    assert format_a_number(parse_a_number("a 098 765 432")) == "A-098-765-432"


def test_a_number_keeps_leading_zeros() -> None:
    assert parse_a_number("A-000-000-001") == "000000001"
    assert parse_a_number("000 000 001") == "000000001"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("12345678", ["9 digits", "8"]),  # 8 digits
        ("A-123-456-78", ["9 digits", "8"]),
        ("1234567890", ["9 digits", "10"]),  # 10 digits
        ("A-123-456-7890", ["9 digits", "10"]),
        ("A12345678X", ["9 digits", "8"]),  # a letter among the digits
        ("ABCDEFGHI", ["9 digits"]),  # letters only
        ("B123456789", ["9 digits"]),  # the wrong letter
        ("", ["9 digits"]),  # empty
        ("   ", ["9 digits"]),
        ("123.456.789", ["9 digits"]),
    ],
)
def test_bad_a_numbers_are_refused_with_a_clear_message(typed: str, words: list[str]) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_a_number(typed)
    message = str(info.value)
    assert "A-number" in message
    assert "\n" not in message
    for word in words:
        assert word in message
    assert a_number_problem(typed) == message


def test_missing_a_number_is_refused() -> None:
    with pytest.raises(InvalidValue, match="required"):
        parse_a_number(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["A-000-000-000", "000000000", "a 000 000 000", "A０００000000"])
def test_the_all_zero_a_number_is_refused_in_one_line(typed: str) -> None:
    with pytest.raises(InvalidValue, match="never issued") as caught:
        parse_a_number(typed)
    assert "\n" not in str(caught.value)
    assert a_number_problem(typed) == str(caught.value)  # the case form shows the same


def test_a_date_without_a_time_is_refused_not_put_at_nine() -> None:
    with pytest.raises(InvalidValue, match="the time is missing") as caught:
        parse_datetime("2026-03-14", "hearing date and time")
    assert "HH:MM" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(InvalidValue, match="the time is missing"):
        parse_datetime("20260314")  # ISO's basic form: a date alone all the same
    assert parse_datetime("2026-03-14 14:05") == dt.datetime(2026, 3, 14, 14, 5)


def test_other_script_digits_are_stored_as_ascii() -> None:
    # an IME may type full-width digits: the same case must not be stored twice
    assert parse_a_number("A１２３４５６７８９") == "123456789"
    assert parse_a_number("١٢٣٤٥٦٧٨٩") == "123456789"


# nine digits, all but the one A-number never issued (refused: see below)
ISSUABLE = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda d: d != "0" * 9)


@st.composite
def spelled_a_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(9 digits, the same A-number in one of the spellings a clerk types)."""
    digits = draw(ISSUABLE)
    groups = [digits[0:3], digits[3:6], digits[6:9]]
    prefix = draw(st.sampled_from(["", "A", "a", "A-", "a-", "A ", "a ", "A - "]))
    separator = draw(st.sampled_from(["", "-", " "]))
    padding = draw(st.sampled_from(["", " ", "  ", "\t"]))
    return digits, f"{padding}{prefix}{separator.join(groups)}{padding}"


@given(spelled_a_numbers())
def test_every_spelling_round_trips(case: tuple[str, str]) -> None:
    digits, typed = case
    stored = parse_a_number(typed)
    assert stored == digits
    shown = format_a_number(stored)
    assert re.fullmatch(r"A-\d{3}-\d{3}-\d{3}", shown)
    assert parse_a_number(shown) == digits


@given(ISSUABLE)
def test_stored_digits_round_trip_through_display(digits: str) -> None:
    assert parse_a_number(format_a_number(digits)) == digits


@given(st.text(max_size=30))
def test_any_text_parses_to_nine_digits_or_raises_invalid_value(text: str) -> None:
    try:
        stored = parse_a_number(text)
    except InvalidValue as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert NINE_DIGITS.match(stored), stored


@given(st.text(alphabet="0123456789Aa- \t", max_size=16))
def test_digit_like_text_parses_to_nine_digits_or_raises_invalid_value(text: str) -> None:
    try:
        stored = parse_a_number(text)
    except InvalidValue:
        return
    assert NINE_DIGITS.match(stored)
    assert stored == "".join(ch for ch in text if ch.isdigit())


# -- dates -----------------------------------------------------------------------------


def test_iso_dates_are_accepted() -> None:
    assert parse_date("2025-03-14") == dt.date(2025, 3, 14)
    assert parse_date(" 2024-02-29 ") == dt.date(2024, 2, 29)
    assert parse_date(dt.date(2020, 1, 2)) == dt.date(2020, 1, 2)
    assert parse_date(dt.datetime(2020, 1, 2, 15, 0)) == dt.date(2020, 1, 2)
    assert parse_date("today") == dt.date.today()


@pytest.mark.parametrize(
    "typed", ["2025-02-30", "2023-02-29", "2025-13-01", "14/03/2025", "03/14/2025", "", "soon"]
)
def test_bad_dates_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_date(typed, "hearing date")
    message = str(info.value)
    assert "hearing date" in message
    assert "YYYY-MM-DD" in message


@given(st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY))
def test_dates_round_trip(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day


@given(st.dates().filter(lambda d: not EARLIEST_DAY <= d <= LATEST_DAY))
def test_implausible_dates_are_refused(day: dt.date) -> None:
    with pytest.raises(InvalidValue, match="give a day between 1940 and 2100"):
        parse_date(day.isoformat())


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_invalid_value(text: str) -> None:
    try:
        result = parse_date(text)
    except InvalidValue:
        pass
    else:
        assert isinstance(result, dt.date)


def test_datetimes() -> None:
    assert parse_datetime("2025-03-14 09:30") == dt.datetime(2025, 3, 14, 9, 30)
    assert parse_datetime("2025-03-14T13:05:59") == dt.datetime(2025, 3, 14, 13, 5)
    with pytest.raises(InvalidValue, match="time is missing"):  # issue 17: no silent 09:00
        parse_datetime("2025-03-14")
    with pytest.raises(InvalidValue, match="YYYY-MM-DD HH:MM"):
        parse_datetime("2025-03-14 25:00")
    with pytest.raises(InvalidValue):
        parse_datetime("")


# -- choices and text ------------------------------------------------------------------


def test_stored_values_read_back_leniently() -> None:
    """What the database holds, read for display: an odd row gives None, never an error."""
    assert stored_day("2025-03-03 09:30:00") == dt.date(2025, 3, 3)
    assert stored_day("") is None and stored_day("soon") is None
    assert stored_moment("2025-03-03 09:30:59") == dt.datetime(2025, 3, 3, 9, 30)
    assert stored_moment("2025-03-03T09:30:00Z") == dt.datetime(2025, 3, 3, 9, 30)
    assert stored_moment("2025-03-03") == dt.datetime(2025, 3, 3)
    assert stored_moment("2025-03-03 at nine") == dt.datetime(2025, 3, 3)
    assert stored_moment(None) is None and stored_moment("soon") is None


def test_choices_are_forgiving_about_case_and_separators() -> None:
    options = ("in_person", "video", "telephone")
    assert parse_choice("In Person", options, "medium") == "in_person"
    assert parse_choice("in-person", options, "medium") == "in_person"
    assert parse_choice(" VIDEO ", options, "medium") == "video"
    with pytest.raises(InvalidValue) as info:
        parse_choice("carrier pigeon", options, "medium")
    assert "medium" in str(info.value) and "in_person, video, telephone" in str(info.value)


def test_required_text() -> None:
    assert require_text("  Ana  ", "respondent name") == "Ana"
    with pytest.raises(InvalidValue, match="respondent name is required"):
        require_text("   ", "respondent name")
