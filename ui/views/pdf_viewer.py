"""The embedded PDF viewer: a stored document at a page, with the search's words marked.

Built on QtPdf: a :class:`QPdfDocument` shown by a :class:`QPdfView` in
multi-page mode, and a :class:`QPdfSearchModel` that finds and marks a word
or phrase. The core's :func:`caseorg.search.highlight.highlight_terms` turns
the search query into the plain words and phrases worth marking. The search
model takes one string at a time: the first term is marked, the others are one
click away in the Find box.

Pages are 1-based in the API (as in the library and the search results) and
0-based inside QtPdf.

PySide6 6.12 notes: ``QPdfPageNavigator.jump(QPdfLink)`` receives a broken
link (page 0, zoom 0) and leaves the view unable to scroll, so jumps always
pass page, location and zoom separately.
"""

from __future__ import annotations

from pathlib import Path

from caseorg.search.highlight import highlight_terms
from caseorg_ui.qt import (
    QAction,
    QByteArray,
    QCloseEvent,
    QComboBox,
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
from caseorg_ui.window import screen_fit

_MODEL_HAS_STATUS = hasattr(QPdfSearchModel, "statusChanged")  # Qt 6.12 and later
SEARCH_SETTLE_MS = 400
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
FIND_DELAY_MS = 300  # pause after typing in the Find box before searching the PDF
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


def _icon(theme: str, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    return QIcon.fromTheme(theme, widget.style().standardIcon(fallback))


class PdfViewer(QWidget):
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
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setSearchModel(self.search_model)
        self.view.setPageSpacing(8)
        self.navigator = self.view.pageNavigator()

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

        self.find_box = QComboBox()
        self.find_box.setEditable(True)
        self.find_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.find_box.setMinimumContentsLength(14)
        self.find_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.find_box.setToolTip("Marked in the document (pick another search word here)")
        edit = self.find_box.lineEdit()
        assert edit is not None  # an editable combo box has one
        self.find_edit: QLineEdit = edit
        self.find_edit.setPlaceholderText("Find in document")
        self.find_edit.setClearButtonEnabled(True)
        self.find_box.setAccessibleName("Find in document")
        self._find_timer = QTimer(self, singleShot=True, interval=FIND_DELAY_MS)
        self._find_timer.timeout.connect(self._find_typed)
        self.find_box.editTextChanged.connect(lambda _text: self._find_timer.start())
        self.find_box.activated.connect(lambda _index: self._find_typed())
        self.find_edit.returnPressed.connect(self._find_return)

        self.previous_hit_action = self._action(
            "Previous match (Shift+F3)",
            self.previous_hit,
            "go-previous",
            QStyle.StandardPixmap.SP_ArrowLeft,
        )
        self.previous_hit_action.setShortcut(QKeySequence("Shift+F3"))
        self.next_hit_action = self._action(
            "Next match (F3)", self.next_hit, "go-next", QStyle.StandardPixmap.SP_ArrowRight
        )
        self.next_hit_action.setShortcut(QKeySequence("F3"))
        self.hits_label = QLabel()
        self.hits_label.setMinimumWidth(72)

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
        self.search_model.countChanged.connect(self._hits_changed)
        if _MODEL_HAS_STATUS:
            self.search_model.statusChanged.connect(self._hits_changed)
        else:
            # Qt < 6.12 has no search status: the search counts as finished once its
            # count has not grown for a moment
            self._search_settle = QTimer(self, singleShot=True, interval=SEARCH_SETTLE_MS)
            self._search_settle.timeout.connect(self._hits_changed)
            self.search_model.countChanged.connect(self._search_settle.start)
            self.search_model.searchStringChanged.connect(self._search_settle.start)
        self.view.currentSearchResultIndexChanged.connect(lambda _i: self._update_hits_label())
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
    def open_document(self, path: Path, page_no: int = 1, highlight: str = "") -> bool:
        """Show ``path`` at ``page_no`` (1-based), marking the words of ``highlight``
        (a search query). False, with a message in place of the pages, when the
        file cannot be opened."""
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
        """The page shown (1-based)."""
        return int(self.navigator.currentPage()) + 1

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

    # -- finding -------------------------------------------------------------------
    def _set_terms(self, terms: list[str]) -> None:
        self.find_box.blockSignals(True)
        self.find_box.clear()
        self.find_box.addItems(terms)
        self.find_box.setCurrentIndex(0 if terms else -1)
        self.find_box.setEditText(terms[0] if terms else "")
        self.find_box.blockSignals(False)
        self._find_timer.stop()
        self._pick_first_hit = bool(terms)
        self._unshown_hit = False
        self.view.setCurrentSearchResultIndex(-1)
        self.search_model.setSearchString(terms[0] if terms else "")
        self._update_hits_label()

    def search_string(self) -> str:
        return str(self.search_model.searchString())

    def _find_typed(self) -> None:
        self._find_timer.stop()
        text = self.find_box.currentText().strip()
        if text == self.search_string():
            return
        self._target_page = self.current_page() - 1
        self._pick_first_hit = bool(text)
        self._unshown_hit = False
        self.view.setCurrentSearchResultIndex(-1)
        self.search_model.setSearchString(text)
        self._update_hits_label()

    def _find_return(self) -> None:
        if self.find_box.currentText().strip() != self.search_string():
            self._find_typed()
        else:
            self.next_hit()

    def _searching(self) -> bool:
        if _MODEL_HAS_STATUS:
            return bool(self.search_model.status() == QPdfSearchModel.Status.Searching)
        return bool(self._search_settle.isActive())

    def hit_count(self) -> int:
        return int(self.search_model.count())

    def current_hit(self) -> int:
        """The marked match's index (0-based), -1 when none is."""
        return int(self.view.currentSearchResultIndex())

    def _hit_page(self, index: int) -> int:
        return int(self.search_model.resultAtIndex(index).page())

    def _next_term(self) -> bool:
        """The search's words typed together matched nothing here: mark the next of
        its terms instead (its single words). False when there is none to try."""
        index = self.find_box.currentIndex()
        if not 0 <= index < self.find_box.count() - 1:
            return False
        if self.find_box.currentText().strip() != self.search_string():
            return False  # the user typed something else: theirs stays
        self.find_box.blockSignals(True)
        self.find_box.setCurrentIndex(index + 1)
        self.find_box.blockSignals(False)
        self.search_model.setSearchString(self.find_box.itemText(index + 1))
        self._update_hits_label()
        return True

    def _hits_changed(self, *_args: object) -> None:
        waiting = self._pick_first_hit and not self.hit_count() and not self._searching()
        if waiting and self._next_term():
            return
        if self._pick_first_hit and self.hit_count():
            # the first match on the page the search result named: marked, not jumped to
            on_target = [
                i for i in range(self.hit_count()) if self._hit_page(i) == self._target_page
            ]
            finished = not self._searching()
            if on_target:
                self.view.setCurrentSearchResultIndex(on_target[0])
                self._pick_first_hit = False
                self._unshown_hit = True
                if self.current_page() - 1 == self._target_page:  # the user has not moved
                    self._show_hit(on_target[0])
                    self._unshown_hit = False
            elif finished:  # none on that page: mark the next one, F3 goes there
                after = [
                    i for i in range(self.hit_count()) if self._hit_page(i) >= self._target_page
                ]
                self.view.setCurrentSearchResultIndex(after[0] if after else 0)
                self._pick_first_hit = False
                self._unshown_hit = True
        self._update_hits_label()

    def _step_hit(self, step: int) -> None:
        count = self.hit_count()
        if not count:
            return
        current = -1 if self._unshown_hit else self.current_hit()
        self._unshown_hit = False
        if current < 0:  # from the page shown: the first match at or after it (or before)
            page = self.current_page() - 1
            pages = [self._hit_page(i) for i in range(count)]
            if step > 0:
                target = next((i for i, p in enumerate(pages) if p >= page), 0)
            else:
                target = next((i for i in reversed(range(count)) if pages[i] <= page), count - 1)
        else:
            target = (current + step) % count
        self._pick_first_hit = False
        self.view.setCurrentSearchResultIndex(target)
        self._show_hit(target)
        self._update_hits_label()

    def _show_hit(self, index: int) -> None:
        """Scroll so match ``index`` is in view, a little below the top edge.

        QPdfView's jump goes to the top of a page whatever the location, so the
        match's height on its page is added to the scroll position here.
        """
        result = self.search_model.resultAtIndex(index)
        page, where = int(result.page()), result.location()
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        bar = self.view.verticalScrollBar()
        dots = self._effective_zoom() * self.view.logicalDpiY() / 72.0
        offset = int(where.y() * dots) - self.view.viewport().height() // 4
        if offset > 0:
            bar.setValue(min(bar.maximum(), bar.value() + offset))
        self._update_page_box()

    def next_hit(self) -> None:
        self._step_hit(1)

    def previous_hit(self) -> None:
        self._step_hit(-1)

    def _update_hits_label(self) -> None:
        count = self.hit_count()
        searching = self._searching()
        if not self.search_string():
            text = ""
        elif count == 0:
            text = "Searching…" if searching else "No matches"
        elif self.current_hit() >= 0:
            text = f"{self.current_hit() + 1} of {count}{'+' if searching else ''}"
        else:
            text = f"{count}{'+' if searching else ''} match{'es' if count != 1 else ''}"
        self.hits_label.setText(text)
        self.previous_hit_action.setEnabled(count > 0)
        self.next_hit_action.setEnabled(count > 0)

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
        self.search_model.setSearchString("")
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
        self, path: Path, page_no: int = 1, highlight: str = "", title: str | None = None
    ) -> bool:
        """As :meth:`PdfViewer.open_document`; ``title`` names the window (without one,
        a title the caller set stays, else the PDF's own title or file name is used)."""
        opened = self.viewer.open_document(path, page_no, highlight)
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
