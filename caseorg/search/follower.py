"""A read-only searcher that follows the index a writer keeps: the app's search thread.

The window's search runs beside the writer (imports, edits, a rebuild) on a
read-only library of its own. A read-only library cannot build or repair the
index, so :class:`IndexFollower` notices when the writer has made a new one (the
index folder's inode and its version file's time, :func:`index_stamp`) and opens
the library again; and when a search finds nothing while the library has text
that is not indexed yet, it raises :class:`IndexNotReady` so the caller asks again
shortly instead of saying "no matches". One thread searches at a time.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from caseorg.errors import CaseorgError
from caseorg.library import Library, open_library
from caseorg.search.handle import index_of
from caseorg.search.results import DocumentHit

DEFAULT_LIMIT = 25  # documents per batch


@dataclass(frozen=True)
class SearchRequest:
    """What the user asked for: the typed query plus the filters beside it."""

    text: str
    a_number: str | None = None
    doc_type: str | None = None
    filed_from: dt.date | None = None
    filed_to: dt.date | None = None
    limit: int = DEFAULT_LIMIT
    case_id: int | None = None  # a case picked in the filter (A-number or EOIR id alike)

    def query(self) -> str:
        """The query sent to the index: the typed text, AND the filed-date range."""
        text = self.text.strip()
        if self.filed_from is None and self.filed_to is None:
            return text
        start = self.filed_from.isoformat() if self.filed_from else ""
        end = self.filed_to.isoformat() if self.filed_to else ""
        return f"({text}) filed:[{start} TO {end}]"

    @property
    def filtered(self) -> bool:
        return bool(
            self.a_number
            or self.case_id is not None
            or self.doc_type
            or self.filed_from
            or self.filed_to
        )


class IndexNotReady(CaseorgError):
    """The index has nothing yet while the library has text: asked again shortly."""


def index_stamp(index_dir: Path) -> tuple[int, int] | None:
    """Which index is on disk (see :func:`caseorg.search.seam.index_folder_stamp`)."""
    from caseorg.search.seam import index_folder_stamp

    return index_folder_stamp(index_dir)


def index_ready(lib: Library) -> bool:
    """False when the index is empty while the library has text to search: it is
    missing, out of date or still being built by the writer (a read-only library
    cannot build it)."""
    if index_of(lib).doc_count():
        return True
    row = lib.db.execute("SELECT EXISTS (SELECT 1 FROM pages WHERE text != '')").fetchone()
    return not row[0]


class IndexFollower:
    """A read-only library used by one search thread at a time.

    Opened on first use by the thread that searches; :meth:`reopen` makes the next
    search open it afresh (after a reindex, or when the index did not exist yet), and
    so does a new index on disk.
    """

    def __init__(self, library_path: Path | str, index_dir: Path | None = None):
        self.library_path = library_path
        # a court library's URL: its server searches, there is no index on disk to follow
        self.index_dir: Path | None = (
            None if isinstance(library_path, str) else index_dir or library_path / "index"
        )
        self._stamp: tuple[int, int] | None = None
        self._lib: Library | None = None
        self._stale = False
        self._lock = threading.Lock()
        self._closed = False

    def search(self, request: SearchRequest) -> list[DocumentHit]:
        """The documents ``request`` finds; IndexNotReady while the writer builds the
        index; CaseorgError for a bad query or once closed."""
        with self._lock:
            if self._closed:
                raise CaseorgError("the search was closed")
            stamp = None if self.index_dir is None else index_stamp(self.index_dir)
            if self._lib is not None and (self._stale or stamp != self._stamp):
                self._lib.close()  # reindexed, or created since: read the new one
                self._lib = None
            if self._lib is not None and not getattr(self._lib, "connected", True):
                self._lib.close()  # a court library's server went away: connect afresh
                self._lib = None
            if self._lib is None:
                self._lib = open_library(self.library_path, create=False, read_only=True)
                self._stale = False
                self._stamp = stamp
            hits = index_of(self._lib).search(
                request.query(),
                case_a_number=request.a_number,
                doc_type=request.doc_type,
                limit=request.limit,
                case_id=request.case_id,
            )
            if not hits and self.index_dir is not None and not index_ready(self._lib):
                raise IndexNotReady(
                    "the search index is being built; results appear when it is ready"
                )
            return hits

    def reopen(self) -> None:
        """Read the library afresh on the next search (the writer changed it)."""
        self._stale = True

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Refuse further searches and close the library (after a running search)."""
        self._closed = True
        with self._lock:
            if self._lib is not None:
                self._lib.close()
                self._lib = None
