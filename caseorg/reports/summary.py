"""The hearing summary a judge prints before (or after) a hearing.

Caption, this hearing, prior and later hearings, notices served, reassignment
history, documents and exhibits, open deadlines; a notice problem behind an in
absentia order is shown in a box at the top, and so is what is unusual in the
records (a hearing dated before the case was opened, two at one minute, a notice
served after its hearing): a summary goes into a court file, and must not print
facts that contradict each other without saying so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    Document,
    Hearing,
    Reassignment,
    exhibits_for,
    get_case,
    get_hearing,
    get_judge,
    list_deadlines,
    list_documents,
    list_hearings,
    list_reassignments,
    notices_for,
)
from caseorg.reports.parts import case_facts, heading, hearing_row, notice_proof_rows
from caseorg.reports.templates import render
from caseorg.values import case_label, stored_day
from caseorg.words import (
    DASH,
    choice_words,
    due_words,
    judge_name,
    or_dash,
    paper_date,
    paper_datetime,
)


def _court_of(lib: Library, court: str | None, judge_ids: tuple[int | None, ...]) -> str | None:
    """The court named in the header: ``court`` if given, else the first judge's."""
    if court:
        return court
    for judge_id in judge_ids:
        if judge_id is not None:
            found = get_judge(lib, judge_id).court
            if found:
                return found
    return None


def _reassignment_row(item: Reassignment) -> dict[str, Any]:
    return {
        "id": item.id,
        "effective_on": or_dash(paper_date(item.effective_on)),
        "from_judge": (
            judge_name(item.from_judge_name, item.from_judge_code)
            if item.from_judge_id is not None
            else "(unassigned)"
        ),
        "to_judge": judge_name(item.to_judge_name, item.to_judge_code),
        "reason": or_dash(item.reason),
        "ordered_by": or_dash(item.ordered_by),
        "midstream": "Yes" if item.midstream else "No",
        "corrects": f"Correction of #{item.corrects_id}" if item.corrects_id else None,
        "recorded_at": or_dash(item.recorded_at),
    }


def _notice_rows(
    lib: Library, hearings: list[Hearing], this: Hearing, titles: dict[int, str]
) -> list[dict[str, Any]]:
    """Every notice served for any of the case's hearings, hearing by hearing."""
    rows: list[dict[str, Any]] = []
    for h in hearings:
        for notice in notices_for(lib, h.id):
            rows.append(
                {
                    "id": notice.id,
                    "hearing_id": h.id,
                    "this_hearing": h.id == this.id,
                    "hearing": or_dash(paper_datetime(h.starts_at)),
                    "hearing_kind": choice_words("kind", h.kind),
                    "served_on": or_dash(paper_date(notice.served_on)),
                    "served_after": notice.warning is not None,
                    "method": choice_words("method", notice.method),
                    "address": or_dash(notice.address),
                    "returned": bool(notice.returned_undeliverable),
                    "returned_text": "Yes" if notice.returned_undeliverable else "No",
                    "returned_on": (
                        or_dash(paper_date(notice.returned_on)) if notice.returned_on else None
                    ),
                    "document": titles.get(notice.document_id) if notice.document_id else None,
                }
            )
    return rows


def _document_rows(
    documents: list[Document], exhibits: dict[int, str | None]
) -> list[dict[str, Any]]:
    return [
        {
            "id": doc.id,
            "title": doc.title,
            "doc_type": choice_words("doc_type", doc.doc_type),
            "filed_on": or_dash(paper_date(doc.filed_on)),
            "filed_by": choice_words("filed_by", doc.filed_by),
            "page_count": doc.page_count,
            "exhibit": (exhibits[doc.id] or "Linked") if doc.id in exhibits else DASH,
            "is_exhibit": doc.id in exhibits,
        }
        for doc in documents
    ]


def _deadline_rows(lib: Library, case_id: int, today: dt.date) -> list[dict[str, Any]]:
    rows = []
    for deadline in list_deadlines(lib, case_id, open_only=True):
        due = stored_day(deadline.due_on)
        days = (due - today).days if due else None
        rows.append(
            {
                "id": deadline.id,
                "kind": choice_words("deadline", deadline.kind),
                "due_on": or_dash(paper_date(deadline.due_on)),
                "when": DASH if days is None else due_words(days),
                "overdue": days is not None and days < 0,
                "note": or_dash(deadline.note),
            }
        )
    return rows


def hearing_summary_context(
    lib: Library,
    hearing_id: int,
    court_name: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """Everything the hearing summary shows, as display strings in plain dicts.

    :param lib: an open library (read-only is fine).
    :param hearing_id: the hearing the summary is for.
    :param court_name: the court named in the header; default the case's court
        (else the judge's).
    :param now: the generation time printed on the report (default: now).
    :raises NotFound: no hearing ``hearing_id``.
    """
    hearing = get_hearing(lib, hearing_id)
    case = get_case(lib, hearing.case_id)
    court = _court_of(lib, court_name or case.court, (hearing.judge_id, case.judge_id))

    all_hearings = list_hearings(lib, case_id=case.id)
    key = (hearing.starts_at, hearing.id)
    prior = [h for h in all_hearings if (h.starts_at, h.id) < key]
    later = [h for h in all_hearings if (h.starts_at, h.id) > key]

    documents = list_documents(lib, case.id)
    exhibits = {row["id"]: row["exhibit"] for row in exhibits_for(lib, hearing.id)}
    document_rows = _document_rows(documents, exhibits)

    this = hearing_row(hearing)
    rows = [(f"This hearing ({this['day']})", this)]
    rows += [(f"Hearing of {row['day']}", row) for row in map(hearing_row, (*prior, *later))]
    warnings = [
        {"hearing": name, "text": row["notice_warning"]}
        for name, row in rows
        if row["notice_warning"]
    ]
    record_warnings = [
        {"hearing": name, "text": row["record_warning"]}
        for name, row in rows
        if row["record_warning"]
    ]

    return {
        **heading("Hearing Summary", court, lib, now),
        "case": case_facts(case),
        "hearing": this,
        "notice_proof": notice_proof_rows(lib, hearing),
        "warnings": warnings,
        "record_warnings": record_warnings,
        "prior_hearings": [hearing_row(h) for h in prior],
        "later_hearings": [hearing_row(h) for h in later],
        "notices": _notice_rows(lib, all_hearings, hearing, {d.id: d.title for d in documents}),
        "reassignments": [_reassignment_row(r) for r in list_reassignments(lib, case_id=case.id)],
        "documents": document_rows,
        "document_pages": sum(d.page_count for d in documents),
        "exhibit_count": sum(1 for d in document_rows if d["is_exhibit"]),
        "deadlines": _deadline_rows(lib, case.id, (now or dt.datetime.now()).date()),
    }


def hearing_summary_html(lib: Library, hearing_id: int, court_name: str | None = None) -> str:
    """The hearing summary as HTML (see the module's docstring for what it shows).

    :raises NotFound: no hearing ``hearing_id``.
    """
    return render("summary.html", hearing_summary_context(lib, hearing_id, court_name))


def summary_title(lib: Library, hearing_id: int) -> str:
    """The summary's title and page footer: whose hearing and which day, never an id
    ('Hearing summary A-123-456-789 December 7, 2026').

    :raises NotFound: no hearing ``hearing_id``.
    """
    hearing = get_hearing(lib, hearing_id)
    case = case_label(hearing.a_number, hearing.eoir_case_id)
    return f"Hearing summary {case} {paper_date(hearing.starts_at)}"
