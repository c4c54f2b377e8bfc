"""One way to write a date (issue 18, item 4): every screen writes 12/14/2026, Mon
12/14/2026, 9:00 AM, 12/14/2026 9:00 AM; every printout December 14, 2026 and 9:00 AM.

The case view (every tab, every cell, the header), the docket dock, the search pane's
results and the printed summary and docket are rendered from one real library, and
their text is held to the rule: no ISO date, no 24-hour clock, no other numeric form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library, open_library
from caseorg.records import (
    add_case,
    add_deadline,
    add_hearing,
    add_judge,
    add_note,
    edit_case,
    edit_document,
    reassign,
)
from caseorg.reports import docket_html, hearing_summary_html
from caseorg_ui.docks.docket_view import DocketView
from caseorg_ui.docks.search_pane import SearchPane
from caseorg_ui.docks.search_results import HtmlRole
from caseorg_ui.views.case_view import TABS, CaseView

DAY = dt.date(2026, 12, 14)
ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")
CLOCK = re.compile(r"\b\d{1,2}:\d\d\b(?! [AP]M)")  # 13:00, 09:00 without AM/PM
PADDED_HOUR = re.compile(r"\b0\d:\d\d [AP]M")  # 09:00 AM
NUMERIC = re.compile(r"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b")
SCREEN_DAY = re.compile(r"^\d\d/\d\d/\d{4}$")


def screen_problems(text: str) -> list[str]:
    """Why ``text`` breaks the screen rule (empty: it keeps it)."""
    found = ISO.findall(text) + CLOCK.findall(text) + PADDED_HOUR.findall(text)
    found += [m.group() for m in NUMERIC.finditer(text) if not SCREEN_DAY.match(m.group())]
    return found


def paper_problems(text: str) -> list[str]:
    """Why printed ``text`` breaks the court's style (empty: it keeps it)."""
    return (
        ISO.findall(text)
        + CLOCK.findall(text)
        + PADDED_HOUR.findall(text)
        + [m.group() for m in NUMERIC.finditer(text)]
    )


@pytest.mark.parametrize(
    ("text", "screen_ok", "paper_ok"),
    [
        ("12/14/2026 9:00 AM", True, False),
        ("Mon 12/14/2026", True, False),
        ("December 14, 2026, 9:00 AM", True, True),
        ("2026-12-07 13:00", False, False),
        ("08/22/2025  10:00", False, False),
        ("09:00 AM", False, False),
        ("Mon 12/14", False, False),
    ],
)
def test_the_checkers(text: str, screen_ok: bool, paper_ok: bool) -> None:
    assert (not screen_problems(text)) is screen_ok
    assert (not paper_problems(text)) is paper_ok


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("dates")
    pdf = root / "brief.pdf"
    write_text_pdf(pdf, [["The respondent seeks asylum."]])
    with open_library(root / "library") as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")
        add_judge(lib, "DKO", "Judge Daniel Okafor", court="San Francisco")
        case = add_case(lib, "A-123-456-789", "Ana Lopez", judge_code="JRM", opened_on="2026-01-10")
        document = import_files(lib, case.id, [pdf]).outcomes[0].document_id
        assert document is not None
        edit_document(lib, document, doc_type="brief", filed_on="2026-10-06")
        hearing = add_hearing(lib, case.id, "2026-12-14 13:00", courtroom="3")
        add_hearing(lib, case.id, "2026-12-22 09:00", kind="individual", courtroom="3")
        add_deadline(lib, case.id, "brief_due", "2026-12-01", note="pre-hearing brief")
        reassign(lib, case.id, "DKO", "docket rebalancing", effective_on="2026-02-01")
        edit_case(lib, case.id, custody="detained", completed_on=None)
        add_note(lib, "case", case.id, "call DHS")
    return {"path": root / "library", "case": case.id, "hearing": hearing.id}


@pytest.fixture
def read_lib(library: dict[str, Any]) -> Iterator[Library]:
    with open_library(library["path"], read_only=True) as lib:
        yield lib


def model_text(
    model: QAbstractItemModel, parent: QModelIndex | None = None, roles: tuple[int, ...] = ()
) -> list[str]:
    """Every cell's display text and tooltip (and ``roles``), children included."""
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, *roles):
                value = index.data(role)
                if isinstance(value, str):
                    out.append(value)
        out += model_text(model, model.index(row, 0, parent), roles)
    return out


def test_the_case_view_writes_dates_one_way(qtbot: Any, library: dict, read_lib: Library) -> None:
    view = CaseView(read_lib)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.set_case(library["case"])
    shown = [view.facts.text(), view.flags.text(), view.banner.text()]
    for tab in TABS:
        shown += model_text(view.models[tab])
    problems = {text: p for text in shown if (p := screen_problems(text))}
    assert problems == {}
    text = "\n".join(shown)
    for written in ("12/14/2026 1:00 PM", "10/06/2026", "02/01/2026", "12/01/2026", "01/10/2026"):
        assert written in text
    assert "case #" not in text and "a number" not in text  # history in words (item 16)


def test_the_docket_dock_writes_dates_one_way(qtbot: Any, read_lib: Library) -> None:
    view = DocketView(read_lib)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.set_day(DAY)
    shown = model_text(view.model)
    assert any("1:00 PM" in text for text in shown)
    assert {t: p for t in shown if (p := screen_problems(t))} == {}
    assert view.date_edit.text() == "Mon 12/14/2026"
    view.set_week_mode(True)
    week = model_text(view.model)
    assert any("Mon 12/14/2026 1:00 PM" in text for text in week)
    assert {t: p for t in week if (p := screen_problems(t))} == {}


def test_the_search_pane_writes_dates_one_way(qtbot: Any, read_lib: Library) -> None:
    pane = SearchPane(read_lib)
    qtbot.addWidget(pane)
    pane.resize(640, 700)
    pane.show()
    qtbot.keyClicks(pane.search_box, "asylum")
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10000)
    shown = model_text(pane.model, roles=(HtmlRole,))
    assert any("filed 10/06/2026" in text for text in shown)
    assert {t: p for t in shown if (p := screen_problems(re.sub("<[^>]+>", " ", t)))} == {}
    pane.shutdown()


def test_printouts_write_dates_in_the_court_style(library: dict, read_lib: Library) -> None:
    for html in (
        hearing_summary_html(read_lib, library["hearing"]),
        docket_html(read_lib, DAY, until=DAY + dt.timedelta(days=8)),
    ):
        text = re.sub(r"<style.*?</style>|<[^>]+>", " ", html, flags=re.DOTALL)
        assert "December 14, 2026" in text and "1:00 PM" in text
        assert paper_problems(text) == []


def test_date_pickers_show_the_screen_form(qtbot: Any) -> None:
    from caseorg_ui.dialogs.fields import DateEdit, DateTimeEdit

    moment, day = DateTimeEdit("2025-08-22 10:00"), DateEdit("2025-08-22")
    qtbot.addWidget(moment)
    qtbot.addWidget(day)
    assert moment.text() == "08/22/2025 10:00 AM" and day.text() == "08/22/2025"
