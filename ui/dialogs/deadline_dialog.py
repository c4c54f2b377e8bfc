"""Deadlines of a case: add one, and mark one done with the document that met it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    DEADLINE_KINDS,
    add_deadline,
    get_case,
    get_deadline,
    list_documents,
    mark_done,
)
from caseorg.words import choice_text, counted, us_date, weekday_name
from caseorg_ui.dialogs.common import (
    FormDialog,
    Operation,
    hint_label,
    required,
    write_with,
)
from caseorg_ui.dialogs.fields import ChoiceCombo, DateEdit, DocumentCombo, line_edit, text_of
from caseorg_ui.qt import QWidget


class DeadlineDialog(FormDialog):
    """Add a deadline to a case: kind, due date, note and (optionally) its document.

    Context keywords: ``case_id`` — the case (required).
    """

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, case_id: int | None = None
    ):
        self.case_id = required(self, "case_id", case_id)
        self.case = get_case(read_lib, self.case_id)
        super().__init__(read_lib, parent, "Add deadline")
        self.add_case_heading(self.case.a_number, self.case.respondent)
        self.kind = ChoiceCombo(DEADLINE_KINDS, "brief_due")
        self.add_field("kind", "Kind", self.kind, "What is due.")
        self.due_on = DateEdit(dt.date.today() + dt.timedelta(days=30))
        self.add_field("due_on", "Due on", self.due_on, "The last day to meet the deadline.")
        self.note = line_edit("", "e.g. DHS response to the motion to reopen")
        self.add_field("note", "Note", self.note, "What exactly is due, and from whom.")
        self.document = DocumentCombo(list_documents(read_lib, self.case_id))
        self.add_field(
            "document_id",
            "Document",
            self.document,
            "The document the deadline is about, e.g. the motion a response is due to (optional).",
        )
        self.finish()

    def warnings(self) -> dict[str, str]:
        due = self.due_on.value()
        if due is not None and due < dt.date.today():
            return {"due_on": "that day has passed: the deadline is already overdue"}
        if due is not None and due.weekday() >= 5:
            return {"due_on": f"that is a {weekday_name(due)}"}
        return {}

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value(),
            "due_on": self.due_on.iso(),
            "note": text_of(self.note),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_deadline, self.case_id, **values)


class MarkDoneDialog(FormDialog):
    """Mark a deadline done: the day it was met and the document that met it.

    Context keywords: ``deadline_id`` — the deadline (required).
    """

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, deadline_id: int | None = None
    ):
        self.deadline = deadline = get_deadline(
            read_lib, required(self, "deadline_id", deadline_id)
        )
        self.case = get_case(read_lib, deadline.case_id)
        super().__init__(read_lib, parent, "Mark deadline done")
        self.add_case_heading(self.case.a_number, self.case.respondent)
        summary = f"{choice_text(deadline.kind)}, due {us_date(deadline.due_on)}"
        if deadline.note:
            summary += f" — {deadline.note}"
        self.add_top(hint_label(summary))
        self.done_on = DateEdit(deadline.done_on or dt.date.today())
        self.add_field(
            "done_on",
            "Done on",
            self.done_on,
            "The day the deadline was met (e.g. the brief was filed).",
            hint=f"Already marked done on {us_date(deadline.done_on)}: saving changes it."
            if deadline.done_on
            else None,
        )
        documents = list_documents(read_lib, deadline.case_id)
        documents.sort(key=lambda d: d.filed_on or "", reverse=True)  # newest first
        self.document = DocumentCombo(documents, deadline.document_id)
        self.add_field(
            "document_id",
            "Document",
            self.document,
            "The document that satisfied the deadline, e.g. the brief that was filed.",
        )
        self.finish()

    def warnings(self) -> dict[str, str]:
        done = self.done_on.value()
        if done is None:
            return {}
        if done > dt.date.today():
            return {"done_on": "that day has not come yet"}
        if done.isoformat() > self.deadline.due_on:
            late = (done - dt.date.fromisoformat(self.deadline.due_on)).days
            return {"done_on": f"{counted(late, 'day')} after the due date"}
        return {}

    def values(self) -> dict[str, Any]:
        return {"done_on": self.done_on.iso(), "document_id": self.document.document_id()}

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(mark_done, self.deadline.id, **values)
