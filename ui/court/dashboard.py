"""The court dashboard: backlog and completion figures for the court or one judge, charted.

The figures are :func:`caseorg.court.stats.court_stats` (a handful of queries on the
read-only library); this module only draws them with Qt Charts: pending cases by
age, completions per month against the goal, hearings per week, and
reassignments in and out per month, with the headline numbers above. Every
figure can be written as CSV (:func:`caseorg.court.stats.write_csv`, one file per
table), printed, or saved as PDF (a plain HTML table report through
:mod:`caseorg_ui.printing.output`). The annual goal is a library setting; changing it is a write,
run as an operation on ``runner`` like every other.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseorg.court.stats import DEFAULT_MONTHS, Stats, court_stats, summary_rows, write_csv
from caseorg.errors import CaseorgError
from caseorg.library.folder import Library
from caseorg.library.settings import COMPLETION_GOAL, get_setting, set_setting
from caseorg.records.judges import list_judges
from caseorg_ui.dialogs.common import goal_spin_box, lay_out_settings, us_date
from caseorg_ui.docks.docket_view import judge_label
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp, Runner

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BLUE = QColor("#3b6ea8")
GREEN = QColor("#4f8a3c")
ORANGE = QColor("#c7782a")
RED = QColor("#b3261e")
GREY = QColor("#8a8f98")

CHARTS = ("pending", "completions", "hearings", "reassignments")


# short enough for five bars side by side (axis labels are rich text: no bare '<')
AGE_LABELS = {
    "under 6 months": "0\N{EN DASH}6 mo",
    "6 to 12 months": "6\N{EN DASH}12 mo",
    "1 to 2 years": "1\N{EN DASH}2 yr",
    "2 to 3 years": "2\N{EN DASH}3 yr",
    "3 years or more": "3+ yr",
}


def month_label(month: str) -> str:
    """'2026-01' -> 'Jan' (the axis title carries the years)."""
    try:
        number = int(month[5:7])
    except ValueError:
        return month
    return MONTH_ABBR[number - 1] if 1 <= number <= 12 else month


def months_title(rows: Sequence[dict[str, Any]]) -> str:
    """'Dec 2025 – Nov 2026' for the month rows of a chart."""
    if not rows:
        return ""
    first, last = rows[0]["month"], rows[-1]["month"]
    text = f"{month_label(first)} {first[:4]}"
    return text + (f" \N{EN DASH} {month_label(last)} {last[:4]}" if last != first else "")


def _number(value: float | int | None) -> str:
    if value is None:
        return "\N{EM DASH}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def _base_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


def nice_range(top: float) -> tuple[int, int]:
    """(upper bound, step) for a count axis from 0: whole steps of 1, 2 or 5 x 10^n,
    about five of them."""
    raw = max(float(top), 1.0) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, round(step))
    return max(step, math.ceil(max(float(top), 1.0) / step) * step), step


def _value_axis(top: float, title: str = "") -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    upper, step = nice_range(top)
    if upper <= top:  # never let the highest value touch the frame
        upper += step
    axis.setRange(0, upper)
    axis.setTickCount(upper // step + 1)
    if title:
        axis.setTitleText(title)
    return axis


def bar_chart(
    title: str,
    categories: Sequence[str],
    sets: Sequence[tuple[str, Sequence[float], QColor]],
    labels: bool = False,
    axis_title: str = "",
) -> QChart:
    """Bars (one set per series) over ``categories``, a whole-number value axis."""
    chart = _base_chart(title)
    series = QBarSeries()
    top = 0.0
    for name, values, color in sets:
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(color)
        bar_set.setBorderColor(color.darker(115))
        bar_set.setLabelColor(QColor("#202124"))
        series.append(bar_set)
        top = max([top, *[float(v) for v in values]])
    series.setLabelsVisible(labels)
    if labels:
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    if axis_title:
        x_axis.setTitleText(axis_title)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x_axis)
    y_axis = _value_axis(top * 1.15)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y_axis)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def completions_chart(stats: Stats) -> QChart:
    """Completions per month as bars, the monthly share of the annual goal as a line."""
    rows = stats.completions_by_month
    chart = bar_chart(
        "Completions per month against the goal",
        [month_label(r["month"]) for r in rows],
        [("Completed", [r["completed"] for r in rows], GREEN)],
        labels=len(rows) <= 24,
        axis_title=months_title(rows),
    )
    goal = QLineSeries()
    goal.setName(f"Goal ({_number(stats.annual_goal)} a year)")
    for number, row in enumerate(rows):
        goal.append(float(number), float(row["goal"]))
    pen = QPen(RED)
    pen.setWidthF(2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    goal.setPen(pen)
    chart.addSeries(goal)
    x_axis, y_axis = (
        chart.axes(Qt.Orientation.Horizontal)[0],
        chart.axes(Qt.Orientation.Vertical)[0],
    )
    goal.attachAxis(x_axis)
    goal.attachAxis(y_axis)
    top = max([float(r["goal"]) for r in rows] + [float(r["completed"]) for r in rows] + [1.0])
    fresh = _value_axis(top * 1.1)
    assert isinstance(y_axis, QValueAxis)
    y_axis.setRange(fresh.min(), fresh.max())
    y_axis.setTickCount(fresh.tickCount())
    chart.legend().setVisible(True)
    return chart


def hearings_chart(stats: Stats) -> QChart:
    """Hearings per week (weeks starting Monday) as a line over dates."""
    chart = _base_chart("Hearings per week")
    series = QLineSeries()
    series.setName("Hearings")
    pen = QPen(BLUE)
    pen.setWidthF(2.0)
    series.setPen(pen)
    series.setPointsVisible(len(stats.hearings_by_week) <= 27)
    top = 0.0
    first = last = None
    for row in stats.hearings_by_week:
        day = dt.date.fromisoformat(row["week_of"])
        moment = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
        first = first or moment
        last = moment
        series.append(float(moment.toMSecsSinceEpoch()), float(row["hearings"]))
        top = max(top, float(row["hearings"]))
    chart.addSeries(series)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("MMM d")
    x_axis.setTickCount(7)
    if first is not None and last is not None:
        x_axis.setRange(first, last if last > first else first.addDays(7))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x_axis)
    y_axis = _value_axis(top * 1.1)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y_axis)
    chart.legend().setVisible(False)
    return chart


def make_charts(stats: Stats) -> dict[str, QChart]:
    """The four charts for ``stats``, by name (see :data:`CHARTS`)."""
    pending = stats.pending_by_age
    moves = stats.reassignments_by_month
    return {
        "pending": bar_chart(
            "Pending cases by age",
            [AGE_LABELS.get(r["bucket"], r["bucket"]) for r in pending],
            [("Pending", [r["cases"] for r in pending], BLUE)],
            labels=True,
            axis_title="Time since the case was opened",
        ),
        "completions": completions_chart(stats),
        "hearings": hearings_chart(stats),
        "reassignments": bar_chart(
            "Reassignments per month",
            [month_label(r["month"]) for r in moves],
            [
                ("In (onto the docket)", [r["in"] for r in moves], GREEN),
                ("Out (off the docket)", [r["out"] for r in moves], ORANGE),
            ],
            axis_title=months_title(moves),
        ),
    }


# -- the printable report ------------------------------------------------------------------

_TABLES = (
    ("Pending cases by age", "pending_by_age", (("bucket", "Age"), ("cases", "Cases"))),
    (
        "Completions per month",
        "completions_by_month",
        (
            ("month", "Month"),
            ("completed", "Completed"),
            ("goal", "Goal"),
            ("cumulative", "Cumulative"),
            ("cumulative_goal", "Cumulative goal"),
        ),
    ),
    ("Hearings per week", "hearings_by_week", (("week_of", "Week of"), ("hearings", "Hearings"))),
    (
        "Reassignments per month",
        "reassignments_by_month",
        (("month", "Month"), ("in", "In"), ("out", "Out")),
    ),
    (
        "By judge",
        "judges",
        (
            ("code", "Code"),
            ("name", "Judge"),
            ("pending", "Pending"),
            ("completed", "Completed"),
            ("goal_for_period", "Goal"),
            ("median_days_to_completion", "Median days"),
            ("hearings", "Hearings"),
            ("reassigned_in", "In"),
            ("reassigned_out", "Out"),
        ),
    ),
)


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) or value is None:
        return _number(value)
    return html.escape(str(value))


def stats_html(stats: Stats) -> str:
    """Every figure of ``stats`` as HTML tables (for print preview and PDF)."""
    scope = "All judges" if stats.scope == "court" else f"{stats.scope_name} ({stats.scope})"
    period = f"{us_date(stats.period_start)} through {us_date(stats.period_end)}"
    parts = [
        "<html><body style='font-family: serif; font-size: 10pt;'>",
        "<h1 align='center' style='font-size: 15pt;'>Court statistics</h1>",
        f"<p align='center'><b>{html.escape(scope)}</b><br>{html.escape(period)}</p>",
        "<h2 style='font-size: 12pt;'>Summary</h2>",
        "<table border='1' cellspacing='0' cellpadding='4' width='60%'>",
    ]
    names = {
        "scope": "Scope",
        "period_start": "Period start",
        "period_end": "Period end",
        "pending": "Pending cases",
        "completed": "Completions in the period",
        "annual_goal": "Annual goal",
        "goal_for_period": "Goal for the period",
        "median_days_to_completion": "Median days, opening to completion",
    }
    for row in summary_rows(stats):
        value = row["value"]
        if row["figure"] in ("period_start", "period_end"):
            value = us_date(str(value))
        elif row["figure"] == "scope":
            value = scope
        parts.append(
            f"<tr><td>{html.escape(names.get(row['figure'], row['figure']))}</td>"
            f"<td align='right'>{_cell(value)}</td></tr>"
        )
    parts.append("</table>")
    for title, key, columns in _TABLES:
        rows = getattr(stats, key)
        if not rows:
            continue
        parts.append(f"<h2 style='font-size: 12pt;'>{html.escape(title)}</h2>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><thead><tr>")
        parts += [f"<th bgcolor='#e8e8e8'>{html.escape(label)}</th>" for _k, label in columns]
        parts.append("</tr></thead>")
        for row in rows:
            cells = []
            for column, _label in columns:
                value = row.get(column)
                if column == "month":
                    value = f"{month_label(str(value))} {str(value)[:4]}"
                elif column == "week_of":
                    value = us_date(str(value))
                align = "right" if isinstance(value, int | float) or value is None else "left"
                cells.append(f"<td align='{align}'>{_cell(value)}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


# -- the widgets ---------------------------------------------------------------------------


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
            view.setMinimumSize(360, 240)
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
        from caseorg_ui.printing.output import print_document

        return print_document(self.report_html(), self, self.report_title())

    def export_pdf(self, path: Path) -> Path:
        from caseorg_ui.printing.output import write_pdf

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
        figures["pending"].value.setText(_number(stats.pending_total))
        figures["pending"].caption.setText(f"cases pending on {us_date(stats.today)}")
        goal = stats.goal_for_period
        ratio = stats.completed_total / goal if goal else 0.0
        share = f" ({ratio:.0%} of it)" if ratio >= 0.1 else f" ({ratio:.1%} of it)"
        share = share if goal else ""
        figures["completed"].value.setText(_number(stats.completed_total))
        figures["completed"].caption.setText(
            f"completions since {us_date(stats.period_start)}; goal {_number(goal)}{share}"
        )
        figures["median"].value.setText(_number(stats.median_days_to_completion))
        figures["median"].caption.setText("median days from opening to completion")
        per_judge = get_setting(self.read_lib, COMPLETION_GOAL)
        figures["goal"].value.setText(_number(stats.annual_goal))
        if stats.scope == "court":
            figures["goal"].caption.setText(
                f"a year: {_number(per_judge)} per judge \N{MULTIPLICATION SIGN} "
                f"{stats.judges_counted} active judges"
            )
        else:
            figures["goal"].caption.setText("completions a year for this judge")
        self.note.setText(
            "Pending: opened and not completed on the day. A completion counts for the judge "
            "the case is assigned to. Reassignments: corrected entries count once."
        )
