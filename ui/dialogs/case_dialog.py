"""New case / edit case: the respondent's details, with the A-number checked as typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    CASE_STATUSES,
    CASE_TYPES,
    CUSTODY,
    Case,
    add_case,
    edit_case,
    find_case,
    get_case,
    list_judges,
    used_case_values,
)
from caseorg.values import a_number_problem, format_a_number, parse_a_number
from caseorg_ui.dialogs.common import FormDialog, Operation, write_with
from caseorg_ui.dialogs.fields import (
    ChoiceCombo,
    DateEdit,
    JudgeCombo,
    complete,
    line_edit,
    make_read_only,
    text_of,
)
from caseorg_ui.qt import QWidget

TEXT_FIELDS = ("respondent", "nationality", "language", "court", "attorney", "dhs_counsel")


class CaseDialog(FormDialog):
    """Open a new case, or edit an existing one's details.

    Context keywords: ``case_id`` — the case to edit; omit (None) for a new case.

    The A-number is checked as it is typed (format, then duplicates in the
    library). It cannot be changed on an existing case — but a case known only by
    EOIR's case id is given its A-number here, and stays the same case — and neither
    can the judge: a change of judge is a reassignment, kept in its history.
    """

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, case_id: int | None = None
    ):
        self.case_id = case_id
        self.case: Case | None = get_case(read_lib, case_id) if case_id is not None else None
        super().__init__(read_lib, parent, "Edit case" if self.case else "New case")
        case = self.case
        if case:
            self.add_case_heading(case.a_number_display, case.respondent)
        # a new case, or one known only by EOIR's case id, takes an A-number here
        self.takes_a_number = case is None or not case.a_number

        self.a_number = line_edit(
            case.a_number_display if case and case.a_number else "", "A-123-456-789", max_length=20
        )
        if case and case.a_number:
            make_read_only(self.a_number)
            tip = "The A-number identifies the case; it cannot be changed."
            hint: str | None = (
                "The A-number identifies the case and cannot be changed. "
                "If it was entered wrongly, open a new case with the right one."
            )
        else:
            self.a_number.editingFinished.connect(self._tidy_a_number)
            tip = (
                "The respondent's alien registration number: 9 digits, "
                "typed as A-123-456-789, A123456789 or 123456789."
            )
            hint = None
            if case:
                hint = (
                    f"This case is known by EOIR's case id ({case.a_number_display}). "
                    "Type its A-number when you know it: it stays the same case."
                )
        self.add_field("a_number", "A-number", self.a_number, tip, hint=hint)

        self.respondent = line_edit(case.respondent if case else "", "Family name, given names")
        self.add_field(
            "respondent", "Respondent", self.respondent, "The respondent's full name (required)."
        )
        self.nationality = line_edit(case.nationality if case else "", "e.g. Guatemala")
        complete(self.nationality, used_case_values(read_lib, "nationality"))
        self.add_field("nationality", "Nationality", self.nationality, "Country of nationality.")
        self.language = line_edit(case.language if case else "", "e.g. Spanish")
        complete(self.language, used_case_values(read_lib, "language"))
        self.add_field(
            "language",
            "Language",
            self.language,
            "The respondent's best language: the default interpreter language for hearings.",
        )
        self.custody = ChoiceCombo(CUSTODY, case.custody if case else "non_detained")
        self.add_field(
            "custody", "Custody", self.custody, "Detained cases go on the detained docket."
        )
        self.case_type = ChoiceCombo(CASE_TYPES, case.case_type if case else "removal")
        self.add_field("case_type", "Case type", self.case_type, "The kind of proceeding.")
        self.status = ChoiceCombo(CASE_STATUSES, case.status if case else "pending")
        self.add_field("status", "Status", self.status, "Where the case stands.")
        self.court = line_edit(case.court if case else "", "e.g. Harbor City Immigration Court")
        complete(self.court, used_case_values(read_lib, "court"))
        self.add_field("court", "Court", self.court, "The immigration court hearing the case.")

        self.judges = list_judges(read_lib)
        self.judge = JudgeCombo(self.judges, case.judge_code if case else None)
        if case:
            self.judge.setEnabled(False)
            tip = "A change of judge is a reassignment, recorded in the case's history."
            hint = (
                "To change the judge, use Reassign case… — the move is kept in the "
                "reassignment history."
            )
        else:
            self.judge.currentIndexChanged.connect(self._court_from_judge)
            tip, hint = "The judge the case is assigned to (can be left unassigned).", None
        self.add_field("judge", "Judge", self.judge, tip, hint=hint)

        self.attorney = line_edit(case.attorney if case else "", "Name, firm (blank if pro se)")
        self.add_field(
            "attorney", "Attorney", self.attorney, "Respondent's counsel; leave blank if pro se."
        )
        self.dhs_counsel = line_edit(case.dhs_counsel if case else "", "e.g. ACC Naomi Park")
        complete(self.dhs_counsel, used_case_values(read_lib, "dhs_counsel"))
        self.add_field(
            "dhs_counsel", "DHS counsel", self.dhs_counsel, "Assistant Chief Counsel for DHS."
        )
        if case is None:
            self.quiet = {"a_number", "respondent"}
        self.opened_on = DateEdit(
            case.opened_on if case else dt.date.today(), optional=case is not None
        )
        self.add_field("opened_on", "Opened on", self.opened_on, "The day the case was opened.")
        self.finish()

    # -- behaviour -----------------------------------------------------------------
    def _tidy_a_number(self) -> None:
        """Show a valid A-number the way the court writes it once the user leaves the field."""
        text = self.a_number.text()
        if text.strip() and a_number_problem(text) is None:
            tidy = format_a_number(parse_a_number(text))
            if tidy != text:
                self.a_number.setText(tidy)

    def _court_from_judge(self) -> None:
        judge = self.judge.judge()
        if judge and judge.court and not self.court.text().strip():
            self.court.setText(judge.court)

    # -- checks ----------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.takes_a_number:
            text = self.a_number.text()
            if not text.strip():
                if self.case is None:
                    out["a_number"] = "an A-number is required"
            else:
                problem = a_number_problem(text)
                if problem:
                    out["a_number"] = problem
                else:
                    existing = find_case(self.read_lib, text)
                    if existing is not None:
                        out["a_number"] = (
                            f"case {existing.a_number_display} already exists "
                            f"({existing.respondent})"
                        )
        if not text_of(self.respondent):
            out["respondent"] = "the respondent's name is required"
        return out

    # -- saving ----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: text_of(getattr(self, key)) for key in TEXT_FIELDS}
        values.update(
            custody=self.custody.value(),
            case_type=self.case_type.value(),
            status=self.status.value(),
            opened_on=self.opened_on.iso(),
        )
        if self.case is None:
            values["a_number"] = parse_a_number(self.a_number.text())
            values["judge_code"] = self.judge.code()
        elif self.takes_a_number and self.a_number.text().strip():
            values["a_number"] = parse_a_number(self.a_number.text())
        return values

    def make_operation(self, values: dict[str, Any]) -> Operation:
        fields = dict(values)
        if self.case_id is None:
            a_number, respondent = fields.pop("a_number"), fields.pop("respondent")
            return write_with(add_case, a_number, respondent, **fields)
        if fields.get("opened_on") is None:
            fields["opened_on"] = ""  # the user cleared it (or it was never recorded)
        return write_with(edit_case, self.case_id, **fields)
