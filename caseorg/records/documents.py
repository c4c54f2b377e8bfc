"""Documents of a case: their details (type, title, filed date, filer) and pages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from caseorg.library import Library
from caseorg.records.audited import get_row, update_audited
from caseorg.records.models import DOC_TYPES, FILERS, Document
from caseorg.search import index_of
from caseorg.values import parse_choice, parse_date, require_text

_TYPE_HINTS = (
    (r"\bnta\b|notice[ _-]*to[ _-]*appear", "notice_to_appear"),
    (r"hearing[ _-]*notice|notice[ _-]*of[ _-]*hearing", "hearing_notice"),
    (r"\bbrief\b", "brief"),
    (r"\bmotion\b", "motion"),
    (r"\bdecision\b|\bdecided\b", "decision"),
    (r"\border\b", "order"),
    (r"\bexhibit\b|\bevidence\b|affidavit|declaration", "evidence"),
    (r"\bletter\b|correspondence", "correspondence"),
)


def guess_doc_type(name: str) -> str:
    """A first guess from the file name ('Respondent_Brief.pdf' -> brief); editable later."""
    words = re.sub(r"[_\-.]+", " ", name.lower())
    for pattern, doc_type in _TYPE_HINTS:
        if re.search(pattern, words):
            return doc_type
    return "other"


# control characters (a newline in a file name forged a line in `document list`) and
# bidi overrides (a right-to-left override shows a title backwards): never in a title
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+")


def plain_title(text: str) -> str:
    """``text`` without control or bidi characters, on one line."""
    return re.sub(r"\s+", " ", _UNSHOWABLE.sub(" ", text)).strip()


def title_from_name(name: str) -> str:
    stem = Path(name).stem
    return plain_title(re.sub(r"[_]+", " ", stem)) or plain_title(name) or "untitled"


def get_document(lib: Library, document_id: int) -> Document:
    return Document(**get_row(lib.db, "documents", document_id, "document"))


def list_documents(lib: Library, case_id: int) -> list[Document]:
    return [
        Document(**row)
        for row in lib.db.query(
            "SELECT * FROM documents WHERE case_id = ? ORDER BY filed_on, id", [case_id]
        )
    ]


def document_path(lib: Library, document_id: int) -> Path:
    """Where the stored copy of a document lives (for the viewer)."""
    return lib.store.path_for(get_document(lib, document_id).sha256)


def page_text(lib: Library, document_id: int, page_no: int) -> str:
    rows = list(
        lib.db.query(
            "SELECT text FROM pages WHERE document_id = ? AND page_no = ?", [document_id, page_no]
        )
    )
    return rows[0]["text"] if rows else ""


def edit_document(lib: Library, document_id: int, **fields: Any) -> Document:
    """Change type, title, filed date or filer; the index entry follows."""
    changes: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key == "doc_type":
            changes[key] = parse_choice(value, DOC_TYPES, "document type")
            changes["type_guessed"] = 0  # someone said so: no longer a guess
        elif key == "filed_by":
            changes[key] = parse_choice(value, FILERS, "filer")
        elif key == "filed_on":
            changes[key] = parse_date(value, "filed date").isoformat()
        elif key == "title":
            changes[key] = require_text(plain_title(value or ""), "title")
        else:
            raise ValueError(f"unknown document field {key!r}")
    if changes:
        update_audited(lib, "documents", "document", document_id, changes, "document")
        index_of(lib).index_documents([document_id])
    return get_document(lib, document_id)


def edit_documents(lib: Library, document_ids: Sequence[int], **fields: Any) -> list[Document]:
    """The same change to several documents (the CLI's ``document edit 12 13 14`` and the
    app's multi-edit): every id is checked first, so a typo writes nothing; then one
    audited write per document, through :func:`edit_document`."""
    ids = list(dict.fromkeys(document_ids))
    for document_id in ids:
        get_document(lib, document_id)
    return [edit_document(lib, document_id, **fields) for document_id in ids]
