"""The editing dialogs' shared parts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401 (fixtures)

from caseorg.errors import InvalidValue
from caseorg.words import choice_text, sentence
from caseorg_ui.dialogs import CaseDialog, DocumentDialog
from caseorg_ui.dialogs.fields import DateEdit

# -- the shared widgets ----------------------------------------------------------------


def test_optional_date_says_not_recorded_until_picked(qtbot: Any) -> None:
    edit = DateEdit(None, optional=True)
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.iso() is None
    assert edit.text() == "not recorded"
    edit.set_value("2025-03-14")
    assert edit.value() == dt.date(2025, 3, 14)
    assert edit.text() == "03/14/2025"


def test_required_date_defaults_to_today(qtbot: Any) -> None:
    edit = DateEdit(None)
    qtbot.addWidget(edit)
    assert edit.value() == dt.date.today()
    assert edit.calendarPopup()


def test_choice_words() -> None:
    assert choice_text("in_absentia_order") == "In absentia order"
    assert choice_text("non_detained") == "Non-detained"
    assert choice_text("dhs") == "DHS"
    assert sentence("invalid A-number 'A12'") == "Invalid A-number 'A12'"


def test_save_operation_refuses_an_invalid_form(qtbot: Any, court: Court) -> None:
    dialog = DocumentDialog(court.reader, document_id=court.documents["brief"])
    qtbot.addWidget(dialog)
    dialog.title_edit.clear()
    assert not dialog.ok_button.isEnabled()
    with pytest.raises(InvalidValue, match="title is required"):
        dialog.save_operation()


def test_empty_new_form_is_quiet_until_touched_or_ok(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.message("a_number") == "" and dialog.message("respondent") == ""
    assert "A-number is required" in dialog.ok_button.toolTip()  # but OK says why
    dialog.accept()  # Enter on the form: every problem shows, the dialog stays open
    assert dialog.result() == 0
    assert dialog.message("a_number") == "An A-number is required"
    assert dialog.message("respondent") == "The respondent's name is required"


def test_tab_goes_down_the_form_then_to_the_buttons(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = []
    for _ in range(12):
        order.append(dialog.focusWidget())
        dialog.focusNextChild()
    # the read-only A-number and the locked judge are skipped; OK follows the last field
    assert order[:11] == [
        dialog.respondent,
        dialog.nationality,
        dialog.language,
        dialog.custody,
        dialog.case_type,
        dialog.status,
        dialog.court,
        dialog.attorney,
        dialog.dhs_counsel,
        dialog.opened_on,
        dialog.ok_button,
    ]
