"""The part of sqlite-utils' Database the domain modules use, over a PostgreSQL connection.

Court mode (issue 16) keeps the records code as it is: it calls ``lib.db.query``,
``lib.db.execute`` (a cursor: ``fetchone``, ``fetchall``, ``lastrowid``, ``description``),
``lib.db.atomic()``, ``lib.db.conn.executemany`` and ``.in_transaction``, and
``lib.conn.execute`` for quick reads. :class:`PgDatabase` offers exactly that, and is
both ``lib.db`` and ``lib.conn`` of a court library:

- each statement is translated from SQLite's dialect (:mod:`caseorg.library.pg_sql`);
- values are bound client-side as untyped literals (numbers too), so PostgreSQL types
  them from where they stand, as loosely as SQLite would (``text_column = 5`` works);
- outside :meth:`atomic` each statement commits by itself (sqlite-utils' rule); nested
  ``atomic`` blocks are savepoints;
- an INSERT into a table with an ``id`` gets ``RETURNING id``: the cursor's ``lastrowid``;
- the server's errors become the sqlite3 errors the code already expects (a constraint,
  a refused append-only change: :class:`sqlite3.IntegrityError`), and what court mode
  cannot do yet is one line (:class:`UnsupportedSql`), never a traceback;
- a connection the server ended (a restart, ``pg_terminate_backend``) is made again, once,
  by the next statement or transaction that starts outside a transaction, with the
  session's settings said again (:meth:`PgDatabase.set_session`: read-only, timeouts);
  a statement inside a transaction fails in one line instead (:data:`CONNECTION_CLOSED`):
  half a transaction is never run again. A statement is run again only when the server
  said it ended the session (SQLSTATE 57P01/57P02: what it was running did not commit);
  a connection that broke without a word fails that statement, and the next reconnects.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.library.pg_sql import UnsupportedSql, translate

CONNECTION_CLOSED = (
    "the court database is not reachable: the connection was closed; open the library again"
)
_SERVER_ENDED = ("57P01", "57P02")  # admin_shutdown (terminated, restarted), crash_shutdown
_INSERT_INTO = re.compile(r"^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+\"?(\w+)\"?", re.I)


class PgCursor:
    """A finished statement as sqlite3 shows one: rows as tuples, and ``lastrowid``."""

    def __init__(self, cursor: Any, lastrowid: int | None = None, rows: list[Any] | None = None):
        self._cursor = cursor
        self._rows = rows
        self.lastrowid = lastrowid
        self.rowcount = cursor.rowcount

    @property
    def description(self) -> Any:
        return self._cursor.description

    def fetchone(self) -> Any:
        if self._rows is not None:
            return self._rows.pop(0) if self._rows else None
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchmany(self, size: int) -> list[Any]:
        if self._rows is not None:
            rows, self._rows = self._rows[:size], self._rows[size:]
            return rows
        return list(self._cursor.fetchmany(size)) if self._cursor.description else []

    def fetchall(self) -> list[Any]:
        if self._rows is not None:
            rows, self._rows = self._rows, []
            return rows
        return list(self._cursor.fetchall()) if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


def _error(exc: Exception) -> Exception:
    """The error the records code expects for what the server refused."""
    import psycopg

    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.errors.UniqueViolation):
        return sqlite3.IntegrityError(_unique_in_sqlite_words(exc) or first)
    if isinstance(exc, psycopg.errors.IntegrityError | psycopg.errors.RaiseException):
        return sqlite3.IntegrityError(first)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return CaseorgError(f"the court database refused: {first}")
    # these four are OperationalErrors to psycopg, but the server is there: say what it said
    if isinstance(exc, psycopg.errors.SerializationFailure | psycopg.errors.DeadlockDetected):
        return CaseorgError(
            "another clerk's change crossed this one at the same moment; nothing of it was "
            "saved: do it again"
        )
    if isinstance(exc, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable):
        return CaseorgError(f"the court database is busy (another clerk's work holds it): {first}")
    if isinstance(exc, psycopg.OperationalError):
        return CaseorgError(f"the court database is not reachable: {first}")
    return UnsupportedSql(f"not supported on a court library (PostgreSQL) yet: {first}")


def _unique_in_sqlite_words(exc: Any) -> str | None:
    """A unique violation as SQLite words it (``UNIQUE constraint failed: cases.a_number``):
    the records code maps one message to its own error, whichever backend refused (two
    clerks adding the same A-number at the same instant)."""
    table, detail = exc.diag.table_name, exc.diag.message_detail or ""
    found = re.match(r"Key \((.+?)\)=", detail)
    if not table or not found:
        return None
    columns = [c.strip().strip('"') for c in found.group(1).split(",")]
    return "UNIQUE constraint failed: " + ", ".join(f"{table}.{c}" for c in columns)


def _adapt(conn: Any) -> None:
    """Numbers go as untyped literals; NUMERIC comes back as int or float (not Decimal)."""
    from psycopg.adapt import Dumper, Loader

    class Loose(Dumper):
        def dump(self, obj: Any) -> bytes:
            return str(int(obj) if isinstance(obj, bool) else obj).encode()

        def quote(self, obj: Any) -> bytes:
            return b"'" + self.dump(obj) + b"'"

    class Number(Loader):
        def load(self, data: Any) -> Any:
            value = Decimal(bytes(data).decode())
            return int(value) if value == value.to_integral_value() else float(value)

    for kind in (int, bool, float, Decimal):
        conn.adapters.register_dumper(kind, Loose)
    conn.adapters.register_loader("numeric", Number)


class PgDatabase:
    """``lib.db`` and ``lib.conn`` of a court library (see the module's docstring)."""

    backend = "postgresql"

    def __init__(self, url: str):
        from psycopg.rows import dict_row

        self._url = url
        self._session: dict[str, str] = {}  # each SET this session made, by setting
        self.reconnects = 0
        self._reconnecting = threading.Lock()
        self._depth = 0  # atomic() blocks open
        self._pg = self._connect()
        self._dict_row = dict_row
        self._with_id: set[str] = set()
        self.refresh_tables()

    def _connect(self) -> Any:
        import psycopg

        try:
            pg = psycopg.connect(self._url, autocommit=True, cursor_factory=psycopg.ClientCursor)
        except psycopg.Error as exc:
            raise _error(exc) from None
        _adapt(pg)
        return pg

    def set_session(self, sql: str) -> None:
        """Run a ``SET name = value`` for this session, and again on a new connection."""
        self._run(sql, None)
        self._session[sql.split()[1].lower()] = sql

    def reconnect(self) -> bool:
        """Connect again if the server closed this connection (a restart), in place, its
        session's settings said again; whether it did. Still away: one line, and this
        object stays as it was, to try again later. A read handle may be shared by two
        threads (the window's reader, a dialog): one of them connects."""
        with self._reconnecting:
            if not self._pg.closed:
                return False  # open, or another thread's reconnect came first
            self._connect_again()
            return True

    def _connect_again(self) -> None:
        import psycopg

        fresh = self._connect()
        try:
            for sql in self._session.values():
                fresh.execute(sql)
        except psycopg.Error as exc:
            fresh.close()
            raise _error(exc) from None
        old, self._pg = self._pg, fresh
        old.close()
        self.reconnects += 1

    def _outside_transaction(self) -> bool:
        from psycopg import pq

        if self._depth:  # inside atomic()
            return False
        if self._pg.closed:  # psycopg's own count stays as it was when the server left
            return True
        open_blocks = getattr(self._pg, "_num_transactions", 0)  # raw transaction()s too
        return not open_blocks and self._pg.info.transaction_status == pq.TransactionStatus.IDLE

    def _may_run_again(self, exc: Any, outside: bool) -> bool:
        """Whether the statement that raised ``exc`` runs again on a new connection."""
        return bool(self._pg.closed and outside and getattr(exc, "sqlstate", None) in _SERVER_ENDED)

    # -- what sqlite-utils' Database offers ----------------------------------------------
    @property
    def conn(self) -> PgDatabase:
        return self

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return bool(self._pg.info.transaction_status != pq.TransactionStatus.IDLE)

    def refresh_tables(self) -> None:
        """Learn which tables have an ``id`` (their INSERTs return it)."""
        self._with_id = {
            row[0]
            for row in self._run(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
                "AND table_schema = current_schema()",
                None,
            ).fetchall()
        }

    @property
    def id_tables(self) -> set[str]:
        """The tables with an ``id`` column (each has its own sequence)."""
        return set(self._with_id)

    def table_names(self) -> list[str]:
        rows = self._run(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name",
            None,
        ).fetchall()
        return [row[0] for row in rows]

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        text = translate(sql)
        table = _INSERT_INTO.match(sql)
        returning = bool(table and table.group(1) in self._with_id and "RETURNING" not in text)
        if returning:
            text += " RETURNING id"
        cursor = self._run(text, parameters)
        if returning:
            rows = cursor.fetchall()
            return PgCursor(cursor, rows[0][0] if rows else None, rows=[])
        return PgCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        import psycopg

        try:
            with self._pg.cursor() as cursor:
                cursor.executemany(translate(sql), list(rows))
        except psycopg.Error as exc:
            raise _error(exc) from None

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Generator[dict[str, Any], None, None]:
        cursor = self._run(translate(sql), params, rows=self._dict_row)
        yield from cursor.fetchall()

    @contextmanager
    def atomic(self) -> Generator[PgDatabase, None, None]:
        """One transaction (a savepoint when nested), as sqlite-utils' ``atomic``."""
        import psycopg

        block = self._begin()
        self._depth += 1
        try:
            yield self
        except BaseException:
            try:
                if not block.__exit__(*sys.exc_info()):
                    raise
            except psycopg.Error as exc:
                raise self._closed_or(exc) from None
        else:
            try:
                block.__exit__(None, None, None)
            except psycopg.Error as exc:
                raise self._closed_or(exc) from None
        finally:
            self._depth -= 1

    def _begin(self) -> Any:
        """psycopg's transaction block, entered; an outermost one whose BEGIN finds the
        connection ended by the server starts again on a new connection (nothing was done)."""
        import psycopg

        outside = self._outside_transaction()
        if outside and self._pg.closed:
            self.reconnect()
        block = self._pg.transaction()
        try:
            block.__enter__()
        except psycopg.Error as exc:
            if not self._may_run_again(exc, outside):
                raise self._closed_or(exc) from None
            self.reconnect()
            block = self._pg.transaction()
            try:
                block.__enter__()
            except psycopg.Error as again:
                raise self._closed_or(again) from None
        return block

    def _closed_or(self, exc: Exception) -> Exception:
        return CaseorgError(CONNECTION_CLOSED) if self._pg.closed else _error(exc)

    def stream(self, sql: str, size: int) -> Iterator[list[Any]]:
        """The rows of ``sql`` in batches of at most ``size``, read through a server-side
        cursor (one transaction): a table larger than memory is never held whole (moving
        a library, :mod:`caseorg.library.transfer`)."""
        import psycopg

        try:
            with self.atomic(), self._pg.cursor() as cursor:  # atomic: may reconnect first
                # DECLARE and FETCH by hand: psycopg's named cursor binds the count as a
                # parameter, which this connection's loose numbers send quoted
                cursor.execute(f"DECLARE caseorg_stream NO SCROLL CURSOR FOR {translate(sql)}")
                fetch = f"FETCH FORWARD {int(size)} FROM caseorg_stream"
                while rows := cursor.execute(fetch).fetchall():
                    yield list(rows)
                cursor.execute("CLOSE caseorg_stream")
        except psycopg.Error as exc:
            raise _error(exc) from None

    def create_function(self, name: str, _arity: int, _func: Any, **_how: Any) -> None:
        """The SQLite connection's Python function: on the server, the schema defines the
        ones caseorg uses (``caseorg_fold``); another one is not there yet."""
        found = self._run("SELECT 1 FROM pg_proc WHERE proname = %s", [name]).fetchone()
        if not found:
            raise UnsupportedSql(f"{name} is not supported on a court library (PostgreSQL) yet")

    def close(self) -> None:
        self._pg.close()

    # -- the server ---------------------------------------------------------------------------
    @property
    def raw(self) -> Any:
        """The psycopg connection, for SQL already in PostgreSQL's words (not translated)."""
        return self._pg

    @property
    def user(self) -> str:
        """The database user this connection logged in as (what the audit names)."""
        return str(self._run("SELECT session_user", None).fetchone()[0])

    def _run(self, text: str, params: Any, rows: Any = None) -> Any:
        import psycopg

        outside = self._outside_transaction()
        if self._pg.closed:  # ended meanwhile: outside a transaction, connect again
            if not outside:
                raise CaseorgError(CONNECTION_CLOSED)
            self.reconnect()
        try:
            return self._cursor(text, params, rows)
        except psycopg.Error as exc:
            if not self._may_run_again(exc, outside):
                raise self._closed_or(exc) from None
        self.reconnect()
        try:
            return self._cursor(text, params, rows)
        except psycopg.Error as exc:
            raise self._closed_or(exc) from None

    def _cursor(self, text: str, params: Any, rows: Any) -> Any:
        cursor = self._pg.cursor(row_factory=rows) if rows else self._pg.cursor()
        cursor.execute(text, params if params is not None else [])
        return cursor
