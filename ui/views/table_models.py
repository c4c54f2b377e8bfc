"""A small base for read-only table models over a flat list of row objects.

Several views (Check Notices, the reassignment report, …) show a list of dataclass
rows under fixed column titles. Their row/column counts, horizontal headers, flags
and bounds-checked row lookup were the same code copied per model; it lives here
once, so a subclass only says how a row shows (its ``data()``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from caseorg_ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    """A flat, read-only table: one row object per row, one title per column."""

    def __init__(self, titles: Sequence[str], parent: QObject | None = None):
        super().__init__(parent)
        self.titles: tuple[str, ...] = tuple(titles)
        self.rows: list[R] = []

    def set_rows(self, rows: Iterable[R]) -> None:
        """Replace every row (a model reset, so views drop stale selections)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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
