"""ReassignmentDialog: from = the current judge, appends only, corrections are new entries."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import pytest
from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.records.cases import get_case
from caseorg.records.reassignments import list_reassignments, reassign
from caseorg_ui.dialogs import ReassignmentDialog


def offered(dialog: ReassignmentDialog) -> list[str | None]:
    return [dialog.to_judge.itemData(i) for i in range(dialog.to_judge.count())]


def test_from_is_the_current_judge_and_to_excludes_it(qtbot: Any, court: Court) -> None:
    dialog = ReassignmentDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    assert dialog.from_label.text() == "Judge Julia R. Marsh (JRM)"
    assert offered(dialog) == [None, "DKO", "SLP"]  # placeholder, then the other judges
    assert dialog.note.isVisibleTo(dialog)
    assert "append-only" in dialog.note.text()
    assert "a correction is a new entry" in dialog.note.text()
    assert not dialog.corrects.isEnabled()  # nothing to correct yet
    assert not dialog.ok_button.isEnabled()

    dialog.to_judge.set_code("DKO")
    dialog.reason.setText("x")
    dialog.reason.clear()
    assert dialog.message("reason") == "A reason for the reassignment is required"
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setText("caseload balancing")
    assert dialog.ok_button.isEnabled()


def test_reassignment_is_appended(qtbot: Any, court: Court) -> None:
    dialog = ReassignmentDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    dialog.to_judge.set_code("DKO")
    dialog.effective_on.set_value("2025-02-01")
    dialog.reason.setText("caseload balancing")
    dialog.ordered_by.setText("ACIJ Eleanor V. Castellano")
    dialog.midstream.setChecked(True)
    before = court.audit_count()

    entry = dialog.save_operation()(court.writer)

    history = list_reassignments(court.reader, case_id=court.case_id)
    assert [e.id for e in history] == [entry.id]
    assert (history[0].from_judge_code, history[0].to_judge_code) == ("JRM", "DKO")
    assert (history[0].effective_on, history[0].reason, history[0].midstream) == (
        "2025-02-01",
        "caseload balancing",
        True,
    )
    assert history[0].ordered_by == "ACIJ Eleanor V. Castellano"
    assert get_case(court.reader, court.case_id).judge_code == "DKO"
    rows = court.audit_rows()[before:]
    assert [(r["action"], r["entity"]) for r in rows] == [
        ("create", "reassignment_order"),  # one case moved: an order of one (issue 19)
        ("create", "reassignment"),
        ("reassign", "case"),
    ]


def test_there_is_no_edit_path(qtbot: Any, court: Court) -> None:
    parameters = inspect.signature(ReassignmentDialog).parameters
    assert list(parameters) == ["read_lib", "parent", "case_id"]
    with pytest.raises(TypeError):
        ReassignmentDialog(court.reader, case_id=court.case_id, reassignment_id=1)  # type: ignore[call-arg]


def test_a_correction_is_a_new_entry(qtbot: Any, court: Court) -> None:
    first = reassign(
        court.writer, court.case_id, "DKO", "caseload balancing", effective_on="2025-02-10"
    )
    dialog = ReassignmentDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    assert dialog.from_label.text() == "Judge Daniel K. Okafor (DKO)"
    assert offered(dialog) == [None, "JRM", "SLP"]
    assert dialog.corrects.isEnabled()
    assert dialog.corrects.itemText(1).startswith(f"#{first.id} · 02/10/2025 · JRM → DKO")

    dialog.effective_on.set_value("2025-01-15")
    assert "Earlier than the last reassignment (02/10/2025)" in dialog.message("effective_on")

    dialog.corrects.setCurrentIndex(1)
    assert offered(dialog) == [None, "DKO", "JRM", "SLP"]  # a correction may keep the judge
    assert dialog.to_judge.code() == "DKO"  # pre-filled from the entry corrected
    assert dialog.effective_on.value() == dt.date(2025, 2, 10)
    dialog.effective_on.set_value("2025-02-01")
    dialog.reason.setText("wrong effective date in entry #1")
    assert dialog.ok_button.isEnabled()
    dialog.save_operation()(court.writer)

    history = list_reassignments(court.reader, case_id=court.case_id)
    assert len(history) == 2  # the first entry is untouched
    original = next(e for e in history if e.id == first.id)
    assert (original.effective_on, original.reason) == ("2025-02-10", "caseload balancing")
    correction = next(e for e in history if e.id != first.id)
    assert correction.corrects_id == first.id
    assert (correction.to_judge_code, correction.effective_on) == ("DKO", "2025-02-01")


def test_a_case_without_a_judge(qtbot: Any, court: Court) -> None:
    from caseorg.records.cases import add_case

    lone = add_case(court.writer, "A-111-222-333", "Bo Chen")
    dialog = ReassignmentDialog(court.reader, case_id=lone.id)
    qtbot.addWidget(dialog)
    assert dialog.from_label.text() == "(no judge assigned)"
    assert offered(dialog) == [None, "DKO", "JRM", "SLP"]
    assert dialog.midstream.isChecked() is False  # no hearings held yet
