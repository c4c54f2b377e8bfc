"""The editing dialogs' shared parts, and the court every dialog test works on.

The court is a real library (SQLite, stored PDFs, Whoosh index) built once
with the core API and copied into each test's tmp_path: ``court.writer`` is
the writable Library the background worker would use, ``court.reader`` the
read-only one the dialogs fill their combos from.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import audit_rows, make_pdf

from caseorg.cases import add_case
from caseorg.errors import InvalidValue
from caseorg.importer import import_files
from caseorg.judges import add_judge
from caseorg.library import Library, open_library
from ui.dialogs import CaseDialog, DocumentDialog
from ui.dialogs.common import DateEdit, choice_text, sentence

DOCUMENTS = (
    ("Notice_to_Appear", "notice_to_appear"),
    ("Respondent_Brief_in_Support_of_Asylum", "brief"),
    ("Declaration_of_Ana_Lopez", "evidence"),
    ("Hearing_Notice_March", "hearing_notice"),
)


@dataclass
class Court:
    writer: Library
    reader: Library
    case_id: int
    documents: dict[str, int]  # doc_type -> document id

    def audit_rows(self) -> list[dict[str, Any]]:
        return audit_rows(self.writer)

    def audit_count(self) -> int:
        return len(audit_rows(self.writer))

    def last_audit(self) -> dict[str, Any]:
        return audit_rows(self.writer)[-1]


@pytest.fixture(scope="session", name="court_template")
def court_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three judges, one case before JRM with four imported documents."""
    root = tmp_path_factory.mktemp("court") / "library"
    pdfs = tmp_path_factory.mktemp("pdfs")
    with open_library(root) as lib:
        add_judge(lib, "JRM", "Judge Julia R. Marsh", "Harbor City Immigration Court")
        add_judge(lib, "DKO", "Judge Daniel K. Okafor", "Harbor City Immigration Court")
        add_judge(lib, "SLP", "Judge Sandra L. Pereira", "Harbor City Immigration Court")
        case = add_case(
            lib,
            "A-201-555-318",
            "Lopez Garcia, Ana Maria",
            judge_code="JRM",
            nationality="Guatemala",
            language="Spanish",
            custody="released",
            court="Harbor City Immigration Court",
            attorney="Harbor Legal Aid Society",
            opened_on="2024-06-11",
        )
        paths = [make_pdf(pdfs / f"{name}.pdf", [f"{name} page one"]) for name, _ in DOCUMENTS]
        report = import_files(lib, case.id, paths)
        assert report.ok, report.summary()
    return root


@pytest.fixture(name="court")
def court_fixture(qapp: Any, court_template: Path, tmp_path: Path) -> Iterator[Court]:
    root = tmp_path / "library"
    shutil.copytree(court_template, root)
    writer = open_library(root)
    reader = open_library(root, read_only=True)
    case = next(iter(reader.db.query("SELECT id FROM cases")))
    documents = {
        row["doc_type"]: row["id"]
        for row in reader.db.query("SELECT id, doc_type FROM documents ORDER BY id")
    }
    assert sorted(documents) == sorted(kind for _, kind in DOCUMENTS)
    try:
        yield Court(writer, reader, case["id"], documents)
    finally:
        reader.close()
        writer.close()


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
