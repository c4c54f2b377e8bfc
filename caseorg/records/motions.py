"""Motions (to reopen, to rescind an in absentia order, to continue, to change venue):
filed by a party on a ground, then granted or denied. A motion to rescind for lack of
notice may be filed at any time; for exceptional circumstances within 180 days of the
order (INA 240(b)(5)(C)) — the notice judgment says which applies."""

from __future__ import annotations

from caseorg.library import Library
from caseorg.records.case_events import add_record, choice_or_none, filed_values, rows_of, settle
from caseorg.records.life_models import MOTION_GROUNDS, MOTION_KINDS, PARTIES, RULINGS, Motion
from caseorg.values import parse_choice


def add_motion(
    lib: Library,
    case_id: int,
    kind: str,
    filed_on: str,
    filed_by: str = "respondent",
    ground: str | None = None,
    ruling: str = "pending",
    ruled_on: str | None = None,
    document_id: int | None = None,
    proceeding_id: int | None = None,
) -> Motion:
    settled = ("ruled_on", ruled_on)
    values = filed_values(lib, case_id, filed_on, settled, "motion", proceeding_id, document_id)
    values["kind"] = parse_choice(kind, MOTION_KINDS, "kind of motion")
    values["filed_by"] = parse_choice(filed_by, PARTIES, "party")
    values["ground"] = choice_or_none(ground, MOTION_GROUNDS, "ground")
    values["ruling"] = parse_choice(ruling, RULINGS, "ruling")
    return add_record(lib, "motions", "motion", Motion, values)


def rule_on_motion(
    lib: Library, motion_id: int, ruling: str, ruled_on: str | None = None
) -> Motion:
    result = ("ruling", ruling, RULINGS)
    return settle(lib, "motions", "motion", Motion, motion_id, result, "ruled_on", ruled_on)


def list_motions(lib: Library, case_id: int) -> list[Motion]:
    return rows_of(lib, "motions", Motion, case_id, "filed_on")
