"""The Philadelphia story, for the reassignment pattern report and the completion metrics.

Judge Lindqvist (PLQ), Philadelphia, decides two cases early in the fiscal year. He then
continues a case "to verify notice" rather than order the respondent removed in
absentia; two court days later one order of the ACIJ moves that case and three more of
his to a visiting judge (PVR), "docket rebalancing". Judge Vance holds the first hearing
after the move without certifying familiarity with the record in one case and with it in
another. The pattern report shows the move two days after the notice continuance; the
fiscal year's measures still credit Judge Lindqvist with the two decisions (one of those
cases, reopened, was among the cases moved). Every person and event here is invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.demo.courtdays import days_from, is_court_day
from caseorg.library import Library
from caseorg.records import (
    add_case,
    add_hearing,
    add_judge,
    add_notice,
    add_proceeding,
    case_by_a_number,
    certify_familiarity,
    edit_proceeding,
    find_judge,
    record_order,
)

COURT = "Philadelphia Immigration Court"
ACIJ = "ACIJ Harold B. Stanton"
DHS = "Assistant Chief Counsel Naomi R. Pell"
ADDRESS = "1600 Callowhill Street, Apt 3, Philadelphia, PA 19130"
JUDGES = (("PLQ", "Judge Peter Lindqvist"), ("PVR", "Judge Rosalind Vance"))
# A-number, respondent, nationality, language, decided earlier in the fiscal year (days
# before the order)
CASES = (
    ("310452187", "Tomas Ferreira Lima", "Brazil", "Portuguese", None),
    ("310452188", "Amina Diallo", "Guinea", "French", None),
    ("310452189", "Kwame Boateng", "Ghana", "Twi", None),
    ("310452190", "Lucia Moreno Vega", "Honduras", "Spanish", 40),
    ("310452191", "Dmitri Volkov", "Russia", "Russian", 34),
)
NOTICE_CASE = "310452187"
REASON = "continued to verify notice"


def _hearing(lib: Library, case_id: int, day: dt.date, language: str, **fields: Any) -> int:
    """A hearing in Courtroom 2 with an interpreter, its notice mailed 30 days before."""
    hearing = add_hearing(
        lib,
        case_id,
        f"{day.isoformat()} 09:00",
        courtroom="Courtroom 2",
        interpreter_language=language,
        **fields,
    )
    served = (day - dt.timedelta(days=30)).isoformat()
    add_notice(lib, hearing.id, served, method="mail", address=ADDRESS)
    return hearing.id


def add_philadelphia(lib: Library, today: dt.date) -> int:
    """Add the story's court, judges, cases, hearings, decisions and the one order (its
    id is returned)."""
    for code, name in JUDGES:
        if find_judge(lib, code) is None:
            add_judge(lib, code, name, court=COURT)
    order_day = days_from(today, -10)
    while not is_court_day(order_day - dt.timedelta(days=2)):
        order_day = days_from(order_day, -1)
    continued = order_day - dt.timedelta(days=2)
    opened = (order_day - dt.timedelta(days=400)).isoformat()
    moved = []
    for a_number, respondent, nationality, language, decided in CASES:
        case = add_case(
            lib,
            a_number,
            respondent,
            judge_code="PLQ",
            court=COURT,
            opened_on=opened,
            nationality=nationality,
            language=language,
            dhs_counsel=DHS,
        )
        if decided is not None:
            day = days_from(order_day, -decided)
            first = add_proceeding(lib, case.id).id
            _hearing(lib, case.id, day, language, kind="individual", outcome="decided")
            edit_proceeding(lib, first, decision="removal_ordered", completed_on=day.isoformat())
            if decided == 34:  # reopened on a motion; the new proceeding is pending
                reopened = (day + dt.timedelta(days=20)).isoformat()
                add_proceeding(lib, case.id, opened_on=reopened)
                moved.append(case.id)
            continue
        add_proceeding(lib, case.id)
        reason = REASON if a_number == NOTICE_CASE else "respondent to seek counsel"
        held = continued if a_number == NOTICE_CASE else days_from(continued, -21)
        _hearing(lib, case.id, held, language, outcome="continued", adjournment_reason=reason)
        moved.append(case.id)
    order = record_order(
        lib,
        moved,
        "PVR",
        "docket rebalancing",
        ordered_on=order_day.isoformat(),
        ordered_by=ACIJ,
        ordered_by_role="acij",
        to_judge_role="visiting",
    )
    # the successor's first hearings (held by her: the case is hers now); only in the
    # notice case does she certify familiarity with the record
    after = days_from(order_day, 5, forward=True)
    for a_number, _name, _nationality, language, decided in CASES:
        if decided is None:
            case_id = case_by_a_number(lib, a_number).id
            hearing_id = _hearing(
                lib,
                case_id,
                after,
                language,
                outcome="continued",
                adjournment_reason="successor judge to review the record",
            )
            if a_number == NOTICE_CASE:
                certify_familiarity(lib, hearing_id, on=after.isoformat())
    return order.id
