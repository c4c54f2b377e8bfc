"""The case view's tables: a column spec (:class:`Col`), a read-only model over a list of
records (:class:`RecordModel`), and how each tab's columns open, narrow and sort."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from caseorg_ui.qt import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from caseorg_ui.views.table_models import SORT_ROLE, RowsModel

# -- a small model for a list of records ---------------------------------------------------


# a narrow case view (a dock open beside it) hides these columns first, least needed
# first, so the ones that matter (a hearing's outcome and notice warning) stay in view
DROP_FIRST = {
    "documents": ("File", "Filed by", "Pages"),
    "hearings": ("Interpreter", "Medium", "Room", "Judge"),
    "reassignments": ("Recorded", "Corrects", "Midstream", "Ordered by"),
    "deadlines": ("Note",),
    "history": ("Who",),
}
COLUMN_WIDTHS = {  # each column's opening width (pixels); the others 96
    "Title": 230,
    "Type": 112,
    "Filed": 88,
    "Pages": 52,
    "Text": 104,
    "File": 150,
    "When": 150,
    "Kind": 80,
    "Judge": 112,
    "Room": 60,
    "Medium": 72,
    "Outcome": 136,
    "Notice": 130,
    "From": 130,
    "To": 130,
    "Reason": 160,
    "Changes": 300,
}

# how a table is ordered before the user clicks a header: documents as they were filed
DEFAULT_SORT = {"documents": ("Filed", Qt.SortOrder.AscendingOrder)}


@dataclass
class Col:
    """One column: its title and how a record shows in it."""

    title: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str | None] | None = None
    icon: Callable[[Any], QIcon | None] | None = None
    color: Callable[[Any], QColor | None] | None = None
    key: Callable[[Any], Any] | None = None  # what it sorts by, when not its text
    italic: Callable[[Any], bool] | None = None  # e.g. a guess, not yet confirmed


class RecordModel(RowsModel[Any]):
    """A read-only table over a list of records (dataclasses) and a column spec."""

    def __init__(self, columns: Sequence[Col], parent: QObject | None = None):
        super().__init__([col.title for col in columns], parent)
        self.columns = list(columns)

    @property
    def records(self) -> list[Any]:
        return self.rows

    def set_records(self, records: Sequence[Any]) -> None:
        self.set_rows(records)

    def record(self, row: int) -> Any:
        return self.row_at(row)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        record = self.record(index.row())
        if record is None:
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(record)
        if role == SORT_ROLE:
            return col.key(record) if col.key else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(record) if col.tooltip else col.text(record)
        if role == Qt.ItemDataRole.DecorationRole and col.icon:
            return col.icon(record)
        if role == Qt.ItemDataRole.ForegroundRole and col.color:
            color = col.color(record)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and col.italic and col.italic(record):
            font = QFont()
            font.setItalic(True)
            return font
        return None
