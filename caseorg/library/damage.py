"""What is wrong with a library folder that cannot be opened, said in words.

A folder that holds stored files or a search index but no usable ``caseorg.db`` is a
damaged library, never a new one: making a fresh database there would hide the evidence
(and ``check --repair`` would then quarantine every stored PDF as unknown). This module
only reads: it looks at the folder and the database's header, never opens it with SQLite,
so it is safe on whatever a disk or a person left there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from caseorg.errors import CaseorgError

DB_NAME = "caseorg.db"
INDEX_NAME = "index"
SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# SQLite's result codes for a file that is not (or no longer) a database
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class DamagedLibrary(CaseorgError):
    """The library's database (or its index folder) is damaged: ``caseorg check`` says how."""

    def __init__(self, message: str, damage: str):
        super().__init__(message)
        self.damage = damage  # what is wrong, in words ("caseorg.db is truncated (…)")


def holds_evidence(folder: Path) -> bool:
    """Whether ``folder`` holds a stored file or a search index: a library's, not a new one."""
    for sub in ("files", INDEX_NAME):
        where = folder / sub
        if where.is_file():
            return True
        if where.is_dir() and any(p.is_file() for p in where.rglob("*")):
            return True
    return False


def database_damage(folder: Path) -> str | None:
    """What is wrong with ``folder``'s database in words, or None when it looks whole (or
    when there is none and nothing else either: a new library may be made there)."""
    path = folder / DB_NAME
    if path.is_dir():
        return f"{DB_NAME} is a folder, not a database"
    if not path.exists() and not path.is_symlink():
        return f"{DB_NAME} is missing" if holds_evidence(folder) else None
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        return f"{DB_NAME} cannot be read ({exc.strerror})"
    if size == 0:
        return f"{DB_NAME} is empty" if holds_evidence(folder) else None
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        return f"{DB_NAME} is not a SQLite database (its header is damaged)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_count = header[24:28] == header[92:96]  # the header's page count is current
    if page_size < 512 or page_size & (page_size - 1):
        return f"{DB_NAME} is not a SQLite database (its header is damaged)"
    # with a WAL beside it a checkpoint may be growing the file right now: SQLite judges
    if size % page_size or (valid_count and pages * page_size > size and not _has_wal(path)):
        return f"{DB_NAME} is truncated ({size} bytes of {pages * page_size})"
    return None


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def index_damage(folder: Path) -> str | None:
    """What is wrong with the index's place in words (it is disposable, but a file where
    its folder belongs stops every writer), or None."""
    where = folder / INDEX_NAME
    if where.exists() and not where.is_dir():
        return f"'{INDEX_NAME}' is a file, not the search index folder"
    return None


def is_corruption(exc: BaseException) -> bool:
    """Whether a SQLite error says the file is damaged (not busy, locked or full)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.DatabaseError) and code is not None:
        return code & 0xFF in _CORRUPT_CODES
    return isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in str(exc) or "not a database" in str(exc)
    )


def refuse_damaged(folder: Path, damage: str) -> DamagedLibrary:
    """The one line every command says on a damaged library: what, and what to run."""
    return DamagedLibrary(
        f"the library at {folder} is damaged: {damage}; nothing was changed — run "
        f"'caseorg --library {folder} check' to see what can be recovered",
        damage,
    )
