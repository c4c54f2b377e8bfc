"""What earlier EOIR imports wrote, held in memory for one run: which record each EOIR
key made and with what values, so a re-import adds nothing and changes only what the
data changed.

Stored through :mod:`caseorg.records.external_keys`; the keys a case adds are journalled
so that when its transaction rolls back, memory forgets them too.
"""

from __future__ import annotations

import json
from typing import Any

from caseorg.library import Library
from caseorg.records import imported_keys, remember_keys


class KnownKeys:
    """The (kind, key) → (record id, values written) of one source."""

    def __init__(self, lib: Library, source: str):
        self.lib = lib
        self.source = source
        self.keys = imported_keys(lib, source)
        self._journal: list[tuple[tuple[str, str], tuple[int, str | None] | None]] = []

    def __contains__(self, item: tuple[str, str]) -> bool:
        return item in self.keys

    def owners(self, kind: str) -> dict[int, str]:
        """Record id → key, for one kind (which IDNCASE made which case)."""
        return {entity_id: key for (k, key), (entity_id, _f) in self.keys.items() if k == kind}

    def previous(self, kind: str, key: str) -> tuple[int | None, dict[str, Any]]:
        """The record ``key`` made and the values written then (None, {} if new)."""
        known = self.keys.get((kind, key))
        if known is None:
            return None, {}
        entity_id, fingerprint = known
        try:
            return entity_id, json.loads(fingerprint or "{}")
        except ValueError:
            return entity_id, {}

    def remember(self, kind: str, key: str, entity_id: int, values: dict[str, Any]) -> None:
        """Store that ``key`` made ``entity_id`` with ``values`` (in the caller's
        transaction)."""
        self.remember_many(kind, [(key, entity_id, values)])

    def remember_many(self, kind: str, items: list[tuple[str, int, dict[str, Any]]]) -> None:
        """:meth:`remember` for many keys of one kind, in one statement."""
        rows = []
        for key, entity_id, values in items:
            fingerprint = json.dumps(values, sort_keys=True, default=str)
            if self.keys.get((kind, key)) == (entity_id, fingerprint):
                continue  # stored already, just so
            rows.append((key, entity_id, fingerprint))
            self._journal.append(((kind, key), self.keys.get((kind, key))))
            self.keys[(kind, key)] = (entity_id, fingerprint)
        if rows:
            remember_keys(self.lib, self.source, kind, rows)

    def begin(self) -> None:
        """Start journalling one case's keys."""
        self._journal = []

    def forget_since_begin(self) -> None:
        """The case's transaction rolled back: forget what it remembered."""
        for item, before in reversed(self._journal):
            if before is None:
                self.keys.pop(item, None)
            else:
                self.keys[item] = before
        self._journal = []
