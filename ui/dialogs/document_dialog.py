"""A document's details: type, title, filed date and filer (the file itself never changes);
and the type and filed date of several documents at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    DOC_TYPES,
    FILERS,
    Document,
    edit_document,
    edit_documents,
    get_case,
    get_document,
)
from caseorg.words import counted, type_text
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
            "doc_type",
            "Type",
            self.doc_type,
            TYPE_TIP,
            hint=GUESS_HINT if document.type_guessed else None,
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
        # the type is always written: a guessed type saved unchanged is thereby confirmed
        return write_with(edit_document, self.document.id, **values)


class DocumentsDialog(FormDialog):
    """Set the type and filed date of several documents at once (a selection in the
    case view's documents table); what is left as "keep" stays as each one has it.

    Context keywords: ``document_ids`` — the documents (required). The write is one
    audited change per document, through the records function the CLI's
    ``document edit 12 13 14`` uses; setting a type confirms a guessed one.
    """

    def __init__(
        self,
        read_lib: Library,
        parent: QWidget | None = None,
        document_ids: Sequence[int] | None = None,
    ):
        if not document_ids:
            raise TypeError("DocumentsDialog needs document_ids")
        self.documents = docs = [get_document(read_lib, i) for i in dict.fromkeys(document_ids)]
        case = get_case(read_lib, docs[0].case_id)
        super().__init__(read_lib, parent, f"Edit {counted(len(docs), 'document')}")
        self.add_case_heading(case.a_number, case.respondent)
        self.add_top(hint_label(_listed(docs)))

        types = {d.doc_type for d in docs}
        shared_type = types.pop() if len(types) == 1 else None
        self.doc_type = ChoiceCombo(
            DOC_TYPES, shared_type, empty=None if shared_type else KEEP_TYPE
        )
        guessed = sum(1 for d in docs if d.type_guessed)
        self.add_field(
            "doc_type",
            "Type",
            self.doc_type,
            TYPE_TIP,
            hint=_guess_note(guessed, len(docs)) if guessed else None,
        )
        dates = {d.filed_on for d in docs}
        self.filed_on = DateEdit(dates.pop() if len(dates) == 1 else None, optional=True)
        self.filed_on.setSpecialValueText(KEEP_DATE)
        self.add_field(
            "filed_on", "Filed on", self.filed_on, "The day every one was filed with the court."
        )
        self.quiet = {"doc_type"}
        self.finish()

    def problems(self) -> dict[str, str]:
        if self.doc_type.value() is None and self.filed_on.value() is None:
            return {"doc_type": "choose a type or a filed date to set on every document"}
        return {}

    def values(self) -> dict[str, Any]:
        return {"doc_type": self.doc_type.value(), "filed_on": self.filed_on.iso()}

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(edit_documents, [d.id for d in self.documents], **values)


TYPE_TIP = "What the document is; search can filter by it."
GUESS_HINT = "Read from the document's text at import (a guess): OK confirms it."
KEEP_TYPE = "(keep each document's type)"
KEEP_DATE = "(keep each document's date)"


def _guess_note(guessed: int, total: int) -> str:
    which = "the type of every one" if guessed == total else f"the type of {guessed} of them"
    return f"Read from the text at import, {which} is a guess: a type set here confirms it."


def _listed(docs: Sequence[Document], shown: int = 6) -> str:
    """The documents being edited, one a line (the first few, then how many more)."""
    lines = [f"{d.title} — {type_text(d.doc_type, d.type_guessed)}" for d in docs[:shown]]
    if len(docs) > shown:
        lines.append(f"and {len(docs) - shown} more")
    return "\n".join(lines)
