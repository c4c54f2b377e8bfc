"""Applications for relief (asylum I-589, withholding, CAT, cancellation EOIR-42A/42B,
adjustment, voluntary departure): filed, then granted, denied, withdrawn or abandoned."""

from __future__ import annotations

from caseorg.library import Library
from caseorg.records.case_events import add_record, filed_values, rows_of, settle
from caseorg.records.life_models import RELIEF_KINDS, RELIEF_OUTCOMES, ReliefApplication
from caseorg.values import parse_choice


def add_relief(
    lib: Library,
    case_id: int,
    kind: str,
    filed_on: str,
    outcome: str = "pending",
    decided_on: str | None = None,
    document_id: int | None = None,
    proceeding_id: int | None = None,
) -> ReliefApplication:
    settled = ("decided_on", decided_on)
    values = filed_values(
        lib, case_id, filed_on, settled, "application", proceeding_id, document_id
    )
    values["kind"] = parse_choice(kind, RELIEF_KINDS, "kind of relief")
    values["outcome"] = parse_choice(outcome, RELIEF_OUTCOMES, "outcome")
    return add_record(lib, "relief_applications", "relief", ReliefApplication, values)


def decide_relief(
    lib: Library, relief_id: int, outcome: str, decided_on: str | None = None
) -> ReliefApplication:
    result = ("outcome", outcome, RELIEF_OUTCOMES)
    return settle(
        lib,
        "relief_applications",
        "relief",
        ReliefApplication,
        relief_id,
        result,
        "decided_on",
        decided_on,
    )


def list_relief(lib: Library, case_id: int) -> list[ReliefApplication]:
    return rows_of(lib, "relief_applications", ReliefApplication, case_id, "filed_on")
