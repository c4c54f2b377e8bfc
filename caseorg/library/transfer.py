"""Move a library between backends: a folder (SQLite) into a court library (PostgreSQL),
and back (issue 16: how a judge's laptop library joins the court's).

Every table is copied row for row (streamed in batches: a server-side cursor on
PostgreSQL, so memory holds one batch, never a table), ids kept, in an order where a
referenced row comes before the rows that name it, in one transaction on the target;
each table's id counter is carried over (ids are never given twice, migration m006).
Then each table is verified: the same number of rows, and the same hash of its rows (an
order-free sum of each row's SHA-256, so the servers' sort orders do not matter). Stored
files are copied into the target's store (a court library's shared store folder is named
in its settings) and each is verified against its hash. A target that already holds
records is refused: this joins an empty court library, it does not merge two. The
seals are copied as they are, the target's own sealing paused meanwhile: both backends
seal alike (:mod:`caseorg.library.pg_seals`), so the chain verifies on the target as it
did on the source, and what it showed there it shows on the target.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.library.courtdb import FILE_STORE_KEY
from caseorg.library.folder_library import Library
from caseorg.library.pg_schema import sqlite_schema, tables_in_order
from caseorg.library.seals import sealing_paused
from caseorg.library.store import sha256_of
from caseorg.progress import Progress, ProgressCallback

_BATCH = 2000
_HOLDS_RECORDS = ("cases", "judges", "documents", "audit")


@dataclass
class Moved:
    """What a move copied: rows per table (verified), files, and each table's hash."""

    rows: dict[str, int] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    files: int = 0


NOT_COPIED = ("page_changes",)  # what the search index has caught up with: per library


def _tables() -> list[tuple[str, list[str]]]:
    """Every table in a safe copying order, with its columns."""
    lite = sqlite_schema()
    return [
        (name, [r[1] for r in lite.execute(f"PRAGMA table_info({name})")])
        for name, _sql in tables_in_order(lite)
    ]


def _value(value: Any) -> Any:
    """A value as both backends give it back (a whole REAL as an int: 2.0 is 2)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _rows_of(table: str, columns: list[str]) -> str:
    """What is copied of ``table``: all of it, but a court library's own store folder."""
    where = f" WHERE key != '{FILE_STORE_KEY}'" if table == "meta" else ""
    return f"SELECT {', '.join(columns)} FROM {table}{where}"


def batches(lib: Library, sql: str, size: int = _BATCH) -> Iterator[list[Any]]:
    """The rows of ``sql`` at most ``size`` at a time, never the whole table in memory: a
    server-side cursor on PostgreSQL, SQLite's own cursor on a folder."""
    if lib.backend == "postgresql":
        yield from lib.db.stream(sql, size)  # type: ignore[attr-defined]
        return
    cursor = lib.conn.execute(sql)
    while rows := cursor.fetchmany(size):
        yield rows


def table_hash(lib: Library, table: str, columns: list[str], size: int = _BATCH) -> tuple[int, str]:
    """The rows of ``table`` in ``lib``: their number and an order-free hash of them."""
    total, count = 0, 0
    for rows in batches(lib, _rows_of(table, columns), size):
        for row in rows:
            text = json.dumps([_value(v) for v in row], ensure_ascii=False, default=str)
            total = (total + int.from_bytes(hashlib.sha256(text.encode()).digest())) % 2**256
            count += 1
    return count, f"{total:064x}"


def _refuse_full(target: Library) -> None:
    for table in _HOLDS_RECORDS:
        if target.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            raise CaseorgError(
                f"the target library already holds records ({table}): move into an empty one"
            )


def _counters(lib: Library) -> dict[str, int]:
    """Each table's id counter: the largest id it ever gave."""
    if lib.backend == "postgresql":
        rows = lib.conn.execute(
            "SELECT c.table_name, s.last_value FROM information_schema.columns c "
            "JOIN pg_sequences s ON s.sequencename = c.table_name || '_id_seq' "
            "WHERE c.column_name = 'id' AND c.table_schema = current_schema()"
        ).fetchall()
    else:
        rows = lib.conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    return {name: int(value or 0) for name, value in rows}


def _set_counters(lib: Library, counters: dict[str, int], tables: list[str]) -> None:
    for table in tables:
        if lib.backend == "postgresql":
            if table not in getattr(lib.db, "id_tables", ()):
                continue
            (largest,) = lib.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
            value = max(int(largest), counters.get(table, 0))
            if value:
                lib.conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), ?)", [value]
                )
        elif table in counters:
            lib.conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
            lib.conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, counters[table]]
            )


def move_library(
    source: Library,
    target: Library,
    files: Path | None = None,
    progress: ProgressCallback | None = None,
    *,
    with_files: bool = True,
    batch: int = _BATCH,
) -> Moved:
    """Copy ``source`` into the empty ``target`` and verify it (see the module's
    docstring); ``files``: the court library's shared store folder, when it names none;
    ``with_files`` False: the records alone (a generated library has no files);
    ``batch``: rows read, written and hashed at a time (memory is bounded by it)."""
    target.require_writable()
    _refuse_full(target)
    tell = progress or (lambda _p: None)
    tables = _tables()
    # the seals too, as they are: both backends seal alike, so they verify on the target
    # (and what they showed on the source, they show there)
    copied = [t for t in tables if t[0] not in NOT_COPIED]
    sizes = {
        name: int(
            source.conn.execute(f"SELECT count(*) FROM ({_rows_of(name, ['1'])}) t").fetchone()[0]
        )
        for name, _columns in copied
    }
    total, done = sum(sizes.values()), 0
    moved = Moved()
    counters = _counters(source)
    with target.db.atomic(), sealing_paused(target.conn):
        target.conn.execute("DELETE FROM meta")  # a new library's own settings give way
        for name, columns in copied:
            tell(Progress(f"Copying {name}", done, total))
            marks = ", ".join("?" * len(columns))
            insert = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})"
            for rows in batches(source, _rows_of(name, columns), batch):
                target.db.conn.executemany(insert, [tuple(r) for r in rows])
                done += len(rows)
                tell(Progress(f"Copying {name}", done, total))
        _set_counters(target, counters, [name for name, _c in copied])
        if target.backend == "postgresql" and files is not None:
            target.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value",
                [FILE_STORE_KEY, str(files)],
            )
    for name, columns in copied:
        tell(Progress(f"Verifying {name}"))
        theirs = table_hash(source, name, columns, batch)
        ours = table_hash(target, name, columns, batch)
        if theirs != ours:
            raise CaseorgError(
                f"the copy of {name} differs ({ours[0]} rows, {theirs[0]} in the source): "
                "the target library is not to be used"
            )
        moved.rows[name], moved.hashes[name] = theirs
    moved.files = _copy_files(source, target, tell) if with_files else 0
    return moved


def _copy_files(source: Library, target: Library, tell: ProgressCallback) -> int:
    """Each document's stored file into the target's store, verified by its hash."""
    hashes = [r[0] for r in source.conn.execute("SELECT DISTINCT sha256 FROM documents")]
    if not hashes:
        return 0
    for n, digest in enumerate(hashes, 1):
        tell(Progress("Copying stored files", n, len(hashes)))
        if target.store.has(digest):
            continue
        origin = source.store.path_for(digest)
        if not origin.is_file():
            raise CaseorgError(f"a stored file is missing from the source library: {digest}")
        place = target.store.path_for(digest)
        place.parent.mkdir(parents=True, exist_ok=True)
        partial = place.with_name(place.name + ".part")
        shutil.copyfile(origin, partial)
        if sha256_of(partial) != digest:
            partial.unlink()
            raise CaseorgError(f"a stored file changed while it was copied: {digest}")
        partial.replace(place)  # atomic: a reader sees the whole file or none
        place.chmod(0o400)
    return len(hashes)
