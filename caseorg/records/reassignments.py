"""Reassignments: who held a case, when it moved and why — append-only by trigger.

A mistake is never edited away: :func:`reassign` with ``corrects`` records a
new entry that names the one it corrects, so the history shows both. Every move belongs
to an order (:mod:`caseorg.records.reassignment_orders`); a move made alone is an order
of its own.
"""

from __future__ import annotations

from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library, now_iso, record
from caseorg.records.audited import get_row, insert_audited
from caseorg.records.judges import judge_by_code
from caseorg.records.models import Reassignment
from caseorg.values import optional_text, parse_date, require_text

_SELECT = """
    SELECT r.*, fj.code AS from_judge_code, fj.name AS from_judge_name,
           tj.code AS to_judge_code, tj.name AS to_judge_name
    FROM reassignments r
    LEFT JOIN judges fj ON fj.id = r.from_judge_id
    JOIN judges tj ON tj.id = r.to_judge_id
"""


def reassign(
    lib: Library,
    case_id: int,
    to_judge_code: str,
    reason: str,
    effective_on: str | None = None,
    ordered_by: str | None = None,
    midstream: bool = False,
    corrects: int | None = None,
    order_id: int | None = None,
) -> Reassignment:
    """Move a case to another judge: the case's judge changes and a history row is added,
    under ``order_id`` (default: a new order of its own, reason kind 'other')."""
    lib.require_writable()
    case = get_row(lib.db, "cases", case_id, "case")
    to_judge = judge_by_code(lib, to_judge_code)
    reason = require_text(reason, "reason for the reassignment")
    effective = parse_date(effective_on or now_iso()[:10], "effective date").isoformat()
    if corrects is not None:
        earlier = get_row(lib.db, "reassignments", corrects, "reassignment")
        if earlier["case_id"] != case_id:
            raise InvalidValue(f"reassignment {corrects} belongs to another case")
    elif case["judge_id"] == to_judge.id:
        raise InvalidValue(f"the case is already assigned to {to_judge.name}")
    values = {
        "case_id": case_id,
        "from_judge_id": case["judge_id"],
        "to_judge_id": to_judge.id,
        "effective_on": effective,
        "reason": reason,
        "ordered_by": optional_text(ordered_by),
        "midstream": 1 if midstream else 0,
        "recorded_at": now_iso(),
        "corrects_id": corrects,
    }
    with lib.db.atomic():
        # the case's and hearings' rows first, every sealed row (order, reassignment, audit)
        # after: on a court library sealing takes one lock until commit, and a clerk's edit
        # of this case locks its row before writing its own audit row — the other order
        # deadlocks the two
        moved = _point_case(lib, case_id, to_judge.id)
        if moved:
            moved += _move_scheduled_hearings(
                lib, case_id, case["judge_id"], to_judge.id, effective
            )
        values["order_id"] = order_id or insert_order(
            lib, {"ordered_on": effective, "ordered_by": values["ordered_by"], "reason": reason}
        )
        cursor = lib.db.execute(
            f"INSERT INTO reassignments ({', '.join(values)}) "
            f"VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        row_id = int(cursor.lastrowid or 0)
        record(lib.db, lib.actor, "create", "reassignment", row_id, None, values)
        _audit_moves(lib, moved)
    return get_reassignment(lib, row_id)


def record_reassignment(
    lib: Library,
    case_id: int,
    from_judge_id: int | None,
    to_judge_id: int,
    effective_on: str,
    reason: str,
    midstream: bool = False,
) -> int:
    """Append a move another system already made (EOIR's data) to the history; returns
    its id. History only: the case's judge and hearings come from the same data, so the
    caller sets them (:func:`set_case_judge`) rather than :func:`reassign` moving them."""
    values = {
        "case_id": case_id,
        "from_judge_id": from_judge_id,
        "to_judge_id": to_judge_id,
        "effective_on": parse_date(effective_on, "effective date").isoformat(),
        "reason": require_text(reason, "reason for the reassignment"),
        "ordered_by": None,
        "midstream": 1 if midstream else 0,
        "recorded_at": now_iso(),
        "corrects_id": None,
    }
    with lib.db.atomic():
        values["order_id"] = insert_order(
            lib, {"ordered_on": values["effective_on"], "reason": values["reason"]}
        )
        return insert_audited(lib, "reassignments", "reassignment", values)


def insert_order(lib: Library, fields: dict[str, Any]) -> int:
    """Append a reassignment order (audited) and return its id; ``fields`` are its columns
    (``reason_kind`` defaults to 'other', ``recorded_at`` to now)."""
    values = {"reason_kind": "other", "recorded_at": now_iso(), **fields}
    return insert_audited(lib, "reassignment_orders", "reassignment_order", values)


def set_case_judge(lib: Library, case_id: int, judge_id: int) -> bool:
    """Point the case at ``judge_id``, with its 'reassign' audit row; False when it already
    was. The history row that says why is :func:`reassign`'s or :func:`record_reassignment`'s."""
    lib.require_writable()
    with lib.db.atomic():
        moved = _point_case(lib, case_id, judge_id)
        _audit_moves(lib, moved)
    return bool(moved)


# (entity, id, judge before, judge after): a move made, its audit row still to write
_Move = tuple[str, int, Any, int]


def _point_case(lib: Library, case_id: int, judge_id: int) -> list[_Move]:
    """The case's judge changed (no audit row yet: the caller writes it last)."""
    before = get_row(lib.db, "cases", case_id, "case")["judge_id"]
    if before == judge_id:
        return []
    lib.db.execute(
        "UPDATE cases SET judge_id = ?, updated_at = ? WHERE id = ?",
        [judge_id, now_iso(), case_id],
    )
    return [("case", case_id, before, judge_id)]


def _move_scheduled_hearings(
    lib: Library, case_id: int, from_judge_id: int | None, to_judge_id: int, effective: str
) -> list[_Move]:
    """Hearings still to be held from the effective date on go to the new judge (each to
    be audited); held hearings keep the judge who held them — that is the record."""
    rows = lib.db.execute(
        """SELECT id, judge_id FROM hearings
           WHERE case_id = ? AND outcome = 'pending' AND substr(starts_at, 1, 10) >= ?
             AND (judge_id IS ? OR judge_id IS NULL)""",
        [case_id, effective, from_judge_id],
    ).fetchall()
    for hearing_id, _judge_id in rows:
        lib.db.execute("UPDATE hearings SET judge_id = ? WHERE id = ?", [to_judge_id, hearing_id])
    return [("hearing", hearing_id, judge_id, to_judge_id) for hearing_id, judge_id in rows]


def _audit_moves(lib: Library, moves: list[_Move]) -> None:
    for entity, entity_id, before, after in moves:
        record(lib.db, lib.actor, "reassign", entity, entity_id, {"judge_id": before},
               {"judge_id": after})  # fmt: skip


def get_reassignment(lib: Library, reassignment_id: int) -> Reassignment:
    rows = list(lib.db.query(_SELECT + " WHERE r.id = ?", [reassignment_id]))
    if not rows:
        raise NotFound(f"reassignment {reassignment_id} not found")
    return Reassignment(**rows[0])


def list_reassignments(
    lib: Library,
    case_id: int | None = None,
    judge_code: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Reassignment]:
    """History in effective-date order; ``judge_code`` matches cases moved to or from them."""
    where: list[str] = []
    params: list[Any] = []
    if case_id is not None:
        where.append("r.case_id = ?")
        params.append(case_id)
    if judge_code:
        judge = judge_by_code(lib, judge_code)
        where.append("(r.from_judge_id = ? OR r.to_judge_id = ?)")
        params += [judge.id, judge.id]
    if since:
        where.append("r.effective_on >= ?")
        params.append(parse_date(since, "start date").isoformat())
    if until:
        where.append("r.effective_on <= ?")
        params.append(parse_date(until, "end date").isoformat())
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY r.effective_on, r.id"
    return [Reassignment(**row) for row in lib.db.query(sql, params)]
