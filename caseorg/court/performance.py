"""Completion metrics measured as EOIR measures them (the 2018 performance measures), per
judge and for the court, in a fiscal year (October 1 – September 30), each figure with
the cases behind it.

Definitions (stated so a clerk can check every figure by hand):

- A *completion* is a proceeding's, not a case's: a reopened case opens a new
  proceeding and its earlier completion stays where it was. It is credited to the
  *judge who decided*: the judge of the last hearing held in the proceeding on or before
  its completion date; else the proceeding's judge; else the case's.
- *Decisions* (removal ordered, relief granted, terminated, voluntary departure, other)
  are kept apart from *other completions*: administrative closure, a granted motion to
  change venue (on its ruling date, for the proceeding's judge), and a transfer to
  another court in EOIR's data. The goal counts both, as EOIR does: 700 a year
  (``completion-goal``), unsatisfactory below 80% of it (560).
- *Remand rate*: of the BIA appeals decided in the year on proceedings credited to the
  judge, the share remanded; under 15% satisfactory, over 20% unsatisfactory.
- *Time benchmarks*, over the decisions in the year: detained decisions within 3 days
  of the merits hearing (the last individual hearing held on or before the decision),
  non-detained within 10; motions ruled on within 20 days of filing; custody (bond)
  proceedings completed at their first setting (one hearing held); merits completed at
  the first setting (the first individual hearing decided the proceeding).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.values import case_label, stored_day

DECIDED = ("removal_ordered", "relief_granted", "terminated", "voluntary_departure", "other")
HELD = ("continued", "decided", "in_absentia_order")
UNSATISFACTORY_SHARE = 0.8  # below 560 of 700
REMAND_SATISFACTORY = 15.0  # percent: under this
REMAND_UNSATISFACTORY = 20.0  # percent: over this
BENCHMARK_DAYS = {"detained_decisions": 3, "non_detained_decisions": 10, "motions": 20}


def fiscal_year_of(day: dt.date) -> int:
    """EOIR's fiscal year: FY2026 runs October 1, 2025 to September 30, 2026."""
    return day.year + 1 if day.month >= 10 else day.year


def fiscal_year_days(year: int) -> tuple[str, str]:
    return f"{year - 1}-10-01", f"{year}-09-30"


def _ref(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "case_id": row["case_id"],
        "case": case_label(row["a_number"], row["eoir_case_id"]),
        "proceeding_id": row.get("proceeding_id"),
    }


def _figure(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"count": len(items), "cases": items}


def _benchmark(met: list[dict[str, Any]], missed: list[dict[str, Any]]) -> dict[str, Any]:
    total = len(met) + len(missed)
    return {
        "met": len(met),
        "total": total,
        "percent": round(100 * len(met) / total, 1) if total else None,
        "met_cases": met,
        "missed_cases": missed,
    }


def completed_proceedings(lib: Library, first: str, last: str) -> list[dict[str, Any]]:
    """The proceedings completed in the period, with the judge credited and their hearings."""
    rows = [
        dict(r)
        for r in lib.db.query(
            """SELECT p.id AS proceeding_id, p.case_id, p.decision, p.completed_on, p.custody,
                      p.case_type, coalesce(p.judge_id, c.judge_id) AS judge_id,
                      coalesce(p.opened_on, c.opened_on) AS opened_on,
                      c.a_number, c.eoir_case_id
               FROM proceedings p JOIN cases c ON c.id = p.case_id
               WHERE p.completed_on >= ? AND p.completed_on <= ?
               ORDER BY p.completed_on, p.id""",
            [first, last],
        )
    ]
    held: dict[int, list[dict[str, Any]]] = {}
    for h in lib.db.query(
        """SELECT h.proceeding_id, h.id, h.starts_at, h.kind, h.judge_id, h.outcome
           FROM hearings h JOIN proceedings p ON p.id = h.proceeding_id
           WHERE p.completed_on >= ? AND p.completed_on <= ?
             AND h.outcome IN ('continued','decided','in_absentia_order')
             AND substr(h.starts_at, 1, 10) <= p.completed_on
           ORDER BY h.starts_at, h.id""",
        [first, last],
    ):
        held.setdefault(h["proceeding_id"], []).append(dict(h))
    for row in rows:
        row["held"] = held.get(row["proceeding_id"], [])
        if row["held"] and row["held"][-1]["judge_id"] is not None:
            row["judge_id"] = row["held"][-1]["judge_id"]
    return rows


def _others(lib: Library, first: str, last: str) -> list[dict[str, Any]]:
    """Other completions that are not a proceeding's decision: granted changes of venue
    and EOIR transfers (administrative closures are proceedings, see :func:`measure`)."""
    venue = lib.db.query(
        """SELECT m.case_id, m.proceeding_id, m.ruled_on AS completed_on, c.a_number,
                  c.eoir_case_id, coalesce(p.judge_id, c.judge_id) AS judge_id,
                  'change_of_venue' AS kind
           FROM motions m JOIN cases c ON c.id = m.case_id
           LEFT JOIN proceedings p ON p.id = m.proceeding_id
           WHERE m.kind = 'change_venue' AND m.ruling = 'granted'
             AND m.ruled_on >= ? AND m.ruled_on <= ?""",
        [first, last],
    )
    transfers = lib.db.query(
        """SELECT t.case_id, NULL AS proceeding_id, t.transferred_on AS completed_on,
                  c.a_number, c.eoir_case_id, c.judge_id, 'transfer' AS kind
           FROM eoir_transfers t JOIN cases c ON c.id = t.case_id
           WHERE t.transferred_on >= ? AND t.transferred_on <= ?""",
        [first, last],
    )
    return [dict(r) for r in (*venue, *transfers)]


def _days(first: str | None, then: str | None) -> int | None:
    a, b = stored_day(first), stored_day(then)
    return (b - a).days if a and b else None


def measure(
    lib: Library, year: int, judge_id: int | None, annual_goal: int, today: dt.date
) -> dict[str, Any]:
    """Every measure for one judge (``judge_id``) or the court (None) in fiscal ``year``."""
    first, last = fiscal_year_days(year)
    mine = (lambda row: True) if judge_id is None else (lambda row: row["judge_id"] == judge_id)
    done = [r for r in completed_proceedings(lib, first, last) if mine(r)]
    decisions = [r for r in done if r["decision"] in DECIDED or r["decision"] is None]
    closures = [r for r in done if r["decision"] == "administratively_closed"]
    others = [r for r in _others(lib, first, last) if mine(r)]
    other_refs = [_ref(r) | {"kind": "administrative_closure"} for r in closures] + [
        _ref(r) | {"kind": r["kind"]} for r in others
    ]
    total = len(decisions) + len(other_refs)
    end = min(stored_day(last) or today, max(today, stored_day(first) or today))
    elapsed = (end - (stored_day(first) or end)).days + 1
    pace_goal = round(annual_goal * min(elapsed, 365) / 365, 1)
    line = annual_goal * UNSATISFACTORY_SHARE
    return {
        "fiscal_year": year,
        "period_start": first,
        "period_end": last,
        "completions": total,
        "decisions": _figure([_ref(r) for r in decisions]),
        "other_completions": _figure(other_refs),
        "goal": annual_goal,
        "unsatisfactory_below": round(line, 1),
        "goal_to_date": pace_goal,
        "goal_rating": "satisfactory"
        if total >= annual_goal
        else ("unsatisfactory" if total < line else "needs improvement"),
        "remand_rate": _remands(lib, first, last, judge_id),
        "benchmarks": _benchmarks(lib, decisions, done, first, last, judge_id),
    }


def _remands(lib: Library, first: str, last: str, judge_id: int | None) -> dict[str, Any]:
    rows = [
        dict(r)
        for r in lib.db.query(
            """SELECT a.case_id, a.proceeding_id, a.outcome, c.a_number, c.eoir_case_id,
                      coalesce(p.judge_id, c.judge_id) AS judge_id
               FROM appeals a JOIN cases c ON c.id = a.case_id
               LEFT JOIN proceedings p ON p.id = a.proceeding_id
               WHERE a.outcome != 'pending' AND a.decided_on >= ? AND a.decided_on <= ?""",
            [first, last],
        )
    ]
    credited = {
        r["proceeding_id"]: r["judge_id"] for r in completed_proceedings(lib, "0000", "9999")
    }
    for row in rows:
        row["judge_id"] = credited.get(row["proceeding_id"], row["judge_id"])
    if judge_id is not None:
        rows = [r for r in rows if r["judge_id"] == judge_id]
    remanded = [_ref(r) for r in rows if r["outcome"] == "remanded"]
    rate = round(100 * len(remanded) / len(rows), 1) if rows else None
    rating = None
    if rate is not None:
        rating = (
            "satisfactory"
            if rate < REMAND_SATISFACTORY
            else ("unsatisfactory" if rate > REMAND_UNSATISFACTORY else "needs improvement")
        )
    return {
        "appeals_decided": _figure([_ref(r) for r in rows]),
        "remanded": _figure(remanded),
        "percent": rate,
        "rating": rating,
    }


def _benchmarks(
    lib: Library,
    decisions: list[dict[str, Any]],
    done: list[dict[str, Any]],
    first: str,
    last: str,
    judge_id: int | None,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, detained in (("detained_decisions", True), ("non_detained_decisions", False)):
        met: list[dict[str, Any]] = []
        missed: list[dict[str, Any]] = []
        for row in decisions:
            if (row["custody"] == "detained") != detained or row["case_type"] == "bond":
                continue
            merits = [h for h in row["held"] if h["kind"] == "individual"]
            if not merits:
                continue
            days = _days(merits[-1]["starts_at"][:10], row["completed_on"])
            ref = _ref(row) | {"days": days}
            (met if days is not None and days <= BENCHMARK_DAYS[name] else missed).append(ref)
        out[name] = _benchmark(met, missed)
    met, missed = [], []
    for row in lib.db.query(
        """SELECT m.case_id, m.proceeding_id, m.filed_on, m.ruled_on, c.a_number,
                  c.eoir_case_id, coalesce(p.judge_id, c.judge_id) AS judge_id
           FROM motions m JOIN cases c ON c.id = m.case_id
           LEFT JOIN proceedings p ON p.id = m.proceeding_id
           WHERE m.ruling != 'pending' AND m.ruled_on >= ? AND m.ruled_on <= ?""",
        [first, last],
    ):
        if judge_id is not None and row["judge_id"] != judge_id:
            continue
        days = _days(row["filed_on"], row["ruled_on"])
        ref = _ref(dict(row)) | {"days": days}
        (met if days is not None and days <= BENCHMARK_DAYS["motions"] else missed).append(ref)
    out["motions"] = _benchmark(met, missed)
    met, missed = [], []
    for row in done:
        if row["case_type"] == "bond":
            (met if len(row["held"]) == 1 else missed).append(_ref(row))
    out["custody_first_setting"] = _benchmark(met, missed)
    met, missed = [], []
    for row in decisions:
        merits = [h for h in row["held"] if h["kind"] == "individual"]
        if merits and row["case_type"] != "bond":
            (met if merits[0]["outcome"] != "continued" else missed).append(_ref(row))
    out["merits_first_setting"] = _benchmark(met, missed)
    return out


def performance_rows(scope: str, figures: dict[str, Any]) -> list[dict[str, Any]]:
    """One scope's measures as flat rows (scope, measure, value, of, rating, cases) for CSV."""

    def cases(items: list[dict[str, Any]]) -> str:
        return "; ".join(item["case"] for item in items)

    rows = [
        {
            "scope": scope,
            "measure": "completions",
            "value": figures["completions"],
            "of": figures["goal"],
            "rating": figures["goal_rating"],
            "cases": "",
        }
    ]
    for name in ("decisions", "other_completions"):
        item = figures[name]
        rows.append(
            {
                "scope": scope,
                "measure": name,
                "value": item["count"],
                "of": "",
                "rating": "",
                "cases": cases(item["cases"]),
            }
        )
    remand = figures["remand_rate"]
    rows.append(
        {
            "scope": scope,
            "measure": "remand_rate_percent",
            "value": "" if remand["percent"] is None else remand["percent"],
            "of": remand["appeals_decided"]["count"],
            "rating": remand["rating"] or "",
            "cases": cases(remand["remanded"]["cases"]),
        }
    )
    for name, bench in figures["benchmarks"].items():
        rows.append(
            {
                "scope": scope,
                "measure": name,
                "value": bench["met"],
                "of": bench["total"],
                "rating": "",
                "cases": "missed: " + cases(bench["missed_cases"]) if bench["missed_cases"] else "",
            }
        )
    return rows
