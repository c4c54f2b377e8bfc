"""The saved-searches sidebar: activation emits the query and filters; save, replace and
delete go through submit."""

from __future__ import annotations

from typing import Any

import pytest
from fixtures_court_ui import Court, court_fixture, court_template_fixture  # noqa: F401
from PySide6.QtCore import Qt

from caseorg.records.saved_searches import list_saved_searches, save_search
from caseorg_ui.docks.saved_searches_panel import (
    FiltersRole,
    QueryRole,
    SavedSearchesPanel,
    SaveSearchDialog,
    filters_text,
)
from caseorg_ui.docks.two_line_delegate import SecondaryRole


@pytest.fixture
def panel(qtbot: Any, court: Court) -> SavedSearchesPanel:
    save_search(court.writer, "Asylum briefs", "asylum persecution", {"type": "brief"})
    save_search(court.writer, "Ana's hardship", '"extreme hardship"', {"case": "100000001"})
    widget = SavedSearchesPanel(court.reader, court.runner)
    qtbot.addWidget(widget)
    widget.resize(280, 360)
    widget.show()
    return widget


def test_list_and_activation_emits_the_query(
    qtbot: Any, qtmodeltester: Any, panel: SavedSearchesPanel
) -> None:
    qtmodeltester.check(panel.model)
    assert panel.names() == ["Ana's hardship", "Asylum briefs"]  # by name
    first = panel.model.index(0, 0)
    assert first.data(QueryRole) == '"extreme hardship"'
    assert first.data(FiltersRole) == {"case": "100000001"}
    assert first.data(SecondaryRole) == '"extreme hardship" \N{MIDDLE DOT} case A-100-000-001'
    with qtbot.waitSignal(panel.searchRequested, timeout=2000) as signal:
        panel.list.activated.emit(panel.model.index(1, 0))
    assert signal.args == ["asylum persecution", {"type": "brief"}]
    with qtbot.waitSignal(panel.searchRequested, timeout=2000) as signal:
        assert panel.activate("ana's HARDSHIP")  # names match case-insensitively
    assert signal.args == ['"extreme hardship"', {"case": "100000001"}]
    assert not panel.activate("no such search")


def test_double_click_runs_a_search(qtbot: Any, panel: SavedSearchesPanel) -> None:
    asked: list[tuple[str, dict[str, Any]]] = []
    panel.searchRequested.connect(lambda query, filters: asked.append((query, filters)))
    where = panel.list.visualRect(panel.model.index(1, 0)).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked == [("asylum persecution", {"type": "brief"})]


def test_save_current_asks_a_name_and_writes(panel: SavedSearchesPanel, court: Court) -> None:
    dialog = panel.save_current("continue", {"type": "motion", "case": None, "tag": "Pro Se"})
    assert isinstance(dialog, SaveSearchDialog)
    assert dialog.message.text() == ""
    dialog.name.setText("  Motions   to continue ")
    dialog.accept()
    saved = {s.name: s for s in list_saved_searches(court.writer)}
    assert saved["Motions to continue"].query == "continue"
    assert saved["Motions to continue"].filters == {"type": "motion", "tag": "pro-se"}
    assert panel.names() == ["Ana's hardship", "Asylum briefs", "Motions to continue"]
    assert panel.list.currentIndex().row() == 2


def test_saving_under_a_known_name_replaces_it(panel: SavedSearchesPanel, court: Court) -> None:
    dialog = panel.save_current("asylum AND brief", {"type": "brief"})
    assert dialog is not None
    dialog.name.setText("asylum BRIEFS")
    assert "Replaces the saved search “Asylum briefs”" in dialog.message.text()
    dialog.accept()
    searches = list_saved_searches(court.writer)
    # the one search, renamed to the spelling typed last (as the core does)
    assert [(s.name, s.query) for s in searches if s.name.lower() == "asylum briefs"] == [
        ("asylum BRIEFS", "asylum AND brief")
    ]
    assert len(searches) == 2


def test_bad_input_is_a_message_not_a_write(panel: SavedSearchesPanel, court: Court) -> None:
    assert panel.save_current("   ", {}) is None
    assert panel.message.text() == "Type a search first, then save it."
    assert panel.save_current("asylum", {"case": "A-12"}) is None
    assert "A-number" in panel.message.text()
    assert court.submitted == []


def test_delete_and_the_read_only_panel(
    qtbot: Any, panel: SavedSearchesPanel, court: Court
) -> None:
    panel.delete("Asylum briefs")
    assert court.submitted == ["forget"]
    assert panel.names() == ["Ana's hardship"]
    assert [s.name for s in list_saved_searches(court.writer)] == ["Ana's hardship"]
    reader_only = SavedSearchesPanel(court.reader, None)
    qtbot.addWidget(reader_only)
    assert not reader_only.save_button.isEnabled()
    assert reader_only.save_current("asylum", {}, name="x") is None


def test_save_button_uses_the_current_search(panel: SavedSearchesPanel, court: Court) -> None:
    panel.save_button.click()
    assert panel.message.text() == "Open the search pane and search first."
    panel.current_search = lambda: ("hardship~", {"type": "evidence"})
    panel.save_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, SaveSearchDialog)
    dialog.name.setText("Hardship evidence")
    dialog.accept()
    assert "Hardship evidence" in panel.names()


def test_filters_in_words() -> None:
    assert filters_text({}) == ""
    assert filters_text({"case": "100000001", "type": "notice_to_appear", "limit": 5}) == (
        "case A-100-000-001 \N{MIDDLE DOT} type Notice to Appear \N{MIDDLE DOT} first 5"
    )
