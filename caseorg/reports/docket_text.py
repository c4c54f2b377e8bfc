"""The docket as plain text, for a terminal (``caseorg docket`` without a file).

The same facts as the printed docket (:func:`caseorg.reports.docket.docket_context`):
hearings by judge, then courtroom, in time order, with notice warnings under the line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.reports.docket import docket_context
from caseorg.words import counted


def docket_text(
    lib: Library,
    day: dt.date,
    until: dt.date | None = None,
    judge_code: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> str:
    """A day's (or a range's) docket as lines of text, columns aligned."""
    context = docket_context(lib, day, until, judge_code, now=now)
    title = f"Docket — {context['period']}"
    if context["court"]:
        title += f" — {context['court']}"
    lines = [title]
    if context["judge_filter"]:
        lines.append(f"Immigration Judge {context['judge_filter']}")
    if not context["judges"]:
        lines.append("No hearings scheduled.")
        return "\n".join(lines)
    summary = (
        f"{counted(context['hearing_count'], 'hearing')} before "
        f"{counted(len(context['judges']), 'judge')}"
    )
    if context["warning_count"]:
        summary += f"; ⚠ {context['warning_count']} with a notice warning"
    lines.append(summary)
    for judge in context["judges"]:
        lines += ["", f"Immigration Judge {judge['judge']} — {counted(judge['count'], 'hearing')}"]
        for room in judge["courtrooms"]:
            lines.append(f"  {room['courtroom']}")
            lines += _hearing_lines(room["hearings"], context["multi_day"])
    return "\n".join(lines)


def _hearing_lines(hearings: list[dict[str, Any]], multi_day: bool) -> list[str]:
    rows = [
        [
            f"{h['date']} {h['time']}" if multi_day else h["time"],
            h["a_number"],
            h["respondent"],
            f"{h['kind_short']} ({h['medium_short']})",
            h["custody"],
            "pro se" if h["pro_se"] else h["representation"],
            h["outcome"],
        ]
        for h in hearings
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for h, row in zip(hearings, rows, strict=True):
        lines.append(
            "    " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        )
        for kind in ("notice_warning", "record_warning"):
            if h[kind]:
                lines.append(f"      ⚠ {h[kind]}")
    return lines
