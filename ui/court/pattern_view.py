"""The court's reassignment patterns on screen (the "Court patterns" tab of the
reassignment report): per judge, the moves out and in, the moves soon after a
continuance for notice and the cases received without a certification of familiarity;
below, every move with its order and the original judge's last action.

Clicking a judge's figure shows the cases behind it in the moves table; double-clicking
a move opens its case. Print… / Export PDF… / Export CSV… use the core's report
(:func:`caseorg.court.pattern_report`, :func:`caseorg.reports.pattern_report_html`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from caseorg.court import MoveRow, PatternReport, pattern_csv, pattern_report
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.private_files import write_private
from caseorg.records import list_judges
from caseorg.reports import ROLE_WORDS, pattern_report_html
from caseorg.words import choice_text, us_date
from caseorg_ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    QSpinBox,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import RowsModel, sortable

JUDGE_COLUMNS = (
    "Judge",
    "Moved out",
    "Moved in",
    "Out after notice continuance",
    "In, not certified",
)
# the figure each judge column shows, by its key in the core's judge figures
JUDGE_FIGURES = (None, "moved_out", "moved_in", "after_notice_continuance", "without_familiarity")
MOVE_COLUMNS = (
    "Order",
    "Effective",
    "Case",
    "Respondent",
    "From",
    "To",
    "Reason",
    "Ordered by",
    "Last action by the original judge",
    "Days",
    "First hearing after",
)
FLAG = QColor("#fde8e8")


class JudgeModel(RowsModel[dict[str, Any]]):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = JUDGE_FIGURES[index.column()]
        return row["judge"] if key is None else str(row[key]["count"])


class MoveModel(RowsModel[MoveRow]):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.after_notice_continuance:
            return QBrush(FLAG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"Reassignment #{row.reassignment_id}: {row.reason}\nDouble-click to open the case"
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return move_cells(row)[index.column()]


def move_cells(row: MoveRow) -> list[str]:
    """A move as the table's cells."""
    last = "none held"
    if row.last_action_on:
        last = f"{us_date(row.last_action_on)} {choice_text(row.last_action_outcome or '')}"
        if row.last_action_reason:
            last += f" ({row.last_action_reason})"
    first = "none since"
    if row.first_hearing_after_on:
        certified = "familiarity certified" if row.familiarity_certified else "not certified"
        first = f"{us_date(row.first_hearing_after_on)}: {certified}"
    by = row.ordered_by or ""
    if row.ordered_by_role:
        by += f" ({ROLE_WORDS[row.ordered_by_role]})"
    to = row.to_judge + (f" ({ROLE_WORDS[row.to_judge_role]})" if row.to_judge_role else "")
    return [
        f"#{row.order_id}" if row.order_id else "",
        us_date(row.effective_on),
        row.case,
        row.respondent,
        row.from_judge or "(unassigned)",
        to,
        row.reason_kind,
        by,
        last,
        "" if row.days_since_last_action is None else str(row.days_since_last_action),
        first,
    ]


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("MM/dd/yyyy")
    return edit


def _table(model: RowsModel[Any], name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAccessibleName(name)
    table.horizontalHeader().setStretchLastSection(True)
    sortable(table)
    return table


class PatternView(QWidget):
    """Court, From/To, days after a continuance; the judges' figures and every move."""

    caseActivated = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.report: PatternReport | None = None
        today = dt.date.today()
        self.court = QComboBox()
        self.court.addItem("All courts", None)
        for name in sorted({j.court for j in list_judges(read_lib) if j.court}):
            self.court.addItem(name, name)
        self.since = _date_edit(today - dt.timedelta(days=365))
        self.until = _date_edit(today)
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(14)
        self.days.setToolTip("A move this many days or fewer after a continuance for notice")
        self.print_button = QPushButton("Print…")
        self.pdf_button = QPushButton("Export PDF…")
        self.csv_button = QPushButton("Export CSV…")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.judges = JudgeModel(JUDGE_COLUMNS, self)
        self.moves = MoveModel(MOVE_COLUMNS, self)
        self.judge_table = _table(self.judges, "Judges' figures")
        self.move_table = _table(self.moves, "Moves")
        self.judge_table.setMaximumHeight(160)

        top = QHBoxLayout()
        for widget in (QLabel("Court"), self.court, QLabel("From"), self.since, QLabel("To")):
            top.addWidget(widget)
        top.addWidget(self.until)
        top.addWidget(QLabel("Days after a notice continuance"))
        top.addWidget(self.days)
        top.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.csv_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.judge_table)
        layout.addWidget(self.move_table, 1)

        self.court.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.until.dateChanged.connect(lambda _d: self.refresh())
        self.days.valueChanged.connect(lambda _v: self.refresh())
        self.judge_table.clicked.connect(self.show_figure)
        self.move_table.activated.connect(self._activate)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self._choose(".pdf"))
        self.csv_button.clicked.connect(lambda: self._choose(".csv"))
        self.refresh()

    def period(self) -> tuple[str, str]:
        return tuple(  # type: ignore[return-value]
            edit.date().toPython().isoformat() for edit in (self.since, self.until)
        )

    def set_period(self, since: dt.date, until: dt.date) -> None:
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        since, until = self.period()
        try:
            self.report = pattern_report(
                self.read_lib, self.court.currentData(), since, until, self.days.value()
            )
        except CaseorgError as exc:
            self.report = None
            self.summary.setText(str(exc))
            self.judges.set_rows([])
            self.moves.set_rows([])
            return
        self.judges.set_rows(self.report.judges)
        self.moves.set_rows(self.report.moves)
        flagged = sum(1 for m in self.report.moves if m.after_notice_continuance)
        self.summary.setText(
            f"{len(self.report.moves)} case(s) moved; {flagged} within {self.days.value()} "
            "days of a continuance for notice (tinted). Click a figure to see its cases."
        )
        self.judge_table.resizeColumnsToContents()
        self.move_table.resizeColumnsToContents()

    def show_figure(self, index: QModelIndex) -> None:
        """Show in the moves table only the cases behind the clicked figure."""
        row = self.judges.row_at(index.row())
        key = JUDGE_FIGURES[index.column()] if index.isValid() else None
        if self.report is None or row is None:
            return
        if key is None:
            wanted = {
                m.reassignment_id
                for m in self.report.moves
                if row["judge"] in (m.from_judge, m.to_judge)
            }
        else:
            wanted = set(row[key]["reassignment_ids"])
        self.moves.set_rows([m for m in self.report.moves if m.reassignment_id in wanted])

    def report_html(self) -> str:
        if self.report is None:
            raise CaseorgError("the report could not be made")
        return pattern_report_html(self.read_lib, self.report)

    def print_report(self) -> bool:
        from caseorg_ui.printing import print_document

        try:
            return print_document(self.report_html(), self, "Reassignment pattern report")
        except CaseorgError as exc:
            QMessageBox.warning(self, "caseorg", str(exc))
            return False

    def export(self, path: Path) -> Path:
        """Write the report to ``path``: CSV for .csv, else PDF."""
        if path.suffix.lower() == ".csv":
            if self.report is None:
                raise CaseorgError("the report could not be made")
            return write_private(path, pattern_csv(self.report), newline="")
        from caseorg_ui.printing import write_pdf

        write_pdf(self.report_html(), path, "Reassignment pattern report")
        return path

    def _choose(self, suffix: str) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Save the reassignment pattern report",
            str(Path.home() / f"reassignment-patterns{suffix}"),
            f"(*{suffix})",
        )
        if chosen:
            try:
                path = self.export(Path(chosen if chosen.endswith(suffix) else chosen + suffix))
            except (CaseorgError, OSError) as exc:
                QMessageBox.warning(self, "caseorg", str(exc))
                return
            self.summary.setText(self.summary.text() + f" Saved {path}")

    def _activate(self, index: QModelIndex) -> None:
        row = self.moves.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.caseActivated.emit(row.case_id)
