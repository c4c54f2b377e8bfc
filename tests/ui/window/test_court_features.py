"""install_court_features on a real MainWindow: the Court menu, the docks, the reminder,
saved searches driving the search pane, settings and imports through the worker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from fixtures_court_ui import court_template_fixture  # noqa: F401

from caseorg.library.settings import COMPLETION_GOAL, NOTICE_MIN_DAYS, get_setting
from caseorg.records.cases import list_cases
from caseorg.records.saved_searches import list_saved_searches
from caseorg_ui.operations.runner import Session
from caseorg_ui.window.court_features import CourtFeatures, install_court_features, with_tag
from caseorg_ui.window.main_window import MainWindow


def open_window(path: Path, read_only: bool = False) -> MainWindow:
    window = MainWindow(Session(path, read_only=read_only), restore=False)
    installed = getattr(window, "court_features", None)  # the window installs them itself
    install_court_features(window)  # a second install adds nothing
    if installed is not None:
        assert window.court_features is installed  # type: ignore[attr-defined]
    window.resize(1400, 860)
    window.show()
    return window


@pytest.fixture
def window(qtbot: Any, court_template: Path, tmp_path: Path) -> Iterator[MainWindow]:
    target = tmp_path / "library"
    shutil.copytree(court_template, target)
    opened = open_window(target)
    yield opened
    opened.close()


def features(window: MainWindow) -> CourtFeatures:
    installed = window.court_features  # type: ignore[attr-defined]
    assert isinstance(installed, CourtFeatures)
    return installed


def wait_idle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.runner.idle, timeout=10000)


def test_menu_reminder_and_docks(qtbot: Any, window: MainWindow) -> None:
    court = features(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("C&ourt") == titles.index("&Help") - 1
    texts = [a.text() for a in court.menu.actions() if not a.isSeparator()]
    assert texts[:5] == [
        "&Deadlines",
        "Das&hboard",
        "&Reassignment Report…",
        "&Import EOIR Case Data…",
        "Check &Notices",
    ]
    assert texts[-1] == "&Settings…"
    # every deadline of the test court fell due in 2025: four are overdue today
    assert court.reminder.isVisibleTo(window)
    assert "4 deadlines overdue" in court.reminder.text()

    court.actions["deadlines"].trigger()
    assert court.deadlines_dock.isVisible()
    assert len(court.deadlines.model.items("overdue")) == 4
    carla = next(c.id for c in list_cases(window.read_lib) if c.respondent == "Carla Diaz")
    court.deadlines.caseActivated.emit(carla)
    assert window.current_case_id() == carla


def test_saved_search_drives_the_search_pane(qtbot: Any, window: MainWindow) -> None:
    court = features(window)
    pane = window.search_pane
    assert pane is not None
    court.saved.save_current("asylum persecution", {"type": "brief"}, name="Asylum briefs")
    wait_idle(qtbot, window)
    assert [s.name for s in list_saved_searches(window.read_lib)] == ["Asylum briefs"]
    assert court.saved.names() == ["Asylum briefs"]

    assert court.saved.activate("Asylum briefs")
    assert window.search_dock is not None and window.search_dock.isVisible()
    assert pane.search_box.text() == "asylum persecution"
    assert pane.type_filter.currentData() == "brief"
    assert pane.request().text == "asylum persecution"

    pane.search_box.setText("hardship")
    pane.type_filter.setCurrentIndex(0)
    assert court.current_search() == ("hardship", {"case": None, "type": None})

    # a tag filter saved from the command line is written into the query
    court.saved.save_current("hardship OR fear", {"tag": "urgent"}, name="Urgent")
    wait_idle(qtbot, window)
    assert court.saved.activate("Urgent")
    assert pane.search_box.text() == "(hardship OR fear) tag:urgent"


def test_with_tag_keeps_the_query_and_adds_the_tag_once() -> None:
    assert with_tag("asylum", None) == "asylum"
    assert with_tag("a OR b", "urgent") == "(a OR b) tag:urgent"
    assert with_tag("asylum tag:urgent", "urgent") == "asylum tag:urgent"
    assert with_tag("", "urgent") == "tag:urgent"


def test_settings_are_written_on_the_worker(qtbot: Any, window: MainWindow) -> None:
    court = features(window)
    dialog = court.show_settings()
    assert dialog is not None
    assert dialog.notice_days.value() == 10 and dialog.goal.value() == 700
    dialog.notice_days.setValue(14)
    dialog.goal.setValue(650)
    dialog.accept()
    wait_idle(qtbot, window)
    assert get_setting(window.read_lib, NOTICE_MIN_DAYS) == 14
    assert get_setting(window.read_lib, COMPLETION_GOAL) == 650


def test_choosing_the_fast_engine_rebuilds_the_index_on_the_worker(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    from caseorg.search import chosen_engine, folder_engine

    court = features(window)
    dialog = court.show_settings()
    assert dialog is not None
    assert dialog.engine.currentData() == "whoosh" and dialog.engine_choice() is None
    dialog.engine.setCurrentIndex(dialog.engine.findData("tantivy"))
    assert dialog.engine_choice() == "tantivy"
    dialog.grab().save(str(tmp_path / "settings.png"))
    dialog.accept()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: folder_engine(window.read_lib.index_dir) == "tantivy", timeout=20000)
    assert chosen_engine(window.read_lib) == "tantivy"


def test_views_open_and_close_with_the_window(qtbot: Any, window: MainWindow) -> None:
    court = features(window)
    notices = court.check_notices()
    assert notices.model.rowCount() == 1
    assert notices.model.flag_at(0).respondent == "Carla Diaz"  # type: ignore[union-attr]
    dashboard = court.show_dashboard()
    report = court.show_reassignment_report()
    assert dashboard.isVisible() and report.isVisible()
    assert dashboard.stats is not None and dashboard.stats.pending_total == 3
    window.close()
    assert not dashboard.isVisible() and not report.isVisible() and not notices.isVisible()


def test_notes_and_tags_follow_the_case(qtbot: Any, window: MainWindow) -> None:
    court = features(window)
    ana = next(c.id for c in list_cases(window.read_lib) if c.respondent == "Ana Lopez")
    court.actions["notes_tags"].trigger()
    assert court.notes_dock.isVisible()
    window.show_case(ana)
    assert court.notes_tags.case_tags.entity_id == ana
    assert window.case_view.case is not None and window.case_view.case.id == ana
    assert "Ana Lopez" in court.notes_tags.heading.text()
    court.notes_tags.case_tags.add("pro-se")
    wait_idle(qtbot, window)
    assert court.notes_tags.case_tags.tags == ["pro-se"]


def test_eoir_import_from_the_menu(qtbot: Any, window: MainWindow) -> None:
    court = features(window)
    folder = Path(str(resources.files("caseorg_resources").joinpath("samples/eoir")))
    run = court.import_eoir(folder)
    assert run is not None
    qtbot.waitUntil(lambda: run.done, timeout=10000)
    assert run.report is not None and run.report.counts["cases_created"] == 9
    assert window.case_model.total_cases() == 15  # the window's list was re-read
    assert run.dialog is not None
    run.dialog.close()


def test_read_only_window_offers_no_writes(
    qtbot: Any, court_template: Path, tmp_path: Path
) -> None:
    target = tmp_path / "library"
    shutil.copytree(court_template, target)
    window = open_window(target, read_only=True)
    try:
        court = features(window)
        assert not court.actions["import_eoir"].isEnabled()
        assert not court.actions["settings"].isEnabled()
        assert court.import_eoir(tmp_path) is None
        assert court.deadlines.runner is None and court.saved.runner is None
        assert not court.saved.save_button.isEnabled()
    finally:
        window.close()


def test_render(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    court = features(window)
    court.show_deadlines()
    court.saved_dock.show()
    court.notes_dock.show()
    assert window.grab().save(str(tmp_path / "window.png"))
