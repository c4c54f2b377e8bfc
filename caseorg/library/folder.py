"""Open or create a library folder: lock, paths, database, file store.

A library is one folder (design §2). Only one process writes to it at a time;
the lock file names the holder so a second window can say who has it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from caseorg.errors import CaseorgError, LibraryLocked, ReadOnlyLibrary
from caseorg.library import db as dbmod
from caseorg.library.store import FileStore

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")

DB_NAME = "caseorg.db"
LOCK_NAME = "lock"
LAST_BACKUP_FILE = "last-backup.json"  # written by caseorg.upkeep.backup

_held_locks: dict[Path, int] = {}
_held_guard = threading.Lock()


def default_library_path() -> Path:
    """CASEORG_LIBRARY if set, else the per-user data folder."""
    env = os.environ.get("CASEORG_LIBRARY")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("caseorg", appauthor=False)) / "library"


def is_library(path: Path) -> bool:
    """True when ``path`` holds a library (its database file is there)."""
    return (path / DB_NAME).exists()


def last_backup_at(library_path: Path) -> dt.datetime | None:
    """When this library was last backed up (the app's status bar says so)."""
    record = library_path / LAST_BACKUP_FILE
    if not record.exists():
        return None
    import json  # only when there is a record to read (start-up, most days: none)

    try:
        data = json.loads(record.read_text())
        return dt.datetime.fromisoformat(data["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - portable fallback, tested on Linux only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def host_name() -> str:
    """This machine's name, for the lock file (os.uname where there is one: no socket
    module to load at start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()


def read_lock_holder(lock_path: Path) -> int | None:
    """The pid written in a lock file, or None if unreadable."""
    try:
        text = lock_path.read_text().split()
        return int(text[0]) if text else None
    except (OSError, ValueError):
        return None


class WriteLock:
    """A lock file holding the writer's pid; a dead holder's lock is taken over."""

    def __init__(self, path: Path):
        self.path = path

    def acquire(self) -> None:
        me = os.getpid()
        with _held_guard:
            if _held_locks.get(self.path):
                _held_locks[self.path] += 1
                return
            for _attempt in range(3):
                try:
                    fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:
                    holder = read_lock_holder(self.path)
                    if holder is not None and holder != me and _pid_alive(holder):
                        raise LibraryLocked(
                            f"this library is open in another caseorg window (pid {holder}); "
                            "close it or open the library read-only"
                        ) from None
                    # stale lock from a dead process (or unreadable): take it over
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                    continue
                with os.fdopen(fd, "w") as handle:
                    handle.write(f"{me} {host_name()}\n")
                _held_locks[self.path] = 1
                return
            raise LibraryLocked(f"could not take the library lock {self.path}")

    def release(self) -> None:
        with _held_guard:
            count = _held_locks.get(self.path, 0)
            if count > 1:
                _held_locks[self.path] = count - 1
                return
            _held_locks.pop(self.path, None)
            if read_lock_holder(self.path) == os.getpid():
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()


class Library:
    """An open library. Use as a context manager, or call :meth:`close`."""

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
        self.conn: sqlite3.Connection  # raw reads that must be quick (the app's first screen)
        self._db: sqlite_utils.Database | None = None

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
        exists = self.db_path.exists()
        if not exists and (not create or self.read_only):
            raise CaseorgError(f"no caseorg library at {self.path}")
        if not self.read_only:
            # asylum and removal records: nothing we write is readable by others
            os.umask(0o077)
            self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(self.path, 0o700)
            self._lock.acquire()
        try:
            self.conn = dbmod.connect(self.db_path, read_only=self.read_only)
            if not self.read_only:
                if not dbmod.schema_is_current(self.conn):
                    # the migrations and sqlite-utils load only when a schema is behind
                    from caseorg.library.migrations import migrate

                    migrate(self.conn)
                for sub in (self.store.root, self.index_dir):
                    sub.mkdir(exist_ok=True, mode=0o700)
                # we hold the write lock, so any staged copy is a dead writer's
                self.store.sweep_leftovers(self._has_document_with)
                for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
                    if (self.path / name).exists():
                        os.chmod(self.path / name, 0o600)
        except Exception:
            if not self.read_only:
                self._lock.release()
            raise

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


def open_library(
    path: Path | str | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    actor: str | None = None,
) -> Library:
    """Open the library at ``path`` (default: :func:`default_library_path`)."""
    lib = Library(
        Path(path).expanduser() if path else default_library_path(),
        read_only=read_only,
        actor=actor,
    )
    lib._open(create)
    return lib
