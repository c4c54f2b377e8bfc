"""Completion goals and backlog figures, per judge and for the court, as plain data.

The desktop app charts these; the CLI prints them or writes CSV. Definitions
(kept simple and stated, so a clerk can check a figure by hand):

- *pending* on a day: opened by then and not completed by then (status ``pending``,
  or completed later); age = that day minus the opening date.
- *completion*: a proceeding's, counted in the month of its completion for the judge
  who decided it (:func:`caseorg.court.performance.completed_proceedings`): a
  reassignment or a reopening does not move it; a case with no completed proceeding
  counts by its own ``completed_on``, for the judge it is assigned to.
- *goal*: the library's ``completion-goal`` setting (completions per judge per
  year, default 700); the court's goal is that times the number of active judges.
- *median days*: opening to completion, over the completions in the period.
- *hearings per week*: hearings not cancelled, by the week (Monday) they start,
  counted for the judge who holds them.
- *performance*: the fiscal year's completion metrics as EOIR measures them, credited
  to the judge who decided each proceeding (:mod:`caseorg.court.performance`).
- *reassignments in/out*: by effective month; an entry later corrected by
  another is left out (the correction counts instead). For the court, "in" is
  every move onto a judge's docket and "out" every move off one. A correction entered
  after the move (same judge on both sides) counts as coming from the judge of the
  entry it corrects.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseorg.court.performance import (
    completed_proceedings,
    fiscal_year_of,
    measure,
    performance_rows,
)
from caseorg.library import COMPLETION_GOAL, Library, get_setting
from caseorg.private_files import write_private
from caseorg.records import Record, judge_by_code, list_judges
from caseorg.values import parse_date, stored_day

# (lowest age in days, first age not in the bucket, label)
AGE_BUCKETS: tuple[tuple[int, int | None, str], ...] = (
    (0, 183, "under 6 months"),
    (183, 365, "6 to 12 months"),
    (365, 730, "1 to 2 years"),
    (730, 1095, "2 to 3 years"),
    (1095, None, "3 years or more"),
)
DEFAULT_MONTHS = 12


@dataclass
class Stats(Record):
    """Every figure for one scope (the court, or one judge) over one period."""

    scope: str  # "court" or a judge code
    scope_name: str
    today: str
    period_start: str  # first day of the first month
    period_end: str  # today
    annual_goal: int  # for this scope (the court's is per-judge goal x judges)
    judges_counted: int
    pending_total: int = 0
    pending_by_age: list[dict[str, Any]] = field(default_factory=list)
    completions_by_month: list[dict[str, Any]] = field(default_factory=list)
    completed_total: int = 0
    goal_for_period: float = 0.0
    median_days_to_completion: float | None = None
    hearings_by_week: list[dict[str, Any]] = field(default_factory=list)
    reassignments_by_month: list[dict[str, Any]] = field(default_factory=list)
    judges: list[dict[str, Any]] = field(default_factory=list)  # court scope: one row each
    # the fiscal year's measures as EOIR takes them (caseorg.court.performance)
    performance: dict[str, Any] = field(default_factory=dict)
    judge_performance: list[dict[str, Any]] = field(default_factory=list)  # court scope


def _month_starts(today: dt.date, months: int) -> list[dt.date]:
    first = today.replace(day=1)
    out = []
    for back in range(months - 1, -1, -1):
        year, month = first.year, first.month - back
        while month <= 0:
            year, month = year - 1, month + 12
        out.append(dt.date(year, month, 1))
    return out


def _week_starts(start: dt.date, today: dt.date) -> list[dt.date]:
    monday = start - dt.timedelta(days=start.weekday())
    out = []
    while monday <= today:
        out.append(monday)
        monday += dt.timedelta(days=7)
    return out


def pending_by_age(
    lib: Library, today: dt.date, judge_id: int | None = None
) -> list[dict[str, Any]]:
    """Cases pending on ``today`` counted by age bucket (a case with no opening date uses
    its creation)."""
    sql = (
        "SELECT opened_on, created_at FROM cases WHERE "
        "(status = 'pending' OR (completed_on IS NOT NULL AND completed_on > ?))"
    )
    params: list[Any] = [today.isoformat()]
    if judge_id is not None:
        sql += " AND judge_id = ?"
        params.append(judge_id)
    counts = [0] * len(AGE_BUCKETS)
    for row in lib.db.query(sql, params):
        opened = stored_day(row["opened_on"]) or stored_day(row["created_at"]) or today
        if opened > today:
            continue  # not opened yet on that day
        age = (today - opened).days
        for number, (low, high, _label) in enumerate(AGE_BUCKETS):
            if age >= low and (high is None or age < high):
                counts[number] += 1
                break
    return [
        {"bucket": label, "min_days": low, "max_days": (high - 1) if high else None, "cases": n}
        for (low, high, label), n in zip(AGE_BUCKETS, counts, strict=True)
    ]


def completions(
    lib: Library,
    months: list[dt.date],
    today: dt.date,
    annual_goal: int,
    judge_id: int | None = None,
) -> tuple[list[dict[str, Any]], list[int]]:
    """Completions per month against the goal, and the days each took (for the median)."""
    start, end = months[0].isoformat(), today.isoformat()
    finished = completed_proceedings(lib, start, end) + [
        dict(row)
        for row in lib.db.query(
            """SELECT completed_on, opened_on, judge_id FROM cases c
               WHERE completed_on >= ? AND completed_on <= ? AND NOT EXISTS
               (SELECT 1 FROM proceedings p WHERE p.case_id = c.id
                AND p.completed_on IS NOT NULL)""",
            [start, end],
        )
    ]
    per_month = {m.isoformat()[:7]: 0 for m in months}
    durations: list[int] = []
    for row in finished:
        if judge_id is not None and row["judge_id"] != judge_id:
            continue
        key = row["completed_on"][:7]
        if key in per_month:
            per_month[key] += 1
        done, opened = stored_day(row["completed_on"]), stored_day(row["opened_on"])
        if done and opened and done >= opened:
            durations.append((done - opened).days)
    monthly_goal = annual_goal / 12
    rows = []
    cumulative = 0
    for number, (month, count) in enumerate(per_month.items(), start=1):
        cumulative += count
        rows.append(
            {
                "month": month,
                "completed": count,
                "goal": round(monthly_goal, 1),
                "cumulative": cumulative,
                "cumulative_goal": round(monthly_goal * number, 1),
            }
        )
    return rows, durations


def hearings_by_week(
    lib: Library, weeks: list[dt.date], today: dt.date, judge_id: int | None = None
) -> list[dict[str, Any]]:
    """Hearings (not cancelled) per week, weeks starting Monday."""
    end = weeks[-1] + dt.timedelta(days=7)
    sql = (
        "SELECT substr(starts_at, 1, 10) AS day FROM hearings WHERE outcome != 'cancelled' "
        "AND starts_at >= ? AND starts_at < ?"
    )
    params: list[Any] = [weeks[0].isoformat(), end.isoformat()]
    if judge_id is not None:
        sql += " AND judge_id = ?"
        params.append(judge_id)
    per_week = {w: 0 for w in weeks}
    for row in lib.db.query(sql, params):
        day = stored_day(row["day"])
        if day is None:
            continue
        monday = day - dt.timedelta(days=day.weekday())
        if monday in per_week:
            per_week[monday] += 1
    return [{"week_of": w.isoformat(), "hearings": n} for w, n in per_week.items()]


def reassignments_by_month(
    lib: Library, months: list[dt.date], today: dt.date, judge_id: int | None = None
) -> list[dict[str, Any]]:
    """Cases moved onto ("in") and off ("out") the judge's docket, per effective month."""
    # a correction recorded after the case had moved names the same judge twice: the move
    # it corrects says where the case came from
    rows = lib.db.query(
        """SELECT r.effective_on, r.to_judge_id,
                  CASE WHEN r.corrects_id IS NOT NULL AND r.from_judge_id IS r.to_judge_id
                       THEN (SELECT o.from_judge_id FROM reassignments o WHERE o.id = r.corrects_id)
                       ELSE r.from_judge_id END AS from_judge_id
           FROM reassignments r
           WHERE r.effective_on >= ? AND r.effective_on <= ?
             AND NOT EXISTS (SELECT 1 FROM reassignments later WHERE later.corrects_id = r.id)""",
        [months[0].isoformat(), today.isoformat()],
    )
    per_month = {m.isoformat()[:7]: {"in": 0, "out": 0} for m in months}
    for row in rows:
        counts = per_month.get(row["effective_on"][:7])
        if counts is None:
            continue
        if judge_id is None:
            counts["in"] += 1
            counts["out"] += 1 if row["from_judge_id"] is not None else 0
        else:
            counts["in"] += 1 if row["to_judge_id"] == judge_id else 0
            counts["out"] += 1 if row["from_judge_id"] == judge_id else 0
    return [{"month": m, "in": c["in"], "out": c["out"]} for m, c in per_month.items()]


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def court_stats(
    lib: Library,
    judge_code: str | None = None,
    today: dt.date | str | None = None,
    months: int = DEFAULT_MONTHS,
    fiscal_year: int | None = None,
) -> Stats:
    """The figures for the court (or, with ``judge_code``, one judge).

    :param today: the last day counted (default today); months end with its month.
    :param months: how many calendar months the period covers (1 to 120).
    :param fiscal_year: the year of the performance measures (default: ``today``'s).
    """
    day = parse_date(today, "date") if today else dt.date.today()
    months = max(1, min(int(months), 120))
    month_list = _month_starts(day, months)
    weeks = _week_starts(month_list[0], day)
    per_judge_goal = get_setting(lib, COMPLETION_GOAL)
    judge = judge_by_code(lib, judge_code) if judge_code else None
    judge_id = judge.id if judge else None
    active = [j for j in list_judges(lib) if j.active]
    judges_counted = 1 if judge else len(active)
    annual_goal = per_judge_goal * judges_counted

    pending = pending_by_age(lib, day, judge_id)
    done_rows, durations = completions(lib, month_list, day, annual_goal, judge_id)
    stats = Stats(
        scope=judge.code if judge else "court",
        scope_name=judge.name if judge else "All judges",
        today=day.isoformat(),
        period_start=month_list[0].isoformat(),
        period_end=day.isoformat(),
        annual_goal=annual_goal,
        judges_counted=judges_counted,
        pending_total=sum(r["cases"] for r in pending),
        pending_by_age=pending,
        completions_by_month=done_rows,
        completed_total=sum(r["completed"] for r in done_rows),
        goal_for_period=round(annual_goal * months / 12, 1),
        median_days_to_completion=_median(durations),
        hearings_by_week=hearings_by_week(lib, weeks, day, judge_id),
        reassignments_by_month=reassignments_by_month(lib, month_list, day, judge_id),
    )
    year = fiscal_year or fiscal_year_of(day)
    stats.performance = measure(lib, year, judge_id, annual_goal, day)
    if judge is None:
        for j in list_judges(lib):
            rows, spans = completions(lib, month_list, day, per_judge_goal, j.id)
            moves = reassignments_by_month(lib, month_list, day, j.id)
            stats.judges.append(
                {
                    "code": j.code,
                    "name": j.name,
                    "active": bool(j.active),
                    "pending": sum(r["cases"] for r in pending_by_age(lib, day, j.id)),
                    "completed": sum(r["completed"] for r in rows),
                    "goal_for_period": round(per_judge_goal * months / 12, 1) if j.active else 0,
                    "median_days_to_completion": _median(spans),
                    "hearings": sum(r["hearings"] for r in hearings_by_week(lib, weeks, day, j.id)),
                    "reassigned_in": sum(m["in"] for m in moves),
                    "reassigned_out": sum(m["out"] for m in moves),
                }
            )
            stats.judge_performance.append(
                {"code": j.code, "name": j.name, **measure(lib, year, j.id, per_judge_goal, day)}
            )
    return stats


def summary_rows(stats: Stats) -> list[dict[str, Any]]:
    """The headline figures as (figure, value) rows."""
    return [
        {"figure": "scope", "value": stats.scope},
        {"figure": "period_start", "value": stats.period_start},
        {"figure": "period_end", "value": stats.period_end},
        {"figure": "pending", "value": stats.pending_total},
        {"figure": "completed", "value": stats.completed_total},
        {"figure": "annual_goal", "value": stats.annual_goal},
        {"figure": "goal_for_period", "value": stats.goal_for_period},
        {"figure": "median_days_to_completion", "value": stats.median_days_to_completion},
    ]


def write_csv(stats: Stats, folder: Path) -> list[Path]:
    """One CSV per table (UTF-8, header row, private: 0600) in ``folder``; returns the
    files written."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict[str, Any]]] = {
        "summary": summary_rows(stats),
        "pending_by_age": stats.pending_by_age,
        "completions_by_month": stats.completions_by_month,
        "hearings_by_week": stats.hearings_by_week,
        "reassignments_by_month": stats.reassignments_by_month,
    }
    if stats.judges:
        tables["judges"] = stats.judges
    tables["performance"] = performance_rows(stats.scope, stats.performance) + [
        row for j in stats.judge_performance for row in performance_rows(j["code"], j)
    ]
    written = []
    for name, rows in tables.items():
        text = io.StringIO(newline="")
        writer = csv.DictWriter(text, fieldnames=list(rows[0]) if rows else ["empty"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        written.append(write_private(folder / f"{name}.csv", text.getvalue(), newline=""))
    return written
