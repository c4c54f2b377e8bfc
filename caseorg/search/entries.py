"""What the index holds: its schema, and one entry per document read from SQLite.

Shared by the searching side (:mod:`caseorg.search.engine`) and the building side
(:mod:`caseorg.search.build`, whose worker processes need it without the engine).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from caseorg.search import pagematch

# Segments as separate files: Whoosh copies each part of a compound segment into memory
# when it opens it (BytesIO over the mmap): 550 MB to open a 100,000-page index, 40 MB so
COMPOUND = False


class Analysed(dict[str, list[int]]):
    """A document's words already analysed (stem -> positions), see :func:`document_entry`."""


class DocText(TEXT):
    """TEXT that also takes :class:`Analysed` words, so pages are tokenised once, by
    :func:`pagematch.analyse` (3.4x faster than the analyzer's token chain, same words)."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, Analysed):
            yield from super().index(value, **kwargs)
            return
        encode = self.format.encode
        boost = self.format.field_boost
        for word, positions in value.items():
            yield word.encode("utf-8"), len(positions), len(positions) * boost, encode(positions)


def make_schema() -> Schema:
    analyzer = StemmingAnalyzer()
    return Schema(
        document_id=ID(unique=True, stored=True),
        pages=STORED,
        case_id=ID,
        a_number=ID,
        doc_type=KEYWORD(lowercase=True),
        title=TEXT(analyzer=analyzer),
        filed_on=ID,
        content=DocText(analyzer=analyzer, phrase=True),
        # the same tokens unstemmed, stop words kept: a quoted phrase means those words
        exact=DocText(analyzer=RegexTokenizer() | LowercaseFilter(), phrase=True),
        tag=KEYWORD(lowercase=True),  # the document's tags and its case's
        note=TEXT(analyzer=analyzer),  # notes on the document, its case and hearings
    )


DOCUMENT_ROWS_SQL = """
    SELECT d.id AS document_id, d.case_id, d.doc_type, d.title, d.filed_on, c.a_number,
           (SELECT group_concat(tag, ' ') FROM (
               SELECT tag FROM case_tags WHERE case_id = d.case_id
               UNION SELECT tag FROM document_tags WHERE document_id = d.id)) AS tags,
           (SELECT group_concat(n.text, ' ') FROM notes n
             WHERE n.case_id = d.case_id AND (n.entity != 'document' OR n.entity_id = d.id)
           ) AS notes
    FROM documents d JOIN cases c ON c.id = d.case_id
"""
PAGE_TEXTS_SQL = "SELECT document_id, page_no, text FROM pages WHERE text != ''"


def document_entry(row: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    """The index entry for one document (a :data:`DOCUMENT_ROWS_SQL` row) and its page texts."""
    return {
        "document_id": str(row["document_id"]),
        "pages": len(texts),
        "case_id": str(row["case_id"]),
        "a_number": row["a_number"],
        "doc_type": row["doc_type"],
        "title": row["title"] or "",
        "filed_on": row["filed_on"] or "",
        "content": Analysed(pagematch.analyse_pages(texts)),
        "exact": Analysed(pagematch.analyse_exact_pages(texts)),
        "tag": row.get("tags") or "",
        "note": row.get("notes") or "",
    }


def iter_entries(db: Any, document_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """Whoosh entries for these documents (default: all), in id order."""
    for row, texts in iter_documents(db, document_ids):
        yield document_entry(row, texts)


def iter_documents(
    db: Any, document_ids: list[int] | None = None
) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """(a :data:`DOCUMENT_ROWS_SQL` row, its page texts) for these documents (default:
    all) read from SQLite in id order, for any engine's entries.

    ``db`` is a sqlite3 connection or sqlite_utils Database.
    """
    conn = getattr(db, "conn", db)
    where, args = "", []
    if document_ids is not None:
        if not document_ids:
            return
        marks = ",".join("?" * len(document_ids))
        where, args = f" AND document_id IN ({marks})", list(document_ids)
    meta_sql = DOCUMENT_ROWS_SQL + (f" WHERE d.id IN ({marks})" if document_ids else "")
    cursor = conn.execute(meta_sql, args)
    names = [c[0] for c in cursor.description]
    meta = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
    current: int | None = None
    texts: list[str] = []
    for doc_id, _page_no, text in conn.execute(
        PAGE_TEXTS_SQL + where + " ORDER BY document_id, page_no", args
    ):
        if doc_id != current:
            if current is not None and current in meta:
                yield meta[current], texts
            current, texts = doc_id, []
        texts.append(text)
    if current is not None and current in meta:
        yield meta[current], texts
