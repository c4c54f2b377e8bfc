"""How much a library holds: cases, documents and their pages (the window's status bar).

Two counting queries, cheap enough to run on the UI thread after every write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from caseorg.library import Library


class LibraryTotals(NamedTuple):
    cases: int
    documents: int
    pages: int


def library_totals(lib: Library) -> LibraryTotals:
    """Cases, documents and pages in ``lib`` (read-only libraries too)."""
    cases = int(lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    documents, pages = lib.conn.execute(
        "SELECT count(*), coalesce(sum(page_count), 0) FROM documents"
    ).fetchone()
    return LibraryTotals(cases, int(documents), int(pages))
