"""Notes on cases, documents and hearings: short dated texts by their author.

Notes are appended in time order; a note can be corrected or deleted, and each
change is audited with the text before it, so nothing typed is ever lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library, audit, now_iso
from caseorg.records.audited import get_row, insert_audited, update_audited
from caseorg.records.models import Record
from caseorg.search import index_of
from caseorg.values import require_text

ENTITIES = {"case": "cases", "document": "documents", "hearing": "hearings"}
MAX_NOTE = 20_000


@dataclass
class Note(Record):
    id: int
    case_id: int
    entity: str  # case | document | hearing
    entity_id: int
    text: str
    author: str
    created_at: str
    updated_at: str | None = None


def _case_of(lib: Library, entity: str, entity_id: int) -> int:
    if entity not in ENTITIES:
        raise InvalidValue(f"notes go on a case, document or hearing, not a {entity!r}")
    row = get_row(lib.db, ENTITIES[entity], entity_id, entity)
    return int(row["id"] if entity == "case" else row["case_id"])


def _text(text: str) -> str:
    body = require_text(text, "note text")
    if len(body) > MAX_NOTE:
        raise InvalidValue(f"a note can have at most {MAX_NOTE} characters")
    return body


def add_note(lib: Library, entity: str, entity_id: int, text: str) -> Note:
    """Append a note to a case, document or hearing; the author is the library's user."""
    case_id = _case_of(lib, entity, entity_id)
    values: dict[str, Any] = {
        "case_id": case_id,
        "entity": entity,
        "entity_id": entity_id,
        "text": _text(text),
        "author": lib.actor,
        "created_at": now_iso(),
    }
    note_id = insert_audited(lib, "notes", "note", values)
    _reindex(lib, case_id)
    return get_note(lib, note_id)


def edit_note(lib: Library, note_id: int, text: str) -> Note:
    """Correct a note's text (the old text stays in the audit trail)."""
    row = update_audited(
        lib, "notes", "note", note_id, {"text": _text(text), "updated_at": now_iso()}, "note"
    )
    _reindex(lib, row["case_id"])
    return Note(**row)


def delete_note(lib: Library, note_id: int) -> None:
    """Remove a note; the audit row keeps what it said."""
    lib.require_writable()
    with lib.db.atomic():
        row = get_row(lib.db, "notes", note_id, "note")
        lib.db.execute("DELETE FROM notes WHERE id = ?", [note_id])
        audit.record(lib.db, lib.actor, "delete", "note", note_id, dict(row), None)
    _reindex(lib, row["case_id"])


def get_note(lib: Library, note_id: int) -> Note:
    return Note(**get_row(lib.db, "notes", note_id, "note"))


def list_notes(
    lib: Library,
    case_id: int | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
) -> list[Note]:
    """Notes oldest first; ``case_id`` gathers the case's own notes and those on its
    documents and hearings."""
    where: list[str] = []
    params: list[Any] = []
    if case_id is not None:
        where.append("case_id = ?")
        params.append(case_id)
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    sql = "SELECT * FROM notes" + (" WHERE " + " AND ".join(where) if where else "")
    return [Note(**row) for row in lib.db.query(sql + " ORDER BY created_at, id", params)]


def search_notes(lib: Library, text: str, case_id: int | None = None) -> list[Note]:
    """Notes containing every word of ``text`` (any case), newest first."""
    words = require_text(text, "text to find").split()
    where = ["text LIKE ? ESCAPE '\\'" for _ in words]
    params: list[Any] = [
        "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words
    ]
    if case_id is not None:
        where.append("case_id = ?")
        params.append(case_id)
    sql = "SELECT * FROM notes WHERE " + " AND ".join(where) + " ORDER BY created_at DESC, id DESC"
    return [Note(**row) for row in lib.db.query(sql, params)]


def _reindex(lib: Library, case_id: int) -> None:
    """Refresh the case's search entries, which carry its notes (``note:`` in search)."""
    ids = [r["id"] for r in lib.db.query("SELECT id FROM documents WHERE case_id = ?", [case_id])]
    if ids:
        index_of(lib).index_documents(ids)
