"""What cannot be true is refused in one line; what is merely unusual is kept and flagged.

The rules live in the records modules (and the value parsers), so the command line, the
forms, the reports and ``caseorg check`` all say the same thing.
"""

from __future__ import annotations

import pytest
from helpers import audit_rows

from caseorg.errors import InvalidValue
from caseorg.records import (
    add_case,
    add_case_row,
    add_hearing,
    add_hearing_row,
    add_notice,
    before_opening,
    edit_hearing,
    get_hearing,
    list_hearings,
    mark_notice_returned,
    notice_problem,
    notices_for,
    same_minute_problem,
    save_hearing,
    unusual_records,
)


@pytest.fixture
def opened(lib):
    """A case opened on 2026-01-10."""
    return add_case(lib, "A-123-456-789", "Ana Lopez", opened_on="2026-01-10")


def one_line(exc: pytest.ExceptionInfo[InvalidValue]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message
    return message


# -- refused -------------------------------------------------------------------------------


def test_a_second_hearing_of_a_case_at_the_same_minute_is_refused(lib, opened) -> None:
    first = add_hearing(lib, opened.id, "2026-03-14 09:30")
    before = len(audit_rows(lib))
    with pytest.raises(InvalidValue) as caught:
        add_hearing(lib, opened.id, "2026-03-14T09:30")  # the same minute, spelled otherwise
    assert one_line(caught) == (
        "case A-123-456-789 already has a master hearing at 03/14/2026 9:30 AM "
        f"(#{first.id}): a case cannot have two at the same minute"
    )
    with pytest.raises(InvalidValue, match="same minute"):  # the form's save, too
        save_hearing(lib, opened.id, None, "2026-03-14 09:30", {})
    assert len(audit_rows(lib)) == before
    assert [h.id for h in list_hearings(lib, case_id=opened.id)] == [first.id]
    assert same_minute_problem(lib, opened.id, "2026-03-14 09:30", "master") == str(caught.value)
    # another case, another minute, or the hearing itself: free
    other = add_case(lib, "A-987-654-321", "Bo Chen", opened_on="2026-01-10")
    add_hearing(lib, other.id, "2026-03-14 09:30")
    add_hearing(lib, opened.id, "2026-03-14 09:31")
    assert same_minute_problem(lib, opened.id, "2026-03-14 09:30", "master", first.id) is None


def test_moving_a_hearing_onto_a_taken_minute_is_refused(lib, opened) -> None:
    add_hearing(lib, opened.id, "2026-03-14 09:30")
    later = add_hearing(lib, opened.id, "2026-04-01 10:00")
    with pytest.raises(InvalidValue, match="cannot have two at the same minute"):
        edit_hearing(lib, later.id, starts_at="2026-03-14 09:30")
    assert get_hearing(lib, later.id).starts_at == "2026-04-01 10:00"
    edit_hearing(lib, later.id, outcome="continued", adjournment_reason="counsel")  # not moved


def test_a_cancelled_hearing_leaves_its_minute_free(lib, opened) -> None:
    cancelled = add_hearing(lib, opened.id, "2026-03-14 09:30", outcome="cancelled")
    again = add_hearing(lib, opened.id, "2026-03-14 09:30")
    assert get_hearing(lib, again.id).record_warning is None
    assert get_hearing(lib, cancelled.id).record_warning is None


def test_a_date_without_a_time_is_refused(lib, opened) -> None:
    with pytest.raises(InvalidValue) as caught:
        add_hearing(lib, opened.id, "2026-03-14")
    assert "time is missing" in one_line(caught) and "HH:MM" in str(caught.value)
    hearing = add_hearing(lib, opened.id, "2026-03-14 14:00")
    with pytest.raises(InvalidValue, match="time is missing"):
        edit_hearing(lib, hearing.id, starts_at="2026-03-16")
    assert list_hearings(lib, case_id=opened.id)[0].starts_at == "2026-03-14 14:00"


@pytest.mark.parametrize("typed", ["A-000-000-000", "000000000"])
def test_an_all_zero_a_number_is_refused(lib, typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        add_case(lib, typed, "Nobody")
    assert "never issued" in one_line(caught)
    with pytest.raises(InvalidValue, match="never issued"):  # nor from another system's rows
        add_case_row(lib, typed, None, {"respondent": "Nobody"})
    assert add_case(lib, "A-000-000-811", "Seven Digits").a_number == "000000811"  # real


# -- accepted, and flagged -----------------------------------------------------------------


def test_a_hearing_before_the_case_was_opened_is_kept_and_flagged(lib, opened) -> None:
    old = add_hearing(lib, opened.id, "1999-05-01 10:00")
    assert old.record_warning == "dated before the case was opened (01/10/2026)"
    assert old.outcome == "pending"  # kept as entered: a late-entered old case is real
    assert [h.record_warning for h in list_hearings(lib, case_id=opened.id)] == [old.record_warning]
    assert add_hearing(lib, opened.id, "2026-01-10 09:00").record_warning is None  # that day
    assert before_opening("2026-01-09 16:00", "2026-01-10") is not None
    assert before_opening("1999-05-01 10:00", None) is None  # no opening date: nothing to say


def test_a_notice_served_after_its_hearing_is_kept_flagged_and_proves_nothing(lib, opened) -> None:
    hearing = add_hearing(lib, opened.id, "2026-03-14 09:30")
    late = add_notice(lib, hearing.id, "2026-03-20")
    flag = "notice served 03/20/2026, after the hearing: it is no proof of notice"
    assert late.warning == flag
    assert [n.warning for n in notices_for(lib, hearing.id)] == [flag]
    assert get_hearing(lib, hearing.id).record_warning == flag
    assert mark_notice_returned(lib, late.id).warning == flag
    assert mark_notice_returned(lib, late.id, returned=False).warning == flag
    on_the_day = add_notice(lib, add_hearing(lib, opened.id, "2026-04-01 09:00").id, "2026-04-01")
    assert on_the_day.warning is None  # not after; the notice rule speaks for an order

    order = edit_hearing(lib, hearing.id, outcome="in_absentia_order")
    assert order.notice_warning is not None and "no proof of notice" in order.notice_warning
    assert order.record_warning is None  # said once, by the notice warning


def test_an_order_on_a_sound_notice_still_flags_a_later_one(lib, opened) -> None:
    order = add_hearing(lib, opened.id, "2026-03-14 09:30", outcome="in_absentia_order")
    add_notice(lib, order.id, "2026-02-01")
    add_notice(lib, order.id, "2026-03-20")
    read = get_hearing(lib, order.id)
    assert read.notice_warning is None  # the first notice is proof
    assert read.record_warning == (
        "notice served 03/20/2026, after the hearing: it is no proof of notice"
    )
    assert notice_problem(read, [n for n in notices_for(lib, order.id) if n.warning]) == (
        "in absentia order, but notice was served only on 03/20/2026, not before the hearing: "
        "a notice served after its hearing is no proof of notice"
    )


def test_hearings_of_different_kinds_at_one_minute_are_kept_and_flagged(lib, opened) -> None:
    master = add_hearing(lib, opened.id, "2026-03-14 09:30")
    bond = add_hearing(lib, opened.id, "2026-03-14 09:30", kind="bond")
    assert (
        bond.record_warning == f"at the same minute as hearing #{master.id} (master) of this case"
    )
    assert get_hearing(lib, master.id).record_warning == (
        f"at the same minute as hearing #{bond.id} (bond) of this case"
    )
    with pytest.raises(InvalidValue, match="already has a bond hearing"):
        edit_hearing(lib, master.id, kind="bond")


def test_another_systems_twin_rows_are_kept_and_flagged(lib, opened) -> None:
    first = add_hearing_row(lib, opened.id, {"starts_at": "2026-03-14 09:30"})
    second = add_hearing_row(lib, opened.id, {"starts_at": "2026-03-14 09:30"})
    assert get_hearing(lib, second).record_warning == (
        f"at the same minute as hearing #{first} (master) of this case"
    )
    # changing something else of a twin already there is not refused
    assert edit_hearing(lib, first, courtroom="Courtroom 3").courtroom == "Courtroom 3"


def test_every_unusual_record_is_listed_once(lib, opened) -> None:
    assert unusual_records(lib) == []
    old = add_hearing(lib, opened.id, "1999-05-01 10:00")
    hearing = add_hearing(lib, opened.id, "2026-03-14 09:30")
    add_notice(lib, hearing.id, "2026-03-20")
    lib.db.execute(  # a library from before the rule: the all-zero A-number is there
        "INSERT INTO cases (a_number, respondent, created_at, updated_at)"
        " VALUES ('000000000', 'Legacy', '2020-01-01', '2020-01-01')"
    )
    lines = unusual_records(lib)
    assert lines[0].startswith("case #") and "A-000-000-000" in lines[0]
    assert "never issued" in lines[0]
    assert lines[1:] == [
        f"hearing #{old.id} of A-123-456-789 at 05/01/1999 10:00 AM: "
        "dated before the case was opened (01/10/2026)",
        f"hearing #{hearing.id} of A-123-456-789 at 03/14/2026 9:30 AM: "
        "notice served 03/20/2026, after the hearing: it is no proof of notice",
    ]
