"""Record more of a case's life from the app: a proceeding, an application for relief,
a BIA appeal, a spell of custody, and an exhibit (number, offering party, status). Each
is a small form on :class:`caseorg_ui.dialogs.case_life_dialogs.CaseRecordDialog`; the
core decides what cannot be true and the dialog reopens with its message."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.records import (
    CASE_TYPES,
    CUSTODY,
    CUSTODY_STATUSES,
    DECISIONS,
    EXHIBIT_STATUSES,
    OFFERED_BY,
    PARTIES,
    RELIEF_KINDS,
    add_appeal,
    add_custody,
    add_proceeding,
    add_relief,
    list_hearings,
    list_judges,
    mark_exhibit,
    parse_charges,
)
from caseorg.words import label, us_datetime
from caseorg_ui.dialogs.case_life_dialogs import (
    AddressDialog,
    CaseRecordDialog,
    CounselDialog,
    MotionDialog,
    NtaDialog,
)
from caseorg_ui.dialogs.common import Operation, write_with
from caseorg_ui.dialogs.fields import (
    ChoiceCombo,
    DataCombo,
    DateEdit,
    JudgeCombo,
    line_edit,
    text_of,
)
from caseorg_ui.qt import QCheckBox


class ProceedingDialog(CaseRecordDialog):
    """Open a proceeding: type, custody, judge, court, charges, and, once decided, the
    decision, completion and a written 10-day waiver."""

    TITLE = "Record a proceeding"
    HAS_DOCUMENT = False

    def build(self) -> None:
        case = self.case
        self.case_type = ChoiceCombo(CASE_TYPES, case.case_type)
        self.add_field("case_type", "Type", self.case_type, "The kind of proceeding.")
        self.custody = ChoiceCombo(CUSTODY, case.custody)
        self.add_field("custody", "Custody", self.custody, "Custody when it opened.")
        self.judge = JudgeCombo(list_judges(self.read_lib), case.judge_code)
        self.add_field("judge_code", "Judge", self.judge, "The judge of the proceeding.")
        self.court = line_edit(case.court, "Court")
        self.add_field("court", "Court", self.court, "The immigration court.")
        self.opened_on = DateEdit(dt.date.today())
        self.add_field("opened_on", "Opened", self.opened_on, "The day it opened.")
        self.charges = line_edit("", "212(a)(6)(A)(i), 237(a)(1)(B)")
        self.add_field("charges", "Charges", self.charges, "INA sections charged (optional).")
        self.decision = ChoiceCombo(DECISIONS, None, empty="(pending)")
        self.add_field("decision", "Decision", self.decision, "The decision, once made.")
        self.completed_on = DateEdit(None, optional=True)
        self.add_field("completed_on", "Completed", self.completed_on, "The day it ended.")
        self.absentia = QCheckBox("Decided in absentia")
        self.add_field("absentia", "", self.absentia)
        self.waiver = DateEdit(None, optional=True)
        self.add_field(
            "ten_day_waiver_on",
            "10-day waiver",
            self.waiver,
            "The day the respondent waived the 10 days of INA 239(b)(1) in writing.",
        )

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        try:
            parse_charges(text_of(self.charges))
        except InvalidValue as exc:
            found["charges"] = str(exc)
        opened, completed = self.opened_on.value(), self.completed_on.value()
        if opened and completed and completed < opened:
            found["completed_on"] = "before the proceeding opened"
        return found

    def values(self) -> dict[str, Any]:
        return {
            "case_type": self.case_type.value(),
            "custody": self.custody.value(),
            "judge_code": self.judge.code(),
            "court": text_of(self.court),
            "opened_on": self.opened_on.iso(),
            "charges": text_of(self.charges) or None,
            "decision": self.decision.value(),
            "completed_on": self.completed_on.iso(),
            "absentia": self.absentia.isChecked(),
            "ten_day_waiver_on": self.waiver.iso(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_proceeding, self.case_id, **values)


class ReliefDialog(CaseRecordDialog):
    """An application for relief as filed (its outcome: ``caseorg relief decide``)."""

    TITLE = "Record an application for relief"

    def build(self) -> None:
        self.kind = ChoiceCombo(RELIEF_KINDS, "asylum")
        self.add_field("kind", "Relief", self.kind, "What is applied for.")
        self.filed_on = DateEdit(dt.date.today())
        self.add_field("filed_on", "Filed", self.filed_on, "The day it was filed.")

    def problems(self) -> dict[str, str]:
        return self.before_opening(self.filed_on.value(), "filed_on")

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value(),
            "filed_on": self.filed_on.iso(),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_relief, self.case_id, **values)


class AppealDialog(CaseRecordDialog):
    """An appeal to the BIA as filed."""

    TITLE = "Record a BIA appeal"

    def build(self) -> None:
        self.filed_by = ChoiceCombo(PARTIES, "respondent")
        self.add_field("filed_by", "Filed by", self.filed_by, "The appealing party.")
        self.filed_on = DateEdit(dt.date.today())
        self.add_field("filed_on", "Filed", self.filed_on, "The day it was filed.")

    def problems(self) -> dict[str, str]:
        return self.before_opening(self.filed_on.value(), "filed_on")

    def values(self) -> dict[str, Any]:
        return {
            "filed_on": self.filed_on.iso(),
            "filed_by": self.filed_by.value(),
            "document_id": self.document.document_id(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_appeal, self.case_id, **values)


class CustodyDialog(CaseRecordDialog):
    """A spell of custody: detained (where) or released, from a day to a day."""

    TITLE = "Record custody"
    HAS_DOCUMENT = False

    def build(self) -> None:
        self.status = ChoiceCombo(CUSTODY_STATUSES, "detained")
        self.add_field("status", "Custody", self.status, "Detained by DHS, or released.")
        self.from_on = DateEdit(dt.date.today())
        self.add_field("from_on", "From", self.from_on, "The first day.")
        self.to_on = DateEdit(None, optional=True)
        self.add_field("to_on", "To", self.to_on, "The last day, once it ended.")
        self.facility = line_edit("", "Detention facility")
        self.add_field("facility", "Facility", self.facility, "Where (optional).")

    def problems(self) -> dict[str, str]:
        start, end = self.from_on.value(), self.to_on.value()
        return {"to_on": "before it began"} if start and end and end < start else {}

    def values(self) -> dict[str, Any]:
        return {
            "status": self.status.value(),
            "from_on": self.from_on.iso(),
            "to_on": self.to_on.iso(),
            "facility": text_of(self.facility) or None,
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_custody, self.case_id, **values)


class ExhibitDialog(CaseRecordDialog):
    """Mark a document as an exhibit at a hearing: its number, who offered it, and its
    status (marked, admitted, excluded, withdrawn)."""

    TITLE = "Mark an exhibit"

    def build(self) -> None:
        self.hearing = DataCombo()
        for h in list_hearings(self.read_lib, case_id=self.case_id):
            self.hearing.addItem(f"{us_datetime(h.starts_at)} {label(h.kind)}", h.id)
        self.add_field("hearing_id", "Hearing", self.hearing, "The hearing it was marked at.")
        self.number = line_edit("", "e.g. 3")
        self.add_field("number", "Exhibit", self.number, "Its number in the record.")
        self.offered_by = ChoiceCombo(OFFERED_BY, "dhs")
        self.add_field("offered_by", "Offered by", self.offered_by, "The offering party.")
        self.status = ChoiceCombo(EXHIBIT_STATUSES, "marked")
        self.add_field("status", "Status", self.status, "Marked, admitted, excluded, withdrawn.")
        self.quiet.add("number")

    def problems(self) -> dict[str, str]:
        found = {} if text_of(self.number) else {"number": "the exhibit number is required"}
        if self.hearing.value() is None:
            found["hearing_id"] = "the case has no hearing yet"
        if self.document.document_id() is None:
            found["document_id"] = "choose the document"
        return found

    def values(self) -> dict[str, Any]:
        return {
            "hearing_id": self.hearing.value(),
            "document_id": self.document.document_id(),
            "number": text_of(self.number),
            "offered_by": self.offered_by.value(),
            "status": self.status.value(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(mark_exhibit, **values)


def life_dialogs() -> dict[str, type[CaseRecordDialog]]:
    """The forms the case life tab's "Record: ..." links open, by kind."""
    return {
        "address": AddressDialog,
        "counsel": CounselDialog,
        "nta": NtaDialog,
        "proceeding": ProceedingDialog,
        "relief": ReliefDialog,
        "motion": MotionDialog,
        "appeal": AppealDialog,
        "custody": CustodyDialog,
        "exhibit": ExhibitDialog,
    }
