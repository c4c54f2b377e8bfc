"""The docket view: a day's and a week's hearings by judge and courtroom, warnings,
the judge filter, and opening a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.notices import add_notice
from caseorg_ui.docks.docket_view import (
    A_NUMBER,
    COURTROOM,
    JUDGE,
    OUTCOME,
    RESPONDENT,
    TIME,
    CaseIdRole,
    DocketModel,
    DocketView,
    HearingIdRole,
    period_title,
)

MONDAY = dt.date(2025, 3, 3)


@pytest.fixture
def court(lib: Library) -> dict[str, Any]:
    """Two judges; hearings on Monday in two courtrooms each, one on Wednesday, one the
    week after; one in absentia order without notice, one with a good notice."""
    add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")
    add_judge(lib, "ABR", "Judge Alan Brooks", court="San Francisco")
    people = {}
    for number, name, judge in (
        ("A-100-000-001", "Ana Lopez", "JRM"),
        ("A-100-000-002", "Bo Chen", "JRM"),
        ("A-100-000-003", "Carla Diaz", "ABR"),
        ("A-100-000-004", "Dev Patel", "ABR"),
        ("A-100-000-005", "Eva Novak", "JRM"),
    ):
        people[name] = add_case(lib, number, name, judge_code=judge)
    hearings = {
        "ana": add_hearing(
            lib,
            people["Ana Lopez"].id,
            "2025-03-03 10:30",
            courtroom="Courtroom 10",
            kind="individual",
            interpreter_language="Spanish",
        ),
        "bo": add_hearing(
            lib,
            people["Bo Chen"].id,
            "2025-03-03 09:00",
            courtroom="Courtroom 2",
            medium="video",
            outcome="in_absentia_order",
        ),
        "carla": add_hearing(
            lib, people["Carla Diaz"].id, "2025-03-03 13:00", courtroom="Courtroom 4"
        ),
        "dev": add_hearing(
            lib,
            people["Dev Patel"].id,
            "2025-03-03 08:30",
            courtroom="Courtroom 4",
            outcome="in_absentia_order",
        ),
        "eva": add_hearing(
            lib, people["Eva Novak"].id, "2025-03-05 09:00", courtroom="Courtroom 2"
        ),
        "later": add_hearing(
            lib, people["Ana Lopez"].id, "2025-03-10 09:00", courtroom="Courtroom 10"
        ),
    }
    add_notice(lib, hearings["dev"].id, "2025-01-15", method="personal")  # proper notice
    return {"cases": people, "hearings": hearings}


@pytest.fixture
def read_lib(lib: Library, court: dict[str, Any]) -> Iterator[Library]:
    with open_library(lib.path, read_only=True) as reader:
        yield reader


@pytest.fixture
def view(qtbot: Any, read_lib: Library) -> DocketView:
    widget = DocketView(read_lib)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    widget.set_day(MONDAY)
    return widget


def rows(view: DocketView, column: int = RESPONDENT) -> list[tuple[str, list[str]]]:
    """(group text, [cell of each hearing]) for every judge group shown."""
    model = view.model
    out = []
    for group in range(model.rowCount()):
        top = model.index(group, 0)
        cells = [model.index(r, column, top).data() for r in range(model.rowCount(top))]
        out.append((top.data(), cells))
    return out


def test_a_day_by_judge_then_courtroom_then_time(view: DocketView) -> None:
    assert view.title_label.text() == "Monday, March 3, 2025"
    assert view.summary_label.text() == "4 hearings · 2 judges"
    groups = rows(view)
    assert [name for name, _ in groups] == [
        "Alan Brooks (ABR) — 2 hearings",
        "Rosa Martinez (JRM) — 2 hearings · 1 notice warning",
    ]
    assert groups[0][1] == ["Dev Patel", "Carla Diaz"]  # Courtroom 4: 8:30, then 1:00
    assert groups[1][1] == ["Bo Chen", "Ana Lopez"]  # Courtroom 2 before Courtroom 10
    assert [cells for _, cells in rows(view, COURTROOM)][1] == ["Courtroom 2", "Courtroom 10"]
    assert [cells for _, cells in rows(view, TIME)][0] == ["8:30 AM", "1:00 PM"]
    assert [cells for _, cells in rows(view, JUDGE)][0] == ["Alan Brooks (ABR)"] * 2
    assert [cells for _, cells in rows(view, A_NUMBER)][1] == ["A-100-000-002", "A-100-000-001"]
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == [
        "Time",
        "Courtroom",
        "Judge",
        "A-number",
        "Respondent",
        "Kind",
        "Medium",
        "Interpreter",
        "Outcome",
    ]
    assert view.table.isFirstColumnSpanned(0, view.table.rootIndex())


def test_in_absentia_without_notice_is_flagged(view: DocketView) -> None:
    model = view.model
    jrm = model.index(1, 0)
    bo = model.index(0, OUTCOME, jrm)
    assert bo.data() == "In absentia order"
    assert "no notice of hearing" in bo.data(Qt.ItemDataRole.ToolTipRole)
    assert bo.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not bo.data(Qt.ItemDataRole.DecorationRole).isNull()
    dev = model.index(0, OUTCOME, model.index(0, 0))  # notice served: no warning
    assert dev.data() == "In absentia order"
    assert dev.data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.warning_label.isVisibleTo(view)
    text = view.warning_label.text()
    assert "1 in absentia order without proof of notice" in text
    assert "A-100-000-002" in text and "Bo Chen" in text and "Dev Patel" not in text


def test_double_click_opens_the_case(qtbot: Any, view: DocketView, court: dict[str, Any]) -> None:
    carla = view.model.index(1, RESPONDENT, view.model.index(0, 0))
    assert carla.data() == "Carla Diaz"
    where = view.table.visualRect(carla).center()
    with qtbot.waitSignal(view.caseActivated) as blocker:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == [court["cases"]["Carla Diaz"].id]
    assert view.current_hearing_id() == court["hearings"]["carla"].id
    assert carla.data(HearingIdRole) == court["hearings"]["carla"].id
    assert carla.data(CaseIdRole) == court["cases"]["Carla Diaz"].id

    with qtbot.assertNotEmitted(view.caseActivated):  # a judge's row opens nothing
        view.table.activated.emit(view.model.index(0, 0))


def test_week_mode_and_stepping(view: DocketView) -> None:
    view.set_week_mode(True)
    assert view.period() == (MONDAY, MONDAY + dt.timedelta(days=6))
    assert view.title_label.text() == "Week of March 3 – 9, 2025"
    names = [name for _group, cells in rows(view) for name in cells]
    assert sorted(names) == ["Ana Lopez", "Bo Chen", "Carla Diaz", "Dev Patel", "Eva Novak"]
    jrm_times = rows(view, TIME)[1][1]
    assert jrm_times == [
        "Mon 03/03/2025 9:00 AM",
        "Mon 03/03/2025 10:30 AM",
        "Wed 03/05/2025 9:00 AM",
    ]

    view.next_button.click()  # a week on
    assert view.period()[0] == dt.date(2025, 3, 10)
    assert [cells for _, cells in rows(view)] == [["Ana Lopez"]]
    view.set_week_mode(False)
    view.previous_button.click()
    assert view.period() == (dt.date(2025, 3, 9), dt.date(2025, 3, 9))  # a Sunday
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == "No hearings scheduled on this day."

    view.today_button.click()
    assert view.day == dt.date.today()


def test_judge_filter(view: DocketView) -> None:
    assert view.judge_filter.itemText(0) == "All judges"
    view.set_judge("JRM")
    assert view.judge_code() == "JRM"
    assert [name for name, _ in rows(view)] == [
        "Rosa Martinez (JRM) — 2 hearings · 1 notice warning"
    ]
    view.set_judge(None)
    assert len(rows(view)) == 2


def test_refresh_shows_a_new_hearing(view: DocketView, lib: Library, court: dict[str, Any]) -> None:
    add_hearing(lib, court["cases"]["Eva Novak"].id, "2025-03-03 15:00", courtroom="Courtroom 2")
    assert view.model.hearing_count() == 4
    view.refresh()
    assert view.model.hearing_count() == 5
    assert rows(view)[1][1] == ["Bo Chen", "Eva Novak", "Ana Lopez"]


def test_export_button_writes_the_docket_shown(
    view: DocketView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "week"
    asked: list[str] = []

    def choose(_parent: Any, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    view.set_week_mode(True)
    view.set_judge("JRM")
    view.export_button.click()
    written = target.with_name("week.pdf")
    assert written.exists()
    assert asked and asked[0].endswith("docket-2025-03-03-to-2025-03-09-jrm.pdf")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(written).pages)
    assert "Eva Novak" in text and "A-100-000-005" in text
    assert "Carla Diaz" not in text  # another judge's


def test_period_titles() -> None:
    assert period_title(MONDAY, MONDAY) == "Monday, March 3, 2025"
    assert period_title(dt.date(2025, 3, 31), dt.date(2025, 4, 6)) == (
        "Week of March 31 – April 6, 2025"
    )
    assert period_title(dt.date(2024, 12, 30), dt.date(2025, 1, 5)) == (
        "Week of December 30, 2024 – January 5, 2025"
    )


def test_docket_model_passes_the_model_tester(qtmodeltester: Any, read_lib: Library) -> None:
    from caseorg.records.hearings import list_hearings

    model = DocketModel()
    model.set_hearings(list_hearings(read_lib, on=MONDAY, until=MONDAY + dt.timedelta(6)), True)
    assert model.rowCount() == 2 and model.hearing_count() == 5
    qtmodeltester.check(model)
    model.set_hearings([], False)
    qtmodeltester.check(model)


def test_an_unusual_hearing_is_flagged_by_its_time(qtbot: Any, tmp_path: Path) -> None:
    with open_library(tmp_path / "odd") as lib:
        case = add_case(lib, "A-100-000-009", "Ida Ruiz", opened_on="2025-03-04")
        early = add_hearing(lib, case.id, "2025-03-03 09:00")  # before the case was opened
        other = add_case(lib, "A-100-000-010", "Jon Berg", opened_on="2025-01-02")
        add_hearing(lib, other.id, "2025-03-03 10:00")
        widget = DocketView(lib)
        qtbot.addWidget(widget)
        widget.resize(1100, 400)
        widget.show()
        widget.set_day(MONDAY)
        group = widget.model.index(0, 0)
        ida, jon = (widget.model.index(row, TIME, group) for row in range(2))
        assert ida.data(HearingIdRole) == early.id
        assert not ida.data(Qt.ItemDataRole.DecorationRole).isNull()
        assert ida.data(Qt.ItemDataRole.ToolTipRole) == (
            "Unusual: Dated before the case was opened (03/04/2025)"
        )
        assert ida.data(Qt.ItemDataRole.BackgroundRole) is None  # not a notice problem
        assert jon.data(Qt.ItemDataRole.DecorationRole) is None
        assert jon.data(Qt.ItemDataRole.ToolTipRole) == "Double-click to open the case"
        widget.grab().save("/tmp/caseorg-docket-flags.png")
