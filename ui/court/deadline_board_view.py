"""Deadlines across the library, the way a clerk works them: overdue, this week, later.

The rows come from :func:`caseorg.court.deadline_board.deadline_board` on the read-only
library (one query on the UI thread). Groups are top-level rows; sorting a column
sorts the deadlines inside each group, so overdue items never drift below later
ones. Overdue rows are red, this week's amber; done deadlines are listed only when
"Show done" is ticked. "Mark done…" opens :class:`caseorg_ui.dialogs.MarkDoneDialog` and
runs its write as an operation on ``runner`` — the main window's worker — then
re-reads. Double-click (or Enter) on a deadline opens its case
through :attr:`DeadlinesView.caseActivated`.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from caseorg.court import reminder_line
from caseorg.court.deadline_board import DeadlineBoard, DeadlineItem, deadline_board
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.records import Judge, list_judges
from caseorg.words import choice_text, due_words, us_date
from caseorg_ui.docks import judge_label
from caseorg_ui.operations import Change, LibraryOp, Reader, Runner, inline_reader
from caseorg_ui.qt import (
    QAbstractItemView,
    QBrush,
    QCheckBox,
    QColor,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPushButton,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import GroupedTreeModel, bold_font, monospace_font

COLUMNS = ("Due", "When", "A-number", "Respondent", "Kind", "Note", "Judge")
DUE, WHEN, A_NUMBER, RESPONDENT, KIND, NOTE, JUDGE = range(len(COLUMNS))

GROUP_TITLES = {
    "overdue": "Overdue",
    "this_week": "Due this week",
    "later": "Later",
    "done": "Done",
}
OVERDUE_BACKGROUND = QColor("#fde8e8")
OVERDUE_TEXT = QColor("#a0241b")
WEEK_BACKGROUND = QColor("#fff1cc")
WEEK_TEXT = QColor("#7a4a00")
DONE_TEXT = QColor("#6b6b6b")

DeadlineIdRole = Qt.ItemDataRole.UserRole + 1
CaseIdRole = Qt.ItemDataRole.UserRole + 2
GroupRole = Qt.ItemDataRole.UserRole + 3


def when_text(item: DeadlineItem) -> str:
    """'overdue by 4 days', 'due today', 'in 3 days', 'done 11/02/2026'."""
    if item.group == "done":
        return f"done {us_date(item.done_on)}" if item.done_on else "done"
    return due_words(item.days)


def reminder_text(board: DeadlineBoard) -> str | None:
    """'2 deadlines overdue, 3 due this week' for a board (None when nothing is pressing)."""
    return reminder_line(len(board.overdue), len(board.this_week))


def _sort_key(item: DeadlineItem, column: int) -> tuple[Any, ...]:
    text: dict[int, str] = {
        A_NUMBER: item.a_number,
        RESPONDENT: item.respondent.lower(),
        KIND: choice_text(item.kind).lower(),
        NOTE: (item.note or "").lower(),
        JUDGE: (item.judge_name or item.judge_code or "").lower(),
    }
    if column in text:
        return (text[column], item.due_on, item.id)
    return (item.due_on, item.a_number, item.id)


# -- the model -----------------------------------------------------------------------------


class DeadlinesModel(GroupedTreeModel):
    """Groups (top level: name and its deadlines) with their deadlines as children."""

    columns = COLUMNS

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.groups: list[tuple[str, list[DeadlineItem]]] = []
        self.sort_column = DUE
        self.sort_order = Qt.SortOrder.AscendingOrder

    def children_of(self, group: tuple[str, list[DeadlineItem]]) -> list[DeadlineItem]:
        return group[1]

    def set_board(self, board: DeadlineBoard, show_done: bool) -> None:
        with self.resetting():
            names = ["overdue", "this_week", "later"] + (["done"] if show_done else [])
            self.groups = [(name, list(getattr(board, name))) for name in names]
            self._sort_rows()

    def _sort_rows(self) -> None:
        reverse = self.sort_order == Qt.SortOrder.DescendingOrder
        for name, items in self.groups:
            items.sort(key=lambda item: _sort_key(item, self.sort_column), reverse=reverse)
            if name == "done" and self.sort_column in (DUE, WHEN):
                items.reverse()  # newest done first, as the core lists them

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the deadlines inside each group (the groups keep their order)."""
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column, self.sort_order = column, order
        self.reorder_children(self._sort_rows, key=lambda item: item.id)

    def item_at(self, index: QModelIndex | QPersistentModelIndex) -> DeadlineItem | None:
        return self.child_at(index)

    def items(self, group: str | None = None) -> list[DeadlineItem]:
        return [i for name, items in self.groups if group in (None, name) for i in items]

    def group_row(self, name: str) -> int | None:
        for row, (group, _items) in enumerate(self.groups):
            if group == name:
                return row
        return None

    def find(self, deadline_id: int) -> QModelIndex:
        return self.find_child(lambda item: item.id == deadline_id)

    # -- data ------------------------------------------------------------------------
    def group_data(self, group: tuple[str, list[DeadlineItem]], column: int, role: int) -> Any:
        name, count = group[0], len(group[1])
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{GROUP_TITLES[name]} ({count})"
        if role == GroupRole:
            return name
        if role == Qt.ItemDataRole.FontRole:
            return bold_font()
        if role == Qt.ItemDataRole.ForegroundRole:
            if name == "overdue" and count:
                return QBrush(OVERDUE_TEXT)
            if name == "this_week" and count:
                return QBrush(WEEK_TEXT)
            if name == "done":
                return QBrush(DONE_TEXT)
        return None

    def _cell(self, item: DeadlineItem, column: int) -> str:
        if column == DUE:
            return us_date(item.due_on)
        if column == WHEN:
            return when_text(item)
        if column == A_NUMBER:
            return item.a_number_display
        if column == RESPONDENT:
            return item.respondent
        if column == KIND:
            return choice_text(item.kind)
        if column == NOTE:
            return item.note or ""
        if column == JUDGE:
            if not item.judge_code and not item.judge_name:
                return "\N{EM DASH}"
            return judge_label(item.judge_name, item.judge_code)
        return ""

    def child_data(self, group: Any, item: DeadlineItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(item, column)
        if role == DeadlineIdRole:
            return item.id
        if role == CaseIdRole:
            return item.case_id
        if role == GroupRole:
            return item.group
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{choice_text(item.kind)} due {us_date(item.due_on)} ({when_text(item)})"]
            if item.note:
                lines.append(item.note)
            if item.document_title:
                lines.append(f"Document: {item.document_title}")
            lines.append("Double-click to open the case")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.group == "overdue":
                return QBrush(OVERDUE_BACKGROUND)
            if item.group == "this_week":
                return QBrush(WEEK_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.group == "overdue":
                return QBrush(OVERDUE_TEXT)
            if item.group == "this_week":
                return QBrush(WEEK_TEXT)
            if item.group == "done":
                return QBrush(DONE_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == A_NUMBER:
            return monospace_font()
        return None


# -- the view ------------------------------------------------------------------------------


class DeadlinesView(QWidget):
    """Judge filter, Show done, the grouped deadlines, Mark done… and Open case."""

    caseActivated = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        read_lib: Library,
        parent: QWidget | None = None,
        runner: Runner | None = None,
        today: dt.date | None = None,
        reader: Reader | None = None,
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.reader = reader or inline_reader(read_lib)  # a window's: off the UI thread
        self.runner = runner
        self.today = today  # None: the real today on each refresh
        self.board: DeadlineBoard | None = None
        self.dialog: Any = None

        self.judge_filter = QComboBox()
        self.judge_filter.setToolTip("Only the deadlines of this judge's cases")
        self.show_done = QCheckBox("Show done")
        self.show_done.setToolTip("Also list deadlines already marked done (newest first)")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.mark_button = QPushButton("Mark done…")
        self.mark_button.setToolTip("Record the day the selected deadline was met")
        self.open_button = QPushButton("Open case")
        self.open_button.setToolTip("Show the selected deadline's case in the main window")

        self.model = DeadlinesModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setAccessibleName("Deadlines")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (DUE, 124),
            (WHEN, 124),
            (A_NUMBER, 118),
            (RESPONDENT, 210),
            (KIND, 100),
            (JUDGE, 190),
        ):
            header.resizeSection(column, width)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(QLabel("Judge"))
        top.addWidget(self.judge_filter)
        top.addWidget(self.show_done)
        top.addStretch(1)
        top.addWidget(self.mark_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

        self._load_judges()
        self.judge_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_done.toggled.connect(lambda _on: self.refresh())
        self.mark_button.clicked.connect(self.mark_done)
        self.open_button.clicked.connect(self.open_case)
        self.tree.activated.connect(self._activate)  # double-click or Enter
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # -- public ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the deadlines (after a write), keeping the selection."""
        today, judge, done = self.today, self.judge_code(), self.show_done.isChecked()
        self.reader.read(
            "deadlines",
            lambda lib: deadline_board(lib, today=today, judge_code=judge, include_done=done),
            self._fill,
            lambda line: self.summary.setText(
                f"<span style='color:#a0241b'>{html.escape(line)}</span>"
            ),
        )

    def _fill(self, board: DeadlineBoard) -> None:
        """Show the board read (the old one stays until then), keeping the selection."""
        keep = self.current_deadline_id()
        self.board = board
        self.model.set_board(board, self.show_done.isChecked())
        for row, (name, _items) in enumerate(self.model.groups):
            index = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.setExpanded(index, name != "later" or len(board.later) <= 50)
        self._show_summary(board)
        if keep is not None:
            self.select_deadline(keep)
        self._update_buttons()

    def judge_code(self) -> str | None:
        data = self.judge_filter.currentData()
        return str(data) if data else None

    def set_judge(self, code: str | None) -> None:
        index = self.judge_filter.findData(code) if code else 0
        self.judge_filter.setCurrentIndex(max(0, index))

    def current_item(self) -> DeadlineItem | None:
        return self.model.item_at(self.tree.currentIndex())

    def current_deadline_id(self) -> int | None:
        item = self.current_item()
        return item.id if item else None

    def select_deadline(self, deadline_id: int) -> bool:
        index = self.model.find(deadline_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def mark_done(self) -> Any:
        """Open the Mark done dialog for the selected deadline (returns the dialog)."""
        item = self.current_item()
        if item is None or self.runner is None:
            return None
        from caseorg_ui.dialogs import MarkDoneDialog

        try:
            dialog = MarkDoneDialog(self.read_lib, self, deadline_id=item.id)
        except CaseorgError as exc:
            self.summary.setText(f"<span style='color:#a0241b'>{exc}</span>")
            return None
        runner = self.runner

        def accepted() -> None:
            task = LibraryOp(self, dialog.save_operation(), Change.DEADLINES)
            task.with_progress("Mark done").says("Mark done: done")
            task.success(lambda _deadline: self.refresh()).run_in_background(runner)

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_case(self) -> None:
        item = self.current_item()
        if item is not None:
            self.caseActivated.emit(item.case_id)

    # -- internals -----------------------------------------------------------------------
    def _load_judges(self) -> None:
        """Read the judges for the filter (through the reader: off the UI thread on a
        court library)."""
        self.judge_filter.blockSignals(True)
        self.judge_filter.clear()
        self.judge_filter.addItem("All judges", None)
        self.judge_filter.blockSignals(False)
        self.reader.read("deadline-judges", list_judges, self._fill_judges)

    def _fill_judges(self, judges: list[Judge]) -> None:
        current = self.judge_filter.currentData()
        self.judge_filter.blockSignals(True)
        for judge in judges:
            self.judge_filter.addItem(judge_label(judge.name, judge.code), judge.code)
        self.judge_filter.setCurrentIndex(max(0, self.judge_filter.findData(current)))
        self.judge_filter.blockSignals(False)

    def _show_summary(self, board: DeadlineBoard) -> None:
        parts = []
        if board.overdue:
            parts.append(f"<b style='color:#a0241b'>{len(board.overdue)} overdue</b>")
        if board.this_week:
            parts.append(f"<b style='color:#7a4a00'>{len(board.this_week)} due this week</b>")
        parts.append(f"{len(board.later)} later")
        if self.show_done.isChecked():
            parts.append(f"{len(board.done)} done")
        day = dt.date.fromisoformat(board.today)
        self.summary.setText(" &nbsp;·&nbsp; ".join(parts) + f" &nbsp; (as of {us_date(day)})")

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.mark_button.setEnabled(item is not None and self.runner is not None)
        self.open_button.setEnabled(item is not None)
        if self.runner is None:
            self.mark_button.setToolTip("This window cannot write to the library")
        elif item is not None and item.done_on:
            self.mark_button.setText("Change done…")
        else:
            self.mark_button.setText("Mark done…")

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            self.caseActivated.emit(item.case_id)
        elif index.isValid():
            group = self.model.index(index.row(), 0)
            self.tree.setExpanded(group, not self.tree.isExpanded(group))

    def _context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if self.model.item_at(index) is None:
            return
        self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        done = menu.addAction(self.mark_button.text())
        done.setEnabled(self.runner is not None)
        done.triggered.connect(self.mark_done)
        menu.addAction("Open case").triggered.connect(self.open_case)
        menu.exec(self.tree.viewport().mapToGlobal(point))
