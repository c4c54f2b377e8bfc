"""The sample court: a realistic, searchable library, created once and never twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from caseorg.demo.builder import create_demo, is_court_day
from caseorg.demo.philadelphia import COURT as PHILADELPHIA
from caseorg.errors import CaseorgError
from caseorg.records import (
    cases,
    deadlines,
    documents,
    exhibits,
    hearings,
    judges,
    notices,
    reassignments,
)
from caseorg.search.handle import index_of


def count(lib: Any, table: str) -> int:
    return int(next(iter(lib.db.query(f"SELECT COUNT(*) AS n FROM {table}")))["n"])


def test_demo_fills_an_empty_library(lib: Any) -> None:
    messages: list[str] = []
    summary = create_demo(lib, progress=lambda p: messages.append(p.text))
    today = dt.date.today()

    # the summary counts what is in the library
    for table in ("judges", "cases", "hearings", "notices", "reassignments", "deadlines"):
        assert summary[table] == count(lib, table), table
    assert summary["documents"] == count(lib, "documents")
    assert messages and messages[-1] == "demo ready"

    # judges and cases
    codes = {j.code for j in judges.list_judges(lib)}
    assert 4 <= len(codes) <= 7 and "JRM" in codes  # with Philadelphia's two (issue 19)
    all_cases = cases.list_cases(lib)
    assert 10 <= len(all_cases) <= 19
    assert len({c.a_number for c in all_cases}) == len(all_cases)
    assert len({c.nationality for c in all_cases}) >= 8
    assert len({c.language for c in all_cases}) >= 5
    assert {c.custody for c in all_cases} == {"detained", "released", "non_detained"}
    assert len({c.case_type for c in all_cases}) >= 2
    assert any(c.attorney is None for c in all_cases)  # pro se
    assert all(c.dhs_counsel and c.judge_code for c in all_cases)
    assert {c.status for c in all_cases} >= {"pending", "completed"}

    # hearings: past and coming, master and individual, on court days
    every = hearings.list_hearings(lib)
    assert len(every) >= 25
    days = [dt.date.fromisoformat(h.starts_at[:10]) for h in every]
    assert any(d < today for d in days)
    coming = [h for h, d in zip(every, days, strict=True) if today <= d <= today + dt.timedelta(60)]
    assert len(coming) >= 5 and all(h.outcome == "pending" for h in coming)
    assert all(is_court_day(d) for d in days)
    assert {h.kind for h in every} >= {"master", "individual"}
    assert {h.medium for h in every} >= {"in_person", "video"}
    assert {h.outcome for h in every} >= {"continued", "decided", "in_absentia_order", "pending"}
    assert all(h.adjournment_reason for h in every if h.outcome == "continued")
    assert all(h.courtroom and h.interpreter_language for h in every)

    # notices: most hearings have one; some carry the notice document
    with_notice = [h for h in every if notices.notices_for(lib, h.id)]
    assert len(with_notice) >= 0.8 * len(every)
    notice_docs = [
        n.document_id for h in with_notice for n in notices.notices_for(lib, h.id) if n.document_id
    ]
    assert notice_docs
    assert {documents.get_document(lib, d).doc_type for d in notice_docs} == {"hearing_notice"}

    # in absentia: one sound order, one flagged because the notice came back
    absentia = [hearings.get_hearing(lib, h.id) for h in every if h.outcome == "in_absentia_order"]
    assert any(h.notice_warning is None for h in absentia)
    flagged = [h for h in absentia if h.notice_warning]
    assert flagged and "returned undeliverable" in (flagged[0].notice_warning or "")

    # reassignments: ordinary ones and a mid-stream one ordered by an ACIJ
    moves = reassignments.list_reassignments(lib)
    assert len(moves) >= 3
    midstream = [r for r in moves if r.midstream]
    assert midstream and (midstream[0].ordered_by or "").startswith("ACIJ")
    assert "verify notice" in midstream[0].reason
    moved = cases.get_case(lib, midstream[0].case_id)
    assert moved.judge_code == midstream[0].to_judge_code
    case_hearings = hearings.list_hearings(lib, case_id=moved.id)
    before = [h for h in case_hearings if h.starts_at[:10] < midstream[0].effective_on]
    after = [h for h in case_hearings if h.starts_at[:10] >= midstream[0].effective_on]
    assert before and {h.judge_code for h in before} == {midstream[0].from_judge_code}
    assert after and {h.judge_code for h in after} == {midstream[0].to_judge_code}
    assert any(not r.midstream for r in moves)

    # deadlines: done ones, open ones, and an overdue brief
    dls = deadlines.list_deadlines(lib)
    assert any(d.done_on for d in dls) and any(d.done_on is None for d in dls)
    overdue = [d for d in dls if d.done_on is None and d.due_on < today.isoformat()]
    assert any(d.kind == "brief_due" for d in overdue)

    # documents: 2-5 per case, imported, with real details
    doc_types: set[str] = set()
    for case in [c for c in all_cases if c.court != PHILADELPHIA]:  # its story has none
        docs = documents.list_documents(lib, case.id)
        assert 2 <= len(docs) <= 5, case.respondent
        for doc in docs:
            assert doc.text_status == "ok" and doc.page_count >= 1
            assert doc.filed_on and doc.filed_on <= today.isoformat()
            assert doc.filed_by in ("respondent", "dhs", "court")
            assert "_" not in doc.title and not doc.title.endswith(".pdf")
            assert lib.store.has(doc.sha256)
            doc_types.add(doc.doc_type)
    assert doc_types >= {
        "notice_to_appear",
        "hearing_notice",
        "motion",
        "brief",
        "evidence",
        "decision",
        "order",
    }
    assert any(d.page_count >= 2 for c in all_cases for d in documents.list_documents(lib, c.id))

    # exhibits linked to hearings
    marked = [e for h in every for e in exhibits.exhibits_for(lib, h.id)]
    assert marked and all(e["exhibit"].startswith("Exh.") for e in marked)

    # the text is searchable
    hits = index_of(lib).search('"extreme hardship"')
    assert hits and {h.doc_type for h in hits} >= {"brief"}
    for phrase in (
        '"preponderance of the evidence"',
        '"particular social group"',
        '"well-founded fear of persecution"',
        '"country conditions"',
    ):
        assert index_of(lib).search(phrase), phrase
    assert index_of(lib).search("type:notice_to_appear", limit=100)

    # a second demo is refused, and nothing changes
    with pytest.raises(CaseorgError, match="already has cases"):
        create_demo(lib)
    assert count(lib, "cases") == summary["cases"]
    assert count(lib, "documents") == summary["documents"]


def test_demo_refuses_a_library_with_cases(lib: Any, case: Any) -> None:
    with pytest.raises(CaseorgError) as info:
        create_demo(lib)
    assert "\n" not in str(info.value)
    assert count(lib, "cases") == 1
    assert count(lib, "hearings") == 0


def test_court_days() -> None:
    assert not is_court_day(dt.date(2025, 12, 25))  # Christmas
    assert not is_court_day(dt.date(2025, 11, 27))  # Thanksgiving
    assert not is_court_day(dt.date(2025, 9, 1))  # Labor Day
    assert not is_court_day(dt.date(2025, 5, 26))  # Memorial Day
    assert not is_court_day(dt.date(2025, 3, 15))  # Saturday
    assert is_court_day(dt.date(2025, 3, 14))
