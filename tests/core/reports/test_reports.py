"""Hearing summary and docket HTML: what a judge reads on paper, built from real records."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.errors import NotFound
from caseorg.importing.pipeline import import_files
from caseorg.records.cases import add_case, edit_case
from caseorg.records.deadlines import add_deadline, mark_done
from caseorg.records.documents import edit_document
from caseorg.records.exhibits import link_document
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.notices import add_notice
from caseorg.records.reassignments import reassign
from caseorg.reports.docket import docket_context, docket_html
from caseorg.reports.summary import hearing_summary_context, hearing_summary_html

NOW = dt.datetime(2025, 3, 10, 14, 5)


def text_of(page: str) -> str:
    """The words a reader sees: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def history(lib: Any, case: Any, tmp_path: Path) -> dict[str, Any]:
    """Ana's case: a continued master hearing, a reassignment (and its correction),
    an individual hearing ending in an in absentia order on a returned notice,
    a filed brief linked as an exhibit, and deadlines."""
    add_judge(lib, "TLW", "Judge Thomas Lee Wong", court="San Francisco")
    edit_case(lib, case.id, custody="detained", dhs_counsel="ACC Naomi Park")
    first = add_hearing(
        lib,
        case.id,
        "2025-01-10 09:00",
        kind="master",
        courtroom="Courtroom 2",
        interpreter_language="Spanish",
        outcome="continued",
        adjournment_reason="respondent to seek counsel",
    )
    add_notice(lib, first.id, "2024-12-01", method="personal", address="12 Oak St, Oakland CA")
    moved = reassign(
        lib,
        case.id,
        "TLW",
        "caseload balancing",
        effective_on="2025-02-01",
        ordered_by="ACIJ Castellano",
        midstream=True,
    )
    correction = reassign(
        lib,
        case.id,
        "TLW",
        "effective date corrected",
        effective_on="2025-02-03",
        ordered_by="ACIJ Castellano",
        corrects=moved.id,
    )
    merits = add_hearing(
        lib,
        case.id,
        "2025-03-03 10:30",
        kind="individual",
        courtroom="Courtroom 4",
        medium="video",
        interpreter_language="Spanish",
        outcome="in_absentia_order",
        notes="respondent did not appear",
    )
    add_notice(
        lib, merits.id, "2025-02-05", address="12 Oak St, Oakland CA", returned_undeliverable=True
    )
    pdf = tmp_path / "brief.pdf"
    write_text_pdf(
        pdf,
        title="Respondent's brief",
        paragraphs=["Respondent fears persecution on account of religion."] * 40,
    )
    imported = import_files(lib, case.id, [pdf], workers=1)
    document_id = imported.outcomes[0].document_id
    assert document_id is not None
    edit_document(
        lib, document_id, title="Respondent's brief", filed_on="2025-02-14", filed_by="respondent"
    )
    link_document(lib, merits.id, document_id, exhibit="Exh. 3")
    add_deadline(lib, case.id, "brief_due", "2025-03-20", note="DHS response to the brief")
    done = add_deadline(lib, case.id, "filing", "2025-01-31", note="I-589 supplement")
    mark_done(lib, done.id, "2025-01-30")
    return {
        "first": first,
        "merits": merits,
        "moved": moved,
        "correction": correction,
        "document_id": document_id,
    }


def test_summary_caption_and_this_hearing(lib: Any, history: dict[str, Any]) -> None:
    page = hearing_summary_html(lib, history["merits"].id)
    text = text_of(page)
    assert "U.S. DEPARTMENT OF JUSTICE" in text
    assert "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW" in text
    assert "IMMIGRATION COURT" in text and "San Francisco" in text
    assert "HEARING SUMMARY" in text
    assert "Generated " in text
    # caption
    assert "In the Matter of: Ana Lopez Garcia" in text
    assert "File No.: A-123-456-789" in text
    assert "IN REMOVAL PROCEEDINGS" in text
    assert "DETAINED" in text
    assert "On behalf of Respondent: pro se" in text
    assert "On behalf of DHS: ACC Naomi Park" in text
    for fact in ("Guatemala", "Spanish", "Detained", "Removal", "Pending"):
        assert fact in text
    # the case is now Judge Wong's (reassigned), the title "Judge" is not repeated
    assert "Immigration Judge Thomas Lee Wong (TLW)" in text
    # this hearing
    assert "Date and time Monday, March 3, 2025, 10:30 AM" in text
    assert "Individual (merits)" in text
    assert "Courtroom Courtroom 4" in text
    assert "Medium Video (VTC)" in text
    assert "Interpreter Spanish" in text
    assert "Outcome In absentia order" in text
    assert "respondent did not appear" in text


def test_summary_history_sections(lib: Any, history: dict[str, Any]) -> None:
    text = text_of(hearing_summary_html(lib, history["merits"].id))
    # prior hearing and its outcome
    prior = text[text.index("Prior hearings") : text.index("Notices of hearing served")]
    assert "January 10, 2025 9:00 AM Master" in prior
    assert "Rosa Martinez (JRM)" in prior
    assert "Continued respondent to seek counsel" in prior
    # notices, for both hearings, with the returned one marked
    notices = text[text.index("Notices of hearing served") : text.index("Reassignment history")]
    assert "December 1, 2024 Personal service 12 Oak St, Oakland CA No" in notices
    assert "February 5, 2025 Mail 12 Oak St, Oakland CA Yes — returned undeliverable" in notices
    # reassignments, with the correction naming what it corrects
    moves = text[text.index("Reassignment history") : text.index("Documents and exhibits")]
    moved, correction = history["moved"].id, history["correction"].id
    assert (
        f"{moved} February 1, 2025 Rosa Martinez (JRM) Thomas Lee Wong (TLW) caseload balancing "
        "ACIJ Castellano Yes" in moves
    )
    assert f"{correction} February 3, 2025" in moves
    assert f"effective date corrected Correction of #{moved}" in moves
    # documents with exhibit label, filed date, type and pages
    documents = text[text.index("Documents and exhibits") : text.index("Open deadlines")]
    assert "1 document, " in documents and "1 marked as exhibit for this hearing" in documents
    assert "Exh. 3 February 14, 2025 Respondent's brief Brief Respondent 2" in documents
    # only open deadlines
    deadlines = text[text.index("Open deadlines") :]
    assert "DHS response to the brief" in deadlines and "Brief due" in deadlines
    assert "I-589 supplement" not in text


def test_summary_of_first_hearing_lists_the_later_one(lib: Any, history: dict[str, Any]) -> None:
    text = text_of(hearing_summary_html(lib, history["first"].id, court_name="Oakland"))
    assert "Oakland" in text
    assert "No earlier hearings in this case." in text
    later = text[text.index("Later hearings") : text.index("Notices of hearing served")]
    assert "March 3, 2025 10:30 AM Individual" in later
    # the later hearing's notice problem is still flagged, in the box at the top
    assert "Hearing of March 3, 2025: In absentia order, but the notice served 02/05/2025" in text


def test_in_absentia_without_notice_is_flagged_prominently(
    lib: Any, history: dict[str, Any]
) -> None:
    merits = history["merits"]
    page = hearing_summary_html(lib, merits.id)
    text = text_of(page)
    problem = "In absentia order, but the notice served 02/05/2025 was returned undeliverable"
    # in the box above the caption, and again beside the hearing
    assert text.index("NOTICE WARNING") < text.index("In the Matter of")
    assert text.index(problem) < text.index("In the Matter of")
    assert f"Notice warning: {problem}" in text

    # proper notice, served in time: the warning goes away
    add_notice(lib, merits.id, "2025-02-10", method="personal", address="Adelanto ICE Processing")
    text = text_of(hearing_summary_html(lib, merits.id))
    assert "NOTICE WARNING" not in text and "Notice warning" not in text


def test_user_text_is_escaped(lib: Any, case: Any) -> None:
    tricky = add_case(
        lib,
        "A-987-654-321",
        "<b>Ana</b>",
        judge_code="JRM",
        attorney="O'Brien & <i>Partners</i>",
        nationality="<script>alert(1)</script>",
    )
    hearing = add_hearing(
        lib, tricky.id, "2025-03-03 09:00", courtroom="<td>4</td>", notes="a <br> b"
    )
    page = hearing_summary_html(lib, hearing.id)
    assert "<b>Ana</b>" not in page
    assert "&lt;b&gt;Ana&lt;/b&gt;" in page
    assert "<script>" not in page and "<i>Partners</i>" not in page and "<td>4</td>" not in page
    assert "<b>Ana</b>" in text_of(page)  # printed literally
    docket = docket_html(lib, dt.date(2025, 3, 3))
    assert "&lt;b&gt;Ana&lt;/b&gt;" in docket and "<b>Ana</b>" not in docket
    assert "O&#39;Brien &amp; &lt;i&gt;Partners&lt;/i&gt;" in docket


def test_missing_hearing_is_not_found(lib: Any) -> None:
    with pytest.raises(NotFound):
        hearing_summary_html(lib, 999)


def test_summary_without_history_says_so(lib: Any, case: Any) -> None:
    edit_case(lib, case.id, attorney="Maria Chen, Esq.")
    hearing = add_hearing(lib, case.id, "2025-04-01 13:00")
    text = text_of(hearing_summary_html(lib, hearing.id))
    assert "On behalf of Respondent: Maria Chen, Esq." in text
    assert "pro se" not in text
    for empty in (
        "No earlier hearings in this case.",
        "No notice of hearing is on record for this case.",
        "The case has not been reassigned.",
        "No documents have been filed in this case.",
        "No open deadlines.",
    ):
        assert empty in text
    assert "Date and time Tuesday, April 1, 2025, 1:00 PM" in text


def test_overdue_deadline_is_marked(lib: Any, case: Any) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-03 09:00")
    add_deadline(lib, case.id, "decision_due", "2025-03-01", note="written decision")
    add_deadline(lib, case.id, "filing", "2025-03-12", note="evidence packet")
    context = hearing_summary_context(lib, hearing.id, now=NOW)
    rows = {row["note"]: row for row in context["deadlines"]}
    assert rows["written decision"]["overdue"] and rows["written decision"]["when"] == (
        "overdue by 9 days"
    )
    assert rows["evidence packet"]["when"] == "in 2 days"
    assert context["generated"] == "March 10, 2025 at 2:05 PM"


def test_contexts_are_plain_data(lib: Any, history: dict[str, Any]) -> None:
    summary = hearing_summary_context(lib, history["merits"].id, now=NOW)
    docket = docket_context(lib, dt.date(2025, 3, 3), now=NOW)
    json.dumps(summary)
    json.dumps(docket)  # the desktop app may reuse them as they are
    assert summary["case"]["a_number_display"] == "A-123-456-789"
    assert summary["case"]["representation"] == "pro se"
    assert [h["id"] for h in summary["prior_hearings"]] == [history["first"].id]
    assert summary["hearing"]["notice_warning"].startswith("In absentia order")


# -- docket ----------------------------------------------------------------------------


@pytest.fixture
def busy_day(lib: Any, case: Any) -> dict[str, Any]:
    """March 3, 2025: two judges, three courtrooms, hearings added out of time order."""
    add_judge(lib, "AAB", "Judge Alice A. Baker", court="San Francisco")
    bo = add_case(
        lib,
        "A-222-333-444",
        "Bo Chen",
        judge_code="AAB",
        nationality="China",
        language="Mandarin",
        attorney="Lidia Farrow, Esq.",
        custody="released",
    )
    cy = add_case(lib, "A-555-666-777", "Cy Diallo", judge_code="JRM", language="French")
    ids = {
        "ana_late": add_hearing(
            lib,
            case.id,
            "2025-03-03 14:00",
            courtroom="Courtroom 10",
            interpreter_language="Spanish",
        ).id,
        "cy_early": add_hearing(
            lib, cy.id, "2025-03-03 08:30", courtroom="Courtroom 2", outcome="in_absentia_order"
        ).id,
        "ana_early": add_hearing(
            lib,
            case.id,
            "2025-03-03 09:00",
            courtroom="Courtroom 10",
            kind="individual",
            medium="video",
        ).id,
        "bo": add_hearing(
            lib,
            bo.id,
            "2025-03-03 10:00",
            courtroom="Courtroom 1",
            interpreter_language="Mandarin",
            medium="telephone",
        ).id,
        "bo_next_day": add_hearing(lib, bo.id, "2025-03-04 11:00", courtroom="Courtroom 1").id,
    }
    return ids


def test_docket_groups_by_judge_then_courtroom_in_time_order(
    lib: Any, busy_day: dict[str, Any]
) -> None:
    page = docket_html(lib, dt.date(2025, 3, 3))
    text = text_of(page)
    assert "DOCKET" in text and "Monday, March 3, 2025" in text
    assert "4 hearings before 2 judges" in text
    order = [
        "Immigration Judge Alice A. Baker (AAB)",
        "Courtroom 1 — Immigration Judge Alice A. Baker (AAB)",
        "10:00 AM A-222-333-444 Bo Chen China Master Telephone Mandarin Released "
        "Lidia Farrow, Esq. Pending",
        "Immigration Judge Rosa Martinez (JRM)",
        "Courtroom 2 — Immigration Judge Rosa Martinez (JRM)",
        "8:30 AM A-555-666-777 Cy Diallo Master In person — Non-detained pro se In absentia order",
        "Courtroom 10 — Immigration Judge Rosa Martinez (JRM)",  # 10 after 2
        "9:00 AM A-123-456-789 Ana Lopez Garcia Guatemala Individual Video — Non-detained pro se",
        "2:00 PM A-123-456-789 Ana Lopez Garcia Guatemala Master In person Spanish",
    ]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)
    assert "11:00 AM" not in text  # the next day's hearing
    # the in absentia order without any notice is flagged on the docket
    assert "Notice warning: In absentia order with no notice of hearing on record" in text
    assert "1 with a notice warning" in text


def test_docket_range_and_judge(lib: Any, busy_day: dict[str, Any]) -> None:
    text = text_of(
        docket_html(
            lib, dt.date(2025, 3, 3), until=dt.date(2025, 3, 4), judge_code="aab", court_name="SF"
        )
    )
    assert "Monday, March 3, 2025 through Tuesday, March 4, 2025" in text
    assert "Immigration Judge Alice A. Baker (AAB)" in text
    assert "March 3, 2025 10:00 AM A-222-333-444 Bo Chen" in text
    assert "March 4, 2025 11:00 AM A-222-333-444 Bo Chen" in text
    assert "Rosa Martinez" not in text and "Ana Lopez Garcia" not in text
    assert "SF" in text
    with pytest.raises(NotFound):
        docket_html(lib, dt.date(2025, 3, 3), judge_code="NOPE")


def test_empty_docket(lib: Any, case: Any) -> None:
    text = text_of(docket_html(lib, dt.date(2025, 3, 8)))
    assert "No hearings scheduled" in text
    assert "Saturday, March 8, 2025" in text
    assert "San Francisco" in text  # the library's one court
    context = docket_context(lib, dt.date(2025, 3, 8), now=NOW)
    assert context["judges"] == [] and context["hearing_count"] == 0


def test_hearing_without_judge_or_courtroom(lib: Any) -> None:
    orphan = add_case(lib, "A-000-000-001", "No Judge Yet")
    add_hearing(lib, orphan.id, "2025-03-05 09:00")
    text = text_of(docket_html(lib, dt.date(2025, 3, 5)))
    assert "Immigration Judge No judge assigned" in text
    assert "Courtroom not set" in text
    assert "IMMIGRATION COURT" in text


def test_templates_ship_in_the_resources_package() -> None:
    folder = resources.files("caseorg_resources.templates")
    names = {entry.name for entry in folder.iterdir()}
    assert {"summary.html", "docket.html", "_base.html", "_macros.html"} <= names
    # the package data globs in pyproject cover them
    assert all(name.endswith((".html", ".css", ".py")) or name == "__pycache__" for name in names)
