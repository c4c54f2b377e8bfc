"""Saved searches: a named query with its filters, for the app's sidebar and the CLI.

Saving under an existing name replaces it (audited with the old query), so a
clerk refines "Pending asylum briefs" rather than collecting copies of it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library, audit, now_iso
from caseorg.records.models import DOC_TYPES, Record
from caseorg.records.races import taken_meanwhile, unique_failed
from caseorg.records.tags import normalise_tag
from caseorg.values import parse_a_number, parse_choice, require_text

MAX_NAME = 80
FILTER_KEYS = ("case", "type", "limit", "tag")


@dataclass
class SavedSearch(Record):
    id: int
    name: str
    query: str
    filters: dict[str, Any] = field(default_factory=dict)
    created_at: str | None = None
    updated_at: str | None = None


def clean_filters(filters: dict[str, Any] | None) -> dict[str, Any]:
    """Keep the filters that are set, validated: case (A-number), type, limit, tag."""
    out: dict[str, Any] = {}
    for key, value in (filters or {}).items():
        if value is None or value == "":
            continue
        if key not in FILTER_KEYS:
            raise InvalidValue(f"unknown search filter {key!r}: use {', '.join(FILTER_KEYS)}")
        if key == "case":
            out[key] = parse_a_number(str(value))
        elif key == "type":
            out[key] = parse_choice(str(value), DOC_TYPES, "document type")
        elif key == "limit":
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise InvalidValue(f"invalid limit {value!r}: use a whole number") from None
            if not 1 <= number <= 500:
                raise InvalidValue("the limit must be from 1 to 500")
            out[key] = number
        else:
            out[key] = normalise_tag(str(value))
    return out


def _from_row(row: dict[str, Any]) -> SavedSearch:
    try:
        filters = json.loads(row["filters_json"] or "{}")
    except ValueError:
        filters = {}
    return SavedSearch(
        id=row["id"],
        name=row["name"],
        query=row["query"],
        filters=filters if isinstance(filters, dict) else {},
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _name(name: str) -> str:
    text = " ".join(require_text(name, "a name for the search").split())
    if len(text) > MAX_NAME:
        raise InvalidValue(f"a search name can have at most {MAX_NAME} characters")
    return text


def save_search(
    lib: Library, name: str, query: str, filters: dict[str, Any] | None = None
) -> SavedSearch:
    """Save (or replace) the search called ``name``; names are matched case-insensitively.
    Another clerk saving the same new name at the same instant: this save replaces theirs,
    as it would a moment later (their row is seen once they commit)."""
    label = _name(name)
    text = require_text(query, "the search query")
    wanted = {"query": text, "filters_json": json.dumps(clean_filters(filters), sort_keys=True)}
    lib.require_writable()
    try:
        search_id = _save(lib, label, wanted)
    except sqlite3.IntegrityError as exc:
        if not unique_failed(exc, "saved_searches", "name"):
            raise
        search_id = _save(lib, label, wanted, again=True)
    return _from_row(
        next(iter(lib.db.query("SELECT * FROM saved_searches WHERE id = ?", [search_id])))
    )


def _save(lib: Library, label: str, wanted: dict[str, Any], *, again: bool = False) -> int:
    """Insert or update the saved search ``label`` (one audited transaction); its id.
    ``again``: the second try after another clerk's same new name, a unique refusal now is
    one line."""
    stamp = now_iso()
    taken = f"a search called {label!r} is being saved by another clerk: save it again"
    with taken_meanwhile("saved_searches", {"name": taken} if again else {}), lib.db.atomic():
        rows = list(lib.db.query("SELECT * FROM saved_searches WHERE name = ?", [label]))
        if rows:
            before = rows[0]
            changed = {k: v for k, v in wanted.items() if before[k] != v}
            if before["name"] != label:
                changed["name"] = label
            if changed:
                changed["updated_at"] = stamp
                assignments = ", ".join(f"{k} = ?" for k in changed)
                lib.db.execute(
                    f"UPDATE saved_searches SET {assignments} WHERE id = ?",
                    [*changed.values(), before["id"]],
                )
                audit.record(
                    lib.db,
                    lib.actor,
                    "update",
                    "saved_search",
                    before["id"],
                    {k: before[k] for k in changed},
                    changed,
                )
            search_id = before["id"]
        else:
            values = {"name": label, **wanted, "created_at": stamp, "updated_at": stamp}
            cursor = lib.db.execute(
                f"INSERT INTO saved_searches ({', '.join(values)}) "
                f"VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
            search_id = int(cursor.lastrowid or 0)
            audit.record(
                lib.db,
                lib.actor,
                "create",
                "saved_search",
                search_id,
                None,
                {"id": search_id, **values},
            )
    return int(search_id)


def get_saved_search(lib: Library, name: str) -> SavedSearch:
    rows = list(lib.db.query("SELECT * FROM saved_searches WHERE name = ?", [_name(name)]))
    if not rows:
        raise NotFound(f"no saved search called {name.strip()!r} (see 'caseorg saved-search list')")
    return _from_row(rows[0])


def list_saved_searches(lib: Library) -> list[SavedSearch]:
    """Every saved search, by name."""
    return [
        _from_row(row)
        for row in lib.db.query("SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE")
    ]


def delete_saved_search(lib: Library, name: str) -> None:
    """Forget a saved search (the audit keeps its query)."""
    found = get_saved_search(lib, name)
    lib.require_writable()
    with lib.db.atomic():
        row = next(iter(lib.db.query("SELECT * FROM saved_searches WHERE id = ?", [found.id])))
        lib.db.execute("DELETE FROM saved_searches WHERE id = ?", [found.id])
        audit.record(lib.db, lib.actor, "delete", "saved_search", found.id, dict(row), None)
