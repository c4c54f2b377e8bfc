"""A document's details: type, title, filed date and filer (the file itself never changes)."""

from __future__ import annotations

from typing import Any

from caseorg.library import Library
from caseorg.records import DOC_TYPES, FILERS, edit_document, get_case, get_document
from caseorg.words import counted
from caseorg_ui.dialogs.common import FormDialog, Operation, hint_label, required, write_with
from caseorg_ui.dialogs.fields import ChoiceCombo, DateEdit, line_edit, text_of
from caseorg_ui.qt import QWidget

TEXT_STATUS = {
    "ok": "text extracted",
    "no_text": "no text layer (scanned image)",
    "encrypted": "encrypted: no text could be read",
    "failed": "text extraction failed",
}


class DocumentDialog(FormDialog):
    """Edit a document's type, title, filed date and filer.

    Context keywords: ``document_id`` — the document (required). Saving also
    updates the search index entry (the write does it on the worker).
    """

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, document_id: int | None = None
    ):
        self.document = document = get_document(
            read_lib, required(self, "document_id", document_id)
        )
        case = get_case(read_lib, document.case_id)
        super().__init__(read_lib, parent, "Document details")
        self.add_case_heading(case.a_number, case.respondent)
        facts = [counted(document.page_count, "page")]
        facts.append(TEXT_STATUS.get(document.text_status, document.text_status))
        if document.original_name:
            facts.insert(0, document.original_name)
        self.add_top(hint_label(" · ".join(facts)))

        self.doc_type = ChoiceCombo(DOC_TYPES, document.doc_type)
        self.add_field(
            "doc_type", "Type", self.doc_type, "What the document is; search can filter by it."
        )
        self.title_edit = line_edit(document.title, "e.g. Respondent's brief in support of asylum")
        self.add_field("title", "Title", self.title_edit, "The title shown in lists and reports.")
        self.filed_on = DateEdit(document.filed_on, optional=True)
        self.add_field(
            "filed_on",
            "Filed on",
            self.filed_on,
            "The day the document was filed with the court.",
            hint="Not recorded yet: pick the date from the calendar."
            if not document.filed_on
            else None,
        )
        self.filed_by = ChoiceCombo(
            FILERS, document.filed_by, empty="(not recorded)" if not document.filed_by else None
        )
        self.add_field("filed_by", "Filed by", self.filed_by, "Which party filed it.")
        self.finish()

    def problems(self) -> dict[str, str]:
        if not text_of(self.title_edit):
            return {"title": "a title is required"}
        return {}

    def values(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type.value(),
            "title": text_of(self.title_edit),
            "filed_on": self.filed_on.iso(),
            "filed_by": self.filed_by.value(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        if values.get("doc_type") == self.document.doc_type:  # untouched: a guess stays one
            values = {k: v for k, v in values.items() if k != "doc_type"}
        return write_with(edit_document, self.document.id, **values)
