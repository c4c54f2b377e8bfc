"""OCR with Tesseract: scans made from the corpus's born-digital pages become searchable.

The scans are rendered, turned, blurred, speckled and JPEG'd here (tests/core/importing/
scans.py); the born-digital page's own text is the truth.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ocr_scans import corpus_or_skip, make_scan, phrases

from caseorg.importing import (
    awaiting_ocr,
    document_ocr,
    import_files,
    ocr_counts,
    ocr_words,
    page_words,
    pages_awaiting,
    run_ocr,
)
from caseorg.importing.ocrengine import find_tesseract
from caseorg.library.folder import open_library
from caseorg.records import add_case
from caseorg.search import index_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed"),
]

# (file, pages): two decisions, two pages each, 0-based
SCANNED = [("aao__A1__file90.pdf", [0, 1]), ("aao__A3__file194.pdf", [0, 1])]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A library holding the scans, OCR'd once for the tests of this module."""
    corpus = corpus_or_skip()
    folder = tmp_path_factory.mktemp("ocr")
    truths: list[str] = []
    files = []
    for name, pages in SCANNED:
        target = folder / f"scan_{name}"
        truths += make_scan(corpus / "aao" / name, pages, target)
        files.append(target)
    lib = open_library(folder / "lib")
    case = add_case(lib, "123456789", "Ana Lopez")
    imported = import_files(lib, case.id, files)
    assert imported.count("no_text") == len(files)
    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    awaiting = pages_awaiting(lib.db)
    report = run_ocr(lib, workers=2)
    try:
        yield {
            "lib": lib,
            "truths": truths,
            "report": report,
            "awaiting": awaiting,
            "hashes": hashes,
            "imported": imported,
        }
    finally:
        lib.close()


def test_every_scanned_page_awaited_ocr_and_was_read(scanned: dict[str, Any]) -> None:
    report = scanned["report"]
    assert scanned["awaiting"] == sum(len(p) for _, p in SCANNED)
    assert report.done == scanned["awaiting"] and report.failed == 0
    assert report.remaining == 0
    lib = scanned["lib"]
    counts = ocr_counts(lib.db)
    assert all(c.state == "done" and c.done == 2 for c in counts.values())
    statuses = {r[0] for r in lib.db.execute("SELECT text_status FROM documents")}
    assert statuses == {"ok"}  # no longer "scanned — no searchable text"
    sources = {r[0] for r in lib.db.execute("SELECT source FROM pages")}
    assert sources == {"ocr"}


def test_phrase_recall_through_search(scanned: dict[str, Any]) -> None:
    index = index_of(scanned["lib"])
    rng = random.Random(12)
    asked = found = 0
    missed = []
    for truth in scanned["truths"]:
        for phrase in phrases(truth, 12, rng):
            asked += 1
            if index.search(f'"{phrase}"'):
                found += 1
            else:
                missed.append(phrase)
    assert asked >= 40
    recall = found / asked
    print(f"phrase recall {recall:.1%} ({found}/{asked}); missed: {missed}")
    assert recall >= 0.85, missed


def test_word_boxes_fall_on_the_words(scanned: dict[str, Any]) -> None:
    """A word's stored box is where PDFium finds that word on the born-digital page."""
    import pypdfium2

    lib = scanned["lib"]
    name, pages = SCANNED[0]
    doc_id = lib.db.execute(
        "SELECT id FROM documents WHERE original_name = ?", [f"scan_{name}"]
    ).fetchone()[0]
    boxes = page_words(lib.db, doc_id, 2)
    assert len(boxes) > 100
    page = pypdfium2.PdfDocument(str(corpus_or_skip() / "aao" / name))[pages[1]]
    height = page.get_height()
    textpage = page.get_textpage()
    hits = 0
    checked = 0
    for x, y, _w, _h, word in boxes:
        if len(word) < 8 or not word.isalpha():
            continue
        searcher = textpage.search(word, match_case=True, match_whole_word=True)
        found = searcher.get_next()
        if found is None:
            continue
        checked += 1
        left, _bottom, _right, top = textpage.get_charbox(found[0])
        # the scan is turned by up to 1.5°: allow a few points
        if abs(left - x) < 12 and abs((height - top) - y) < 12:
            hits += 1
        if checked >= 20:
            break
    assert checked >= 10
    assert hits / checked >= 0.8


def test_the_stored_files_are_never_changed(scanned: dict[str, Any]) -> None:
    lib = scanned["lib"]
    for row in lib.db.execute("SELECT sha256 FROM documents"):
        path = lib.store.path_for(row[0])
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row[0]


def test_a_finished_run_has_nothing_left(scanned: dict[str, Any]) -> None:
    report = run_ocr(scanned["lib"], workers=1)
    assert report.done == report.failed == report.remaining == 0


@pytest.mark.parametrize("turn", [90, 270])
def test_a_sideways_page_is_turned_and_read(
    corpus: Path, tmp_path: Path, lib: Any, turn: int
) -> None:
    truth = make_scan(corpus / "aao" / SCANNED[0][0], [1], tmp_path / "sideways.pdf", turn=turn)
    case = add_case(lib, "123456780", "Luis Perez")
    import_files(lib, case.id, [tmp_path / "sideways.pdf"])
    report = run_ocr(lib, workers=1)
    assert report.done == 1
    rng = random.Random(5)
    asked = phrases(truth[0], 10, rng)
    found = sum(1 for p in asked if index_of(lib).search(f'"{p}"'))
    assert found / len(asked) >= 0.8
    doc_id = lib.db.execute("SELECT id FROM documents").fetchone()[0]
    # boxes are on the page as shown (landscape: 792 wide), not on the turned image
    xs = [x + w for x, _, w, _, _ in page_words(lib.db, doc_id, 1)]
    assert max(xs) <= 792 + 1 and max(xs) > 612


def test_the_library_level_readers_match_the_store(scanned: dict[str, Any]) -> None:
    """The app reads OCR state through functions that take the library (never its db)."""
    lib = scanned["lib"]
    ids = [o.document_id for o in scanned["imported"].outcomes]
    counts = document_ocr(lib, ids)
    assert counts == ocr_counts(lib.db, ids)
    assert {c.state for c in counts.values()} == {"done"}
    assert awaiting_ocr(lib) == pages_awaiting(lib.db) == 0
    assert ocr_words(lib, ids[0], 1) == page_words(lib.db, ids[0], 1) != []
