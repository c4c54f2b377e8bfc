"""Which pages of the documents an engine ranked match, and their snippets.

Shared by every engine: the engine ranks whole documents and answers questions about
a document as a whole (:class:`Ranking`); this reads the pages of
the documents shown from SQLite and evaluates the query on each page
(:mod:`caseorg.search.pagematch`), so both engines find the same pages and snippets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from whoosh import query as wq
from whoosh.fields import ID, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.support.levenshtein import levenshtein

from caseorg.search import pagematch
from caseorg.search.entries import document_entry, make_schema
from caseorg.search.results import DocumentHit, PageHit

if TYPE_CHECKING:
    from caseorg.library import Library

MAX_SNIPPET_PAGES = 10


class Ranking(Protocol):
    """One search's view of an engine: ranked documents, and answers for the page check.

    An engine whose ranking finds fuzzy words its own (wider) way sets a true
    ``fuzzy_from_pages``: the checker then takes a fuzzy word's matches from the pages
    it reads (:func:`fuzzy_match`), not from ``expand`` over the whole word list.
    """

    query: Any  # the parsed (Whoosh) query as the page check evaluates it

    def top(self, n: int) -> list[tuple[float, int, Any]]:
        """The best ``n`` documents as (score, document id, the engine's key for it)."""
        ...

    def doc_test(self, node: Any, key: Any) -> bool:
        """Does the document (by key) match this part of the query as a whole?"""
        ...

    def expand(self, node: Any) -> set[str]:
        """The indexed words a prefix, wildcard, fuzzy word or range stands for."""
        ...


_Matched = tuple[int, int, set[str], str, list[str]]  # page_no, weight, marks, text, tokens
_Page = tuple[int, str, list[str]]  # page_no, text, its tokens (found once per search)


def fuzzy_match(node: Any, word: str) -> bool:
    """Whoosh's fuzzy rule, as its per-segment automaton applies it: the first
    ``prefixlength`` letters equal, the rest at most ``maxdist`` plain edits away."""
    text, prefix, most = node.text, node.prefixlength, node.maxdist
    if word[:prefix] != text[:prefix] or abs(len(word) - len(text)) > most:
        return False
    return bool(levenshtein(word[prefix:], text[prefix:], limit=most) <= most)


class PageChecker:
    """Finds the matching pages of candidate documents and cuts their snippets."""

    def __init__(self, lib: Library, ranking: Ranking):
        self.lib = lib
        self.query = ranking.query
        self._engine_expand = ranking.expand
        self._from_pages = getattr(ranking, "fuzzy_from_pages", False)
        self._fuzzy: list[tuple[Any, set[str]]] = []  # taken from the pages read so far
        self.page_query = pagematch.PageQuery(ranking.query, ranking.doc_test, self._expand)
        self.needed = self.page_query.needed()

    def _expand(self, node: Any) -> set[str]:
        if (
            self._from_pages
            and isinstance(node, wq.FuzzyTerm)
            and node.fieldname == pagematch.CONTENT
        ):
            words: set[str] = set()  # filled in place as pages are read (_take_fuzzy)
            self._fuzzy.append((node, words))
            return words
        return self._engine_expand(node)

    def _take_fuzzy(self, pages: dict[int, list[_Page]]) -> None:
        """Add the fuzzy words on these pages to their nodes' words (and to ``needed``):
        a page's words are the index's words, so this is the lexicon's answer on them."""
        if not self._fuzzy:
            return
        vocabulary: set[str] = set()
        for texts in pages.values():
            for _page_no, _text, tokens in texts:
                vocabulary.update(pagematch.stems_of(tokens))
        vocabulary.discard("")  # stop words
        for node, words in self._fuzzy:
            found = {w for w in vocabulary - words if fuzzy_match(node, w)}
            words.update(found)
            self.needed.update(found)

    def hits(self, candidates: list[tuple[float, int, Any]], need: int) -> list[DocumentHit]:
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
                    f"""SELECT d.*, c.a_number, c.eoir_case_id, c.respondent FROM documents d
                        JOIN cases c ON c.id = d.case_id WHERE d.id IN ({marks})""",
                    ids,
                )
            }
            pages: dict[int, list[_Page]] = {}
            for row in self.lib.db.execute(
                f"SELECT document_id, page_no, text FROM pages"
                f" WHERE document_id IN ({marks}) AND text != '' ORDER BY document_id, page_no",
                ids,
            ):
                # tokenised once: the fuzzy words, the page check and the snippets use them
                pages.setdefault(row[0], []).append((row[1], row[2], pagematch.tokens(row[2])))
            self._take_fuzzy(pages)
            for score, doc_id, docnum in chunk:
                if doc_id not in docs:
                    continue  # stale entry: reconcile will drop it
                hit = self._document_hit(docs[doc_id], score, docnum, pages.get(doc_id, []))
                if hit is not None:
                    found.append(hit)
                    if len(found) >= need:
                        break
        return found

    def _matching(self, docnum: Any, doc: dict[str, Any], texts: list[_Page]) -> list[_Matched]:
        """(page_no, weight, words to highlight, text, tokens) of each matching page."""
        matched: list[_Matched] = []
        try:
            for page_no, text, tokens in texts:
                words = pagematch.page_words(text, self.needed, tokens)
                hit_words: set[str] = set()
                if self.page_query.matches(words, docnum, hit_words):
                    weight = pagematch.weight(words, hit_words)
                    matched.append((page_no, weight, hit_words, text, tokens))
        except pagematch.Unsupported:
            matched = self._matching_by_whoosh(doc, texts)
        return matched

    def _matching_by_whoosh(self, doc: dict[str, Any], texts: list[_Page]) -> list[_Matched]:
        """Fallback for query nodes pagematch does not know: a throw-away index of the pages."""
        full = make_schema()
        schema = Schema(
            page_no=ID(stored=True),
            **{name: full[name] for name in full.names() if name not in ("document_id", "pages")},
        )
        ram = RamStorage().create_index(schema)
        with ram.writer() as writer:
            for page_no, text, _tokens in texts:
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
        by_no = {page[0]: page for page in texts}
        return [(n, 1, set(words), by_no[n][1], by_no[n][2]) for n in sorted(found)]

    def _document_hit(
        self, doc: dict[str, Any], score: float, docnum: Any, texts: list[_Page]
    ) -> DocumentHit | None:
        matched = self._matching(docnum, doc, texts)
        if not matched:
            return None  # the words are in the document, but never together on one page
        best = sorted(matched, key=lambda m: (-m[1], m[0]))[:MAX_SNIPPET_PAGES]
        page_hits = []
        for page_no, _weight, words, text, tokens in sorted(best, key=lambda m: m[0]):
            plain, rich = pagematch.snippet(text, words, set(tokens))
            page_hits.append(PageHit(page_no=page_no, snippet=plain, snippet_html=rich))
        return DocumentHit(
            document_id=doc["id"],
            case_id=doc["case_id"],
            a_number=doc["a_number"],
            eoir_case_id=doc["eoir_case_id"],
            respondent=doc["respondent"],
            title=doc["title"],
            doc_type=doc["doc_type"],
            filed_on=doc["filed_on"],
            score=score,
            page_count=doc["page_count"],
            matching_pages=[m[0] for m in matched],
            pages=page_hits,
        )
