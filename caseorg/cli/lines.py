"""How one record reads as one line of text: the same line in a list and in ``case show``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from caseorg.words import label, us_date, us_datetime


def case_cells(case: Any) -> list[str]:
    """A case as the cells of a row: A-number, respondent, status, judge."""
    judge_name = case.judge_name or "no judge assigned"
    return [case.a_number_display, case.respondent, f"[{label(case.status)}]", judge_name]


def case_text(case: Any) -> str:
    """A case on a line of its own ('added case …', the head of ``case show``)."""
    return "  ".join(case_cells(case))


def hearing_cells(h: Any) -> list[str]:
    """A hearing as the cells of a row: when, kind, judge, room, outcome, warnings."""
    warnings = "  ".join(f"⚠ {w}" for w in (h.notice_warning, h.record_warning) if w)
    return [
        us_datetime(h.starts_at),
        getattr(h, "kind_detail", None) or f"{label(h.kind)} hearing",
        h.judge_name or "no judge",
        _room(h.courtroom),
        f"[{label(h.outcome)}]",
        warnings,
    ]


def _room(courtroom: str | None) -> str:
    """'room 4', or 'Courtroom 4' as written (never 'room Courtroom 4')."""
    if not courtroom:
        return ""
    return courtroom if "room" in courtroom.lower() else f"room {courtroom}"


def hearing_line(h: Any) -> str:
    """A hearing on a line of its own (after 'added hearing')."""
    return "  ".join(cell for cell in hearing_cells(h) if cell)


def aligned(rows: Sequence[Sequence[str]], indent: str = "") -> list[str]:
    """Rows of cells as lines whose columns line up (two spaces between columns; an
    empty last column leaves no trailing blanks)."""
    count = max((len(row) for row in rows), default=0)
    widths = [max((len(row[i]) for row in rows if i < len(row)), default=0) for i in range(count)]
    return [
        (indent + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row))).rstrip()
        for row in rows
    ]


def reassignment_line(r: Any, cases: dict[int, str]) -> str:
    """'#2 12/01/2026  A-123-456-789 Ana Lopez  Marsh → Ortiz: reason' (``cases``: see
    :func:`caseorg.reports.case_names`)."""
    from_name = r.from_judge_name or "unassigned"
    flags = " [mid-stream]" if r.midstream else ""
    fix = f" (corrects #{r.corrects_id})" if r.corrects_id else ""
    by = f", ordered by {r.ordered_by}" if r.ordered_by else ""
    return (
        f"#{r.id} {us_date(r.effective_on)}  {cases.get(r.case_id, '')}  "
        f"{from_name} → {r.to_judge_name}{flags}{fix}: {r.reason}{by}"
    )


def report_line(row: Any) -> str:
    """One case in a judge's reassignment report: the move and what happened next."""
    other = row.to_judge_code if row.direction == "taken" else row.from_judge_code
    arrow = f"to {other}" if row.direction == "taken" else f"from {other or 'unassigned'}"
    flags = " [mid-stream]" if row.midstream else ""
    by = f", ordered by {row.ordered_by}" if row.ordered_by else ""
    nxt = (
        f"next {us_datetime(row.next_hearing_at)} {label(row.next_hearing_kind)} "
        f"[{label(row.next_hearing_outcome)}]"
        if row.next_hearing_at
        else "no later hearing"
    )
    orders = ", ".join(map(us_date, row.in_absentia_orders))
    absentia = f"; in absentia order {orders}" if orders else ""
    case_now = label(row.case_status) + (f": {row.case_outcome}" if row.case_outcome else "")
    return (
        f"  #{row.reassignment_id} {us_date(row.effective_on)}  {row.a_number_display} "
        f"{row.respondent} {arrow}{flags}: {row.reason}{by}; {nxt}{absentia}; case {case_now}"
    )


def note_line(n: Any, cases: dict[int, str]) -> str:
    """'#3 12/05/2026 9:30 AM jdoe on A-123-456-789 Ana Lopez: text'; a note on a document
    or hearing says which ('on hearing #4 of A-…')."""
    edited = f" (edited {us_datetime(n.updated_at)})" if n.updated_at else ""
    case = cases.get(n.case_id, "")
    on = case if n.entity == "case" else f"{n.entity} #{n.entity_id} of {case}"
    return f"#{n.id} {us_datetime(n.created_at)} {n.author} on {on}{edited}: {n.text}"
