"""Errors a user may see: each carries one plain sentence, never a traceback."""

import errno
import sqlite3


class CaseorgError(Exception):
    """Base for every error whose message is shown to the user as one line."""

    exit_code = 1


class NotFound(CaseorgError):
    """A case, judge, hearing or document that the user named does not exist."""


class InvalidValue(CaseorgError):
    """A value typed by the user (A-number, date, choice) is not acceptable."""

    exit_code = 2


class BadQuery(InvalidValue):
    """A search query that cannot be understood."""


class LibraryLocked(CaseorgError):
    """Another process holds the library for writing (``holder``: its pid, when known)."""

    def __init__(self, message: str, holder: int | None = None):
        super().__init__(message)
        self.holder = holder


class ReadOnlyLibrary(CaseorgError):
    """A write was attempted on a library opened read-only."""


class Cancelled(CaseorgError):
    """The user cancelled a long operation; what finished is kept."""


class DiskFull(CaseorgError):
    """The disk holding the library is full; what finished before it is kept."""


def is_disk_full(exc: BaseException) -> bool:
    """True for the ways a full disk surfaces: ENOSPC/EDQUOT, or SQLite's 'disk is full'."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)
