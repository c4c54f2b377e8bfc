"""The demo tells one case's whole life (issue 14): two proceedings, a change of address,
and an in absentia order flagged "sent to an outdated address"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.court.notice_checks import check_notices
from caseorg.demo.builder import create_demo
from caseorg.records import (
    case_by_a_number,
    list_addresses,
    list_counsel,
    list_motions,
    list_nta_service,
    list_proceedings,
    notice_proof,
)
from caseorg.words import us_date

TODAY = dt.date(2025, 6, 11)


def test_the_demo_case_with_two_proceedings_and_a_missed_change_of_address(lib: Any) -> None:
    counts = create_demo(lib, today=TODAY)
    # one each, the featured case's earlier one, and a reopened Philadelphia case's (issue 19)
    assert counts["proceedings"] == counts["cases"] + 2
    case = case_by_a_number(lib, "212094587")
    proceedings = list_proceedings(lib, case.id)
    assert [p.case_type for p in proceedings] == ["bond", "removal"]
    assert proceedings[1].absentia and proceedings[1].charges == "212(a)(6)(A)(i)"
    nta_address, eoir33 = list_addresses(lib, case.id)
    assert (nta_address.source, eoir33.source) == ("nta", "eoir33")
    assert list_nta_service(lib, case.id) and list_counsel(lib, case.id)
    assert [m.kind for m in list_motions(lib, case.id)] == ["reopen"]

    (flag,) = check_notices(lib)
    assert flag.a_number == "212094587"
    assert f"sent to an outdated address (EOIR-33 received {us_date(eoir33.received_on)})" in (
        flag.reason
    )
    proof = notice_proof(lib, flag.hearing_id)
    assert proof.verdict == "notice NOT proven: 1 defect, 1 not shown; 1 flag to see"
    assert any(f.item == "motion" and "is pending" in f.text for f in proof.findings)
    # every other case's hearings joined its one proceeding
    other = case_by_a_number(lib, "205338719")
    (only,) = list_proceedings(lib, other.id)
    assert only.absentia and only.case_type == "removal"
