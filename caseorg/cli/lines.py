"""How one record reads as one line of text: the same line in a list and in ``case show``."""

from __future__ import annotations

from typing import Any

from caseorg.words import label


def case_text(case: Any) -> str:
    judge_name = case.judge_name or "no judge assigned"
    return f"{case.a_number_display}  {case.respondent}  [{label(case.status)}]  {judge_name}"


def hearing_line(h: Any) -> str:
    judge_name = h.judge_name or "no judge"
    line = (
        f"{h.starts_at}  {label(h.kind)} hearing  {judge_name}"
        f"{', room ' + h.courtroom if h.courtroom else ''}  [{label(h.outcome)}]"
    )
    for warning in (h.notice_warning, h.record_warning):
        if warning:
            line += f"  ⚠ {warning}"
    return line


def reassignment_line(r: Any) -> str:
    from_name = r.from_judge_name or "unassigned"
    flags = " [mid-stream]" if r.midstream else ""
    fix = f" (corrects #{r.corrects_id})" if r.corrects_id else ""
    by = f", ordered by {r.ordered_by}" if r.ordered_by else ""
    return f"#{r.id} {r.effective_on}  {from_name} → {r.to_judge_name}{flags}{fix}: {r.reason}{by}"


def report_line(row: Any) -> str:
    """One case in a judge's reassignment report: the move and what happened next."""
    other = row.to_judge_code if row.direction == "taken" else row.from_judge_code
    arrow = f"to {other}" if row.direction == "taken" else f"from {other or 'unassigned'}"
    flags = " [mid-stream]" if row.midstream else ""
    by = f", ordered by {row.ordered_by}" if row.ordered_by else ""
    nxt = (
        f"next {row.next_hearing_at} {label(row.next_hearing_kind)} "
        f"[{label(row.next_hearing_outcome)}]"
        if row.next_hearing_at
        else "no later hearing"
    )
    absentia = (
        f"; in absentia order {', '.join(row.in_absentia_orders)}" if row.in_absentia_orders else ""
    )
    case_now = label(row.case_status) + (f": {row.case_outcome}" if row.case_outcome else "")
    return (
        f"  #{row.reassignment_id} {row.effective_on}  {row.a_number_display} {row.respondent} "
        f"{arrow}{flags}: {row.reason}{by}; {nxt}{absentia}; case {case_now}"
    )


def note_line(n: Any) -> str:
    edited = f" (edited {n.updated_at})" if n.updated_at else ""
    return f"#{n.id} {n.created_at} {n.author} on {n.entity} #{n.entity_id}{edited}: {n.text}"
