"""The notes panel: notes shown from the read-only library, every change written
through submit; a case's list says what each note is on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fixtures_court_ui import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.records.notes import add_note, list_notes
from caseorg_ui.docks.notes_panel import NotesPanel
from caseorg_ui.docks.two_line_delegate import SecondaryRole


def test_case_notes_list_add_edit_delete(qtbot: Any, qtmodeltester: Any, court: Court) -> None:
    ana = court.cases["ana"]
    add_note(court.writer, "hearing", court.hearings["ana_may"], "Interpreter was late.")
    panel = NotesPanel(court.reader, court.runner, "case", ana)
    qtbot.addWidget(panel)
    panel.resize(360, 420)
    panel.show()
    qtmodeltester.check(panel.model)
    first = panel.model.index(0, 0)
    assert first.data() == "Interpreter was late."
    assert first.data(SecondaryRole).endswith("on hearing of 05/12/2025")
    assert first.data(SecondaryRole).startswith("test-clerk \N{MIDDLE DOT} ")
    assert not panel.save_button.isEnabled()  # nothing typed yet

    panel.text.setPlainText("Counsel will file the brief early.")
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    notes = list_notes(court.writer, case_id=ana)
    assert [(n.entity, n.text) for n in notes] == [
        ("hearing", "Interpreter was late."),
        ("case", "Counsel will file the brief early."),
    ]
    assert panel.model.rowCount() == 2 and panel.text.toPlainText() == ""

    assert panel.select_note(notes[1].id)
    assert panel.start_edit()
    assert panel.save_button.text() == "Save note" and panel.cancel_button.isVisibleTo(panel)
    panel.text.setPlainText("Counsel filed the brief on 06/09.")
    panel.save_button.click()
    assert list_notes(court.writer, case_id=ana)[1].text == "Counsel filed the brief on 06/09."
    assert panel.save_button.text() == "Add note"
    assert "(edited)" in panel.model.index(1, 0).data(SecondaryRole)

    panel.select_note(notes[0].id)
    panel.delete_button.click()
    assert [n.text for n in list_notes(court.writer, case_id=ana)] == [
        "Counsel filed the brief on 06/09."
    ]
    assert court.submitted == ["write", "write", "forget"]
    qtmodeltester.check(panel.model)


def test_hearing_notes_and_empty_text(qtbot: Any, court: Court) -> None:
    hearing = court.hearings["bo"]
    panel = NotesPanel(court.reader, court.runner, "hearing", hearing)
    qtbot.addWidget(panel)
    assert panel.empty.isVisibleTo(panel)
    assert not panel.save()  # nothing typed
    assert court.submitted == []
    panel.text.setPlainText("Witness to appear by video.")
    assert panel.save()
    notes = list_notes(court.writer, entity="hearing", entity_id=hearing)
    assert [n.text for n in notes] == ["Witness to appear by video."]
    assert notes[0].case_id == court.cases["bo"]
    panel.set_entity("case", court.cases["bo"])  # the case's list shows it too
    assert panel.model.index(0, 0).data(SecondaryRole).endswith("on hearing of 06/03/2025")


def test_render(qtbot: Any, court: Court, tmp_path: Path) -> None:
    add_note(court.writer, "case", court.cases["ana"], "First note.\nSecond line.")
    panel = NotesPanel(court.reader, court.runner, "case", court.cases["ana"])
    qtbot.addWidget(panel)
    panel.resize(360, 300)
    panel.show()
    assert panel.grab().save(str(tmp_path / "notes.png"))
