"""The main window: case list on the left, the selected case in the centre, search and
docket in docks, every command in the menus.

Reads go through the session's read-only library on the UI thread (small queries);
every write is an operation on the session's worker (:mod:`caseorg_ui.operations.runner`), after
which :meth:`MainWindow.after_write` re-reads what is on screen. One window shows
one library; opening another library opens a new window on it and closes this one.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseorg import __version__
from caseorg.errors import CaseorgError, LibraryLocked
from caseorg.library.folder import DB_NAME, Library, last_backup_at
from caseorg.search.handle import index_of
from caseorg.values import format_a_number
from caseorg.words import stamp
from caseorg_ui import preferences as settings, qt
from caseorg_ui.operations.runner import OpContext, Session, show_error, show_message
from caseorg_ui.qt import (
    QAbstractItemView,
    QAction,
    QDockWidget,
    QFrame,
    QGuiApplication,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSize,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views.case_list_model import COLUMNS, CaseListModel, no_case_label
from caseorg_ui.window import screen_fit
from caseorg_ui.window.lazy_dock import add_hidden_dock

if TYPE_CHECKING:
    from caseorg.upkeep.check import CheckReport
    from caseorg_ui.docks.docket_view import DocketView
    from caseorg_ui.docks.search_pane import SearchPane
    from caseorg_ui.operations.import_flow import ImportFlow
    from caseorg_ui.qt import (  # annotations only: no Qt type built
        QCloseEvent,
        QDialog,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QMessageBox,
        QModelIndex,
        QPoint,
        QResizeEvent,
        QShowEvent,
        QUrl,
    )
    from caseorg_ui.views.case_view import CaseView

# Start-up imports only what the first screen shows (the case list, the case view,
# the menus): the import flow, the docks, the PDF viewer, printing, backup and the
# library check load on first use (profiled: ~250 ms of imports moved off start-up).

log = logging.getLogger("caseorg.ui")

FILTER_DELAY_MS = 150
DEFAULT_SIZE = QSize(1280, 800)  # made smaller on a small screen
LIST_MIN_WIDTH = 260  # the case list: an A-number and a name
VIEW_MIN_WIDTH = 340  # the case view
DOCK_SHARE = 0.34  # the right-hand docks first open at this share of the window's width

SEARCH_SYNTAX = """
<h3>Search syntax</h3>
<table cellpadding="4">
<tr><th align="left">you type</th><th align="left">finds</th></tr>
<tr><td><code>asylum persecution</code></td><td>pages with both words (stemmed: <i>persecuted</i>
 matches)</td></tr>
<tr><td><code>"extreme hardship"</code></td><td>the exact phrase</td></tr>
<tr><td><code>hardship OR persecution</code>, <code>asylum NOT withholding</code></td>
 <td>boolean</td></tr>
<tr><td><code>inadmiss*</code>, <code>hardshp~</code></td><td>prefix, fuzzy (one typo)</td></tr>
<tr><td><code>type:brief</code>, <code>title:motion</code></td>
 <td>document type, title words</td></tr>
<tr><td><code>a:A-123-456-789</code></td><td>one case, any A-number spelling</td></tr>
<tr><td><code>filed:[2024-01-01 TO 2024-12-31]</code></td><td>filed date range</td></tr>
</table>
<p>Results are grouped by document, best first, each with its matching pages and a
highlighted snippet per page. Double-click a page to open the document there.</p>
"""

WELCOME_TEXT = """
<h2>Welcome to caseorg</h2>
<p>This library has no cases yet. Start with one of these:</p>
"""

# what the status bar says when a dialog's write has been saved (by the write's label)
DONE_MESSAGES = {
    "New case": "Case opened",
    "Save case": "Case saved",
    "Schedule hearing": "Hearing scheduled",
    "Save hearing": "Hearing saved",
    "Add notice": "Notice of hearing recorded",
    "Reassign case": "Reassignment recorded",
    "Add deadline": "Deadline added",
    "Mark deadline done": "Deadline marked done",
    "Save document": "Document saved",
    "Add judge": "Judge added",
}

_windows: list[MainWindow] = []  # open windows (a window outlives the function that made it)


def optional(module: str, name: str) -> Any:
    """A class or function from a UI module built separately (None if it is absent),
    so the window works while a part is missing."""
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError:
        return None
    except AttributeError:
        return None


def run_check(lib: Library, **options: Any) -> CheckReport:
    """:func:`caseorg.upkeep.check.check_library`, loaded on first use (on the worker)."""
    from caseorg.upkeep.check import check_library

    return check_library(lib, **options)


def status_separator() -> QFrame:
    """A thin upright line between two parts of the status bar."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    line.setFixedHeight(14)
    return line


def demo_library_path() -> Path:
    """Where 'Open the demo library' builds the sample court (never the user's library)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("caseorg", appauthor=False)) / "demo-library"


def open_session_or_ask(parent: QWidget | None, path: Path, create: bool = True) -> Session | None:
    """Open ``path``; when another window holds it, offer read-only (the message names
    the pid). None when the user declines or the folder cannot be opened."""
    try:
        return Session(path, create=create)
    except LibraryLocked as exc:
        answer = qt.QMessageBox.question(
            parent,
            "caseorg",
            f"{str(exc)[:1].upper()}{str(exc)[1:]}.\n\nOpen it read-only?",
        )
        if answer != qt.QMessageBox.StandardButton.Yes:
            return None
        try:
            return Session(path, read_only=True)
        except CaseorgError as inner:
            qt.QMessageBox.warning(parent, "caseorg", str(inner))
            return None
    except CaseorgError as exc:
        qt.QMessageBox.warning(parent, "caseorg", str(exc))
        return None


class FilterBox(QLineEdit):
    """The case filter; Down moves into the list."""

    down = Signal()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class CaseTable(QTableView):
    """The case list. Columns that do not fit are hidden, the least needed first
    (status, next hearing, judge), so a narrow list shows whole A-numbers and names
    instead of a sideways scroll bar; the respondent's column takes the room left."""

    WIDTHS = {"a_number": 112, "respondent": 150, "judge": 132, "next_hearing": 122, "status": 84}
    DROP_ORDER = ("status", "next_hearing", "judge")  # hidden first when narrow

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_columns()

    def setup_columns(self) -> None:
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for col, column in enumerate(COLUMNS):
            header.resizeSection(col, self.WIDTHS.get(column.key, 84))
            mode = QHeaderView.ResizeMode.Interactive
            if column.key == "respondent":
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(col, mode)
        header.setMinimumSectionSize(48)

    def fit_columns(self) -> None:
        """Show the columns the width allows (A-number and respondent always)."""
        keys = [column.key for column in COLUMNS]
        # the viewport's width, worked out: PySide6's first viewport() call costs ~10 ms
        room = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        if bar.isVisible():
            room -= bar.width()
        needed = sum(self.WIDTHS.get(key, 84) for key in keys)
        hidden: set[str] = set()
        for key in self.DROP_ORDER:
            if needed <= room or key not in keys:
                break
            hidden.add(key)
            needed -= self.WIDTHS.get(key, 84)
        for col, key in enumerate(keys):
            if self.isColumnHidden(col) != (key in hidden):
                self.setColumnHidden(col, key in hidden)

    def shown_columns(self) -> list[str]:
        return [c.key for i, c in enumerate(COLUMNS) if not self.isColumnHidden(i)]


class WelcomePanel(QWidget):
    """First run on an empty library: add a first case, or look around the demo."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        text = QLabel(WELCOME_TEXT)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.new_case = QPushButton("New Case…")
        self.new_case.setToolTip("Open a case for a respondent, then import its PDFs into it")
        self.demo = QPushButton("Open the Demo Library")
        self.demo.setToolTip(
            "Build a sample court (invented cases, hearings and documents) in a separate "
            "library folder and open it — your library is not touched"
        )
        self.open = QPushButton("Open Another Library…")
        self.open.setFlat(True)
        self.open.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open.setToolTip("Open a caseorg library folder on this computer or a share")
        # a link, not stray text: link-coloured, underlined when pointed at
        self.open.setStyleSheet(
            "QPushButton { color: palette(link); border: none; padding: 2px 0; }"
            "QPushButton:hover { text-decoration: underline; }"
        )
        grid = QVBoxLayout()
        grid.setSpacing(14)
        for button, caption in (
            (
                self.new_case,
                "<b>Import your first case file</b><br>Add a case, then drop its "
                "PDFs or folders onto the window (or use File&nbsp;▸&nbsp;Import&nbsp;Files…).",
            ),
            (
                self.demo,
                "<b>Open the demo library</b><br>A sample immigration court to try "
                "search, hearings, notices and reassignments.",
            ),
        ):
            row = qt.QHBoxLayout()
            label = QLabel(caption)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            button.setMinimumWidth(200)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addSpacing(12)
            row.addWidget(label, 1)
            grid.addLayout(row)
        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        inner.addWidget(text)
        inner.addLayout(grid)
        inner.addSpacing(8)
        inner.addWidget(self.open, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        center = qt.QHBoxLayout()
        center.addStretch(1)
        center.addWidget(box, 3)
        center.addStretch(1)
        layout.addLayout(center)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    """One library on screen; see the module docstring."""

    recordSelectionChanged = Signal()  # noqa: N815 - a row chosen in the case view's tabs
    ready = Signal()  # shown and the case list filled (CASEORG_QUIT_WHEN_READY uses it)
    checked = Signal(object)  # the check after opening finished (a CheckReport)

    def __init__(self, session: Session, *, restore: bool = True):
        super().__init__()
        self.session = session
        self.read_lib: Library = session.read_lib
        self.runner = session.runner
        self._closed = False
        self._ready_sent = False
        self._index_state = "index: not checked yet"
        self.last_report: CheckReport | None = None
        self.pdf_window: Any = None
        _windows.append(self)

        title = f"caseorg — {session.path}"
        self.setWindowTitle(title + (" (read-only)" if session.read_only else ""))
        self.resize(screen_fit.default_size(self, DEFAULT_SIZE))
        self.setAcceptDrops(True)

        # -- left: filter + case list ------------------------------------------------------
        self.filter_box = FilterBox()
        self.filter_box.setPlaceholderText("Filter: A-number, respondent or judge")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setToolTip(
            "Type part of an A-number (any spelling), a respondent's name or a judge's name "
            "or code; several words must all match"
        )
        self.filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(lambda _text: self.filter_timer.start())
        self.filter_box.returnPressed.connect(self._apply_filter)
        self.filter_box.down.connect(self._focus_case_list)

        self.case_model = CaseListModel(self.read_lib, self)
        self.case_list = CaseTable()
        self.case_list.setModel(self.case_model)
        self.case_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the model is already in A-number order: say so before sorting is switched on,
        # or the header's default (descending) costs two more queries of every case id
        self.case_list.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.case_list.setSortingEnabled(True)
        self.case_list.setWordWrap(False)
        self.case_list.setAlternatingRowColors(True)
        self.case_list.setCornerButtonEnabled(False)
        vertical = self.case_list.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        vertical.setDefaultSectionSize(24)
        # fixed widths (never sized to contents: that would read every row); columns
        # that do not fit are hidden rather than squeezing the names away
        self.case_list.setup_columns()
        self.case_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.case_list.customContextMenuRequested.connect(self._case_list_menu)
        self.case_list.selectionModel().currentRowChanged.connect(self._case_changed)
        # a click or selectRow() moves the current row before it selects it: the actions
        # that need a selected case are updated again once the selection follows
        self.case_list.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.case_model.loaded.connect(self._cases_loaded)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #6b6b6b;")

        left = QWidget()
        left.setMinimumWidth(LIST_MIN_WIDTH)  # A-numbers and names stay whole
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.case_list, 1)
        left_layout.addWidget(self.count_label)

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

        self._welcome: WelcomePanel | None = None  # built for an empty library only
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        # -- docks: search, docket (built when first shown) --------------------------------
        self._docket_in_view = False
        self._docks_sized = True  # (a dock shown by restoring the layout is left as it was)
        self._wired_docks: set[QDockWidget] = set()
        self._make_docks()

        # -- status bar --------------------------------------------------------------------
        self.path_label = QLabel(str(session.path))
        self.path_label.setToolTip("The library folder")
        self.counts_label = QLabel()
        self.index_label = QLabel()
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #8a5a00;")
        status = self.statusBar()
        status.addWidget(self.path_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(status_separator())  # the parts read apart
        status.addPermanentWidget(self.index_label)
        status.addPermanentWidget(status_separator())
        self.runner.busy_changed.connect(self._busy_changed)
        self.runner.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self._import_flow: ImportFlow | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        self._make_menus()

        self._install_extensions()
        restored = restore and settings.restore_window(self, {"main": self.splitter})
        self._docks_sized = restored  # a restored layout keeps the widths the user chose
        if restored:
            screen_fit.fit_to_screen(self)  # saved on a bigger screen, or one now gone
        else:
            screen_fit.center_on_screen(self)
        settings.add_recent_library(session.path)
        self._cases_loaded(self.case_model.rowCount())
        self.refresh_status()
        self._update_actions()

    # ==== building ========================================================================
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
        from caseorg_ui.docks.search_pane import SearchPane

        pane = SearchPane(self.read_lib, self)
        pane.hitActivated.connect(self.open_hit)
        return pane

    def _build_docket_view(self) -> DocketView:
        from caseorg_ui.docks.docket_view import DocketView

        view = DocketView(self.read_lib, self)
        view.caseActivated.connect(self.show_case)
        view.exported.connect(lambda path: self._say_saved(Path(path), "docket"))
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
            from caseorg_ui.views.case_view import CaseView

            view = CaseView(self.read_lib)
            view.documentActivated.connect(self.open_document)
            view.hearingActivated.connect(lambda hid: self.edit_hearing(hid))
            view.selectionChanged.connect(self._update_actions)
            view.selectionChanged.connect(self.recordSelectionChanged)
            view.tabs.currentChanged.connect(lambda _i: self._update_actions())
            self._set_context_actions(view)
            self.case_area.addWidget(view)
            self.case_area.setCurrentWidget(view)
            self._case_view = view
        return self._case_view

    def _set_context_actions(self, view: CaseView) -> None:
        acts = self.actions_by_name

        def sep() -> QAction:
            action = QAction(self)
            action.setSeparator(True)
            return action

        ctx = view.context_actions
        ctx["documents"] = [acts["open_document"], acts["edit_document"], sep(), acts["import"]]
        ctx["hearings"] = [
            acts["edit_hearing"],
            acts["add_notice"],
            sep(),
            acts["print"],
            acts["export_pdf"],
            sep(),
            acts["add_hearing"],
        ]
        # append-only: a correction is a new entry, so no edit is offered here
        ctx["reassignments"] = [acts["reassign"]]
        ctx["deadlines"] = [acts["mark_done"], sep(), acts["add_deadline"]]
        ctx["history"] = []

    @property
    def import_flow(self) -> ImportFlow:
        """Importing files into a case (its module loads with the first import)."""
        if self._import_flow is None:
            from caseorg_ui.operations.import_flow import ImportFlow

            self._import_flow = ImportFlow(self)
        return self._import_flow

    def _install_extensions(self) -> None:
        """Parts that add themselves to the window (the Court menu and its docks)."""
        install = optional("caseorg_ui.window.court_features", "install_court_features")
        if install is None:
            return
        try:
            install(self)
        except Exception:  # a broken extension must not keep the library from opening
            log.exception("could not add the court features to the window")

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        tip: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        # QAction(parent) + setText: QAction(text, parent) costs ~10x more in PySide6's
        # overload matching (profiled: 6 ms of start-up for the window's 27 actions)
        action = QAction(self)
        action.setText(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        a = self._action
        a(
            "new_library",
            "&New Library…",
            self.new_library,
            "Create an empty library in a new folder",
        )
        a("open_library", "&Open Library…", self.choose_library, "Open another library folder")
        a(
            "import",
            "&Import Files…",
            lambda: self.import_flow.choose_files(),
            "Import PDF files into the selected case",
            QKeySequence.StandardKey.Open,
        )
        a(
            "import_folder",
            "Import &Folder…",
            lambda: self.import_flow.choose_folder(),
            "Import every PDF in a folder (and its sub-folders) into the selected case",
            "Ctrl+Shift+O",
        )
        a(
            "print",
            "&Print…",
            self.print_current,
            "Print the selected hearing's summary, or today's docket when no hearing is selected",
            QKeySequence.StandardKey.Print,
        )
        a(
            "export_pdf",
            "&Export PDF…",
            self.export_current,
            "Save the selected hearing's summary (or today's docket) as a PDF file",
            "Ctrl+Shift+P",
        )
        a("backup", "&Back Up…", self.backup, "Write the whole library to one .zip file")
        a(
            "check",
            "&Check Library…",
            self.check_full,
            "Check every stored file against its hash, the database and the search index",
        )
        a(
            "reindex",
            "Rebuild Search Inde&x",
            self.reindex,
            "Rebuild the search index from the database (the index is only a cache)",
        )
        a("quit", "&Quit", self.close, "Close caseorg", QKeySequence.StandardKey.Quit)

        a(
            "new_case",
            "&New Case…",
            self.new_case,
            "Open a case for a respondent",
            QKeySequence.StandardKey.New,
        )
        a("edit_case", "&Edit Case…", self.edit_case, "Change the selected case's details")
        a(
            "add_hearing",
            "Add &Hearing…",
            self.add_hearing,
            "Schedule a hearing of this case",
            "Ctrl+Shift+H",
        )
        a(
            "edit_hearing",
            "Edit Hearin&g…",
            lambda: self.edit_hearing(None),
            "Record what happened at the selected hearing (outcome, adjournment, exhibits)",
        )
        a(
            "add_notice",
            "Add Noti&ce…",
            self.add_notice,
            "Record that notice of the selected hearing was served",
        )
        a(
            "reassign",
            "&Reassign…",
            self.reassign,
            "Move this case to another judge (a new entry in its append-only history)",
            "Ctrl+Shift+R",
        )
        a("add_deadline", "Add &Deadline…", self.add_deadline, "Add a deadline to this case")
        a(
            "mark_done",
            "&Mark Deadline Done",
            self.mark_deadline_done,
            "Mark the selected deadline done today",
        )
        a(
            "edit_document",
            "Edit Doc&ument…",
            self.edit_document,
            "Change the selected document's type, title, filed date or filer",
        )
        a(
            "open_document",
            "&Open Document",
            self.open_selected_document,
            "Show the selected document's pages",
        )
        a("judges", "&Judges…", self.show_judges, "See the judges and add one")

        a(
            "search",
            "&Search",
            self.show_search,
            "Search every document's text",
            QKeySequence.StandardKey.Find,
        )
        a(
            "search_case",
            "Search This &Case",
            self.search_this_case,
            "Search only the selected case's documents",
            "Ctrl+Shift+F",
        )
        a(
            "docket",
            "&Docket",
            self.show_docket,
            "The hearings of a day, by judge and courtroom",
            "Ctrl+Shift+D",
        )
        a("focus_filter", "&Filter Cases", self._focus_filter, "Filter the case list", "Ctrl+L")

        a("about", "&About caseorg", self.about, "Version and where your library lives")
        a("syntax", "Search &Syntax", self.search_syntax, "How to write search queries")

    def _make_menus(self) -> None:
        acts = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(acts["new_library"])
        file_menu.addAction(acts["open_library"])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(acts["import"])
        file_menu.addAction(acts["import_folder"])
        file_menu.addSeparator()
        file_menu.addAction(acts["print"])
        file_menu.addAction(acts["export_pdf"])
        file_menu.addSeparator()
        file_menu.addAction(acts["backup"])
        file_menu.addAction(acts["check"])
        file_menu.addAction(acts["reindex"])
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])

        case_menu = bar.addMenu("&Case")
        for name in (
            "new_case",
            "edit_case",
            None,
            "add_hearing",
            "edit_hearing",
            "add_notice",
            None,
            "reassign",
            None,
            "add_deadline",
            "mark_done",
            None,
            "open_document",
            "edit_document",
            None,
            "judges",
        ):
            case_menu.addSeparator() if name is None else case_menu.addAction(acts[name])

        view_menu = bar.addMenu("&View")
        for name in ("search", "search_case", "docket", "focus_filter"):
            view_menu.addAction(acts[name])

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(acts["syntax"])
        help_menu.addAction(acts["about"])
        for menu in (file_menu, case_menu, view_menu, help_menu):
            menu.setToolTipsVisible(True)
        self.menus = {"file": file_menu, "case": case_menu, "view": view_menu, "help": help_menu}

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in settings.recent_libraries() if p != self.session.path]
        if not recent:
            none = self.recent_menu.addAction("(no other libraries)")
            none.setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.switch_library(p))

    # ==== state ===========================================================================
    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def current_case_id(self) -> int | None:
        index = self.case_list.currentIndex()
        if not index.isValid() or not self.case_list.selectionModel().isSelected(index):
            return None
        return self.case_model.case_id(index.row())

    def _update_actions(self) -> None:
        acts = self.actions_by_name
        has_case = self.current_case_id() is not None
        writable = not self.read_only
        hearing = self.case_view.selected_id("hearings") if has_case else None
        deadline = self.case_view.selected("deadlines") if has_case else None
        document = self.case_view.selected_id("documents") if has_case else None
        for name in (
            "edit_case",
            "add_hearing",
            "reassign",
            "add_deadline",
            "import",
            "import_folder",
        ):
            acts[name].setEnabled(has_case and writable)
        acts["new_case"].setEnabled(writable)
        acts["edit_hearing"].setEnabled(hearing is not None and writable)
        acts["add_notice"].setEnabled(hearing is not None and writable)
        acts["mark_done"].setEnabled(
            deadline is not None and not getattr(deadline, "done_on", None) and writable
        )
        acts["edit_document"].setEnabled(document is not None and writable)
        acts["open_document"].setEnabled(document is not None)
        acts["search_case"].setEnabled(has_case)
        acts["docket"].setEnabled(True)
        for name in ("reindex", "new_library"):
            acts[name].setEnabled(writable or name == "new_library")
        if self._welcome is not None:
            self._welcome.new_case.setEnabled(writable)
        self._name_print_actions()

    def _name_print_actions(self) -> None:
        """Print… and Export PDF… say what they will print: the selected hearing's
        summary, else the docket on screen, else today's docket."""
        acts = self.actions_by_name
        if self._selected_hearing() is not None:
            what = "Hearing Summary"
        elif self._docket_shown():
            what = "Docket"
        else:
            what = "Today's Docket"
        acts["print"].setText(f"&Print {what}…")
        acts["export_pdf"].setText(f"&Export {what} as PDF…")

    def refresh_status(self) -> None:
        db = self.read_lib.conn
        cases = db.execute("SELECT count(*) FROM cases").fetchone()[0]
        docs, pages = db.execute(
            "SELECT count(*), coalesce(sum(page_count), 0) FROM documents"
        ).fetchone()
        self.counts_label.setText(f"{cases:,} cases · {docs:,} documents · {pages:,} pages")
        state = "read-only · " if self.read_only else ""
        self.index_label.setText(state + self._index_state)
        backup = last_backup_at(self.session.path)
        self.path_label.setToolTip(
            f"Library folder {self.session.path}\n"
            + (f"Last backup {stamp(backup)}" if backup else "Never backed up")
        )

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText("working…" if busy else "")

    # ==== case list =======================================================================
    def _apply_filter(self) -> None:
        self.filter_timer.stop()
        keep = self.current_case_id()
        self.case_model.set_filter(self.filter_box.text())
        self._reselect(keep)

    def _cases_loaded(self, count: int) -> None:
        total = self.case_model.total_cases()
        if self.case_model.filter_text.strip():
            self.count_label.setText(f"{count:,} of {total:,} cases match")
        else:
            self.count_label.setText(f"{total:,} cases")
        self.stack.setCurrentWidget(self.welcome if total == 0 else self.splitter)

    @property
    def welcome(self) -> WelcomePanel:
        """What an empty library shows instead of the case list (built when first needed)."""
        if self._welcome is None:
            panel = WelcomePanel()
            panel.new_case.clicked.connect(self.new_case)
            panel.demo.clicked.connect(lambda _checked=False: self.open_demo())
            panel.open.clicked.connect(self.choose_library)
            panel.new_case.setEnabled(not self.read_only)
            self.stack.addWidget(panel)
            self._welcome = panel
        return self._welcome

    def _reselect(self, case_id: int | None) -> None:
        row = self.case_model.row_of(case_id) if case_id is not None else None
        if row is None:
            if self.case_model.rowCount() == 1:
                row = 0  # one match: show it
            else:
                self.case_list.clearSelection()
                if self._case_view is not None:
                    self._case_view.set_case(None)
                self._update_actions()
                return
        self.case_list.selectRow(row)
        self.case_list.scrollTo(self.case_model.index(row, 0))

    def _case_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.case_model.case_id(current.row()) if current.isValid() else None
        if case_id is not None or self._case_view is not None:
            self.case_view.set_case(case_id)
        self._update_actions()

    def _focus_case_list(self) -> None:
        self.case_list.setFocus()
        if self.current_case_id() is None and self.case_model.rowCount():
            self.case_list.selectRow(0)

    def _focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def show_case(self, case_id: int) -> None:
        """Select ``case_id`` in the list (clearing the filter if it hides the case)."""
        if self.case_model.row_of(case_id) is None:
            self.filter_box.blockSignals(True)
            self.filter_box.clear()
            self.filter_box.blockSignals(False)
            self.case_model.set_filter("")
        self._reselect(case_id)

    def _case_list_menu(self, pos: QPoint) -> None:
        index = self.case_list.indexAt(pos)
        if index.isValid():
            self.case_list.selectRow(index.row())
        menu = self.case_list_menu()
        menu.exec(self.case_list.viewport().mapToGlobal(pos))

    def case_list_menu(self) -> QMenu:
        acts = self.actions_by_name
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        if self.current_case_id() is not None:
            for name in ("edit_case", "add_hearing", "reassign", "add_deadline"):
                menu.addAction(acts[name])
            menu.addSeparator()
            menu.addAction(acts["import"])
            menu.addAction(acts["search_case"])
            copy = menu.addAction("Copy A-number")
            copy.triggered.connect(self._copy_a_number)
            menu.addSeparator()
        menu.addAction(acts["new_case"])
        return menu

    def _copy_a_number(self) -> None:
        case = self.case_view.case
        if case is not None:
            QGuiApplication.clipboard().setText(format_a_number(case.a_number))

    # ==== after a write ===================================================================
    def after_write(self, *_result: object) -> None:
        """Re-read what is on screen (a write finished on the worker)."""
        if self._closed:
            return
        keep = self.current_case_id()
        self.case_model.reload()
        self._reselect(keep)
        if self._case_view is not None:
            self._case_view.refresh()
        self.refresh_status()
        for dock in (self.search_dock, self.docket_dock):
            view = dock.built()  # a view never shown has nothing to re-read
            if view is not None:
                view.refresh()
        self._update_actions()

    def submit(
        self,
        operation: Callable[[Library], Any],
        label: str,
        on_success: Callable[[Any], Any] | None = None,
        on_failure: Callable[[BaseException], Any] | None = None,
    ) -> None:
        """Run a dialog's write on the worker, then refresh the views and say it is done
        in the status bar (a dialog that closed is otherwise the only sign)."""

        def done(result: Any) -> None:
            self.after_write()
            if not self._closed:
                self.statusBar().showMessage(DONE_MESSAGES.get(label, f"{label}: done"), 8000)
            if on_success is not None:
                on_success(result)

        self.runner.run_op(
            lambda lib, _ctx: operation(lib), done, on_failure, label=label, parent=self
        )

    def run_dialog(
        self,
        name: str,
        label: str,
        on_saved: Callable[[Any], Any] | None = None,
        **context: Any,
    ) -> QDialog | None:
        """Open dialog ``name`` from caseorg_ui.dialogs; on OK run its write on the worker.

        If the write fails (the library said no), the message is shown and the same
        dialog opens again with everything typed still in it.
        """
        cls = optional("caseorg_ui.dialogs", name)
        if cls is None:  # HOOK: ui/dialogs not installed
            show_message(self, f"{label} is not available: the dialogs module is missing")
            return None
        try:
            dialog = cls(self.read_lib, self, **context)
        except CaseorgError as exc:
            show_error(self, exc)
            return None

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            if isinstance(exc, CaseorgError) and not self._closed:
                dialog.open()

        def accepted() -> None:
            try:
                operation = dialog.save_operation()
            except CaseorgError as exc:
                failed(exc)
                return
            self.submit(operation, label, on_saved, failed)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    # ==== case commands ===================================================================
    def _need_case(self) -> int | None:
        case_id = self.current_case_id()
        if case_id is None:
            self.statusBar().showMessage("Select a case first", 5000)
        return case_id

    def new_case(self) -> QDialog | None:
        def created(case: Any) -> None:
            case_id = getattr(case, "id", None)
            if isinstance(case_id, int):
                self.show_case(case_id)

        return self.run_dialog("CaseDialog", "New case", created)

    def edit_case(self) -> QDialog | None:
        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog("CaseDialog", "Save case", case_id=case_id)

    def add_hearing(self) -> QDialog | None:
        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog(
            "HearingDialog", "Schedule hearing", self._show_hearing, case_id=case_id
        )

    def _show_hearing(self, hearing: Any) -> None:
        """After a hearing is scheduled: its tab, with it selected (ready for a notice)."""
        self.case_view.show_tab("hearings")
        hearing_id = getattr(hearing, "id", None)
        if isinstance(hearing_id, int):
            self.case_view.select_record("hearings", hearing_id)

    def edit_hearing(self, hearing_id: int | None) -> QDialog | None:
        hearing_id = hearing_id or self.case_view.selected_id("hearings")
        case_id = self.current_case_id()
        if hearing_id is None or case_id is None or self.read_only:
            return None
        return self.run_dialog(
            "HearingDialog", "Save hearing", case_id=case_id, hearing_id=hearing_id
        )

    def add_notice(self) -> QDialog | None:
        hearing_id = self.case_view.selected_id("hearings")
        if hearing_id is None:
            self.case_view.show_tab("hearings")
            self.statusBar().showMessage("Select the hearing the notice is for", 5000)
            return None
        return self.run_dialog("NoticeDialog", "Add notice", hearing_id=hearing_id)

    def reassign(self) -> QDialog | None:
        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog(
            "ReassignmentDialog",
            "Reassign case",
            lambda _r: self.case_view.show_tab("reassignments"),
            case_id=case_id,
        )

    def add_deadline(self) -> QDialog | None:
        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog("DeadlineDialog", "Add deadline", case_id=case_id)

    def mark_deadline_done(self) -> QDialog | None:
        deadline_id = self.case_view.selected_id("deadlines")
        if deadline_id is None:
            self.case_view.show_tab("deadlines")
            self.statusBar().showMessage("Select the deadline that was met", 5000)
            return None
        if optional("caseorg_ui.dialogs", "MarkDoneDialog") is not None:
            return self.run_dialog("MarkDoneDialog", "Mark deadline done", deadline_id=deadline_id)
        from caseorg.records.deadlines import mark_done

        self.submit(lambda lib: mark_done(lib, deadline_id), "Mark deadline done")
        return None

    def edit_document(self) -> QDialog | None:
        document_id = self.case_view.selected_id("documents")
        if document_id is None:
            return None
        return self.run_dialog("DocumentDialog", "Save document", document_id=document_id)

    def show_judges(self) -> None:
        cls = optional("caseorg_ui.dialogs", "JudgeListDialog")
        if cls is None:
            show_message(self, "The judges list is not available: the dialogs module is missing")
            return
        submit = None
        if not self.read_only:

            def submit(operation: Callable[[Library], Any], on_success: Callable[[], None]) -> None:
                self.submit(operation, "Add judge", lambda _r: on_success())

        dialog = cls(self.read_lib, self, submit=submit)
        dialog.open()

    # ==== documents, search, docket =======================================================
    def open_selected_document(self) -> None:
        document_id = self.case_view.selected_id("documents")
        if document_id is not None:
            self.open_document(document_id)

    def open_document(self, document_id: int, page_no: int = 1, highlight: str = "") -> None:
        """Show a document's pages in the viewer window (at ``page_no``, marking ``highlight``)."""
        from caseorg.records.documents import document_path, get_document

        try:
            path = document_path(self.read_lib, document_id)
            document = get_document(self.read_lib, document_id)
        except CaseorgError as exc:
            show_error(self, exc)
            return
        if not path.exists():
            show_message(
                self, f"The stored copy of '{document.title}' is missing; run File ▸ Check Library…"
            )
            return
        viewer_cls = optional("caseorg_ui.views.pdf_viewer", "PdfViewerWindow")
        if viewer_cls is None:  # HOOK: ui/pdf_viewer not installed — the system viewer opens it
            from caseorg_ui.qt import QDesktopServices

            QDesktopServices.openUrl(qt.QUrl.fromLocalFile(str(path)))
            return
        if self.pdf_window is None:
            self.pdf_window = viewer_cls()
            if not getattr(self.pdf_window, "restored", True):
                screen_fit.place_beside(self.pdf_window, self)  # the results stay in view
        self.pdf_window.open_document(path, page_no, highlight, title=document.title)
        self.pdf_window.show()
        self.pdf_window.raise_()
        self.pdf_window.activateWindow()

    def open_hit(self, document_id: int, page_no: int, query: str) -> None:
        self.open_document(document_id, page_no, query)

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.focus_search()

    def search_this_case(self) -> None:
        case = self.case_view.case
        if case is None:
            return
        self.search_pane.set_case_filter(case.a_number)
        self.show_search()

    def show_docket(self) -> None:
        self.docket_dock.show()
        self.docket_dock.raise_()

    # ==== printing ========================================================================
    def _selected_hearing(self) -> int | None:
        if self.current_case_id() is None or self.case_view.current_tab() != "hearings":
            return None
        return self.case_view.selected_id("hearings")

    def _docket_shown(self) -> bool:
        """The docket is on screen (not just open in a tab behind another dock)."""
        return self._docket_in_view

    def _docket_visibility_changed(self, visible: bool) -> None:
        self._docket_in_view = visible  # True only while its tab is the one shown
        self._name_print_actions()

    def print_current(self) -> None:
        """Print the selected hearing's summary, else the docket shown (else today's)."""
        if (hearing_id := self._selected_hearing()) is not None:
            self._print_hearing(hearing_id, export=False)
        elif self._docket_shown():
            self.docket_view.print_docket()
        else:
            self.print_docket(export=False)

    def export_current(self) -> None:
        if (hearing_id := self._selected_hearing()) is not None:
            self._print_hearing(hearing_id, export=True)
        elif self._docket_shown():
            self.docket_view.export_pdf()  # its `exported` names the file in the status bar
        else:
            self.print_docket(export=True)

    def _print_hearing(self, hearing_id: int, export: bool) -> None:
        name = "export_hearing_summary_pdf" if export else "print_hearing_summary"
        func = optional("caseorg_ui.printing.actions", name)
        if func is None:  # HOOK: ui/print_actions not installed
            show_message(self, "Printing is not available: the print module is missing")
            return
        self._say_saved(func(self, self.read_lib, hearing_id), "hearing summary")

    def _say_saved(self, written: object, what: str) -> None:
        """An export's file, named in the status bar (a save dialog closing says nothing)."""
        if isinstance(written, Path) and not self._closed:
            self.statusBar().showMessage(f"Saved the {what} to {written}", 10000)

    def print_docket(self, export: bool, day: dt.date | None = None) -> None:
        name = "export_docket_pdf" if export else "print_docket"
        func = optional("caseorg_ui.printing.actions", name)
        if func is None:  # HOOK: ui/print_actions not installed
            show_message(self, "Printing is not available: the print module is missing")
            return
        self._say_saved(func(self, self.read_lib, day or dt.date.today()), "docket")

    # ==== library commands ================================================================
    def backup(self) -> None:
        default = Path.home() / f"caseorg-backup-{dt.date.today():%Y-%m-%d}.zip"
        name, _filter = qt.QFileDialog.getSaveFileName(
            self, "Back up the library", str(default), "Zip archives (*.zip)"
        )
        if name:
            self.start_backup(Path(name))

    def start_backup(self, dest: Path) -> None:
        def op(lib: Library, ctx: OpContext) -> dict[str, Any]:
            from caseorg.upkeep.backup import backup_library

            return backup_library(
                lib, dest, progress=lambda d, t: ctx.progress(f"{d} of {t} files", d, t)
            )

        def done(_manifest: dict[str, Any]) -> None:
            self.refresh_status()
            self.statusBar().showMessage(f"Backed up to {dest}", 10000)
            show_message(
                self, f"The library was backed up to {dest}.", qt.QMessageBox.Icon.Information
            )

        self.runner.run_op(op, done, label="Backing up the library…", parent=self)

    def check_after_open(self) -> None:
        """The cheap check (no hashing) on the worker after opening; offers repair."""
        self._index_state = "index: checking…"
        self.refresh_status()

        def op(lib: Library, ctx: OpContext) -> CheckReport:
            if not lib.read_only:
                ctx.progress("Bringing the search index up to date…")
                index_of(lib).reconcile(
                    progress=lambda d, t: ctx.progress(f"Indexing {d} of {t} documents", d, t)
                )
            ctx.progress("Checking the library…")
            return run_check(lib, hash_files=False)

        self.runner.run_op(op, self._checked, label="Opening the library…", parent=self)

    def _checked(self, report: CheckReport, *, offer_repair: bool = True) -> None:
        self.last_report = report
        index_problems = [p for p in report.remaining if p.kind == "index"]
        self._index_state = "index: needs rebuilding" if index_problems else "index: up to date"
        self.refresh_status()
        self.checked.emit(report)
        if report.remaining and offer_repair and not self.read_only:
            self.offer_repair(report)

    def offer_repair(self, report: CheckReport) -> QMessageBox:
        lines = "\n".join(f"• {p.detail}" for p in report.remaining[:12])
        more = len(report.remaining) - 12
        if more > 0:
            lines += f"\n• … and {more} more"
        box = qt.QMessageBox(
            qt.QMessageBox.Icon.Warning,
            "caseorg",
            f"The library check found {len(report.remaining)} problem(s):\n\n{lines}\n\n"
            "Repair rebuilds the search index and moves unknown files to quarantine/; "
            "it never deletes your data. Problems it cannot fix (a missing or damaged file) "
            "need a backup.",
            qt.QMessageBox.StandardButton.NoButton,
            self,
        )
        repair = box.addButton("Repair", qt.QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not Now", qt.QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.repair() if button is repair else None)
        self.repair_box = box
        box.open()
        return box

    def repair(self, hash_files: bool = False) -> None:
        def op(lib: Library, ctx: OpContext) -> CheckReport:
            return run_check(
                lib,
                repair=True,
                hash_files=hash_files,
                progress=lambda d, t: ctx.progress(f"Checked {d} of {t} files", d, t),
            )

        def done(report: CheckReport) -> None:
            self._checked(report, offer_repair=False)
            fixed = sum(1 for p in report.problems if p.repaired)
            left = len(report.remaining)
            text = f"Repaired {fixed} problem(s)."
            if left:
                text += f" {left} remain: " + "; ".join(p.detail for p in report.remaining[:3])
            show_message(self, text, qt.QMessageBox.Icon.Information)
            self.after_write()

        self.runner.run_op(op, done, label="Repairing the library…", parent=self)

    def check_full(self) -> None:
        def op(lib: Library, ctx: OpContext) -> CheckReport:
            return run_check(
                lib,
                hash_files=True,
                progress=lambda d, t: ctx.progress(f"Checked {d} of {t} stored files", d, t),
            )

        def done(report: CheckReport) -> None:
            self._checked(report)
            if report.ok:
                show_message(
                    self,
                    f"The library is sound: {report.checked_files} stored files match "
                    "their hashes, the database and the search index agree.",
                    qt.QMessageBox.Icon.Information,
                )

        self.runner.run_op(op, done, label="Checking the library…", parent=self)

    def reindex(self) -> None:
        def op(lib: Library, ctx: OpContext) -> int:
            return index_of(lib).rebuild(
                progress=lambda d, t: ctx.progress(f"Indexed {d:,} of {t:,} pages", d, t),
                cancelled=lambda: ctx.cancelled,
            )

        def done(pages: int) -> None:
            self._index_state = "index: up to date"
            self.after_write()
            self.statusBar().showMessage(f"Search index rebuilt: {pages:,} pages", 10000)

        self.runner.run_op(
            op, done, label="Rebuilding the search index…", cancellable=True, parent=self
        )

    # -- switching libraries ---------------------------------------------------------------
    def new_library(self) -> None:
        folder = qt.QFileDialog.getExistingDirectory(
            self, "Choose an empty folder for the new library", str(Path.home())
        )
        if not folder:
            return
        path = Path(folder)
        if any(path.iterdir()) and not (path / DB_NAME).exists():
            path = path / "caseorg-library"
        self.switch_library(path, create=True)

    def choose_library(self) -> None:
        folder = qt.QFileDialog.getExistingDirectory(
            self, "Open a caseorg library folder", str(self.session.path.parent)
        )
        if folder:
            self.switch_library(Path(folder), create=False)

    def switch_library(self, path: Path, create: bool = False) -> MainWindow | None:
        """Open ``path`` in a new window and close this one."""
        path = Path(path)
        if path.resolve() == self.session.path.resolve():
            return self
        if not create and not (path / DB_NAME).exists():
            show_message(self, f"There is no caseorg library in {path}")
            return None
        settings.save_window(self, {"main": self.splitter})
        session = open_session_or_ask(self, path, create=create)
        if session is None:
            return None
        window = MainWindow(session)
        window.show()
        window.check_after_open()
        self.close()
        return window

    def open_demo(self, path: Path | None = None) -> None:
        """Build the sample court in its own folder (on the worker), then open it."""
        target = Path(path) if path is not None else demo_library_path()

        def op(_lib: Library, ctx: OpContext) -> Path:
            from caseorg.demo.builder import create_demo
            from caseorg.library.folder import open_library

            with open_library(target) as demo:
                cases = demo.db.execute("SELECT count(*) FROM cases").fetchone()[0]
                if not cases:
                    create_demo(demo, progress=lambda text: ctx.progress(text))
            return target

        self.runner.run_op(
            op,
            lambda built: self.switch_library(built),
            label="Building the demo library…",
            parent=self,
        )

    # ==== help ============================================================================
    def about(self) -> QMessageBox:
        box = qt.QMessageBox(self)
        box.setWindowTitle("About caseorg")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>caseorg {__version__}</h3>"
            "<p>Offline case files, hearings and reassignments for immigration courts.</p>"
            f"<p>Library: <code>{self.session.path}</code><br>"
            "Nothing leaves this computer: caseorg never uses the network.</p>"
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def search_syntax(self) -> QDialog:
        dialog = qt.QDialog(self)
        dialog.setWindowTitle("Search syntax")
        dialog.resize(620, 420)
        text = qt.QTextBrowser()
        text.setHtml(SEARCH_SYNTAX)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        close = QPushButton("Close")
        close.clicked.connect(dialog.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ==== drag and drop ===================================================================
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.read_only and self._dropped_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._drop_case(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = self._dropped_paths(event.mimeData().urls())
        case_id = self._drop_case(event.position().toPoint())
        if not paths or case_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_dropped(paths, case_id)

    def _dropped_paths(self, urls: list[QUrl]) -> list[Path]:
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        from caseorg_ui.operations.import_flow import is_importable

        return [p for p in paths if is_importable(p)]

    def _drop_case(self, pos: QPoint) -> int | None:
        """The case a drop at ``pos`` (window coordinates) goes to: the row under the
        pointer in the case list, else the selected case."""
        viewport = self.case_list.viewport()
        local = viewport.mapFrom(self, pos)
        if viewport.rect().contains(local):
            index = self.case_list.indexAt(local)
            if index.isValid():
                return self.case_model.case_id(index.row())
        return self.current_case_id()

    def import_dropped(self, paths: list[Path], case_id: int | None = None) -> bool:
        """Import dropped files and folders into ``case_id`` (default: the selected case)."""
        case_id = case_id if case_id is not None else self.current_case_id()
        if case_id is None:
            show_message(self, "Select the case to import into, then drop the files again.")
            return False
        if case_id != self.current_case_id():
            self.show_case(case_id)
        self.import_flow.start(case_id, paths)
        return True

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
        if self.case_model.rowCount():
            self.case_model.row_data(0)  # the first block is read: the list is filled
        self.ready.emit()

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
