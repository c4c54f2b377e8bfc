"""The deadlines view: groups, colours, sorting inside groups, the judge filter,
Show done, Mark done through submit, and opening a case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fixtures_court_ui import TODAY, Court, court_fixture, court_template_fixture  # noqa: F401
from PySide6.QtCore import QModelIndex, Qt

from caseorg.records.deadlines import list_deadlines
from caseorg_ui.court.deadline_board_view import (
    A_NUMBER,
    DUE,
    OVERDUE_BACKGROUND,
    RESPONDENT,
    WEEK_BACKGROUND,
    WHEN,
    DeadlineIdRole,
    DeadlinesView,
    GroupRole,
)
from caseorg_ui.dialogs import MarkDoneDialog


@pytest.fixture
def view(qtbot: Any, court: Court) -> DeadlinesView:
    widget = DeadlinesView(court.reader, runner=court.runner, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    return widget


def groups(view: DeadlinesView) -> dict[str, list[int]]:
    """Group name -> deadline ids, in the order the view shows them."""
    model = view.model
    out = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        out[model.data(group, GroupRole)] = [
            model.data(model.index(child, 0, group), DeadlineIdRole)
            for child in range(model.rowCount(group))
        ]
    return out


def row_of(view: DeadlinesView, deadline_id: int) -> QModelIndex:
    index = view.model.find(deadline_id)
    assert index.isValid()
    return index


def test_grouped_overdue_this_week_later(
    qtmodeltester: Any, view: DeadlinesView, court: Court
) -> None:
    qtmodeltester.check(view.model)
    ids = court.deadlines
    assert groups(view) == {
        "overdue": [ids["ana_brief"], ids["bo_filing"]],
        "this_week": [ids["carla_filing"]],
        "later": [ids["ana_decision"]],
    }
    model = view.model
    assert model.data(model.index(0, 0)) == "Overdue (2)"
    brief = row_of(view, ids["ana_brief"])
    assert model.data(brief.siblingAtColumn(DUE)) == "06/02/2025"
    assert model.data(brief.siblingAtColumn(WHEN)) == "overdue by 9 days"
    assert model.data(brief.siblingAtColumn(A_NUMBER)) == "A-100-000-001"
    assert model.data(row_of(view, ids["carla_filing"]).siblingAtColumn(WHEN)) == "in 2 days"
    text = view.summary.text()
    assert "2 overdue" in text and "1 due this week" in text and "1 later" in text


def test_colours_say_how_pressing(view: DeadlinesView, court: Court) -> None:
    model = view.model
    ids = court.deadlines
    background = Qt.ItemDataRole.BackgroundRole
    overdue = model.data(row_of(view, ids["bo_filing"]).siblingAtColumn(RESPONDENT), background)
    week = model.data(row_of(view, ids["carla_filing"]), background)
    assert overdue.color() == OVERDUE_BACKGROUND
    assert week.color() == WEEK_BACKGROUND
    assert model.data(row_of(view, ids["ana_decision"]), background) is None


def test_sorting_stays_inside_groups(qtmodeltester: Any, view: DeadlinesView, court: Court) -> None:
    ids = court.deadlines
    view.tree.sortByColumn(RESPONDENT, Qt.SortOrder.DescendingOrder)
    assert groups(view)["overdue"] == [ids["bo_filing"], ids["ana_brief"]]  # Bo before Ana
    assert list(groups(view)) == ["overdue", "this_week", "later"]
    view.tree.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
    assert groups(view)["overdue"] == [ids["ana_brief"], ids["bo_filing"]]
    qtmodeltester.check(view.model)


def test_judge_filter_and_show_done(view: DeadlinesView, court: Court) -> None:
    ids = court.deadlines
    view.set_judge("DKO")  # Carla's case moved to Judge Okafor; Bo's moved away
    assert groups(view) == {"overdue": [], "this_week": [ids["carla_filing"]], "later": []}
    view.set_judge(None)
    view.show_done.setChecked(True)
    shown = groups(view)
    assert shown["done"] == [ids["bo_done"]]
    done = row_of(view, ids["bo_done"])
    assert view.model.data(done.siblingAtColumn(WHEN)) == "done 04/30/2025"
    view.show_done.setChecked(False)
    assert "done" not in groups(view)


def test_mark_done_goes_through_submit(qtbot: Any, view: DeadlinesView, court: Court) -> None:
    ids = court.deadlines
    assert view.mark_done() is None  # nothing selected
    view.select_deadline(ids["bo_filing"])
    assert view.mark_button.isEnabled()
    dialog = view.mark_done()
    assert isinstance(dialog, MarkDoneDialog)
    assert dialog.deadline.id == ids["bo_filing"]
    dialog.done_on.set_value("2025-06-09")
    dialog.accept()

    assert court.submitted == ["save"]
    stored = {d.id: d for d in list_deadlines(court.writer, court.cases["bo"])}
    assert stored[ids["bo_filing"]].done_on == "2025-06-09"
    assert groups(view)["overdue"] == [ids["ana_brief"]]  # re-read after the write
    view.show_done.setChecked(True)
    assert groups(view)["done"][0] == ids["bo_filing"]


def test_read_only_view_offers_no_mark_done(qtbot: Any, court: Court) -> None:
    widget = DeadlinesView(court.reader, today=TODAY)
    qtbot.addWidget(widget)
    widget.select_deadline(court.deadlines["ana_brief"])
    assert not widget.mark_button.isEnabled()
    assert widget.mark_done() is None
    assert widget.open_button.isEnabled()


def test_double_click_opens_the_case(qtbot: Any, view: DeadlinesView, court: Court) -> None:
    index = row_of(view, court.deadlines["carla_filing"]).siblingAtColumn(RESPONDENT)
    view.tree.scrollTo(index)
    rect = view.tree.visualRect(index)
    opened: list[int] = []
    view.caseActivated.connect(opened.append)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [] and view.current_deadline_id() == court.deadlines["carla_filing"]
    qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [court.cases["carla"]]
    view.tree.activated.emit(view.model.index(0, 0))  # a group row opens nothing
    assert opened == [court.cases["carla"]]
    view.open_button.click()
    assert opened == [court.cases["carla"]] * 2


def test_render(view: DeadlinesView, tmp_path: Path) -> None:
    view.show_done.setChecked(True)
    image = view.grab()
    assert image.width() == 1100
    assert image.save(str(tmp_path / "deadlines.png"))
