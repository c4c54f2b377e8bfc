"""Exhibits as the record of proceedings keeps them: a document marked at a hearing with
its number, the party that offered it and its status (marked, admitted, excluded,
withdrawn); the case's list in record-of-proceedings order (hearing by hearing, then by
exhibit number, 2 before 10)."""

from __future__ import annotations

import re
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library, audit
from caseorg.records.audited import get_row
from caseorg.records.exhibits import link_document
from caseorg.records.life_models import EXHIBIT_STATUSES, OFFERED_BY
from caseorg.records.races import hold_case
from caseorg.values import parse_choice, require_text


def mark_exhibit(
    lib: Library,
    hearing_id: int,
    document_id: int,
    number: str,
    offered_by: str,
    status: str = "marked",
) -> dict[str, Any]:
    """Mark a document of the case as exhibit ``number`` at a hearing (or re-mark it:
    a new number, party or status), one audited transaction."""
    changes = {
        "exhibit": require_text(number, "exhibit number"),
        "offered_by": parse_choice(offered_by, OFFERED_BY, "offering party"),
        "status": parse_choice(status, EXHIBIT_STATUSES, "exhibit status"),
    }
    case_id = get_row(lib.db, "hearings", hearing_id, "hearing")["case_id"]
    lib.require_writable()
    with lib.db.atomic():
        hold_case(lib.db, case_id)  # two clerks giving one number at once: one at a time
        before = _link(lib, hearing_id, document_id)
        if before is None:
            link_document(lib, hearing_id, document_id, changes["exhibit"])
            before = _link(lib, hearing_id, document_id) or {}
        _refuse_taken_number(lib, hearing_id, document_id, changes["exhibit"])
        lib.db.execute(
            "UPDATE hearing_documents SET exhibit = ?, offered_by = ?, status = ?"
            " WHERE hearing_id = ? AND document_id = ?",
            [*changes.values(), hearing_id, document_id],
        )
        audit.record(
            lib.db,
            lib.actor,
            "mark_exhibit",
            "hearing",
            hearing_id,
            {"document_id": document_id, **before},
            {"document_id": document_id, **changes},
        )
    return {"hearing_id": hearing_id, "document_id": document_id, **changes}


def set_exhibit_status(
    lib: Library, hearing_id: int, document_id: int, status: str
) -> dict[str, Any]:
    """Admit, exclude or withdraw an exhibit already marked."""
    now = _link(lib, hearing_id, document_id)
    if now is None or not now["exhibit"]:
        raise InvalidValue(f"document {document_id} is not an exhibit at hearing {hearing_id}")
    return mark_exhibit(
        lib, hearing_id, document_id, now["exhibit"], now["offered_by"] or "court", status
    )


def _link(lib: Library, hearing_id: int, document_id: int) -> dict[str, Any] | None:
    rows = list(
        lib.db.query(
            "SELECT exhibit, offered_by, status FROM hearing_documents"
            " WHERE hearing_id = ? AND document_id = ?",
            [hearing_id, document_id],
        )
    )
    return rows[0] if rows else None


def _refuse_taken_number(lib: Library, hearing_id: int, document_id: int, number: str) -> None:
    case_id = get_row(lib.db, "hearings", hearing_id, "hearing")["case_id"]
    taken = list(
        lib.db.query(
            """SELECT hd.document_id FROM hearing_documents hd
               JOIN hearings h ON h.id = hd.hearing_id
               WHERE h.case_id = ? AND hd.exhibit = ? AND hd.document_id != ?""",
            [case_id, number, document_id],
        )
    )
    if taken:
        raise InvalidValue(f"exhibit {number} is already document {taken[0]['document_id']}")


def _number_key(number: str | None) -> tuple[Any, ...]:
    parts = re.split(r"(\d+)", number or "")
    return tuple(int(p) if p.isdigit() else p.casefold() for p in parts)


def exhibit_list(lib: Library, case_id: int) -> list[dict[str, Any]]:
    """The case's exhibits in record-of-proceedings order: hearing by hearing, then by
    number; each with the document's title, type and date and the hearing's day."""
    rows = list(
        lib.db.query(
            """SELECT hd.hearing_id, hd.document_id, hd.exhibit AS number, hd.offered_by,
                      hd.status, d.title, d.doc_type, d.filed_on, d.page_count,
                      h.starts_at AS hearing_starts_at, h.kind AS hearing_kind
               FROM hearing_documents hd
               JOIN hearings h ON h.id = hd.hearing_id
               JOIN documents d ON d.id = hd.document_id
               WHERE h.case_id = ? AND hd.exhibit IS NOT NULL""",
            [case_id],
        )
    )
    return sorted(rows, key=lambda r: (r["hearing_starts_at"], _number_key(r["number"])))
