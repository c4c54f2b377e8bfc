"""Find and open a library: a folder (:mod:`caseorg.library.folder_library`), or a court
library's URL (:mod:`caseorg.library.courtdb`).

A library is one folder (design §2). Only one process writes to it at a time
(:mod:`caseorg.library.lock`), and nothing in the folder is written, made or removed
before that process holds the lock; any number of others read it meanwhile, read-only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from caseorg.errors import InvalidValue
from caseorg.library.courtdb import CourtLibrary, is_court_url
from caseorg.library.damage import DB_NAME as DB_NAME
from caseorg.library.folder_library import (
    INDEX_LEFTOVERS as INDEX_LEFTOVERS,
    Library as Library,
)
from caseorg.library.lock import (
    LOCK_NAME as LOCK_NAME,
    read_lock_holder as read_lock_holder,
)

LAST_BACKUP_FILE = "last-backup.json"  # written by caseorg.upkeep.backup
# scheme:// (postgresql://…), also as a Path spells it (postgresql:/…); not C:\ or C:/
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:[/\\]")


def is_url(location: str | Path) -> bool:
    """Whether a library location is a URL (``postgresql://user@/db``), not a folder."""
    return bool(_URL.match(str(location)))


def library_location(location: str | Path) -> Path:
    """The folder a location names; a URL other than a court library's (``postgresql://``,
    :mod:`caseorg.library.courtdb`) is refused in one line (exit 2), rather than made into
    a folder named ``https:``."""
    if is_url(location):
        raise InvalidValue(
            f"{location} is a URL: a library is a folder on this computer, or a court "
            "library's postgresql://USER@HOST/DATABASE"
        )
    return Path(location).expanduser()


def library_or_url(location: str | Path) -> Path | str:
    """A court library's URL as given (a Path would drop a slash), else the folder."""
    return str(location) if is_court_url(location) else library_location(location)


def default_library_path() -> Path:
    """CASEORG_LIBRARY if set, else the per-user data folder (see :func:`default_location`
    for a court library's URL)."""
    env = os.environ.get("CASEORG_LIBRARY")
    if env:
        return library_location(env)
    return _user_library()


def default_location() -> Path | str:
    """CASEORG_LIBRARY (a folder or a court library's URL) if set, else the user's folder."""
    env = os.environ.get("CASEORG_LIBRARY")
    return library_or_url(env) if env else _user_library()


def _user_library() -> Path:
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


def open_library(
    path: Path | str | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    actor: str | None = None,
) -> Library:
    """Open the library at ``path`` (default: :func:`default_location`): a folder, or a
    court library's ``postgresql://`` URL."""
    location = library_or_url(path) if path else default_location()
    lib: Library
    if isinstance(location, str):
        lib = CourtLibrary(location, read_only=read_only, actor=actor)
    else:
        lib = Library(location, read_only=read_only, actor=actor)
    lib._open(create)
    return lib
