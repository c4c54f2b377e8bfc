"""The Whoosh page index: one entry per page, rebuilt from SQLite at will.

SQLite is the truth and this index is a cache. Opening checks its schema
version (a mismatch or a corrupt index is rebuilt); :meth:`SearchIndex.reconcile`
indexes documents SQLite has and the index lacks and drops entries for
documents SQLite no longer has. Snippets come from ``pages.text``, so the
index stores almost nothing.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import highlight, index, qparser, sorting
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.query import And, Term
from whoosh.query.qcore import _NullQuery
from whoosh.searching import Hit

from .errors import BadQuery, Cancelled
from .models import DocumentHit, PageHit
from .values import parse_a_number, parse_date

if TYPE_CHECKING:
    from .library import Library

INDEX_SCHEMA_VERSION = 1
_VERSION_FILE = "caseorg-index.json"
MAX_SNIPPET_PAGES = 10
BATCH_PAGES = 2000

FIELD_ALIASES = {"doc_type": ["type"], "a_number": ["a"], "filed_on": ["filed"]}
USER_FIELDS = ("type", "a", "title", "filed", "content", "doc_type", "a_number", "filed_on")


def make_schema() -> Schema:
    analyzer = StemmingAnalyzer()
    return Schema(
        page_key=ID(unique=True, stored=True),
        document_id=ID(stored=True),
        case_id=ID,
        a_number=ID,
        doc_type=KEYWORD(lowercase=True),
        title=TEXT(analyzer=analyzer),
        filed_on=ID,
        page_no=NUMERIC(stored=True),
        content=TEXT(analyzer=analyzer, phrase=True),
    )


PAGE_ROWS_SQL = """
    SELECT p.document_id, p.page_no, p.text, d.case_id, d.doc_type, d.title, d.filed_on,
           c.a_number
    FROM pages p
    JOIN documents d ON d.id = p.document_id
    JOIN cases c ON c.id = d.case_id
    WHERE p.text != ''
"""


def page_entry(row: dict[str, Any]) -> dict[str, Any]:
    """The index entry for one ``pages`` row joined with its document."""
    return {
        "page_key": f"{row['document_id']}:{row['page_no']}",
        "document_id": str(row["document_id"]),
        "case_id": str(row["case_id"]),
        "a_number": row["a_number"],
        "doc_type": row["doc_type"],
        "title": row["title"] or "",
        "filed_on": row["filed_on"] or "",
        "page_no": row["page_no"],
        "content": row["text"],
    }


# -- query language -----------------------------------------------------------------

_FIELD_PREFIX = re.compile(r'(?<![\w"])([A-Za-z_]+):')
# an A-number in any spelling (spaces only inside it, so 'a:123456789 212' keeps the 212)
_A_FIELD = re.compile(
    r'\b(a|a_number):("?)([Aa]?\s*-?\s*\d{3}[-\s]?\d{3}[-\s]?\d{3}(?![\d-])|[^\s")]+)\2',
    re.IGNORECASE,
)
_RANGE_DATES = re.compile(r"\b(?:filed|filed_on):\[([^\]]*)\]", re.IGNORECASE)


def _check_balanced(text: str) -> None:
    if text.count('"') % 2:
        raise BadQuery('unbalanced quote: close the phrase with a second "')
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise BadQuery("a ')' has no matching '('")
    if depth:
        raise BadQuery("a '(' is never closed")
    if text.count("[") != text.count("]"):
        raise BadQuery("a date range needs both [ and ], like filed:[2024-01-01 TO 2024-12-31]")


def normalise_query(text: str) -> str:
    """Check a user's query and rewrite friendly spellings for Whoosh.

    ``a:A-123-456-789`` becomes the stored digits; ``filed:[...]`` dates are
    validated; an unknown ``field:`` is an error rather than a silent miss.
    """
    text = (text or "").strip()
    if not text:
        raise BadQuery("type something to search for")
    _check_balanced(text)
    outside_quotes = re.sub(r'"[^"]*"', " ", text)
    for match in _FIELD_PREFIX.finditer(outside_quotes):
        name = match.group(1)
        if name.lower() not in USER_FIELDS:
            raise BadQuery(
                f"unknown field '{name}:' — use type:, a:, title: or filed: (or quote the text)"
            )

    def fix_a(match: re.Match[str]) -> str:
        try:
            return f"a_number:{parse_a_number(match.group(3))}"
        except Exception:
            raise BadQuery(f"a: needs an A-number, not {match.group(3)!r}") from None

    def fix_range(match: re.Match[str]) -> str:
        parts = [p.strip() for p in re.split(r"\bTO\b", match.group(1), flags=re.IGNORECASE)]
        if len(parts) != 2:
            raise BadQuery("write a date range as filed:[2024-01-01 TO 2024-12-31]")
        dates = []
        for part in parts:
            try:
                # stored dates are YYYY-MM-DD and compared as text: 20240101 must be rewritten
                dates.append(parse_date(part).isoformat() if part else "")
            except Exception:
                raise BadQuery(f"invalid date {part!r} in filed:[…]: use YYYY-MM-DD") from None
        # an open end is left out: Whoosh reads "[2024-01-01 TO ]" as ending at ""
        return "filed_on:[" + " ".join(d for d in (dates[0], "TO", dates[1]) if d) + "]"

    text = _A_FIELD.sub(fix_a, text)
    return _RANGE_DATES.sub(fix_range, text)


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser("content", schema)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


class _MarkFormatter(highlight.Formatter):
    """Wraps matches in control characters; turned into HTML or plain text later."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "\x02" + highlight.get_text(text, token, replace) + "\x03"


def _snippet_forms(marked: str) -> tuple[str, str]:
    plain = marked.replace("\x02", "**").replace("\x03", "**")
    escaped = html.escape(marked).replace("\x02", "<b>").replace("\x03", "</b>")
    return " ".join(plain.split()), " ".join(escaped.split())


def _fallback_snippet(text: str) -> tuple[str, str]:
    head = " ".join(text.split())[:200]
    return head, html.escape(head)


# -- the index --------------------------------------------------------------------


class SearchIndex:
    """The library's Whoosh index; all writes go through one lock (one writer)."""

    def __init__(self, lib: Library):
        self.lib = lib
        self.dir: Path = lib.index_dir
        self._write_lock = threading.RLock()
        self.schema = make_schema()
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
        """Open the index; a missing, old or corrupt one is replaced by an empty one."""
        if self.lib.read_only:
            try:
                return index.open_dir(str(self.dir))
            except Exception:
                # read-only and unusable: search an empty in-memory index
                from whoosh.filedb.filestore import RamStorage

                return RamStorage().create_index(self.schema)
        if self.dir.exists() and self._version_ok(self.dir):
            try:  # exists_in opens the TOC: a corrupt one raises there too
                if index.exists_in(str(self.dir)):
                    ix = index.open_dir(str(self.dir))
                    with ix.reader() as reader:
                        reader.doc_count()
                    return ix
            except Exception:
                pass  # corrupt: rebuilt below, reconcile refills it from SQLite
        return self._create_empty(self.dir)

    def close(self) -> None:
        self.ix.close()

    # -- writing --------------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[Any]:
        """A writer that commits only if the block succeeds (never after a failure)."""
        with self._write_lock:
            writer = self.ix.writer(limitmb=128)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            else:
                writer.commit()

    def add_pages(self, rows: Iterable[dict[str, Any]]) -> int:
        """Index page rows (from :data:`PAGE_ROWS_SQL`), replacing older entries."""
        count = 0
        with self.writer() as writer:
            for row in rows:
                writer.update_document(**page_entry(row))
                count += 1
        return count

    def index_documents(self, document_ids: list[int]) -> int:
        """(Re)index the pages of these documents from SQLite."""
        if not document_ids:
            return 0
        count = 0
        for start in range(0, len(document_ids), 500):
            chunk = document_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            with self.writer() as writer:
                for doc_id in chunk:
                    writer.delete_by_term("document_id", str(doc_id))
                rows = self.lib.db.query(PAGE_ROWS_SQL + f" AND p.document_id IN ({marks})", chunk)
                for row in rows:
                    writer.add_document(**page_entry(row))
                    count += 1
        return count

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        with self.writer() as writer:
            for doc_id in document_ids:
                writer.delete_by_term("document_id", str(doc_id))

    def indexed_document_ids(self) -> set[int]:
        """Documents with at least one live page entry.

        The lexicon alone is not enough: a deleted entry's term stays in it until
        its segment is merged, so postings are checked (they skip deleted entries).
        """
        with self.ix.reader() as reader:
            return {
                int(term)
                for term in reader.lexicon("document_id")
                if reader.postings("document_id", term).is_active()
            }

    def page_count(self) -> int:
        with self.ix.reader() as reader:
            return int(reader.doc_count())

    def reconcile(self, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
        """Index what SQLite has and the index lacks; drop what SQLite lost.

        Returns (documents indexed, documents dropped). Heals a crash between
        a document's commit and its indexing.
        """
        in_db = {
            row["document_id"]
            for row in self.lib.db.query("SELECT DISTINCT document_id FROM pages WHERE text != ''")
        }
        in_index = self.indexed_document_ids()
        missing = sorted(in_db - in_index)
        stale = sorted(in_index - in_db)
        if stale:
            self.remove_documents(stale)
        for start in range(0, len(missing), 100):
            self.index_documents(missing[start : start + 100])
            if progress:
                progress(min(start + 100, len(missing)), len(missing))
        return len(missing), len(stale)

    def rebuild(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Build a fresh index beside the old one from SQLite, then swap it in.

        Until the swap the old index keeps answering; a cancel leaves it as it was.
        """
        with self._write_lock:
            total = self.lib.db.execute("SELECT count(*) FROM pages WHERE text != ''").fetchone()[0]
            fresh_dir = self.dir.with_name("index.new")
            fresh = self._create_empty(fresh_dir)
            done = 0
            writer = fresh.writer(limitmb=256)
            try:
                for row in self.lib.db.query(PAGE_ROWS_SQL + " ORDER BY p.document_id, p.page_no"):
                    writer.add_document(**page_entry(row))
                    done += 1
                    if done % 500 == 0:
                        if cancelled and cancelled():
                            raise Cancelled("reindex cancelled; the old index is unchanged")
                        if progress:
                            progress(done, total)
                writer.commit()
            except BaseException:
                writer.cancel()
                fresh.close()
                shutil.rmtree(fresh_dir, ignore_errors=True)
                raise
            fresh.close()
            self.ix.close()
            old_dir = self.dir.with_name("index.old")
            shutil.rmtree(old_dir, ignore_errors=True)
            if self.dir.exists():
                self.dir.rename(old_dir)
            fresh_dir.rename(self.dir)
            shutil.rmtree(old_dir, ignore_errors=True)
            self.ix = index.open_dir(str(self.dir))
            if progress:
                progress(done, total)
            return done

    # -- searching --------------------------------------------------------------------
    def parse(self, text: str) -> Any:
        normal = normalise_query(text)
        try:
            query = make_parser(self.schema).parse(normal)
        except Exception:  # Whoosh's parser has edge cases ('NOT NOT NOT' -> IndexError)
            raise BadQuery(
                "cannot understand this query: check the AND/OR/NOT and brackets"
            ) from None
        if isinstance(query, _NullQuery):
            raise BadQuery("nothing to search for: every word is too common or empty")
        return query

    def search(
        self,
        text: str,
        case_a_number: str | None = None,
        doc_type: str | None = None,
        limit: int = 20,
    ) -> list[DocumentHit]:
        """Documents matching ``text``, best first, each with matching pages and snippets."""
        query = self.parse(text)
        filters = []
        if case_a_number:
            filters.append(Term("a_number", parse_a_number(case_a_number)))
        if doc_type:
            filters.append(Term("doc_type", doc_type.strip().lower()))
        filter_query = And(filters) if filters else None
        with self.ix.searcher() as searcher:
            results = searcher.search(
                query,
                filter=filter_query,
                limit=None,
                groupedby={"doc": sorting.FieldFacet("document_id")},
                terms=True,
            )
            scores = {docnum: score for score, docnum in results.top_n}
            groups = results.groups("doc")
            ranked = sorted(
                groups.items(),
                key=lambda item: max(scores.get(d, 0.0) for d in item[1]),
                reverse=True,
            )[:limit]
            results.highlighter = highlight.Highlighter(
                fragmenter=highlight.ContextFragmenter(maxchars=220, surround=60),
                formatter=_MarkFormatter(),
            )
            hits = []
            for doc_key, docnums in ranked:
                pages = sorted(
                    (searcher.stored_fields(d)["page_no"], scores.get(d, 0.0), d) for d in docnums
                )
                hits.append(self._document_hit(int(doc_key), pages, results))
        return [h for h in hits if h is not None]

    def _document_hit(
        self, document_id: int, pages: list[tuple[int, float, int]], results: Any
    ) -> DocumentHit | None:
        rows = list(
            self.lib.db.query(
                """SELECT d.*, c.a_number, c.respondent FROM documents d
                   JOIN cases c ON c.id = d.case_id WHERE d.id = ?""",
                [document_id],
            )
        )
        if not rows:
            return None  # stale entry: reconcile will drop it
        doc = rows[0]
        best = sorted(pages, key=lambda p: -p[1])[:MAX_SNIPPET_PAGES]
        wanted = sorted(p[0] for p in best)
        marks = ",".join("?" * len(wanted))
        texts = {
            r["page_no"]: r["text"]
            for r in self.lib.db.query(
                f"SELECT page_no, text FROM pages WHERE document_id = ? AND page_no IN ({marks})",
                [document_id, *wanted],
            )
        }
        docnum_of = {p[0]: p[2] for p in pages}
        page_hits = []
        for page_no in wanted:
            text = texts.get(page_no, "")
            marked = results.highlighter.highlight_hit(
                Hit(results, docnum_of[page_no]), "content", text=text, top=2
            )
            plain, rich = _snippet_forms(marked) if marked else _fallback_snippet(text)
            page_hits.append(PageHit(page_no=page_no, snippet=plain, snippet_html=rich))
        return DocumentHit(
            document_id=document_id,
            case_id=doc["case_id"],
            a_number=doc["a_number"],
            respondent=doc["respondent"],
            title=doc["title"],
            doc_type=doc["doc_type"],
            filed_on=doc["filed_on"],
            score=max(p[1] for p in pages),
            page_count=doc["page_count"],
            matching_pages=[p[0] for p in pages],
            pages=page_hits,
        )
