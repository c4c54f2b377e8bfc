"""OCR on a court library (issue 16): the queue reads a scanned document's pages with real
Tesseract, stores their text and word boxes on the PostgreSQL server, where its search
finds them; a cancel keeps the pages read and the next run reads only the rest."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from ocr_scans import make_scan, phrases

from caseorg.cancel import CancelToken
from caseorg.importing import (
    OcrBusy,
    awaiting_ocr,
    document_ocr,
    import_files,
    page_words,
    pages_awaiting,
    run_ocr,
)
from caseorg.importing.ocrengine import find_tesseract
from caseorg.library import open_library
from caseorg.progress import Progress
from caseorg.records import add_case
from caseorg.search import index_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed"),
]

DPI = 150  # about the queue on the server, not about recall: small pages
PAGES = 3


@pytest.fixture
def scanned(court_lib: Any, corpus: Path, tmp_path: Path) -> dict[str, Any]:
    """A court library whose one document is a scan of PAGES pages awaiting OCR."""
    scan = tmp_path / "scan.pdf"
    truths = make_scan(corpus / "aao" / "aao__A1__file90.pdf", list(range(PAGES)), scan)
    case = add_case(court_lib, "123456789", "Ana Lopez")
    imported = import_files(court_lib, case.id, [scan], workers=1)
    assert imported.count("no_text") == 1
    document_id = court_lib.db.execute("SELECT id FROM documents").fetchone()[0]
    return {"lib": court_lib, "truths": truths, "document": document_id}


def done_pages(lib: Any) -> dict[int, str]:
    rows = lib.db.execute("SELECT page_no, updated_at FROM page_ocr WHERE state = 'done'")
    return {row[0]: row[1] for row in rows.fetchall()}


def test_the_queue_reads_a_court_library_s_scans_and_its_server_finds_them(
    scanned: dict[str, Any],
) -> None:
    lib = scanned["lib"]
    assert pages_awaiting(lib.db) == PAGES and awaiting_ocr(lib) == PAGES
    report = run_ocr(lib, workers=2, dpi=DPI)
    assert (report.done, report.failed, report.remaining) == (PAGES, 0, 0)
    assert awaiting_ocr(lib) == 0
    counts = document_ocr(lib, [scanned["document"]])[scanned["document"]]
    assert (counts.awaiting, counts.done, counts.failed) == (0, PAGES, 0)
    words = page_words(lib.db, scanned["document"], 1)
    assert len(words) > 50  # word boxes stored on the server, for the viewer's highlights
    asked = phrases(scanned["truths"][0], 8, random.Random(3))
    found = [p for p in asked if index_of(lib).search(f'"{p}"')]
    assert len(found) >= len(asked) // 2, (asked, found)


def test_a_cancel_keeps_what_was_read_and_the_next_run_reads_the_rest(
    scanned: dict[str, Any],
) -> None:
    lib = scanned["lib"]
    cancel = CancelToken()

    def progress(p: Progress) -> None:
        if p.done:  # the first page is in: stop
            cancel.cancel()

    first = run_ocr(lib, workers=1, dpi=DPI, progress=progress, cancel=cancel)
    assert first.cancelled
    before = done_pages(lib)
    assert 1 <= len(before) < PAGES
    assert first.remaining == PAGES - len(before)

    again = run_ocr(lib, workers=2, dpi=DPI)
    assert again.done == PAGES - len(before)  # nothing lost, nothing read twice
    after = done_pages(lib)
    assert len(after) == PAGES
    assert {page: after[page] for page in before} == before  # finished pages untouched


def test_one_queue_at_a_time_on_a_court_library(scanned: dict[str, Any], pg_cluster: Any) -> None:
    """Two clerks ask for OCR at once: the second is told in one line, no page is read
    twice; once the first has finished, the queue is free again."""
    lib = scanned["lib"]
    other = open_library(lib.url)  # another clerk's process: its own connection
    refused: list[Exception] = []

    def progress(p: Progress) -> None:
        if p.done == 1 and not refused:  # the first page is in: the other clerk asks
            try:
                run_ocr(other, workers=1, dpi=DPI)
            except OcrBusy as exc:
                refused.append(exc)

    try:
        report = run_ocr(lib, workers=1, dpi=DPI, progress=progress)
        assert len(refused) == 1 and "\n" not in str(refused[0])
        assert "another caseorg is reading" in str(refused[0])
        assert report.done == PAGES  # the first queue read every page, each once
        again = run_ocr(other, workers=1, dpi=DPI)  # free again: nothing left to read
        assert (again.done, again.remaining) == (0, 0)
    finally:
        other.close()
