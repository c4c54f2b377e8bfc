"""The OCR queue: a cancel stops within a page, a kill loses nothing and repeats nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ocr_scans import make_scan, phrases

from caseorg.cancel import CancelToken
from caseorg.importing import import_files, run_ocr
from caseorg.importing.ocrengine import find_tesseract
from caseorg.library.folder import DB_NAME, open_library
from caseorg.progress import Progress
from caseorg.records import add_case
from caseorg.search import index_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed"),
]

DPI = 150  # these tests are about the queue, not about recall: small pages


def _library_with_scans(corpus: Path, folder: Path, pages: int) -> tuple[Path, list[str]]:
    """A closed library whose one document has ``pages`` scanned pages awaiting OCR."""
    source = corpus / "aao" / "aao__A1__file90.pdf"
    truths = make_scan(source, list(range(pages)), folder / "scan.pdf")
    lib = open_library(folder / "lib")
    try:
        case = add_case(lib, "123456789", "Ana Lopez")
        import_files(lib, case.id, [folder / "scan.pdf"])
    finally:
        lib.close()
    return folder / "lib", truths


def _done_pages(library: Path) -> dict[int, str]:
    with sqlite3.connect(f"file:{library / DB_NAME}?mode=ro", uri=True) as conn:
        return dict(conn.execute("SELECT page_no, updated_at FROM page_ocr WHERE state = 'done'"))


def test_cancel_stops_within_a_page(corpus: Path, tmp_path: Path) -> None:
    library, _ = _library_with_scans(corpus, tmp_path, 3)
    lib = open_library(library)
    cancel = CancelToken()
    cancelled_at: list[float] = []

    def progress(p: Progress) -> None:
        if p.done and not cancel.cancelled:
            cancel.cancel()
            cancelled_at.append(time.monotonic())

    try:
        report = run_ocr(lib, workers=1, dpi=DPI, progress=progress, cancel=cancel)
        stopped_in = time.monotonic() - cancelled_at[0]
        assert report.cancelled
        assert report.done == 1 and report.remaining == 2
        assert stopped_in < 5.0  # the page in flight is dropped, not waited for
        # the next run reads the rest and nothing twice
        again = run_ocr(lib, workers=1, dpi=DPI)
        assert again.done == 2 and again.remaining == 0
    finally:
        lib.close()


CHILD = """
import sys
from caseorg.importing import run_ocr
from caseorg.library.folder import open_library
run_ocr(open_library(sys.argv[1]), workers=1, dpi={dpi})
"""


def test_a_killed_queue_resumes_without_losing_or_repeating_pages(
    corpus: Path, tmp_path: Path
) -> None:
    library, truths = _library_with_scans(corpus, tmp_path, 5)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(dpi=DPI), str(library)],
        start_new_session=True,  # its workers and their tesseract die with it
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        deadline = time.monotonic() + 240
        while len(_done_pages(library)) < 2:
            assert child.poll() is None, "the OCR run ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    before = _done_pages(library)
    assert 2 <= len(before) < 5

    lib = open_library(library)
    try:
        report = run_ocr(lib, workers=2, dpi=DPI)
        assert report.done == 5 - len(before)  # nothing lost, nothing read twice
        assert report.remaining == 0
        after = _done_pages(library)
        assert {page: after[page] for page in before} == before  # finished pages untouched
        # pages finished before the kill are searchable (indexed on resume)
        page = min(before)
        asked = phrases(truths[page - 1], 5, random.Random(1))
        assert any(index_of(lib).search(f'"{p}"') for p in asked)
    finally:
        lib.close()


def test_a_turn_reads_a_page_at_least_then_lets_the_rest_wait(corpus: Path, tmp_path: Path) -> None:
    """The app reads a long queue in turns (``turn_seconds``) so other writes get in."""
    library, _ = _library_with_scans(corpus, tmp_path, 3)
    lib = open_library(library)
    try:
        read = 0
        turns = 0
        while True:
            report = run_ocr(lib, workers=1, dpi=DPI, turn_seconds=0.0)
            turns += 1
            assert report.done + report.failed >= 1 or report.remaining == 0
            read += report.done + report.failed
            if not report.remaining:
                break
            assert report.remaining == 3 - read  # the rest wait, nothing read twice
        assert read == 3 and turns >= 2
        assert len(_done_pages(library)) == 3
    finally:
        lib.close()
