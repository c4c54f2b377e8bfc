"""What a library holds, counted for the status bar."""

from __future__ import annotations

from pathlib import Path

from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.records.totals import LibraryTotals, library_totals


def test_an_empty_library_holds_nothing(tmp_path: Path) -> None:
    with open_library(tmp_path / "library") as lib:
        assert library_totals(lib) == LibraryTotals(0, 0, 0)


def test_cases_documents_and_pages_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "library"
    with open_library(path) as lib:
        ana = add_case(lib, "A-123-456-789", "Ana Lopez")
        add_case(lib, "A-987-654-321", "Bo Chen")
        brief = make_pdf(tmp_path / "Brief.pdf", ["first page", "second page"])
        notice = make_pdf(tmp_path / "Notice.pdf", ["one page"])
        import_files(lib, ana.id, [brief, notice])
    with open_library(path, read_only=True) as reader:  # as the window reads it
        assert library_totals(reader) == LibraryTotals(cases=2, documents=2, pages=3)
