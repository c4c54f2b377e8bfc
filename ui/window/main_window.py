"""The main window: case list on the left, the selected case in the centre, search and
docket in docks, every command in the menus.

Reads go through the session's :class:`~caseorg_ui.operations.Reader`, which owns the
read-only library (a court library's reads run on its thread: the UI thread never
waits on the server; a folder's SQLite reads run at once); every write is an
operation on the session's worker
(:class:`~caseorg_ui.operations.library_op.LibraryOp`), which says what it changed:
:meth:`MainWindow.refresh_changed` then re-reads only the parts that show it. One
window shows one library; opening another library opens a new window on it and
closes this one.

The window is put together from parts, one module each: the case list
(:mod:`.case_list_pane`), the status bar (:mod:`.status_bar`), the actions and menus
(:mod:`.menus`), the Case menu's dialogs (:mod:`.case_commands`), the library
commands (:mod:`.library_actions`), reading and printing (:mod:`.open_and_print`),
help (:mod:`.help_dialogs`), drag and drop (:mod:`.drops`), and the court features
(:mod:`.court_features`). Start-up imports only what the first screen shows (the
case list and the menus): the case view, the import flow, the docks, the PDF viewer,
printing, backup and the library check load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caseorg.library import Library
from caseorg_ui import preferences as settings
from caseorg_ui.operations import Change, OperationRunner, Session, show_message, warm_then
from caseorg_ui.qt import (
    QAction,
    QDockWidget,
    QMainWindow,
    QSize,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    Signal,
)
from caseorg_ui.views import no_case_label
from caseorg_ui.window import screen_fit
from caseorg_ui.window.case_commands import CaseCommands
from caseorg_ui.window.case_list_pane import CaseListPane
from caseorg_ui.window.court_features import install_court_features
from caseorg_ui.window.drops import Drops
from caseorg_ui.window.help_dialogs import HelpDialogs
from caseorg_ui.window.lazy_dock import add_hidden_dock
from caseorg_ui.window.library_actions import LibraryActions, open_session_or_ask
from caseorg_ui.window.menus import Menus
from caseorg_ui.window.open_and_print import OpenAndPrint
from caseorg_ui.window.status_bar import StatusBarPart

if TYPE_CHECKING:
    from caseorg_ui.docks import DocketView, SearchPane
    from caseorg_ui.operations import ImportFlow, OcrFlow
    from caseorg_ui.qt import QCloseEvent, QShowEvent, QWidget  # annotations only
    from caseorg_ui.views import CaseView

__all__ = ["MainWindow", "open_session_or_ask"]

DEFAULT_SIZE = QSize(1280, 800)  # made smaller on a small screen
VIEW_MIN_WIDTH = 340  # the case view
DOCK_SHARE = 0.28  # the right-hand docks first open at this share of the window's width

# what each part of the window shows: it is re-read after an operation that changed one
CASE_LIST_SHOWS = Change.CASES | Change.JUDGES | Change.HEARINGS | Change.REASSIGNMENTS
CASE_WARNINGS_SHOW = Change.NOTICES | Change.SETTINGS  # the list's ⚠ on a notice problem
CASE_VIEW_SHOWS = ~(Change.SAVED_SEARCHES | Change.INDEX)  # (its history shows every write)
COUNTS_SHOW = Change.CASES | Change.DOCUMENTS | Change.INDEX
SEARCH_SHOWS = Change.DOCUMENTS | Change.INDEX | Change.CASES | Change.TAGS | Change.NOTES
DOCKET_SHOWS = (
    Change.HEARINGS | Change.NOTICES | Change.CASES | Change.JUDGES | Change.REASSIGNMENTS
) | Change.SETTINGS

_windows: list[MainWindow] = []  # open windows (a window outlives the function that made it)


class MainWindow(
    CaseListPane,
    StatusBarPart,
    Menus,
    CaseCommands,
    LibraryActions,
    OpenAndPrint,
    HelpDialogs,
    Drops,
    QMainWindow,
):
    """One library on screen; see the module docstring."""

    recordSelectionChanged = Signal()  # noqa: N815 - a row chosen in the case view's tabs
    ready = Signal()  # shown and the case list filled (CASEORG_QUIT_WHEN_READY uses it)
    checked = Signal(object)  # the check after opening finished (a CheckReport)

    def __init__(self, session: Session, *, restore: bool = True):
        super().__init__()
        self.session = session
        self.read_lib: Library = session.read_lib
        self.runner: OperationRunner = session.runner
        self._closed = False
        self._ready_sent = False
        self._ready_emitted = False
        # set by run_app for CASEORG_QUIT_WHEN_READY (start-up timing, smoke tests): the
        # app ends at ready, so nothing is started after it
        self.quits_when_ready = False
        self.pdf_window: Any = None
        _windows.append(self)
        # the window's reads (a court library's on the reader's thread): a failure is one line
        self.reader = session.reader
        self.reader.say_failures(lambda text: show_message(self, text))

        title = f"caseorg — {session.where}"
        self.setWindowTitle(title + (" (read-only)" if session.read_only else ""))
        self.resize(screen_fit.default_size(self, DEFAULT_SIZE))
        self.setAcceptDrops(True)

        left = self._build_case_list()
        # -- centre: the case (its view is built when a case is first selected) ------------
        self._case_view: CaseView | None = None
        self.case_area = QStackedWidget()
        self.case_area.addWidget(no_case_label())

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.case_area)
        self.case_area.setMinimumWidth(VIEW_MIN_WIDTH)
        # a dock opening beside them takes its room from both, the case view more
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 720])
        self.splitter.setChildrenCollapsible(False)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        # -- docks: search, docket (built when first shown) --------------------------------
        self._docket_in_view = False
        self._docks_sized = True  # (a dock shown by restoring the layout is left as it was)
        self._wired_docks: set[QDockWidget] = set()
        self._make_docks()

        self._build_status_bar()
        self.runner.changed.connect(self.refresh_changed)

        self._import_flow: ImportFlow | None = None
        self._ocr_flow: OcrFlow | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        self._make_menus()

        install_court_features(self)  # the Court menu, its docks and the reminder
        restored = restore and settings.restore_window(self, {"main": self.splitter})
        self._docks_sized = restored  # a restored layout keeps the widths the user chose
        if restored:
            screen_fit.fit_to_screen(self)  # saved on a bigger screen, or one now gone
        else:
            screen_fit.center_on_screen(self)
        settings.add_recent_library(session.location)
        self._cases_loaded(self.case_model.rowCount())
        self.refresh_status()
        self._update_actions()

    # ==== parts built on first use ========================================================
    def _make_docks(self) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.search_dock = add_hidden_dock(
            self, right, "Search", "search_dock", self._build_search_pane
        )
        self.docket_dock = add_hidden_dock(
            self, right, "Docket", "docket_dock", self._build_docket_view, self.search_dock
        )
        self.docket_dock.visibilityChanged.connect(self._docket_visibility_changed)

    def _build_search_pane(self) -> SearchPane:
        from caseorg_ui.docks import SearchPane

        pane = SearchPane(self.read_lib, self)
        pane.hitActivated.connect(self.open_hit)
        return pane

    def _build_docket_view(self) -> DocketView:
        from caseorg_ui.docks import DocketView

        view = DocketView(self.read_lib, self, reader=self.reader)
        view.caseActivated.connect(self.show_case)
        view.exported.connect(lambda path: self.say_saved(path, "docket"))
        return view

    @property
    def search_pane(self) -> SearchPane:
        """The search dock's pane (built on first use)."""
        return self.search_dock.content()

    @property
    def docket_view(self) -> DocketView:
        """The docket dock's view (built on first use)."""
        return self.docket_dock.content()

    @property
    def case_view(self) -> CaseView:
        """The selected case's view, built with the first case shown (its module and the
        domain modules it reads through are not needed for the list)."""
        if self._case_view is None:
            from caseorg_ui.views import CaseView

            view = CaseView(self.read_lib, reader=self.reader)
            view.documentActivated.connect(self.open_document)
            view.hearingActivated.connect(lambda hid: self.edit_hearing(hid))
            view.life.can_add = not self.read_only  # the case life tab's "Record: ..." links
            view.life.addRequested.connect(self.add_life_record)
            view.selectionChanged.connect(self._update_actions)
            view.selectionChanged.connect(self.recordSelectionChanged)
            view.tabs.currentChanged.connect(lambda _i: self._update_actions())
            self._set_context_actions(view)
            self.case_area.addWidget(view)
            self.case_area.setCurrentWidget(view)
            self._case_view = view
        return self._case_view

    @property
    def import_flow(self) -> ImportFlow:
        """Importing files into a case (its module loads with the first import)."""
        if self._import_flow is None:
            from caseorg_ui.operations import ImportFlow

            self._import_flow = ImportFlow(self)
        return self._import_flow

    @property
    def ocr_flow(self) -> OcrFlow:
        """Reading scanned pages (OCR) after an import or when asked."""
        if self._ocr_flow is None:
            from caseorg_ui.operations import OcrFlow

            self._ocr_flow = OcrFlow(self)
        return self._ocr_flow

    # ==== state ===========================================================================
    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def writer(self) -> OperationRunner | None:
        """The runner for a view's writes; None in a read-only window (no writes offered)."""
        return None if self.read_only else self.runner

    def refresh_changed(self, changes: Change) -> None:
        """Re-read the parts of the window that show what an operation ``changes``."""
        if self._closed:
            return
        if changes & CASE_LIST_SHOWS:
            self.reload_cases()  # selecting the case again shows it afresh in the case view
        else:
            if changes & CASE_WARNINGS_SHOW:  # a case's ⚠ may come or go
                self.case_model.refresh_rows()
            if self._case_view is not None and changes & CASE_VIEW_SHOWS:
                self._case_view.refresh()
        if changes & COUNTS_SHOW:
            self.refresh_status()
        for dock, shows in ((self.search_dock, SEARCH_SHOWS), (self.docket_dock, DOCKET_SHOWS)):
            view = dock.built()  # a view never shown has nothing to re-read
            if view is not None and changes & shows:
                view.refresh()
        self._update_actions()

    # ==== window life =====================================================================
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget, *args: Any) -> None:  # noqa: N802
        """Add a dock (ours or an extension's), sized on its first opening and kept on
        the screen (wired here: no search of the window's children afterwards)."""
        super().addDockWidget(area, dock, *args)
        if dock not in self._wired_docks:
            self._wired_docks.add(dock)
            dock.visibilityChanged.connect(
                lambda visible, d=dock: self._dock_visibility_changed(d, visible)
            )

    def _dock_visibility_changed(self, dock: QDockWidget, visible: bool) -> None:
        if not visible or self._closed:
            return
        area = self.dockWidgetArea(dock)
        if not self._docks_sized and area == Qt.DockWidgetArea.RightDockWidgetArea:
            # first opened on the right: a useful share of the window, not its bare minimum
            self._docks_sized = True
            width = max(dock.sizeHint().width(), int(self.width() * DOCK_SHARE))
            self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        QTimer.singleShot(0, self.fit_to_screen)  # it may have grown: keep it on the screen

    def fit_to_screen(self) -> None:
        """Keep the whole window inside its screen's available area."""
        if not self._closed:
            screen_fit.fit_to_screen(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_to_screen)  # the frame's size is known once shown
        if not self._ready_sent:
            self._ready_sent = True
            QTimer.singleShot(0, self._emit_ready)

    def _emit_ready(self) -> None:
        if self._closed or self._ready_emitted:
            return
        if not self.case_model.has_loaded:  # the list is on its way (a court library)
            self.case_model.loaded.connect(self._list_in)
            return
        self._ready_emitted = True
        if self.case_model.rowCount():
            self.case_model.row_data(0)  # the first block is read: the list is filled
        self.ready.emit()
        if not self._closed and not self.quits_when_ready:  # the notice check behind ⚠
            warm_then(self, self.case_model.check_notices_now)

    def _list_in(self, _count: int) -> None:
        if not self._ready_emitted:
            QTimer.singleShot(0, self._emit_ready)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closed:
            settings.save_window(self, {"main": self.splitter})
            self._closed = True
            if self.runner.busy:
                self.statusBar().showMessage("Finishing the current operation…")
            if self.pdf_window is not None:
                self.pdf_window.close()
            for dock in (self.search_dock, self.docket_dock):
                if dock is not None:
                    dock.close()
            pane = self.search_dock.built()
            if pane is not None:  # its thread and library go before the session
                pane.shutdown()
            self.filter_timer.stop()
            if self._case_view is not None:
                self._case_view.set_case(None)
            self.case_model.detach()  # nothing may read the library once it is closed
            self.session.close()
            if self in _windows:
                _windows.remove(self)
        super().closeEvent(event)

    def library_widgets(self) -> dict[str, QWidget]:
        """Named parts of the window (screenshots and tests)."""
        return {
            "case_list": self.case_list,
            "case_view": self.case_view,
            "filter": self.filter_box,
            "welcome": self.welcome,
        }
