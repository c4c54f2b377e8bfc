"""The court dashboard: backlog and completion figures for the court or one judge, charted.

The figures are :func:`caseorg.court.stats.court_stats` (a handful of queries on the
read-only library); this module lays out the window: the judge and period chosen, the
headline numbers, and the four charts of :mod:`caseorg_ui.court.dashboard_charts`.
Every figure can be written as CSV (:func:`caseorg.court.stats.write_csv`, one file
per table), printed, or saved as PDF (the report of
:mod:`caseorg_ui.court.dashboard_report` through :mod:`caseorg_ui.printing.output`).
The annual goal is a library setting; changing it is a write, run as an operation on
``runner`` like every other.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from caseorg.court import DEFAULT_MONTHS, Stats, court_stats, write_csv
from caseorg.errors import CaseorgError
from caseorg.library import COMPLETION_GOAL, Library, get_setting, set_setting
from caseorg.records import list_judges
from caseorg.words import us_date
from caseorg_ui.court.dashboard_charts import CHARTS, make_charts, number_text
from caseorg_ui.court.dashboard_report import stats_html
from caseorg_ui.court.performance_panel import PerformancePanel
from caseorg_ui.dialogs import goal_spin_box, lay_out_settings
from caseorg_ui.docks import judge_label
from caseorg_ui.operations import Change, LibraryOp, Runner
from caseorg_ui.qt import (
    QChart,
    QChartView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPainter,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)


class GoalDialog(QDialog):
    """Change the annual completion goal per judge (a library setting)."""

    def __init__(self, value: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Annual completion goal")
        self.spin = goal_spin_box(value, " completions per judge")
        form = QFormLayout()
        form.addRow("Goal per year", self.spin)
        lay_out_settings(
            self,
            form,
            "The court's goal is this times the number of active judges. "
            "Every window and the command line use the same value.",
        )


class _Figure(QFrame):
    """One headline number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("\N{EM DASH}")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class Dashboard(QWidget):
    """Judge selector, headline figures, four charts, Export CSV…, Print…, Export PDF…."""

    def __init__(
        self,
        read_lib: Library,
        parent: QWidget | None = None,
        runner: Runner | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.runner = runner
        self.today = today
        self.stats: Stats | None = None
        self.chart_views: dict[str, QChartView] = {}
        self.dialog: QDialog | None = None
        self.last_export: list[Path] = []

        self.judge_filter = QComboBox()
        self.judge_filter.setToolTip("The whole court, or one judge's docket")
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setValue(DEFAULT_MONTHS)
        self.months.setSuffix(" months")
        self.months.setToolTip("How many calendar months the figures cover, ending this month")
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("Write every figure as CSV files (one per table) to a folder")
        self.print_button = QPushButton("Print…")
        self.print_button.setToolTip("Print every figure as tables")
        self.pdf_button = QPushButton("Export PDF…")
        self.pdf_button.setToolTip("Save every figure as tables in a PDF file")

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(QLabel("Show"))
        top.addWidget(self.judge_filter)
        top.addWidget(QLabel("over the last"))
        top.addWidget(self.months)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)

        self.figures = {
            "pending": _Figure("cases pending"),
            "completed": _Figure("completions in the period"),
            "median": _Figure("median days, opening to completion"),
            "goal": _Figure("annual completion goal"),
        }
        self.goal_button = QPushButton("Change goal…")
        self.goal_button.setToolTip("Set the completions per judge per year the court aims for")
        figures = QHBoxLayout()
        figures.setSpacing(8)
        for figure in self.figures.values():
            figures.addWidget(figure, 1)
        goal_box = self.figures["goal"].layout()
        assert isinstance(goal_box, QVBoxLayout)
        goal_row = QHBoxLayout()
        goal_row.addStretch(1)
        goal_row.addWidget(self.goal_button)
        goal_box.addLayout(goal_row)

        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        for position, name in enumerate(CHARTS):
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(360, 180)  # (two rows of them and the measures fit 768 px)
            self.chart_views[name] = view
            self.grid.addWidget(view, position // 2, position % 2)
        self.note = QLabel()
        self.note.setStyleSheet("color: #5f6368;")
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(figures)
        # the fiscal year's measures as EOIR takes them, credited to the judge who decided
        self.performance = PerformancePanel()
        self.performance.setMinimumHeight(140)
        layout.addWidget(self.performance)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.note)

        self._load_judges()
        self.judge_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.months.valueChanged.connect(lambda _v: self.refresh())
        self.export_button.clicked.connect(self.choose_csv_folder)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.goal_button.clicked.connect(self.change_goal)
        self.goal_button.setEnabled(runner is not None)
        if runner is None:
            self.goal_button.setToolTip("This window cannot write to the library")
        self.refresh()

    # -- public ------------------------------------------------------------------------
    def judge_code(self) -> str | None:
        data = self.judge_filter.currentData()
        return str(data) if data else None

    def set_judge(self, code: str | None) -> None:
        index = self.judge_filter.findData(code) if code else 0
        self.judge_filter.setCurrentIndex(max(0, index))

    def refresh(self) -> None:
        """Recompute the figures and redraw the charts."""
        try:
            stats = court_stats(
                self.read_lib,
                judge_code=self.judge_code(),
                today=self.today,
                months=self.months.value(),
            )
        except CaseorgError as exc:
            self.note.setText(str(exc))
            return
        self.stats = stats
        for name, chart in make_charts(stats).items():
            view = self.chart_views[name]
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()
        self._show_figures(stats)
        self.performance.show_measures(stats.performance)

    def chart(self, name: str) -> QChart:
        return self.chart_views[name].chart()

    def export_csv(self, folder: Path) -> list[Path]:
        """Write every figure as CSV into ``folder`` (one file per table)."""
        if self.stats is None:
            return []
        self.last_export = write_csv(self.stats, Path(folder))
        return self.last_export

    def report_html(self) -> str:
        return stats_html(self.stats) if self.stats is not None else "<p>No figures.</p>"

    def report_title(self) -> str:
        scope = "all judges" if self.stats is None or self.stats.scope == "court" else ""
        if not scope and self.stats is not None:
            scope = judge_label(self.stats.scope_name, self.stats.scope)
        return f"Court statistics \N{EM DASH} {scope} \N{EM DASH} {us_date(dt.date.today())}"

    def print_report(self) -> bool:
        from caseorg_ui.printing import print_document

        return print_document(self.report_html(), self, self.report_title())

    def export_pdf(self, path: Path) -> Path:
        from caseorg_ui.printing import write_pdf

        write_pdf(self.report_html(), Path(path), self.report_title())
        return Path(path)

    def set_annual_goal(self, value: int) -> None:
        """Store a new per-judge annual goal (an operation on ``runner``), then redraw."""
        if self.runner is None:
            return
        number = COMPLETION_GOAL.parse(value)

        def save(lib: Library) -> int:
            return set_setting(lib, COMPLETION_GOAL, number)

        task = LibraryOp(self, save, Change.SETTINGS).success(lambda _goal: self.refresh())
        task.with_progress("Change the completion goal").says("Change the completion goal: done")
        task.run_in_background(self.runner)

    def change_goal(self) -> GoalDialog:
        dialog = GoalDialog(get_setting(self.read_lib, COMPLETION_GOAL), self)
        dialog.accepted.connect(lambda: self.set_annual_goal(dialog.spin.value()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- file choosers (the interactive halves of the commands above) ----------------------
    def choose_csv_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Export the figures as CSV into a folder", str(Path.home())
        )
        if not folder:
            return
        try:
            written = self.export_csv(Path(folder))
        except OSError as exc:
            QMessageBox.warning(self, "caseorg", f"Cannot write the CSV files: {exc.strerror}")
            return
        self.note.setText(f"Wrote {len(written)} CSV files to {folder}")

    def choose_pdf(self) -> None:
        name = f"court-statistics-{self.stats.scope if self.stats else 'court'}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the figures as PDF", str(Path.home() / name), "PDF files (*.pdf)"
        )
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        try:
            self.export_pdf(path)
        except CaseorgError as exc:
            QMessageBox.warning(self, "caseorg", str(exc))
            return
        self.note.setText(f"Saved {path}")

    # -- internals -----------------------------------------------------------------------
    def _load_judges(self) -> None:
        self.judge_filter.blockSignals(True)
        self.judge_filter.clear()
        self.judge_filter.addItem("The court (all judges)", None)
        for judge in list_judges(self.read_lib):
            self.judge_filter.addItem(judge_label(judge.name, judge.code), judge.code)
        self.judge_filter.blockSignals(False)

    def _show_figures(self, stats: Stats) -> None:
        figures = self.figures
        figures["pending"].value.setText(number_text(stats.pending_total))
        figures["pending"].caption.setText(f"cases pending on {us_date(stats.today)}")
        goal = stats.goal_for_period
        ratio = stats.completed_total / goal if goal else 0.0
        share = f" ({ratio:.0%} of it)" if ratio >= 0.1 else f" ({ratio:.1%} of it)"
        share = share if goal else ""
        figures["completed"].value.setText(number_text(stats.completed_total))
        figures["completed"].caption.setText(
            f"completions since {us_date(stats.period_start)}; goal {number_text(goal)}{share}"
        )
        figures["median"].value.setText(number_text(stats.median_days_to_completion))
        figures["median"].caption.setText("median days from opening to completion")
        per_judge = get_setting(self.read_lib, COMPLETION_GOAL)
        figures["goal"].value.setText(number_text(stats.annual_goal))
        if stats.scope == "court":
            figures["goal"].caption.setText(
                f"a year: {number_text(per_judge)} per judge \N{MULTIPLICATION SIGN} "
                f"{stats.judges_counted} active judges"
            )
        else:
            figures["goal"].caption.setText("completions a year for this judge")
        self.note.setText(
            "Pending: opened and not completed on the day. A completion counts for the judge "
            "who decided the proceeding (a later reassignment does not move it); the measures "
            "above cover the fiscal year. Reassignments: corrected entries count once."
        )
