"""Tags and notes: shown from the read-only library, every change written through submit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fixtures_court_ui import Court, court_fixture, court_template_fixture  # noqa: F401
from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.records.notes import add_note, list_notes
from caseorg.records.tags import add_tag, tags_of
from caseorg_ui.docks.tags_notes import NotesPanel, SecondaryRole, TagChip, TagsEditor


def chips(editor: TagsEditor) -> list[str]:
    return [chip.tag for chip in editor.chips.findChildren(TagChip) if not chip.isHidden()]


def test_case_tags_add_and_remove(qtbot: Any, court: Court) -> None:
    ana = court.cases["ana"]
    add_tag(court.writer, "case", ana, "detained-docket")
    add_tag(court.writer, "case", court.cases["bo"], "priority")  # offered by the completer
    editor = TagsEditor(court.reader, court.runner, "case", ana)
    qtbot.addWidget(editor)
    editor.resize(320, 120)
    editor.show()
    assert editor.tags == ["detained-docket"]
    assert chips(editor) == ["detained-docket"]
    assert editor.completer.model().stringList() == ["priority"]

    editor.edit.setText("  Pro Se ")
    editor.add_button.click()
    assert court.submitted == ["put"]
    assert tags_of(court.writer, "case", ana) == ["detained-docket", "pro-se"]
    assert editor.tags == ["detained-docket", "pro-se"] and editor.edit.text() == ""
    qtbot.waitUntil(lambda: chips(editor) == ["detained-docket", "pro-se"])

    chip = next(c for c in editor.chips.findChildren(TagChip) if c.tag == "detained-docket")
    chip.click()
    assert court.submitted == ["put", "take"]
    assert tags_of(court.writer, "case", ana) == ["pro-se"]
    qtbot.waitUntil(lambda: chips(editor) == ["pro-se"])


def test_a_bad_tag_is_said_and_not_sent(qtbot: Any, court: Court) -> None:
    editor = TagsEditor(court.reader, court.runner, "case", court.cases["ana"])
    qtbot.addWidget(editor)
    editor.show()
    editor.edit.setText("needs review!")
    editor.edit.returnPressed.emit()
    assert court.submitted == []
    assert editor.message.isVisibleTo(editor)
    assert editor.message.text().startswith("Invalid tag 'needs review!'")
    assert editor.edit.text() == "needs review!"  # kept, to be corrected
    editor.edit.setText("needs-review")
    editor.edit.textEdited.emit("needs-review")
    assert not editor.message.isVisibleTo(editor)


def test_document_tags_and_read_only(qtbot: Any, court: Court, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "Brief.pdf", ["Respondent's brief"])
    report = import_files(court.writer, court.cases["ana"], [pdf])
    document_id = report.outcomes[0].document_id
    assert document_id is not None
    editor = TagsEditor(court.reader, court.runner, "document", document_id)
    qtbot.addWidget(editor)
    assert editor.add("key-evidence")
    assert tags_of(court.writer, "document", document_id) == ["key-evidence"]
    viewer = TagsEditor(court.reader, None, "document", document_id)
    qtbot.addWidget(viewer)
    assert viewer.tags == ["key-evidence"]
    assert not viewer.edit.isEnabled() and not viewer.add("other")
    assert not any("\N{MULTIPLICATION SIGN}" in c.text() for c in viewer.findChildren(TagChip))


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
    add_tag(court.writer, "case", court.cases["ana"], "pro-se")
    add_note(court.writer, "case", court.cases["ana"], "First note.\nSecond line.")
    editor = TagsEditor(court.reader, court.runner, "case", court.cases["ana"])
    panel = NotesPanel(court.reader, court.runner, "case", court.cases["ana"])
    for widget in (editor, panel):
        qtbot.addWidget(widget)
        widget.resize(360, 300)
        widget.show()
    assert editor.grab().save(str(tmp_path / "tags.png"))
    assert panel.grab().save(str(tmp_path / "notes.png"))
