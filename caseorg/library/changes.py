"""What changed in ``pages`` since the search index last caught up, so that opening a
library costs what changed, not what it holds (issue 15).

Triggers on ``pages`` (migration m012) keep ``page_changes``: one row per document whose
pages were added, deleted or had their text changed, with a rising ``seq``. The index
folder remembers the ``seq`` it has caught up to (and which database's log it was:
``meta.page_changes_log``) in :data:`MARKS_FILE`. A clean open reads two numbers and
that file. When they disagree about which log, or the index has no marks (new,
rebuilt, from an older caseorg), the caller walks everything, as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caseorg.library.folder import Library

MARKS_FILE = "caseorg-changes.json"
LOG_KEY = "page_changes_log"
PRUNED_KEY = "page_changes_pruned"  # the log is forgotten up to this seq


@dataclass
class PageChanges:
    """The documents whose pages changed since the index's marks; ``documents`` is None
    when the marks cannot say (walk everything)."""

    lib: Library
    folder: Path
    log: str | None
    seq: int
    documents: list[int] | None

    @property
    def clean(self) -> bool:
        return self.documents == []

    def with_text(self) -> set[int]:
        """Those of :attr:`documents` that have some page text now (one indexed read each)."""
        found = set()
        for doc_id in self.documents or ():
            row = self.lib.conn.execute(
                "SELECT 1 FROM pages WHERE document_id = ? AND text != '' LIMIT 1", [doc_id]
            ).fetchone()
            if row:
                found.add(doc_id)
        return found

    def remember(self) -> None:
        """The index has caught up to :attr:`seq`: write the marks, forget the log up to it.

        Call only after the index holds every change up to ``seq`` (changes made since are
        kept in the log, with a higher ``seq``, for the next open)."""
        if self.log is None or self.lib.read_only:
            return
        marks = self.folder / MARKS_FILE
        fresh = marks.with_name(MARKS_FILE + ".tmp")
        fresh.write_text(json.dumps({"log": self.log, "seq": self.seq}))
        os.replace(fresh, marks)
        with self.lib.conn:
            self.lib.conn.execute("DELETE FROM page_changes WHERE seq <= ?", [self.seq])
            self.lib.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [PRUNED_KEY, self.seq]
            )


def log_position(lib: Library) -> tuple[str | None, int, int]:
    """This database's change log: its name, the last ``seq`` handed out and the ``seq``
    it is forgotten up to."""
    conn = lib.conn
    try:
        meta = dict(
            conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", [LOG_KEY, PRUNED_KEY])
        )
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'page_changes'").fetchone()
    except sqlite3.Error:  # a library from before m012 (read-only, not migrated)
        return None, 0, 0
    return meta.get(LOG_KEY), (int(row[0]) if row else 0), int(meta.get(PRUNED_KEY) or 0)


def changes_since(lib: Library, folder: Path) -> PageChanges:
    """What changed since the index in ``folder`` last caught up (see the module doc)."""
    log, seq, pruned = log_position(lib)
    marks: dict[str, object] = {}
    with contextlib.suppress(OSError, ValueError):
        marks = json.loads((folder / MARKS_FILE).read_text())
    seen = marks.get("seq")
    if log is None or marks.get("log") != log or not isinstance(seen, int):
        return PageChanges(lib, folder, log, seq, None)
    if seen > seq or seen < pruned:  # another database's log, or forgotten past the marks
        return PageChanges(lib, folder, log, seq, None)
    if seen == seq:
        return PageChanges(lib, folder, log, seq, [])
    rows = lib.conn.execute(
        "SELECT document_id FROM page_changes WHERE seq > ? AND seq <= ? ORDER BY document_id",
        [seen, seq],
    )
    return PageChanges(lib, folder, log, seq, [row[0] for row in rows])


def index_in_step(lib: Library, folder: Path) -> bool:
    """Has the index in ``folder`` caught up with every page change? (O(1): the marks.)"""
    return changes_since(lib, folder).clean
