"""Reassignment orders: the cases an ACIJ or chief judge moved at once are one order, so a
grievance can point at the order and its cases rather than at scattered moves.

An order is append-only (triggers and seals, like the moves it holds); its reason comes
from the court's short list (a library setting, :func:`order_reasons`) plus free text.
The successor judge's certification of familiarity with the record (8 C.F.R.
§1240.1(b)) is a flag on a hearing, kept here beside the moves that call for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library, now_iso, record
from caseorg.records.audited import get_row
from caseorg.records.judges import judge_by_code
from caseorg.records.models import Reassignment
from caseorg.records.reassignments import insert_order, list_reassignments, reassign
from caseorg.rows import Record
from caseorg.values import optional_text, parse_choice, parse_date

ORDERER_ROLES = ("acij", "chief_judge", "other")
RECEIVING_ROLES = ("home_court", "visiting", "supervisory")
DEFAULT_REASONS = (
    "docket rebalancing",
    "recusal",
    "detail/visiting assignment",
    "retirement or departure",
    "judge request",
    "other",
)
_REASONS_KEY = "reassignment_reasons"


@dataclass
class ReassignmentOrder(Record):
    id: int
    ordered_on: str
    reason_kind: str
    recorded_at: str
    ordered_by: str | None = None
    ordered_by_role: str | None = None
    reason: str | None = None
    to_judge_role: str | None = None
    document_id: int | None = None
    moves: list[Reassignment] = field(default_factory=list)


def order_reasons(lib: Library) -> list[str]:
    """The court's list of reasons an order may give ('other' always last)."""
    row = lib.db.execute("SELECT value FROM meta WHERE key = ?", [_REASONS_KEY]).fetchone()
    try:
        stored = [str(r) for r in json.loads(row[0])] if row else list(DEFAULT_REASONS)
    except (ValueError, TypeError):
        stored = list(DEFAULT_REASONS)
    return [r for r in stored if r != "other"] + ["other"]


def set_order_reasons(lib: Library, reasons: list[str]) -> list[str]:
    """Replace the court's list of reasons (audited as a setting); 'other' is kept."""
    clean: list[str] = []
    for text in reasons:
        reason = " ".join(str(text).split()).lower()
        if reason and reason not in clean:
            clean.append(reason)
    if not [r for r in clean if r != "other"]:
        raise InvalidValue("give at least one reason besides 'other'")
    lib.require_writable()
    before = order_reasons(lib)
    value = json.dumps([r for r in clean if r != "other"] + ["other"])
    with lib.db.atomic():
        lib.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [_REASONS_KEY, value],
        )
        record(
            lib.db,
            lib.actor,
            "update",
            "setting",
            None,
            {_REASONS_KEY: before},
            {_REASONS_KEY: json.loads(value)},
        )
    return order_reasons(lib)


def reason_kind_of(lib: Library, text: str) -> str | None:
    """The list's reason ``text`` names (case and spacing aside, or its unique start), or
    None when it names none."""
    wanted = " ".join((text or "").split()).lower()
    reasons = order_reasons(lib)
    if wanted in reasons:
        return wanted
    starts = [r for r in reasons if wanted and r.startswith(wanted)]
    return starts[0] if len(starts) == 1 else None


def record_order(
    lib: Library,
    case_ids: list[int],
    to_judge_code: str,
    reason_kind: str,
    reason: str | None = None,
    ordered_on: str | None = None,
    ordered_by: str | None = None,
    ordered_by_role: str | None = None,
    to_judge_role: str | None = None,
    document_id: int | None = None,
    midstream: bool = False,
) -> ReassignmentOrder:
    """Move ``case_ids`` to one judge by one order; all or none (each move as
    :func:`reassign` makes it: the case's judge, its scheduled hearings, its history).

    :raises InvalidValue: no cases, a case twice, a case already with that judge, a
        reason not in the court's list, an unknown role. :raises NotFound: a case or judge.
    """
    day = parse_date(ordered_on or now_iso()[:10], "order date").isoformat()
    kind = reason_kind_of(lib, reason_kind)
    if kind is None:
        raise InvalidValue(
            f"unknown reason {reason_kind!r}: choose one of {', '.join(order_reasons(lib))}"
        )
    if not case_ids:
        raise InvalidValue("an order moves at least one case")
    if len(set(case_ids)) != len(case_ids):
        raise InvalidValue("a case is named twice in the order")
    judge = judge_by_code(lib, to_judge_code)
    for case_id in case_ids:
        case = get_row(lib.db, "cases", case_id, "case")
        if case["judge_id"] == judge.id:
            raise InvalidValue(
                f"case {case['a_number'] or case['eoir_case_id']} is already with {judge.name}"
            )
    if document_id is not None:
        get_row(lib.db, "documents", document_id, "document")
    note, who = optional_text(reason), optional_text(ordered_by)
    values = {
        "ordered_on": day,
        "ordered_by": who,
        "ordered_by_role": parse_choice(ordered_by_role, ORDERER_ROLES, "role of who ordered")
        if ordered_by_role
        else None,
        "reason_kind": kind,
        "reason": note,
        "to_judge_role": parse_choice(to_judge_role, RECEIVING_ROLES, "receiving judge's role")
        if to_judge_role
        else None,
        "document_id": document_id,
    }
    words = f"{kind}: {note}" if note else kind
    with lib.db.atomic():
        order_id = insert_order(lib, values)
        for case_id in case_ids:
            reassign(
                lib,
                case_id,
                judge.code,
                words,
                effective_on=day,
                ordered_by=who,
                midstream=midstream,
                order_id=order_id,
            )
    return get_order(lib, order_id)


def get_order(lib: Library, order_id: int) -> ReassignmentOrder:
    row = lib.db.execute("SELECT * FROM reassignment_orders WHERE id = ?", [order_id]).fetchone()
    if row is None:
        raise NotFound(f"reassignment order {order_id} not found")
    columns = [
        c[0] for c in lib.db.execute("SELECT * FROM reassignment_orders LIMIT 0").description
    ]
    order = ReassignmentOrder(**dict(zip(columns, row, strict=True)))
    order.moves = [m for m in list_reassignments(lib) if m.order_id == order_id]
    return order


def orders_by_id(lib: Library) -> dict[int, dict[str, Any]]:
    """Every order's own row by id (for reports that show each move's order)."""
    return {row["id"]: row for row in lib.db.query("SELECT * FROM reassignment_orders")}


def certify_familiarity(
    lib: Library, hearing_id: int, on: str | None = None, note: str | None = None
) -> None:
    """Record that the judge holding ``hearing_id`` (a successor) certified familiarity
    with the record, 8 C.F.R. §1240.1(b) (audited; once per hearing)."""
    get_row(lib.db, "hearings", hearing_id, "hearing")
    lib.require_writable()
    day = parse_date(on or now_iso()[:10], "certification date").isoformat()
    with lib.db.atomic():
        if lib.db.execute(
            "SELECT 1 FROM familiarity_certified WHERE hearing_id = ?", [hearing_id]
        ).fetchone():
            raise InvalidValue(f"hearing {hearing_id} already has a certification")
        values = {"hearing_id": hearing_id, "certified_on": day, "note": optional_text(note)}
        lib.db.execute(
            "INSERT INTO familiarity_certified (hearing_id, certified_on, note) VALUES (?, ?, ?)",
            list(values.values()),
        )
        record(lib.db, lib.actor, "create", "familiarity", hearing_id, None, values)


def familiarity_certified(lib: Library) -> dict[int, str]:
    """Hearings whose judge certified familiarity with the record: hearing id -> date."""
    return {
        row["hearing_id"]: row["certified_on"]
        for row in lib.db.query("SELECT hearing_id, certified_on FROM familiarity_certified")
    }
