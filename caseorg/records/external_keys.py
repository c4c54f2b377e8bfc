"""Keys of records made from another system's data, and what was written under each.

A re-import finds a row by the source's own key (EOIR's IDNCASE, IDNSCHEDULE, …) and
updates the record it made instead of adding a second one; the fingerprint (the values
written, as JSON) tells which source fields changed since, so local edits to the others
stay. Bookkeeping, not a court record: no audit row (the record it points at has its own).
"""

from __future__ import annotations

from collections.abc import Sequence

from caseorg.library import Library

# (kind, key) -> (entity id, fingerprint)
Keys = dict[tuple[str, str], tuple[int, str | None]]


def imported_keys(lib: Library, source: str) -> Keys:
    """Every key remembered for ``source`` (one query: an import reads them all first)."""
    return {
        (row["kind"], row["key"]): (row["entity_id"], row["fingerprint"])
        for row in lib.db.query(
            "SELECT kind, key, entity_id, fingerprint FROM external_keys WHERE source = ?",
            [source],
        )
    }


def find_keys(lib: Library, source: str, kind: str, keys: Sequence[str]) -> Keys:
    """The links of these keys of one kind (those remembered), a few hundred a query."""
    found: Keys = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for key, entity_id, fingerprint in lib.db.execute(
            "SELECT key, entity_id, fingerprint FROM external_keys "
            f"WHERE source = ? AND kind = ? AND key IN ({marks})",
            [source, kind, *chunk],
        ):
            found[(kind, key)] = (entity_id, fingerprint)
    return found


def find_keys_under(lib: Library, source: str, kinds: Sequence[str], prefix: str) -> Keys:
    """The links of keys that start with ``prefix`` (e.g. one case's ``"4001003:"``)."""
    found: Keys = {}
    for kind in kinds:
        for key, entity_id, fingerprint in lib.db.execute(
            "SELECT key, entity_id, fingerprint FROM external_keys "
            "WHERE source = ? AND kind = ? AND key >= ? AND key < ?",
            [source, kind, prefix, prefix + "\U0010ffff"],
        ):
            found[(kind, key)] = (entity_id, fingerprint)
    return found


def key_names(lib: Library, source: str, kind: str) -> set[str]:
    """Every key of one kind remembered for ``source`` (without what they made)."""
    rows = lib.db.execute(
        "SELECT key FROM external_keys WHERE source = ? AND kind = ?", [source, kind]
    )
    return {key for (key,) in rows}


def remember_keys(
    lib: Library, source: str, kind: str, items: Sequence[tuple[str, int, str | None]]
) -> None:
    """Link many of ``source``'s keys of one kind, ``(key, entity id, fingerprint)`` each,
    in one statement (:func:`remember_key` for each, at import speed)."""
    lib.require_writable()
    lib.db.conn.executemany(
        "INSERT INTO external_keys (source, kind, key, entity_id, fingerprint) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source, kind, key) DO UPDATE SET "
        "entity_id = excluded.entity_id, fingerprint = excluded.fingerprint",
        [(source, kind, key, entity_id, fingerprint) for key, entity_id, fingerprint in items],
    )


def remember_key(
    lib: Library, source: str, kind: str, key: str, entity_id: int, fingerprint: str | None
) -> None:
    """Link ``source``'s ``key`` to ``entity_id`` (replacing an earlier link) in the
    caller's transaction, so a rolled-back record leaves no key behind."""
    remember_keys(lib, source, kind, [(key, entity_id, fingerprint)])
