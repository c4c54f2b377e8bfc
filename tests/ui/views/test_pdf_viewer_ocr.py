"""The viewer on scanned pages: a match on an OCR page is drawn from the stored word
boxes over the page image, and F3/Shift+F3 step across text and OCR pages alike.

The scans are made here from the corpus's born-digital pages (tests/ocr_scans.py),
imported and OCR'd with the real Tesseract; the mixed PDF puts a born-digital page
before a scan of the same page, so one phrase is matched by QtPdf on the first and
by the stored OCR words on the second.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ocr_scans import corpus_or_skip, make_scan, phrases
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from caseorg.importing import document_ocr_words, import_files, ocr_words, run_ocr
from caseorg.importing.ocrengine import find_tesseract
from caseorg.library.folder import open_library
from caseorg.records import add_case, document_path
from caseorg_ui.views.ocr_hits import find_words, normalize
from caseorg_ui.views.ocr_marks import page_rects, to_viewport
from caseorg_ui.views.pdf_viewer import PdfViewer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed"),
]

SETTLE_MS = 600  # QtPdf searches in the background
SOURCE = ("aao", "aao__A1__file90.pdf", [0, 1])


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A library with a two-page scan and a mixed PDF (born-digital page 1, scanned
    page 2, both the same corpus page), OCR'd once for this module."""
    folder, (group, name, pages) = tmp_path_factory.mktemp("ocrview"), SOURCE
    source = corpus_or_skip() / group / name
    truth = make_scan(source, pages, folder / "scan.pdf")
    mixed = PdfWriter()
    mixed.add_page(PdfReader(source).pages[pages[0]])
    mixed.add_page(PdfReader(folder / "scan.pdf").pages[0])
    mixed.write(folder / "mixed.pdf")
    lib = open_library(folder / "lib")
    case = add_case(lib, "123456789", "Ana Lopez")
    imported = import_files(lib, case.id, [folder / "scan.pdf", folder / "mixed.pdf"])
    ids = {Path(o.path).name: o.document_id for o in imported.outcomes}
    scan_id, mixed_id = ids["scan.pdf"], ids["mixed.pdf"]
    report = run_ocr(lib, workers=2)
    assert report.done == 3 and report.failed == 0
    try:
        yield {"lib": lib, "truth": truth, "scan": scan_id, "mixed": mixed_id}
    finally:
        lib.close()


@pytest.fixture
def viewer(qtbot: Any) -> PdfViewer:
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def one_line_phrase(truth: str, words: list[Any]) -> str:
    """A three-word phrase of the page's true text that the OCR read once, on one line
    (so QtPdf finds it in the born-digital layer too)."""
    lines = truth.splitlines()
    for phrase in phrases(truth, 60, random.Random(3)):
        found = find_words(words, phrase)
        if len(found) == 1 and any(phrase in line for line in lines):
            ys = [y for _, y, _, _ in found[0]]
            if max(ys) - min(ys) < 4:
                return phrase
    raise AssertionError("no phrase of the page was read on one line")


def opened(viewer: PdfViewer, lib: Any, document_id: int, page: int, query: str) -> None:
    assert viewer.open_document(
        document_path(lib, document_id), page, query, ocr_words=document_ocr_words(lib, document_id)
    )


def settled(qtbot: Any, viewer: PdfViewer, hits: int | None = None) -> None:
    def done() -> bool:
        count = viewer.hit_count()
        return count > 0 and not viewer._searching() and (hits is None or count == hits)

    qtbot.waitUntil(done, timeout=10000)
    qtbot.waitUntil(lambda: viewer.current_hit() >= 0)


def repeat(times: int, step: Any) -> None:
    for _ in range(times):
        step()


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    ax, ay, aw, ah = a[:4]
    bx, by, bw, bh = b[:4]
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def shot(viewer: PdfViewer, name: str, tmp_path: Path) -> QImage:
    """Render the viewer (saved for a look: $CASEORG_SHOTS or the test's folder) and
    return its page area as an image."""
    folder = Path(os.environ.get("CASEORG_SHOTS") or tmp_path)
    viewer.grab().save(str(folder / f"ocrview_{name}.png"))
    return viewer.view.viewport().grab().toImage()


def ink_share(image: QImage, rect: Any) -> float:
    """The share of dark pixels (the page's ink, under the translucent mark) in ``rect``."""
    r = rect.toRect()
    xs = range(max(0, r.left()), min(image.width(), r.right()))
    ys = range(max(0, r.top()), min(image.height(), r.bottom()))
    total = len(xs) * len(ys)
    dark = sum(1 for x in xs for y in ys if image.pixelColor(x, y).value() < 150)
    return dark / total if total else 0.0


def on_ink(qtbot: Any, viewer: PdfViewer, page: int, boxes: Any) -> None:
    """Each box, mapped to the viewport, covers the page's ink once QPdfView has
    rendered the page at its present size (it does that in a thread of its own)."""
    points = viewer.document.pagePointSize(page)

    def inked() -> bool:
        image = viewer.view.viewport().grab().toImage()
        rect = page_rects(viewer.view)[page]
        return all(ink_share(image, to_viewport(rect, points, b, 0)) > 0.08 for b in boxes)

    qtbot.waitUntil(inked, timeout=10000)


def test_the_word_boxes_of_a_document_are_read_in_one_go(scans: dict[str, Any]) -> None:
    lib, scan = scans["lib"], scans["scan"]
    pages = document_ocr_words(lib, scan)
    assert sorted(pages) == [1, 2]
    assert all(pages[n] == ocr_words(lib, scan, n) != [] for n in pages)
    assert list(document_ocr_words(lib, scans["mixed"])) == [2]  # page 1 has a text layer


def test_a_hit_on_an_ocr_page_is_drawn_on_its_words(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any], tmp_path: Path
) -> None:
    lib, scan = scans["lib"], scans["scan"]
    words = ocr_words(lib, scan, 1)
    phrase = one_line_phrase(scans["truth"][0], words)
    opened(viewer, lib, scan, 1, f'"{phrase}"')
    settled(qtbot, viewer)
    hit = viewer.current_hit_info()
    assert hit is not None and hit.on_ocr_page and hit.page == 0
    assert viewer.current_page() == 1 and viewer.hits_label.text().startswith("1 of ")
    assert viewer.view.currentSearchResultIndex() == -1  # QtPdf has nothing to frame

    on_ink(qtbot, viewer, 0, viewer.view.current_ocr_boxes())
    shot(viewer, "fit_width", tmp_path)
    drawn = [box for page, box, current in viewer.view.painted if current and page == 0]
    wanted = [normalize(w) for w in phrase.split()]
    stored = [w for w in words if normalize(w[4]) in wanted]
    assert len(drawn) == 3
    assert all(any(overlaps(box, w) for w in stored) for box in drawn)


def test_the_marks_follow_zoom_and_scrolling(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any], tmp_path: Path
) -> None:
    lib, scan = scans["lib"], scans["scan"]
    phrase = one_line_phrase(scans["truth"][0], ocr_words(lib, scan, 1))
    opened(viewer, lib, scan, 1, f'"{phrase}"')
    settled(qtbot, viewer)
    boxes = viewer.view.current_ocr_boxes()
    for name, change in [
        ("zoomed_in", lambda: repeat(3, viewer.zoom_in)),
        (
            "scrolled",
            lambda: viewer.view.verticalScrollBar().setValue(
                viewer.view.verticalScrollBar().value() + 120
            ),
        ),
        ("scrolled_sideways", lambda: viewer.view.horizontalScrollBar().setValue(40)),
        (
            "zoomed_out",
            lambda: repeat(4, viewer.zoom_out),
        ),
    ]:
        change()
        if name.startswith("zoomed"):
            viewer._show_hit(viewer.current_hit())
        on_ink(qtbot, viewer, 0, boxes)
        shot(viewer, name, tmp_path)
        shown = [box for page, box, current in viewer.view.painted if current and page == 0]
        assert sorted(shown) == sorted(boxes), name


def test_page_positions_match_the_rendered_pages(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any], tmp_path: Path
) -> None:
    """Where :func:`page_rects` puts each page is where QPdfView painted it: the
    pixels just inside a page's edges are the page's, those just outside the gray
    around it — at fit width, zoomed in and out, and scrolled both ways."""
    lib, mixed = scans["lib"], scans["mixed"]
    opened(viewer, lib, mixed, 1, "")
    qtbot.wait(100)
    view = viewer.view
    for name, change in [
        ("fit", lambda: None),
        ("down", lambda: view.verticalScrollBar().setValue(700)),
        ("zoom", lambda: repeat(3, viewer.zoom_in)),
        ("zoom_sideways", lambda: view.horizontalScrollBar().setValue(57)),
        (
            "small",
            lambda: repeat(4, viewer.zoom_out),
        ),
    ]:
        change()
        # a page break in view (the bottom of one page, the top of the next), wherever
        # the change left the view
        bar = view.verticalScrollBar()
        second = page_rects(view).get(1)
        if second is not None:
            bar.setValue(bar.value() + second.top() - view.viewport().height() // 2)
        qtbot.wait(50)
        image = view.viewport().grab().toImage()
        gray = view.palette().dark().color().rgb()
        edges = 0
        for rect in page_rects(view).values():
            middle_y = max(0, rect.top()) + 10
            middle_x = rect.center().x()
            checks = [
                ((rect.left(), middle_y), (rect.left() - 1, middle_y)),
                ((rect.right(), middle_y), (rect.right() + 1, middle_y)),
                ((middle_x, rect.top()), (middle_x, rect.top() - 1)),
                ((middle_x, rect.bottom()), (middle_x, rect.bottom() + 1)),
            ]
            for inside, outside in checks:
                if all(
                    0 <= p[0] < image.width() and 0 <= p[1] < image.height()
                    for p in (inside, outside)
                ):
                    assert image.pixel(*outside) == gray, (name, outside)
                    assert image.pixelColor(*inside).value() > 200, (name, inside)
                    edges += 1
        assert edges >= 2, name


def test_f3_steps_across_text_and_ocr_pages(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any], tmp_path: Path
) -> None:
    lib, mixed = scans["lib"], scans["mixed"]
    phrase = one_line_phrase(scans["truth"][0], ocr_words(lib, mixed, 2))
    opened(viewer, lib, mixed, 1, f'"{phrase}"')
    settled(qtbot, viewer, hits=2)
    first = viewer.current_hit_info()
    assert first is not None and not first.on_ocr_page and first.page == 0
    assert viewer.hits_label.text() == "1 of 2" and viewer.current_page() == 1
    assert viewer.view.currentSearchResultIndex() == first.model_index

    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3)
    second = viewer.current_hit_info()
    assert second is not None and second.on_ocr_page and second.page == 1
    assert viewer.current_hit() == 1 and viewer.current_page() == 2
    assert viewer.hits_label.text() == "2 of 2"
    assert viewer.view.currentSearchResultIndex() == -1  # the text page's frame is gone
    assert len(viewer.view.current_ocr_boxes()) == 3
    shot(viewer, "mixed_ocr_hit", tmp_path)
    assert [p for p, _, current in viewer.view.painted if current] == [1, 1, 1]

    qtbot.keyClick(viewer.view, Qt.Key.Key_F3)  # round to the text page
    assert viewer.current_hit() == 0 and viewer.current_page() == 1
    assert viewer.view.current_ocr_boxes() == ()
    assert viewer.view.currentSearchResultIndex() == first.model_index
    shot(viewer, "mixed_text_hit", tmp_path)

    qtbot.keyClick(viewer.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_hit() == 1 and viewer.current_page() == 2
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_hit() == 0 and viewer.current_page() == 1


def test_the_current_hit_looks_different_from_the_others(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any], tmp_path: Path
) -> None:
    lib, scan = scans["lib"], scans["scan"]
    opened(viewer, lib, scan, 1, "applicant")
    settled(qtbot, viewer)
    assert viewer.hit_count() >= 3
    assert all(viewer._hits[i].on_ocr_page for i in range(viewer.hit_count()))
    on_ink(qtbot, viewer, 0, viewer.view.current_ocr_boxes())
    image = shot(viewer, "many_hits", tmp_path)
    painted = viewer.view.painted
    current = [box for page, box, now in painted if now]
    others = [box for page, box, now in painted if not now and page == 0]
    assert len(current) == 1 and others
    rect, points = page_rects(viewer.view)[0], viewer.document.pagePointSize(0)

    def tint(box: tuple[float, ...]) -> tuple[int, int, int]:
        """The colour of the mark's lightest pixel (the page under it, not its ink)."""
        r = to_viewport(rect, points, box, 0).toRect()
        colours = [
            image.pixelColor(x, y)
            for x in range(r.left() + 1, r.right())
            for y in range(r.top() + 1, r.bottom())
        ]
        light = max(colours, key=lambda c: c.value())
        return light.red(), light.green(), light.blue()

    assert tint(current[0])[1] < tint(others[0])[1] - 20  # orange against pale yellow
    viewer.next_hit()
    assert viewer.current_hit() == 1
    assert viewer.view.current_ocr_boxes() == viewer._hits[1].boxes


def test_typing_in_the_find_box_searches_the_ocr_pages(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any]
) -> None:
    lib, scan = scans["lib"], scans["scan"]
    opened(viewer, lib, scan, 2, "")
    assert viewer.hit_count() == 0
    viewer.find_box.setEditText("Salvador")
    settled(qtbot, viewer)
    assert all(hit.on_ocr_page for hit in viewer._hits)
    viewer.find_box.setEditText("zebraxyz")
    qtbot.waitUntil(lambda: viewer.hits_label.text() == "No matches")
    assert viewer.view.painted == [] or not any(c for *_, c in viewer.view.painted)


def test_the_main_window_passes_the_word_boxes_to_the_viewer(
    qtbot: Any, scans: dict[str, Any], tmp_path: Path
) -> None:
    """Opening a scanned document from the app (a search hit) marks the hit on its page."""
    from caseorg_ui.operations.runner import Session
    from caseorg_ui.window.main_window import MainWindow

    lib, scan = scans["lib"], scans["scan"]
    phrase = one_line_phrase(scans["truth"][0], ocr_words(lib, scan, 1))
    copy = tmp_path / "library"
    shutil.copytree(lib.path, copy, ignore=shutil.ignore_patterns("lock*"))
    window = MainWindow(Session(copy), restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_hit(scan, 1, f'"{phrase}"')
    assert window.pdf_window is not None
    qtbot.addWidget(window.pdf_window)
    viewer = window.pdf_window.viewer
    settled(qtbot, viewer)
    hit = viewer.current_hit_info()
    assert hit is not None and hit.on_ocr_page and viewer.current_page() == 1
    assert len(viewer.view.current_ocr_boxes()) == 3
    window.pdf_window.close()
    window.close()


def test_the_same_search_on_another_document_starts_afresh(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any]
) -> None:
    lib, mixed, scan = scans["lib"], scans["mixed"], scans["scan"]
    phrase = one_line_phrase(scans["truth"][0], ocr_words(lib, mixed, 2))
    opened(viewer, lib, mixed, 1, f'"{phrase}"')
    settled(qtbot, viewer, hits=2)
    opened(viewer, lib, scan, 1, f'"{phrase}"')  # no text layer: the OCR match alone
    qtbot.wait(SETTLE_MS)
    settled(qtbot, viewer)
    assert [(h.page, h.on_ocr_page) for h in viewer._hits] == [(0, True)]
    opened(viewer, lib, mixed, 2, f'"{phrase}"')
    settled(qtbot, viewer, hits=2)
    assert viewer.current_hit() == 1 and viewer.current_page() == 2  # the hit on page 2


def test_reopening_with_the_same_words_does_not_give_up_on_them_early(
    qtbot: Any, viewer: PdfViewer, scans: dict[str, Any], tmp_path: Path
) -> None:
    """A query of two words marks them together where they are side by side; opening
    another document with the same query searches it for them together again."""
    lib, mixed = scans["lib"], scans["mixed"]
    phrase = one_line_phrase(scans["truth"][0], ocr_words(lib, mixed, 2))
    two = " ".join(phrase.split()[:2])
    opened(viewer, lib, mixed, 1, two)
    settled(qtbot, viewer)
    assert viewer.search_string() == two
    text = tmp_path / "text.pdf"
    PdfWriter(clone_from=PdfReader(document_path(lib, mixed))).write(text)
    assert viewer.open_document(text, 1, two, ocr_words=document_ocr_words(lib, mixed))
    assert viewer.search_string() == two
    settled(qtbot, viewer)
    assert viewer.search_string() == two and viewer.hit_count() >= 2
