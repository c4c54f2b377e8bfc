"""The Whoosh engine (the default): one entry per document, rebuilt from SQLite at will.

Search ranks whole documents (an AND of two common words intersects one
posting per document, not one per page); the matching pages and their snippets
are found afterwards for the documents shown (:mod:`caseorg.search.pagecheck`).
Profiled at 100,000 pages: per-page entries with ``groupedby`` spent most of a
query scoring and grouping every page. What every engine shares (reconcile,
rebuild-and-swap, the query parse, the search loop) is in :mod:`caseorg.search.seam`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import RamStorage
from whoosh.query import (
    And,
    BinaryQuery,
    CompoundQuery,
    ConstantScoreQuery,
    Every,
    MultiTerm,
    Not,
    NullQuery,
    Or,
    Term,
)

from caseorg.progress import ProgressCallback
from caseorg.search import pagematch
from caseorg.search.build import compressed_runs
from caseorg.search.entries import COMPOUND as COMPOUND, iter_entries, make_schema
from caseorg.search.seam import SearchIndex, ensure_empty

INDEX_SCHEMA_VERSION = 4  # 2: one entry per document (1 was one per page); 3: tag:, note:;
# 4: exact words (quoted phrases unstemmed, stop words kept)
BATCH_DOCUMENTS = 200
# Windows cannot rename a folder with open files, which a rebuild does: no searcher kept there
KEEP_SEARCHER_OPEN = os.name != "nt"


class WhooshIndex(SearchIndex):
    """The library's Whoosh index; all writes go through one lock (one writer)."""

    engine = "whoosh"
    schema_version = INDEX_SCHEMA_VERSION

    @functools.cached_property
    def schema(self) -> Any:
        return make_schema()

    def _open(self) -> None:
        self._search_lock = threading.Lock()
        self._cached: Any = None  # an open searcher, see _searcher()
        self._fallback = False  # read-only and no usable index yet: an empty one in memory
        self.ix = self._open_or_create()

    # -- opening ------------------------------------------------------------------
    def _create_empty(self, folder: Path) -> index.Index:
        ensure_empty(folder)
        ix = index.create_in(str(folder), self.schema)
        self.write_version(folder)
        return ix

    def _open_or_create(self) -> index.Index:
        """Open the index; a missing, old or corrupt one is replaced by an empty one.

        The check opens a searcher, which is kept for the first search (opening one
        reads every segment's metadata: ~0.2 s at 100,000 pages).
        """
        if self.lib.read_only:
            try:
                if self.version_ok(self.dir):
                    ix = index.open_dir(str(self.dir))
                    self._cached = ix.searcher()
                    return ix
            except Exception:
                pass
            # read-only and unusable: search an empty in-memory index until a writer fixes it
            self._fallback = True
            return RamStorage().create_index(self.schema)
        if self.dir.exists() and self.version_ok(self.dir):
            try:  # exists_in opens the TOC: a corrupt one raises there too
                if index.exists_in(str(self.dir)):
                    ix = index.open_dir(str(self.dir))
                    searcher = ix.searcher()
                    searcher.doc_count()
                    self._cached = searcher
                    return ix
            except Exception:
                pass  # corrupt: rebuilt below, reconcile refills it from SQLite
        return self._create_empty(self.dir)

    def close(self) -> None:
        with self._search_lock:
            self._drop_searcher()
        self.ix.close()

    # -- writing --------------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[Any]:
        """A writer that commits only if the block succeeds (never after a failure)."""
        with self._write_lock:
            writer = compressed_runs(self.ix.writer(limitmb=128, compound=COMPOUND), 128)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            else:
                writer.commit()

    def index_documents(self, document_ids: list[int]) -> int:
        count = 0
        for start in range(0, len(document_ids), BATCH_DOCUMENTS):
            chunk = document_ids[start : start + BATCH_DOCUMENTS]
            with self.writer() as writer:
                for doc_id in chunk:
                    writer.delete_by_term("document_id", str(doc_id))
                for entry in iter_entries(self.lib.db, chunk):
                    writer.add_document(**entry)
                    count += entry["pages"]
        return count

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        with self.writer() as writer:
            for doc_id in document_ids:
                writer.delete_by_term("document_id", str(doc_id))

    def _stored(self) -> list[dict[str, Any]]:
        with self._searcher() as searcher:
            return list(searcher.reader().all_stored_fields())  # live entries only

    def indexed_document_ids(self) -> set[int]:
        with self._searcher() as searcher:
            reader = searcher.reader()
            if not reader.has_deletions():
                # every word of the lexicon is live: 10x faster than unpickling 20,000 entries
                return {int(term) for term in reader.lexicon("document_id")}
        return {int(fields["document_id"]) for fields in self._stored()}

    def page_count(self) -> int:
        return sum(int(fields.get("pages", 0)) for fields in self._stored())

    def _live(self, document_ids: list[int]) -> set[int]:
        """Those of these documents with a live entry (one term lookup each)."""
        with self._searcher() as searcher:
            number = searcher.document_number
            return {d for d in document_ids if number(document_id=str(d)) is not None}

    def doc_count(self) -> int:
        with self._searcher() as searcher:
            return int(searcher.doc_count())

    def _build(
        self,
        folder: Path,
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool] | None,
        workers: int | None,
    ) -> int:
        """Large libraries are indexed by worker processes (one segment each, every
        core busy), see :mod:`caseorg.search.build`."""
        from caseorg.search.build import fill_index

        fresh = self._create_empty(folder)
        try:
            return fill_index(
                self.lib, fresh, progress=progress, cancelled=cancelled, workers=workers
            )
        finally:
            fresh.close()

    def _release(self) -> None:
        with self._search_lock:
            self._drop_searcher()
        self.ix.close()

    # -- searching --------------------------------------------------------------------
    @contextmanager
    def _searcher(self) -> Iterator[Any]:
        """The cached searcher, refreshed if the index changed (one search at a time).

        Opening a searcher reads every segment's metadata: profiled at ~40% of a
        query on 100,000 pages, so it is kept open between searches.
        """
        with self._search_lock:
            if self._fallback and self.version_ok(self.dir):
                self._drop_searcher()  # the writer has built the index meanwhile
                with contextlib.suppress(Exception):
                    self.ix = index.open_dir(str(self.dir))
                    self._fallback = False
            try:
                if self._cached is None:
                    self._cached = self.ix.searcher()
                elif not self._cached.up_to_date():
                    # a new searcher, not refresh(): refresh reuses segment readers and
                    # with them their old deletions (an edited document showed twice)
                    self._drop_searcher()
                    self._cached = self.ix.searcher()
            except Exception:  # the files moved under it (a rebuild): start again
                self._drop_searcher()
                self._cached = self.ix.searcher()
            try:
                yield self._cached
            finally:
                if not KEEP_SEARCHER_OPEN:
                    self._drop_searcher()

    def _drop_searcher(self) -> None:
        if self._cached is not None:
            with contextlib.suppress(Exception):
                self._cached.close()
            self._cached = None

    @contextmanager
    def _ranking(self, query: Any, filters: list[Any]) -> Iterator[_WhooshRanking]:
        with self._searcher() as searcher:
            yield _WhooshRanking(searcher, query, filters)


class _WhooshRanking:
    """One search on an open Whoosh searcher (see :class:`caseorg.search.pagecheck.Ranking`)."""

    def __init__(self, searcher: Any, parsed: Any, filters: list[Any]):
        self.searcher = searcher
        self.query = _preload_document_fields(parsed, searcher)
        self.doc_query = _with_filters(self.query, filters)
        self._doc_sets: dict[int, set[int]] = {}

    def top(self, n: int) -> list[tuple[float, int, Any]]:
        found = []
        for score, docnum in self.searcher.search(self.doc_query, limit=n).top_n:
            doc_id = int(self.searcher.stored_fields(docnum)["document_id"])
            found.append((score, doc_id, docnum))
        return found

    def doc_test(self, node: Any, docnum: Any) -> bool:
        key = id(node)
        if key not in self._doc_sets:
            self._doc_sets[key] = set(self.searcher.docs_for_query(node))
        return docnum in self._doc_sets[key]

    def expand(self, node: Any) -> set[str]:
        field = self.searcher.schema[node.fieldname]
        words: set[str] = set()
        # per segment: a segment's fuzzy lookup walks its word list with an automaton,
        # the multi-segment reader computes an edit distance per word (23 s profiled)
        for leaf, _offset in self.searcher.reader().leaf_readers():
            for b in node._btexts(leaf):  # bytes, or str for fuzzy terms
                if b:
                    words.add(b if isinstance(b, str) else field.from_bytes(b))
        return words


def _with_filters(query: Any, filters: list[Any]) -> Any:
    if not filters:
        return query
    parts = [] if isinstance(query, Every) else [query]
    return And(parts + filters) if len(parts + filters) > 1 else filters[0]


def _preload_document_fields(q: Any, searcher: Any) -> Any:
    """Ranges and wildcards over document fields (``filed:[..]``) as preloaded id lists.

    Whoosh ORs the hundreds of dates in a year as a tree of union matchers and
    walks it for every candidate: profiled at 8 s for a one-year range at
    100,000 pages; the preloaded list takes milliseconds and scores constantly.
    """
    if isinstance(q, MultiTerm) and q.fieldname not in pagematch.PAGE_FIELDS:
        reader = searcher.reader()
        terms = [Term(q.fieldname, t) for t in sorted(set(q._btexts(reader))) if t]  # as Whoosh
        if not terms:
            return NullQuery
        ored = Or(terms)
        ored.matcher_type = Or.ARRAY_MATCHER
        return ConstantScoreQuery(ored, score=q.boost)
    if isinstance(q, Not):
        return Not(_preload_document_fields(q.query, searcher), boost=q.boost)
    if isinstance(q, BinaryQuery):
        return q.__class__(
            _preload_document_fields(q.a, searcher), _preload_document_fields(q.b, searcher)
        )
    if isinstance(q, CompoundQuery):
        copy = q.__class__([_preload_document_fields(c, searcher) for c in q.subqueries])
        copy.__dict__.update({k: v for k, v in q.__dict__.items() if k != "subqueries"})
        return copy
    return q
