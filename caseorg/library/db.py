"""SQLite connection settings, and bringing a library's schema up to date.

Opening a library must be quick (the app opens two connections before its first
window), so this module needs only :mod:`sqlite3`: :func:`schema_is_current` is one indexed read,
and the migrations with sqlite-utils load only when a schema is behind
(:func:`caseorg.library.migrations.migrate`), and
the sqlite-utils wrapper the domain modules use is made on first use
(:func:`wrap`).
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

MIGRATION_SET = "caseorg"
# the newest migration in caseorg.library.migrations (a test holds the two equal)
LATEST_MIGRATION = "m012_page_changes"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of applied migrations


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` with the settings every connection needs.

    WAL lets the app read while the writer writes; synchronous=FULL because a
    lost audit row is worse than a slower commit; busy_timeout rides out the
    backup thread's short locks; recursive_triggers as sqlite-utils sets it, so
    a REPLACE cannot slip past the append-only tables' DELETE triggers on any
    connection.
    """
    if read_only:
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=10
        )
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA recursive_triggers = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def wrap(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The sqlite-utils view of ``conn`` (imports sqlite-utils: ~100 ms, so on first use)."""
    return _database_class()(conn)


@functools.cache
def _database_class() -> type[sqlite_utils.Database]:
    """sqlite-utils' Database whose nested ``atomic()`` names its savepoints by depth.

    sqlite-utils names each savepoint at random, so every nested write compiled two new
    statements and pushed the connection's cached ones (the INSERTs) out: an import's
    tens of thousands of small audited writes spent most of their time compiling SQL.
    A savepoint's name only has to be unique among those open at once."""
    import sqlite_utils

    class Database(sqlite_utils.Database):
        _savepoints = 0  # open now, on this connection

        @contextlib.contextmanager
        def atomic(self) -> Iterator[sqlite_utils.Database]:
            if not self.conn.in_transaction:
                with super().atomic():
                    yield self
                return
            self._savepoints += 1
            name = f"caseorg_savepoint_{self._savepoints}"
            try:
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self
                except BaseException:
                    if self.conn.in_transaction:  # a RAISE(ROLLBACK) ends it whole
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        self.conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            finally:
                self._savepoints -= 1

    return Database


def schema_is_current(conn: sqlite3.Connection) -> bool:
    """Whether every migration has run (one indexed read; no sqlite-utils needed)."""
    try:
        row = conn.execute(
            f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE migration_set = ? AND name = ?",
            [MIGRATION_SET, LATEST_MIGRATION],
        ).fetchone()
    except sqlite3.OperationalError:  # a new library: no migrations table yet
        return False
    return row is not None
