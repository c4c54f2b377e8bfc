"""The notice judgment, by hand-made scenarios: each finding below was worked out by hand
from the dates in its scenario (the rules: caseorg/records/notice_rules.py)."""

from __future__ import annotations

from typing import Any

import pytest

from caseorg.library import Library
from caseorg.records import (
    add_address,
    add_case,
    add_counsel,
    add_custody,
    add_hearing,
    add_motion,
    add_notice,
    add_nta_service,
    add_proceeding,
    edit_proceeding,
    get_hearing,
    notice_proof,
    set_respondent_facts,
)

OLD = "12 Oak St, Oakland CA 94601"
NEW = "40 Pine Ave, Fresno CA 93701"


def texts(lib: Library, hearing_id: int, status: str) -> list[str]:
    return [f.text for f in notice_proof(lib, hearing_id).findings if f.status == status]


@pytest.fixture
def opened(lib: Library) -> Any:
    return add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")


def test_a_notice_to_the_old_address_after_an_eoir33_is_sent_to_an_outdated_address(
    lib: Library, opened: Any
) -> None:
    add_address(lib, opened.id, OLD, "2024-01-05", source="nta")
    add_address(lib, opened.id, NEW, "2024-02-01")  # EOIR-33
    add_nta_service(lib, opened.id, "2024-01-05", "personal", time_and_place=False)
    hearing = add_hearing(lib, opened.id, "2024-03-04 09:00", outcome="in_absentia_order")
    add_notice(lib, hearing.id, "2024-02-10", address=OLD)
    outdated = (
        "sent to an outdated address (EOIR-33 received 02/01/2024): the notice served "
        f"02/10/2024 went to {OLD!r}, the address of record was {NEW!r}"
    )
    assert texts(lib, hearing.id, "defect") == [outdated]
    assert texts(lib, hearing.id, "sound") == [
        "a notice of this hearing was served 02/10/2024",
        # Jan 5 -> Mar 4, 2024 (a leap year): 26 + 29 + 4
        "59 days from NTA service (01/05/2024) to the first hearing (03/04/2024)",
    ]
    info = texts(lib, hearing.id, "info")
    assert "NTA served 01/05/2024 by personal service; it did not state the time and place" in info
    assert "no counsel of record on 02/10/2024" in info
    assert f"served: respondent by regular mail 02/10/2024 to {OLD!r}" in info
    # the base rule finds the notice sound (23 days, not returned): the warning is the address
    assert get_hearing(lib, hearing.id).notice_warning == outdated
    assert notice_proof(lib, hearing.id).verdict == "notice NOT proven: 1 defect"


def test_the_same_notice_to_the_new_address_is_sound(lib: Library, opened: Any) -> None:
    add_address(lib, opened.id, OLD, "2024-01-05", source="nta")
    add_address(lib, opened.id, NEW, "2024-02-01")
    add_nta_service(lib, opened.id, "2024-01-05", "personal")
    hearing = add_hearing(lib, opened.id, "2024-03-04 09:00", outcome="in_absentia_order")
    add_notice(lib, hearing.id, "2024-02-10", address="40 PINE AVE FRESNO, CA 93701")
    assert texts(lib, hearing.id, "defect") == []
    assert get_hearing(lib, hearing.id).notice_warning is None
    # the notice served before the EOIR-33 arrived went to the address of record then
    early = add_hearing(lib, opened.id, "2024-03-05 09:00", outcome="in_absentia_order")
    add_notice(lib, early.id, "2024-01-20", address=OLD)
    assert [f.text for f in notice_proof(lib, early.id).findings if f.item == "address"] == [
        f"notice served 01/20/2024 to the address of record, {OLD!r} (NTA received 01/05/2024)"
    ]


def test_ten_days_counsel_custody_juvenile_and_a_pending_motion(lib: Library, opened: Any) -> None:
    proceeding = add_proceeding(lib, opened.id, charges="212(a)(6)(A)(i)")
    set_respondent_facts(lib, opened.id, born_on="2008-06-01")
    add_address(lib, opened.id, "7 Elm Rd, Reno NV 89501", "2024-01-08", source="nta")
    add_nta_service(lib, opened.id, "2024-01-12", "mail", time_and_place=True)
    add_counsel(lib, opened.id, "Maria Ortiz", "2024-01-11", eoir_id="AB123456")
    add_custody(lib, opened.id, "detained", "2024-01-15", facility="Mesa Verde")
    hearing = add_hearing(lib, opened.id, "2024-01-19 09:00", outcome="in_absentia_order")
    add_motion(lib, opened.id, "rescind_in_absentia", "2024-02-01", ground="lack_of_notice")
    assert texts(lib, hearing.id, "defect") == [
        "counsel of record Maria Ortiz (EOIR-28 from 01/11/2024) was not served notice of "
        "this hearing",
        "only 7 days from NTA service (01/12/2024) to the first hearing (01/19/2024), and no "
        "written waiver",
    ]
    assert texts(lib, hearing.id, "flag") == [
        "juvenile: 15 years old on the hearing day (born 06/01/2008)",
        "in DHS custody on the hearing day (detained from 01/15/2024 at Mesa Verde): a "
        "detained respondent's absence is not a failure to appear",
        "motion to rescind the in absentia order filed 02/01/2024 is pending (lack of "
        "notice: may be filed at any time)",
    ]
    assert "the NTA served 01/12/2024 gave the time and place of this first hearing" in texts(
        lib, hearing.id, "sound"
    )
    edit_proceeding(lib, proceeding.id, ten_day_waiver_on="2024-01-15")
    assert texts(lib, hearing.id, "sound")[-1] == (
        "only 7 days from NTA service (01/12/2024) to the first hearing, waived in writing "
        "01/15/2024"
    )
    # the NTA gave the time and place of this first hearing: no separate notice needed,
    # and with the waiver the 7 days stand; counsel's missing notice remains
    assert get_hearing(lib, hearing.id).notice_warning == (
        "counsel of record Maria Ortiz (EOIR-28 from 01/11/2024) was not served notice of "
        "this hearing; see: juvenile: 15 years old on the hearing day (born 06/01/2008); "
        "see: in DHS custody on the hearing day (detained from 01/15/2024 at Mesa Verde): a "
        "detained respondent's absence is not a failure to appear; see: motion to rescind "
        "the in absentia order filed 02/01/2024 is pending (lack of notice: may be filed at "
        "any time)"
    )


def test_a_returned_notice_to_the_last_address_is_sound_and_none_provided_needs_none(
    lib: Library, opened: Any
) -> None:
    add_address(lib, opened.id, "9 Bay St, Tampa FL 33601", "2024-02-01")
    hearing = add_hearing(lib, opened.id, "2024-04-01 09:00", outcome="in_absentia_order")
    add_notice(
        lib, hearing.id, "2024-03-01", address="9 Bay St Tampa FL 33601", returned_on="2024-03-10"
    )
    assert texts(lib, hearing.id, "sound")[-1] == (
        "the notice served 03/01/2024 came back undeliverable on 03/10/2024, but it went to "
        "the last address the respondent provided (EOIR-33 received 02/01/2024): still sound"
    )
    assert get_hearing(lib, hearing.id).notice_warning is None  # the base rule yields

    other = add_case(lib, "A-200-300-401", "Juan Soto", opened_on="2024-01-10")
    add_address(lib, other.id, None, "2024-01-05")  # the NTA records no address given
    silent = add_hearing(lib, other.id, "2024-03-01 09:00", outcome="in_absentia_order")
    assert get_hearing(lib, silent.id).notice_warning is None
    assert (
        "the respondent provided no address (recorded 01/05/2024): no written notice is "
        "required" in texts(lib, silent.id, "sound")
    )


def test_a_waiver_answers_the_local_minimum_for_the_first_hearing_only(
    lib: Library, opened: Any
) -> None:
    """Notice of the first hearing served 4 days before: the basic rule (10 days) flags it
    until the respondent's written waiver is recorded."""
    proceeding = add_proceeding(lib, opened.id)
    add_nta_service(lib, opened.id, "2024-02-20", "personal", time_and_place=False)
    first = add_hearing(lib, opened.id, "2024-03-04 09:00", outcome="in_absentia_order")
    add_notice(lib, first.id, "2024-02-29", method="personal")
    assert (get_hearing(lib, first.id).notice_warning or "").startswith(
        "in absentia order, but notice served 02/29/2024, only 4 days before the hearing"
    )
    edit_proceeding(lib, proceeding.id, ten_day_waiver_on="2024-02-20")
    assert get_hearing(lib, first.id).notice_warning is None


def test_a_later_hearing_has_no_statutory_minimum_only_the_local_one(
    lib: Library, opened: Any
) -> None:
    add_nta_service(lib, opened.id, "2024-01-05", "personal", time_and_place=True)
    add_hearing(lib, opened.id, "2024-02-01 09:00", outcome="continued")
    later = add_hearing(lib, opened.id, "2024-03-01 09:00", outcome="in_absentia_order")
    add_notice(lib, later.id, "2024-02-25", method="personal")
    assert texts(lib, later.id, "flag") == [
        "notice served 02/25/2024, 5 days before this later hearing (fewer than the local 10)"
    ]
    assert texts(lib, later.id, "defect") == []
    assert notice_proof(lib, later.id).verdict == "notice proven; 1 flag to see"
    assert get_hearing(lib, later.id).notice_warning == (  # said once, by the basic rule
        "in absentia order, but notice served 02/25/2024, only 5 days before the hearing "
        "(at least 10 required)"
    )


def test_motions_granted_and_late_uac_and_service_on_a_custodian(lib: Library, opened: Any) -> None:
    from caseorg.records import rule_on_motion

    set_respondent_facts(lib, opened.id, unaccompanied=True)
    add_address(lib, opened.id, "7 Elm Rd, Reno NV 89501", "2024-01-08", source="nta")
    hearing = add_hearing(lib, opened.id, "2024-03-01 09:00", outcome="in_absentia_order")
    add_notice(
        lib, hearing.id, "2024-02-01", address="7 Elm Rd, Reno NV 89501", served_to="custodian"
    )
    late = add_motion(lib, opened.id, "reopen", "2024-09-02", ground="exceptional_circumstances")
    granted = add_motion(lib, opened.id, "rescind_in_absentia", "2024-03-11", ground="other")
    rule_on_motion(lib, granted.id, "granted", "2024-03-20")
    rule_on_motion(lib, late.id, "denied", "2024-09-30")
    # Mar 1 -> Sep 2, 2024: 30 + 30 + 31 + 30 + 31 + 31 + 1 = 185 days
    assert texts(lib, hearing.id, "info")[-1] == (
        "motion to reopen filed 09/02/2024 was denied 09/30/2024 (exceptional "
        "circumstances: 185 days after the order, NOT within 180 days)"
    )
    assert texts(lib, hearing.id, "flag") == [
        "the respondent was an unaccompanied child",
        "motion to rescind the in absentia order filed 03/11/2024 was granted 03/20/2024 "
        "(10 days after the order)",
    ]
    assert "custodian by regular mail 02/01/2024 to '7 Elm Rd, Reno NV 89501'" in " ".join(
        texts(lib, hearing.id, "info")
    )
    assert texts(lib, hearing.id, "defect") == []
