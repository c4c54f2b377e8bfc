"""The tantivy engine (``caseorg[fast]``): the same index as Whoosh's, ranked in Rust.

One entry per document, as with Whoosh, holding the same words: the page texts are
analysed here exactly as for Whoosh (:mod:`caseorg.search.pagematch`) and handed to
tantivy as space-separated words, one value per page (tantivy leaves a gap between
values, so an exact phrase never spans two pages). Ranking, AND/OR/NOT and field
filters run in tantivy; the matching pages and snippets come from the shared page
check, so both engines show the same pages, snippets and highlights.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tantivy

from caseorg.progress import ProgressCallback
from caseorg.search import pagematch
from caseorg.search.build import BuildTicker, pages_to_index
from caseorg.search.entries import iter_documents, make_schema
from caseorg.search.fast_query import MUST, Lexicon, Q, expanded, translate
from caseorg.search.seam import SearchIndex, ensure_empty

SCHEMA_VERSION = 2  # 2: case_id (a search scoped to a case known by its EOIR id)
WRITER_HEAP = 64_000_000  # bytes for a library's own writer (imports, edits)
BUILD_HEAP_PER_THREAD = 96_000_000  # a rebuild's writer, per indexing thread
BATCH_DOCUMENTS = 200


def make_tantivy_schema() -> Any:
    """Whoosh's fields, holding words already analysed (see :func:`entry`)."""
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("document_id", stored=True, indexed=True, fast=True)
    builder.add_unsigned_field("pages", stored=True, fast=True)
    for name in ("case_id", "a_number", "filed_on"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in ("doc_type", "tag"):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name in ("title", "note", "content", "exact"):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    return builder.build()


def entry(row: dict[str, Any], texts: list[str], schema: Any) -> Any:
    """The tantivy document for one document row and its page texts."""
    return tantivy.Document.from_dict(
        {
            "document_id": int(row["document_id"]),
            "pages": len(texts),
            "case_id": str(row["case_id"]),
            "a_number": row["a_number"] or "",
            "filed_on": row["filed_on"] or "",
            "doc_type": (row["doc_type"] or "").lower(),
            "tag": (row.get("tags") or "").lower(),
            "title": pagematch.stem_line(row["title"] or ""),
            "note": pagematch.stem_line(row.get("notes") or ""),
            "content": [pagematch.stem_line(text) for text in texts],
            "exact": [pagematch.exact_line(text) for text in texts],
        },
        schema,
    )


class TantivyIndex(SearchIndex):
    """The library's tantivy index; one writer kept open, committed after each batch."""

    engine = "tantivy"
    schema_version = SCHEMA_VERSION

    @functools.cached_property
    def schema(self) -> Any:
        return make_tantivy_schema()

    @functools.cached_property
    def whoosh_schema(self) -> Any:
        """How the shared parser spells each field (for expanding prefixes and ranges)."""
        return make_schema()

    def _open(self) -> None:
        self._writer: Any = None
        self._fallback = False
        self._search_lock = threading.Lock()
        self.ix = self._open_or_create()

    def _open_or_create(self) -> Any:
        if self.version_ok(self.dir):
            try:
                ix = tantivy.Index.open(str(self.dir))
                _ = ix.searcher().num_docs  # a corrupt index fails here
                return ix
            except Exception:
                pass  # corrupt: rebuilt below, reconcile refills it from SQLite
        if self.lib.read_only:
            # read-only and unusable: an empty index in memory until a writer builds one
            self._fallback = True
            return tantivy.Index(self.schema)
        ensure_empty(self.dir)
        ix = tantivy.Index(self.schema, path=str(self.dir))
        self.write_version(self.dir)
        return ix

    def close(self) -> None:
        self._release()

    def _release(self) -> None:
        with self._write_lock:
            if getattr(self, "_writer", None) is not None:
                self._writer.wait_merging_threads()
                self._writer = None
        self.ix = None

    # -- writing ------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[Any]:
        """The kept writer; committed if the block succeeds, rolled back if not."""
        with self._write_lock:
            if self._writer is None:
                self._writer = self.ix.writer(WRITER_HEAP, 1)
            try:
                yield self._writer
            except BaseException:
                self._writer.rollback()
                raise
            self._writer.commit()
            self.ix.reload()

    def _delete(self, writer: Any, document_ids: list[int]) -> None:
        # a u64 term cannot be deleted by term from Python: by query it can
        if document_ids:
            writer.delete_documents_by_query(
                Q.term_set_query(self.schema, "document_id", document_ids)
            )

    def index_documents(self, document_ids: list[int]) -> int:
        count = 0
        for start in range(0, len(document_ids), BATCH_DOCUMENTS):
            chunk = document_ids[start : start + BATCH_DOCUMENTS]
            with self._writing() as writer:
                self._delete(writer, chunk)
                for row, texts in iter_documents(self.lib.db, chunk):
                    writer.add_document(entry(row, texts, self.schema))
                    count += len(texts)
        return count

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        with self._writing() as writer:
            self._delete(writer, list(document_ids))

    def _all_values(self, field: str) -> list[int]:
        searcher = self._searcher()
        if not searcher.num_docs:
            return []
        hits = searcher.search(Q.all_query(), searcher.num_docs, count=False).hits
        return [int(v) for v in searcher.fast_field_values(field, [a for _s, a in hits])]

    def indexed_document_ids(self) -> set[int]:
        return set(self._all_values("document_id"))

    def page_count(self) -> int:
        return sum(self._all_values("pages"))

    def doc_count(self) -> int:
        return int(self._searcher().num_docs)

    def _build(
        self,
        folder: Path,
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool] | None,
        workers: int | None,
    ) -> int:
        """Analyse pages here and let tantivy index them on its own threads."""
        ticker = BuildTicker(pages_to_index(self.lib), progress, cancelled)
        threads = max(1, min(workers or os.cpu_count() or 1, 4))
        fresh = tantivy.Index(self.schema, path=str(folder))
        writer = fresh.writer(BUILD_HEAP_PER_THREAD * threads, threads)
        try:
            for row, texts in iter_documents(self.lib.db):
                writer.add_document(entry(row, texts, self.schema))
                ticker.added(len(texts))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        return ticker.finished()

    # -- searching ------------------------------------------------------------------
    def _searcher(self) -> Any:
        if self._fallback and self.version_ok(self.dir):
            try:  # the writer has built the index meanwhile
                self.ix = tantivy.Index.open(str(self.dir))
                self._fallback = False
            except Exception:
                pass
        return self.ix.searcher()

    @contextmanager
    def _ranking(self, query: Any, filters: list[Any]) -> Iterator[_TantivyRanking]:
        with self._search_lock:
            yield _TantivyRanking(self, self._searcher(), query, filters)


class _TantivyRanking:
    """One search on a tantivy searcher (see :class:`caseorg.search.pagecheck.Ranking`)."""

    # a fuzzy word ranks wide (tantivy's fuzzy query); the page check takes Whoosh's
    # words from the pages it reads rather than from the whole word list
    fuzzy_from_pages = True

    def __init__(self, index: TantivyIndex, searcher: Any, parsed: Any, filters: list[Any]):
        self.schema = index.schema
        self.searcher = searcher
        self.query = parsed
        self.lexicon = Lexicon(searcher, index.whoosh_schema)
        self._expanded: dict[int, set[str]] = {}
        clauses = [(MUST, self._translate(parsed))]
        clauses += [(MUST, Q.const_score_query(self._translate(f), 0.0)) for f in filters]
        self.doc_query = clauses[0][1] if len(clauses) == 1 else Q.boolean_query(clauses)
        self._candidates: list[int] = []
        self._doc_sets: dict[int, tuple[set[int], set[int]]] = {}  # node -> checked, matched

    def _translate(self, node: Any) -> Any:
        return translate(node, self.schema, self.expand)

    def top(self, n: int) -> list[tuple[float, int, Any]]:
        hits = self.searcher.search(self.doc_query, n, count=False).hits
        ids = self.searcher.fast_field_values("document_id", [a for _s, a in hits])
        self._candidates = [int(i) for i in ids]
        return [(float(s), d, d) for (s, _a), d in zip(hits, self._candidates, strict=True)]

    def doc_test(self, node: Any, doc_id: Any) -> bool:
        """Asked for all candidates at once: one tantivy search per query part."""
        checked, matched = self._doc_sets.setdefault(id(node), (set(), set()))
        if doc_id not in checked:
            todo = {d for d in self._candidates if d not in checked} | {doc_id}
            only = Q.term_set_query(self.schema, "document_id", sorted(todo))
            exact = translate(node, self.schema, self.expand, wide=False)
            both = Q.boolean_query([(MUST, exact), (MUST, only)])
            hits = self.searcher.search(both, len(todo), count=False).hits
            found = self.searcher.fast_field_values("document_id", [a for _s, a in hits])
            matched.update(int(i) for i in found)
            checked.update(todo)
        return doc_id in matched

    def expand(self, node: Any) -> set[str]:
        if id(node) not in self._expanded:
            self._expanded[id(node)] = expanded(node, self.lexicon)
        return self._expanded[id(node)]
