"""Reassign a case to another judge — a new entry in an append-only history.

There is deliberately no way to edit an entry: the dialog only appends. A
mistake is put right with a new entry that says which one it corrects.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    Reassignment,
    get_case,
    list_hearings,
    list_judges,
    list_reassignments,
    reassign,
)
from caseorg.words import us_date
from caseorg_ui.dialogs.common import (
    FormDialog,
    Operation,
    banner,
    judge_text,
    required,
    write_with,
)
from caseorg_ui.dialogs.fields import DateEdit, JudgeCombo, compact, line_edit, text_of
from caseorg_ui.qt import QCheckBox, QComboBox, QLabel, QWidget

APPEND_ONLY_NOTE = (
    "<b>The reassignment history is append-only.</b> An entry cannot be edited or "
    "deleted once saved: a correction is a new entry that names the one it corrects."
)


def entry_text(entry: Reassignment) -> str:
    """'#3 · 02/01/2025 · JRM → TLW · caseload balancing'."""
    source = entry.from_judge_code or "unassigned"
    return (
        f"#{entry.id} · {us_date(entry.effective_on)} · {source} → {entry.to_judge_code}"
        f" · {entry.reason}"
    )


class ReassignmentDialog(FormDialog):
    """Move a case to another judge (or record a correction of an earlier move).

    Context keywords: ``case_id`` — the case to reassign (required). There is
    no ``reassignment_id``: an existing entry is never edited.
    """

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, case_id: int | None = None
    ):
        self.case_id = required(self, "case_id", case_id)
        self.case = get_case(read_lib, self.case_id)
        super().__init__(read_lib, parent, "Reassign case")
        self.setMinimumWidth(560)
        case = self.case
        self.add_case_heading(case.a_number, case.respondent)
        self.note = banner(APPEND_ONLY_NOTE)
        self.add_top(self.note)

        self.all_judges = list_judges(read_lib)
        current = next((j for j in self.all_judges if j.id == case.judge_id), None)
        self.current_judge = current
        self.from_label = QLabel(judge_text(current))
        self.add_field("from", "From", self.from_label, "The judge the case is assigned to now.")

        self.history = list_reassignments(read_lib, case_id=self.case_id)
        self.corrects = QComboBox()
        self.corrects.addItem("Nothing — this is a new reassignment", None)
        for entry in reversed(self.history):
            self.corrects.addItem(entry_text(entry), entry.id)
        compact(self.corrects)
        if not self.history:
            self.corrects.setEnabled(False)
        self.corrects.currentIndexChanged.connect(self._correction_chosen)
        self.add_field(
            "corrects",
            "Corrects entry",
            self.corrects,
            "Choose an earlier entry of this case if this entry corrects it; "
            "both stay in the history.",
            hint=None if self.history else "This case has no earlier reassignments.",
        )

        self.to_judge = JudgeCombo(self._choices(), None, empty="Choose a judge…")
        self.add_field(
            "to",
            "To",
            self.to_judge,
            "The judge who takes the case over.",
        )
        self.effective_on = DateEdit(dt.date.today())
        self.add_field(
            "effective_on",
            "Effective on",
            self.effective_on,
            "The day the new judge takes over the case.",
        )
        self.reason = line_edit("", "e.g. caseload balancing; judge retired")
        self.add_field(
            "reason", "Reason", self.reason, "Why the case moves (required; kept in the history)."
        )
        self.ordered_by = line_edit("", "e.g. ACIJ Eleanor V. Castellano")
        self.add_field(
            "ordered_by",
            "Ordered by",
            self.ordered_by,
            "Who ordered the reassignment (e.g. the Assistant Chief Immigration Judge).",
        )
        self.midstream = QCheckBox("Mid-stream: hearings had already begun before the move")
        self.midstream.setToolTip(
            "The new judge takes over a case whose hearings have begun: they must "
            "familiarise themselves with the record (8 CFR 1240.1(b))."
        )
        self.midstream.setChecked(self._had_hearings())
        self.add_field("midstream", "", self.midstream)
        self.quiet = {"to", "reason"}
        self.finish()

    # -- behaviour -----------------------------------------------------------------
    def _had_hearings(self) -> bool:
        """Mid-stream by default when the case has had a hearing before today."""
        today = dt.date.today().isoformat()
        return any(h.starts_at[:10] < today for h in list_hearings(self.read_lib, self.case_id))

    def _choices(self) -> list[Any]:
        """The judges the case can move to: not its current judge (unless correcting)."""
        if self.corrects.currentData() is not None:
            return list(self.all_judges)
        return [j for j in self.all_judges if j.id != self.case.judge_id]

    def _correction_chosen(self) -> None:
        entry_id = self.corrects.currentData()
        self.to_judge.fill(self._choices(), self.to_judge.code())
        if entry_id is None:
            self.reason.setPlaceholderText("e.g. caseload balancing; judge retired")
            return
        entry = next(e for e in self.history if e.id == entry_id)
        # start from the entry being corrected: the clerk changes what was wrong
        self.to_judge.set_code(entry.to_judge_code)
        self.effective_on.set_value(entry.effective_on)
        self.ordered_by.setText(entry.ordered_by or "")
        self.midstream.setChecked(bool(entry.midstream))
        self.reason.setPlaceholderText(f"What was wrong in entry #{entry.id}")

    # -- checks ----------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.to_judge.count() <= 1:
            out["to"] = "there is no other judge in this library: add one first (Judges…)"
        elif self.to_judge.code() is None:
            out["to"] = "choose the judge the case moves to"
        if not text_of(self.reason):
            out["reason"] = "a reason for the reassignment is required"
        return out

    def warnings(self) -> dict[str, str]:
        out: dict[str, str] = {}
        effective = self.effective_on.value()
        if self.history and effective is not None and self.corrects.currentData() is None:
            last = max(e.effective_on for e in self.history)
            if effective.isoformat() < last:
                out["effective_on"] = (
                    f"earlier than the last reassignment ({us_date(last)}): "
                    "is this a correction of it?"
                )
        return out

    # -- saving ----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            "to_judge_code": self.to_judge.code(),
            "reason": text_of(self.reason),
            "effective_on": self.effective_on.iso(),
            "ordered_by": text_of(self.ordered_by) or None,
            "midstream": self.midstream.isChecked(),
            "corrects": self.corrects.currentData(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(reassign, self.case_id, **values)
