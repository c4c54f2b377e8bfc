"""The embedded PDF viewer: a stored document at a page, with the search's words marked.

Built on QtPdf: a :class:`QPdfDocument` shown by a :class:`QPdfView` in
multi-page mode, and a :class:`QPdfSearchModel` that finds and marks a word
or phrase. The core's :func:`caseorg.search.highlight.highlight_terms` turns
the search query into the plain words and phrases worth marking. The search
model takes one string at a time: the first term is marked, the others are one
click away in the Find box (finding lives in :mod:`caseorg_ui.views.pdf_find`;
this module has the pages, zoom, the file and its window).

Scanned pages' matches come from their stored OCR word boxes, which the caller
reads from the library and passes to :meth:`PdfViewer.open_document` (the viewer
itself never reads the library).

Pages are 1-based in the API (as in the library and the search results) and
0-based inside QtPdf.

PySide6 6.12 notes: ``QPdfPageNavigator.jump(QPdfLink)`` receives a broken
link (page 0, zoom 0) and leaves the view unable to scroll, so jumps always
pass page, location and zoom separately.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from caseorg.search import highlight_terms
from caseorg_ui.qt import (
    QAction,
    QByteArray,
    QCloseEvent,
    QDesktopServices,
    QHBoxLayout,
    QIcon,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPdfDocument,
    QPdfSearchModel,
    QPdfView,
    QPointF,
    QPushButton,
    QResizeEvent,
    QShowEvent,
    QSize,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QStyle,
    Qt,
    QTimer,
    QToolBar,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views.ocr_hits import WordBox
from caseorg_ui.views.ocr_marks import MarkedPdfView, shown_page
from caseorg_ui.views.pdf_find import PdfFind
from caseorg_ui.window import screen_fit

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
DEFAULT_TITLE = "caseorg \N{EM DASH} document"
WIDE_TOOLBAR = 860  # narrower than this, "Open in system viewer" shows as an icon


def _problem(error: QPdfDocument.Error, path: Path) -> str:
    """Why a file cannot be shown, in one or two plain sentences."""
    if error == QPdfDocument.Error.FileNotFound:
        return (
            f"The stored file is missing ({path.name}). Run “caseorg check” to find missing files."
        )
    if error == QPdfDocument.Error.IncorrectPassword:
        return (
            "This PDF is password-protected. Enter its password, or open it in the system viewer."
        )
    if error == QPdfDocument.Error.UnsupportedSecurityScheme:
        return "This PDF uses an encryption that cannot be opened here. Try the system viewer."
    if error == QPdfDocument.Error.InvalidFileFormat:
        return "This file is damaged or is not a PDF, so it cannot be shown."
    return "This PDF cannot be shown here. Try the system viewer."


def _let_go_of_document(view: QPdfView, model: QPdfSearchModel) -> None:
    """Detach the view (its render thread included) and the search model from their
    document, so it can be deleted without a page being rendered from freed memory."""
    view.setDocument(None)
    model.setDocument(None)


def _icon(theme: str, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    return QIcon.fromTheme(theme, widget.style().standardIcon(fallback))


class PdfViewer(PdfFind, QWidget):
    """One PDF at a time: pages, zoom, find with next/previous, open elsewhere."""

    documentOpened = Signal(str)  # the path shown ("" after a failure)

    def __init__(self, parent: QWidget | None = None, *, show_toolbar: bool = True):
        super().__init__(parent)
        self.path: Path | None = None
        self.error: str = ""
        self._pending_page: int | None = None  # re-jumped once the view has its size
        self._target_page = 0
        self._highlight = ""
        self._pick_first_hit = False
        self._unshown_hit = False  # the marked match was picked, not scrolled to

        self.document = QPdfDocument(self)
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.view = MarkedPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setSearchModel(self.search_model)
        self.view.setPageSpacing(8)
        self.navigator = self.view.pageNavigator()
        # The view renders pages in a thread of its own, and Qt deletes a widget's children
        # in the order they came: the document first, while that thread may still render
        # from it. `destroyed` comes just before the children go: the view (which waits for
        # a page being rendered) and the search model let go of the document then.
        view, model = self.view, self.search_model
        self.destroyed.connect(lambda: _let_go_of_document(view, model))

        # -- toolbar --------------------------------------------------------------
        self.toolbar = QToolBar("PDF")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        self.previous_page_action = self._action(
            "Previous page", self.previous_page, "go-up", QStyle.StandardPixmap.SP_ArrowUp
        )
        self.next_page_action = self._action(
            "Next page", self.next_page, "go-down", QStyle.StandardPixmap.SP_ArrowDown
        )
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setAccessibleName("Page number")
        self.page_box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setMinimumWidth(48)
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value))
        self.page_total = QLabel(" of 0 ")

        self.zoom_out_action = self._action("Zoom out", self.zoom_out, text="\N{MINUS SIGN}")
        self.zoom_out_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomOut)])
        self.zoom_in_action = self._action("Zoom in", self.zoom_in, text="+")
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.fit_width_action = self._action("Fit width", self.fit_width, text="Fit width")
        self.fit_width_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_width_action.setCheckable(True)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setToolTip("Zoom")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._build_find()

        self.open_external_action = self._action(
            "Open in system viewer",
            self.open_in_system_viewer,
            "document-open",
            QStyle.StandardPixmap.SP_DialogOpenButton,
        )
        self.open_external_action.setText("Open in system viewer")

        bar = self.toolbar
        bar.addAction(self.previous_page_action)
        bar.addAction(self.next_page_action)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addSeparator()
        bar.addWidget(self.find_box)
        bar.addAction(self.previous_hit_action)
        bar.addAction(self.next_hit_action)
        bar.addWidget(self.hits_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.open_external_action)
        external = bar.widgetForAction(self.open_external_action)
        self._external_button = external if isinstance(external, QToolButton) else None
        self._fit_toolbar(wide=True)

        # -- the page area: the view, or a message about the file ---------------------
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName("Viewer message")
        self.password_box = QLineEdit(placeholderText="Password")
        self.password_box.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_box.setMaximumWidth(220)
        self.password_box.returnPressed.connect(self._try_password)
        self.password_button = QPushButton("Open")
        self.password_button.clicked.connect(self._try_password)
        self.external_button = QPushButton("Open in system viewer")
        self.external_button.clicked.connect(self.open_in_system_viewer)
        problem = QWidget()
        problem.setAutoFillBackground(True)
        column = QVBoxLayout(problem)
        column.addStretch(1)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(icon)
        column.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.password_box)
        row.addWidget(self.password_button)
        row.addWidget(self.external_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        self.problem_page = problem

        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(problem)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if show_toolbar:
            layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.navigator.currentPageChanged.connect(self._page_changed)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.view.zoomFactorChanged.connect(lambda _z: self._update_zoom_label())
        self.view.zoomModeChanged.connect(lambda _m: self._update_zoom_label())
        self._set_enabled(False)
        self._update_zoom_label()

    def _action(
        self,
        tip: str,
        slot: object,
        theme: str | None = None,
        fallback: QStyle.StandardPixmap | None = None,
        text: str | None = None,
    ) -> QAction:
        action = QAction(text or tip, self)
        action.setToolTip(tip)
        if theme and fallback is not None:
            action.setIcon(_icon(theme, fallback, self))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    # -- opening -------------------------------------------------------------------
    def open_document(
        self,
        path: Path,
        page_no: int = 1,
        highlight: str = "",
        ocr_words: Mapping[int, Sequence[WordBox]] | None = None,
    ) -> bool:
        """Show ``path`` at ``page_no`` (1-based), marking the words of ``highlight``
        (a search query); ``ocr_words``: its OCR pages' word boxes by page (1-based),
        as :func:`caseorg.importing.document_ocr_words` gives them. False, with a
        message in place of the pages, when the file cannot be opened."""
        self.set_ocr_words(ocr_words)
        self.path = Path(path)
        self.error = ""
        self.password_box.clear()
        self.document.close()
        self.document.setPassword("")
        self._highlight = highlight
        self._target_page = max(0, int(page_no) - 1)
        return self._load()

    def _load(self) -> bool:
        assert self.path is not None
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() < 1:
            self._show_problem(error)
            self._set_terms([])
            self.documentOpened.emit("")
            return False
        self.stack.setCurrentWidget(self.view)
        count = self.document.pageCount()
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(count)
        self.page_box.blockSignals(False)
        self.page_total.setText(f" of {count} ")
        self._set_enabled(True)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        target = min(self._target_page + 1, count)
        self._target_page = target - 1
        self.go_to_page(target)
        self._pending_page = None if self.view.isVisible() else target
        self._set_terms(highlight_terms(self._highlight))
        self._update_page_box()
        self.documentOpened.emit(str(self.path))
        return True

    def _show_problem(self, error: QPdfDocument.Error) -> None:
        assert self.path is not None
        self.error = _problem(error, self.path)
        self.message.setText(self.error)
        locked = error == QPdfDocument.Error.IncorrectPassword
        self.password_box.setVisible(locked)
        self.password_button.setVisible(locked)
        self.external_button.setEnabled(self.path.exists())
        self.stack.setCurrentWidget(self.problem_page)
        self.page_total.setText(" of 0 ")
        self._set_enabled(False)
        self.open_external_action.setEnabled(self.path.exists())

    def _try_password(self) -> None:
        if self.path is None:
            return
        self.document.close()
        self.document.setPassword(self.password_box.text())
        if not self._load():
            self.message.setText("That password is not right. " + self.error)

    def _set_enabled(self, on: bool) -> None:
        for action in (
            self.previous_page_action,
            self.next_page_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_width_action,
            self.previous_hit_action,
            self.next_hit_action,
        ):
            action.setEnabled(on)
        self.page_box.setEnabled(on)
        self.find_box.setEnabled(on)
        self.open_external_action.setEnabled(self.path is not None)

    def _fit_toolbar(self, wide: bool) -> None:
        """ "Open in system viewer" in words when there is room, else its icon alone."""
        if self._external_button is None:
            return
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if wide
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        if self._external_button.toolButtonStyle() != style:
            self._external_button.setToolButtonStyle(style)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar(wide=event.size().width() >= WIDE_TOOLBAR)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_page is not None:  # laid out now: the jump lands where it should
            page = self._pending_page
            self._pending_page = None
            QTimer.singleShot(0, lambda: self.go_to_page(page))

    # -- pages ---------------------------------------------------------------------
    def current_page(self) -> int:
        """The page shown (1-based): the one filling most of the view, as scrolled."""
        shown = shown_page(self.view)
        return (shown if shown is not None else int(self.navigator.currentPage())) + 1

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def go_to_page(self, page_no: int) -> None:
        count = self.page_count()
        if count < 1:
            return
        page = min(max(1, int(page_no)), count) - 1
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._update_page_box()

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def _page_changed(self, _page: int) -> None:
        self._update_page_box()

    def _scrolled(self, _value: int) -> None:
        """The page box follows scrolling (not while the view is being taken down: its
        scroll bar still moves after the page navigator has gone)."""
        with contextlib.suppress(RuntimeError):  # shiboken: an already deleted Qt object
            self._update_page_box()

    def _update_page_box(self) -> None:
        current = self.current_page()
        self.page_box.blockSignals(True)
        self.page_box.setValue(current)
        self.page_box.blockSignals(False)
        self.previous_page_action.setEnabled(self.page_count() > 0 and current > 1)
        self.next_page_action.setEnabled(current < self.page_count())

    # -- zoom ----------------------------------------------------------------------
    def _effective_zoom(self) -> float:
        """The zoom on screen, also in Fit width mode (where zoomFactor() is stale)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() < 1:
            return float(self.view.zoomFactor())
        page = self.document.pagePointSize(max(0, self.current_page() - 1))
        dots = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        return max(0.1, width / max(1.0, page.width() * dots))

    def _zoom_to(self, factor: float) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.go_to_page(page)

    def zoom_in(self) -> None:
        now = self._effective_zoom()
        self._zoom_to(next((z for z in ZOOM_STEPS if z > now + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self._effective_zoom()
        self._zoom_to(next((z for z in reversed(ZOOM_STEPS) if z < now - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.go_to_page(page)

    def _update_zoom_label(self) -> None:
        fit = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_width_action.setChecked(fit)
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%")

    # -- elsewhere -------------------------------------------------------------------
    def open_in_system_viewer(self) -> bool:
        """Hand the stored file to the desktop's PDF program (it stays read-only)."""
        if self.path is None:
            return False
        if not self.path.exists():
            QMessageBox.warning(self, "caseorg", f"The stored file is missing: {self.path}")
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            QMessageBox.warning(
                self, "caseorg", "No program to open PDF files is set up on this computer."
            )
            return False
        return True

    def close_document(self) -> None:
        self.set_ocr_words(None)
        self._set_terms([])
        self.document.close()
        self.path = None


class PdfViewerWindow(QMainWindow):
    """The viewer in a window of its own, its toolbar at the top."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.viewer = PdfViewer(self, show_toolbar=False)
        self.setCentralWidget(self.viewer)
        self.addToolBar(self.viewer.toolbar)
        self.resize(screen_fit.default_size(self, QSize(900, 1000)))
        self.setWindowTitle(DEFAULT_TITLE)

        find = QAction("Find", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_find)
        close = QAction("Close", self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.addAction(find)
        self.addAction(close)
        self.restored = self._restore_geometry()

    def open_document(
        self,
        path: Path,
        page_no: int = 1,
        highlight: str = "",
        title: str | None = None,
        ocr_words: Mapping[int, Sequence[WordBox]] | None = None,
    ) -> bool:
        """As :meth:`PdfViewer.open_document`; ``title`` names the window (without one,
        a title the caller set stays, else the PDF's own title or file name is used)."""
        opened = self.viewer.open_document(path, page_no, highlight, ocr_words)
        if title:
            self.setWindowTitle(f"{title} — caseorg")
        elif self.windowTitle() == DEFAULT_TITLE:
            name = ""
            if opened:
                name = str(self.viewer.document.metaData(QPdfDocument.MetaDataField.Title) or "")
            self.setWindowTitle(f"{name or Path(path).name} — caseorg")
        return opened

    def _focus_find(self) -> None:
        self.viewer.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.viewer.find_edit.selectAll()

    def _restore_geometry(self) -> bool:
        """Where the viewer was last time (kept inside today's screen); False if never."""
        from caseorg_ui.preferences import settings

        saved = settings().value("pdf_viewer/geometry")
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            screen_fit.fit_to_screen(self)
            return True
        return False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_to_screen)  # the frame's size is known once shown

    def fit_to_screen(self) -> None:
        screen_fit.fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        from caseorg_ui.preferences import settings

        store = settings()
        store.setValue("pdf_viewer/geometry", self.saveGeometry())
        store.sync()
        super().closeEvent(event)
