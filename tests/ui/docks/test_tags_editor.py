"""The tags editor: tags shown from the read-only library, every change written through
submit, a bad tag said before anything is sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fixtures_court_ui import Court, court_fixture, court_template_fixture  # noqa: F401
from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.records.tags import add_tag, tags_of
from caseorg_ui.docks.tags_editor import TagChip, TagsEditor


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


def test_render(qtbot: Any, court: Court, tmp_path: Path) -> None:
    add_tag(court.writer, "case", court.cases["ana"], "pro-se")
    editor = TagsEditor(court.reader, court.runner, "case", court.cases["ana"])
    qtbot.addWidget(editor)
    editor.resize(360, 300)
    editor.show()
    assert editor.grab().save(str(tmp_path / "tags.png"))
