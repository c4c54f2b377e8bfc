"""Scanned pages read (OCR) in the app: by themselves after an import, in the status bar
with a working Cancel, in turns that let other writes through, and one line when
Tesseract is missing. Real scans (made from corpus pages), real Tesseract."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ocr_scans import corpus_or_skip, make_scan, phrases

from caseorg.importing import awaiting_ocr, document_ocr
from caseorg.importing.ocrengine import find_tesseract
from caseorg.library import OCR_AFTER_IMPORT, set_setting
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.search import index_of
from caseorg_ui.operations import ocr_flow as ocr_flow_module
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.messages import _open_boxes
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import Qt
from caseorg_ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed"),
]

SOURCE = "aao__A1__file90.pdf"


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A two-page scan (with its pages' true text) and a six-page one."""
    corpus = corpus_or_skip()
    folder = tmp_path_factory.mktemp("scans")
    short, long = folder / "scanned notice.pdf", folder / "scanned record.pdf"
    truths = make_scan(corpus / "aao" / SOURCE, [0, 1], short)
    make_scan(corpus / "aao" / SOURCE, [0, 1, 2, 3, 4, 5], long, seed=11)
    return {"short": short, "long": long, "truths": truths}


def make_window(qtbot: Any, library: Path, *, ocr_after_import: bool) -> MainWindow:
    with open_library(library) as lib:
        add_case(lib, "A-123-456-789", "Ana Lopez Garcia")
        set_setting(lib, OCR_AFTER_IMPORT, int(ocr_after_import))
    window = MainWindow(Session(library), restore=False)
    qtbot.addWidget(window)
    window.show()
    window.show_case(1)
    return window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    opened = make_window(qtbot, tmp_path / "library", ocr_after_import=True)
    yield opened
    opened.close()


@pytest.fixture
def quiet_window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """OCR only when asked (the library's ocr-after-import setting is off)."""
    opened = make_window(qtbot, tmp_path / "library", ocr_after_import=False)
    yield opened
    opened.close()


def import_and_close_report(qtbot: Any, window: MainWindow, files: list[Path]) -> None:
    window.import_flow.report_dialog = None
    window.import_flow.start(1, files)
    qtbot.waitUntil(lambda: window.import_flow.report_dialog is not None, timeout=60_000)
    dialog = window.import_flow.report_dialog
    assert dialog is not None
    dialog.close()


def ocr_ended(window: MainWindow) -> bool:
    flow = window.ocr_flow
    return not flow.running and (flow.last_report is not None or flow.last_message is not None)


def text_column(window: MainWindow) -> list[str]:
    model = window.case_view.models["documents"]
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Text"
    )
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_imported_scan_becomes_searchable_by_itself(
    qtbot: Any, window: MainWindow, scans: dict[str, Any]
) -> None:
    import_and_close_report(qtbot, window, [scans["short"]])
    # nobody asked: the import started OCR, shown in the status bar (no window in the way)
    qtbot.waitUntil(lambda: window.ocr_flow.running or ocr_ended(window), timeout=10_000)
    qtbot.waitUntil(lambda: ocr_ended(window), timeout=240_000)
    report = window.ocr_flow.last_report
    assert report is not None and report.done == 2 and not report.remaining
    assert window.ocr_flow.handle is None and not window.ocr_cancel.isVisible()
    assert "OCR: 2 page(s) read" in window.statusBar().currentMessage()
    assert awaiting_ocr(window.read_lib) == 0 and not window.ocr_label.isVisible()
    qtbot.waitUntil(lambda: text_column(window) == ["OCR'd"], timeout=10_000)
    found = [
        p
        for p in phrases(scans["truths"][0], 6, random.Random(3))
        if index_of(window.read_lib).search(f'"{p}"')
    ]
    assert len(found) >= 4, found


def test_cancel_keeps_read_pages_and_the_next_run_reads_only_the_rest(
    qtbot: Any, quiet_window: MainWindow, scans: dict[str, Any]
) -> None:
    window = quiet_window
    import_and_close_report(qtbot, window, [scans["long"]])
    assert not window.ocr_flow.running  # the setting is off: nothing started
    qtbot.waitUntil(lambda: window.ocr_label.text() == "6 pages awaiting OCR", timeout=10_000)
    assert window.ocr_label.isVisible() and text_column(window) == ["awaiting OCR"]

    window.ocr_flow.start()
    qtbot.waitUntil(lambda: window.ocr_cancel.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window.ocr_label.text().startswith("OCR 1 of 6"), timeout=120_000)
    assert "pages/s" in window.ocr_label.text()
    window.ocr_cancel.click()
    qtbot.waitUntil(lambda: ocr_ended(window), timeout=120_000)
    first = window.ocr_flow.last_report
    assert first is not None and first.cancelled
    assert 1 <= first.done < 6  # stopped within a page or two (those in flight)
    left = awaiting_ocr(window.read_lib)
    assert left == 6 - first.done - first.failed
    qtbot.waitUntil(lambda: window.ocr_label.text() == f"{left} pages awaiting OCR")
    assert "cancelled" in window.statusBar().currentMessage()

    window.ocr_flow.start()
    assert window.ocr_flow.running
    qtbot.waitUntil(lambda: ocr_ended(window), timeout=240_000)
    second = window.ocr_flow.last_report
    assert second is not None and not second.cancelled
    assert second.done + second.failed == left  # no page read twice
    counts = document_ocr(window.read_lib, [1])[1]
    assert counts.done == 6 and counts.awaiting == 0


def test_other_writes_go_through_between_turns(
    qtbot: Any, quiet_window: MainWindow, scans: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = quiet_window
    import_and_close_report(qtbot, window, [scans["long"]])
    monkeypatch.setattr(ocr_flow_module, "TURN_SECONDS", 0.01)  # a page or two a turn
    window.ocr_flow.start()
    added: list[int] = []
    LibraryOp(window, lambda lib: add_case(lib, "A-987-654-321", "Second Case").id).success(
        added.append
    ).run_in_background(window.runner)
    qtbot.waitUntil(lambda: bool(added), timeout=120_000)
    assert window.ocr_flow.running  # the case was saved while pages still awaited OCR
    qtbot.waitUntil(lambda: ocr_ended(window), timeout=240_000)
    report = window.ocr_flow.last_report
    assert report is not None and report.done + report.failed == 6 and not report.remaining


def test_missing_engine_says_what_to_install_once_and_pages_wait(
    qtbot: Any, window: MainWindow, scans: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEORG_TESSERACT", str(Path(window.session.path) / "no-tesseract"))
    boxes_before = len(_open_boxes)
    import_and_close_report(qtbot, window, [scans["short"]])
    qtbot.waitUntil(lambda: ocr_ended(window), timeout=30_000)
    message = window.ocr_flow.last_message
    assert message is not None and message.startswith("OCR needs Tesseract")
    assert "\n" not in message and "apt-get install tesseract-ocr" in message
    assert len(_open_boxes) == boxes_before + 1  # said once, in a box
    assert _open_boxes[-1].text() == message
    _open_boxes[-1].close()
    qtbot.waitUntil(lambda: window.ocr_label.text() == "2 pages awaiting OCR", timeout=10_000)
    assert text_column(window) == ["awaiting OCR"]

    # a second import says it in the status bar only
    window.ocr_flow.last_message = None
    import_and_close_report(qtbot, window, [scans["long"]])
    qtbot.waitUntil(lambda: window.ocr_flow.last_message is not None, timeout=30_000)
    assert len(_open_boxes) == boxes_before
    assert window.statusBar().currentMessage() == message
    qtbot.waitUntil(lambda: window.ocr_label.text() == "8 pages awaiting OCR", timeout=10_000)
