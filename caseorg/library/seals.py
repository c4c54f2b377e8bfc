"""The append-only tables made tamper-evident: their triggers kept, every row sealed.

``reassignments`` and ``audit`` refuse UPDATE and DELETE by trigger, but a SQL client
can drop a trigger, edit a row, and put nothing back; or insert a back-dated row. So:

- opening a library for writing recreates any append-only trigger that is missing
  (:func:`restore_triggers`, and says which), and ``check`` reports them missing;
- every row is sealed as it is inserted, by a TEMP trigger on caseorg's own writer
  connection: its seal hashes the row's values and the previous row's seal (a chain), in
  the append-only table ``seals``. ``check`` walks each chain (:func:`broken_seals`): a
  changed row no longer matches its seal, a row added by another tool has none, a
  deleted row leaves a seal without its row. A court library's server seals alike, by
  its own trigger (:mod:`caseorg.library.pg_seals`): the same walk checks both.

The seal has no secret: it shows an edit made with a SQL client, not one made by
someone who also recomputes every later seal. What a row's seal covers is fixed here
(:data:`SEALED`): a column a later migration adds is not in it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# the columns each sealed table's seal covers, in order (fixed: old seals must verify)
SEALED = {
    "audit": ("id", "at", "actor", "action", "entity", "entity_id", "before_json", "after_json"),
    "reassignments": (
        "id",
        "case_id",
        "from_judge_id",
        "to_judge_id",
        "effective_on",
        "reason",
        "ordered_by",
        "midstream",
        "recorded_at",
        "corrects_id",
    ),
    "reassignment_orders": (
        "id",
        "ordered_on",
        "ordered_by",
        "ordered_by_role",
        "reason_kind",
        "reason",
        "to_judge_role",
        "document_id",
        "recorded_at",
    ),
}
APPEND_ONLY = ("reassignments", "reassignment_orders", "audit", "seals")
COPYING = "caseorg.copying_seals"  # a court library's setting: a move brings its own seals
_REFUSE = "SELECT RAISE(ABORT, '{table} is append-only: record a correction instead');"


def trigger_sql(table: str) -> dict[str, str]:
    """The append-only triggers of ``table`` by name: no UPDATE, no DELETE, no REPLACE."""
    refuse = _REFUSE.format(table=table)
    key = "tbl = NEW.tbl AND row_id = NEW.row_id" if table == "seals" else "id = NEW.id"
    return {
        f"{table}_no_update": f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN {refuse} END",
        f"{table}_no_delete": f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN {refuse} END",
        f"{table}_no_replace": f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
        f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {key}) BEGIN {refuse} END",
    }


def missing_triggers(conn: sqlite3.Connection) -> list[str]:
    """The append-only triggers that are not there (dropped by some other tool)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    return [name for t in APPEND_ONLY for name in trigger_sql(t) if name not in present]


def restore_triggers(conn: sqlite3.Connection) -> list[str]:
    """Recreate the missing append-only triggers (holding the write lock); their names."""
    missing = missing_triggers(conn)
    if missing:
        every = {name: sql for t in APPEND_ONLY for name, sql in trigger_sql(t).items()}
        with conn:
            for name in missing:
                conn.execute(every[name])
    return missing


def seal(previous: str | None, row: str) -> str:
    """A row's seal: its values (as SQLite's json_array) hashed after the previous seal."""
    return hashlib.sha256(f"{previous or ''}\n{row}".encode()).hexdigest()


def _row_json(table: str, prefix: str = "") -> str:
    return "json_array(" + ", ".join(prefix + c for c in SEALED[table]) + ")"


def pg_row_json(table: str, prefix: str = "") -> str:
    """The same values in PostgreSQL's SQL (a court library, :mod:`caseorg.library.pg_seals`):
    ``to_json`` writes text and numbers as SQLite's ``json_array`` does, byte for byte."""
    each = (f"coalesce(to_json({prefix}{c})::text, 'null')" for c in SEALED[table])
    return "('[' || " + " || ',' || ".join(each) + " || ']')"


def start_sealing(conn: sqlite3.Connection) -> None:
    """Seal every row this connection inserts into a sealed table (a writer's connection,
    once its schema is current)."""
    conn.create_function("caseorg_seal", 2, seal, deterministic=True)
    for table in SEALED:
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS seal_{table} AFTER INSERT ON main.{table} "
            "BEGIN INSERT INTO seals (tbl, row_id, hash) VALUES "
            f"('{table}', NEW.id, caseorg_seal((SELECT hash FROM seals WHERE tbl = "
            f"'{table}' ORDER BY row_id DESC LIMIT 1), {_row_json(table, 'NEW.')})); END"
        )


def seal_existing(conn: sqlite3.Connection, tables: tuple[str, ...] | None = None) -> None:
    """Seal the rows a library already has (the migration that starts sealing vouches
    for them), in id order; ``tables``: only these (a table a later migration adds)."""
    for table in tables or tuple(SEALED):
        previous = None
        rows = conn.execute(f"SELECT id, {_row_json(table)} FROM {table} ORDER BY id")
        for row_id, values in rows.fetchall():
            previous = seal(previous, values)
            conn.execute(
                "INSERT INTO seals (tbl, row_id, hash) VALUES (?, ?, ?)",
                [table, row_id, previous],
            )


@contextmanager
def sealing_paused(conn: Any) -> Iterator[None]:
    """Insert rows with their seals copied as they are (a move between libraries, in its
    transaction): the target's own sealing would seal them again, or twice."""
    if getattr(conn, "backend", "sqlite") == "postgresql":
        # local to the transaction (set_config's ``true``): it ends with it, committed or
        # not — resetting it after a failed statement would be refused, hiding the error
        conn.execute("SELECT set_config(?, 'on', true)", [COPYING])
        yield
        return
    for table in SEALED:
        conn.execute(f"DROP TRIGGER IF EXISTS temp.seal_{table}")
    try:
        yield
    finally:
        start_sealing(conn)


def _walk_sql(conn: Any, table: str) -> str:
    """Each row of ``table`` (id, its sealed values as JSON, its seal) and each seal
    without its row (id, NULL, seal), in id order: on either backend."""
    if getattr(conn, "backend", "sqlite") == "postgresql":
        values = pg_row_json(table, "r.")
    else:
        values = _row_json(table, "r.")
    return (
        f"SELECT r.id, {values}, s.hash FROM {table} r "
        f"LEFT JOIN seals s ON s.tbl = '{table}' AND s.row_id = r.id "
        f"UNION ALL SELECT s.row_id, NULL, s.hash FROM seals s WHERE s.tbl = '{table}' "
        f"AND NOT EXISTS (SELECT 1 FROM {table} r WHERE r.id = s.row_id) ORDER BY 1"
    )


def _rows(conn: Any, sql: str, size: int = 5000) -> Iterator[Any]:
    """The rows of ``sql`` a batch at a time (a court library's audit can be millions)."""
    if getattr(conn, "backend", "sqlite") == "postgresql":
        for rows in conn.stream(sql, size):
            yield from rows
        return
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(size):
        yield from rows


def broken_seals(conn: Any) -> list[str]:
    """Each sealed row that was changed, added or removed outside caseorg, in words (a
    folder's SQLite connection or a court library's; one walk for both)."""
    found = []
    for table in SEALED:
        previous = None
        for row_id, values, stored in _rows(conn, _walk_sql(conn, table)):
            if values is None:
                found.append(f"{table} row {row_id} was deleted outside caseorg")
            elif stored is None:
                found.append(f"{table} row {row_id} was added outside caseorg (it has no seal)")
                continue
            elif seal(previous, values) != stored:
                found.append(f"{table} row {row_id} was changed outside caseorg")
            previous = stored
    return found
