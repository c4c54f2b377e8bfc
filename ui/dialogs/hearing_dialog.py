"""Schedule a hearing or record what happened at one, with its exhibits."""

from __future__ import annotations

import re
from typing import Any

from caseorg.library import NOTICE_MIN_DAYS, Library, get_setting
from caseorg.records import (
    HEARING_KINDS,
    MEDIA,
    OUTCOMES,
    Document,
    Hearing,
    before_opening,
    courtrooms,
    exhibits_for,
    get_case,
    get_hearing,
    hearing_warning,
    list_documents,
    list_judges,
    notice_facts,
    notices_for,
    same_minute_problem,
    save_hearing,
)
from caseorg.words import choice_text, us_date, weekday_date, weekday_name
from caseorg_ui.dialogs.common import (
    HINT_COLOR,
    FormDialog,
    Operation,
    document_text,
    write_with,
)
from caseorg_ui.dialogs.fields import (
    ChoiceCombo,
    DateTimeEdit,
    JudgeCombo,
    complete,
    fixed_height_for_rows,
    line_edit,
    text_of,
)
from caseorg_ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

_EXHIBIT_NUMBER = re.compile(r"(\d+)")
LABEL = 3  # the exhibit label column


class ExhibitTable(QTableWidget):
    """The case's documents, each with a check box and an editable exhibit label."""

    def __init__(self, documents: list[Document], linked: dict[int, str | None]):
        super().__init__(len(documents), 4)
        self.setHorizontalHeaderLabels(["Document", "Type", "Filed", "Exhibit"])
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(3, 80)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.documents = documents
        for row, document in enumerate(documents):
            title = QTableWidgetItem(document.title)
            title.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(
                Qt.CheckState.Checked if document.id in linked else Qt.CheckState.Unchecked
            )
            title.setData(Qt.ItemDataRole.UserRole, document.id)
            title.setToolTip(document_text(document))
            kind = QTableWidgetItem(choice_text(document.doc_type))
            filed = QTableWidgetItem(us_date(document.filed_on))
            for item in (kind, filed):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            exhibit = QTableWidgetItem(linked.get(document.id) or "")
            exhibit.setToolTip("The exhibit label, e.g. Exh. 3 (double-click to change).")
            for column, item in enumerate((title, kind, filed, exhibit)):
                self.setItem(row, column, item)
        fixed_height_for_rows(self, min(max(len(documents), 2), 6))
        self.itemChanged.connect(self._label_new_exhibit)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None  # every cell is filled in __init__
        return item

    def _label_new_exhibit(self, item: QTableWidgetItem) -> None:
        """A document just checked gets the next free 'Exh. N'; unchecked loses its label."""
        if item.column() != 0:
            return
        label = self.cell(item.row(), LABEL)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and not label.text().strip():
            label.setText(f"Exh. {self._next_number()}")
        elif not checked and label.text():
            label.setText("")

    def _next_number(self) -> int:
        numbers = [0]
        for row in range(self.rowCount()):
            found = _EXHIBIT_NUMBER.search(self.cell(row, LABEL).text())
            if found:
                numbers.append(int(found.group(1)))
        return max(numbers) + 1

    def set_checked(self, document_id: int, checked: bool = True) -> None:
        for row in range(self.rowCount()):
            item = self.cell(row, 0)
            if item.data(Qt.ItemDataRole.UserRole) == document_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def exhibits(self) -> dict[int, str | None]:
        """{document id: label} of the checked documents."""
        out: dict[int, str | None] = {}
        for row in range(self.rowCount()):
            item = self.cell(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                out[int(item.data(Qt.ItemDataRole.UserRole))] = (
                    self.cell(row, LABEL).text().strip() or None
                )
        return out


class HearingDialog(FormDialog):
    """Schedule a hearing of a case, or edit one (outcome, adjournment, exhibits).

    Context keywords: ``case_id`` — the case (required); ``hearing_id`` — the
    hearing to edit, omit (None) to schedule a new one. A new hearing's judge
    defaults to the case's judge and its interpreter to the case's language.
    """

    def __init__(
        self,
        read_lib: Library,
        parent: QWidget | None = None,
        case_id: int | None = None,
        hearing_id: int | None = None,
    ):
        if case_id is None and hearing_id is None:
            raise TypeError("HearingDialog needs case_id (and hearing_id to edit)")
        self.hearing: Hearing | None = (
            get_hearing(read_lib, hearing_id) if hearing_id is not None else None
        )
        self.hearing_id = hearing_id
        self.case_id = int(case_id if case_id is not None else self.hearing.case_id)  # type: ignore[union-attr]
        self.case = get_case(read_lib, self.case_id)
        super().__init__(read_lib, parent, "Edit hearing" if self.hearing else "Schedule hearing")
        self.setMinimumWidth(660)
        hearing, case = self.hearing, self.case
        self.add_case_heading(case.a_number, case.respondent)

        self.starts_at = DateTimeEdit(hearing.starts_at if hearing else None)
        self.day_label = QLabel()
        self.day_label.setStyleSheet(f"color: {HINT_COLOR};")
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.starts_at)
        row.addWidget(self.day_label, 1)
        self.starts_at.dateTimeChanged.connect(self._show_day)
        self._show_day()
        self.add_field(
            "starts_at",
            "Date and time",
            self.starts_at,
            "When the hearing starts. Click the arrow for a calendar.",
            shown=when,
        )
        self.kind = ChoiceCombo(HEARING_KINDS, hearing.kind if hearing else "master")
        self.add_field(
            "kind", "Kind", self.kind, "Master calendar, individual (merits), bond or status."
        )
        judges = list_judges(read_lib)
        current = hearing.judge_code if hearing else case.judge_code
        self.judge = JudgeCombo(judges, current, empty="(no judge)" if current is None else None)
        self.add_field(
            "judge",
            "Judge",
            self.judge,
            "The judge presiding at this hearing (by default, the case's judge).",
        )
        self.courtroom = line_edit(hearing.courtroom if hearing else "", "e.g. Courtroom 4")
        complete(self.courtroom, courtrooms(read_lib))
        self.add_field("courtroom", "Courtroom", self.courtroom, "Where the hearing is held.")
        self.medium = ChoiceCombo(MEDIA, hearing.medium if hearing else "in_person")
        self.add_field(
            "medium", "Medium", self.medium, "In person, by video (VTC) or by telephone."
        )
        self.interpreter = line_edit(
            hearing.interpreter_language if hearing else case.language, "None (English)"
        )
        self.add_field(
            "interpreter_language",
            "Interpreter",
            self.interpreter,
            "The interpreter's language; blank when none is needed. "
            "Defaults to the respondent's language.",
        )
        self.outcome = ChoiceCombo(OUTCOMES, hearing.outcome if hearing else "pending")
        self.add_field("outcome", "Outcome", self.outcome, "What came of the hearing.")
        self.reason = line_edit(
            hearing.adjournment_reason if hearing else "", "e.g. respondent to seek counsel"
        )
        self.add_field(
            "adjournment_reason",
            "Adjournment reason",
            self.reason,
            "Why the hearing was continued (required when the outcome is continued).",
        )
        self.outcome.currentIndexChanged.connect(self._enable_reason)
        self._enable_reason()
        self.notes = QPlainTextEdit(hearing.notes if hearing and hearing.notes else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Anything the next reader of the file should know")
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.add_field("notes", "Notes", self.notes, "Free notes about this hearing.")

        documents = list_documents(read_lib, self.case_id)
        linked = (
            {int(row["id"]): row["exhibit"] for row in exhibits_for(read_lib, hearing.id)}
            if hearing
            else {}
        )
        self.exhibits = ExhibitTable(documents, linked)
        self.add_field(
            "exhibits",
            "Exhibits",
            self.exhibits,
            "Tick the case's documents that are exhibits at this hearing; "
            "double-click a label to change it.",
            hint=None if documents else "This case has no documents yet: import them first.",
        )
        if not documents:
            self.exhibits.hide()
        self.finish()

    # -- behaviour -----------------------------------------------------------------
    def _show_day(self) -> None:
        self.day_label.setText(weekday_date(self.starts_at.value().date()))

    def _enable_reason(self) -> None:
        self.reason.setEnabled(self.outcome.value() == "continued")

    # -- checks ----------------------------------------------------------------------
    def _minute(self) -> str:
        return self.starts_at.value().isoformat(sep=" ")[:16]

    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        where = (self._minute(), self.kind.value())
        if self.hearing is None or where != (self.hearing.starts_at, self.hearing.kind):
            twin = same_minute_problem(self.read_lib, self.case_id, *where, self.hearing_id)
            if twin:
                out["starts_at"] = twin
        if self.outcome.value() == "continued" and not text_of(self.reason):
            out["adjournment_reason"] = "say why the hearing was continued"
        labels = [label for label in self.exhibits.exhibits().values() if label]
        repeated = sorted({label for label in labels if labels.count(label) > 1})
        if repeated:
            out["exhibits"] = f"two exhibits are labelled {repeated[0]!r}"
        return out

    def warnings(self) -> dict[str, str]:
        out: dict[str, str] = {}
        start = self.starts_at.value()
        early = before_opening(self._minute(), self.case.opened_on)
        if start.weekday() >= 5:
            out["starts_at"] = f"that is a {weekday_name(start)}: the court does not usually sit"
        if early:
            out["starts_at"] = "; ".join(filter(None, [out.get("starts_at"), early]))
        if self.outcome.value() == "in_absentia_order":
            notices = notices_for(self.read_lib, self.hearing.id) if self.hearing else []
            probe = Hearing(
                id=self.hearing_id or 0,
                case_id=self.case_id,
                starts_at=start.isoformat(sep=" "),
                outcome="in_absentia_order",
                proceeding_id=self.hearing.proceeding_id if self.hearing else None,
            )
            facts = notice_facts(self.read_lib, probe, notices)  # the whole judgment (issue 14)
            problem = hearing_warning(
                facts, get_setting(self.read_lib, NOTICE_MIN_DAYS), flags=True
            )
            if problem:
                out["outcome"] = problem
        return out

    # -- saving ----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        continued = self.outcome.value() == "continued"
        return {
            "starts_at": self._minute(),
            "kind": self.kind.value(),
            "judge_code": self.judge.code(),
            "courtroom": text_of(self.courtroom),
            "medium": self.medium.value(),
            "interpreter_language": text_of(self.interpreter),
            "outcome": self.outcome.value(),
            "adjournment_reason": text_of(self.reason) if continued else "",
            "notes": text_of(self.notes),
            "exhibits": self.exhibits.exhibits(),
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        fields = dict(values)
        starts_at, exhibits = fields.pop("starts_at"), fields.pop("exhibits")
        return write_with(
            save_hearing, self.case_id, self.hearing_id, starts_at, exhibits, **fields
        )
