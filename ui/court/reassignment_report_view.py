"""The reassignment report on screen: for one judge and a period, the cases taken from
them and given to them, and what happened to each afterwards.

Rows come from :func:`caseorg.court.reassignment_report.reassignment_report` on the
read-only library. Print… and Export PDF… use the core's printable HTML
(:func:`caseorg.reports.reassignments.reassignment_report_html`), Export CSV… the core's CSV
(:func:`caseorg.court.reassignment_report.report_csv`), so paper, file and screen agree.
An in absentia order after the move is flagged; one without sound proof of
notice is tinted red with the reason in its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caseorg.court.reassignment_report import (
    ReassignmentReport,
    ReportRow,
    reassignment_report,
    report_csv,
)
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.private_files import write_private
from caseorg.records import list_judges
from caseorg.reports import reassignment_report_html
from caseorg.words import QT_DATE_FORMAT, choice_text, us_date, us_datetime
from caseorg_ui.court.pattern_view import PatternView
from caseorg_ui.docks import judge_label
from caseorg_ui.qt import (
    QAbstractItemView,
    QBrush,
    QCheckBox,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QFileDialog,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import RowsModel, sortable

COLUMNS = (
    "Direction",
    "Effective",
    "A-number",
    "Respondent",
    "Other judge",
    "Reason",
    "Ordered by",
    "Mid-stream",
    "Next hearing",
    "Outcome",
    "In absentia",
)
(
    DIRECTION,
    EFFECTIVE,
    A_NUMBER,
    RESPONDENT,
    OTHER_JUDGE,
    REASON,
    ORDERED_BY,
    MIDSTREAM,
    NEXT_HEARING,
    OUTCOME,
    IN_ABSENTIA,
) = range(len(COLUMNS))

WARNING_BACKGROUND = QColor("#fde8e8")
WARNING_TEXT = QColor("#a0241b")
ABSENTIA_BACKGROUND = QColor("#fff1cc")
DASH = "\N{EM DASH}"

CaseIdRole = Qt.ItemDataRole.UserRole + 1
ReassignmentIdRole = Qt.ItemDataRole.UserRole + 2


def next_hearing_text(row: ReportRow) -> str:
    """'03/05/2026 9:00 AM Master (RTO): Continued', or 'none since'."""
    if not row.next_hearing_at:
        return "none since"
    text = us_datetime(row.next_hearing_at)
    if row.next_hearing_kind:
        text += f" {choice_text(row.next_hearing_kind)}"
    if row.next_hearing_judge_code:
        text += f" ({row.next_hearing_judge_code})"
    if row.next_hearing_outcome:
        text += f": {choice_text(row.next_hearing_outcome)}"
    return text


def outcome_text(row: ReportRow) -> str:
    """Where the case stands now: 'Pending (now RTO)' or 'Completed 09/16/2024: granted'."""
    if row.case_status == "pending":
        text = "Pending"
        if row.current_judge_code:
            text += f" (now {row.current_judge_code})"
        return text
    text = choice_text(row.case_status)
    if row.completed_on:
        text += f" {us_date(row.completed_on)}"
    if row.case_outcome:
        text += f": {row.case_outcome}"
    return text


def other_judge(row: ReportRow) -> str:
    """The judge on the other side of the move (to whom taken, from whom given)."""
    if row.direction == "taken":
        return judge_label(row.to_judge_name, row.to_judge_code)
    if row.from_judge_code is None and row.from_judge_name is None:
        return "(unassigned)"
    return judge_label(row.from_judge_name, row.from_judge_code)


class ReportModel(RowsModel[ReportRow]):
    """The report's rows (taken and given together, in effective-date order)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(COLUMNS, parent)

    def set_report(self, report: ReassignmentReport | None) -> None:
        self.set_rows(report.rows() if report is not None else [])

    def cell(self, row: ReportRow, column: int) -> str:
        if column == DIRECTION:
            return "Taken from" if row.direction == "taken" else "Given to"
        if column == EFFECTIVE:
            return us_date(row.effective_on)
        if column == A_NUMBER:
            return row.a_number_display
        if column == RESPONDENT:
            return row.respondent
        if column == OTHER_JUDGE:
            return other_judge(row)
        if column == REASON:
            text = row.reason
            if row.corrects_id:
                text += f" (corrects #{row.corrects_id})"
            if row.corrected_by_id:
                text += f" (corrected by #{row.corrected_by_id})"
            return text
        if column == ORDERED_BY:
            return row.ordered_by or DASH
        if column == MIDSTREAM:
            return "Yes" if row.midstream else "No"
        if column == NEXT_HEARING:
            return next_hearing_text(row)
        if column == OUTCOME:
            return outcome_text(row)
        if column == IN_ABSENTIA:
            if not row.in_absentia_orders:
                return ""
            text = "Yes " + ", ".join(us_date(day) for day in row.in_absentia_orders)
            return text + (" \N{WARNING SIGN} notice" if row.notice_warnings else "")
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == CaseIdRole:
            return row.case_id
        if role == ReassignmentIdRole:
            return row.reassignment_id
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"Reassignment #{row.reassignment_id}: {row.reason}"]
            if row.ordered_by:
                lines.append(f"Ordered by {row.ordered_by}")
            if row.hearings_after:
                lines.append(f"{row.hearings_after} hearing(s) since the move")
            lines += [f"Notice warning: {text}" for text in row.notice_warnings]
            lines.append("Double-click to open the case")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.notice_warnings:
                return QBrush(WARNING_BACKGROUND)
            if row.in_absentia_orders:
                return QBrush(ABSENTIA_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.notice_warnings:
            return QBrush(WARNING_TEXT)
        if role == Qt.ItemDataRole.FontRole:
            if column == A_NUMBER:
                font = QFont()
                font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
                font.setStyleHint(QFont.StyleHint.Monospace)
                return font
            if column == MIDSTREAM and row.midstream:
                font = QFont()
                font.setBold(True)
                return font
        return None


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    return edit


class ReassignmentReportView(QWidget):
    """Judge, From/To, the rows, and Print… / Export PDF… / Export CSV…."""

    caseActivated = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.report: ReassignmentReport | None = None
        today = dt.date.today()

        self.judge = QComboBox()
        self.judge.setToolTip("The judge the report is about")
        self.judge.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_since = QCheckBox("From")
        self.use_since.setChecked(True)
        self.use_since.setToolTip("Untick to start at the first reassignment on record")
        self.since = _date_edit(today - dt.timedelta(days=365))
        self.use_until = QCheckBox("To")
        self.use_until.setChecked(True)
        self.use_until.setToolTip("Untick to include every reassignment up to today and after")
        self.until = _date_edit(today)
        self.print_button = QPushButton("Print…")
        self.pdf_button = QPushButton("Export PDF…")
        self.csv_button = QPushButton("Export CSV…")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)

        self.model = ReportModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Reassignments")
        sortable(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(QLabel("Judge"))
        top.addWidget(self.judge)
        top.addWidget(self.use_since)
        top.addWidget(self.since)
        top.addWidget(self.use_until)
        top.addWidget(self.until)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        # the court's patterns (orders, moves after a notice continuance) beside one judge's
        self.patterns = PatternView(read_lib)
        self.patterns.caseActivated.connect(self.caseActivated)
        self.tabs = QTabWidget()
        self.tabs.addTab(page, "By judge")
        self.tabs.addTab(self.patterns, "Court patterns")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

        self._load_judges()
        self.judge.currentIndexChanged.connect(lambda _i: self.refresh())
        for box in (self.use_since, self.use_until):
            box.toggled.connect(lambda _on: self._dates_toggled())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.until.dateChanged.connect(lambda _d: self.refresh())
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.csv_button.clicked.connect(self.choose_csv)
        self.table.activated.connect(self._activate)  # double-click or Enter
        self.refresh()

    # -- public ------------------------------------------------------------------------
    def judge_code(self) -> str | None:
        data = self.judge.currentData()
        return str(data) if data else None

    def set_judge(self, code: str) -> None:
        index = self.judge.findData(code)
        if index >= 0:
            self.judge.setCurrentIndex(index)

    def set_period(self, since: dt.date | None, until: dt.date | None) -> None:
        """Set both ends at once (None: open-ended) and re-read once."""
        for box, edit, day in (
            (self.use_since, self.since, since),
            (self.use_until, self.until, until),
        ):
            box.blockSignals(True)
            edit.blockSignals(True)
            box.setChecked(day is not None)
            edit.setEnabled(day is not None)
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
            box.blockSignals(False)
            edit.blockSignals(False)
        self.refresh()

    def period(self) -> tuple[str | None, str | None]:
        def iso(box: QCheckBox, edit: QDateEdit) -> str | None:
            if not box.isChecked():
                return None
            day = edit.date().toPython()
            assert isinstance(day, dt.date)
            return day.isoformat()

        return iso(self.use_since, self.since), iso(self.use_until, self.until)

    def refresh(self) -> None:
        """Re-read the report for the chosen judge and period."""
        code = self.judge_code()
        if code is None:
            self.report = None
            self.model.set_report(None)
            self.summary.setText("No judges in this library yet.")
            self._update_buttons()
            return
        since, until = self.period()
        try:
            report = reassignment_report(self.read_lib, code, since, until)
        except CaseorgError as exc:
            self.report = None
            self.model.set_report(None)
            self.summary.setText(f"<span style='color:#a0241b'>{exc}</span>")
            self._update_buttons()
            return
        self.report = report
        self.model.set_report(report)
        self._show_summary(report)
        self._fit_columns()
        self._update_buttons()

    def report_html(self) -> str:
        code = self.judge_code()
        if code is None:
            raise CaseorgError("choose a judge first")
        since, until = self.period()
        return reassignment_report_html(self.read_lib, code, since, until)

    def report_title(self) -> str:
        since, until = self.period()
        period = f"{since or 'start'} to {until or 'now'}"
        return f"Reassignment report {self.judge_code() or ''} {period}"

    def default_name(self, suffix: str) -> str:
        since, until = self.period()
        return (
            f"reassignments-{self.judge_code() or 'judge'}-{since or 'start'}-"
            f"{until or dt.date.today().isoformat()}{suffix}"
        )

    def print_report(self) -> bool:
        from caseorg_ui.printing import print_document

        try:
            html = self.report_html()
        except CaseorgError as exc:
            QMessageBox.warning(self, "caseorg", str(exc))
            return False
        return print_document(html, self, self.report_title())

    def export_pdf(self, path: Path) -> Path:
        from caseorg_ui.printing import write_pdf

        write_pdf(self.report_html(), Path(path), self.report_title())
        return Path(path)

    def export_csv(self, path: Path) -> Path:
        if self.report is None:
            raise CaseorgError("choose a judge first")
        return write_private(Path(path), report_csv(self.report), newline="")

    # -- file choosers -------------------------------------------------------------------
    def choose_pdf(self) -> None:
        self._choose(".pdf", "PDF", self.export_pdf)

    def choose_csv(self) -> None:
        self._choose(".csv", "CSV", self.export_csv)

    def _choose(self, suffix: str, kind: str, export: Callable[[Path], Path]) -> None:
        """Ask where to save (adding ``suffix`` when missing), then ``export`` there."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            f"Save the reassignment report as {kind}",
            str(Path.home() / self.default_name(suffix)),
            f"{kind} files (*{suffix})",
        )
        if chosen:
            path = Path(chosen if chosen.lower().endswith(suffix) else chosen + suffix)
            self._save(lambda: export(path))

    def _save(self, action: Any) -> None:
        try:
            path = action()
        except CaseorgError as exc:
            QMessageBox.warning(self, "caseorg", str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, "caseorg", f"Cannot write the file: {exc.strerror or exc}")
            return
        self.summary.setText(self.summary.text() + f"<br>Saved {path}")

    # -- internals -----------------------------------------------------------------------
    def _load_judges(self) -> None:
        self.judge.blockSignals(True)
        self.judge.clear()
        for judge in list_judges(self.read_lib):
            self.judge.addItem(judge_label(judge.name, judge.code), judge.code)
        self.judge.blockSignals(False)

    def _dates_toggled(self) -> None:
        self.since.setEnabled(self.use_since.isChecked())
        self.until.setEnabled(self.use_until.isChecked())
        self.refresh()

    def _show_summary(self, report: ReassignmentReport) -> None:
        rows = report.rows()
        midstream = sum(1 for r in rows if r.midstream)
        absentia = sum(1 for r in rows if r.in_absentia_orders)
        warnings = sum(1 for r in rows if r.notice_warnings)
        parts = [
            f"<b>{len(report.taken)}</b> taken from the judge",
            f"<b>{len(report.given)}</b> given to the judge",
        ]
        if midstream:
            parts.append(f"<b>{midstream}</b> mid-stream")
        if absentia:
            parts.append(f"{absentia} with an in absentia order after the move")
        if warnings:
            parts.append(f"<b style='color:#a0241b'>{warnings} without sound proof of notice</b>")
        self.summary.setText(" &nbsp;·&nbsp; ".join(parts))

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column), 220))

    def _update_buttons(self) -> None:
        has = self.report is not None
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(has)

    def _activate(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.caseActivated.emit(row.case_id)
