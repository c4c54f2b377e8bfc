"""Representation: counsel of record (EOIR-28 appearances) from a day, to a day when
they withdrew or were replaced. Counsel of record on a day must be served notice."""

from __future__ import annotations

from caseorg.library import Library
from caseorg.records.audited import get_row
from caseorg.records.case_events import (
    add_record,
    case_row,
    change_record,
    day,
    document_of,
    in_order,
    not_before_opening,
    optional_day,
    rows_of,
)
from caseorg.records.life_models import Counsel
from caseorg.values import optional_text, require_text


def add_counsel(
    lib: Library,
    case_id: int,
    counsel: str,
    from_on: str,
    eoir_id: str | None = None,
    to_on: str | None = None,
    document_id: int | None = None,
) -> Counsel:
    """Record an appearance (EOIR-28) from ``from_on``, ended on ``to_on`` if given."""
    case = case_row(lib, case_id)
    start = day(from_on, "appearance date")
    end = optional_day(to_on, "withdrawal date")
    not_before_opening(case, start, "appearance")
    in_order(start, end, "the appearance", "withdrawal")
    values = {
        "case_id": case_id,
        "counsel": require_text(counsel, "counsel's name"),
        "eoir_id": optional_text(eoir_id),
        "from_on": start,
        "to_on": end,
        "document_id": document_of(lib, case_id, document_id),
    }
    return add_record(lib, "representation", "counsel", Counsel, values)


def end_counsel(lib: Library, counsel_id: int, to_on: str) -> Counsel:
    """Counsel withdrew (or was replaced) on ``to_on``."""
    row = get_row(lib.db, "representation", counsel_id, "counsel")
    end = day(to_on, "withdrawal date")
    in_order(row["from_on"], end, "the appearance", "withdrawal")
    return change_record(lib, "representation", "counsel", Counsel, counsel_id, {"to_on": end})


def list_counsel(lib: Library, case_id: int) -> list[Counsel]:
    return rows_of(lib, "representation", Counsel, case_id, "from_on")


def counsel_on(counsel: list[Counsel], when: str) -> list[Counsel]:
    """Counsel of record on day ``when`` (appeared on or before it, not yet withdrawn)."""
    on = when[:10]
    return [c for c in counsel if c.from_on <= on and (c.to_on is None or c.to_on > on)]
