"""A court library: one shared library on a PostgreSQL server (court mode, issue 16).

``caseorg --library postgresql://USER@HOST/DB`` opens one of these instead of a folder.
It is a :class:`~caseorg.library.folder.Library` to the rest of caseorg: ``lib.db`` and
``lib.conn`` are a :class:`~caseorg.library.pg.PgDatabase` (the records code runs
unchanged), ``lib.actor`` is the database user (the audit names who logged in), and any
number of processes write at once (no lock file: the server's row locks and
transactions). Stored files live in a shared folder named in the library's settings
(``meta`` key ``file_store``). What a court library cannot do yet says so in one line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseorg.errors import CaseorgError, ReadOnlyLibrary
from caseorg.library.folder_library import Library
from caseorg.library.store import FileStore

if TYPE_CHECKING:
    from caseorg.library.pg import PgDatabase

URL_SCHEMES = ("postgresql://", "postgres://")
FILE_STORE_KEY = "file_store"


class NotOnServer(CaseorgError):
    """What a court library (PostgreSQL) cannot do yet, in one line."""


def not_yet(what: str) -> NotOnServer:
    return NotOnServer(f"{what} is not supported on a court library (PostgreSQL) yet")


class CourtLibrary(Library):
    """An open court library (see the module's docstring)."""

    backend = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False, actor: str | None = None):
        # not Library.__init__: no folder, no lock file
        self.url = url
        self.read_only = read_only
        self._actor = actor
        self._attached: dict[str, Any] = {}
        self.index_lag = None
        self.restored_triggers = []
        self.swept = []
        self._server: PgDatabase | None = None

    def __repr__(self) -> str:
        return f"<court library {self.where}>"

    @property
    def location(self) -> str:
        return self.url

    @property
    def where(self) -> str:
        """The URL without a password, for messages."""
        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(self.url)
        return f"{parts.get('user', '')}@{parts.get('host', '')}/{parts.get('dbname', '')}"

    # -- what a folder library has that a court library has elsewhere, or not yet --------
    @property
    def path(self) -> Path:  # type: ignore[override]
        """The shared file store's folder (where a folder library keeps everything)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [FILE_STORE_KEY])
        found = row.fetchone()
        if not found or not found[0]:
            raise NotOnServer(
                "this court library has no shared file store yet: name one with "
                "'caseorg court-files FOLDER' (or 'caseorg migrate-library --files')"
            )
        return Path(found[0])

    @property
    def store(self) -> FileStore:  # type: ignore[override]
        return FileStore(self.path)

    @property
    def index_dir(self) -> Path:  # type: ignore[override]
        raise not_yet("search")

    @property
    def db_path(self) -> Path:  # type: ignore[override]
        raise not_yet("this (a library folder's database file)")

    @property
    def actor(self) -> str:
        """The name configured (``actor=``, CASEORG_USER), else the database user this
        library logged in as (each clerk's own login role)."""
        if self._actor is None:
            self._actor = os.environ.get("CASEORG_USER") or self.db.user
        return self._actor

    @actor.setter
    def actor(self, name: str) -> None:
        self._actor = name

    @property
    def db(self) -> Any:
        return self._server

    @property
    def conn(self) -> Any:  # type: ignore[override]
        return self._server

    # -- opening and closing ------------------------------------------------------------
    def _open(self, create: bool) -> None:
        from caseorg.library import pg_schema
        from caseorg.library.pg import PgDatabase

        self._server = database = PgDatabase(self.url)
        try:
            if not pg_schema.schema_is_current(database._pg):
                if self.read_only or not create:
                    raise CaseorgError(
                        f"the court library {self.where} has no caseorg schema, or an "
                        "older one: its owner runs 'caseorg init --library URL' once"
                    )
                try:
                    pg_schema.ensure_schema(database._pg)
                except Exception as exc:
                    raise CaseorgError(
                        f"cannot make the caseorg schema in {self.where} "
                        f"({str(exc).splitlines()[0]}): the database's owner runs "
                        "'caseorg init --library URL' once"
                    ) from None
                database.refresh_tables()
            if self.read_only:
                database.set_session("SET default_transaction_read_only = on")
        except BaseException:
            database.close()
            raise

    def set_file_store(self, folder: Path) -> Path:
        """Name the shared folder where this library's stored files live (audited)."""
        from caseorg.library import audit

        self.require_writable()
        folder = folder.expanduser().resolve()
        folder.mkdir(parents=True, exist_ok=True)
        with self.db.atomic():
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [FILE_STORE_KEY])
            before = row.fetchone()
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [FILE_STORE_KEY, str(folder)],
            )
            audit.record(
                self.db,
                self.actor,
                "update",
                "setting",
                None,
                {FILE_STORE_KEY: before[0]} if before else None,
                {FILE_STORE_KEY: str(folder)},
            )
        return folder

    @property
    def connected(self) -> bool:
        """Whether its connection to the server is still open (a server that went away,
        or restarted, closes it: a long-lived reader connects afresh)."""
        return self._server is not None and not self._server.raw.closed

    def limit_waits(self, seconds: float) -> None:
        """Give up on any one statement or row lock after ``seconds`` (the desktop app's
        read handle: a slow or vanished server never holds its window for long; the
        refusal is one line, as any other)."""
        ms = max(1, int(seconds * 1000))
        self.conn.set_session(f"SET statement_timeout = {ms}")  # kept over a reconnect
        self.conn.set_session(f"SET lock_timeout = {ms}")

    def reconnect(self) -> None:
        """Connect again after the server closed the connection (a restart), in place:
        every view holding this library reads on; the session's settings (read-only, the
        wait limits) said again. The server still away: one line, and the next call tries
        again."""
        from caseorg.library.pg import CONNECTION_CLOSED

        if self._server is None:  # closed by caseorg itself: not a connection to renew
            raise CaseorgError(CONNECTION_CLOSED)
        self._server.reconnect()

    def cancel_running(self) -> None:
        """Ask the server to stop the statement this library's connection runs now (from
        any thread: the desktop app closing while its reader waits on a slow server)."""
        if self.connected:
            self.conn.raw.cancel()

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyLibrary("this library is open read-only; changes are not allowed")

    def close(self) -> None:
        while self._attached:
            _key, cache = self._attached.popitem()
            close = getattr(cache, "close", None)
            if close is not None:
                close()
        if self._server is not None:
            self._server.close()
            self._server = None


def is_court_url(location: object) -> bool:
    """Whether ``location`` names a court library (a PostgreSQL URL)."""
    return str(location).startswith(URL_SCHEMES)
