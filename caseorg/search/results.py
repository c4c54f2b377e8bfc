"""What a search returns: documents, best first, each with its matching pages and snippets."""

from __future__ import annotations

from dataclasses import dataclass, field

from caseorg.rows import Record
from caseorg.values import case_label


@dataclass
class PageHit(Record):
    page_no: int
    snippet: str
    snippet_html: str


@dataclass
class DocumentHit(Record):
    document_id: int
    case_id: int
    a_number: str | None
    respondent: str
    title: str
    doc_type: str
    filed_on: str | None
    score: float
    page_count: int
    matching_pages: list[int] = field(default_factory=list)
    pages: list[PageHit] = field(default_factory=list)  # snippets for the best pages
    eoir_case_id: str | None = None  # names the case when it has no A-number

    @property
    def case_label(self) -> str:
        """The case as shown wherever an A-number shows (``EOIR 310000001`` without one)."""
        return case_label(self.a_number, self.eoir_case_id)
