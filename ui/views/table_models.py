"""A small base for read-only table models over a flat list of row objects.

Several views (Check Notices, the reassignment report, …) show a list of dataclass
rows under fixed column titles. Their row/column counts, horizontal headers, flags
and bounds-checked row lookup were the same code copied per model; it lives here
once, so a subclass only says how a row shows (its ``data()``).

Every such table sorts by any column (click its header): by the column's
:data:`SORT_ROLE` value when the model gives one (a date as ISO text, a count as a
number), else by the text shown, case-insensitively; empty cells go last either way.
The sort is kept when the rows are replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from caseorg_ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QResizeEvent,
    Qt,
    QTableView,
)

R = TypeVar("R")

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 7  # what a column sorts by, when not its text
_EMPTY = ("", "\u2014", None)  # blank or a dash: sorts after every value


def sort_key(value: Any) -> tuple[int, Any]:
    """Numbers by value, text without case; (kinds never compared with each other)."""
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value).casefold())


class RowsModel(QAbstractTableModel, Generic[R]):
    """A flat, read-only table: one row object per row, one title per column."""

    def __init__(self, titles: Sequence[str], parent: QObject | None = None):
        super().__init__(parent)
        self.titles: tuple[str, ...] = tuple(titles)
        self.rows: list[R] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Iterable[R]) -> None:
        """Replace every row (a model reset, so views drop stale selections), in the
        order the table is sorted by, if it is."""
        self.beginResetModel()
        self.rows = list(rows)
        if self.sorted_by is not None:
            self.rows = self._sorted(*self.sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (a header click); selections follow their rows."""
        if not 0 <= column < len(self.titles):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self.rows)
        self.rows = self._sorted(column, order)
        self.sorted_by = (column, order)
        where = {id(row): number for number, row in enumerate(self.rows)}
        old = self.persistentIndexList()
        new = [self.index(where[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[R]:
        values = []
        for number in range(len(self.rows)):
            index = self.index(number, column)
            value = self.data(index, SORT_ROLE)
            if value is None:
                value = self.data(index, Qt.ItemDataRole.DisplayRole)
            values.append(value)
        filled = [n for n, v in enumerate(values) if v not in _EMPTY]
        empty = [n for n, v in enumerate(values) if v in _EMPTY]
        descending = order == Qt.SortOrder.DescendingOrder
        filled.sort(key=lambda n: sort_key(values[n]), reverse=descending)  # stable
        return [self.rows[n] for n in filled + empty]

    def row_at(self, row: int) -> R | None:
        """The row object at ``row``, or None when out of range."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.titles)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def sortable(table: QTableView) -> None:
    """Let ``table`` sort by a click on any header, keeping the rows' own order until then."""
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)


def columns_that_fit(widths: Sequence[int], drop_order: Sequence[int], room: int) -> set[int]:
    """The columns to hide so the rest fit in ``room`` pixels: ``drop_order`` lists the
    droppable columns, least needed first; the others always show."""
    needed = sum(widths)
    hidden: set[int] = set()
    for column in drop_order:
        if needed <= room:
            break
        hidden.add(column)
        needed -= widths[column]
    return hidden


class FittedTable(QTableView):
    """A table that never scrolls sideways at its usual widths: columns that do not fit
    are hidden, the least needed first (what matters most — a hearing's outcome and its
    notice warning — stays in view), and come back when there is room."""

    def __init__(self, widths: Sequence[int], drop_order: Sequence[int]):
        super().__init__()
        self.widths = list(widths)
        self.drop_order = list(drop_order)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        room = self.maximumViewportSize().width()  # (PySide6's first viewport() is slow)
        bar = self.verticalScrollBar()
        if bar.isVisible():
            room -= bar.width()
        hidden = columns_that_fit(self.widths, self.drop_order, room)
        for column in range(len(self.widths)):
            if self.isColumnHidden(column) != (column in hidden):
                self.setColumnHidden(column, column in hidden)
