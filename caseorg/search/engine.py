"""The Whoosh index: one entry per document, rebuilt from SQLite at will.

SQLite is the truth and this index is a cache. Opening checks its schema
version (a mismatch or a corrupt index is rebuilt); :meth:`SearchIndex.reconcile`
indexes documents SQLite has and the index lacks and drops entries for
documents SQLite no longer has.

Search ranks whole documents (an AND of two common words intersects one
posting per document, not one per page), then finds the matching pages and
their snippets only for the documents shown, from ``pages.text``
(:mod:`caseorg.search.pagematch`). Profiled at 100,000 pages: per-page entries with
``groupedby`` spent most of a query scoring and grouping every page.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index
from whoosh.fields import ID, Schema
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
from whoosh.query.qcore import _NullQuery

from caseorg.errors import BadQuery
from caseorg.library import changes_since
from caseorg.progress import Progress, ProgressCallback
from caseorg.search import pagematch
from caseorg.search.entries import COMPOUND as COMPOUND, document_entry, iter_entries, make_schema
from caseorg.search.query import exact_phrases, make_parser, normalise_query
from caseorg.search.results import DocumentHit, PageHit
from caseorg.values import parse_a_number

if TYPE_CHECKING:
    from caseorg.library import Library

INDEX_SCHEMA_VERSION = 4  # 2: one entry per document (1 was one per page); 3: tag:, note:;
# 4: exact words (quoted phrases unstemmed, stop words kept)
_VERSION_FILE = "caseorg-index.json"
MAX_SNIPPET_PAGES = 10
BATCH_DOCUMENTS = 200
REBUILD_ABOVE = 500  # documents missing from an empty index: rebuild rather than add
# Windows cannot rename a folder with open files, which a rebuild does: no searcher kept there
KEEP_SEARCHER_OPEN = os.name != "nt"

# -- the index --------------------------------------------------------------------


class SearchIndex:
    """The library's Whoosh index; all writes go through one lock (one writer)."""

    def __init__(self, lib: Library):
        self.lib = lib
        self.dir: Path = lib.index_dir
        self._write_lock = threading.RLock()
        self.schema = make_schema()
        self._search_lock = threading.Lock()
        self._cached: Any = None  # an open searcher, see _searcher()
        self._fallback = False  # read-only and no usable index yet: an empty one in memory
        self.ix = self._open_or_create()

    # -- opening / rebuilding ----------------------------------------------------
    def _version_ok(self, folder: Path) -> bool:
        try:
            meta = json.loads((folder / _VERSION_FILE).read_text())
            return bool(meta.get("schema") == INDEX_SCHEMA_VERSION)
        except (OSError, ValueError):
            return False

    def _create_empty(self, folder: Path) -> index.Index:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(mode=0o700)
        ix = index.create_in(str(folder), self.schema)
        (folder / _VERSION_FILE).write_text(json.dumps({"schema": INDEX_SCHEMA_VERSION}))
        return ix

    def _open_or_create(self) -> index.Index:
        """Open the index; a missing, old or corrupt one is replaced by an empty one.

        The check opens a searcher, which is kept for the first search (opening one
        reads every segment's metadata: ~0.2 s at 100,000 pages).
        """
        if self.lib.read_only:
            self._fallback = False
            try:
                if self._version_ok(self.dir):
                    ix = index.open_dir(str(self.dir))
                    self._cached = ix.searcher()
                    return ix
            except Exception:
                pass
            # read-only and unusable: search an empty in-memory index until a writer fixes it
            self._fallback = True
            return RamStorage().create_index(self.schema)
        if self.dir.exists() and self._version_ok(self.dir):
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
            writer = self.ix.writer(limitmb=128, compound=COMPOUND)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            else:
                writer.commit()

    def index_documents(self, document_ids: list[int]) -> int:
        """(Re)index these documents from SQLite; returns the pages indexed."""
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
        """Documents with a live entry in the index."""
        with self._searcher() as searcher:
            reader = searcher.reader()
            if not reader.has_deletions():
                # every word of the lexicon is live: 10x faster than unpickling 20,000 entries
                return {int(term) for term in reader.lexicon("document_id")}
        return {int(fields["document_id"]) for fields in self._stored()}

    def page_count(self) -> int:
        """Pages indexed (each document entry records how many it holds)."""
        return sum(int(fields.get("pages", 0)) for fields in self._stored())

    def reconcile(self, progress: ProgressCallback | None = None) -> tuple[int, int]:
        """Index what SQLite has and the index lacks; drop what SQLite lost.

        Returns (documents indexed, documents dropped). Heals a crash between
        a document's commit and its indexing.
        """
        # issue 15 (h-scale): only the documents whose pages changed since the last time
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
        """Those of these documents with a live entry (one term lookup each)."""
        with self._searcher() as searcher:
            number = searcher.document_number
            return {d for d in document_ids if number(document_id=str(d)) is not None}

    def rebuild(
        self,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> int:
        """Build a fresh index beside the old one from SQLite, then swap it in.

        Large libraries are indexed by worker processes (one segment each, every
        core busy). Until the swap the old index keeps answering; a cancel leaves
        it as it was. Returns the pages indexed.
        """
        from caseorg.search.build import fill_index

        with self._write_lock:
            fresh_dir = self.dir.with_name("index.new")
            fresh = self._create_empty(fresh_dir)
            try:
                done = fill_index(
                    self.lib, fresh, progress=progress, cancelled=cancelled, workers=workers
                )
            except BaseException:
                fresh.close()
                shutil.rmtree(fresh_dir, ignore_errors=True)
                raise
            fresh.close()
            with self._search_lock:
                self._drop_searcher()
            self.ix.close()
            old_dir = self.dir.with_name("index.old")
            shutil.rmtree(old_dir, ignore_errors=True)
            if self.dir.exists():
                self.dir.rename(old_dir)
            fresh_dir.rename(self.dir)
            shutil.rmtree(old_dir, ignore_errors=True)
            self.ix = index.open_dir(str(self.dir))
            return done

    # -- searching --------------------------------------------------------------------
    def parse(self, text: str) -> Any:
        normal = exact_phrases(normalise_query(text))
        try:
            query = make_parser(self.schema).parse(normal)
        except Exception:  # Whoosh's parser has edge cases ('NOT NOT NOT' -> IndexError)
            raise BadQuery(
                "cannot understand this query: check the AND/OR/NOT and brackets"
            ) from None
        if isinstance(query, _NullQuery):
            raise BadQuery("nothing to search for: every word is too common or empty")
        return query

    @contextmanager
    def _searcher(self) -> Iterator[Any]:
        """The cached searcher, refreshed if the index changed (one search at a time).

        Opening a searcher reads every segment's metadata: profiled at ~40% of a
        query on 100,000 pages, so it is kept open between searches.
        """
        with self._search_lock:
            if self._fallback and self._version_ok(self.dir):
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

    def search(
        self,
        text: str,
        case_a_number: str | None = None,
        doc_type: str | None = None,
        limit: int = 20,
    ) -> list[DocumentHit]:
        """Documents matching ``text``, best first, each with matching pages and snippets.

        Documents are ranked on their whole text; a document is shown only if at
        least one of its pages matches the query on its own (the same pages a
        per-page index would find), so candidates are checked page by page. A NOT
        excludes whole documents: one with the word on any page is never shown.
        """
        parsed = self.parse(text)
        filters = []
        if case_a_number:
            filters.append(Term("a_number", parse_a_number(case_a_number)))
        if doc_type:
            filters.append(Term("doc_type", doc_type.strip().lower()))
        want = max(1, limit)
        hits: list[DocumentHit] = []
        with self._searcher() as searcher:
            query = _preload_document_fields(parsed, searcher)
            checker = _PageChecker(self.lib, searcher, query)
            doc_query = _with_filters(query, filters)
            seen = 0
            wanted = want + 5  # a few spare: some candidates may have no matching page
            while len(hits) < want:
                top = searcher.search(doc_query, limit=wanted).top_n
                candidates = []
                for score, docnum in top[seen:]:
                    doc_id = int(searcher.stored_fields(docnum)["document_id"])
                    candidates.append((score, doc_id, docnum))
                seen = len(top)
                hits.extend(checker.hits(candidates, want - len(hits)))
                if len(top) < wanted:
                    break
                wanted *= 4
        return hits[:limit]


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


_Matched = tuple[int, int, set[str], str]  # page_no, weight, words to highlight, text


class _PageChecker:
    """Finds the matching pages of candidate documents and cuts their snippets."""

    def __init__(self, lib: Library, searcher: Any, query: Any):
        self.lib = lib
        self.searcher = searcher
        self.query = query
        self._doc_sets: dict[int, set[int]] = {}
        self.page_query = pagematch.PageQuery(query, self._doc_test, self._expand)
        self.needed = self.page_query.needed()

    def _doc_test(self, node: Any, docnum: int) -> bool:
        key = id(node)
        if key not in self._doc_sets:
            self._doc_sets[key] = set(self.searcher.docs_for_query(node))
        return docnum in self._doc_sets[key]

    def _expand(self, node: Any) -> set[str]:
        field = self.searcher.schema[node.fieldname]
        words: set[str] = set()
        # per segment: a segment's fuzzy lookup walks its word list with an automaton,
        # the multi-segment reader computes an edit distance per word (23 s profiled)
        for leaf, _offset in self.searcher.reader().leaf_readers():
            for b in node._btexts(leaf):  # bytes, or str for fuzzy terms
                if b:
                    words.add(b if isinstance(b, str) else field.from_bytes(b))
        return words

    def hits(self, candidates: list[tuple[float, int, int]], need: int) -> list[DocumentHit]:
        found: list[DocumentHit] = []
        for start in range(0, len(candidates), max(need, 1)):
            if len(found) >= need:
                break
            chunk = candidates[start : start + max(need, 1)]
            ids = [doc_id for _score, doc_id, _docnum in chunk]
            marks = ",".join("?" * len(ids))
            docs = {
                row["id"]: row
                for row in self.lib.db.query(
                    f"""SELECT d.*, c.a_number, c.respondent FROM documents d
                        JOIN cases c ON c.id = d.case_id WHERE d.id IN ({marks})""",
                    ids,
                )
            }
            pages: dict[int, list[tuple[int, str]]] = {}
            for row in self.lib.db.execute(
                f"SELECT document_id, page_no, text FROM pages"
                f" WHERE document_id IN ({marks}) AND text != '' ORDER BY document_id, page_no",
                ids,
            ):
                pages.setdefault(row[0], []).append((row[1], row[2]))
            for score, doc_id, docnum in chunk:
                if doc_id not in docs:
                    continue  # stale entry: reconcile will drop it
                hit = self._document_hit(docs[doc_id], score, docnum, pages.get(doc_id, []))
                if hit is not None:
                    found.append(hit)
                    if len(found) >= need:
                        break
        return found

    def _matching(
        self, docnum: int, doc: dict[str, Any], texts: list[tuple[int, str]]
    ) -> list[_Matched]:
        """(page_no, weight, words to highlight, text) of each matching page."""
        matched: list[_Matched] = []
        try:
            for page_no, text in texts:
                words = pagematch.page_words(text, self.needed)
                hit_words: set[str] = set()
                if self.page_query.matches(words, docnum, hit_words):
                    weight = pagematch.weight(words, hit_words)
                    matched.append((page_no, weight, hit_words, text))
        except pagematch.Unsupported:
            matched = self._matching_by_whoosh(doc, texts)
        return matched

    def _matching_by_whoosh(
        self, doc: dict[str, Any], texts: list[tuple[int, str]]
    ) -> list[_Matched]:
        """Fallback for query nodes pagematch does not know: a throw-away index of the pages."""
        schema = Schema(
            page_no=ID(stored=True),
            **{
                name: self.searcher.schema[name]
                for name in self.searcher.schema.names()
                if name not in ("document_id", "pages")
            },
        )
        ram = RamStorage().create_index(schema)
        with ram.writer() as writer:
            for page_no, text in texts:
                entry = document_entry(doc | {"document_id": doc["id"]}, [text])
                del entry["document_id"], entry["pages"]
                writer.add_document(page_no=str(page_no), **entry)
        words = {
            pagematch.key_of(f, t)
            for f, t in self.query.iter_all_terms()
            if f in pagematch.PAGE_FIELDS
        }
        with ram.searcher() as searcher:
            found = {
                int(f["page_no"])
                for f in (searcher.stored_fields(d) for d in searcher.docs_for_query(self.query))
            }
        by_no = dict(texts)
        return [(n, 1, set(words), by_no[n]) for n in sorted(found)]

    def _document_hit(
        self, doc: dict[str, Any], score: float, docnum: int, texts: list[tuple[int, str]]
    ) -> DocumentHit | None:
        matched = self._matching(docnum, doc, texts)
        if not matched:
            return None  # the words are in the document, but never together on one page
        best = sorted(matched, key=lambda m: (-m[1], m[0]))[:MAX_SNIPPET_PAGES]
        page_hits = []
        for page_no, _weight, words, text in sorted(best, key=lambda m: m[0]):
            plain, rich = pagematch.snippet(text, words)
            page_hits.append(PageHit(page_no=page_no, snippet=plain, snippet_html=rich))
        return DocumentHit(
            document_id=doc["id"],
            case_id=doc["case_id"],
            a_number=doc["a_number"],
            respondent=doc["respondent"],
            title=doc["title"],
            doc_type=doc["doc_type"],
            filed_on=doc["filed_on"],
            score=score,
            page_count=doc["page_count"],
            matching_pages=[m[0] for m in matched],
            pages=page_hits,
        )
