"""The grouped-tree base: structure for every grouped pane, checked by Qt's model tester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from caseorg_ui.views.grouped_tree import GroupedTreeModel, blend, bold_font, monospace_font


class Fruit(GroupedTreeModel):
    """Fruit by colour: two columns, the colour's name on its group row."""

    columns = ("Name", "Letters")

    def children_of(self, group: tuple[str, list[str]]) -> list[str]:
        return group[1]

    def group_data(self, group: tuple[str, list[str]], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{group[0]} ({len(group[1])})"
        return None

    def child_data(self, group: Any, child: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return child if column == 0 else str(len(child))
        return None


GROUPS = [("red", ["cherry", "apple"]), ("yellow", ["banana"]), ("blue", [])]


def test_groups_and_children_pass_the_model_tester(qtmodeltester: Any) -> None:
    model = Fruit()
    qtmodeltester.check(model)  # empty
    model.set_groups(GROUPS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 2
    red = model.index(0, 0)
    assert red.data() == "red (2)" and model.rowCount(red) == 2
    assert model.index(1, 1, red).data() == "5"
    assert model.parent(model.index(1, 1, red)) == red
    assert model.rowCount(model.index(0, 1)) == 0  # only column 0 has children
    assert not model.hasChildren(model.index(2, 0))  # an empty group
    assert not model.index(2, 0, red).isValid() and not model.index(0, 2).isValid()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Letters"
    assert model.headerData(1, Qt.Orientation.Vertical) is None


def test_finding_items_and_their_groups() -> None:
    model = Fruit()
    model.set_groups(GROUPS)
    red = model.index(0, 0)
    apple = model.index(1, 0, red)
    assert model.child_at(apple) == "apple" and model.child_at(red) is None
    assert model.group_at(apple) == GROUPS[0] and model.group_at(red) == GROUPS[0]
    assert model.child_at(QModelIndex()) is None and model.group_at(QModelIndex()) is None
    assert list(model.all_children()) == ["cherry", "apple", "banana"]
    banana = model.find_child(lambda name: name.startswith("b"), column=1)
    assert banana.row() == 0 and banana.column() == 1 and banana.parent().row() == 1
    assert not model.find_child(lambda name: name == "kiwi").isValid()


def test_reordering_children_keeps_persistent_indexes_on_their_items() -> None:
    model = Fruit()
    model.set_groups([("red", ["cherry", "apple", "raspberry"])])
    red = model.index(0, 0)
    held = QPersistentModelIndex(model.index(0, 1, red))  # cherry, second column
    group = QPersistentModelIndex(red)

    def alphabetical() -> None:
        model.groups[0][1].sort()

    model.reorder_children(alphabetical, key=lambda name: name)
    assert [model.index(r, 0, red).data() for r in range(3)] == ["apple", "cherry", "raspberry"]
    assert held.row() == 1 and held.column() == 1 and held.data() == "6"
    assert group.row() == 0 and group.isValid()


def test_shared_looks() -> None:
    assert bold_font().bold()
    assert "monospace" in monospace_font().families()
    assert blend(QColor("#000000"), QColor("#ffffff"), 0.5).name() == "#808080"
    assert blend(QColor("#102030"), QColor("#ffffff"), 0).name() == "#102030"
