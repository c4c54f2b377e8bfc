"""The court-workflow features, added to a :class:`ui.main_window.MainWindow` from outside.

:func:`install_court_features` adds a Court menu (Deadlines, Dashboard,
Reassignment Report…, Import EOIR Case Data…, Check Notices, Settings…), a
Deadlines dock, a Saved Searches sidebar wired to the window's search pane, a
Notes and Tags dock that follows the selected case, and a deadline reminder in
the status bar. It relies only on these attributes of the window:

- ``read_lib`` — the UI thread's read-only Library;
- ``runner`` — the :class:`ui.operations.OperationRunner` (``run_op``, ``op_finished``);
- ``submit(operation, label, on_success, on_failure)`` — a write on the worker,
  followed by the window's own refresh;
- ``after_write()`` — re-read the window's own views (after an EOIR import);
- ``read_only`` — no writes offered when True;
- ``show_case(case_id)`` — select a case in the list;
- ``current_case_id()``, ``case_list`` (its selection model) and ``case_view``
  (``selectionChanged``, ``selected_id("documents")``, ``selected("documents")``) —
  what is selected;
- ``search_pane`` (``search_box``, ``type_filter``, ``set_case_filter``,
  ``reset_filters``, ``request()``), ``search_dock`` and ``show_search()`` — may be None;
- ``docket_dock`` (may be None) — the Deadlines dock is tabbed with it;
- ``menus`` (the Court menu goes before ``menus["help"]``), ``menuBar()``, ``statusBar()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseorg.cases import get_case
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.notice_checks import NoticeFlag, check_notices
from caseorg.settings import COMPLETION_GOAL, NOTICE_MIN_DAYS, get_setting, set_setting
from caseorg.values import format_a_number
from ui.dashboard import Dashboard
from ui.deadlines_view import DeadlinesView, deadline_reminder
from ui.dialogs.common import choice_text, us_date
from ui.dialogs.judge_dialog import Submit
from ui.docket_view import judge_label
from ui.eoir_import_flow import EoirImportRun, run_eoir_import
from ui.qt import QSize
from ui.reassignment_report_view import ReassignmentReportView
from ui.saved_searches_panel import SavedSearchesPanel
from ui.screen_fit import default_size
from ui.table_models import RowsModel
from ui.tags_notes import NotesPanel, TagsEditor

REMINDER_STYLE = "color: #a0241b; padding: 0 6px;"

# -- Check Notices ------------------------------------------------------------------------

NOTICE_COLUMNS = ("Hearing", "Kind", "A-number", "Respondent", "Judge", "Problem")


class NoticeFlagsModel(RowsModel[NoticeFlag]):
    """In absentia orders without sound proof of notice, one per row."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(NOTICE_COLUMNS, parent)

    @property
    def flags_(self) -> list[NoticeFlag]:
        return self.rows

    def set_flags(self, flags: list[NoticeFlag]) -> None:
        self.set_rows(flags)

    def flag_at(self, row: int) -> NoticeFlag | None:
        return self.row_at(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        flag = self.flag_at(index.row()) if index.isValid() else None
        if flag is None or not 0 <= index.column() < len(NOTICE_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            reason = flag.reason[:1].upper() + flag.reason[1:]
            return (
                us_date(flag.starts_at),
                choice_text(flag.kind),
                flag.a_number_display,
                flag.respondent,
                judge_label(flag.judge_name, flag.judge_code)
                if (flag.judge_name or flag.judge_code)
                else "\N{EM DASH}",
                reason,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{flag.reason}\nDouble-click to open the case"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            return QBrush(QColor("#a0241b"))
        if role == Qt.ItemDataRole.UserRole:
            return flag.case_id
        return None


class NoticeChecksDialog(QDialog):
    """Every in absentia order in the library without sound proof of notice."""

    caseActivated = Signal(int)  # noqa: N815

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.setWindowTitle("Check notices")
        self.resize(980, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = NoticeFlagsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activate)  # double-click or Enter
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            flags = check_notices(self.read_lib)
        except CaseorgError as exc:
            self.summary.setText(str(exc))
            return
        self.model.set_flags(flags)
        days = get_setting(self.read_lib, NOTICE_MIN_DAYS)
        rule = f"a notice must be served at least {days} days before the hearing and not returned"
        if flags:
            count = len(flags)
            self.summary.setText(
                f"{count} in absentia order{'s' if count != 1 else ''} without sound proof of "
                f"notice ({rule}). Double-click one to open its case."
            )
        else:
            self.summary.setText(f"Every in absentia order has sound proof of notice ({rule}).")
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column), 220))
        self.table.resizeRowsToContents()

    def _activate(self, index: QModelIndex) -> None:
        flag = self.model.flag_at(index.row())
        if flag is not None:
            self.caseActivated.emit(flag.case_id)


# -- Settings -----------------------------------------------------------------------------


class CourtSettingsDialog(QDialog):
    """The court settings kept in the library: notice minimum days, annual goal."""

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Court settings")
        self.setMinimumWidth(460)
        self.notice_days = QSpinBox()
        self.notice_days.setRange(NOTICE_MIN_DAYS.minimum, NOTICE_MIN_DAYS.maximum)
        self.notice_days.setValue(get_setting(read_lib, NOTICE_MIN_DAYS))
        self.notice_days.setSuffix(" days before the hearing")
        self.notice_days.setToolTip(NOTICE_MIN_DAYS.description)
        self.goal = QSpinBox()
        self.goal.setRange(COMPLETION_GOAL.minimum, COMPLETION_GOAL.maximum)
        self.goal.setSingleStep(10)
        self.goal.setGroupSeparatorShown(True)
        self.goal.setValue(get_setting(read_lib, COMPLETION_GOAL))
        self.goal.setSuffix(" per judge a year")
        self.goal.setToolTip(COMPLETION_GOAL.description)
        form = QFormLayout()
        form.addRow("Notice served at least", self.notice_days)
        form.addRow("Completion goal", self.goal)
        note = QLabel(
            "Kept in the library, so every window and the command line use the same values. "
            "An in absentia order on a notice served fewer days before the hearing is flagged."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> dict[str, int]:
        return {"notice_min_days": self.notice_days.value(), "completion_goal": self.goal.value()}

    def save_operation(self) -> Callable[[Library], None]:
        values = self.values()

        def save(lib: Library) -> None:
            set_setting(lib, NOTICE_MIN_DAYS, values["notice_min_days"])
            set_setting(lib, COMPLETION_GOAL, values["completion_goal"])

        return save


# -- Notes and tags of the selected case ---------------------------------------------------


class CaseNotesTags(QWidget):
    """The selected case's tags and notes, and the tags of its selected document."""

    def __init__(self, read_lib: Library, submit: Submit | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel("Select a case to see its tags and notes.")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.case_tags = TagsEditor(read_lib, submit, "case")
        self.document_label = QLabel()
        self.document_label.setWordWrap(True)
        self.document_label.setTextFormat(Qt.TextFormat.PlainText)
        self.document_tags = TagsEditor(read_lib, submit, "document")
        self.notes = NotesPanel(read_lib, submit, "case")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(QLabel("Tags"))
        layout.addWidget(self.case_tags)
        layout.addWidget(self.document_label)
        layout.addWidget(self.document_tags)
        layout.addWidget(QLabel("Notes"))
        layout.addWidget(self.notes, 1)
        self.set_case(None, None)

    def set_case(self, case_id: int | None, title: str | None) -> None:
        self.heading.setText(title or "Select a case to see its tags and notes.")
        self.case_tags.set_entity("case", case_id)
        self.notes.set_entity("case", case_id)
        self.case_tags.setEnabled(case_id is not None)
        self.notes.setEnabled(case_id is not None)

    def set_document(self, document_id: int | None, title: str | None) -> None:
        shown = document_id is not None
        self.document_label.setVisible(shown)
        self.document_tags.setVisible(shown)
        self.document_label.setText(f"Tags on the document “{title}”" if shown else "")
        self.document_tags.set_entity("document", document_id)

    def refresh(self) -> None:
        self.case_tags.refresh()
        self.document_tags.refresh()
        self.notes.refresh()


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

        # -- docks ---------------------------------------------------------------------
        self.deadlines = DeadlinesView(self.read_lib, window, submit=self.submitter("Mark done"))
        self.deadlines.caseActivated.connect(self.show_case)
        self.deadlines_dock = self._dock("Deadlines", "court_deadlines_dock", self.deadlines)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.deadlines_dock)
        for other in (getattr(window, "docket_dock", None), getattr(window, "search_dock", None)):
            if isinstance(other, QDockWidget):
                window.tabifyDockWidget(other, self.deadlines_dock)
                break
        self.deadlines_dock.hide()

        self.saved = SavedSearchesPanel(self.read_lib, self.submitter("Save search"), window)
        self.saved.searchRequested.connect(self.run_search)
        self.saved.current_search = self.current_search
        self.saved_dock = self._dock("Saved Searches", "court_saved_searches_dock", self.saved)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.saved_dock)
        self.saved_dock.hide()

        self.notes_tags = CaseNotesTags(self.read_lib, self.submitter("Save notes and tags"))
        self.notes_dock = self._dock("Notes and Tags", "court_notes_dock", self.notes_tags)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.notes_dock.hide()
        self.notes_dock.visibilityChanged.connect(self._notes_shown)
        case_list = getattr(window, "case_list", None)
        if case_list is not None:  # a selection can change without the current row moving
            selection = case_list.selectionModel()
            selection.currentRowChanged.connect(lambda *_: self.follow_case())
            selection.selectionChanged.connect(lambda *_: self.follow_case())
        case_view = getattr(window, "case_view", None)
        if case_view is not None and hasattr(case_view, "selectionChanged"):
            case_view.selectionChanged.connect(self.follow_document)

        # -- menu, status bar ---------------------------------------------------------
        self.menu = self._make_menu()
        self.reminder = QLabel()
        self.reminder.setStyleSheet(REMINDER_STYLE)
        self.reminder.setTextFormat(Qt.TextFormat.RichText)
        self.reminder.setToolTip("Open the deadlines")
        self.reminder.linkActivated.connect(lambda _link: self.show_deadlines())
        window.statusBar().addPermanentWidget(self.reminder)
        self.update_reminder()

        window.runner.op_finished.connect(self._after_operation)
        window.installEventFilter(self)

    # -- building --------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _action(self, name: str, text: str, slot: Callable[[], Any], tip: str) -> QAction:
        action = QAction(text, self.window)
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

    def submitter(self, label: str) -> Submit | None:
        """A ``submit(operation, on_success)`` running writes through the window (None
        when the library is read-only)."""
        if self.read_only:
            return None
        window = self.window

        def submit(operation: Callable[[Library], Any], on_success: Callable[[], None]) -> None:
            window.submit(operation, label, lambda _result: on_success())

        return submit

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

    def _after_operation(self, _label: str) -> None:
        """A write finished on the worker: re-read what is shown here."""
        if self.closed:
            return
        self.update_reminder()
        if self.deadlines_dock.isVisible():
            self.deadlines.refresh()
        if self.saved_dock.isVisible():
            self.saved.refresh()
        if self.notes_dock.isVisible():
            self.notes_tags.refresh()
        for view in (self.dashboard, self.report_view, self.notice_dialog):
            if view is not None and view.isVisible():
                view.refresh()

    def update_reminder(self) -> None:
        text = deadline_reminder(self.read_lib)
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
            self.dashboard = Dashboard(
                self.read_lib, self.window, submit=self.submitter("Change the completion goal")
            )
            _window(self.dashboard, "Court dashboard \N{EM DASH} caseorg", 1200, 860)
        else:
            self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()
        return self.dashboard

    def show_reassignment_report(self) -> ReassignmentReportView:
        if self.report_view is None:
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
        self.eoir_run = run_eoir_import(
            self.window, self.window.runner, folder, on_done=lambda _r: self._after_import()
        )
        return self.eoir_run

    def _after_import(self) -> None:
        after = getattr(self.window, "after_write", None)
        if callable(after):
            after()
        self.saved.refresh()

    def check_notices(self) -> NoticeChecksDialog:
        if self.notice_dialog is None:
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
        dialog = CourtSettingsDialog(self.read_lib, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            self.window.submit(dialog.save_operation(), "Save court settings")

        dialog.accepted.connect(accepted)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

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
            try:
                case = get_case(self.read_lib, case_id)
            except CaseorgError:
                case_id = None
            else:
                title = f"{format_a_number(case.a_number)} \N{MIDDLE DOT} {case.respondent}"
        self.notes_tags.set_case(case_id, title)
        self.follow_document()

    def follow_document(self) -> None:
        if self.closed or not self.notes_dock.isVisible():
            return
        case_view = getattr(self.window, "case_view", None)
        document_id = None
        title = None
        if case_view is not None and self.window.current_case_id() is not None:
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
