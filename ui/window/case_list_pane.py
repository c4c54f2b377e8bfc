"""The left of the main window: the case filter and the case list (a lazy model), and
what follows the selected case (the case view, the commands that need a case).

Mixed into :class:`caseorg_ui.window.main_window.MainWindow`; it uses the window's
``read_lib``, ``stack``/``splitter`` (the welcome panel takes the list's place in an
empty library), ``case_view`` and ``actions_by_name``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caseorg_ui.operations import LOADING, show_message
from caseorg_ui.qt import (
    QAbstractItemView,
    QGuiApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import COLUMNS, CaseListModel, FittedTable
from caseorg_ui.window.welcome import WelcomePanel

if TYPE_CHECKING:
    from caseorg_ui.qt import QModelIndex, QPoint

FILTER_DELAY_MS = 150
LIST_MIN_WIDTH = 260  # the case list: an A-number and a name


class FilterBox(QLineEdit):
    """The case filter; Down moves into the list."""

    down = Signal()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class CaseTable(FittedTable):
    """The case list. Columns that do not fit are hidden, the least needed first
    (status, next hearing, judge), so a narrow list shows whole A-numbers and names
    instead of a sideways scroll bar; the respondent's column takes the room left."""

    WIDTHS = {"a_number": 104, "respondent": 118, "judge": 86, "next_hearing": 96, "status": 76}
    DROP_ORDER = ("status", "next_hearing", "judge")  # hidden first when narrow

    def __init__(self) -> None:
        keys = [column.key for column in COLUMNS]
        super().__init__(
            [self.WIDTHS.get(key, 84) for key in keys],
            [keys.index(key) for key in self.DROP_ORDER if key in keys],
        )

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

    def shown_columns(self) -> list[str]:
        return [c.key for i, c in enumerate(COLUMNS) if not self.isColumnHidden(i)]


class CaseListPane:
    """The case list's part of the main window (a mixin: see the module docstring)."""

    _welcome: WelcomePanel | None

    def _build_case_list(self) -> QWidget:
        """The filter box, the case list and its count line, wired to the window."""
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

        # each case's ⚠ comes once the window is ready (_emit_ready): a fast first window
        self.case_model = CaseListModel(
            self.read_lib, self, check_notices=False, reader=self.session.reader
        )
        # the case kept selected across a new list: the one selected as the old one goes
        self._kept_case: int | None = None
        self.case_model.modelAboutToBeReset.connect(self._remember_case)
        self.case_model.readFailed.connect(lambda text: show_message(self, text))
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
        self._welcome = None  # built for an empty library only
        return left

    def current_case_id(self) -> int | None:
        index = self.case_list.currentIndex()
        if not index.isValid() or not self.case_list.selectionModel().isSelected(index):
            return None
        return self.case_model.case_id(index.row())

    def reload_cases(self) -> None:
        """Read the list again (cases were written), keeping the selected case (once the
        new list is in: the old one stays on screen meanwhile)."""
        self._kept_case = self.current_case_id()
        self.case_model.reload(then=lambda: self._reselect(self._kept_case))

    def _apply_filter(self) -> None:
        self.filter_timer.stop()
        self._kept_case = self.current_case_id()
        self.case_model.set_filter(
            self.filter_box.text(), then=lambda: self._reselect(self._kept_case)
        )

    def _remember_case(self) -> None:
        """The list is about to change: the case selected now is selected again after."""
        self._kept_case = self.current_case_id()

    def _cases_loaded(self, count: int) -> None:
        if not self.case_model.has_loaded:  # the first list is on its way
            self.count_label.setText(f"{LOADING[:-1]} cases…")
            return
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
            self.case_model.set_filter("", then=lambda: self._reselect(case_id))
            return
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
            QGuiApplication.clipboard().setText(case.a_number_display)
