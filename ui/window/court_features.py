"""The court-workflow features of a :class:`caseorg_ui.window.main_window.MainWindow`.

:func:`install_court_features` adds a Court menu (Deadlines, Dashboard,
Reassignment Report…, Import EOIR Case Data…, Check Notices, Settings…), a
Deadlines dock, a Saved Searches sidebar wired to the window's search pane, a
Notes and Tags dock that follows the selected case, and a deadline reminder in
the status bar. Each view re-reads after an operation that changed what it shows.
It relies only on these attributes of the window:

- ``read_lib`` — the UI thread's read-only Library;
- ``runner`` — the :class:`caseorg_ui.operations.runner.OperationRunner` (its
  ``changed`` signal says what each finished operation changed);
- ``writer`` — the runner the views write through, None when read-only (no writes
  offered);
- ``show_case(case_id)`` — select a case in the list;
- ``current_case_id()``, ``case_list`` (its selection model), ``case_view``
  (``selected_id("documents")``, ``selected("documents")``; read only while a case
  is selected) and ``recordSelectionChanged`` (a row chosen in the case view) —
  what is selected;
- ``search_pane`` (``search_box``, ``type_filter``, ``set_case_filter``,
  ``reset_filters``, ``request()``), ``search_dock`` and ``show_search()`` — may be None;
- ``docket_dock`` (may be None) — the Deadlines dock is tabbed with it;
- ``menus`` (the Court menu goes before ``menus["help"]``), ``menuBar()``, ``statusBar()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from caseorg.court import deadline_reminder
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg_ui.operations import Change, LibraryOp
from caseorg_ui.qt import (
    QAction,
    QDockWidget,
    QEvent,
    QLabel,
    QMenu,
    QObject,
    QSize,
    Qt,
)
from caseorg_ui.window.lazy_dock import add_hidden_dock
from caseorg_ui.window.screen_fit import default_size

if TYPE_CHECKING:
    from caseorg_ui.court import (
        CaseNotesTags,
        CourtSettingsDialog,
        Dashboard,
        DeadlinesView,
        NoticeChecksDialog,
        ReassignmentReportView,
    )
    from caseorg_ui.docks import SavedSearchesPanel
    from caseorg_ui.operations import EoirImportRun
    from caseorg_ui.qt import QWidget  # annotations only: no Qt type built

# Only the menu, the dock frames and the reminder are made with the window; each
# view's module loads when it is first opened (the dashboard's QtCharts alone is
# ~35 ms of start-up otherwise).

REMINDER_STYLE = "color: #a0241b; padding: 0 6px;"

# what each view shows: it is re-read after an operation that changed one of these
REMINDER_SHOWS = Change.DEADLINES | Change.CASES
DEADLINES_SHOW = Change.DEADLINES | Change.CASES | Change.JUDGES | Change.REASSIGNMENTS
SAVED_SEARCHES_SHOW = Change.SAVED_SEARCHES
NOTES_TAGS_SHOW = Change.NOTES | Change.TAGS | Change.CASES | Change.DOCUMENTS
DASHBOARD_SHOWS = (
    Change.CASES | Change.HEARINGS | Change.REASSIGNMENTS | Change.JUDGES | Change.DEADLINES
) | Change.SETTINGS
REPORT_SHOWS = Change.REASSIGNMENTS | Change.CASES | Change.HEARINGS | Change.JUDGES
NOTICE_CHECKS_SHOW = (
    Change.NOTICES | Change.HEARINGS | Change.CASES | Change.DOCUMENTS | Change.SETTINGS
)


# -- the installer ------------------------------------------------------------------------


def with_tag(query: str, tag: str | None) -> str:
    """A saved search's tag filter written into the query (the pane has no tag box;
    the query language has ``tag:``), keeping the query's own OR/NOT to itself."""
    if not tag or f"tag:{tag}".lower() in query.lower():
        return query
    return f"({query}) tag:{tag}" if query.strip() else f"tag:{tag}"


def _window(widget: QWidget, title: str, width: int, height: int) -> QWidget:
    """``widget`` as a separate window owned by the main window (closed with it)."""
    widget.setWindowFlag(Qt.WindowType.Window, True)
    widget.setWindowTitle(title)
    widget.resize(default_size(widget, QSize(width, height)))  # a 1366x768 laptop too
    return widget


class CourtFeatures(QObject):
    """What :func:`install_court_features` added to one window (kept as
    ``window.court_features``)."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.read_lib: Library = window.read_lib
        self.closed = False
        self.dashboard: Dashboard | None = None
        self.report_view: ReassignmentReportView | None = None
        self.notice_dialog: NoticeChecksDialog | None = None
        self.settings_dialog: CourtSettingsDialog | None = None
        self.eoir_run: EoirImportRun | None = None
        self.actions: dict[str, QAction] = {}

        # -- docks (each view built when its dock is first shown) ----------------------
        right = Qt.DockWidgetArea.RightDockWidgetArea
        beside: QDockWidget | None = None  # tabbed with the window's own right-hand docks
        for other in (getattr(window, "docket_dock", None), getattr(window, "search_dock", None)):
            if isinstance(other, QDockWidget):
                beside = other
                break
        self.deadlines_dock = add_hidden_dock(
            window, right, "Deadlines", "court_deadlines_dock", self._build_deadlines, beside
        )
        self.saved_dock = add_hidden_dock(
            window,
            Qt.DockWidgetArea.LeftDockWidgetArea,
            "Saved Searches",
            "court_saved_searches_dock",
            self._build_saved,
        )
        self.notes_dock = add_hidden_dock(
            window, right, "Notes and Tags", "court_notes_dock", self._build_notes_tags
        )
        self.notes_dock.visibilityChanged.connect(self._notes_shown)
        case_list = getattr(window, "case_list", None)
        if case_list is not None:  # a selection can change without the current row moving
            selection = case_list.selectionModel()
            selection.currentRowChanged.connect(lambda *_: self.follow_case())
            selection.selectionChanged.connect(lambda *_: self.follow_case())
        records = getattr(window, "recordSelectionChanged", None)
        if records is not None:  # (the case view itself is built later, with the first case)
            records.connect(self.follow_document)

        # -- menu, status bar ---------------------------------------------------------
        self.menu = self._make_menu()
        self.reminder = QLabel()
        self.reminder.setStyleSheet(REMINDER_STYLE)
        self.reminder.setTextFormat(Qt.TextFormat.RichText)
        self.reminder.setToolTip("Open the deadlines")
        self.reminder.linkActivated.connect(lambda _link: self.show_deadlines())
        window.statusBar().addPermanentWidget(self.reminder)
        self.update_reminder()

        window.runner.changed.connect(self._changed)
        window.installEventFilter(self)

    # -- building --------------------------------------------------------------------------
    def _build_deadlines(self) -> DeadlinesView:
        from caseorg_ui.court import DeadlinesView

        view = DeadlinesView(
            self.read_lib,
            self.window,
            runner=self.window.writer,
            reader=getattr(self.window, "reader", None),
        )
        view.caseActivated.connect(self.show_case)
        return view

    def _build_saved(self) -> SavedSearchesPanel:
        from caseorg_ui.docks import SavedSearchesPanel

        panel = SavedSearchesPanel(self.read_lib, self.window.writer, self.window)
        panel.searchRequested.connect(self.run_search)
        panel.current_search = self.current_search
        return panel

    def _build_notes_tags(self) -> CaseNotesTags:
        from caseorg_ui.court import CaseNotesTags

        return CaseNotesTags(self.read_lib, self.window.writer)

    @property
    def deadlines(self) -> DeadlinesView:
        """The Deadlines dock's view (built on first use)."""
        return self.deadlines_dock.content()

    @property
    def saved(self) -> SavedSearchesPanel:
        """The Saved Searches sidebar (built on first use)."""
        return self.saved_dock.content()

    @property
    def notes_tags(self) -> CaseNotesTags:
        """The Notes and Tags dock's panel (built on first use)."""
        return self.notes_dock.content()

    def _action(self, name: str, text: str, slot: Callable[[], Any], tip: str) -> QAction:
        action = QAction(self.window)  # + setText: cheaper than QAction(text, parent)
        action.setText(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions[name] = action
        return action

    def _make_menu(self) -> QMenu:
        window = self.window
        menu = QMenu("C&ourt", window)
        menu.setToolTipsVisible(True)
        a = self._action
        menu.addAction(
            a("deadlines", "&Deadlines", self.show_deadlines, "Every open deadline, overdue first")
        )
        menu.addAction(
            a(
                "dashboard",
                "Das&hboard",
                self.show_dashboard,
                "Pending cases, completions against the goal, hearings and reassignments",
            )
        )
        menu.addAction(
            a(
                "reassignment_report",
                "&Reassignment Report…",
                self.show_reassignment_report,
                "Cases taken from and given to a judge in a period, and what happened next",
            )
        )
        menu.addSeparator()
        menu.addAction(
            a(
                "import_eoir",
                "&Import EOIR Case Data…",
                self.import_eoir,
                "Import cases, hearings and judge changes from EOIR-shaped data files",
            )
        )
        menu.addAction(
            a(
                "check_notices",
                "Check &Notices",
                self.check_notices,
                "Find in absentia orders without sound proof of notice",
            )
        )
        menu.addSeparator()
        for dock, name in ((self.saved_dock, "saved_searches"), (self.notes_dock, "notes_tags")):
            toggle = dock.toggleViewAction()
            toggle.setStatusTip(f"Show or hide the {dock.windowTitle()} panel")
            self.actions[name] = toggle
            menu.addAction(toggle)
        menu.addSeparator()
        menu.addAction(
            a(
                "settings",
                "&Settings…",
                self.show_settings,
                "Notice minimum days and the annual completion goal",
            )
        )
        self.actions["import_eoir"].setEnabled(not self.read_only)
        self.actions["settings"].setEnabled(not self.read_only)
        menus = getattr(window, "menus", {}) or {}
        help_menu = menus.get("help") if isinstance(menus, dict) else None
        bar = window.menuBar()
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        if isinstance(menus, dict):
            menus["court"] = menu
        return menu

    # -- helpers ---------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(getattr(self.window, "read_only", False))

    def show_case(self, case_id: int) -> None:
        self.window.show_case(case_id)
        self.window.raise_()
        self.window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close and not self.closed:
            self.closed = True
            for widget in (self.dashboard, self.report_view, self.notice_dialog):
                if widget is not None:
                    widget.close()
        return False

    def _changed(self, changes: Change) -> None:
        """An operation finished on the worker: re-read what shows what it changed."""
        if self.closed:
            return
        if changes & REMINDER_SHOWS:
            self.update_reminder()
        for dock, shows in (
            (self.deadlines_dock, DEADLINES_SHOW),
            (self.saved_dock, SAVED_SEARCHES_SHOW),
            (self.notes_dock, NOTES_TAGS_SHOW),
        ):
            panel = dock.built()  # one never shown is built fresh when it first is
            if panel is not None and dock.isVisible() and changes & shows:
                panel.refresh()
        for view, shows in (
            (self.dashboard, DASHBOARD_SHOWS),
            (self.report_view, REPORT_SHOWS),
            (self.notice_dialog, NOTICE_CHECKS_SHOW),
        ):
            if view is not None and view.isVisible() and changes & shows:
                view.refresh()

    def update_reminder(self) -> None:
        """Read the deadline reminder again (through the window's reader: on a court
        library, off the UI thread)."""
        reader = getattr(self.window, "reader", None)
        if reader is None:  # a window without a reader reads at once
            self._show_reminder(deadline_reminder(self.read_lib))
            return
        reader.read("reminder", deadline_reminder, self._show_reminder)

    def _show_reminder(self, text: str | None) -> None:
        if self.closed:
            return
        self.reminder.setText(
            f"<a href='deadlines' style='color:#a0241b'>{text}</a>" if text else ""
        )
        self.reminder.setVisible(bool(text))

    # -- commands --------------------------------------------------------------------------
    def show_deadlines(self) -> None:
        self.deadlines.refresh()
        self.deadlines_dock.show()
        self.deadlines_dock.raise_()

    def show_dashboard(self) -> Dashboard:
        if self.dashboard is None:
            from caseorg_ui.court import Dashboard

            self.dashboard = Dashboard(self.read_lib, self.window, runner=self.window.writer)
            _window(self.dashboard, "Court dashboard \N{EM DASH} caseorg", 1200, 860)
        else:
            self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()
        return self.dashboard

    def show_reassignment_report(self) -> ReassignmentReportView:
        if self.report_view is None:
            from caseorg_ui.court import ReassignmentReportView

            self.report_view = ReassignmentReportView(self.read_lib, self.window)
            self.report_view.caseActivated.connect(self.show_case)
            _window(self.report_view, "Reassignment report \N{EM DASH} caseorg", 1400, 600)
        else:
            self.report_view.refresh()
        self.report_view.show()
        self.report_view.raise_()
        return self.report_view

    def import_eoir(self, folder: Any = None) -> EoirImportRun | None:
        if self.read_only:
            return None
        from caseorg_ui.operations import run_eoir_import

        # (what it changed is re-read when it has finished, like any operation's)
        self.eoir_run = run_eoir_import(self.window, self.window.runner, folder)
        return self.eoir_run

    def check_notices(self) -> NoticeChecksDialog:
        if self.notice_dialog is None:
            from caseorg_ui.court import NoticeChecksDialog

            self.notice_dialog = NoticeChecksDialog(self.read_lib, self.window)
            self.notice_dialog.caseActivated.connect(self.show_case)
        else:
            self.notice_dialog.refresh()
        self.notice_dialog.show()
        self.notice_dialog.raise_()
        return self.notice_dialog

    def show_settings(self) -> CourtSettingsDialog | None:
        if self.read_only:
            return None
        from caseorg_ui.court import CourtSettingsDialog

        dialog = CourtSettingsDialog(self.read_lib, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            task = LibraryOp(self.window, dialog.save_operation(), Change.SETTINGS)
            task.with_progress("Save court settings").says("Save court settings: done")
            task.run_in_background(self.window.runner)
            engine = dialog.engine_choice()
            if engine is not None:
                self.switch_search_engine(engine)

        dialog.accepted.connect(accepted)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def switch_search_engine(self, engine: str) -> None:
        """Rebuild the search index with ``engine`` on the worker (cancellable)."""
        from caseorg.search import switch_engine

        def work(lib: Library) -> int:
            return switch_engine(
                lib, engine, progress=task.progress, cancelled=lambda: task.cancelled
            )

        task = LibraryOp(self.window, work, Change.INDEX | Change.SETTINGS)
        task.with_progress("Rebuilding the search index…", cancellable=True)
        task.says(f"Search engine: {engine}, index rebuilt")
        task.run_in_background(self.window.runner)

    # -- saved searches <-> the search pane ------------------------------------------------
    def current_search(self) -> tuple[str, dict[str, Any]]:
        pane = getattr(self.window, "search_pane", None)
        if pane is None:
            return "", {}
        request = pane.request()
        return request.text, {"case": request.a_number, "type": request.doc_type}

    def run_search(self, query: str, filters: dict[str, Any]) -> None:
        """Put a saved search into the search pane and run it."""
        pane = getattr(self.window, "search_pane", None)
        if pane is None:
            self.window.statusBar().showMessage("Search is not available in this window", 8000)
            return
        pane.reset_filters()
        pane.set_case_filter(filters.get("case"))
        doc_type = filters.get("type")
        position = pane.type_filter.findData(doc_type) if doc_type else 0
        pane.type_filter.setCurrentIndex(max(0, position))
        self.window.show_search()
        pane.search_box.setText(with_tag(query, filters.get("tag")))
        pane.search_box.returnPressed.emit()  # now, not after the typing pause

    # -- notes and tags follow the selection -----------------------------------------------
    def _notes_shown(self, shown: bool) -> None:
        if shown and not self.closed:  # writes while it was hidden were not re-read
            self.notes_tags.refresh()
            self.follow_case()

    def follow_case(self) -> None:
        if self.closed or not self.notes_dock.isVisible():
            return
        case_id = self.window.current_case_id()
        if case_id == self.notes_tags.case_tags.entity_id and case_id is not None:
            self.follow_document()
            return
        title = None
        if case_id is not None:
            from caseorg.records import get_case

            try:
                case = get_case(self.read_lib, case_id)
            except CaseorgError:
                case_id = None
            else:
                title = f"{case.a_number_display} \N{MIDDLE DOT} {case.respondent}"
        self.notes_tags.set_case(case_id, title)
        self.follow_document()

    def follow_document(self) -> None:
        if self.closed or not self.notes_dock.isVisible():
            return
        document_id = None
        title = None
        if self.window.current_case_id() is not None:  # (so the case view is there)
            case_view = self.window.case_view
            document_id = case_view.selected_id("documents")
            if document_id is not None:
                record = case_view.selected("documents")
                title = getattr(record, "title", None)
        self.notes_tags.set_document(document_id, title)


def install_court_features(window: Any) -> None:
    """Add the Court menu, docks and status-bar reminder to ``window`` (a MainWindow);
    see the module docstring for the attributes it relies on. Installing twice adds
    nothing the second time."""
    if isinstance(getattr(window, "court_features", None), CourtFeatures):
        return
    window.court_features = CourtFeatures(window)
