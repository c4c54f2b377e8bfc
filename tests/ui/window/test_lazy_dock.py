"""Docks and the case view are built when first needed, and then behave as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QLabel, QMainWindow, Qt
from caseorg_ui.window.lazy_dock import LazyDock
from caseorg_ui.window.main_window import MainWindow


def test_a_lazy_dock_builds_its_widget_once_when_first_shown(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    built: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("content"))
        return built[-1]

    dock = LazyDock("Panel", "panel_dock", build, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.show()
    assert dock.built() is None and built == []
    dock.show()
    assert len(built) == 1 and dock.widget() is built[0] and dock.built() is built[0]
    dock.hide()
    dock.show()
    assert dock.content() is built[0] and len(built) == 1


def test_the_window_builds_views_as_they_are_used(qtbot: Any, tmp_path: Path) -> None:
    with open_library(tmp_path / "library") as lib:
        add_case(lib, "A-123-456-789", "Ana Lopez")
    window = MainWindow(Session(tmp_path / "library"), restore=False)
    qtbot.addWidget(window)
    try:
        window.show()
        assert window._case_view is None  # nothing selected: the hint shows instead
        assert window.search_dock.built() is None and window.docket_dock.built() is None

        window.case_list.selectRow(0)
        assert window._case_view is not None
        assert window.case_area.currentWidget() is window.case_view
        assert window.case_view.case is not None and window.case_view.case.respondent == "Ana Lopez"
        assert window.actions_by_name["edit_case"].isEnabled()

        window.show_search()
        assert window.search_dock.isVisible() and window.search_dock.built() is window.search_pane
        # a write refreshes what was built, and builds nothing more
        window.refresh_changed(Change.everything())
        assert window.docket_dock.built() is None
    finally:
        window.close()
