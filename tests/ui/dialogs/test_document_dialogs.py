"""A guessed document type is confirmed by saving it; several documents are edited at
once (type and filed date), one audited write per document that changes."""

from __future__ import annotations

from typing import Any

from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.records.documents import get_document
from caseorg_ui.dialogs import DocumentDialog, DocumentsDialog
from caseorg_ui.dialogs.document_dialog import GUESS_HINT
from caseorg_ui.qt import QLabel


def test_a_guessed_type_saved_unchanged_is_confirmed(qtbot: Any, court: Court) -> None:
    nta = court.documents["notice_to_appear"]
    assert get_document(court.reader, nta).type_guessed == 1  # guessed at import
    dialog = DocumentDialog(court.reader, document_id=nta)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.doc_type.value() == "notice_to_appear"
    assert GUESS_HINT in [label.text() for label in dialog.findChildren(QLabel)]
    before = court.audit_count()
    dialog.save_operation()(court.writer)
    stored = get_document(court.reader, nta)
    assert (stored.doc_type, stored.type_guessed) == ("notice_to_appear", 0)
    assert court.audit_count() == before + 1
    assert court.last_audit()["after"] == {"type_guessed": 0}


def test_several_documents_get_one_filed_date(qtbot: Any, court: Court) -> None:
    ids = [court.documents[k] for k in ("notice_to_appear", "brief", "evidence")]
    dialog = DocumentsDialog(court.reader, document_ids=ids)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Edit 3 documents"
    assert dialog.doc_type.value() is None  # their types differ: each keeps its own
    assert dialog.filed_on.value() is None and "keep" in dialog.filed_on.text()
    assert not dialog.ok_button.isEnabled()  # nothing to set yet
    assert dialog.ok_button.toolTip() == "Choose a type or a filed date to set on every document"
    dialog.grab().save("/tmp/caseorg-documents-dialog.png")

    dialog.filed_on.set_value("2026-11-02")
    assert dialog.ok_button.isEnabled()
    before = court.audit_count()
    dialog.save_operation()(court.writer)

    rows = court.audit_rows()[before:]
    assert [(r["entity"], r["entity_id"]) for r in rows] == [("document", i) for i in ids]
    assert all(r["after"] == {"filed_on": "2026-11-02"} for r in rows)
    stored = [get_document(court.reader, i) for i in ids]
    assert [d.filed_on for d in stored] == ["2026-11-02"] * 3
    assert [d.doc_type for d in stored] == ["notice_to_appear", "brief", "evidence"]
    assert all(d.type_guessed == 1 for d in stored)  # types untouched: still guesses


def test_several_documents_get_one_type_which_confirms_it(qtbot: Any, court: Court) -> None:
    ids = [court.documents[k] for k in ("brief", "evidence")]
    court.writer.db.execute("UPDATE documents SET filed_on = '2025-01-15' WHERE id = ?", [ids[0]])
    dialog = DocumentsDialog(court.reader, document_ids=ids)
    qtbot.addWidget(dialog)
    dialog.doc_type.set_value("motion")
    before = court.audit_count()
    dialog.save_operation()(court.writer)

    rows = court.audit_rows()[before:]
    assert len(rows) == 2
    assert all(r["after"] == {"doc_type": "motion", "type_guessed": 0} for r in rows)
    stored = [get_document(court.reader, i) for i in ids]
    assert [(d.doc_type, d.type_guessed) for d in stored] == [("motion", 0), ("motion", 0)]
    assert [d.filed_on for d in stored] == ["2025-01-15", None]  # dates kept as they were


def test_a_shared_guessed_type_is_offered_and_confirmed(qtbot: Any, court: Court) -> None:
    ids = [court.documents[k] for k in ("brief", "evidence")]
    court.writer.db.execute("UPDATE documents SET doc_type = 'brief' WHERE id = ?", [ids[1]])
    dialog = DocumentsDialog(court.reader, document_ids=ids)
    qtbot.addWidget(dialog)
    assert dialog.doc_type.value() == "brief"  # both say brief: shown, OK confirms it
    assert dialog.ok_button.isEnabled()
    dialog.save_operation()(court.writer)
    assert [get_document(court.reader, i).type_guessed for i in ids] == [0, 0]
