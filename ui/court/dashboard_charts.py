"""The court dashboard's four charts, drawn with Qt Charts from the figures of
:func:`caseorg.court.stats.court_stats`: pending cases by age, completions per month
against the goal, hearings per week, and reassignments in and out per month."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from caseorg.court import Stats
from caseorg.words import short_month
from caseorg_ui.qt import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QColor,
    QDate,
    QDateTime,
    QDateTimeAxis,
    QFont,
    QLineSeries,
    QMargins,
    QPen,
    Qt,
    QTime,
    QValueAxis,
)

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
    return short_month(number) if 1 <= number <= 12 else month


def months_title(rows: Sequence[dict[str, Any]]) -> str:
    """'Dec 2025 – Nov 2026' for the month rows of a chart."""
    if not rows:
        return ""
    first, last = rows[0]["month"], rows[-1]["month"]
    text = f"{month_label(first)} {first[:4]}"
    return text + (f" \N{EN DASH} {month_label(last)} {last[:4]}" if last != first else "")


def number_text(value: float | int | None) -> str:
    """A figure as the dashboard writes it: 1,234 or 12.5, a dash for none."""
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


GOAL_SCALE_APART = 2.0  # a goal more than this many times the best month gets its own axis


def completions_chart(stats: Stats) -> QChart:
    """Completions per month as bars, the monthly share of the annual goal as a line.

    When the goal dwarfs the completions (a court's goal over a few judges' months), one
    scale would flatten every bar to nothing: the bars keep their scale on the left, the
    goal gets its own on the right, and the title says how far the best month came."""
    rows = stats.completions_by_month
    best = max([float(r["completed"]) for r in rows] + [0.0])
    goal_top = max([float(r["goal"]) for r in rows] + [0.0])
    apart = goal_top > GOAL_SCALE_APART * max(best, 1.0)
    title = "Completions per month against the goal"
    if apart:
        share = best / goal_top if goal_top else 0.0
        title += f" (best month {number_text(int(best))} = {share:.0%} of it)"
    chart = bar_chart(
        title,
        [month_label(r["month"]) for r in rows],
        [("Completed", [r["completed"] for r in rows], GREEN)],
        labels=len(rows) <= 24,
        axis_title=months_title(rows),
    )
    goal = QLineSeries()
    goal.setName(
        f"Goal ({number_text(stats.annual_goal)} a year" + (", right-hand scale)" if apart else ")")
    )
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
    assert isinstance(y_axis, QValueAxis)
    if apart:
        goal_axis = _value_axis(goal_top * 1.1, "goal per month")
        goal_axis.setLabelsColor(RED)
        chart.addAxis(goal_axis, Qt.AlignmentFlag.AlignRight)
        goal.attachAxis(goal_axis)
        fresh = _value_axis(best * 1.1, "completed")
    else:
        goal.attachAxis(y_axis)
        fresh = _value_axis(max(best, goal_top, 1.0) * 1.1)
    y_axis.setRange(fresh.min(), fresh.max())
    y_axis.setTickCount(fresh.tickCount())
    y_axis.setTitleText(fresh.titleText())
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
