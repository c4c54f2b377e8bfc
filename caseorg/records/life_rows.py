"""A case's life as another system's rows show it (EOIR's public data): proceedings,
addresses, counsel, custody, relief and motions written many at a time, audited, each
marked with where it came from (``origin``) and what of the source was kept as given
(``origin_note``: a code caseorg has no word for, a doubt about a column's meaning).

The clerk's functions (:func:`caseorg.records.add_proceeding` …) judge typed input
against the case (an appearance before the opening is refused); a source's record is
what that source says, so only what the schema demands is checked here: the allowed
choices, the days' form and their order. A row that fails is refused whole
(:class:`InvalidValue`), and the caller leaves the case unwritten.
"""

from __future__ import annotations

from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records.audited import insert_audited_many, update_audited
from caseorg.records.case_events import day, in_order
from caseorg.records.life_models import (
    ADDRESS_SOURCES,
    CUSTODY_STATUSES,
    DECISIONS,
    MOTION_GROUNDS,
    MOTION_KINDS,
    PARTIES,
    RELIEF_KINDS,
    RELIEF_OUTCOMES,
    RULINGS,
)
from caseorg.records.models import CASE_TYPES, CUSTODY
from caseorg.values import parse_choice

# table -> (audit entity, choice columns, day columns in the order they must fall)
LIFE_TABLES: dict[str, tuple[str, dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "proceedings": (
        "proceeding",
        {"case_type": CASE_TYPES, "custody": CUSTODY, "decision": DECISIONS},
        ("opened_on", "completed_on"),
    ),
    "addresses": ("address", {"source": (*ADDRESS_SOURCES, "none_provided")}, ("received_on",)),
    "representation": ("counsel", {}, ("from_on", "to_on")),
    "custody": ("custody", {"status": CUSTODY_STATUSES}, ("from_on", "to_on")),
    "relief_applications": (
        "relief",
        {"kind": RELIEF_KINDS, "outcome": RELIEF_OUTCOMES},
        ("filed_on", "decided_on"),
    ),
    "motions": (
        "motion",
        {"kind": MOTION_KINDS, "filed_by": PARTIES, "ground": MOTION_GROUNDS, "ruling": RULINGS},
        ("filed_on", "ruled_on"),
    ),
}


def _checked(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as stored: choices among the allowed, days as YYYY-MM-DD, in order."""
    if table not in LIFE_TABLES:
        raise InvalidValue(f"not a table of a case's life: {table!r}")
    _entity, choices, days = LIFE_TABLES[table]
    out = dict(values)
    for column, allowed in choices.items():
        if out.get(column) is not None:
            out[column] = parse_choice(out[column], allowed, column.replace("_", " "))
    for column in days:
        if out.get(column):
            out[column] = day(out[column], column.replace("_", " "))
    for first, then in zip(days, days[1:], strict=False):
        in_order(out.get(first), out.get(then), first.replace("_", " "), then.replace("_", " "))
    return out


def add_life_rows(
    lib: Library,
    table: str,
    case_id: int,
    rows: list[dict[str, Any]],
    origin: str,
    audit_each: bool = True,
) -> list[int]:
    """Add records of one case's life from ``origin``'s rows (one table; each row the
    same columns), audited (``audit_each`` False: the caller audits them with the rest of
    the import, :func:`caseorg.records.record_import`); their ids in order."""
    entity = LIFE_TABLES.get(table, ("",))[0]
    cleaned = [{"case_id": case_id, **_checked(table, row), "origin": origin} for row in rows]
    if len({tuple(row) for row in cleaned}) > 1:
        raise InvalidValue(f"rows of {table} with different columns")
    return insert_audited_many(lib, table, entity, cleaned, audit_each)


def update_life_row(lib: Library, table: str, row_id: int, fields: dict[str, Any]) -> None:
    """Apply the fields a source's row changed (None clears a field), audited."""
    entity = LIFE_TABLES.get(table, ("",))[0]
    update_audited(lib, table, entity, row_id, _checked(table, fields), entity)
