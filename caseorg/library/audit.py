"""The audit trail: one append-only row for every write, in the writer's transaction."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from caseorg.rows import Record


@dataclass
class AuditEvent(Record):
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before_json: str | None = None
    after_json: str | None = None


def now_iso() -> str:
    """Local time to the second: what a clerk reads in the history tab."""
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def default_actor() -> str:
    """The configured user name (CASEORG_USER), else the OS login."""
    name = os.environ.get("CASEORG_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return "unknown"


def _to_json(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def record(
    db: sqlite_utils.Database,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add an audit row; call inside the same ``db.atomic()`` as the change."""
    record_many(db, actor, action, entity, [(entity_id, before, after)])


def record_many(
    db: sqlite_utils.Database,
    actor: str,
    action: str,
    entity: str,
    events: list[tuple[int | None, dict[str, Any] | None, dict[str, Any] | None]],
) -> None:
    """One audit row per ``(entity_id, before, after)``, in one statement (an import's
    thousands of creates); call inside the same ``db.atomic()`` as the changes."""
    if not db.conn.in_transaction:
        raise RuntimeError("audit.record must run inside the write's transaction")
    stamp = now_iso()
    db.conn.executemany(
        "INSERT INTO audit (at, actor, action, entity, entity_id, before_json, after_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(stamp, actor, action, entity, i, _to_json(b), _to_json(a)) for i, b, a in events],
    )


_CASE_SCOPE = """(
    (entity = 'case' AND entity_id = :case_id)
    OR (entity = 'document' AND entity_id IN (SELECT id FROM documents WHERE case_id = :case_id))
    OR (entity = 'hearing' AND entity_id IN (SELECT id FROM hearings WHERE case_id = :case_id))
    OR (entity = 'notice' AND entity_id IN (SELECT n.id FROM notices n
         JOIN hearings h ON h.id = n.hearing_id WHERE h.case_id = :case_id))
    OR (entity = 'reassignment' AND entity_id IN
         (SELECT id FROM reassignments WHERE case_id = :case_id))
    OR (entity = 'deadline' AND entity_id IN (SELECT id FROM deadlines WHERE case_id = :case_id))
    OR (entity = 'note' AND entity_id IN (SELECT id FROM notes WHERE case_id = :case_id))
    OR (entity, entity_id) IN (SELECT entity, entity_id FROM case_rows)
    OR (entity = 'respondent' AND entity_id = :case_id)
    OR (entity = 'proceeding' AND entity_id IN
         (SELECT id FROM proceedings WHERE case_id = :case_id))
    OR (entity = 'address' AND entity_id IN (SELECT id FROM addresses WHERE case_id = :case_id))
    OR (entity = 'counsel' AND entity_id IN
         (SELECT id FROM representation WHERE case_id = :case_id))
    OR (entity = 'nta_service' AND entity_id IN
         (SELECT id FROM nta_service WHERE case_id = :case_id))
    OR (entity = 'relief' AND entity_id IN
         (SELECT id FROM relief_applications WHERE case_id = :case_id))
    OR (entity = 'motion' AND entity_id IN (SELECT id FROM motions WHERE case_id = :case_id))
    OR (entity = 'appeal' AND entity_id IN (SELECT id FROM appeals WHERE case_id = :case_id))
    OR (entity = 'custody' AND entity_id IN (SELECT id FROM custody WHERE case_id = :case_id))
)"""
# rows of the case that may since have been deleted: their audit rows name the case (ids
# are never given again, migration m006, so an id names one row for ever)
_CASE_ROWS = """WITH case_rows(entity, entity_id) AS (
    SELECT DISTINCT entity, entity_id FROM audit
    WHERE json_extract(coalesce(before_json, after_json), '$.case_id') = :case_id
) """


def history(
    db: sqlite_utils.Database,
    entity: str | None = None,
    entity_id: int | None = None,
    case_id: int | None = None,
    limit: int = 500,
) -> list[AuditEvent]:
    """Audit events, newest first; ``case_id`` gathers a case and everything in it."""
    where = []
    if entity:
        where.append("entity = :entity")
    if entity_id is not None:
        where.append("entity_id = :entity_id")
    if case_id is not None:
        where.append(_CASE_SCOPE)
    sql = (_CASE_ROWS if case_id is not None else "") + "SELECT * FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT :limit"
    params = {"entity": entity, "entity_id": entity_id, "case_id": case_id, "limit": limit}
    return [AuditEvent(**row) for row in db.query(sql, params)]
