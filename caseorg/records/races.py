"""Two writers at the same instant (a court library, issue 16): the second one's insert
meets the first one's row in a unique index. The check before the insert could not see
a row not yet committed, so the database's refusal is mapped to the same one-line error
the check gives (``case A-123-456-789 already exists``), never an 'unexpected error'.
Where no unique index covers the rule, :func:`hold_case` makes the checks take turns."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from caseorg.errors import InvalidValue


def unique_failed(exc: BaseException, table: str, columns: str) -> bool:
    """Whether ``exc`` is a unique index of ``table`` on ``columns`` ("case_id, sha256")
    refusing a row (both backends say it in SQLite's words, see caseorg.library.pg)."""
    named = ", ".join(f"{table}.{c.strip()}" for c in columns.split(","))
    return isinstance(exc, sqlite3.IntegrityError) and str(exc).startswith(
        f"UNIQUE constraint failed: {named}"
    )


@contextmanager
def taken_meanwhile(table: str, messages: Mapping[str, str | Callable[[], str]]) -> Iterator[None]:
    """Turn a unique violation on ``table``'s column (a key of ``messages``) into
    InvalidValue with that column's message (a function: asked after the refusal, so it
    can name the row the other writer committed)."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        for columns, message in messages.items():
            if unique_failed(exc, table, columns):
                raise InvalidValue(message if isinstance(message, str) else message()) from None
        raise


def hold_case(db: Any, case_id: int) -> None:
    """Hold the case's row to this transaction's end (inside ``db.atomic()``), where a rule
    spans rows no unique index covers (a case's exhibit numbers): another clerk's check of
    the same case waits for this commit, then sees it. A non-key column is written, so
    rows that name the case are still added meanwhile; SQLite's one writer waits anyway."""
    db.execute("UPDATE cases SET updated_at = updated_at WHERE id = ?", [case_id])
