"""Audited writes shared by the domain modules: one transaction, one audit row each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from caseorg.errors import NotFound
from caseorg.library import Library, audit, reserve_ids


def get_row(db: sqlite_utils.Database, table: str, row_id: int, what: str) -> dict[str, Any]:
    """The row with ``id``, or NotFound naming ``what`` ("hearing 12 not found")."""
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
    if not rows:
        raise NotFound(f"{what} {row_id} not found")
    return rows[0]


def insert_audited(lib: Library, table: str, entity: str, values: dict[str, Any]) -> int:
    """Insert a row and its 'create' audit event in one transaction; return the id."""
    lib.require_writable()
    with lib.db.atomic():
        cursor = lib.db.execute(
            f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        row_id = int(cursor.lastrowid or 0)
        audit.record(lib.db, lib.actor, "create", entity, row_id, None, {"id": row_id, **values})
    return row_id


def insert_audited_many(
    lib: Library, table: str, entity: str, rows: list[dict[str, Any]], audit_each: bool = True
) -> list[int]:
    """Insert rows of the same columns and their 'create' audit events in one transaction
    (two statements, not two per row: an import's thousands of hearings); their ids.
    ``audit_each`` False: the caller audits them together (:func:`record_import`)."""
    if not rows:
        return []
    lib.require_writable()
    columns = list(rows[0])
    with lib.db.atomic():
        ids = reserve_ids(lib.db, table, len(rows))
        lib.db.conn.executemany(
            f"INSERT INTO {table} (id, {', '.join(columns)}) "
            f"VALUES ({', '.join('?' * (len(columns) + 1))})",
            [(row_id, *(row[c] for c in columns)) for row_id, row in zip(ids, rows, strict=True)],
        )
        if audit_each:
            audit.record_many(
                lib.db,
                lib.actor,
                "create",
                entity,
                [(i, None, {"id": i, **row}) for i, row in zip(ids, rows, strict=True)],
            )
    return ids


def record_import(lib: Library, case_id: int, summary: dict[str, Any]) -> None:
    """One 'import' audit row for what an import added to a case at once (its hearings
    and records by kind, count and ids, where the values came from): who imported what
    and when stays answerable without a row per hearing; the values are the records'
    own, and a later change to one is audited as any edit. In the caller's transaction."""
    lib.require_writable()
    with lib.db.atomic():
        audit.record(lib.db, lib.actor, "import", "case", case_id, None, summary)


def update_audited(
    lib: Library, table: str, entity: str, row_id: int, changes: dict[str, Any], what: str
) -> dict[str, Any]:
    """Apply ``changes`` and audit the before/after of the fields that changed."""
    lib.require_writable()
    with lib.db.atomic():
        before = get_row(lib.db, table, row_id, what)
        changed = {k: v for k, v in changes.items() if before.get(k) != v}
        if not changed:
            return before
        assignments = ", ".join(f"{k} = ?" for k in changed)
        lib.db.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), row_id]
        )
        audit.record(
            lib.db,
            lib.actor,
            "update",
            entity,
            row_id,
            {k: before.get(k) for k in changed},
            changed,
        )
        return {**before, **changed}
