"""The window on small screens and the rough edges a first walk-through found: geometry
kept inside the screen, a case list that fits its width, commands enabled by a click,
and feedback after a write or an export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg_ui import preferences as settings
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QDialog, QFileDialog, QGuiApplication, QRect, Qt
from caseorg_ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    path = tmp_path / "library"
    with open_library(path) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez", court="Harbor City")
        ana = add_case(lib, "A-123-456-789", "Ana Lopez Garcia", judge_code="JRM")
        add_case(lib, "A-987-654-321", "Bo Chen", judge_code="JRM")
        add_hearing(lib, ana.id, "2030-03-04 09:00", courtroom="Courtroom 2")
        brief = make_pdf(tmp_path / "Brief.pdf", ["Removal would cause extreme hardship."])
        import_files(lib, ana.id, [brief])
    return path


@pytest.fixture
def window(qtbot: Any, lib_path: Path) -> Iterator[MainWindow]:
    opened = MainWindow(Session(lib_path), restore=False)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.close()


def inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def available() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def select(qtbot: Any, window: MainWindow, row: int) -> None:
    """Click a case in the list, as a user does."""
    view = window.case_list
    rect = view.visualRect(window.case_model.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_saved_geometry_bigger_than_the_screen_is_brought_back_inside(
    qtbot: Any, lib_path: Path
) -> None:
    """A layout saved on a big monitor, opened on a laptop screen."""
    first = MainWindow(Session(lib_path), restore=False)
    qtbot.addWidget(first)
    first.resize(available().width() + 900, available().height() + 700)
    first.move(available().right() + 500, available().bottom() + 300)
    first.close()  # saves the geometry
    assert settings.settings().value("window/geometry") is not None

    again = MainWindow(Session(lib_path))
    qtbot.addWidget(again)
    try:
        assert inside(again.frameGeometry(), available())
        again.show()
        qtbot.waitExposed(again)
        qtbot.waitUntil(lambda: inside(again.frameGeometry(), available()))
    finally:
        again.close()


def test_first_start_fits_and_centres_the_window(window: MainWindow) -> None:
    frame = window.frameGeometry()
    assert inside(frame, available())
    assert frame.width() < available().width() and frame.height() < available().height()


SMALL_SCREEN_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from caseorg_ui.window.main_window import MainWindow
from caseorg_ui.operations.runner import Session
window = MainWindow(Session(Path(sys.argv[1])), restore=False)
window.show()
window.show_case(1)
window.show_search()
window.show_docket()
features = getattr(window, "court_features", None)
extra = [] if features is None else [features.deadlines_dock, features.notes_dock]
for dock in extra:
    dock.show()
for _ in range(40):
    app.processEvents()
frame, screen = window.frameGeometry(), window.screen().availableGeometry()
dashboard = None if features is None else features.show_dashboard()
print(json.dumps({
    "dashboard": None if dashboard is None else [dashboard.width(), dashboard.height()],
    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
    "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
    "case_view": window.case_view.width(),
    "list_columns": window.case_list.shown_columns(),
    "docks": [d.objectName() for d in [window.search_dock, window.docket_dock, *extra]
              if d is not None and not d.isHidden()],
}))
window.close()
"""


@pytest.mark.parametrize("size", [(1366, 768), (1440, 900)])
def test_every_dock_open_on_a_laptop_screen_stays_on_the_screen(
    lib_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The case list no longer keeps 400 px nor the docket 630: with Search, Docket,
    Deadlines and Notes open the window still fits, and the case view keeps room."""
    width, height = size
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    script = tmp_path / "small.py"
    script.write_text(SMALL_SCREEN_SCRIPT)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, str(script), str(lib_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["screen"] == [0, 0, width, height]
    x, y, w, h = shown["frame"]
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, shown
    assert {"search_dock", "docket_dock"} <= set(shown["docks"])
    assert shown["case_view"] >= 340
    assert shown["list_columns"][:2] == ["a_number", "respondent"]
    dash_w, dash_h = shown["dashboard"]  # the dashboard window is sized to the screen too
    assert dash_w <= width and dash_h <= height


def test_case_list_hides_the_columns_that_do_not_fit(window: MainWindow) -> None:
    window.splitter.setSizes([300, 900])
    window.case_list.fit_columns()
    window.case_list.resize(280, 400)
    assert window.case_list.shown_columns() == ["a_number", "respondent"]
    window.case_list.resize(720, 400)
    assert window.case_list.shown_columns() == [
        "a_number",
        "respondent",
        "judge",
        "next_hearing",
        "status",
    ]
    window.case_list.resize(380, 400)  # the judge still fits, the rest waits
    assert window.case_list.shown_columns() == ["a_number", "respondent", "judge"]


def test_clicking_a_case_enables_its_commands(qtbot: Any, window: MainWindow) -> None:
    """A click moves the current row before it selects it: the commands that need a
    selected case were left disabled."""
    acts = window.actions_by_name
    assert not acts["add_hearing"].isEnabled()
    select(qtbot, window, 0)
    assert window.current_case_id() is not None
    for name in ("edit_case", "add_hearing", "reassign", "add_deadline", "import"):
        assert acts[name].isEnabled(), name


def test_demo_button_asks_for_the_demo_not_a_path(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QPushButton.clicked passes checked=False, which landed in open_demo(path)."""
    empty = MainWindow(Session(tmp_path / "empty"), restore=False)
    qtbot.addWidget(empty)
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(empty, "open_demo", lambda *args: calls.append(args))
    empty.welcome.demo.click()
    empty.close()
    assert calls == [()]


def test_print_commands_say_what_they_print(qtbot: Any, window: MainWindow) -> None:
    acts = window.actions_by_name

    def texts() -> tuple[str, str]:
        return acts["print"].text().replace("&", ""), acts["export_pdf"].text().replace("&", "")

    assert texts() == ("Print Today's Docket…", "Export Today's Docket as PDF…")
    select(qtbot, window, 0)
    window.case_view.show_tab("hearings")
    window.case_view.select_row("hearings", 0)
    assert texts() == ("Print Hearing Summary…", "Export Hearing Summary as PDF…")
    window.case_view.show_tab("documents")
    window.show_docket()
    qtbot.waitUntil(lambda: texts()[0] == "Print Docket…")


def test_scheduling_a_hearing_shows_it_selected_and_says_so(qtbot: Any, window: MainWindow) -> None:
    select(qtbot, window, 0)
    before = window.case_view.models["hearings"].rowCount()
    dialog = window.add_hearing()
    assert isinstance(dialog, QDialog)
    dialog.accept()
    qtbot.waitUntil(lambda: window.case_view.models["hearings"].rowCount() == before + 1)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Hearing scheduled")
    assert window.case_view.current_tab() == "hearings"
    chosen = window.case_view.selected("hearings")
    assert chosen is not None
    newest = max(r.hearing.id for r in window.case_view.models["hearings"].records)
    assert chosen.hearing.id == newest
    assert window.actions_by_name["add_notice"].isEnabled()  # ready for its notice


def test_export_names_the_file_it_wrote(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF files (*.pdf)")
    )
    select(qtbot, window, 0)
    window.case_view.show_tab("hearings")
    window.case_view.select_row("hearings", 0)
    window.export_current()
    assert target.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"Saved the hearing summary to {target}"


def test_document_viewer_opens_inside_the_screen(qtbot: Any, window: MainWindow) -> None:
    pytest.importorskip("caseorg_ui.views.pdf_viewer")
    select(qtbot, window, 0)
    window.case_view.select_row("documents", 0)
    window.open_selected_document()
    viewer = window.pdf_window
    assert viewer is not None
    qtbot.addWidget(viewer)
    qtbot.waitExposed(viewer)
    qtbot.waitUntil(lambda: inside(viewer.frameGeometry(), available()))
    viewer.close()
