"""Writing another system's rows (EOIR's) through the records: validated, audited, and
with None meaning 'empty' rather than 'not given'."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import audit_rows, count

from caseorg.errors import InvalidValue
from caseorg.records.cases import add_case_row, get_case, update_case_row
from caseorg.records.hearings import add_hearing, add_hearing_row, get_hearing, update_hearing_row
from caseorg.records.judges import add_judge, get_judge, judge_by_code, update_judge_row
from caseorg.records.notices import add_notice_row, notices_for, update_notice_row
from caseorg.records.reassignments import (
    list_reassignments,
    reassign,
    record_reassignment,
    set_case_judge,
)

CASE_FIELDS = {
    "respondent": " Rosa Diaz ",
    "nationality": "Mexico",
    "language": None,
    "custody": "detained",
    "case_type": "removal",
    "attorney": None,
    "opened_on": None,
    "status": "pending",
    "completed_on": None,
    "outcome": None,
}


def test_add_case_row_keeps_empty_fields_empty(lib: Any) -> None:
    judge = add_judge(lib, "ALB", "Judge Ana L. Bautista")
    case_id = add_case_row(lib, "A-208-765-431", judge.id, CASE_FIELDS)
    case = get_case(lib, case_id)
    assert (case.a_number, case.respondent, case.judge_code) == ("208765431", "Rosa Diaz", "ALB")
    assert case.opened_on is None  # no default opening date: the source had none
    created = audit_rows(lib)[-1]
    assert (created["action"], created["entity_id"]) == ("create", case_id)
    assert created["after"]["attorney"] is None and "attorney" in created["after"]


def test_add_case_row_validates_like_add_case(lib: Any) -> None:
    with pytest.raises(InvalidValue, match="custody"):
        add_case_row(lib, "208765431", None, {**CASE_FIELDS, "custody": "jailed"})
    with pytest.raises(InvalidValue, match="unknown case field"):
        add_case_row(lib, "208765431", None, {**CASE_FIELDS, "colour": "red"})
    add_case_row(lib, "208765431", None, CASE_FIELDS)
    with pytest.raises(InvalidValue, match="already exists"):
        add_case_row(lib, "A208765431", None, CASE_FIELDS)
    assert count(lib, "cases") == 1


def test_update_case_row_clears_with_none_and_audits(lib: Any, case: Any) -> None:
    update_case_row(lib, case.id, {"status": "completed", "outcome": "relief granted"})
    before = len(audit_rows(lib))
    update_case_row(lib, case.id, {"status": "pending", "outcome": None})
    changed = get_case(lib, case.id)
    assert (changed.status, changed.outcome) == ("pending", None)
    rows = audit_rows(lib)[before:]
    assert len(rows) == 1 and rows[0]["before"]["outcome"] == "relief granted"
    assert rows[0]["after"]["outcome"] is None
    update_case_row(lib, case.id, {})  # nothing given: nothing written
    assert len(audit_rows(lib)) == before + 1


HEARING = {
    "starts_at": "2025-03-14T09:30",
    "kind": "individual",
    "medium": "video",
    "outcome": "continued",
    "interpreter_language": "Spanish",
    "adjournment_reason": "interpreter not available",
    "judge_id": None,
}


def test_add_hearing_row_takes_the_judge_as_given(lib: Any, case: Any) -> None:
    hearing_id = add_hearing_row(lib, case.id, HEARING)
    hearing = get_hearing(lib, hearing_id)
    assert hearing.judge_id is None  # no default to the case's judge: the row named none
    assert (hearing.starts_at, hearing.kind, hearing.medium) == (
        "2025-03-14 09:30",
        "individual",
        "video",
    )
    assert add_hearing(lib, case.id, "2025-04-01 09:00").judge_code == "JRM"  # unlike a clerk's
    with pytest.raises(InvalidValue, match="hearing kind"):
        add_hearing_row(lib, case.id, {**HEARING, "kind": "merits"})


def test_update_hearing_row_clears_with_none(lib: Any, case: Any) -> None:
    hearing_id = add_hearing_row(lib, case.id, {**HEARING, "judge_id": case.judge_id})
    before = len(audit_rows(lib))
    update_hearing_row(lib, hearing_id, {"adjournment_reason": None, "outcome": "decided"})
    hearing = get_hearing(lib, hearing_id)
    assert (hearing.adjournment_reason, hearing.outcome) == (None, "decided")
    assert hearing.judge_code == "JRM"  # not given: kept
    assert len(audit_rows(lib)) == before + 1


def test_notice_rows(lib: Any, case: Any) -> None:
    hearing_id = add_hearing_row(lib, case.id, HEARING)
    notice = {"served_on": "2025-02-01", "method": "mail", "returned_undeliverable": 0}
    notice_id = add_notice_row(lib, hearing_id, notice)
    update_notice_row(lib, notice_id, {"returned_undeliverable": True})
    (stored,) = notices_for(lib, hearing_id)
    assert (stored.id, stored.method, stored.returned_undeliverable) == (notice_id, "mail", 1)
    actions = [(r["action"], r["entity"]) for r in audit_rows(lib)[-2:]]
    assert actions == [("create", "notice"), ("update", "notice")]
    with pytest.raises(InvalidValue, match="service method"):
        add_notice_row(lib, hearing_id, {**notice, "method": "pigeon"})
    with pytest.raises(InvalidValue, match="served date"):
        add_notice_row(lib, hearing_id, {**notice, "served_on": "soon"})


def test_update_judge_row(lib: Any) -> None:
    judge = add_judge(lib, "RTO", "Judge R. Okonkwo")
    update_judge_row(lib, judge.id, {"name": "Judge Ruth T. Okonkwo", "court": " Riverton "})
    changed = get_judge(lib, judge.id)
    assert (changed.code, changed.court) == ("RTO", "Riverton")
    assert changed.name == "Judge Ruth T. Okonkwo"
    row = audit_rows(lib)[-1]
    assert (row["action"], row["entity"], row["after"]) == (
        "update",
        "judge",
        {"name": "Judge Ruth T. Okonkwo", "court": "Riverton"},
    )
    with pytest.raises(InvalidValue, match="judge name"):
        update_judge_row(lib, judge.id, {"name": " "})
    with pytest.raises(InvalidValue, match="unknown judge field"):
        update_judge_row(lib, judge.id, {"code": "XYZ"})


def test_record_reassignment_is_history_only(lib: Any, case: Any) -> None:
    other = add_judge(lib, "ALB", "Judge Ana L. Bautista")
    row_id = record_reassignment(
        lib, case.id, case.judge_id, other.id, "2025-04-07", "inferred from case data", True
    )
    (move,) = list_reassignments(lib, case_id=case.id)
    assert (move.id, move.from_judge_code, move.to_judge_code) == (row_id, "JRM", "ALB")
    assert (move.effective_on, move.midstream, move.ordered_by) == ("2025-04-07", 1, None)
    assert get_case(lib, case.id).judge_code == "JRM"  # the case's judge is the caller's
    row = audit_rows(lib)[-1]
    assert (row["action"], row["entity"], row["after"]["id"]) == ("create", "reassignment", row_id)
    with pytest.raises(InvalidValue, match="reason"):
        record_reassignment(lib, case.id, None, other.id, "2025-04-07", " ")
    with pytest.raises(InvalidValue, match="effective date"):
        record_reassignment(lib, case.id, None, other.id, "April", "moved")


def test_set_case_judge_audits_a_change_only(lib: Any, case: Any) -> None:
    other = add_judge(lib, "ALB", "Judge Ana L. Bautista")
    before = len(audit_rows(lib))
    assert set_case_judge(lib, case.id, other.id)
    assert get_case(lib, case.id).judge_code == "ALB"
    row = audit_rows(lib)[-1]
    assert (row["action"], row["entity"], row["entity_id"]) == ("reassign", "case", case.id)
    assert (row["before"], row["after"]) == ({"judge_id": case.judge_id}, {"judge_id": other.id})
    assert not set_case_judge(lib, case.id, other.id)  # already so: nothing written
    assert len(audit_rows(lib)) == before + 1


def test_reassign_still_moves_the_case_through_set_case_judge(lib: Any, case: Any) -> None:
    add_judge(lib, "ALB", "Judge Ana L. Bautista")
    reassign(lib, case.id, "ALB", "recusal", effective_on="2025-01-02")
    assert get_case(lib, case.id).judge_id == judge_by_code(lib, "ALB").id
    actions = [(r["action"], r["entity"]) for r in audit_rows(lib)[-2:]]
    assert actions == [("create", "reassignment"), ("reassign", "case")]
