"""The dashboard: charts drawn from a known court, the judge selector, CSV and PDF
export, and the annual goal changed through submit."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import pytest
from fixtures_court_ui import TODAY, Court, court_fixture, court_template_fixture  # noqa: F401
from helpers import common_umask
from pypdf import PdfReader
from PySide6.QtCharts import QBarSeries, QChart, QLineSeries
from PySide6.QtCore import Qt

from caseorg.library.settings import COMPLETION_GOAL, get_setting
from caseorg_ui.court.dashboard import Dashboard, GoalDialog
from caseorg_ui.court.dashboard_charts import CHARTS
from caseorg_ui.court.dashboard_report import stats_html


@pytest.fixture
def dashboard(qtbot: Any, court: Court) -> Dashboard:
    widget = Dashboard(court.reader, runner=court.runner, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 860)
    widget.show()
    return widget


def bars(chart: QChart) -> dict[str, list[float]]:
    """Bar set label -> its values."""
    out = {}
    for series in chart.series():
        if isinstance(series, QBarSeries):
            for bar_set in series.barSets():
                out[bar_set.label()] = [bar_set.at(i) for i in range(bar_set.count())]
    return out


def line(chart: QChart) -> list[tuple[float, float]]:
    series = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert len(series) == 1
    return [(p.x(), p.y()) for p in series[0].points()]


def test_court_charts_for_a_known_court(dashboard: Dashboard) -> None:
    assert set(dashboard.chart_views) == set(CHARTS)
    # pending on June 11, 2025: Ana (5 months), Bo (15 months), Carla (3 years)
    assert bars(dashboard.chart("pending")) == {"Pending": [1.0, 0.0, 1.0, 0.0, 1.0]}
    completed = bars(dashboard.chart("completions"))["Completed"]
    assert len(completed) == 12  # July 2024 .. June 2025
    assert completed[8] == 1.0 and completed[10] == 2.0 and sum(completed) == 3.0
    goal = line(dashboard.chart("completions"))
    assert {y for _x, y in goal} == {175.0}  # 700 a judge x 3 judges / 12 months
    hearings = line(dashboard.chart("hearings"))
    assert sum(y for _x, y in hearings) == 5.0  # the cancelled hearing does not count
    moves = bars(dashboard.chart("reassignments"))
    assert moves["In (onto the docket)"][7] == 1.0  # February 2025: Bo to Judge Marsh
    assert moves["Out (off the docket)"][9] == 1.0  # April 2025: Carla to Judge Okafor
    assert sum(moves["In (onto the docket)"]) == 2.0
    figures = dashboard.figures
    assert figures["pending"].value.text() == "3"
    assert figures["completed"].value.text() == "3"
    assert figures["median"].value.text() == "353"  # 182, 353 and 439 days
    assert figures["goal"].value.text() == "2,100"
    assert "3 active judges" in figures["goal"].caption.text()


def test_one_judge(dashboard: Dashboard) -> None:
    dashboard.set_judge("JRM")
    assert dashboard.stats is not None and dashboard.stats.scope == "JRM"
    assert bars(dashboard.chart("pending")) == {"Pending": [1.0, 0.0, 1.0, 0.0, 0.0]}
    moves = bars(dashboard.chart("reassignments"))
    assert moves["In (onto the docket)"][7] == 1.0 and sum(moves["In (onto the docket)"]) == 1
    assert moves["Out (off the docket)"][9] == 1.0 and sum(moves["Out (off the docket)"]) == 1
    assert {y for _x, y in line(dashboard.chart("completions"))} == {round(700 / 12, 1)}
    assert dashboard.figures["goal"].value.text() == "700"
    dashboard.months.setValue(3)  # April to June 2025
    assert len(bars(dashboard.chart("completions"))["Completed"]) == 3


def test_export_csv_writes_every_figure(dashboard: Dashboard, tmp_path: Path) -> None:
    written = dashboard.export_csv(tmp_path / "figures")
    assert {p.name for p in written} == {
        "summary.csv",
        "pending_by_age.csv",
        "completions_by_month.csv",
        "hearings_by_week.csv",
        "reassignments_by_month.csv",
        "judges.csv",
        "performance.csv",
    }
    with open(tmp_path / "figures" / "pending_by_age.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["cases"]) for r in rows] == [1, 0, 1, 0, 1]
    with open(tmp_path / "figures" / "judges.csv", encoding="utf-8") as handle:
        judges = {r["code"]: r for r in csv.DictReader(handle)}
    assert (judges["JRM"]["pending"], judges["DKO"]["pending"]) == ("2", "1")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exports_are_private(dashboard: Dashboard, tmp_path: Path) -> None:
    with common_umask():
        written = [*dashboard.export_csv(tmp_path / "f"), dashboard.export_pdf(tmp_path / "s.pdf")]
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {"0o600"}


def test_print_report_and_pdf(dashboard: Dashboard, tmp_path: Path) -> None:
    html = stats_html(dashboard.stats)  # type: ignore[arg-type]
    assert "Pending cases by age" in html and "Judge Julia R. Marsh" in html
    assert "<script" not in html
    path = dashboard.export_pdf(tmp_path / "stats.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "Court statistics" in text
    assert "Completions per month" in text and "Reassignments per month" in text
    assert "Judge Daniel K. Okafor" in text


def test_annual_goal_is_written_through_submit(
    qtbot: Any, dashboard: Dashboard, court: Court
) -> None:
    dialog = dashboard.change_goal()
    assert isinstance(dialog, GoalDialog) and dialog.spin.value() == 700
    dialog.spin.setValue(1200)
    dialog.accept()
    assert court.submitted == ["save"]
    assert get_setting(court.writer, COMPLETION_GOAL) == 1200
    assert {y for _x, y in line(dashboard.chart("completions"))} == {300.0}  # redrawn
    assert dashboard.figures["goal"].value.text() == "3,600"


def test_read_only_dashboard_cannot_change_the_goal(qtbot: Any, court: Court) -> None:
    widget = Dashboard(court.reader, today=TODAY)
    qtbot.addWidget(widget)
    assert not widget.goal_button.isEnabled()
    widget.set_annual_goal(900)
    assert get_setting(court.writer, COMPLETION_GOAL) == 700


def test_render(dashboard: Dashboard, tmp_path: Path) -> None:
    image = dashboard.grab()
    assert image.save(str(tmp_path / "dashboard.png"))


def test_a_goal_that_dwarfs_the_completions_gets_its_own_scale(dashboard: Dashboard) -> None:
    """175 a month against at most 2: on one axis every bar would be flat (issue 18)."""
    chart = dashboard.chart("completions")
    left = chart.axes(Qt.Orientation.Vertical, chart.series()[0])
    assert len(left) == 1 and left[0].max() <= 4  # the bars' own scale: 2 reads as 2
    goal_series = next(s for s in chart.series() if isinstance(s, QLineSeries))
    right = [a for a in chart.axes(Qt.Orientation.Vertical, goal_series) if a is not left[0]]
    assert len(right) == 1 and right[0].max() >= 175
    assert right[0].alignment() == Qt.AlignmentFlag.AlignRight
    assert "right-hand scale" in goal_series.name()
    assert "best month 2 = 1% of it" in chart.title()
