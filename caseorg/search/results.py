"""What a search returns: documents, best first, each with its matching pages and snippets."""

from __future__ import annotations

from dataclasses import dataclass, field

from caseorg.rows import Record


@dataclass
class PageHit(Record):
    page_no: int
    snippet: str
    snippet_html: str


@dataclass
class DocumentHit(Record):
    document_id: int
    case_id: int
    a_number: str
    respondent: str
    title: str
    doc_type: str
    filed_on: str | None
    score: float
    page_count: int
    matching_pages: list[int] = field(default_factory=list)
    pages: list[PageHit] = field(default_factory=list)  # snippets for the best pages
