"""Record a case's life from the app: an address (the NTA's, or a change of address on
EOIR-33), counsel's appearance (EOIR-28), service of the NTA, and a motion — what the
notice judgment reads. The rules are the core's (it refuses what cannot be true: the
dialog reopens with the message); the forms check what they can as one types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records import (
    ADDRESS_SOURCES,
    MOTION_GROUNDS,
    MOTION_KINDS,
    NTA_METHODS,
    PARTIES,
    add_address,
    add_counsel,
    add_motion,
    add_nta_service,
    clean_address,
    get_case,
    list_documents,
)
from caseorg.words import us_date
from caseorg_ui.dialogs.common import FormDialog, Operation, required, write_with
from caseorg_ui.dialogs.fields import ChoiceCombo, DateEdit, DocumentCombo, line_edit, text_of
from caseorg_ui.qt import QCheckBox, QWidget


class CaseRecordDialog(FormDialog):
    """A form about one case: its heading, and its documents to pick the paper from.

    Context keywords: ``case_id`` — the case (required)."""

    TITLE = ""
    HAS_DOCUMENT = True  # a "Document" field: the paper the record is on

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, case_id: int | None = None
    ):
        self.case_id = required(self, "case_id", case_id)
        self.case = get_case(read_lib, self.case_id)
        super().__init__(read_lib, parent, self.TITLE)
        self.add_case_heading(self.case.a_number, self.case.respondent)
        self.document = DocumentCombo(list_documents(read_lib, self.case_id))
        self.build()
        if self.HAS_DOCUMENT:
            self.add_field("document_id", "Document", self.document, "The paper it is on.")
        self.finish()

    def build(self) -> None:
        """Add the form's own fields."""

    def before_opening(self, day: dt.date | None, what: str) -> dict[str, str]:
        opened = self.case.opened_on
        if day is not None and opened and day.isoformat() < opened[:10]:
            return {what: f"before the case was opened ({us_date(opened)})"}
        return {}


class AddressDialog(CaseRecordDialog):
    """An address the respondent gave: on the NTA, or a change of address (EOIR-33)."""

    TITLE = "Record an address"

    def build(self) -> None:
        self.source = ChoiceCombo(ADDRESS_SOURCES, "eoir33")
        self.add_field("source", "From", self.source, "eoir33: a change of address; nta: the NTA.")
        self.received_on = DateEdit(dt.date.today())
        self.add_field("received_on", "Received", self.received_on, "The day the court got it.")
        self.address = line_edit("", "Street, city, state ZIP")
        self.add_field("address", "Address", self.address, "As the respondent wrote it.")
        self.none = QCheckBox("The respondent provided no address")
        self.add_field("none", "", self.none)
        self.quiet.add("address")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not self.none.isChecked():
            try:
                clean_address(text_of(self.address))
            except InvalidValue as exc:
                found["address"] = str(exc)
        if self.source.value() == "eoir33":
            found |= self.before_opening(self.received_on.value(), "received_on")
        return found

    def values(self) -> dict[str, Any]:
        return {
            "address": None if self.none.isChecked() else text_of(self.address),
            "received_on": self.received_on.iso(),
            "source": self.source.value(),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_address, self.case_id, **values)


class CounselDialog(CaseRecordDialog):
    """Counsel's appearance (EOIR-28), and the withdrawal if it has happened."""

    TITLE = "Record counsel of record"

    def build(self) -> None:
        self.counsel = line_edit("", "Name, firm")
        self.add_field("counsel", "Counsel", self.counsel, "Counsel's name.")
        self.eoir_id = line_edit("", "EOIR ID")
        self.add_field("eoir_id", "EOIR ID", self.eoir_id, "Counsel's EOIR ID (optional).")
        self.from_on = DateEdit(dt.date.today())
        self.add_field("from_on", "Appeared", self.from_on, "The day the EOIR-28 was filed.")
        self.to_on = DateEdit(None, optional=True)
        self.add_field("to_on", "Withdrew", self.to_on, "The day counsel withdrew (optional).")
        self.quiet.add("counsel")

    def problems(self) -> dict[str, str]:
        found = {} if text_of(self.counsel) else {"counsel": "counsel's name is required"}
        start, end = self.from_on.value(), self.to_on.value()
        if start and end and end < start:
            found["to_on"] = "before the appearance"
        return found | self.before_opening(start, "from_on")

    def values(self) -> dict[str, Any]:
        return {
            "counsel": text_of(self.counsel),
            "from_on": self.from_on.iso(),
            "eoir_id": text_of(self.eoir_id) or None,
            "to_on": self.to_on.iso(),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_counsel, self.case_id, **values)


class NtaDialog(CaseRecordDialog):
    """Service of the Notice to Appear, and whether it stated the time and place."""

    TITLE = "Record service of the NTA"

    def build(self) -> None:
        self.served_on = DateEdit(dt.date.today())
        self.add_field("served_on", "Served", self.served_on, "The day the NTA was served.")
        self.method = ChoiceCombo(NTA_METHODS, "personal")
        self.add_field("method", "Method", self.method, "Personal service or mail.")
        self.time_and_place = QCheckBox("The NTA stated the time and place of the hearing")
        self.add_field("time_and_place", "", self.time_and_place)

    def values(self) -> dict[str, Any]:
        return {
            "served_on": self.served_on.iso(),
            "method": self.method.value(),
            "time_and_place": self.time_and_place.isChecked(),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_nta_service, self.case_id, **values)


class MotionDialog(CaseRecordDialog):
    """A motion (to reopen, to rescind an in absentia order, ...) as filed."""

    TITLE = "Record a motion"

    def build(self) -> None:
        self.kind = ChoiceCombo(MOTION_KINDS, "rescind_in_absentia")
        self.add_field("kind", "Motion", self.kind, "What the motion asks.")
        self.filed_by = ChoiceCombo(PARTIES, "respondent")
        self.add_field("filed_by", "Filed by", self.filed_by, "The moving party.")
        self.ground = ChoiceCombo(MOTION_GROUNDS, "lack_of_notice")
        self.add_field("ground", "Ground", self.ground, "Why (decides the time limit).")
        self.filed_on = DateEdit(dt.date.today())
        self.add_field("filed_on", "Filed", self.filed_on, "The day it was filed.")

    def problems(self) -> dict[str, str]:
        return self.before_opening(self.filed_on.value(), "filed_on")

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value(),
            "filed_on": self.filed_on.iso(),
            "filed_by": self.filed_by.value(),
            "ground": self.ground.value(),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_motion, self.case_id, **values)
