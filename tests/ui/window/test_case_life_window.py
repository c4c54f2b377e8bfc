"""Recording a case's life from the app (issue 14): the case life tab's "Record: ..."
links open a form; on OK it is written on the worker, the tab and the notice judgment
follow (a change of address after a notice makes that notice outdated)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseorg.library.folder import open_library
from caseorg.records import add_case, add_hearing, add_notice, list_addresses
from caseorg_ui.dialogs.case_life_dialogs import AddressDialog
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QUrl
from caseorg_ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "library"
    with open_library(path) as lib:
        case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
        hearing = add_hearing(lib, case.id, "2024-03-04 09:00", outcome="in_absentia_order")
        add_notice(lib, hearing.id, "2024-02-10", address="12 Oak St, Oakland CA")
    opened = MainWindow(Session(path), restore=False)
    qtbot.addWidget(opened)
    opened.resize(1200, 800)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.close()


def record_address(qtbot: Any, window: MainWindow, text: str, day: str, source: str) -> None:
    window.case_view.life._clicked(QUrl("add:address"))
    dialog: Any = next(d for d in window.findChildren(AddressDialog) if d.isVisible())
    dialog.source.set_value(source)
    dialog.received_on.set_value(day)
    dialog.address.setText(text)
    assert dialog.is_valid(), dialog.problems()
    before = len(list_addresses(window.read_lib, window.current_case_id() or 0))
    dialog.accept()
    qtbot.waitUntil(
        lambda: len(list_addresses(window.read_lib, window.current_case_id() or 0)) > before,
        timeout=5000,
    )


def test_recording_a_change_of_address_from_the_app(qtbot: Any, window: MainWindow) -> None:
    window.show_case(1)
    view = window.case_view
    view.tabs.setCurrentWidget(view.life)
    assert "Record: address" in view.life.browser.toPlainText()
    record_address(qtbot, window, "12 Oak St, Oakland CA", "2024-01-05", "nta")
    record_address(qtbot, window, "40 Pine Ave, Fresno CA", "2024-02-01", "eoir33")
    qtbot.waitUntil(lambda: "outdated address" in view.banner.text(), timeout=5000)
    assert "EOIR-33 received 02/01/2024" in view.banner.text()
    assert "Addresses (2)" in view.life.browser.toPlainText()
    window.grab().save("/tmp/caseorg-window-case-life.png")


def test_the_address_form_refuses_one_character(qtbot: Any, window: MainWindow) -> None:
    window.show_case(1)
    window.case_view.life._clicked(QUrl("add:address"))
    dialog = next(d for d in window.findChildren(AddressDialog) if d.isVisible())
    dialog.address.setText("x")
    assert not dialog.is_valid() and "is not an address" in dialog.problems()["address"]
    dialog.grab().save("/tmp/caseorg-address-dialog.png")
    dialog.reject()
