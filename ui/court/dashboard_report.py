"""The court dashboard's figures as a printable report: every table of
:class:`caseorg.court.stats.Stats` as plain HTML, for print preview and PDF."""

from __future__ import annotations

import html
from typing import Any

from caseorg.court import Stats, summary_rows
from caseorg.words import us_date
from caseorg_ui.court.dashboard_charts import month_label, number_text

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
        return number_text(value)
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
