"""What the records of a case's life share: the case and its dates, a document of the
same case, a proceeding of the same case, and dates in the order they happened.

Each rule refuses (:class:`InvalidValue`, one line) rather than keeping a record that
cannot be true: a change of address received before the case was opened, a motion
ruled on before it was filed, a document of another case.
"""

from __future__ import annotations

from typing import Any, TypeVar

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records.audited import get_row, insert_audited, update_audited
from caseorg.rows import Record
from caseorg.values import parse_choice, parse_date
from caseorg.words import us_date

R = TypeVar("R", bound=Record)


def day(value: str, what: str) -> str:
    """A typed date as stored (YYYY-MM-DD)."""
    return parse_date(value, what).isoformat()


def optional_day(value: str | None, what: str) -> str | None:
    return day(value, what) if value else None


def case_row(lib: Library, case_id: int) -> dict[str, Any]:
    return get_row(lib.db, "cases", case_id, "case")


def not_before_opening(case: dict[str, Any], when: str, what: str) -> None:
    """Refuse ``what`` dated before the case was opened."""
    opened = case.get("opened_on")
    if opened and when < opened[:10]:
        raise InvalidValue(
            f"{what} {us_date(when)} is before the case was opened ({us_date(opened)})"
        )


def in_order(first: str | None, then: str | None, first_what: str, then_what: str) -> None:
    """Refuse ``then`` dated before ``first`` ("a motion ruled on before it was filed")."""
    if first and then and then < first:
        raise InvalidValue(f"{then_what} {us_date(then)} is before {first_what} {us_date(first)}")


def document_of(lib: Library, case_id: int, document_id: int | None) -> int | None:
    """``document_id`` when it is a document of the case (None stays None)."""
    if document_id is None:
        return None
    document = get_row(lib.db, "documents", document_id, "document")
    if document["case_id"] != case_id:
        raise InvalidValue(f"document {document_id} belongs to another case")
    return document_id


def proceeding_of(lib: Library, case_id: int, proceeding_id: int | None) -> int | None:
    """The proceeding a record belongs to: the one given (of this case), else the case's
    latest opened, else None."""
    if proceeding_id is not None:
        row = get_row(lib.db, "proceedings", proceeding_id, "proceeding")
        if row["case_id"] != case_id:
            raise InvalidValue(f"proceeding {proceeding_id} belongs to another case")
        return proceeding_id
    found = lib.db.execute(
        "SELECT id FROM proceedings WHERE case_id = ? ORDER BY opened_on DESC, id DESC LIMIT 1",
        [case_id],
    ).fetchone()
    return found[0] if found else None


def choice_or_none(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    return parse_choice(value, allowed, what) if value else None


def add_record(lib: Library, table: str, entity: str, cls: type[R], values: dict[str, Any]) -> R:
    """Insert, audited, and read the row back as ``cls``."""
    row_id = insert_audited(lib, table, entity, values)
    return cls(**get_row(lib.db, table, row_id, entity))


def change_record(
    lib: Library, table: str, entity: str, cls: type[R], row_id: int, changes: dict[str, Any]
) -> R:
    """Update, audited, and read the row back as ``cls``."""
    return cls(**update_audited(lib, table, entity, row_id, changes, entity))


def rows_of(lib: Library, table: str, cls: type[R], case_id: int, order: str) -> list[R]:
    """A case's rows of ``table`` as ``cls``, in ``order`` (column names), then by id."""
    sql = f"SELECT * FROM {table} WHERE case_id = ? ORDER BY {order}, id"
    return [cls(**row) for row in lib.db.query(sql, [case_id])]


def filed_values(
    lib: Library,
    case_id: int,
    filed_on: str,
    settled: tuple[str, str | None],
    what: str,
    proceeding_id: int | None,
    document_id: int | None,
) -> dict[str, Any]:
    """The shared fields of something filed in a case and later decided (relief, motion,
    appeal): filed on or after the opening, decided on or after the filing; ``settled``
    is (the field of the decision day, the day or None)."""
    case = case_row(lib, case_id)
    filed = day(filed_on, "filing date")
    settled_field, settled_on = settled
    settled_day = optional_day(settled_on, "decision date")
    not_before_opening(case, filed, f"{what} filed")
    in_order(filed, settled_day, f"the {what} was filed", "decided")
    return {
        "case_id": case_id,
        "proceeding_id": proceeding_of(lib, case_id, proceeding_id),
        "filed_on": filed,
        settled_field: settled_day,
        "document_id": document_of(lib, case_id, document_id),
    }


def settle(
    lib: Library,
    table: str,
    entity: str,
    cls: type[R],
    row_id: int,
    result: tuple[str, str, tuple[str, ...]],
    date_field: str,
    on: str | None,
) -> R:
    """Record how something filed was decided: ``result`` is (field, value, allowed);
    the day ``on`` is refused before the filing."""
    field, value, allowed = result
    row = get_row(lib.db, table, row_id, entity)
    settled = optional_day(on, "decision date")
    in_order(row["filed_on"], settled, f"the {entity} was filed", "decided")
    changes = {field: parse_choice(value, allowed, f"{entity} {field}"), date_field: settled}
    return change_record(lib, table, entity, cls, row_id, changes)
