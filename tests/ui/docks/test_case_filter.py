"""The search pane's case filter holds a judge's 20,000 cases (issue 15): filled in one
step, a case's row found without a Python call per row, and the list drops down rather
than measuring every label first; it still behaves as a combo box of items does."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from caseorg_ui.docks.case_filter import CaseFilterBox

CASES = [(f"A-{n:09d}  Respondent {n}", 1000 + n) for n in range(20_000)]


def test_twenty_thousand_cases_fill_find_and_drop_down(qtbot: Any) -> None:
    loads: list[int] = []
    box = CaseFilterBox(lambda: loads.append(1))
    qtbot.addWidget(box)
    box.set_cases(CASES)
    assert box.count() == 20_001
    assert (box.itemText(0), box.itemData(0)) == ("All cases", None)
    assert box.row_of(1000 + 15_000) == 15_001 == box.findData(1000 + 15_000)
    assert box.row_of(5) == -1 == box.findData(5)
    box.setCurrentIndex(box.row_of(1000 + 7))
    assert box.currentData() == 1007 and box.currentText() == "A-000000007  Respondent 7"

    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    assert box.style().styleHint(QStyle.StyleHint.SH_ComboBox_Popup, option, box) == 0
    box.show()
    box.showPopup()
    assert loads == [1]  # the list is read when it is about to be used
    assert box.view().isVisible()
    longest = box.fontMetrics().horizontalAdvance(CASES[-1][0])
    assert box.view().width() > longest  # the labels are whole
    box.hidePopup()


def test_items_added_and_cleared_as_in_any_combo_box(qtbot: Any) -> None:
    box = CaseFilterBox(lambda: None)
    qtbot.addWidget(box)
    box.set_cases(CASES[:3])
    box.addItem("case #5", 5)  # a case not in the library, as set_case_filter adds it
    assert box.count() == 5 and box.row_of(5) == 4 and box.itemData(4) == 5
    assert box.itemText(4) == "case #5"
    box.set_cases(CASES[:2])  # the cases changed: read again
    assert box.count() == 3 and box.row_of(5) == -1
    box.clear()
    assert box.count() == 0 and box.currentData() is None


def test_the_whole_list_can_be_scrolled_to_its_last_case(qtbot: Any) -> None:
    """The list is laid out a batch of rows at a time; once the event loop has run, the
    last case is there to scroll to and select."""
    box = CaseFilterBox(lambda: None)
    qtbot.addWidget(box)
    box.set_cases(CASES)
    box.show()
    box.showPopup()
    view = box.view()
    last = box.model().index(20_000, 0)
    qtbot.waitUntil(lambda: view.visualRect(last).height() > 0)
    view.scrollTo(last)
    assert view.verticalScrollBar().value() > 0
    assert view.visualRect(last).intersects(view.viewport().rect())
    box.hidePopup()
