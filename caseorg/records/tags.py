"""Free tags on cases and documents ('pro-se', 'detained-docket', 'key-evidence').

A tag is one word: typed text is lower-cased and its spaces become hyphens, so
'Pro Se' and 'pro-se' are the same tag and ``tag:pro-se`` finds it in search.
Adding or removing a tag is audited against the case or document it is on.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library, audit, now_iso
from caseorg.records.audited import get_row
from caseorg.records.races import unique_failed
from caseorg.search import index_of

ENTITIES = {
    "case": ("cases", "case_tags", "case_id"),
    "document": ("documents", "document_tags", "document_id"),
}
MAX_TAG = 40
_ALLOWED = re.compile(r"^[\w][\w.\-/]*$")


def normalise_tag(text: str) -> str:
    """'  Pro Se ' -> 'pro-se'; refuses what could not be a search term."""
    tag = "-".join((text or "").strip().lower().split())
    if not tag:
        raise InvalidValue("a tag cannot be empty")
    if len(tag) > MAX_TAG:
        raise InvalidValue(f"tag {tag!r} is too long: at most {MAX_TAG} characters")
    if not _ALLOWED.match(tag):
        raise InvalidValue(
            f"invalid tag {text.strip()!r}: use letters, digits, '-', '_', '.' or '/'"
        )
    return tag


def _tables(entity: str) -> tuple[str, str, str]:
    if entity not in ENTITIES:
        raise InvalidValue(f"tags go on a case or a document, not a {entity!r}")
    return ENTITIES[entity]


def tags_of(lib: Library, entity: str, entity_id: int) -> list[str]:
    """The tags on one case or document, alphabetically."""
    _table, tag_table, column = _tables(entity)
    return [
        row["tag"]
        for row in lib.db.query(
            f"SELECT tag FROM {tag_table} WHERE {column} = ? ORDER BY tag", [entity_id]
        )
    ]


def add_tag(lib: Library, entity: str, entity_id: int, tag: str) -> list[str]:
    """Put ``tag`` on a case or document (no-op if it is there); returns its tags."""
    table, tag_table, column = _tables(entity)
    name = normalise_tag(tag)
    lib.require_writable()
    get_row(lib.db, table, entity_id, entity)
    try:
        with lib.db.atomic():
            exists = lib.db.execute(
                f"SELECT 1 FROM {tag_table} WHERE {column} = ? AND tag = ?", [entity_id, name]
            ).fetchone()
            if not exists:
                lib.db.execute(
                    f"INSERT INTO {tag_table} ({column}, tag, added_at) VALUES (?, ?, ?)",
                    [entity_id, name, now_iso()],
                )
                audit.record(lib.db, lib.actor, "tag", entity, entity_id, None, {"tag": name})
    except sqlite3.IntegrityError as exc:
        if not unique_failed(exc, tag_table, f"{column}, tag"):
            raise
        # another clerk put the same tag on at the same instant: it is there, as asked
    _reindex(lib, entity, [entity_id])
    return tags_of(lib, entity, entity_id)


def remove_tag(lib: Library, entity: str, entity_id: int, tag: str) -> list[str]:
    """Take ``tag`` off a case or document; NotFound if it is not on it."""
    table, tag_table, column = _tables(entity)
    name = normalise_tag(tag)
    lib.require_writable()
    get_row(lib.db, table, entity_id, entity)
    with lib.db.atomic():
        cursor = lib.db.execute(
            f"DELETE FROM {tag_table} WHERE {column} = ? AND tag = ?", [entity_id, name]
        )
        if not cursor.rowcount:
            raise NotFound(f"{entity} {entity_id} has no tag {name!r}")
        audit.record(lib.db, lib.actor, "untag", entity, entity_id, {"tag": name}, None)
    _reindex(lib, entity, [entity_id])
    return tags_of(lib, entity, entity_id)


def all_tags(lib: Library) -> list[dict[str, Any]]:
    """Every tag in use with how many cases and documents carry it (for a sidebar)."""
    counts: dict[str, dict[str, Any]] = {}
    for entity, (_table, tag_table, _column) in ENTITIES.items():
        for row in lib.db.query(f"SELECT tag, count(*) AS n FROM {tag_table} GROUP BY tag"):
            item = counts.setdefault(row["tag"], {"tag": row["tag"], "cases": 0, "documents": 0})
            item["cases" if entity == "case" else "documents"] = row["n"]
    return [counts[t] for t in sorted(counts)]


def case_ids_with_tag(lib: Library, tag: str) -> list[int]:
    name = normalise_tag(tag)
    return [
        row["case_id"]
        for row in lib.db.query(
            "SELECT case_id FROM case_tags WHERE tag = ? ORDER BY case_id", [name]
        )
    ]


def _document_ids(lib: Library, entity: str, ids: Iterable[int]) -> list[int]:
    if entity == "document":
        return list(ids)
    wanted = list(ids)
    marks = ",".join("?" * len(wanted))
    return [
        row["id"]
        for row in lib.db.query(f"SELECT id FROM documents WHERE case_id IN ({marks})", wanted)
    ]


def _reindex(lib: Library, entity: str, ids: Iterable[int]) -> None:
    """Refresh the search entries that carry these tags (``tag:`` in search)."""
    documents = _document_ids(lib, entity, ids)
    if documents:
        index_of(lib).index_documents(documents)
