"""The PDF viewer: opening at a page, marking the search's words, stepping through
matches, zoom and pages, and files that cannot be shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdfWidgets import QPdfView

from caseorg.demo.pdfmake import write_text_pdf
from caseorg_ui.views.pdf_viewer import PdfViewer, PdfViewerWindow

PAGES = [
    ["Page one: the respondent seeks asylum."],
    ["Page two: procedural history."],
    ["Page three: she was persecuted for her religion."],
    ["Page four: nothing of note."],
    ["Page five: the persecution continued after she moved."],
    ["Page six: conclusion."],
]


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "brief.pdf"
    write_text_pdf(path, PAGES)
    return path


@pytest.fixture
def viewer(qtbot: Any) -> PdfViewer:
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def searched(viewer: PdfViewer) -> bool:
    return bool(viewer.hit_count() and not viewer._searching())


def test_opens_at_the_page_with_the_query_marked(qtbot: Any, viewer: PdfViewer, pdf: Path) -> None:
    assert viewer.open_document(pdf, 3, "type:brief persecuted NOT gang a:A-123-456-789")
    assert viewer.current_page() == 3
    assert viewer.page_box.value() == 3 and viewer.page_total.text().strip() == "of 6"
    assert viewer.view.pageMode() == QPdfView.PageMode.MultiPage
    assert viewer.search_string() == "persecut"  # stem: marks persecuted and persecution
    qtbot.waitUntil(lambda: searched(viewer) and viewer.hit_count() == 2)
    pages = [viewer.search_model.resultAtIndex(i).page() for i in range(viewer.hit_count())]
    assert pages == [2, 4]  # 0-based: pages 3 and 5
    qtbot.waitUntil(lambda: viewer.current_hit() == 0)  # the match on the opened page
    assert viewer.current_page() == 3
    assert viewer.hits_label.text() == "1 of 2"


def test_next_and_previous_match(qtbot: Any, viewer: PdfViewer, pdf: Path) -> None:
    viewer.open_document(pdf, 1, "persecution OR persecuted")
    qtbot.waitUntil(lambda: searched(viewer) and viewer.hit_count() == 2)
    viewer.next_hit()
    assert viewer.current_hit() == 0 and viewer.current_page() == 3
    viewer.next_hit()
    assert viewer.current_hit() == 1 and viewer.current_page() == 5
    viewer.next_hit()  # wraps round
    assert viewer.current_hit() == 0 and viewer.current_page() == 3
    viewer.previous_hit()
    assert viewer.current_hit() == 1 and viewer.current_page() == 5
    assert viewer.hits_label.text() == "2 of 2"

    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_hit() == 0 and viewer.current_page() == 3
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3)
    assert viewer.current_hit() == 1 and viewer.current_page() == 5


def test_find_box_offers_each_term(qtbot: Any, viewer: PdfViewer, pdf: Path) -> None:
    viewer.open_document(pdf, 1, '"procedural history" asylum')
    items = [viewer.find_box.itemText(i) for i in range(viewer.find_box.count())]
    assert items == ["procedural history", "asylum"]
    qtbot.waitUntil(lambda: searched(viewer) and viewer.hit_count() == 1)
    viewer.find_box.setCurrentIndex(1)
    viewer.find_box.activated.emit(1)
    assert viewer.search_string() == "asylum"
    qtbot.waitUntil(lambda: searched(viewer) and viewer.hit_count() == 1)
    assert viewer.search_model.resultAtIndex(0).page() == 0

    viewer.find_box.setEditText("zebra")
    qtbot.waitUntil(lambda: viewer.search_string() == "zebra")
    qtbot.waitUntil(lambda: viewer.hits_label.text() == "No matches")
    assert not viewer.next_hit_action.isEnabled()


def test_pages_and_zoom(qtbot: Any, viewer: PdfViewer, pdf: Path) -> None:
    viewer.open_document(pdf)
    assert viewer.current_page() == 1
    assert not viewer.previous_page_action.isEnabled()
    viewer.next_page()
    assert viewer.current_page() == 2
    viewer.page_box.setValue(6)
    assert viewer.current_page() == 6 and not viewer.next_page_action.isEnabled()
    viewer.previous_page()
    assert viewer.current_page() == 5
    viewer.go_to_page(99)  # clamped
    assert viewer.current_page() == 6

    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert viewer.fit_width_action.isChecked()
    fitted = viewer._effective_zoom()
    viewer.zoom_in()
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert viewer.view.zoomFactor() > fitted
    assert viewer.zoom_label.text() == f"{round(viewer.view.zoomFactor() * 100)}%"
    assert viewer.current_page() == 6  # zooming keeps the page
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.view.zoomFactor() < fitted
    viewer.fit_width()
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert viewer.fit_width_action.isChecked()


def test_a_damaged_file_shows_a_message(viewer: PdfViewer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a PDF\n")
    assert not viewer.open_document(broken, 2, "asylum")
    assert viewer.stack.currentWidget() is viewer.problem_page
    assert "damaged" in viewer.message.text()
    assert not viewer.page_box.isEnabled() and not viewer.next_hit_action.isEnabled()
    assert viewer.open_external_action.isEnabled()  # the system viewer may still cope
    assert viewer.password_box.isHidden()

    assert not viewer.open_document(tmp_path / "gone.pdf")
    assert "missing" in viewer.message.text()
    assert not viewer.open_external_action.isEnabled()


def test_a_password_protected_file_asks_for_its_password(
    viewer: PdfViewer, pdf: Path, tmp_path: Path
) -> None:
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(pdf))
    writer.encrypt("s3cret", algorithm="AES-256")
    writer.write(str(locked))

    assert not viewer.open_document(locked, 3, "persecuted")
    assert "password-protected" in viewer.message.text()
    assert not viewer.password_box.isHidden()
    viewer.password_box.setText("wrong")
    viewer.password_button.click()
    assert viewer.stack.currentWidget() is viewer.problem_page
    assert "not right" in viewer.message.text()
    viewer.password_box.setText("s3cret")
    viewer.password_button.click()
    assert viewer.stack.currentWidget() is viewer.view
    assert viewer.page_count() == 6 and viewer.current_page() == 3

    # a good file after a bad one shows pages again
    assert viewer.open_document(pdf, 2)
    assert viewer.stack.currentWidget() is viewer.view and viewer.current_page() == 2


def test_open_in_system_viewer(
    viewer: PdfViewer, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    viewer.open_document(pdf)
    assert viewer.open_in_system_viewer()
    assert [url.toLocalFile() for url in opened] == [str(pdf)]


def test_window_wraps_the_viewer(qtbot: Any, pdf: Path) -> None:
    window = PdfViewerWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_document(pdf, 4, "persecution", title="Respondent's brief")
    assert window.viewer.current_page() == 4
    assert window.windowTitle().startswith("Respondent's brief")
    assert window.viewer.toolbar.parent() is window  # the toolbar moved to the window
    qtbot.waitUntil(lambda: searched(window.viewer) and window.viewer.hit_count() == 2)
    window.setWindowTitle("Set by the main window")
    window.open_document(pdf, 1)
    assert window.windowTitle() == "Set by the main window"
    window.close()

    fresh = PdfViewerWindow()
    qtbot.addWidget(fresh)
    fresh.open_document(pdf)
    assert fresh.windowTitle() == "brief.pdf — caseorg"  # no /Title in this PDF


def test_words_typed_together_are_marked_together_else_one_by_one(
    qtbot: Any, viewer: PdfViewer, pdf: Path
) -> None:
    """A search for extreme hardship marks the phrase where the document has it, and
    falls back to its single words where it does not."""
    viewer.open_document(pdf, 3, "persecuted for her religion")
    qtbot.waitUntil(lambda: searched(viewer))
    assert viewer.search_string() == "persecuted for her religion"
    assert viewer.hit_count() == 1

    viewer.open_document(pdf, 3, "religion persecuted")  # never side by side in it
    qtbot.waitUntil(lambda: searched(viewer) and viewer.search_string() == "religion")
    assert viewer.find_box.currentText() == "religion"
    assert viewer.hit_count() == 1


def test_the_view_lets_go_of_the_document_before_it_is_deleted(qtbot: Any, pdf: Path) -> None:
    """The view renders pages in a thread of its own. When the viewer goes, Qt deletes
    its document first (its first child): the view — render thread included — and the
    search model must have let go of it by then, or a page is rendered from freed memory."""
    viewer = PdfViewer()  # not qtbot's: this test deletes it itself
    viewer.resize(700, 800)
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.open_document(pdf, 3, "persecuted")
    viewer.zoom_in()  # pages to render at a new size
    order: list[str] = []
    viewer.view.documentChanged.connect(lambda *_: order.append("view lets go"))
    viewer.search_model.documentChanged.connect(lambda *_: order.append("search lets go"))
    viewer.document.destroyed.connect(lambda *_: order.append("document deleted"))
    viewer.close()
    viewer.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert order == ["view lets go", "search lets go", "document deleted"]


def test_the_page_box_follows_the_page_shown(qtbot: Any, viewer: PdfViewer, pdf: Path) -> None:
    """Scrolling, or a match marked on page 2, moves the page box with it (issue 18, 10)."""
    viewer.open_document(pdf, 1)
    bar = viewer.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert viewer.page_box.value() == 1
    bar.setValue(bar.maximum())  # scrolled to the end: the last page fills the view
    assert viewer.page_box.value() == 6 and viewer.current_page() == 6
    assert not viewer.next_page_action.isEnabled()
    bar.setValue(0)
    assert viewer.page_box.value() == 1

    viewer.open_document(pdf, 1, "procedural")  # its only match is on page 2
    qtbot.waitUntil(lambda: searched(viewer) and viewer.current_hit() == 0)
    viewer.next_hit()
    assert viewer.page_box.value() == 2 == viewer.current_page()
