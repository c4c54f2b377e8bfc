"""Snippets on the server (issue 16): as many pages per document get one as the embedded
engines give (their MAX_SNIPPET_PAGES, 10), each with the words found marked — a phrase
far into a page too (ts_headline reads the part of a page between the first places of
the query's words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.library import open_library
from caseorg.records import add_case
from caseorg.search import index_of
from caseorg.search.pagecheck import MAX_SNIPPET_PAGES
from caseorg.search.server_index import WINDOW_AFTER, WINDOW_BEFORE

FILLER = "The record was reviewed in full by the board. " * 40  # ~1,900 characters


def _pages() -> list[str]:
    pages = [f"Page {n}: the respondent shows hardship. {FILLER}" for n in range(1, 14)]
    # the phrase past the window that opens at the page's first "hardship"
    pages.append(f"A hardship claim. {FILLER} The respondent faces extreme hardship today.")
    return pages


def _filed(lib: Any, tmp_path: Path) -> Any:
    case = add_case(lib, "A-123-456-789", "Ana Lopez")
    pdf = make_pdf(tmp_path / f"long-{lib.backend}.pdf", _pages())
    assert import_files(lib, case.id, [pdf], workers=1).count("imported") == 1
    return lib


def test_ten_pages_get_a_marked_snippet_as_on_a_folder_library(
    court_lib: Any, tmp_path: Path
) -> None:
    assert len(FILLER) > WINDOW_BEFORE + WINDOW_AFTER
    court = _filed(court_lib, tmp_path)
    with open_library(tmp_path / "folder") as folder:
        _filed(folder, tmp_path)
        (embedded,) = index_of(folder).search("hardship")
        embedded_pages = len(embedded.pages)
    (hit,) = index_of(court).search("hardship")
    assert len(hit.matching_pages) == 14
    assert len(hit.pages) == MAX_SNIPPET_PAGES == embedded_pages == 10
    for page in hit.pages:
        assert "**hardship**" in page.snippet and "<b>hardship</b>" in page.snippet_html

    (phrase,) = index_of(court).search('"extreme hardship"')
    assert phrase.matching_pages == [14]
    (page,) = phrase.pages
    assert "**extreme** **hardship**" in page.snippet  # found in the whole page
