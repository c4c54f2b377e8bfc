"""Search on the server: a court library's pages searched by PostgreSQL (issue 16).

It stands where :class:`caseorg.search.seam.SearchIndex` stands on a folder library: the
pages are already in the database, each with its English words stored beside it
(``pages.words``, a generated ``tsvector`` with a GIN index: :mod:`caseorg.library.
pg_schema`), so the records code's index updates are nothing to do. The query language
is the embedded engines' own, translated node by node (:mod:`caseorg.search.
server_query`): words, "exact phrases", AND/OR/NOT, -excluded and +required words,
prefix*, wildcards, fuzzy~, parentheses and the field filters type:, a:, filed: (dates
and ranges), title:, tag: and note:.

One statement per search: the matching pages (narrowed by the GIN index) ranked by
``ts_rank`` on the stored words, grouped by document (a document's score: the sum of its
pages'), only the documents shown kept; then, for those only, the metadata and
``ts_headline`` snippets of their best pages (a headline re-reads a page's text: the
costly part, so it is never cut for a page not shown).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from caseorg.errors import BadQuery
from caseorg.search.pagecheck import MAX_SNIPPET_PAGES
from caseorg.search.results import DocumentHit, PageHit
from caseorg.search.server_query import NOTHING, Frag, ServerQuery
from caseorg.values import parse_a_number

if TYPE_CHECKING:
    from caseorg.library import Library

SNIPPETS = MAX_SNIPPET_PAGES  # best pages with a snippet, per document shown: as embedded
HEAD_CHARS = 200  # a page found by document fields only: its first characters
_HEADLINE = (
    'StartSel=<<, StopSel=>>, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'
)
# ts_headline parses (stems) the whole text it is given: it reads the part of the page
# from the first place of the query's first word to the first place of its last one
# (regular expressions find them, far cheaper), with some text either side; the whole
# page only when that part shows no match (a stem the expressions miss: a word that does
# not begin with its stem).
WINDOW_BEFORE, WINDOW_AFTER = 200, 500  # characters: two fragments of 24 words fit
SPAN_STEMS = 8  # more stems (a fuzzy~ word's many): the window opens at the first of any
_LEXEME = re.compile(r"'((?:[^']|'')+)'")


def _places(tsquery: str) -> list[str]:
    """Regular expressions (PostgreSQL's) for a word beginning with each of ``tsquery``'s
    stems (one for all of them when they are many)."""
    stems = sorted({m.replace("''", "'") for m in _LEXEME.findall(tsquery)})
    if len(stems) > SPAN_STEMS:
        return [r"\m(" + "|".join(re.escape(stem) for stem in stems) + ")"]
    return [r"\m" + re.escape(stem) for stem in stems]


def _snippet_sql(query: ServerQuery) -> tuple[str, str, list[Any], list[Any]]:
    """A page's snippet (select list, FROM additions, and the parameters of each)."""
    if not query.rank:
        return f"left(g.text, {HEAD_CHARS})", "", [], []
    whole = f"ts_headline('english', g.text, %s::tsquery, '{_HEADLINE}')"
    places = _places(query.rank)
    if not places:
        return whole, "", [query.rank], []
    found = ", ".join("(regexp_instr(g.text, %s, 1, 1, 0, 'i'))" for _ in places)
    start = f"greatest(1, m.lo - {WINDOW_BEFORE})"
    window = (
        f"CASE WHEN m.lo IS NULL THEN g.text "
        f"ELSE substring(g.text FROM {start} FOR m.hi - {start} + {WINDOW_AFTER}) END"
    )
    # OFFSET 0 keeps each computed once: a subquery pulled up into the select list would
    # be evaluated at each mention (ts_headline twice over)
    joins = (
        "CROSS JOIN LATERAL (SELECT min(p) AS lo, max(p) AS hi "
        f"FROM (SELECT p FROM (VALUES {found}) v(p) OFFSET 0) v WHERE p > 0) m "
        f"CROSS JOIN LATERAL (SELECT ts_headline('english', {window}, %s::tsquery, "
        f"'{_HEADLINE}') AS h OFFSET 0) w"
    )
    select = f"CASE WHEN m.lo IS NULL OR strpos(w.h, '<<') > 0 THEN w.h ELSE {whole} END"
    return select, joins, [query.rank], [*places, query.rank]


def _marked(snippet: str) -> tuple[str, str]:
    """ts_headline's << >> marks as the CLI's **marks** and as escaped HTML with <b>."""
    plain = snippet.replace("<<", "**").replace(">>", "**")
    rich = html.escape(snippet).replace("&lt;&lt;", "<b>").replace("&gt;&gt;", "</b>")
    return " ".join(plain.split()), " ".join(rich.split())


def search_sql(query: ServerQuery, filters: list[Frag], limit: int) -> Frag:
    """The one statement of a search (see the module's docstring)."""
    where: list[str] = ["p.text != ''"]
    params: list[Any] = []
    rank = "0::real"
    if query.rank:
        rank = "ts_rank(p.words, %s::tsquery)"
        params.append(query.rank)
    if query.index:
        where.append("p.words @@ %s::tsquery")
        params.append(query.index)
    if query.where:
        where.append(query.where[0])
        params += query.where[1]
    if filters:
        where.append(
            "p.document_id IN (SELECT d.id FROM documents d JOIN cases c ON c.id = d.case_id "
            f"WHERE {' AND '.join(f[0] for f in filters)})"
        )
        params += [p for f in filters for p in f[1]]
    params.append(max(1, limit))
    snippet, joins, select_params, join_params = _snippet_sql(query)
    params += select_params + join_params
    sql = f"""
        WITH hit AS MATERIALIZED (
            SELECT p.document_id, p.page_no, {rank} AS rank FROM pages p
            WHERE {" AND ".join(where)}),
        top AS (
            SELECT document_id, sum(rank) AS score, array_agg(page_no ORDER BY page_no) AS pages,
                   (array_agg(page_no ORDER BY rank DESC, page_no))[1:{SNIPPETS}] AS best
            FROM hit GROUP BY document_id ORDER BY score DESC, document_id LIMIT %s)
        SELECT d.id, d.case_id, coalesce(c.a_number, ''), c.respondent, d.title, d.doc_type,
               d.filed_on, d.page_count, top.score, top.pages, c.eoir_case_id,
               (SELECT json_agg(json_build_array(g.page_no, {snippet}) ORDER BY g.page_no)
                FROM pages g {joins} WHERE g.document_id = top.document_id
                                 AND g.page_no = ANY(top.best)) AS snippets
        FROM top JOIN documents d ON d.id = top.document_id JOIN cases c ON c.id = d.case_id
        ORDER BY top.score DESC, d.id"""
    return sql, params


class ServerIndex:
    """A court library's search (see the module's docstring)."""

    def __init__(self, lib: Library):
        self.lib = lib

    def search(
        self,
        text: str,
        case_a_number: str | None = None,
        doc_type: str | None = None,
        limit: int = 20,
        case_id: int | None = None,
    ) -> list[DocumentHit]:
        """Documents matching ``text``, best first, each with matching pages and snippets."""
        pg = self._raw()
        query = ServerQuery(pg, text)
        if query.index == NOTHING:
            return []  # a fuzzy or wildcard word that stands for no word at all
        filters: list[Frag] = []
        if case_a_number:
            filters.append(("c.a_number = %s", [parse_a_number(case_a_number)]))
        if case_id is not None:  # a case resolved by the caller (A-number or EOIR id)
            filters.append(("d.case_id = %s", [case_id]))
        if doc_type:
            filters.append(("d.doc_type = %s", [doc_type.strip().lower()]))
        sql, params = search_sql(query, filters, limit)
        try:
            with pg.transaction():
                # the planner does not count reading (detoasting) each page's stored words,
                # which a GIN bitmap scan never does: a scan of every page reads them all
                pg.execute("SET LOCAL enable_seqscan = off")
                rows = pg.execute(sql, params).fetchall()
        except Exception as exc:  # what the server refuses (a regular expression too big)
            raise BadQuery(f"cannot run the search {text!r}: {exc}".splitlines()[0]) from None
        return [self._hit(row) for row in rows]

    @staticmethod
    def _hit(row: Any) -> DocumentHit:
        by_page = {int(no): _marked(snippet or "") for no, snippet in row[11] or []}
        return DocumentHit(
            document_id=row[0],
            case_id=row[1],
            a_number=row[2],
            eoir_case_id=row[10],
            respondent=row[3],
            title=row[4],
            doc_type=row[5],
            filed_on=row[6],
            page_count=row[7],
            score=float(row[8]),
            matching_pages=list(row[9]),
            pages=[PageHit(no, *by_page[no]) for no in sorted(by_page)],
        )

    def _raw(self) -> Any:
        """The server connection: this SQL is PostgreSQL's already (psycopg placeholders)."""
        db: Any = self.lib.db
        return db.raw

    # -- what a Whoosh index does that the server does by itself -------------------------
    def index_documents(self, document_ids: list[int]) -> int:
        return 0  # the pages are in the database, and so is their index

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        return None

    def reconcile(self, progress: Any = None) -> tuple[int, int]:
        return 0, 0

    def rebuild(self, progress: Any = None, cancelled: Any = None, workers: Any = None) -> int:
        """The word list and the search's indexes rebuilt on the server (the owner only:
        :mod:`caseorg.search.server_rebuild`); the pages searched."""
        from caseorg.search.server_rebuild import rebuild_server_search

        return rebuild_server_search(self.lib, progress=progress, cancelled=cancelled)

    def page_count(self) -> int:
        return int(self.lib.conn.execute("SELECT count(*) FROM pages").fetchone()[0])

    @property
    def ix(self) -> _Ready:
        return _Ready()

    def close(self) -> None:
        return None


class _Ready:
    """What ``index_ready`` reads of a Whoosh index: on the server it is always ready."""

    @contextmanager
    def reader(self) -> Iterator[_Ready]:
        yield self

    def doc_count(self) -> int:
        return 1
