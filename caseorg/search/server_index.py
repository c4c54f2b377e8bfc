"""Search on the server: a court library's pages searched by PostgreSQL (issue 16).

It stands where :class:`caseorg.search.engine.SearchIndex` stands on a folder library:
the pages are already in the database, with a GIN index on their English ``tsvector``
(:mod:`caseorg.library.pg_schema`), so the records code's index updates are nothing to
do. A query in caseorg's language — words, "exact phrases", AND/OR/NOT, -excluded and
+required words, prefix*, parentheses — becomes one ``tsquery``; the pages that match
are grouped by document (ranked by the sum of their pages' ``ts_rank``) with
``ts_headline`` snippets of the best pages. Field filters (type:, a:, filed:, tag:,
title:, note:) and fuzzy~ are not on the server yet: such a query says so in one line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from caseorg.errors import BadQuery
from caseorg.search.results import DocumentHit, PageHit
from caseorg.values import parse_a_number

if TYPE_CHECKING:
    from caseorg.library import Library

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_FIELD = re.compile(r"^[+-]?[A-Za-z_]+:")
_SNIPPETS = 3  # best pages with a snippet, per document
_HEADLINE = "StartSel=<<, StopSel=>>, MaxWords=24, MinWords=10, MaxFragments=2"


def tsquery_sql(text: str) -> tuple[str, list[str]]:
    """The SQL of one tsquery for ``text`` and its parameters (see the module's docstring)."""
    parts: list[str] = []
    params: list[str] = []
    expect_operand = True  # between two operands an AND is implied
    for token in _TOKEN.findall(text or ""):
        upper = token.upper()
        if upper in ("AND", "OR") and not expect_operand:
            parts.append("&&" if upper == "AND" else "||")
            expect_operand = True
            continue
        if token == ")":
            parts.append(")")
            expect_operand = False
            continue
        if not expect_operand:
            parts.append("&&")
        if upper == "NOT" or token == "(":
            parts.append("!!" if upper == "NOT" else "(")
            expect_operand = True
            continue
        if _FIELD.match(token) or token.endswith("~") or "[" in token:
            raise BadQuery(
                f"{token}: field filters and fuzzy~ are not supported on a court library "
                "(PostgreSQL) yet; search words, phrases, AND/OR/NOT and prefix*"
            )
        negate = token.startswith("-")
        word = token.lstrip("+-")
        if negate:
            parts.append("!!")
        if word.startswith('"'):
            parts.append("phraseto_tsquery('english', %s)")
            params.append(word.strip('"'))
        elif word.endswith("*") and word.rstrip("*"):
            parts.append("to_tsquery('english', %s)")
            params.append(re.sub(r"\W+", "", word.rstrip("*")) + ":*")
        else:
            parts.append("plainto_tsquery('english', %s)")
            params.append(word)
        expect_operand = False
    if not params:
        raise BadQuery("give words to search for")
    return " ".join(parts), params


def _marked(snippet: str) -> tuple[str, str]:
    """ts_headline's << >> marks as the CLI's **marks** and as escaped HTML with <b>."""
    plain = snippet.replace("<<", "**").replace(">>", "**")
    rich = html.escape(snippet).replace("&lt;&lt;", "<b>").replace("&gt;&gt;", "</b>")
    return " ".join(plain.split()), " ".join(rich.split())


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
        expression, params = tsquery_sql(text)
        where: list[str] = []
        extra: list[object] = []
        if case_a_number:
            where.append("c.a_number = %s")
            extra.append(parse_a_number(case_a_number))
        if case_id is not None:  # a case resolved by the caller (A-number or EOIR id)
            where.append("d.case_id = %s")
            extra.append(case_id)
        if doc_type:
            where.append("d.doc_type = %s")
            extra.append(doc_type.strip().lower())
        sql = f"""
            WITH q AS (SELECT ({expression}) AS q),
            hit AS (SELECT p.document_id, p.page_no, p.text,
                           ts_rank(to_tsvector('english', p.text), q.q) AS rank
                    FROM pages p, q WHERE to_tsvector('english', p.text) @@ q.q)
            SELECT d.id, d.case_id, coalesce(c.a_number, ''), c.respondent, d.title,
                   d.doc_type, d.filed_on, d.page_count, sum(h.rank) AS score,
                   array_agg(h.page_no ORDER BY h.page_no) AS pages,
                   (array_agg(h.page_no ORDER BY h.rank DESC, h.page_no))[1:{_SNIPPETS}],
                   c.eoir_case_id
            FROM hit h JOIN documents d ON d.id = h.document_id
                       JOIN cases c ON c.id = d.case_id
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY d.id, c.id ORDER BY score DESC, d.id LIMIT %s"""
        pg = self._raw()
        try:
            rows = pg.execute(sql, [*params, *extra, max(1, limit)]).fetchall()
        except Exception as exc:  # a query the server cannot parse (a lone NOT, "( )")
            raise BadQuery(
                f"cannot understand the search {text!r}: {exc}".splitlines()[0]
            ) from None
        hits = []
        for row in rows:
            hit = DocumentHit(
                document_id=row[0],
                case_id=row[1],
                a_number=row[2],
                eoir_case_id=row[11],
                respondent=row[3],
                title=row[4],
                doc_type=row[5],
                filed_on=row[6],
                page_count=row[7],
                score=float(row[8]),
                matching_pages=list(row[9]),
            )
            hit.pages = self._snippets(expression, params, hit.document_id, list(row[10]))
            hits.append(hit)
        return hits

    def _snippets(
        self, expression: str, params: list[str], document_id: int, pages: list[int]
    ) -> list[PageHit]:
        rows = (
            self._raw()
            .execute(
                f"SELECT page_no, ts_headline('english', text, ({expression}), '{_HEADLINE}') "
                "FROM pages WHERE document_id = %s AND page_no = ANY(%s::bigint[])",
                [*params, document_id, pages],
            )
            .fetchall()
        )
        by_page = {page: _marked(snippet) for page, snippet in rows}
        return [PageHit(p, *by_page[p]) for p in pages if p in by_page]

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
        return self.page_count()

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
