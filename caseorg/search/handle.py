"""The search index kept with an open library: opened on first use, reconciled, closed with it.

Its own module, without an engine, so code that only asks "is the index open?" (the app's
first window) or hands the index on does not load the search engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from caseorg.errors import is_disk_full

if TYPE_CHECKING:
    from caseorg.library import Library
    from caseorg.progress import ProgressCallback
    from caseorg.search.seam import SearchIndex

INDEX_KEY = "search-index"


def index_of(lib: Library) -> SearchIndex:
    """The library's search index (its engine), opened on first use and reconciled with SQLite
    (a missing, old or corrupt index is rebuilt; a crash mid-import is healed)."""
    return lib.attached(INDEX_KEY, _open_reconciled)


def opened_index(lib: Library) -> SearchIndex | None:
    """The index if this library has opened it, else None (opening it is not free)."""
    return lib.attached_if_open(INDEX_KEY)


def switch_engine(
    lib: Library,
    name: str,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Make ``name`` the library's search engine and build its index; returns pages.

    EngineMissing (one line) before anything changes when it is not installed. The
    index is built beside the old one, which other windows search until the swap; a
    cancel or a failure leaves the library on its old engine and index.
    """
    from caseorg.search.chosen import check_name, engine_class, set_engine

    normal = check_name(name)
    fresh = engine_class(normal)(lib, opening=False)
    lib.detach(INDEX_KEY)  # closes the open index: the swap renames its folder
    pages = int(fresh.rebuild(progress=progress, cancelled=cancelled))
    set_engine(lib, normal)
    lib.attached(INDEX_KEY, lambda _lib: fresh)
    return pages


def _open_reconciled(lib: Library) -> SearchIndex:
    if lib.backend == "postgresql":  # a court library: the server searches its pages
        from caseorg.search.server_index import ServerIndex

        return cast("SearchIndex", ServerIndex(lib))
    from caseorg.search.seam import SearchIndex

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
