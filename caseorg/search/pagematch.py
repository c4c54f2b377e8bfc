"""Which pages of a shown document match a query, and their highlighted snippets.

The index ranks whole documents (one entry each, design §5); the pages are
found afterwards, only for the documents on screen, from ``pages.text``. This
module does that in plain Python: it tokenises a page exactly as the index's
StemmingAnalyzer does (a test holds the two equal), evaluates the parsed Whoosh
query against the page's words and positions, and cuts snippets around the hits.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem
from whoosh.query.qcore import _NullQuery

CONTENT = "content"
EXACT = "exact"  # the same tokens lower-cased only: no stemming, no stop words dropped
PAGE_FIELDS = (CONTENT, EXACT)
EXACT_KEY = "\x01"  # page-word key of an exact word; a mark key of exact words in order
PAGE_GAP = 100  # positions between pages in a document entry: no phrase spans two pages
SNIPPET_CHARS = 220
SNIPPET_SURROUND = 60
SNIPPET_FRAGMENTS = 2

# StemmingAnalyzer's defaults: RegexTokenizer(default_pattern) | LowercaseFilter |
# StopFilter(STOP_WORDS, minsize=2, renumber=True) | StemFilter(porter stem)
# Whoosh's default_pattern r"[\w\*]+(\.?[\w\*]+)*" without the optional dot: after a
# maximal run of word characters the dot-less branch never matches more, so the tokens
# are the same (a test holds them equal); it tokenises 30% faster, with no backtracking
_TOKEN = re.compile(r"[\w\*]+(?:\.[\w\*]+)*")
_WORD_CHAR = re.compile(r"[\w\*]")
_STEMS: dict[str, str] = {}  # lowercased word -> stem ('' for a stop word)
_STEM_CACHE_MAX = 300_000
ANY_WORD = "\x00any"  # key set in page_words() when the page has any word at all


def _stem_of(word: str) -> str:
    return "" if len(word) < 2 or word in STOP_WORDS else stem(word)


def _stem_table() -> dict[str, str]:
    """The word -> stem cache; replaced (not cleared) when full, so another thread
    reading the old one is never surprised by a missing word."""
    global _STEMS
    if len(_STEMS) > _STEM_CACHE_MAX:
        _STEMS = {}
    return _STEMS


def _kept(text: str) -> list[str] | None:
    """The stem of every token of ``text`` in order ('' for a stop word).

    Tokenises the lower-cased text in one C-level pass and stems each distinct word
    once (a dict in front of porter). Profiled: 3.4x faster than the analyzer's token
    generators (0.22 against 0.75 ms a page). None when lower-casing changes the
    text's length (rare letters such as 'İ'): the caller then takes the slow path.
    """
    low = text.lower()
    if len(low) != len(text):
        return None
    return stems_of(_TOKEN.findall(low))


def tokens(text: str) -> list[str]:
    """A page's tokens lower-cased (the exact field's words; :func:`stems_of` makes the
    content words of them). The page check finds them once per page and hands them to
    :func:`page_words` and :func:`snippet`: at 1,000,000 pages tokenising each shown
    page two or three times was most of a search (issue 15)."""
    return _exact_tokens(text)


def stems_of(words: list[str]) -> list[str]:
    """The stem of each lower-cased token in order ('' for a stop word)."""
    table = _stem_table()
    for word in set(words).difference(table):
        table[word] = _stem_of(word)
    return list(map(table.__getitem__, words))


def _kept_slow(text: str) -> list[str]:
    return [_stem_of(m.group().lower()) for m in _TOKEN.finditer(text)]


def analyse(text: str, start: int = 0) -> tuple[dict[str, list[int]], int]:
    """Stems of ``text`` -> positions, as StemmingAnalyzer numbers them from ``start``.

    Returns the positions and the next free position.
    """
    stems = _kept(text)
    if stems is None:
        stems = _kept_slow(text)
    words: dict[str, list[int]] = {}
    first = next((i for i, s in enumerate(stems) if s), None)
    if first is None:
        return words, start
    # StopFilter(renumber=True): the first kept token keeps its place, the rest follow it
    pos = start + first - 1
    for word in stems[first:]:
        if not word:
            continue
        pos += 1
        found = words.get(word)
        if found is None:
            words[word] = [pos]
        else:
            found.append(pos)
    return words, pos + 1


def stem_line(text: str) -> str:
    """``text`` as the index's content words (stems, stop words out) joined by spaces:
    what an engine with a whitespace tokenizer indexes to hold the same words."""
    stems = _kept(text)
    if stems is None:
        stems = _kept_slow(text)
    return " ".join(s for s in stems if s)


def exact_line(text: str) -> str:
    """``text`` as the exact field's words (every token lower-cased) joined by spaces."""
    return " ".join(_exact_tokens(text))


def page_words(text: str, needed: set[str], words: list[str] | None = None) -> dict[str, list[int]]:
    """Positions (relative) of just the ``needed`` stems on a page, plus :data:`ANY_WORD`.

    Matching a page needs only the query's words, so nothing else is collected.
    ``words``: the page's :func:`tokens` when the caller has them already.
    """
    words = tokens(text) if words is None else words
    kept = [s for s in stems_of(words) if s]
    found: dict[str, list[int]] = {}
    if kept:
        found[ANY_WORD] = [0]
    exact = {w[len(EXACT_KEY) :] for w in needed if w.startswith(EXACT_KEY)}
    if exact:
        for k, word in enumerate(words):
            if word in exact:
                found.setdefault(EXACT_KEY + word, []).append(k)
    present = needed.intersection(kept)
    if len(present) == 1:
        (only,) = present
        found[only] = [k for k, s in enumerate(kept) if s == only]
    elif present:
        for k, s in enumerate(kept):
            if s in present:
                found.setdefault(s, []).append(k)
    return found


def analyse_pages(texts: Iterable[str]) -> dict[str, list[int]]:
    """One document's pages as one position list per stem, pages kept apart by a gap."""
    merged: dict[str, list[int]] = {}
    start = 0
    for text in texts:
        words, end = analyse(text, start)
        for word, positions in words.items():
            found = merged.get(word)
            if found is None:
                merged[word] = positions
            else:
                found.extend(positions)
        start = end + PAGE_GAP
    return merged


def _exact_tokens(text: str) -> list[str]:
    """Every token lower-cased, as the exact field's analyzer has them (lower-casing
    first is faster, and the same unless it changes the text's length)."""
    low = text.lower()
    if len(low) == len(text):
        return _TOKEN.findall(low)
    return [word.lower() for word in _TOKEN.findall(text)]


def analyse_exact_pages(texts: Iterable[str]) -> dict[str, list[int]]:
    """The exact field of one document: each lower-cased token -> positions, every token
    numbered (as ``RegexTokenizer() | LowercaseFilter()`` does), pages kept apart."""
    merged: dict[str, list[int]] = {}
    start = 0
    for text in texts:
        tokens = _exact_tokens(text)
        for k, word in enumerate(tokens, start=start):
            found = merged.get(word)
            if found is None:
                merged[word] = [k]
            else:
                found.append(k)
        start += len(tokens) + PAGE_GAP
    return merged


def key_of(fieldname: str, word: str) -> str:
    """A query word's key among a page's words: the stem, or an exact word marked so."""
    return EXACT_KEY + word if fieldname == EXACT else word


def weight(page: dict[str, list[int]], marks: set[str]) -> int:
    """How much of a page the marks cover: occurrences of each word (an exact run's
    first word standing for the run), to show the best pages' snippets first."""
    return sum(len(page.get(m.split(" ", 1)[0], ())) for m in marks)


def spans(text: str, words: set[str], distinct: set[str] | None = None) -> list[tuple[int, int]]:
    """Character spans to mark: tokens whose stem is in ``words``, and each run of
    exact words given as one ``EXACT_KEY + "w1 w2 …"`` mark (one span per occurrence;
    its words one by one when they never occur in that order). ``distinct``: the
    page's distinct :func:`tokens`, when the caller has them."""
    exact = [w[len(EXACT_KEY) :].split(" ") for w in words if w.startswith(EXACT_KEY)]
    stemmed = {w for w in words if not w.startswith(EXACT_KEY)}
    found = _stem_spans(text, stemmed, distinct)
    if exact:
        found += _exact_spans(text, exact)
    found.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _exact_spans(text: str, runs: list[list[str]]) -> list[tuple[int, int]]:
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
    words = [t[2] for t in tokens]
    found: list[tuple[int, int]] = []
    for run in runs:
        n = len(run)
        at = [i for i in range(len(words) - n + 1) if words[i : i + n] == run]
        if not at:  # a phrase with slop: its words where they are
            at_words = set(run)
            found += [(s, e) for s, e, w in tokens if w in at_words]
        found += [(tokens[i][0], tokens[i + n - 1][1]) for i in at]
    return found


def _stem_spans(
    text: str, words: set[str], distinct: set[str] | None = None
) -> list[tuple[int, int]]:
    if not words:
        return []
    low = text.lower()
    if len(low) != len(text):
        return [
            (m.start(), m.end())
            for m in _TOKEN.finditer(text)
            if _stem_of(m.group().lower()) in words
        ]
    if distinct is None:
        distinct = set(_TOKEN.findall(low))
    table = _stem_table()
    for word in distinct.difference(table):
        table[word] = _stem_of(word)
    surface = frozenset(w for w in distinct if table[w] in words)
    if not surface:
        return []
    found = []
    for m in _surface_pattern(surface).finditer(low):
        at = m.start()
        # inside a longer token (after a word character, or a dot after one): not a token
        if at and (
            _WORD_CHAR.match(low, at - 1)
            or (low[at - 1] == "." and at >= 2 and _WORD_CHAR.match(low, at - 2))
        ):
            continue
        found.append(m.span())
    return found


@functools.lru_cache(maxsize=1024)
def _surface_pattern(surface: frozenset[str]) -> re.Pattern[str]:
    """The ``surface`` words where a token ends after them; :func:`_stem_spans` keeps
    those where a token also starts. The spans :data:`_TOKEN` would find for them,
    without a Python step per token of the page: that walk was half of a search's
    time at 1,000,000 pages (issue 15); this is 15x faster.

    A match that starts inside a longer token runs to that token's end, so skipping it
    never hides a token of ``surface`` (tokens do not overlap).
    """
    alternatives = "|".join(re.escape(w) for w in sorted(surface, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{alternatives})(?![\w*]|\.[\w*])")


# -- evaluating a query on one page -----------------------------------------------------


class Unsupported(Exception):
    """A query node this evaluator does not know; the caller falls back to Whoosh."""


def mentions_content(q: Any) -> bool:
    """Does any part of ``q`` look at page text (rather than document fields)?"""
    if isinstance(q, _NullQuery):
        return False
    if isinstance(q, wq.Not | wq.WrappingQuery):
        return mentions_content(q.query if isinstance(q, wq.Not) else q.child)
    if isinstance(q, wq.CompoundQuery):
        return any(mentions_content(c) for c in q.subqueries)
    if isinstance(q, wq.Every):
        return q.fieldname in (None, CONTENT)
    return getattr(q, "fieldname", None) in PAGE_FIELDS


@dataclass
class PageQuery:
    """A parsed query prepared for evaluation on pages of the shown documents.

    ``doc_test(node, docnum)`` answers nodes about document fields (type:, a:,
    title:, filed:, and any later document field) from the index; ``expand(node)``
    lists the index words a prefix, wildcard, fuzzy or range term stands for.
    """

    query: Any
    doc_test: Callable[[Any, int], bool]
    expand: Callable[[Any], set[str]]
    _expanded: dict[int, set[str]] = field(default_factory=dict)

    def words_of(self, node: Any) -> set[str]:
        key = id(node)
        if key not in self._expanded:
            self._expanded[key] = self.expand(node)
        return self._expanded[key]

    def needed(self) -> set[str]:
        """Every page word the query can look at (terms, phrase words, expansions)."""
        found: set[str] = set()
        todo = [self.query]
        while todo:
            q = todo.pop()
            if isinstance(q, wq.Not):
                todo.append(q.query)
            elif isinstance(q, wq.WrappingQuery):
                todo.append(q.child)
            elif isinstance(q, wq.CompoundQuery):
                todo.extend(q.subqueries)
            elif getattr(q, "fieldname", None) not in PAGE_FIELDS:
                continue
            elif isinstance(q, wq.Term):
                found.add(key_of(q.fieldname, q.text))
            elif isinstance(q, wq.Phrase):
                found.update(key_of(q.fieldname, w) for w in q.words)
            elif isinstance(q, wq.MultiTerm):
                found.update(self.words_of(q))
        return found

    def matches(self, page: dict[str, list[int]], docnum: int, hits: set[str]) -> bool:
        """Does the page match? Adds the words to highlight to ``hits``."""
        return self._eval(self.query, page, docnum, hits, True)

    def _eval(
        self, q: Any, page: dict[str, list[int]], docnum: int, hits: set[str], pos: bool
    ) -> bool:
        if isinstance(q, _NullQuery):
            return False
        if not mentions_content(q):
            return self.doc_test(q, docnum)
        if isinstance(q, wq.Term):
            key = key_of(q.fieldname, q.text)
            found = key in page
            if found and pos:
                hits.add(key)
            return found
        if isinstance(q, wq.Phrase):
            keys = [key_of(q.fieldname, w) for w in q.words]
            found = _phrase_in(page, keys, q.slop)
            if found and pos:
                # an exact phrase is marked where it occurs, stemmed words one by one
                hits.update([EXACT_KEY + " ".join(q.words)] if q.fieldname == EXACT else keys)
            return found
        if isinstance(q, wq.MultiTerm):
            present = self.words_of(q) & page.keys()
            if present and pos:
                hits.update(present)
            return bool(present)
        if isinstance(q, wq.Every):
            return bool(page)
        # NOT excludes whole documents: a document with the word anywhere is out
        if isinstance(q, wq.Not):
            return not self.doc_test(q.query, docnum)
        if isinstance(q, wq.AndNot):
            return self._eval(q.a, page, docnum, hits, pos) and not self.doc_test(q.b, docnum)
        if isinstance(q, wq.AndMaybe | wq.Otherwise):
            found = self._eval(q.a, page, docnum, hits, pos)
            if found:
                self._eval(q.b, page, docnum, hits, pos)  # only for highlighting
            return found
        if isinstance(q, wq.Require):
            return self._eval(q.a, page, docnum, hits, pos) and self._eval(
                q.b, page, docnum, hits, pos
            )
        if isinstance(q, wq.And):
            seen: set[str] = set()
            if all(self._eval(c, page, docnum, seen, pos) for c in q.subqueries):
                hits.update(seen)
                return True
            return False
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            need = max(1, getattr(q, "minmatch", 0) or 0)
            count = sum(1 for c in q.subqueries if self._eval(c, page, docnum, hits, pos))
            return count >= need
        raise Unsupported(type(q).__name__)


def _phrase_in(page: dict[str, list[int]], words: list[str], slop: int) -> bool:
    """Whoosh's phrase rule (SpanNear2, ordered): each word 1..slop places after the last."""
    if not words:
        return False
    lists = [page.get(w) for w in words]
    if any(not p for p in lists):
        return False
    if slop == 1:  # the common case: consecutive positions
        candidates = set(lists[0])  # type: ignore[arg-type]
        for offset, positions in enumerate(lists[1:], start=1):
            shifted = {p - offset for p in positions}  # type: ignore[union-attr]
            candidates &= shifted
            if not candidates:
                return False
        return True
    current = set(lists[0])  # type: ignore[arg-type]
    for positions in lists[1:]:
        current = {p for p in positions if any(1 <= p - c <= slop for c in current)}  # type: ignore[union-attr]
        if not current:
            return False
    return True


# -- snippets --------------------------------------------------------------------------


def snippet(text: str, words: set[str], distinct: set[str] | None = None) -> tuple[str, str]:
    """(plain text with **marks**, escaped HTML with <b>) around the first best hits.

    Like Whoosh's ContextFragmenter(maxchars=220, surround=60) with the two best
    fragments, but on the tokens already known: nothing is re-analysed. ``distinct``:
    the page's distinct :func:`tokens`, when the caller has them.
    """
    marks = spans(text, words, distinct) if words else []
    if not marks:
        head = " ".join(text.split())[:200]
        return head, html.escape(head)
    fragments: list[tuple[int, int, list[tuple[int, int]]]] = []
    i = 0
    while i < len(marks):
        start = _snap_start(text, max(0, marks[i][0] - SNIPPET_SURROUND))
        j = i
        while j + 1 < len(marks) and marks[j + 1][1] - start <= SNIPPET_CHARS:
            j += 1
        end = _snap_end(text, min(len(text), marks[j][1] + SNIPPET_SURROUND), marks[j][1])
        fragments.append((start, end, marks[i : j + 1]))
        i = j + 1
    best = sorted(fragments, key=lambda f: (-len(f[2]), f[0]))[:SNIPPET_FRAGMENTS]
    best.sort(key=lambda f: f[0])
    plain_parts, rich_parts = [], []
    for start, end, inside in best:
        plain, rich, at = [], [], start
        for s, e in inside:
            plain.append(text[at:s] + "**" + text[s:e] + "**")
            rich.append(html.escape(text[at:s]) + "<b>" + html.escape(text[s:e]) + "</b>")
            at = e
        plain.append(text[at:end])
        rich.append(html.escape(text[at:end]))
        plain_parts.append(" ".join("".join(plain).split()))
        rich_parts.append(" ".join("".join(rich).split()))
    return " … ".join(plain_parts), " … ".join(rich_parts)


def _snap_start(text: str, at: int) -> int:
    """Move a fragment start forward to the beginning of a word."""
    if at <= 0:
        return 0
    space = text.find(" ", at, at + 30)
    return space + 1 if space >= 0 else at


def _snap_end(text: str, at: int, floor: int) -> int:
    """Move a fragment end back to the end of a word (never before the last hit)."""
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", floor, at)
    return space if space >= 0 else at
