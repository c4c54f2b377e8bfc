"""One tree-model base for every grouped pane: groups as top-level rows, items under them.

The docket (hearings by judge), the deadlines (by how pressing) and the search
results (matching pages by document) are all two levels deep with fixed columns.
:class:`GroupedTreeModel` answers what Qt asks of such a tree (index, parent, row
counts, flags, header) with one internal-id scheme — a child's internal id is its
group's row + 1, a group's is 0 — so each pane writes only what is its own: its
columns, how it groups, and the text and look of each row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from caseorg_ui.qt import (
    QAbstractItemModel,
    QColor,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_ROOT = QModelIndex()  # the invisible root: the default parent of model calls
DisplayRole = Qt.ItemDataRole.DisplayRole


class GroupedTreeModel(QAbstractItemModel):
    """Groups (top level, ``self.groups``) with their children; see the module docstring.

    A subclass sets :attr:`columns`, says which items sit under a group
    (:meth:`children_of`) and what each row shows (:meth:`group_data`,
    :meth:`child_data`); it fills ``self.groups`` inside :meth:`resetting`.
    """

    columns: tuple[str, ...] = ("",)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.groups: list[Any] = []

    # -- what a pane writes ------------------------------------------------------------
    def children_of(self, group: Any) -> Sequence[Any]:
        """The items shown under ``group``, in order."""
        raise NotImplementedError

    def group_data(self, group: Any, column: int, role: int) -> Any:
        """What a group row shows in ``column`` for ``role`` (None: nothing)."""
        return None

    def child_data(self, group: Any, child: Any, column: int, role: int) -> Any:
        """What an item row shows in ``column`` for ``role`` (None: nothing)."""
        return None

    # -- filling and finding -------------------------------------------------------------
    @contextmanager
    def resetting(self) -> Iterator[None]:
        """Wrap a change of the groups (and whatever the rows are drawn from)."""
        self.beginResetModel()
        try:
            yield
        finally:
            self.endResetModel()

    def set_groups(self, groups: Sequence[Any]) -> None:
        with self.resetting():
            self.groups = list(groups)

    def _children(self, row: int) -> Sequence[Any]:
        return self.children_of(self.groups[row]) if 0 <= row < len(self.groups) else ()

    def group_at(self, index: QModelIndex | QPersistentModelIndex) -> Any | None:
        """The group of a group row, or the group an item row belongs to."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.groups[row] if row < len(self.groups) else None

    def child_at(self, index: QModelIndex | QPersistentModelIndex) -> Any | None:
        """The item of an item row (None for a group row or an invalid index)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        children = self._children(index.internalId() - 1)
        return children[index.row()] if index.row() < len(children) else None

    def all_children(self) -> Iterator[Any]:
        """Every item, group by group."""
        for group in self.groups:
            yield from self.children_of(group)

    def find_child(self, test: Callable[[Any], bool], column: int = 0) -> QModelIndex:
        """The first item row whose item passes ``test`` (invalid when none does)."""
        for row, group in enumerate(self.groups):
            for child_row, child in enumerate(self.children_of(group)):
                if test(child):
                    return self.createIndex(child_row, column, row + 1)
        return QModelIndex()

    def reorder_children(self, reorder: Callable[[], None], key: Callable[[Any], Hashable]) -> None:
        """Run ``reorder`` (which moves items inside their groups) as a layout change:
        persistent indexes (the selection, the current row) follow their items,
        which ``key`` tells apart."""
        self.layoutAboutToBeChanged.emit()
        moved = []
        for index in self.persistentIndexList():
            child = self.child_at(index)
            if child is not None:
                moved.append((index, index.internalId(), key(child), index.column()))
        reorder()
        for index, internal, wanted, column in moved:
            keys = [key(child) for child in self._children(internal - 1)]
            self.changePersistentIndex(
                index, self.createIndex(keys.index(wanted), column, internal)
            )
        self.layoutChanged.emit()

    # -- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Any = _ROOT) -> QModelIndex:
        if row < 0 or not 0 <= column < len(self.columns):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._children(parent.row())):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Any = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Any = _ROOT) -> int:  # noqa: N802 (Qt name)
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._children(parent.row()))

    def columnCount(self, parent: Any = _ROOT) -> int:  # noqa: N802 (Qt name)
        return len(self.columns)

    def hasChildren(self, parent: Any = _ROOT) -> bool:  # noqa: N802 (Qt name)
        return self.rowCount(parent) > 0

    def flags(self, index: Any) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == DisplayRole
        if horizontal and 0 <= section < len(self.columns) and self.columns[section]:
            return self.columns[section]
        return None

    def data(self, index: Any, role: int = DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self.groups):
                return None
            return self.group_data(self.groups[index.row()], index.column(), role)
        child = self.child_at(index)
        if child is None:
            return None
        return self.child_data(self.group_at(index), child, index.column(), role)


# -- what grouped rows look like --------------------------------------------------------


def bold_font() -> QFont:
    """A group row's heading."""
    font = QFont()
    font.setBold(True)
    return font


def monospace_font() -> QFont:
    """A-numbers: digits line up down a column."""
    font = QFont()
    font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def blend(base: QColor, tint: QColor, share: float) -> QColor:
    """``base`` with ``share`` (0..1) of ``tint`` mixed in: a colour that reads in any
    theme because it is made from the theme's own."""
    return QColor(
        round(base.red() * (1 - share) + tint.red() * share),
        round(base.green() * (1 - share) + tint.green() * share),
        round(base.blue() * (1 - share) + tint.blue() * share),
    )
