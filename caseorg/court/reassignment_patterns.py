"""The court's reassignment pattern report: what a grievance representative hands over.

For every move in a court and period (an entry later corrected is left out; its
correction counts): the order it belongs to, what the original judge did last before it
(the last hearing he held: its outcome and adjournment reason, and the days from it to
the move), the receiving judge's role, and whether the successor certified familiarity
with the record (8 C.F.R. §1240.1(b)) at the first hearing after the move. Then, per
judge, the figures: cases moved out and in by month and reason; the moved cases'
outcomes before and after the move (in absentia orders, removal orders, continuances);
and the moves made within N days of a continuance for notice. Every figure carries its
cases (ids and labels), so each count can be checked case by case.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records import Record, familiarity_certified, orders_by_id
from caseorg.values import case_label, parse_date, stored_day

DEFAULT_NOTICE_DAYS = 14
NOTICE_WORDS = re.compile(r"\bnotice|\bNTA\b|\bservice\b", re.IGNORECASE)
HELD = ("continued", "decided", "in_absentia_order")
OUTCOMES = ("in_absentia_orders", "removal_orders", "continuances")


@dataclass
class MoveRow(Record):
    """One case moved, with its order and what came just before and after."""

    reassignment_id: int
    order_id: int | None
    case_id: int
    case: str  # its label: A-number, or EOIR's case id
    respondent: str
    effective_on: str
    month: str
    from_judge: str | None
    to_judge: str
    reason_kind: str
    reason: str
    ordered_by: str | None
    ordered_by_role: str | None
    to_judge_role: str | None
    last_action_on: str | None = None
    last_action_outcome: str | None = None
    last_action_reason: str | None = None
    days_since_last_action: int | None = None
    after_notice_continuance: bool = False
    first_hearing_after_id: int | None = None
    first_hearing_after_on: str | None = None
    familiarity_certified: bool = False
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)


@dataclass
class PatternReport(Record):
    court: str | None
    since: str | None
    until: str | None
    notice_days: int
    moves: list[MoveRow] = field(default_factory=list)
    judges: list[dict[str, Any]] = field(default_factory=list)


def _figure(rows: list[MoveRow]) -> dict[str, Any]:
    """A count with its cases (the moves behind it)."""
    return {
        "count": len(rows),
        "cases": [r.case for r in rows],
        "case_ids": [r.case_id for r in rows],
        "reassignment_ids": [r.reassignment_id for r in rows],
    }


def _counts(hearings: list[dict[str, Any]], decisions: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "in_absentia_orders": sum(1 for h in hearings if h["outcome"] == "in_absentia_order"),
        "removal_orders": sum(1 for p in decisions if p["decision"] == "removal_ordered"),
        "continuances": sum(1 for h in hearings if h["outcome"] == "continued"),
    }


def _moves(lib: Library, court: str | None, first: str | None, last: str | None) -> list[Any]:
    sql = """
        SELECT r.*, c.a_number, c.eoir_case_id, c.respondent,
               fj.code AS from_code, tj.code AS to_code
        FROM reassignments r JOIN cases c ON c.id = r.case_id
        LEFT JOIN judges fj ON fj.id = r.from_judge_id JOIN judges tj ON tj.id = r.to_judge_id
        WHERE NOT EXISTS (SELECT 1 FROM reassignments l WHERE l.corrects_id = r.id)
          AND r.effective_on >= ? AND r.effective_on <= ?"""
    params: list[Any] = [first or "0000", last or "9999"]
    if court:
        sql += """ AND (lower(coalesce(c.court, '')) = lower(?)
                   OR lower(coalesce(fj.court, '')) = lower(?)
                   OR lower(coalesce(tj.court, '')) = lower(?))"""
        params += [court] * 3
    return list(lib.db.query(sql + " ORDER BY r.effective_on, r.id", params))


def pattern_report(
    lib: Library,
    court: str | None = None,
    since: str | None = None,
    until: str | None = None,
    notice_days: int = DEFAULT_NOTICE_DAYS,
) -> PatternReport:
    """The moves in ``court`` (its judges' or its cases' court; all when None) with an
    effective date in the period, and each judge's figures.

    :param notice_days: a move counts as "after a continuance for notice" when the
        original judge's last hearing was continued for a notice reason at most this
        many days before it.
    :raises InvalidValue: a bad date, an empty period or a negative day count.
    """
    first = parse_date(since, "start date").isoformat() if since else None
    last = parse_date(until, "end date").isoformat() if until else None
    if first and last and last < first:
        raise InvalidValue("the end of the period is before its start")
    if notice_days < 0:
        raise InvalidValue("the days after a continuance cannot be negative")
    orders = orders_by_id(lib)
    certified = familiarity_certified(lib)
    report = PatternReport(court=court, since=first, until=last, notice_days=notice_days)
    for move in _moves(lib, court, first, last):
        report.moves.append(_move_row(lib, move, orders, certified, notice_days))
    report.judges = judge_figures(report.moves)
    return report


def _move_row(
    lib: Library,
    move: dict[str, Any],
    orders: dict[int, dict[str, Any]],
    certified: dict[int, str],
    notice_days: int,
) -> MoveRow:
    order = orders.get(move["order_id"] or 0, {})
    effective = move["effective_on"]
    hearings = list(
        lib.db.query(
            "SELECT id, starts_at, judge_id, outcome, adjournment_reason FROM hearings "
            "WHERE case_id = ? ORDER BY starts_at, id",
            [move["case_id"]],
        )
    )
    decisions = list(
        lib.db.query(
            "SELECT decision, completed_on FROM proceedings WHERE case_id = ? "
            "AND completed_on IS NOT NULL",
            [move["case_id"]],
        )
    )
    before = [h for h in hearings if h["starts_at"][:10] < effective]
    after = [h for h in hearings if h["starts_at"][:10] >= effective]
    row = MoveRow(
        reassignment_id=move["id"],
        order_id=move["order_id"],
        case_id=move["case_id"],
        case=case_label(move["a_number"], move["eoir_case_id"]),
        respondent=move["respondent"],
        effective_on=effective,
        month=effective[:7],
        from_judge=move["from_code"],
        to_judge=move["to_code"],
        reason_kind=order.get("reason_kind") or "other",
        reason=move["reason"],
        ordered_by=order.get("ordered_by") or move["ordered_by"],
        ordered_by_role=order.get("ordered_by_role"),
        to_judge_role=order.get("to_judge_role"),
        before=_counts(before, [d for d in decisions if d["completed_on"] < effective]),
        after=_counts(
            [h for h in after if h["outcome"] in HELD],
            [d for d in decisions if d["completed_on"] >= effective],
        ),
    )
    held = [
        h
        for h in before
        if h["outcome"] in HELD
        and (h["judge_id"] == move["from_judge_id"] or h["judge_id"] is None)
    ]
    if held:
        action = held[-1]
        row.last_action_on = action["starts_at"][:10]
        row.last_action_outcome = action["outcome"]
        row.last_action_reason = action["adjournment_reason"]
        then, moved = stored_day(row.last_action_on), stored_day(effective)
        if then and moved:
            row.days_since_last_action = (moved - then).days
        row.after_notice_continuance = (
            action["outcome"] == "continued"
            and bool(NOTICE_WORDS.search(action["adjournment_reason"] or ""))
            and row.days_since_last_action is not None
            and row.days_since_last_action <= notice_days
        )
    upcoming = [h for h in after if h["outcome"] != "cancelled"]
    if upcoming:
        row.first_hearing_after_id = upcoming[0]["id"]
        row.first_hearing_after_on = upcoming[0]["starts_at"][:10]
        row.familiarity_certified = upcoming[0]["id"] in certified
    return row


def judge_figures(moves: list[MoveRow]) -> list[dict[str, Any]]:
    """Per judge: moved out and in by month and reason, the moved-out cases' outcomes
    before and after, and the moves after a continuance for notice — each with cases."""
    codes = sorted({m.from_judge for m in moves if m.from_judge} | {m.to_judge for m in moves})
    out = []
    for code in codes:
        taken = [m for m in moves if m.from_judge == code]
        given = [m for m in moves if m.to_judge == code]
        out.append(
            {
                "judge": code,
                "moved_out": _figure(taken),
                "moved_in": _figure(given),
                "out_by_month_reason": _by_month_reason(taken),
                "in_by_month_reason": _by_month_reason(given),
                "outcomes": {
                    name: {
                        "before": _figure([m for m in taken if m.before.get(name)]),
                        "after": _figure([m for m in taken if m.after.get(name)]),
                        "before_total": sum(m.before.get(name, 0) for m in taken),
                        "after_total": sum(m.after.get(name, 0) for m in taken),
                    }
                    for name in OUTCOMES
                },
                "after_notice_continuance": _figure(
                    [m for m in taken if m.after_notice_continuance]
                ),
                "without_familiarity": _figure(
                    [m for m in given if m.first_hearing_after_id and not m.familiarity_certified]
                ),
            }
        )
    return out


def _by_month_reason(rows: list[MoveRow]) -> list[dict[str, Any]]:
    keys = sorted({(m.month, m.reason_kind) for m in rows})
    return [
        {
            "month": month,
            "reason": reason,
            **_figure([m for m in rows if (m.month, m.reason_kind) == (month, reason)]),
        }
        for month, reason in keys
    ]


CSV_COLUMNS = (
    "judge",
    "figure",
    "month",
    "reason",
    "count",
    "cases",
)


def pattern_csv(report: PatternReport) -> str:
    """Every figure as a CSV row (judge, figure, month, reason, count, its cases)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for judge in report.judges:
        code = judge["judge"]
        for figure in ("moved_out", "moved_in", "after_notice_continuance", "without_familiarity"):
            item = judge[figure]
            writer.writerow([code, figure, "", "", item["count"], "; ".join(item["cases"])])
        for figure in ("out_by_month_reason", "in_by_month_reason"):
            for item in judge[figure]:
                writer.writerow(
                    [
                        code,
                        figure,
                        item["month"],
                        item["reason"],
                        item["count"],
                        "; ".join(item["cases"]),
                    ]
                )
        for name, sides in judge["outcomes"].items():
            for side in ("before", "after"):
                item = sides[side]
                writer.writerow(
                    [
                        code,
                        f"{name}_{side}_move",
                        "",
                        "",
                        sides[f"{side}_total"],
                        "; ".join(item["cases"]),
                    ]
                )
    return text.getvalue()
