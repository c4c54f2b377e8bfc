"""DeadlineDialog, MarkDoneDialog and DocumentDialog: writes, pre-fills and checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.records.deadlines import add_deadline, list_deadlines
from caseorg.records.documents import edit_document, get_document
from caseorg.search.handle import index_of
from caseorg_ui.dialogs import DeadlineDialog, DocumentDialog, MarkDoneDialog


def test_new_deadline_with_its_document(qtbot: Any, court: Court) -> None:
    dialog = DeadlineDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    assert dialog.due_on.value() == dt.date.today() + dt.timedelta(days=30)
    assert dialog.document.count() == 5  # (none) and the case's four documents
    dialog.kind.set_value("filing")
    dialog.due_on.set_value("2025-04-01")  # long past: overdue, but may be recorded
    assert dialog.message("due_on") == "That day has passed: the deadline is already overdue"
    assert dialog.ok_button.isEnabled()
    dialog.note.setText("DHS response to the brief")
    dialog.document.set_id(court.documents["brief"])
    before = court.audit_count()

    deadline = dialog.save_operation()(court.writer)

    stored = list_deadlines(court.reader, court.case_id)
    assert [d.id for d in stored] == [deadline.id]
    assert (stored[0].kind, stored[0].due_on, stored[0].note, stored[0].document_id) == (
        "filing",
        "2025-04-01",
        "DHS response to the brief",
        court.documents["brief"],
    )
    assert stored[0].done_on is None
    assert court.audit_count() == before + 1
    assert court.last_audit()["entity"] == "deadline"


def test_mark_done_with_the_document_that_met_it(qtbot: Any, court: Court) -> None:
    deadline = add_deadline(court.writer, court.case_id, "brief_due", "2025-02-20", "Brief")
    dialog = MarkDoneDialog(court.reader, deadline_id=deadline.id)
    qtbot.addWidget(dialog)
    assert dialog.done_on.value() == dt.date.today()
    assert dialog.document.document_id() is None
    dialog.done_on.set_value("2025-02-22")
    assert dialog.message("done_on") == "2 days after the due date"
    dialog.done_on.set_value("2025-02-18")
    assert dialog.message("done_on") == ""
    dialog.document.set_id(court.documents["brief"])
    before = court.audit_count()

    dialog.save_operation()(court.writer)

    stored = list_deadlines(court.reader, court.case_id)[0]
    assert (stored.done_on, stored.document_id) == ("2025-02-18", court.documents["brief"])
    row = court.last_audit()
    assert court.audit_count() == before + 1
    assert (row["action"], row["entity"], row["entity_id"]) == ("update", "deadline", deadline.id)

    again = MarkDoneDialog(court.reader, deadline_id=deadline.id)  # pre-filled when reopened
    qtbot.addWidget(again)
    assert again.done_on.iso() == "2025-02-18"
    assert again.document.document_id() == court.documents["brief"]


def test_document_details_prefill_check_and_save(qtbot: Any, court: Court) -> None:
    brief = court.documents["brief"]
    edit_document(court.writer, brief, filed_on="2025-01-15", filed_by="respondent")
    dialog = DocumentDialog(court.reader, document_id=brief)
    qtbot.addWidget(dialog)
    assert dialog.doc_type.value() == "brief"
    assert dialog.title_edit.text() == "Respondent Brief in Support of Asylum"
    assert (dialog.filed_on.iso(), dialog.filed_by.value()) == ("2025-01-15", "respondent")

    dialog.title_edit.setText("  ")
    assert dialog.message("title") == "A title is required"
    assert not dialog.ok_button.isEnabled()
    dialog.title_edit.setText("Respondent's pre-hearing brief")
    dialog.doc_type.set_value("motion")
    dialog.filed_on.set_value("2025-01-16")
    before = court.audit_count()

    dialog.save_operation()(court.writer)

    stored = get_document(court.reader, brief)
    assert (stored.title, stored.doc_type, stored.filed_on, stored.filed_by) == (
        "Respondent's pre-hearing brief",
        "motion",
        "2025-01-16",
        "respondent",
    )
    assert court.audit_count() == before + 1
    row = court.last_audit()
    # (the type was guessed at import: set by a person, it is no longer a guess)
    assert set(row["after"]) == {"title", "doc_type", "type_guessed", "filed_on"}
    hits = index_of(court.writer).search("title:pre-hearing", doc_type="motion")
    assert [hit.document_id for hit in hits] == [brief]  # the index followed


def test_unrecorded_details_stay_unrecorded(qtbot: Any, court: Court) -> None:
    nta = court.documents["notice_to_appear"]
    edit_document(court.writer, nta, doc_type="notice_to_appear")  # a confirmed type
    dialog = DocumentDialog(court.reader, document_id=nta)
    qtbot.addWidget(dialog)
    assert dialog.filed_on.value() is None and dialog.filed_on.text() == "not recorded"
    assert dialog.filed_by.value() is None
    before = court.audit_count()
    dialog.save_operation()(court.writer)  # nothing changed: nothing written
    assert court.audit_count() == before
    stored = get_document(court.reader, nta)
    assert (stored.filed_on, stored.filed_by) == (None, None)
