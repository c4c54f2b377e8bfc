"""Ids for rows inserted many at a time: the one place the records code asks which
backend it writes to (court mode, issue 16).

A folder library has one writer, so the next ids are the largest + 1 onward (SQLite's
AUTOINCREMENT then goes on past them). A court library has many writers at once: two
that each read the largest id would give the same ids, so the ids come from the table's
own sequence, which no two writers are ever given twice.
"""

from __future__ import annotations

from typing import Any


def reserve_ids(db: Any, table: str, count: int) -> list[int]:
    """``count`` new ids for ``table``, in order; call inside the inserting transaction."""
    if count <= 0:
        return []
    if getattr(db, "backend", "sqlite") == "postgresql":
        rows = db.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)",
            [count],
        ).fetchall()
        return [int(row[0]) for row in rows]
    (last,) = db.execute(  # past any id given before (AUTOINCREMENT's sequence: never reused)
        f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), coalesce((SELECT seq "
        "FROM sqlite_sequence WHERE name = ?), 0))",
        [table],
    ).fetchone()
    return list(range(int(last) + 1, int(last) + 1 + count))
