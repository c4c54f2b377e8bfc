"""Record that notice of a hearing was served: the proof an in absentia order rests on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import NOTICE_MIN_DAYS, Library, get_setting
from caseorg.records import (
    NOTICE_METHODS,
    add_notice,
    get_hearing,
    late_notice as late_notice,  # the rule is the records'; named here for the form
    list_documents,
)
from caseorg.words import choice_text, us_datetime, weekday_name
from caseorg_ui.dialogs.common import (
    FormDialog,
    Operation,
    hint_label,
    required,
    write_with,
)
from caseorg_ui.dialogs.fields import ChoiceCombo, DateEdit, DocumentCombo, line_edit, text_of
from caseorg_ui.qt import QCheckBox, QWidget


class NoticeDialog(FormDialog):
    """Add a notice of hearing: served date, method, address, returned, document.

    Context keywords: ``hearing_id`` — the hearing the notice is for (required).
    A notice served fewer than the library's minimum days (10 unless set
    otherwise) before the hearing, or after it, is recorded but flagged in amber
    (it would not support an in absentia order).
    """

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, hearing_id: int | None = None
    ):
        self.hearing = get_hearing(read_lib, required(self, "hearing_id", hearing_id))
        super().__init__(read_lib, parent, "Add notice of hearing")
        hearing = self.hearing
        self.min_days = get_setting(read_lib, NOTICE_MIN_DAYS)  # the library's rule
        self.hearing_day = dt.date.fromisoformat(hearing.starts_at[:10])
        start = dt.datetime.fromisoformat(hearing.starts_at)
        self.add_case_heading(hearing.a_number, hearing.respondent)
        self.add_top(
            hint_label(
                f"{choice_text(hearing.kind)} hearing on {weekday_name(start)} {us_datetime(start)}"
                + (f", {hearing.courtroom}" if hearing.courtroom else "")
                + (f", {hearing.judge_name}" if hearing.judge_name else "")
            )
        )
        # today, never a date that merely satisfies the rule: a clerk who clicks OK
        # must not record a compliant-looking service date that did not happen
        self.served_on = DateEdit(dt.date.today())
        self.add_field(
            "served_on",
            "Served on",
            self.served_on,
            f"The day the notice was served; at least {self.min_days} days before the "
            "hearing for it to support an in absentia order.",
        )
        self.method = ChoiceCombo(NOTICE_METHODS, "mail")
        self.add_field("method", "Method", self.method, "How the notice was served.")
        self.address = line_edit("", "Street, city, state ZIP")
        self.add_field(
            "address",
            "Address",
            self.address,
            "The address the notice was sent to (the respondent's address of record).",
        )
        self.returned = QCheckBox("Returned undeliverable")
        self.returned.setToolTip(
            "The post office sent it back: the notice no longer proves service."
        )
        self.add_field("returned", "", self.returned)
        self.returned_on = DateEdit(None, optional=True)
        self.add_field(
            "returned_on",
            "Came back on",
            self.returned_on,
            "The day the returned notice reached the court (optional).",
        )
        self.returned.toggled.connect(self.returned_on.setEnabled)
        self.returned_on.setEnabled(False)
        documents = list_documents(read_lib, hearing.case_id)
        documents.sort(key=lambda d: (d.doc_type != "hearing_notice", d.filed_on or "", d.id))
        self.document = DocumentCombo(documents)
        self.add_field(
            "document_id",
            "Notice document",
            self.document,
            "The scanned notice in the case file, if it has been imported (optional).",
        )
        self.finish()

    def problems(self) -> dict[str, str]:
        served, back = self.served_on.value(), self.returned_on.value()
        if self.returned.isChecked() and served and back and back < served:
            return {"returned_on": "a notice cannot come back before it was served"}
        return {}

    def warnings(self) -> dict[str, str]:
        out: dict[str, str] = {}
        served = self.served_on.value()
        if served is not None:
            late = late_notice(served, self.hearing_day, self.min_days)
            if late:
                out["served_on"] = late
            elif served > dt.date.today():
                out["served_on"] = "that day has not come yet"
        if self.returned.isChecked():
            out["returned"] = "a returned notice does not prove that the respondent was told"
        return out

    def values(self) -> dict[str, Any]:
        return {
            "served_on": self.served_on.iso(),
            "method": self.method.value(),
            "address": text_of(self.address),
            "returned_undeliverable": self.returned.isChecked(),
            "returned_on": self.returned_on.iso() if self.returned.isChecked() else None,
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_notice, self.hearing.id, **values)
