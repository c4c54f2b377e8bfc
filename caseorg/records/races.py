"""Two writers at the same instant (a court library, issue 16): the second one's insert
meets the first one's row in a unique index. The check before the insert could not see
a row not yet committed, so the database's refusal is mapped to the same one-line error
the check gives (``case A-123-456-789 already exists``), never an 'unexpected error'."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from caseorg.errors import InvalidValue


def unique_failed(exc: BaseException, table: str, columns: str) -> bool:
    """Whether ``exc`` is a unique index of ``table`` on ``columns`` ("case_id, sha256")
    refusing a row (both backends say it in SQLite's words, see caseorg.library.pg)."""
    named = ", ".join(f"{table}.{c.strip()}" for c in columns.split(","))
    return isinstance(exc, sqlite3.IntegrityError) and str(exc).startswith(
        f"UNIQUE constraint failed: {named}"
    )


@contextmanager
def taken_meanwhile(table: str, messages: dict[str, str]) -> Iterator[None]:
    """Turn a unique violation on ``table``'s column (a key of ``messages``) into
    InvalidValue with that column's message."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        for columns, message in messages.items():
            if unique_failed(exc, table, columns):
                raise InvalidValue(message) from None
        raise
