"""Imported documents describe themselves (issue 18, item 5): a title from the PDF's
metadata or its first page's heading, a type guessed from the text (stored as a guess),
a filed date found on page one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.importing.describe import describe
from caseorg.importing.pipeline import import_files
from caseorg.records.documents import edit_document, get_document, list_documents
from caseorg.search.handle import index_of

CAPTION = [
    "UNITED STATES DEPARTMENT OF JUSTICE",
    "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
    "HARBOR CITY IMMIGRATION COURT",
    "In the Matter of:",
    "ANA DIAZ, Respondent",
    "File No.: A-123-456-789",
    "In Removal Proceedings",
]


def _import(lib, case, path: Path, **options):
    (outcome,) = import_files(lib, case.id, [path], workers=1, **options).outcomes
    assert outcome.status == "imported", outcome.message
    return get_document(lib, outcome.document_id)


def test_title_type_and_date_come_from_the_first_page(lib, case, tmp_path: Path) -> None:
    path = tmp_path / "scan0042.pdf"
    heading = ["RESPONDENT'S MOTION TO CONTINUE", "Dated: November 2, 2026"]
    write_text_pdf(path, [[*CAPTION, *heading, "The respondent moves the Court to continue."]])
    doc = _import(lib, case, path)
    assert doc.title == "Respondent's motion to continue"
    assert (doc.doc_type, doc.type_guessed) == ("motion", 1)
    assert doc.filed_on == "2026-11-02"
    # and search finds it by what it is
    hits = index_of(lib).search("type:motion filed:2026-11")
    assert [h.document_id for h in hits] == [doc.id]
    # a type someone sets is no longer a guess
    assert edit_document(lib, doc.id, doc_type="motion").type_guessed == 0


def test_the_pdf_title_wins_and_given_values_are_not_guesses(lib, case, tmp_path: Path) -> None:
    path = tmp_path / "file320.pdf"
    write_text_pdf(path, title="Notice of Hearing in Removal Proceedings",
                   paragraphs=["Your case is scheduled. Date: 12/07/2026."])  # fmt: skip
    doc = _import(lib, case, path, doc_type="evidence", filed_on="2026-12-01")
    assert doc.title == "Notice of Hearing in Removal Proceedings"
    assert (doc.doc_type, doc.type_guessed) == ("evidence", 0)
    assert doc.filed_on == "2026-12-01"


def test_nothing_said_leaves_the_name(lib, case, tmp_path: Path) -> None:
    path = tmp_path / "Respondent_Brief.pdf"
    write_text_pdf(path, paragraphs=["see attached."])
    doc = _import(lib, case, path)
    assert doc.title == "Respondent Brief"
    assert (doc.doc_type, doc.filed_on) == ("brief", None)  # from the name, still a guess
    assert doc.type_guessed == 1


@pytest.mark.corpus
def test_aao_decisions_get_their_heading_type_and_date(lib, case) -> None:
    folder = Path(os.environ.get("CASEORG_CORPUS") or "/nonexistent") / "aao"
    if not folder.is_dir():
        pytest.skip("CASEORG_CORPUS is not set")
    names = ["aao__A3__file194.pdf", "aao__A1__file90.pdf", "aao__A3__file49.pdf"]
    import_files(lib, case.id, [folder / n for n in names], workers=1)
    docs = {d.original_name: d for d in list_documents(lib, case.id)}
    first = docs["aao__A3__file194.pdf"]
    assert (first.title, first.doc_type, first.filed_on) == (
        "Appeal of National Benefits Center Decision",
        "decision",
        "2020-06-16",  # "Date: JUNE 16, 2020"
    )
    assert docs["aao__A1__file90.pdf"].title == (
        "Non-Precedent Decision of the Administrative Appeals Office"
    )
    assert docs["aao__A3__file49.pdf"].doc_type == "motion"
    assert all(d.type_guessed == 1 for d in docs.values())


@pytest.mark.parametrize(
    ("page", "filed"),
    [
        ("Date: AUG. 3, 2020\nThe Applicant", "2020-08-03"),
        ("Filed on 2026-11-02", "2026-11-02"),
        ("Date of this notice: 11/30/2026", "2026-11-30"),
        ("Decided 3 March 2024", "2024-03-03"),
        ("Born March 3, 1990 in Guatemala", None),  # not a labelled date
        ("Date: Smarch 40, 2020", None),
    ],
)
def test_dates_found_on_page_one(page: str, filed: str | None) -> None:
    assert describe(page).filed_on == filed


@pytest.mark.parametrize(
    "metadata", ["Microsoft Word - brief.docx", "untitled", "scan.pdf", "12345", "", None]
)
def test_junk_metadata_titles_are_ignored(metadata: str | None) -> None:
    assert describe("NOTICE TO APPEAR\nYou are ...", metadata).title == "Notice to appear"
