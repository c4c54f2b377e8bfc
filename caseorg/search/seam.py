"""The seam every search engine fits: one index per library, a cache of SQLite.

:class:`SearchIndex` holds what does not depend on the engine: choosing the engine
(``SearchIndex(lib)`` opens the library's own), reconciling with SQLite, rebuilding
beside the live index and swapping it in, parsing the query language (one parser,
:mod:`caseorg.search.query`, for every engine) and the search loop. An engine ranks
whole documents (:class:`Ranking`); the matching pages and their snippets come from
``pages.text`` for the documents shown (:mod:`caseorg.search.pagecheck`), so both
engines give the same pages, snippets and highlights.

The index folder records which engine built it and its schema version
(``caseorg-index.json``); a mismatch or a corrupt index is rebuilt from SQLite.
"""

from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from caseorg.errors import BadQuery
from caseorg.library import changes_since
from caseorg.progress import Progress, ProgressCallback
from caseorg.search.chosen import DEFAULT_ENGINE, EngineMissing, chosen_engine, engine_class
from caseorg.search.pagecheck import PageChecker, Ranking
from caseorg.search.results import DocumentHit
from caseorg.values import parse_a_number

if TYPE_CHECKING:
    from caseorg.library import Library

VERSION_FILE = "caseorg-index.json"
REBUILD_ABOVE = 500  # documents missing from an empty index: rebuild rather than add
PARSE_CACHE = 256  # distinct query texts whose parse is kept


def read_meta(folder: Path) -> dict[str, Any]:
    """What ``folder``'s version file says ({} when it is missing or unreadable)."""
    try:
        meta = json.loads((folder / VERSION_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def folder_engine(folder: Path) -> str:
    """The engine that built the index in ``folder`` (indexes before engines: Whoosh)."""
    return str(read_meta(folder).get("engine", DEFAULT_ENGINE))


def _engine_for(lib: Library) -> str:
    """A writer uses the engine the library is set to (rebuilding on a mismatch); a
    read-only reader searches the index the writer has built, whichever engine built it
    (an unusable one: the library's engine, whose index the writer is building)."""
    chosen = chosen_engine(lib)
    if lib.read_only:
        meta = read_meta(lib.index_dir)
        built = folder_engine(lib.index_dir)
        if meta and built != chosen:
            try:
                if meta.get("schema") == engine_class(built).schema_version:
                    return built
            except EngineMissing:
                pass
    return chosen


class SearchIndex:
    """A library's search index; ``SearchIndex(lib)`` opens the engine the library uses.

    All writes go through one lock (one writer). Engines implement the methods that
    raise NotImplementedError here.
    """

    engine: ClassVar[str] = ""
    schema_version: ClassVar[int] = 0

    def __new__(
        cls, lib: Library, *, opening: bool = True, folder: Path | None = None
    ) -> SearchIndex:
        if cls is SearchIndex:
            name = _engine_for(lib)
            try:
                cls = engine_class(name)
            except EngineMissing as exc:
                # the library is searchable anyway; the index is rebuilt with Whoosh
                lib.index_lag = f"{exc}; searching with {DEFAULT_ENGINE} meanwhile"
                cls = engine_class(DEFAULT_ENGINE)
        return object.__new__(cls)

    def __init__(self, lib: Library, *, opening: bool = True, folder: Path | None = None):
        """``opening=False``: not opened, only to :meth:`rebuild` (switching engines);
        ``folder``: an index kept elsewhere than the library's (the bench's second engine)."""
        self.lib = lib
        self.dir: Path = folder or lib.index_dir
        self._write_lock = threading.RLock()
        self.ix: Any = None
        if opening:
            self._open()

    # -- what each engine provides -------------------------------------------------
    def _open(self) -> None:
        """Open the index in :attr:`dir`; a missing, old or corrupt one becomes empty."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def index_documents(self, document_ids: list[int]) -> int:
        """(Re)index these documents from SQLite; returns the pages indexed."""
        raise NotImplementedError

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        raise NotImplementedError

    def indexed_document_ids(self) -> set[int]:
        """Documents with a live entry in the index."""
        raise NotImplementedError

    def page_count(self) -> int:
        """Pages indexed (each document entry records how many it holds)."""
        raise NotImplementedError

    def doc_count(self) -> int:
        """Documents indexed."""
        raise NotImplementedError

    def _build(
        self,
        folder: Path,
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool] | None,
        workers: int | None,
    ) -> int:
        """Build a complete index of SQLite in the empty ``folder``; returns pages."""
        raise NotImplementedError

    def _release(self) -> None:
        """Let go of the index files (before a rebuild swaps the folder)."""
        raise NotImplementedError

    def _ranking(self, query: Any, filters: list[Any]) -> AbstractContextManager[Ranking]:
        """One search's ranking of documents for the parsed query and filter terms."""
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------
    def version_ok(self, folder: Path) -> bool:
        """Was ``folder``'s index built by this engine with this schema?"""
        meta = read_meta(folder)
        return (
            bool(meta)
            and meta.get("schema") == self.schema_version
            and meta.get("engine", DEFAULT_ENGINE) == self.engine
        )

    def write_version(self, folder: Path) -> None:
        (folder / VERSION_FILE).write_text(
            json.dumps({"schema": self.schema_version, "engine": self.engine})
        )

    def reconcile(self, progress: ProgressCallback | None = None) -> tuple[int, int]:
        """Index what SQLite has and the index lacks; drop what SQLite lost.

        Returns (documents indexed, documents dropped). Heals a crash between
        a document's commit and its indexing.
        """
        # issue 15: only the documents whose pages changed since the index last caught up
        changes = changes_since(self.lib, self.dir)
        if changes.clean:
            return 0, 0
        if changes.documents is not None:
            in_db, in_index = changes.with_text(), self._live(changes.documents)
        else:
            in_db = {
                row[0]
                for row in self.lib.db.execute(
                    "SELECT DISTINCT document_id FROM pages WHERE text != ''"
                )
            }
            in_index = self.indexed_document_ids()
        missing = sorted(in_db - in_index)
        stale = sorted(in_index - in_db)
        walked = changes.documents is None
        if walked and not in_index and len(missing) > REBUILD_ABOVE and not self.lib.read_only:
            # an empty index (new schema, lost folder) and a big library: on every core
            self.rebuild(progress=progress)
            changes.remember()
            return len(missing), 0
        if stale:
            self.remove_documents(stale)
        for start in range(0, len(missing), 100):
            self.index_documents(missing[start : start + 100])
            if progress:
                done, total = min(start + 100, len(missing)), len(missing)
                progress(Progress(f"Indexing {done} of {total} documents", done, total))
        changes.remember()
        return len(missing), len(stale)

    def _live(self, document_ids: list[int]) -> set[int]:
        """Those of these documents with a live entry (engines may look each one up)."""
        return set(document_ids) & self.indexed_document_ids()

    def rebuild(
        self,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> int:
        """Build a fresh index beside the old one from SQLite, then swap it in.

        Until the swap the old index keeps answering; a cancel leaves it as it
        was. Returns the pages indexed.
        """
        with self._write_lock:
            fresh_dir = self.dir.with_name("index.new")
            if fresh_dir.exists():
                shutil.rmtree(fresh_dir)
            fresh_dir.mkdir(mode=0o700)
            try:
                done = self._build(fresh_dir, progress, cancelled, workers)
                self.write_version(fresh_dir)
            except BaseException:
                shutil.rmtree(fresh_dir, ignore_errors=True)
                raise
            if self.ix is not None:
                self._release()
            old_dir = self.dir.with_name("index.old")
            shutil.rmtree(old_dir, ignore_errors=True)
            if self.dir.exists():
                self.dir.rename(old_dir)
            fresh_dir.rename(self.dir)
            shutil.rmtree(old_dir, ignore_errors=True)
            self._open()
            return done

    def parse(self, text: str) -> Any:
        """The query language parsed (the same tree for every engine), or BadQuery."""
        return _parsed(text)

    def search(
        self,
        text: str,
        case_a_number: str | None = None,
        doc_type: str | None = None,
        limit: int = 20,
        case_id: int | None = None,
    ) -> list[DocumentHit]:
        """Documents matching ``text``, best first, each with matching pages and snippets.

        Documents are ranked on their whole text; a document is shown only if at
        least one of its pages matches the query on its own (the same pages a
        per-page index would find), so candidates are checked page by page. A NOT
        excludes whole documents: one with the word on any page is never shown.
        """
        from whoosh.query import Term

        parsed = self.parse(text)
        filters = []
        if case_a_number:
            filters.append(Term("a_number", parse_a_number(case_a_number)))
        if case_id is not None:  # a case resolved by the caller (A-number or EOIR id)
            filters.append(Term("case_id", str(case_id)))
        if doc_type:
            filters.append(Term("doc_type", doc_type.strip().lower()))
        want = max(1, limit)
        hits: list[DocumentHit] = []
        with self._ranking(parsed, filters) as ranking:
            checker = PageChecker(self.lib, ranking)
            seen = 0
            wanted = want + 5  # a few spare: some candidates may have no matching page
            while len(hits) < want:
                top = ranking.top(wanted)
                hits.extend(checker.hits(top[seen:], want - len(hits)))
                seen = len(top)
                if len(top) < wanted:
                    break
                wanted *= 4
        return hits[:limit]


_parse_lock = threading.Lock()


@functools.lru_cache(maxsize=PARSE_CACHE)
def _parsed(text: str) -> Any:
    """Parse once per distinct text (a saved search, paging, a re-run costs nothing).

    The parsed tree is shared: nothing may change it (the engines copy what they rewrite).
    """
    from whoosh.query.qcore import _NullQuery

    from caseorg.search.query import exact_phrases, normalise_query

    normal = exact_phrases(normalise_query(text))
    try:
        with _parse_lock:
            query = _parser().parse(normal)
    except Exception:  # Whoosh's parser has edge cases ('NOT NOT NOT' -> IndexError)
        raise BadQuery("cannot understand this query: check the AND/OR/NOT and brackets") from None
    if isinstance(query, _NullQuery):
        raise BadQuery("nothing to search for: every word is too common or empty")
    return query


@functools.cache
def _parser() -> Any:
    from caseorg.search.entries import make_schema
    from caseorg.search.query import make_parser

    return make_parser(make_schema())


def index_folder_stamp(index_dir: Path) -> tuple[int, int] | None:
    """Which index is on disk: its folder (a rebuild swaps in a new one) and its
    version file's time (written when an index is created); None when there is none."""
    try:
        folder = index_dir.stat()
        version = (index_dir / VERSION_FILE).stat()
    except OSError:
        return None
    return folder.st_ino, version.st_mtime_ns


def ensure_empty(folder: Path) -> None:
    """``folder`` as a new empty private folder (whatever was there is gone)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(mode=0o700)
