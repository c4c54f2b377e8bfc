"""An open library folder: its lock, its SQLite database brought up to date, its file store.

A library is one folder (design §2). Only one process writes to it at a time
(:mod:`caseorg.library.lock`), and nothing in the folder is written, made or removed
before that process holds the lock; any number of others read it meanwhile, read-only.
(Kept apart from :mod:`caseorg.library.folder`, which finds and opens libraries, so a
court library, :mod:`caseorg.library.courtdb`, can be a :class:`Library` too.)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from caseorg.errors import CaseorgError, ReadOnlyLibrary
from caseorg.library import db as dbmod, seals
from caseorg.library.damage import (
    DB_NAME,
    database_damage,
    index_damage,
    is_corruption,
    refuse_damaged,
)
from caseorg.library.lock import LOCK_NAME, WriteLock
from caseorg.library.store import FileStore

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")

# what a reindex killed mid-way leaves (caseorg.search.engine builds beside the index)
INDEX_LEFTOVERS = ("index.new", "index.old")


class Library:
    """An open library. Use as a context manager, or call :meth:`close`."""

    backend = "sqlite"  # a court library on a server: "postgresql" (caseorg.library.courtdb)

    def __init__(self, path: Path, *, read_only: bool = False, actor: str | None = None):
        self.path = path
        self.read_only = read_only
        self._actor = actor
        self.db_path = path / DB_NAME
        self.store = FileStore(path / "files")
        self.index_dir = path / "index"
        self._lock = WriteLock(path / LOCK_NAME)
        self._attached: dict[str, Any] = {}  # see attached()
        self.index_lag: str | None = (
            None  # why the search index could not catch up, if it could not
        )
        self.restored_triggers: list[str] = []  # append-only triggers opening put back
        self.swept: list[str] = []  # what dead writers left that opening removed
        self.conn: sqlite3.Connection  # raw reads that must be quick (the app's first screen)
        self._db: sqlite_utils.Database | None = None

    @property
    def where(self) -> str:
        """The library as messages name it (a court library's URL without a password)."""
        return str(self.path)

    @property
    def location(self) -> Path | str:
        """What opens this library again (:func:`open_library`): its folder, or a court
        library's URL."""
        return self.path

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of :attr:`conn` that the domain modules use, made on
        first use (sqlite-utils takes ~100 ms to import: the app's first window needs
        only :attr:`conn`)."""
        if self._db is None:
            self._db = dbmod.wrap(self.conn)
        return self._db

    @property
    def actor(self) -> str:
        """Who the audit trail names for this library's writes."""
        if self._actor is None:
            from caseorg.library.audit import default_actor

            self._actor = default_actor()
        return self._actor

    @actor.setter
    def actor(self, name: str) -> None:
        self._actor = name

    # -- opening -------------------------------------------------------------
    def _open(self, create: bool) -> None:
        damage = database_damage(self.path) or index_damage(self.path)
        if damage:  # stored files and no database: a damaged library, never a new one
            raise refuse_damaged(self.path, damage)
        exists = self.db_path.exists()
        if not exists and (not create or self.read_only):
            raise CaseorgError(f"no caseorg library at {self.path}")
        if not self.read_only:
            # asylum and removal records: nothing we write is readable by others
            os.umask(0o077)
            self.path.mkdir(parents=True, exist_ok=True, mode=0o700)  # to hold the lock file
            self._lock.acquire()
        try:
            if not self.read_only:
                os.chmod(self.path, 0o700)
            self.conn = dbmod.connect(self.db_path, read_only=self.read_only)
            if self.read_only:
                self._check_readable()
            else:
                self._bring_up_to_date()
        except Exception as exc:
            if hasattr(self, "conn"):
                self.conn.close()
            if not self.read_only:
                self._lock.release()
            if is_corruption(exc):
                raise refuse_damaged(self.path, f"{DB_NAME} is damaged ({exc})") from None
            raise

    def _check_readable(self) -> None:
        """A reader cannot migrate: a schema that is behind (a library being made right
        now, or left by an older caseorg) is a one-line error, not a missing column."""
        if not dbmod.schema_is_current(self.conn):
            raise CaseorgError(
                f"the library at {self.path} is being created or needs an update: run "
                "'caseorg init' once (or open it in the app), then try again"
            )

    def _bring_up_to_date(self) -> None:
        """What a writer does first, holding the lock: migrate, make the folders, finish
        what a dead writer left, make the database private."""
        if not dbmod.schema_is_current(self.conn):
            # the migrations and sqlite-utils load only when a schema is behind
            from caseorg.library.migrations import migrate

            migrate(self.conn)
        # a trigger dropped by a SQL client comes back; check says it was gone
        self.restored_triggers = seals.restore_triggers(self.conn)
        seals.start_sealing(self.conn)
        for sub in (self.store.root, self.index_dir):
            sub.mkdir(exist_ok=True, mode=0o700)
        # we hold the write lock, so any staged copy or half-built index is a dead writer's
        self.store.sweep_leftovers(self._has_document_with)
        for name in INDEX_LEFTOVERS:
            if (self.path / name).exists():
                shutil.rmtree(self.path / name, ignore_errors=True)
                self.swept.append(name)
        for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
            if (self.path / name).exists():
                os.chmod(self.path / name, 0o600)

    def _has_document_with(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", [sha256])
        return row.fetchone() is not None

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyLibrary("this library is open read-only; changes are not allowed")

    # -- caches kept with the library ------------------------------------------------------
    def attached(self, key: str, build: Callable[[Library], T]) -> T:
        """A cache built on this open library on first use and closed with it: the search
        package keeps its index here, so the library never needs to know what an index is."""
        if key not in self._attached:
            self._attached[key] = build(self)
        return cast(T, self._attached[key])

    def attached_if_open(self, key: str) -> Any | None:
        """The cache under ``key`` if something built it, else None (never builds it)."""
        return self._attached.get(key)

    def detach(self, key: str) -> None:
        """Close and forget the cache under ``key`` (it is built afresh when next asked)."""
        cache = self._attached.pop(key, None)
        close = getattr(cache, "close", None)
        if close is not None:
            close()

    # -- closing -------------------------------------------------------------
    def close(self) -> None:
        while self._attached:
            _key, cache = self._attached.popitem()
            close = getattr(cache, "close", None)
            if close is not None:
                close()
        if hasattr(self, "conn"):
            self.conn.close()
        if not self.read_only:
            self._lock.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
