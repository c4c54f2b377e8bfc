"""CaseDialog: the A-number checked as typed, new case written, edits pre-filled and saved."""

from __future__ import annotations

from typing import Any

import pytest
from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.errors import InvalidValue
from caseorg.records.cases import find_case, get_case
from caseorg.values import a_number_problem
from caseorg_ui.dialogs import CaseDialog


def test_a_number_is_checked_as_typed(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader)
    qtbot.addWidget(dialog)
    dialog.respondent.setText("Mendez Ruiz, Carlos")

    qtbot.keyClicks(dialog.a_number, "A12")
    assert dialog.message("a_number") == "Invalid A-number 'A12': it must have 9 digits, this has 2"
    assert dialog.message("a_number").lower() == a_number_problem("A12").lower()
    assert dialog.message_kind("a_number") == "error"
    assert not dialog.ok_button.isEnabled()

    dialog.a_number.setText("A-123-456-789")
    assert dialog.message("a_number") == ""
    assert dialog.ok_button.isEnabled()

    dialog.a_number.setText("A-201-555-318")  # the case already in the library
    assert dialog.message("a_number") == (
        "Case A-201-555-318 already exists (Lopez Garcia, Ana Maria)"
    )
    assert not dialog.ok_button.isEnabled()
    with pytest.raises(InvalidValue):
        dialog.save_operation()


def test_respondent_is_required(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader)
    qtbot.addWidget(dialog)
    dialog.a_number.setText("123456789")
    dialog.respondent.setText("   ")
    assert dialog.message("respondent") == "The respondent's name is required"
    assert not dialog.ok_button.isEnabled()


def test_new_case_is_written_with_an_audit_row(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader)
    qtbot.addWidget(dialog)
    dialog.a_number.setText("a 987 654 321")
    dialog.a_number.editingFinished.emit()
    assert dialog.a_number.text() == "A-987-654-321"  # tidied when the field is left
    dialog.respondent.setText("Mendez Ruiz, Carlos")
    dialog.nationality.setText("Honduras")
    dialog.language.setText("Spanish")
    dialog.custody.set_value("detained")
    dialog.case_type.set_value("asylum_only")
    dialog.judge.set_code("DKO")
    assert dialog.court.text() == "Harbor City Immigration Court"  # from the judge
    dialog.opened_on.set_value("2025-02-03")
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["a_number"] == "987654321"
    before = court.audit_count()

    operation = dialog.save_operation()
    dialog.close()  # the operation needs nothing from the dialog any more
    case = operation(court.writer)

    stored = find_case(court.reader, "A-987-654-321")
    assert stored is not None and stored.id == case.id
    assert (stored.respondent, stored.nationality, stored.custody, stored.case_type) == (
        "Mendez Ruiz, Carlos",
        "Honduras",
        "detained",
        "asylum_only",
    )
    assert (stored.judge_code, stored.opened_on, stored.attorney) == ("DKO", "2025-02-03", None)
    assert court.audit_count() == before + 1
    row = court.last_audit()
    assert (row["action"], row["entity"], row["entity_id"]) == ("create", "case", case.id)


def test_edit_prefills_and_saves_only_changes(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit case"
    assert dialog.a_number.text() == "A-201-555-318"
    assert dialog.a_number.isReadOnly()  # the A-number identifies the case
    assert dialog.respondent.text() == "Lopez Garcia, Ana Maria"
    assert dialog.nationality.text() == "Guatemala"
    assert dialog.custody.value() == "released"
    assert dialog.attorney.text() == "Harbor Legal Aid Society"
    assert dialog.opened_on.iso() == "2024-06-11"
    assert dialog.judge.code() == "JRM" and not dialog.judge.isEnabled()
    assert dialog.ok_button.isEnabled()

    dialog.status.set_value("completed")
    dialog.attorney.clear()  # now pro se
    dialog.dhs_counsel.setText("ACC Naomi Park")
    before = court.audit_count()
    dialog.save_operation()(court.writer)

    case = get_case(court.reader, court.case_id)
    assert (case.status, case.attorney, case.dhs_counsel) == ("completed", None, "ACC Naomi Park")
    assert case.respondent == "Lopez Garcia, Ana Maria" and case.judge_code == "JRM"
    assert court.audit_count() == before + 1
    row = court.last_audit()
    assert (row["action"], row["entity"]) == ("update", "case")
    # only what changed (updated_at too, unless the template was made in this very second)
    assert set(row["after"]) - {"updated_at"} == {"status", "attorney", "dhs_counsel"}


def test_saving_an_unchanged_case_writes_nothing(qtbot: Any, court: Court) -> None:
    dialog = CaseDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    before = court.audit_count()
    dialog.save_operation()(court.writer)
    assert court.audit_count() == before


def test_a_case_known_by_its_eoir_id_gets_its_a_number(qtbot: Any, court: Court) -> None:
    from caseorg.records.cases import add_case_row

    case_id = add_case_row(
        court.writer, None, None, {"respondent": "Respondent X"}, eoir_case_id="310000001"
    )
    dialog = CaseDialog(court.reader, case_id=case_id)
    qtbot.addWidget(dialog)
    assert dialog.a_number.text() == "" and not dialog.a_number.isReadOnly()
    assert dialog.ok_button.isEnabled()  # still optional
    dialog.a_number.setText("A-201-555-318")  # the other case's
    assert not dialog.ok_button.isEnabled()
    dialog.a_number.setText("A-300-200-100")
    assert dialog.ok_button.isEnabled()
    dialog.save_operation()(court.writer)
    case = get_case(court.reader, case_id)
    assert (case.a_number, case.eoir_case_id) == ("300200100", "310000001")  # one case
