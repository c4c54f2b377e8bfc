"""Exhibits: the documents of a case marked at one of its hearings, with their labels."""

from __future__ import annotations

from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library, audit
from caseorg.records.audited import get_row
from caseorg.values import optional_text


def link_document(
    lib: Library, hearing_id: int, document_id: int, exhibit: str | None = None
) -> None:
    """Attach a document to a hearing as an exhibit (e.g. 'Exh. 3')."""
    hearing = get_row(lib.db, "hearings", hearing_id, "hearing")
    document = get_row(lib.db, "documents", document_id, "document")
    if hearing["case_id"] != document["case_id"]:
        raise InvalidValue("that document belongs to another case")
    exists = list(
        lib.db.query(
            "SELECT 1 FROM hearing_documents WHERE hearing_id = ? AND document_id = ?",
            [hearing_id, document_id],
        )
    )
    if exists:
        raise InvalidValue("that document is already linked to this hearing")
    lib.require_writable()

    with lib.db.atomic():
        lib.db.execute(
            "INSERT INTO hearing_documents (hearing_id, document_id, exhibit) VALUES (?, ?, ?)",
            [hearing_id, document_id, optional_text(exhibit)],
        )
        audit.record(
            lib.db,
            lib.actor,
            "link_exhibit",
            "hearing",
            hearing_id,
            None,
            {"document_id": document_id, "exhibit": optional_text(exhibit)},
        )


def set_exhibits(lib: Library, hearing_id: int, exhibits: dict[int, str | None]) -> None:
    """Make the hearing's exhibits exactly ``exhibits`` ({document_id: label}).

    The edit dialog's checklist in one transaction: new documents are linked,
    unchecked ones unlinked, changed labels relabelled — one audit row each.
    """
    lib.require_writable()
    wanted = {int(doc_id): optional_text(label) for doc_id, label in exhibits.items()}
    with lib.db.atomic():
        current = {
            row["document_id"]: row["exhibit"]
            for row in lib.db.query(
                "SELECT document_id, exhibit FROM hearing_documents WHERE hearing_id = ?",
                [hearing_id],
            )
        }
        for doc_id in sorted(set(current) - set(wanted)):
            lib.db.execute(
                "DELETE FROM hearing_documents WHERE hearing_id = ? AND document_id = ?",
                [hearing_id, doc_id],
            )
            audit.record(
                lib.db,
                lib.actor,
                "unlink_exhibit",
                "hearing",
                hearing_id,
                {"document_id": doc_id, "exhibit": current[doc_id]},
                None,
            )
        for doc_id, label in sorted(wanted.items()):
            if doc_id not in current:
                link_document(lib, hearing_id, doc_id, label)
            elif current[doc_id] != label:
                lib.db.execute(
                    "UPDATE hearing_documents SET exhibit = ? "
                    "WHERE hearing_id = ? AND document_id = ?",
                    [label, hearing_id, doc_id],
                )
                audit.record(
                    lib.db,
                    lib.actor,
                    "relabel_exhibit",
                    "hearing",
                    hearing_id,
                    {"document_id": doc_id, "exhibit": current[doc_id]},
                    {"document_id": doc_id, "exhibit": label},
                )


def exhibits_for(lib: Library, hearing_id: int) -> list[dict[str, Any]]:
    return list(
        lib.db.query(
            """SELECT d.*, hd.exhibit FROM hearing_documents hd
               JOIN documents d ON d.id = hd.document_id
               WHERE hd.hearing_id = ? ORDER BY hd.exhibit, d.filed_on""",
            [hearing_id],
        )
    )
