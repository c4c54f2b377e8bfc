"""The query language on PostgreSQL: the embedded engines' own parse, node by node, as SQL.

One parser serves every engine (:mod:`caseorg.search.query`), so a query means the same on
a court library as on a folder library. A page matches as the embedded engines' page check
has it (:mod:`caseorg.search.pagematch`): words, prefixes, fuzzy and wildcard words are
looked up in the page's stored English ``tsvector`` (``pages.words``); a quoted phrase means
those exact words in that order, so the stemmed words narrow the pages and a regular
expression on the text decides; a NOT excludes whole documents; field filters (type:, a:,
filed:, title:, tag:, note:) are about the document, answered once per search over the
documents table. Words are stemmed by PostgreSQL (Snowball English, its stop words) from
what the user typed; fuzzy~ and wildcard words are expanded over the word list
(:data:`caseorg.library.pg_schema.WORD_LIST`) with Whoosh's own rules (edit distance,
shared prefix), found by trigram similarity when ``pg_trgm`` is there.
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.query.qcore import _NullQuery
from whoosh.support.levenshtein import distance

from caseorg.errors import BadQuery
from caseorg.library.pg_schema import WORD_LIST, has_trigrams
from caseorg.search.pagematch import EXACT, mentions_content
from caseorg.search.query import exact_phrases, normalise_query

Frag = tuple[str, list[Any]]  # SQL with %s placeholders, and its parameters
CONTENT = "content"
NOTHING = "\x00nothing"  # a tsquery no page matches (a fuzzy word with no neighbours)
MAX_EXPANSION = 500  # words a fuzzy or wildcard word stands for, at most
# doc-level fields: the column each stands for (the same values the Whoosh entry holds)
COLUMNS = {
    "doc_type": "d.doc_type",
    "a_number": "c.a_number",
    "filed_on": "d.filed_on",
    "case_id": "d.case_id::text",
}
NOTE_TEXT = (
    "coalesce((SELECT string_agg(n.text, ' ') FROM notes n WHERE n.case_id = d.case_id "
    "AND (n.entity != 'document' OR n.entity_id = d.id)), '')"
)
TAGS = (
    "(SELECT tag FROM case_tags WHERE case_id = d.case_id "
    "UNION SELECT tag FROM document_tags WHERE document_id = d.id)"
)
# Whoosh's tokens (RegexTokenizer: [\w*]+(\.?[\w*]+)*) in PostgreSQL's regular expressions
_CHAR = "[[:alnum:]_*]"
_TOKEN = f"{_CHAR}+(?:\\.?{_CHAR}+)*"
# not inside a token (a lookbehind here made the expression 4x slower on a page)
_BEFORE = "(?:^\\.?|[^[:alnum:]_*.]|[^[:alnum:]_*]\\.)"
_AFTER = f"(?!{_CHAR})(?!\\.{_CHAR})"
_SEP = "[^[:alnum:]_*]+"


def _and(frags: list[Frag]) -> Frag:
    return _join(" AND ", frags)


def _or(frags: list[Frag]) -> Frag:
    return _join(" OR ", frags)


def _join(op: str, frags: list[Frag]) -> Frag:
    if len(frags) == 1:
        return frags[0]
    return "(" + op.join(s for s, _p in frags) + ")", [p for _s, ps in frags for p in ps]


def _not(frag: Frag) -> Frag:
    return f"NOT {frag[0]}", frag[1]


def _quoted(word: str) -> str:
    """``word`` as one lexeme in tsquery's text form."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def phrase_regex(words: list[str], slop: int = 1) -> str:
    """A case-insensitive regular expression for these exact words in order, each 1..slop
    tokens after the last (Whoosh's phrase rule on the exact field)."""
    between = _SEP if slop <= 1 else f"(?:{_SEP}{_TOKEN}){{0,{slop - 1}}}{_SEP}"
    body = between.join(re.sub(r"([^\w\s])", r"\\\1", w) for w in words)
    return f"{_BEFORE}{body}{_AFTER}"


class ServerQuery:
    """One search's query as SQL over ``pages p`` (see the module's docstring).

    ``where``: the page condition; ``index``: a tsquery every matching page matches (what
    the GIN index narrows by; None: any page may match); ``rank``: the query's words to
    rank pages by and mark in snippets (None: a query of document fields only).
    """

    def __init__(self, pg: Any, text: str):
        from caseorg.search.seam import _parsed  # the embedded engines' parse (cached)

        self.pg = pg
        self.normal = exact_phrases(normalise_query(text))
        self.tree = _parsed(text)
        self._leaves: dict[int, tuple[str, str] | None] = {}  # id(node) -> (index, rank)
        self._analyse()
        if self._page(self.tree) is None:
            raise BadQuery("nothing to search for: every word is too common or empty")
        self.index = self._index(self.tree)
        # what the index's tsquery leaves to check: each test of a page's stored words
        # reads (detoasts) them again, the costly part of a search on the server
        self.where: Frag | None = self._residual(self.tree) if self.index else None
        if not self.index:
            self.where = self._page(self.tree)
        ranked = [t for t in self._positive(self.tree) if t != NOTHING]
        self.rank = " | ".join(f"({t})" for t in ranked) if ranked else None

    # -- words, as PostgreSQL stems them ------------------------------------------------------
    def _analyse(self) -> None:
        """Each leaf on page text as tsqueries (index, rank): one round trip for all."""
        asks: list[tuple[int, str, str]] = []  # (node id, function, text)
        for node in self._walk(self.tree):
            field = getattr(node, "fieldname", None)
            if field == CONTENT and isinstance(node, wq.Term):
                asks.append((id(node), "plainto_tsquery", self._typed(node)))
            elif field == EXACT and isinstance(node, wq.Term | wq.Phrase):
                words = " ".join(node.words if isinstance(node, wq.Phrase) else [node.text])
                asks.append((id(node), "plainto_tsquery", words))
                asks.append((-id(node), "phraseto_tsquery", words))
            elif field == CONTENT and isinstance(node, wq.MultiTerm):
                expansion = self._expand(node)
                self._leaves[id(node)] = (expansion, expansion) if expansion else None
        if not asks:
            return
        columns = ", ".join(f"{how}('english', %s)::text" for _n, how, _t in asks)
        row = self.pg.execute(f"SELECT {columns}", [t for _n, _h, t in asks]).fetchone()
        found = {key: tsq for (key, _h, _t), tsq in zip(asks, row, strict=True)}
        for key, tsq in found.items():
            if key < 0:
                continue
            if key in found and -key in found:  # an exact phrase: any stop words are fine
                self._leaves[key] = (tsq or "", found[-key] or "")
            else:
                self._leaves[key] = (tsq, tsq) if tsq else None  # a stop word: left out

    def _typed(self, node: Any) -> str:
        """The words the user typed for a parsed word (Whoosh's text is its own stem)."""
        start, end = getattr(node, "startchar", None), getattr(node, "endchar", None)
        ranges = getattr(node, "char_ranges", None)  # a phrase's words (stop words between)
        if ranges:
            start, end = ranges[0][0], ranges[-1][1]
        if start is None or end is None:
            return " ".join(node.words) if isinstance(node, wq.Phrase) else str(node.text)
        typed = re.sub(r"^\w+:", "", self.normal[start:end])
        typed = re.sub(r"\^[\d.]+$", "", typed).strip('"')
        if typed:
            return typed
        return " ".join(node.words) if isinstance(node, wq.Phrase) else str(node.text)

    def _expand(self, node: Any) -> str:
        """A prefix, wildcard or fuzzy word as a tsquery of the words it stands for."""
        text = str(node.text)
        if isinstance(node, wq.Prefix):
            return _quoted(text) + ":*" if text else ""
        if isinstance(node, wq.FuzzyTerm):
            words = self._fuzzy(text, int(node.maxdist), int(node.prefixlength))
        elif isinstance(node, wq.Wildcard):
            pattern = _like(text).replace("*", "%").replace("?", "_")
            rows = self.pg.execute(
                f"SELECT DISTINCT word FROM {WORD_LIST} WHERE word LIKE %s LIMIT %s",
                [pattern, MAX_EXPANSION],
            )
            words = sorted(r[0] for r in rows)
        else:
            raise BadQuery(f"{type(node).__name__} is not supported on a court library yet")
        return " | ".join(_quoted(w) for w in words) if words else NOTHING

    def _fuzzy(self, text: str, maxdist: int, prefix: int) -> list[str]:
        """Listed words within ``maxdist`` edits of ``text`` sharing its first ``prefix``
        letters (Whoosh's rule); candidates by trigram similarity when pg_trgm is there."""
        n = len(text)
        where = ["length(word) BETWEEN %s AND %s", "word LIKE %s"]
        params: list[Any] = [n - maxdist, n + maxdist, _like(text[:prefix]) + "%"]
        if has_trigrams(self.pg):
            # the least similarity a word within maxdist edits can have, and a margin
            floor = (n - 3 * maxdist) / (n + 3 * maxdist + 2)
            self.pg.execute("SELECT set_limit(%s)", [max(0.05, min(0.3, 0.8 * floor))])
            where.append("word %% %s")
            params.append(text)
        rows = self.pg.execute(
            f"SELECT DISTINCT word FROM {WORD_LIST} WHERE {' AND '.join(where)}", params
        )
        near = [r[0] for r in rows if distance(r[0], text, limit=maxdist) <= maxdist]
        return sorted(near)[:MAX_EXPANSION]

    def _walk(self, node: Any) -> list[Any]:
        found = [node]
        for child in _children(node):
            found += self._walk(child)
        return found

    # -- a page's condition -------------------------------------------------------------------
    def _page(self, q: Any, p: str = "p") -> Frag | None:
        """Does page ``p`` match ``q``? None: nothing left of ``q`` (stop words only)."""
        if isinstance(q, _NullQuery):
            return None
        if not mentions_content(q):
            found = self._doc(q)
            if found is None:
                return None
            return (
                f"{p}.document_id IN (SELECT d.id FROM documents d JOIN cases c ON "
                f"c.id = d.case_id WHERE {found[0]})",
                found[1],
            )
        if isinstance(q, wq.Term | wq.Phrase | wq.MultiTerm):
            return self._leaf(q, p)
        if isinstance(q, wq.Every):
            return "TRUE", []
        if isinstance(q, wq.Not):
            inner = self._whole(q.query, p)
            return None if inner is None else _not(inner)
        if isinstance(q, wq.AndNot):
            a, b = self._page(q.a, p), self._whole(q.b, p)
            return a if a is None or b is None else _and([a, _not(b)])
        if isinstance(q, wq.AndMaybe | wq.Otherwise):
            return self._page(q.a, p)
        if isinstance(q, wq.Require):
            parts = [f for f in (self._page(q.a, p), self._page(q.b, p)) if f]
            return _and(parts) if parts else None
        if isinstance(q, wq.And | wq.Or | wq.DisjunctionMax):
            parts = [f for f in (self._page(c, p) for c in q.subqueries) if f]
            if not parts:
                return None
            return _and(parts) if isinstance(q, wq.And) else _or(parts)
        if isinstance(q, wq.WrappingQuery):
            return self._page(q.child, p)
        raise BadQuery(f"this query cannot be run on a court library ({type(q).__name__})")

    def _leaf(self, q: Any, p: str) -> Frag | None:
        if q.fieldname == EXACT:
            found = self._leaves.get(id(q))
            words = list(q.words) if isinstance(q, wq.Phrase) else [q.text]
            test = f"{p}.text ~* %s", [phrase_regex(words, getattr(q, "slop", 1))]
            if found and found[0]:
                return _and([(f"{p}.words @@ %s::tsquery", [found[0]]), test])
            return test
        found = self._leaves.get(id(q))
        if found is None:
            return None
        if found[0] == NOTHING:
            return "FALSE", []
        return f"{p}.words @@ %s::tsquery", [found[0]]

    def _whole(self, q: Any, p: str) -> Frag | None:
        """Does ``q`` match page ``p``'s document as a whole (a NOT's test)?"""
        if not mentions_content(q):
            return self._page(q, p)
        if isinstance(q, wq.Term | wq.Phrase | wq.MultiTerm):
            leaf = self._leaf(q, "w")
            if leaf is None:
                return None
            return (
                f"{p}.document_id IN (SELECT w.document_id FROM pages w "
                f"WHERE w.text != '' AND {leaf[0]})",
                leaf[1],
            )
        if isinstance(q, wq.Every):
            return "TRUE", []
        if isinstance(q, wq.Not):
            inner = self._whole(q.query, p)
            return None if inner is None else _not(inner)
        if isinstance(q, wq.AndNot):
            a, b = self._whole(q.a, p), self._whole(q.b, p)
            return a if a is None or b is None else _and([a, _not(b)])
        if isinstance(q, wq.AndMaybe | wq.Otherwise):
            return self._whole(q.a, p)
        if isinstance(q, wq.WrappingQuery):
            return self._whole(q.child, p)
        subs = [q.a, q.b] if isinstance(q, wq.Require) else list(q.subqueries)
        parts = [f for f in (self._whole(c, p) for c in subs) if f]
        if not parts:
            return None
        return _or(parts) if isinstance(q, wq.Or | wq.DisjunctionMax) else _and(parts)

    def _residual(self, q: Any) -> Frag | None:
        """``q``'s page condition less what its index tsquery already asks (the words of
        the leaves ANDed at the top); None: nothing more."""
        if isinstance(q, wq.And | wq.Require):
            subs = [q.a, q.b] if isinstance(q, wq.Require) else list(q.subqueries)
            parts = [f for f in (self._residual(c) for c in subs) if f]
            return _and(parts) if parts else None
        if isinstance(q, wq.AndNot):
            a, b = self._residual(q.a), self._whole(q.b, "p")
            if b is None:
                return a
            return _and([a, _not(b)]) if a else _not(b)
        found = self._leaves.get(id(q)) if mentions_content(q) else None
        if isinstance(q, wq.Term | wq.Phrase | wq.MultiTerm) and found and found[0]:
            if q.fieldname == EXACT:  # the words are asked; their order is not
                words = list(q.words) if isinstance(q, wq.Phrase) else [q.text]
                return "p.text ~* %s", [phrase_regex(words, getattr(q, "slop", 1))]
            if found[0] != NOTHING:
                return None
        return self._page(q)

    # -- a document's fields -------------------------------------------------------------------
    def _doc(self, q: Any) -> Frag | None:
        """``q`` (about document fields only) over ``documents d JOIN cases c``."""
        if isinstance(q, _NullQuery):
            return None
        if isinstance(q, wq.Every):
            return "TRUE", []
        if isinstance(q, wq.Not):
            inner = self._doc(q.query)
            return None if inner is None else _not(inner)
        if isinstance(q, wq.AndNot):
            a, b = self._doc(q.a), self._doc(q.b)
            return a if a is None or b is None else _and([a, _not(b)])
        if isinstance(q, wq.AndMaybe | wq.Otherwise):
            return self._doc(q.a)
        if isinstance(q, wq.WrappingQuery):
            return self._doc(q.child)
        if isinstance(q, wq.CompoundQuery | wq.Require):
            subs = [q.a, q.b] if isinstance(q, wq.Require) else list(q.subqueries)
            parts = [f for f in (self._doc(c) for c in subs) if f]
            if not parts:
                return None
            return _or(parts) if isinstance(q, wq.Or | wq.DisjunctionMax) else _and(parts)
        field = q.fieldname
        if field in COLUMNS:
            return self._column(q, COLUMNS[field])
        if field == "tag":
            return self._tag(q)
        if field in ("title", "note"):
            return self._text_field(q, "d.title" if field == "title" else NOTE_TEXT)
        raise BadQuery(f"{field}: cannot be searched on a court library")

    def _column(self, q: Any, column: str) -> Frag:
        if isinstance(q, wq.Term):
            return f"{column} = %s", [q.text]
        if isinstance(q, wq.TermRange):
            parts: list[Frag] = []
            if q.start is not None and q.start != "":
                parts.append((f"{column} {'>' if q.startexcl else '>='} %s", [q.start]))
            if q.end is not None and q.end != "":
                parts.append((f"{column} {'<' if q.endexcl else '<='} %s", [q.end]))
            parts.append((f"{column} IS NOT NULL", []))
            return _and(parts)
        if isinstance(q, wq.Prefix):
            return f"{column} LIKE %s", [_like(q.text) + "%"]
        if isinstance(q, wq.Wildcard):
            return f"{column} LIKE %s", [_like(q.text).replace("*", "%").replace("?", "_")]
        raise BadQuery(f"{q.fieldname}: takes a value or a range on a court library")

    def _tag(self, q: Any) -> Frag:
        """Whoosh's tag field: the document's and its case's tags, lower-cased words."""
        test: Frag
        if isinstance(q, wq.Term):
            test = "t.w = %s", [q.text.lower()]
        elif isinstance(q, wq.Prefix | wq.Wildcard):
            pattern = _like(q.text.lower()).replace("*", "%").replace("?", "_")
            test = "t.w LIKE %s", [pattern + ("%" if isinstance(q, wq.Prefix) else "")]
        else:
            raise BadQuery("tag: takes a tag (or tag*) on a court library")
        return (
            "EXISTS (SELECT 1 FROM (SELECT regexp_split_to_table(lower(tag), '\\s+') AS w "
            f"FROM {TAGS} tags) t WHERE {test[0]})",
            test[1],
        )

    def _text_field(self, q: Any, text: str) -> Frag:
        """title: and note: words, phrases and prefixes, stemmed as the page text is."""
        vector = f"to_tsvector('english', {text})"
        if isinstance(q, wq.Term):
            return f"{vector} @@ plainto_tsquery('english', %s)", [self._typed(q)]
        if isinstance(q, wq.Phrase):
            return f"{vector} @@ phraseto_tsquery('english', %s)", [self._typed(q)]
        if isinstance(q, wq.Prefix):
            return f"{vector} @@ %s::tsquery", [_quoted(q.text) + ":*"]
        if isinstance(q, wq.Wildcard):
            pattern = _like(q.text).replace("*", "%").replace("?", "_")
            return (
                f"EXISTS (SELECT 1 FROM unnest(tsvector_to_array({vector})) w WHERE w LIKE %s)",
                [pattern],
            )
        raise BadQuery(f"{q.fieldname}: takes words, phrases or prefix* on a court library")

    # -- what the GIN index narrows by, and what ranks ------------------------------------------
    def _index(self, q: Any) -> str | None:
        """A tsquery every page matching ``q`` matches (None: no such narrowing)."""
        if isinstance(q, wq.Term | wq.Phrase | wq.MultiTerm) and mentions_content(q):
            found = self._leaves.get(id(q))
            return found[0] if found and found[0] else None
        if isinstance(q, wq.And | wq.Require):
            subs = [q.a, q.b] if isinstance(q, wq.Require) else list(q.subqueries)
            kept = [t for t in (self._index(c) for c in subs) if t]
            if NOTHING in kept:
                return NOTHING
            return " & ".join(f"({t})" for t in kept) if kept else None
        if isinstance(q, wq.AndNot | wq.AndMaybe | wq.Otherwise):
            return self._index(q.a)
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            live = [c for c in q.subqueries if self._page(c) is not None]
            subs = [self._index(c) for c in live]
            if not subs or any(t is None for t in subs):
                return None
            kept = [t for t in subs if t and t != NOTHING]
            return " | ".join(f"({t})" for t in kept) if kept else NOTHING
        if isinstance(q, wq.WrappingQuery):
            return self._index(q.child)
        return None

    def _positive(self, q: Any) -> list[str]:
        """The tsqueries of the words a page is found by (not those under a NOT)."""
        if isinstance(q, wq.Not):
            return []
        if isinstance(q, wq.AndNot):
            return self._positive(q.a)
        if isinstance(q, wq.Term | wq.Phrase | wq.MultiTerm):
            found = self._leaves.get(id(q)) if mentions_content(q) else None
            return [found[1]] if found and found[1] else []
        return [t for c in _children(q) for t in self._positive(c)]


def _children(node: Any) -> list[Any]:
    if isinstance(node, wq.Not):
        return [node.query]
    if isinstance(node, wq.AndNot | wq.AndMaybe | wq.Otherwise | wq.Require):
        return [node.a, node.b]
    if isinstance(node, wq.CompoundQuery):
        return list(node.subqueries)
    if isinstance(node, wq.WrappingQuery):
        return [node.child]
    return []
