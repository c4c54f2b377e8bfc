"""One case's records as the case view shows them, read together (on a court library
by the window's reader, on its thread: :class:`~caseorg_ui.operations.Reader`), and
the words of its heading; :class:`caseorg_ui.views.case_view.CaseView` shows them
without a read of its own."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from caseorg.errors import NotFound
from caseorg.importing import document_ocr
from caseorg.library import Library
from caseorg.records import (
    Case,
    Hearing,
    case_history,
    get_case,
    list_deadlines,
    list_documents,
    list_hearings,
    list_reassignments,
    notices_for,
)
from caseorg.reports import HistoryWords, history_words
from caseorg.words import label, us_date
from caseorg_ui.views.case_life_tab import life_html
from caseorg_ui.views.case_list_model import judge_short


@dataclass
class HearingRow:
    """A hearing with what its row needs: notices served and any notice problem."""

    hearing: Hearing
    notices: int
    problem: str | None


@dataclass
class CaseBundle:
    """Everything the case view shows of one case: read together, shown together."""

    case: Case
    formatter: HistoryWords
    ocr: dict[int, Any]  # document id -> its OCR counts (the documents' Text column)
    hearings: list[HearingRow]
    records: dict[str, Sequence[Any]]  # tab -> its rows
    life: str  # the Case life tab's HTML


def read_case(lib: Library, case_id: int, writable: bool = False) -> CaseBundle | None:
    """Read ``case_id`` for the case view (None when the case is gone)."""
    try:
        case = get_case(lib, case_id)
    except NotFound:
        return None
    # notice_warning is caseorg.records.notices.notice_problem with the court's notice period
    hearings = [
        HearingRow(h, len(notices_for(lib, h.id)), h.notice_warning)
        for h in list_hearings(lib, case_id=case.id)
    ]
    documents = list_documents(lib, case.id)
    return CaseBundle(
        case=case,
        formatter=history_words(lib),
        ocr=document_ocr(lib, [d.id for d in documents]),
        hearings=hearings,
        records={
            "documents": documents,
            "hearings": hearings,
            "reassignments": list_reassignments(lib, case_id=case.id),
            "deadlines": list_deadlines(lib, case_id=case.id),
            "history": case_history(lib, case.id),
        },
        life=life_html(lib, case.id, writable),
    )


def judge_label(name: str | None, code: str | None) -> str:
    if not name:
        return "(unassigned)"
    name = judge_short(name)
    return f"{name} ({code})" if code else name


def header_html(case: Case) -> tuple[str, str]:
    """The case view's title and its lines of facts (rich text)."""
    title = (
        f"<span style='font-size:15pt; font-weight:600'>"
        f"{html.escape(case.a_number_display)}</span>"
        f"<span style='font-size:15pt'> &nbsp;{html.escape(case.respondent)}</span>"
    )
    lines: list[list[str | None]] = [
        [
            case.nationality,
            case.language and f"{case.language} speaker",
            label(case.custody),
            f"{label(case.case_type)} case",
            f"status: {label(case.status)}",
        ],
        [f"Judge: {judge_label(case.judge_name, case.judge_code)}", case.court],
        [
            f"Attorney: {case.attorney}" if case.attorney else "Attorney: pro se",
            case.dhs_counsel and f"DHS counsel: {case.dhs_counsel}",
        ],
        [
            case.opened_on and f"Opened {us_date(case.opened_on)}",
            case.completed_on and f"completed {us_date(case.completed_on)}",
            case.outcome and f"outcome: {case.outcome}",
        ],
    ]

    def line(parts: list[str | None]) -> str:
        return " · ".join(html.escape(p) for p in parts if p)

    return title, "<br>".join(text for text in map(line, lines) if text)
