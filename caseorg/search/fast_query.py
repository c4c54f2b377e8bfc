"""The query language on tantivy: the parsed (Whoosh) query translated node by node.

One parser serves both engines (:mod:`caseorg.search.query`), so a query means the
same on both. Words are indexed as the Whoosh analyzer makes them (stems for
content, title and notes; lower-cased tokens for phrases), so a Term is a tantivy
term as it stands. Prefixes, wildcards, fuzzy words and ranges are expanded with
Whoosh's own rules over tantivy's word list (:class:`Lexicon`), so they stand for
the same words on both engines. Where tantivy's phrase slop differs from Whoosh's,
the translation errs wide: the page check keeps only pages that match exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import tantivy
from whoosh import query as wq
from whoosh.query.qcore import _NullQuery
from whoosh.support.levenshtein import levenshtein

from caseorg.errors import BadQuery

Q = tantivy.Query
MUST, SHOULD, MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot
# the text fields of the tantivy index (every field the query language can name)
TEXT_FIELDS = (
    "case_id",
    "a_number",
    "doc_type",
    "title",
    "filed_on",
    "content",
    "exact",
    "tag",
    "note",
)


class Lexicon:
    """Tantivy's word lists with the reader methods Whoosh's multi-word queries call
    (``expand_prefix``, ``lexicon``, ``terms_from``, ``terms_within``)."""

    def __init__(self, searcher: Any, schema: Any):
        self.searcher = searcher
        self.schema = schema  # the Whoosh schema: from_bytes / to_bytes of each field

    def expand_prefix(self, fieldname: str, prefix: str | bytes) -> list[bytes]:
        if fieldname not in TEXT_FIELDS:
            return []
        text = prefix.decode("utf-8") if isinstance(prefix, bytes) else prefix
        found = self.searcher.terms_with_prefix(fieldname, text)
        return sorted(term.encode("utf-8") for term, _freq in found)

    def lexicon(self, fieldname: str) -> list[bytes]:
        return self.expand_prefix(fieldname, "")

    def terms_from(self, fieldname: str, start: bytes) -> Iterator[tuple[str, bytes]]:
        for word in self.lexicon(fieldname):
            if word >= start:
                yield fieldname, word

    def terms_within(
        self, fieldname: str, text: str, maxdist: int, prefix: int = 0
    ) -> Iterator[str]:
        # the length first: an edit distance in Python for every word was 5.6 s at 100,000 pages
        low, high = len(text) - maxdist, len(text) + maxdist
        for btext in self.expand_prefix(fieldname, text[:prefix]):
            word = btext.decode("utf-8")
            if low <= len(word) <= high and levenshtein(word, text, limit=maxdist) <= maxdist:
                yield word


def expanded(node: Any, lexicon: Lexicon) -> set[str]:
    """The indexed words a prefix, wildcard, fuzzy word or range stands for."""
    words: set[str] = set()
    for b in node._btexts(lexicon):
        if b:
            words.add(b if isinstance(b, str) else b.decode("utf-8"))
    return words


MAX_FUZZY = 2  # tantivy's fuzzy term query allows up to two edits


def translate(q: Any, schema: Any, expand: Callable[[Any], set[str]], wide: bool = True) -> Any:
    """``q`` (a parsed Whoosh query) as a tantivy query on ``schema``; ``wide``: a
    fuzzy word may match more documents than Whoosh's (the page check narrows)."""
    found = _translate(q, schema, expand, wide)
    boost = getattr(q, "boost", 1.0)
    if boost != 1.0 and not isinstance(q, wq.Not):
        return Q.boost_query(found, float(boost))
    return found


def _translate(q: Any, schema: Any, expand: Callable[[Any], set[str]], wide: bool) -> Any:
    def sub(node: Any) -> Any:
        return translate(node, schema, expand, wide)

    def excluded(node: Any) -> Any:  # what a NOT removes: never wider than Whoosh's
        return translate(node, schema, expand, False)

    if isinstance(q, _NullQuery):
        return Q.empty_query()
    if isinstance(q, wq.Every):
        return Q.all_query()
    if isinstance(q, wq.Term | wq.Phrase | wq.MultiTerm) and q.fieldname not in TEXT_FIELDS:
        return Q.empty_query()  # a field the index does not hold
    if isinstance(q, wq.Term):
        return Q.term_query(schema, q.fieldname, q.text)
    if isinstance(q, wq.Phrase):
        words = list(q.words)
        if len(words) == 1:
            return Q.term_query(schema, q.fieldname, words[0])
        # Whoosh: each word 1..slop after the last; tantivy: gaps summed over the phrase
        return Q.phrase_query(schema, q.fieldname, words, (q.slop - 1) * (len(words) - 1))
    if isinstance(q, wq.FuzzyTerm) and wide and q.maxdist <= MAX_FUZZY:
        # plain Levenshtein as Whoosh's automaton; Whoosh's prefix is left to the page check
        return Q.fuzzy_term_query(
            schema, q.fieldname, q.text, distance=q.maxdist, transposition_cost_one=False
        )
    if isinstance(q, wq.MultiTerm):
        words = sorted(expand(q))
        return Q.term_set_query(schema, q.fieldname, words) if words else Q.empty_query()
    if isinstance(q, wq.WrappingQuery):
        return sub(q.child)
    if isinstance(q, wq.Not):
        return Q.boolean_query([(MUST, Q.all_query()), (MUST_NOT, excluded(q.query))])
    if isinstance(q, wq.And):
        clauses = [
            (MUST_NOT, excluded(c.query)) if isinstance(c, wq.Not) else (MUST, sub(c))
            for c in q.subqueries
        ]
        if all(occur == MUST_NOT for occur, _q in clauses):
            clauses.append((MUST, Q.all_query()))
        return Q.boolean_query(clauses)
    if isinstance(q, wq.Or | wq.DisjunctionMax):
        return Q.boolean_query([(SHOULD, sub(c)) for c in q.subqueries])
    if isinstance(q, wq.AndNot):
        return Q.boolean_query([(MUST, sub(q.a)), (MUST_NOT, excluded(q.b))])
    if isinstance(q, wq.AndMaybe | wq.Otherwise):
        return Q.boolean_query([(MUST, sub(q.a)), (SHOULD, sub(q.b))])
    if isinstance(q, wq.Require):
        return Q.boolean_query([(MUST, sub(q.a)), (MUST, sub(q.b))])
    raise BadQuery(f"this query cannot be run by the tantivy engine ({type(q).__name__})")
