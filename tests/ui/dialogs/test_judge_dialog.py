"""JudgeDialog and JudgeListDialog: code checks, the write, the list refreshing after Add."""

from __future__ import annotations

from typing import Any

import pytest
from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.records.judges import find_judge
from caseorg_ui.dialogs import JudgeDialog, JudgeListDialog
from caseorg_ui.dialogs.common import Operation
from caseorg_ui.operations.library_op import LibraryOp


def test_judge_code_checks(qtbot: Any, court: Court) -> None:
    dialog = JudgeDialog(court.reader)
    qtbot.addWidget(dialog)
    dialog.name.setText("Judge Miriam A. Baptiste")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.code, "jrm")
    assert dialog.code.text() == "JRM"  # upper-cased as typed
    assert dialog.message("code") == "Code JRM is already used by Judge Julia R. Marsh"
    dialog.code.setText("M AB")
    assert dialog.message("code") == "A judge code has no spaces, like JRM"
    dialog.code.setText("MAB")
    assert dialog.message("code") == ""
    assert dialog.ok_button.isEnabled()
    dialog.name.clear()
    assert dialog.message("name") == "The judge's name is required"
    assert not dialog.ok_button.isEnabled()


def test_new_judge_is_written(qtbot: Any, court: Court) -> None:
    dialog = JudgeDialog(court.reader)
    qtbot.addWidget(dialog)
    dialog.code.setText("mab")
    dialog.name.setText("Judge Miriam A. Baptiste")
    dialog.court.setText("Harbor City Immigration Court")
    before = court.audit_count()
    judge = dialog.save_operation()(court.writer)
    stored = find_judge(court.reader, "MAB")
    assert stored is not None and stored.id == judge.id
    assert (stored.name, stored.court) == (
        "Judge Miriam A. Baptiste",
        "Harbor City Immigration Court",
    )
    assert court.audit_count() == before + 1
    assert court.last_audit()["entity"] == "judge"


def test_judge_list_adds_through_submit_and_refreshes(
    qtbot: Any, court: Court, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted: list[Operation] = []

    class Runner:
        def run(self, op: LibraryOp[Any]) -> None:
            """Stands in for the main window's worker: run the write, then call back."""
            submitted.append(op.fn)
            result = op.fn(court.writer)
            if op.on_success is not None:
                op.on_success(result)

    dialog = JudgeListDialog(court.reader, runner=Runner())
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    names = [dialog.table.item(row, 1).text() for row in range(3)]
    assert names == sorted(names) and "Judge Julia R. Marsh" in names

    def filled_add_dialog() -> JudgeDialog:
        add = JudgeDialog(court.reader, dialog)
        add.code.setText("MAB")
        add.name.setText("Judge Miriam A. Baptiste")
        monkeypatch.setattr(add, "exec", lambda: JudgeDialog.DialogCode.Accepted)
        return add

    monkeypatch.setattr(dialog, "add_dialog", filled_add_dialog)
    dialog.add_button.click()
    assert len(submitted) == 1
    assert dialog.table.rowCount() == 4
    codes = {dialog.table.item(row, 0).text() for row in range(4)}
    assert "MAB" in codes


def test_judge_list_without_a_writer_cannot_add(qtbot: Any, court: Court) -> None:
    dialog = JudgeListDialog(court.reader)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
    assert dialog.table.rowCount() == 3
