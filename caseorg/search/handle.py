"""The search index kept with an open library: opened on first use, reconciled, closed with it.

Its own module, without whoosh, so code that only asks "is the index open?" (the app's
first window) or hands the index on does not load the search engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from caseorg.errors import is_disk_full

if TYPE_CHECKING:
    from caseorg.library import Library
    from caseorg.search.engine import SearchIndex

INDEX_KEY = "search-index"


def index_of(lib: Library) -> SearchIndex:
    """The library's Whoosh page index, opened on first use and reconciled with SQLite then
    (a missing, old or corrupt index is rebuilt; a crash mid-import is healed)."""
    return lib.attached(INDEX_KEY, _open_reconciled)


def opened_index(lib: Library) -> SearchIndex | None:
    """The index if this library has opened it, else None (opening it is not free)."""
    return lib.attached_if_open(INDEX_KEY)


def _open_reconciled(lib: Library) -> SearchIndex:
    if lib.backend == "postgresql":  # a court library: the server searches its pages
        from caseorg.search.server_index import ServerIndex

        return cast("SearchIndex", ServerIndex(lib))
    from caseorg.search.engine import SearchIndex

    index = SearchIndex(lib)
    if not lib.read_only:
        try:
            index.reconcile()
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            # search what is indexed; the rest catches up once there is space
            lib.index_lag = "the disk is full: some pages are not searchable yet"
    return index
