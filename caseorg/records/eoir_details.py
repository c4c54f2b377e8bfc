"""What EOIR's data says beyond caseorg's own fields, kept as given: a case's priority,
birth date, address and detention dates; a hearing's calendar type, medium and the
notice EOIR generated; a proceeding's court-to-court transfer.

Bookkeeping of another system's values (like :mod:`.external_keys`): written in the
import's transaction, replaced whole when the data changes; no audit row of its own.
These are to move to the proceedings, addresses and counsel records when those exist.
"""

from __future__ import annotations

from typing import Any

from caseorg.library import Library

CASE_DETAIL_FIELDS = (
    "case_type_code",
    "priority_code",
    "birth_date",
    "address_city",
    "address_state",
    "address_zip",
    "address_changed_on",
    "date_detained",
    "date_released",
    "e28_date",
)
HEARING_CODE_FIELDS = (
    "ij_code",
    "cal_type",
    "adj_medium",
    "notice_code",
    "notice_type",
    "notice_on",
)
TRANSFER_FIELDS = ("from_court", "to_court", "transferred_on", "status")


def _upsert(
    lib: Library, table: str, keys: tuple[str, ...], fields: tuple[str, ...], rows: list[Any]
) -> None:
    """Insert or replace rows of ``keys`` + ``fields`` (each row a tuple in that order)."""
    lib.require_writable()
    columns = (*keys, *fields)
    updates = ", ".join(f"{c} = excluded.{c}" for c in fields)
    lib.db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT({', '.join(keys)}) DO UPDATE SET {updates}",
        rows,
    )


def save_eoir_case_details(lib: Library, case_id: int, values: dict[str, Any]) -> None:
    """Store a case's EOIR details (fields of :data:`CASE_DETAIL_FIELDS`)."""
    row = (case_id, *_only(values, CASE_DETAIL_FIELDS))
    _upsert(lib, "eoir_case_details", ("case_id",), CASE_DETAIL_FIELDS, [row])


def save_eoir_hearing_codes(lib: Library, items: list[tuple[int, dict[str, Any]]]) -> None:
    """Store hearings' EOIR codes, ``(hearing id, fields of HEARING_CODE_FIELDS)`` each."""
    rows = [(i, *_only(values, HEARING_CODE_FIELDS)) for i, values in items]
    _upsert(lib, "eoir_hearings", ("hearing_id",), HEARING_CODE_FIELDS, rows)


def save_eoir_transfer(
    lib: Library, case_id: int, idnproceeding: str, values: dict[str, Any]
) -> None:
    """Store a proceeding's court-to-court transfer (fields of :data:`TRANSFER_FIELDS`)."""
    row = (case_id, idnproceeding, *_only(values, TRANSFER_FIELDS))
    _upsert(lib, "eoir_transfers", ("case_id", "idnproceeding"), TRANSFER_FIELDS, [row])


def eoir_case_details(lib: Library, case_id: int) -> dict[str, Any] | None:
    """A case's EOIR details, or None when it has none."""
    rows = list(lib.db.query("SELECT * FROM eoir_case_details WHERE case_id = ?", [case_id]))
    return rows[0] if rows else None


def eoir_hearing_codes(lib: Library, hearing_id: int) -> dict[str, Any] | None:
    """A hearing's EOIR codes, or None when it has none."""
    rows = list(lib.db.query("SELECT * FROM eoir_hearings WHERE hearing_id = ?", [hearing_id]))
    return rows[0] if rows else None


def eoir_transfers(lib: Library, case_id: int) -> list[dict[str, Any]]:
    """A case's court-to-court transfers, oldest first."""
    return list(
        lib.db.query(
            "SELECT * FROM eoir_transfers WHERE case_id = ? ORDER BY transferred_on, idnproceeding",
            [case_id],
        )
    )


def _only(values: dict[str, Any], fields: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(values.get(k) for k in fields)
