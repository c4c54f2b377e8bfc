"""OCR state in SQLite: which pages await OCR, their results, counts for the app and CLI.

A page with no ``page_ocr`` row needs no OCR. Results go into ``page_ocr`` and, as the
page's searchable text, into ``pages.text`` (``source = 'ocr'``), which search and
snippets read like any page. The stored PDF is never touched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseorg.importing.ocrengine import PageOcr, WordBox
from caseorg.library import now_iso

if TYPE_CHECKING:
    from caseorg.library import Library

MIN_TEXT_CHARS = 16  # fewer non-space characters than this: no usable text layer
GARBAGE_WORD_SHARE = 0.5  # a text layer with fewer real-looking words than this is garbage
_WORD = re.compile(r"^[(\"'\[]*([^\W\d_]{2,}|\d+([.,:/-]\d+)*)[)\"'\].,;:!?%]*$")


def needs_ocr(text: str) -> bool:
    """True when a page's text layer is missing or too thin to search (a scan)."""
    return len("".join(text.split())) < MIN_TEXT_CHARS


def is_garbage(text: str) -> bool:
    """True when a text layer is mostly non-words (a bad font map, an old OCR layer)."""
    tokens = text.split()
    if len(tokens) < 5:
        return needs_ocr(text)
    words = sum(
        1
        for t in tokens
        if _WORD.match(t) and any(c in "aeiouyáéíóú" for c in t.lower()) or t.isdigit()
    )
    return words / len(tokens) < GARBAGE_WORD_SHARE


def queue_document(db: Any, document_id: int, texts: Sequence[str]) -> int:
    """Mark a newly landed document's pages without a usable text layer as awaiting OCR
    (inside the import's transaction); returns how many."""
    db.execute("DELETE FROM page_ocr WHERE document_id = ?", [document_id])
    rows = [(document_id, n) for n, text in enumerate(texts, start=1) if needs_ocr(text)]
    db.conn.executemany(
        "INSERT INTO page_ocr (document_id, page_no, state) VALUES (?, ?, 'awaiting')", rows
    )
    return len(rows)


def _scope(document_ids: Iterable[int] | None, alias: str = "") -> tuple[str, list[int]]:
    # 1 = 1 and 1 = 0, not bare 1 and 0: PostgreSQL wants a boolean there (court mode)
    if document_ids is None:
        return "1 = 1", []
    ids = sorted(set(document_ids))
    column = f"{alias}document_id"
    return (f"{column} IN ({', '.join('?' * len(ids))})" if ids else "1 = 0"), ids


def requeue(db: Any, document_ids: Iterable[int] | None, *, every_page: bool = False) -> int:
    """``--force``: failed pages and pages whose text layer is garbage (or, with
    ``every_page``, all pages) of these documents (None: all) await OCR again."""
    where, args = _scope(document_ids, "p.")
    rows = db.conn.execute(
        "SELECT p.document_id, p.page_no, p.text, p.source, o.state FROM pages p "
        "JOIN documents d ON d.id = p.document_id "
        "LEFT JOIN page_ocr o ON o.document_id = p.document_id AND o.page_no = p.page_no "
        f"WHERE d.text_status IN ('ok','no_text') AND {where}",
        args,
    ).fetchall()
    again = [
        (r[0], r[1])
        for r in rows
        if r[4] != "awaiting"
        and (every_page or r[4] == "failed" or (r[3] == "text" and is_garbage(r[2])))
    ]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO page_ocr (document_id, page_no, state) VALUES (?, ?, 'awaiting') "
            "ON CONFLICT (document_id, page_no) DO UPDATE SET state = 'awaiting', reason = NULL",
            again,
        )
    return len(again)


def awaiting_pages(
    db: Any, document_ids: Iterable[int] | None = None
) -> list[tuple[int, int, str]]:
    """(document id, page number, file's SHA-256) of every page awaiting OCR, in order."""
    where, args = _scope(document_ids, "o.")
    return [
        (r[0], r[1], r[2])
        for r in db.conn.execute(
            "SELECT o.document_id, o.page_no, d.sha256 FROM page_ocr o "
            "JOIN documents d ON d.id = o.document_id "
            f"WHERE o.state = 'awaiting' AND {where} ORDER BY o.document_id, o.page_no",
            args,
        )
    ]


def save_page(db: Any, document_id: int, page_no: int, result: PageOcr, lang: str) -> None:
    """Store one page's result in its own short transaction (a kill loses only pages in
    flight). A page with OCR text becomes searchable text; a scanned document with any
    OCR text is no longer 'no text'."""
    words = json.dumps([list(w) for w in result.words], ensure_ascii=False, separators=(",", ":"))
    with db.atomic():
        db.execute(
            "UPDATE page_ocr SET state = ?, reason = ?, text = ?, words = ?, confidence = ?, "
            "lang = ?, indexed = 0, updated_at = ? WHERE document_id = ? AND page_no = ?",
            [
                result.state,
                result.reason,
                result.text if result.state == "done" else None,
                words if result.state == "done" else None,
                result.confidence,
                lang,
                now_iso(),
                document_id,
                page_no,
            ],
        )
        if result.state == "done" and result.text.strip():
            db.execute(
                "UPDATE pages SET text = ?, source = 'ocr' WHERE document_id = ? AND page_no = ?",
                [result.text, document_id, page_no],
            )
            db.execute(
                "UPDATE documents SET text_status = 'ok', error = NULL "
                "WHERE id = ? AND text_status = 'no_text'",
                [document_id],
            )


def unindexed_documents(db: Any) -> list[int]:
    """Documents with OCR pages the search index does not have yet (after a kill)."""
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT DISTINCT document_id FROM page_ocr WHERE state = 'done' AND indexed = 0"
        )
    ]


def mark_indexed(db: Any, document_ids: Sequence[int]) -> None:
    where, args = _scope(document_ids)
    with db.atomic():
        db.execute(f"UPDATE page_ocr SET indexed = 1 WHERE state = 'done' AND {where}", args)


@dataclass(frozen=True)
class OcrCounts:
    """One document's OCR pages: awaiting, done, failed, and the first failure's reason."""

    awaiting: int = 0
    done: int = 0
    failed: int = 0
    reason: str | None = None

    @property
    def state(self) -> str:
        """'awaiting' | 'failed' | 'done' | 'none' (no page needed OCR)."""
        if self.awaiting:
            return "awaiting"
        if self.failed:
            return "failed"
        return "done" if self.done else "none"


def ocr_counts(db: Any, document_ids: Iterable[int] | None = None) -> dict[int, OcrCounts]:
    """Per document with OCR pages: its counts (for the documents table and reports)."""
    return _counts(db.conn, document_ids)


def _counts(conn: Any, document_ids: Iterable[int] | None) -> dict[int, OcrCounts]:
    where, args = _scope(document_ids)
    found: dict[int, OcrCounts] = {}
    for r in conn.execute(
        # count(CASE ...), not sum(state = ...): PostgreSQL sums no booleans (court mode)
        "SELECT document_id, count(CASE WHEN state = 'awaiting' THEN 1 END), "
        "count(CASE WHEN state = 'done' THEN 1 END), "
        "count(CASE WHEN state = 'failed' THEN 1 END), "
        "min(CASE WHEN state = 'failed' THEN reason END) "
        f"FROM page_ocr WHERE {where} GROUP BY document_id",
        args,
    ):
        found[r[0]] = OcrCounts(r[1], r[2], r[3], r[4])
    return found


def pages_awaiting(db: Any) -> int:
    """Pages awaiting OCR in the whole library (the app's banner)."""
    return int(db.execute("SELECT count(*) FROM page_ocr WHERE state = 'awaiting'").fetchone()[0])


def page_words(db: Any, document_id: int, page_no: int) -> list[WordBox]:
    """An OCR page's word boxes (x, y, w, h in points from the page's top-left, word)."""
    row = db.execute(
        "SELECT words FROM page_ocr WHERE document_id = ? AND page_no = ? AND state = 'done'",
        [document_id, page_no],
    ).fetchone()
    return _boxes(row[0]) if row is not None else []


def _boxes(stored: str | None) -> list[WordBox]:
    """Word boxes from their stored JSON ([] for none)."""
    if not stored:
        return []
    rows = json.loads(stored)
    return [(float(x), float(y), float(w), float(h), str(t)) for x, y, w, h, t in rows]


def document_ocr(lib: Library, document_ids: Iterable[int]) -> dict[int, OcrCounts]:
    """The OCR counts of these documents (those without OCR pages are left out): the
    app's documents table, which reaches the library only through functions like this."""
    return _counts(lib.conn, document_ids)


def awaiting_ocr(lib: Library) -> int:
    """Pages awaiting OCR in the library (the app's status-bar count)."""
    return pages_awaiting(lib.conn)  # (sqlite3's own execute: no sqlite_utils at start-up)


def ocr_words(lib: Library, document_id: int, page_no: int) -> list[WordBox]:
    """An OCR page's stored word boxes (points, top-left origin); [] for other pages."""
    return page_words(lib.conn, document_id, page_no)


def document_ocr_words(lib: Library, document_id: int) -> dict[int, list[WordBox]]:
    """Every OCR page's word boxes of one document, by page number (1-based), in one
    query: the viewer reads them once when it opens the document (a few KB a page)."""
    return {
        page_no: _boxes(words)
        for page_no, words in lib.conn.execute(
            "SELECT page_no, words FROM page_ocr WHERE document_id = ? AND state = 'done' "
            "ORDER BY page_no",
            [document_id],
        )
    }
