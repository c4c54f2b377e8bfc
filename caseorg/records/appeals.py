"""Appeals to the Board of Immigration Appeals: filed by a party, then dismissed,
sustained or remanded."""

from __future__ import annotations

from caseorg.library import Library
from caseorg.records.case_events import add_record, filed_values, rows_of, settle
from caseorg.records.life_models import APPEAL_OUTCOMES, PARTIES, Appeal
from caseorg.values import parse_choice


def add_appeal(
    lib: Library,
    case_id: int,
    filed_on: str,
    filed_by: str = "respondent",
    outcome: str = "pending",
    decided_on: str | None = None,
    document_id: int | None = None,
    proceeding_id: int | None = None,
) -> Appeal:
    settled = ("decided_on", decided_on)
    values = filed_values(lib, case_id, filed_on, settled, "appeal", proceeding_id, document_id)
    values["filed_by"] = parse_choice(filed_by, PARTIES, "party")
    values["outcome"] = parse_choice(outcome, APPEAL_OUTCOMES, "appeal outcome")
    return add_record(lib, "appeals", "appeal", Appeal, values)


def decide_appeal(
    lib: Library, appeal_id: int, outcome: str, decided_on: str | None = None
) -> Appeal:
    result = ("outcome", outcome, APPEAL_OUTCOMES)
    return settle(lib, "appeals", "appeal", Appeal, appeal_id, result, "decided_on", decided_on)


def list_appeals(lib: Library, case_id: int) -> list[Appeal]:
    return rows_of(lib, "appeals", Appeal, case_id, "filed_on")
