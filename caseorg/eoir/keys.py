"""What earlier EOIR imports wrote: which record each EOIR key made and with what values,
so a re-import adds nothing and changes only what the data changed.

Stored through :mod:`caseorg.records.external_keys`. A national release makes millions
of keys, so they are not all held in memory: the writer loads one case's keys before
writing it (:meth:`KnownKeys.load_case`) and lets them go after each commit
(:meth:`KnownKeys.release`); only the case ids imported before are kept for the run.
The keys a case adds are journalled so that when its transaction rolls back, memory
forgets them too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from caseorg.library import Library
from caseorg.records import find_keys, find_keys_under, key_names, remember_keys

# what a case's own keys start with ("<IDNCASE>:…"): its reassignments, transfers and
# the records of its life (by table: caseorg.eoir.life)
CASE_PREFIXED_KINDS = (
    "reassignment",
    "transfer",
    "proceedings",
    "addresses",
    "representation",
    "custody",
    "relief_applications",
    "motions",
)


class KnownKeys:
    """The (kind, key) → (record id, values written) of one source, loaded as needed."""

    def __init__(self, lib: Library, source: str):
        self.lib = lib
        self.source = source
        self.keys: dict[tuple[str, str], tuple[int, str | None]] = {}
        self.absent: set[tuple[str, str]] = set()  # looked up: not remembered
        self.cases = key_names(lib, source, "case")  # IDNCASEs imported before
        self.fresh: str | None = None  # a case loaded that was never imported: no keys
        self._journal: list[tuple[tuple[str, str], tuple[int, str | None] | None]] = []
        # while ``defer``: a case's rows wait for :meth:`case_done`, the batch's for
        # :meth:`flush` (one statement per kind and batch, not per case)
        self.defer = False
        self._case_rows: dict[str, list[tuple[str, int, str]]] = {}
        self._batch_rows: dict[str, list[tuple[str, int, str]]] = {}

    def __contains__(self, item: tuple[str, str]) -> bool:
        if item[0] == "case":
            return item[1] in self.cases
        return self._lookup(item) is not None

    def _lookup(self, item: tuple[str, str]) -> tuple[int, str | None] | None:
        if item in self.keys:
            return self.keys[item]
        if item in self.absent:
            return None
        if self.fresh and item[0] in CASE_PREFIXED_KINDS and item[1].startswith(self.fresh):
            return None
        found = find_keys(self.lib, self.source, item[0], [item[1]]).get(item)
        if found is None:
            self.absent.add(item)
        else:
            self.keys[item] = found
        return found

    def load_case(self, idncase: str, hearing_keys: Sequence[str]) -> None:
        """Fetch a case's keys in a few queries (not one per hearing); none for a case
        never imported (its hearings' ids are EOIR's, unique to it)."""
        wanted = {("case", idncase), ("case_judge", idncase)}
        wanted |= {("hearing", key) for key in hearing_keys}
        if idncase not in self.cases:
            self.absent |= wanted
            self.fresh = f"{idncase}:"
            return
        self.fresh = None
        found = find_keys(self.lib, self.source, "hearing", list(hearing_keys))
        for kind in ("case", "case_judge"):
            found.update(find_keys(self.lib, self.source, kind, [idncase]))
        found.update(find_keys_under(self.lib, self.source, CASE_PREFIXED_KINDS, f"{idncase}:"))
        self.keys.update(found)
        self.absent |= wanted - set(found)

    def release(self) -> None:
        """Let go of what was loaded (after a commit: nothing to roll back)."""
        self.keys = {k: v for k, v in self.keys.items() if k[0] == "judge"}
        self.absent = set()
        self.fresh = None
        self._journal = []

    def previous(self, kind: str, key: str) -> tuple[int | None, dict[str, Any]]:
        """The record ``key`` made and the values written then (None, {} if new)."""
        known = self._lookup((kind, key))
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
            before = self._lookup((kind, key))
            if before == (entity_id, fingerprint):
                continue  # stored already, just so
            rows.append((key, entity_id, fingerprint))
            self._journal.append(((kind, key), before))
            self.keys[(kind, key)] = (entity_id, fingerprint)
            self.absent.discard((kind, key))
            if kind == "case":
                self.cases.add(key)
        if rows and self.defer:
            self._case_rows.setdefault(kind, []).extend(rows)
        elif rows:
            remember_keys(self.lib, self.source, kind, rows)

    def case_done(self) -> None:
        """The case was written: its keys join the batch's, stored by :meth:`flush`."""
        for kind, rows in self._case_rows.items():
            self._batch_rows.setdefault(kind, []).extend(rows)
        self._case_rows = {}

    def flush(self) -> None:
        """Store the batch's keys (in the batch's transaction, before its commit)."""
        for kind, rows in self._batch_rows.items():
            remember_keys(self.lib, self.source, kind, rows)
        self._batch_rows = {}

    def begin(self) -> None:
        """Start journalling one case's keys."""
        self._journal = []
        self._case_rows = {}

    def forget_since_begin(self) -> None:
        """The case's transaction rolled back: forget what it remembered."""
        for item, before in reversed(self._journal):
            if before is None:
                self.keys.pop(item, None)
                self.absent.add(item)
                if item[0] == "case":
                    self.cases.discard(item[1])
            else:
                self.keys[item] = before
        self._journal = []
        self._case_rows = {}
