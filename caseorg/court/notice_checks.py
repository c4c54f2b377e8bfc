"""Library-wide check of proof of notice behind in absentia orders.

The rules live in :mod:`caseorg.records.notice_rules` (the basic proof rule of
:func:`caseorg.records.notices.notice_problem`, and the judgment item by item: address
of record, NTA, counsel, 10 days, returns, flags, motions), used by the case view, docket
and summary; this module runs them over every in absentia order so a clerk can find them
all (``caseorg check-notices``), each with its findings. Asked to, it also lists
every hearing with a notice served after it (:func:`caseorg.records.notices.served_after`),
whatever its outcome: such a notice is no proof of notice, and is worth a look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caseorg.library import NOTICE_MIN_DAYS, Library, get_setting
from caseorg.records import (
    Hearing,
    Record,
    eoir_hearing_codes,
    hearing_warning,
    judge_by_code,
    judge_notice,
    notice_facts,
    notices_for,
)
from caseorg.values import case_label, parse_date
from caseorg.words import us_date

NO_PROOF = "no_proof_of_notice"


def _eoir_notice(lib: Library, hearing_id: int) -> str | None:
    """For a hearing from EOIR's data: the notice EOIR generated, and that its service is
    not recorded there (NOTICE_CODE is the type of notice, not how it went out)."""
    codes = eoir_hearing_codes(lib, hearing_id)
    if not codes or not codes["notice_code"]:
        return None
    generated = codes["notice_type"] or f"notice code {codes['notice_code']}"
    on = f" on {us_date(codes['notice_on'])}" if codes["notice_on"] else ""
    return (
        f"in absentia order: EOIR's data shows a notice generated ({generated}{on}); "
        "service is not recorded in EOIR data"
    )


SERVED_AFTER = "notice_after_hearing"
FLAGGED = "flagged"


@dataclass
class NoticeFlag(Record):
    """One in absentia order whose proof of notice is missing or defective, or a hearing
    with a notice served after it."""

    hearing_id: int
    case_id: int
    a_number: str
    a_number_display: str
    respondent: str
    starts_at: str
    kind: str
    judge_code: str | None
    judge_name: str | None
    reason: str
    notices: int
    issue: str = NO_PROOF  # or SERVED_AFTER: the order's proof is sound, a notice is late;
    # or FLAGGED: sound, but a judge must see something (custody, age, a motion)
    findings: list[dict[str, Any]] = field(default_factory=list)  # the whole judgment


def check_notices(
    lib: Library,
    judge_code: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_days: int | None = None,
    *,
    served_after: bool = False,
) -> list[NoticeFlag]:
    """Every in absentia order without sound proof of notice (and with ``served_after``,
    every other hearing with a notice served after it), oldest hearing first.

    :param judge_code: only hearings held by this judge.
    :param since: only hearings on or after this day (YYYY-MM-DD).
    :param until: only hearings on or before this day.
    :param min_days: override the library's ``notice-min-days`` setting.
    """
    where = ["h.outcome = 'in_absentia_order'"]
    if served_after:
        where = [
            "(h.outcome = 'in_absentia_order' OR EXISTS (SELECT 1 FROM notices n"
            " WHERE n.hearing_id = h.id AND n.served_on > substr(h.starts_at, 1, 10)))"
        ]
    params: list[Any] = []
    if judge_code:
        where.append("h.judge_id = ?")
        params.append(judge_by_code(lib, judge_code).id)
    if since:
        where.append("h.starts_at >= ?")
        params.append(parse_date(since, "start date").isoformat())
    if until:
        where.append("substr(h.starts_at, 1, 10) <= ?")
        params.append(parse_date(until, "end date").isoformat())
    days = get_setting(lib, NOTICE_MIN_DAYS) if min_days is None else min_days
    rows = lib.db.query(
        """SELECT h.*, j.code AS judge_code, j.name AS judge_name,
                  c.a_number AS a_number, c.eoir_case_id AS eoir_case_id,
                  c.respondent AS respondent
           FROM hearings h JOIN cases c ON c.id = h.case_id
           LEFT JOIN judges j ON j.id = h.judge_id
           WHERE """
        + " AND ".join(where)
        + " ORDER BY h.starts_at, h.id",
        params,
    )
    flags: list[NoticeFlag] = []
    for row in rows:
        hearing = Hearing(**row)
        notices = notices_for(lib, hearing.id)
        findings: list[dict[str, Any]] = []
        reason, issue = None, NO_PROOF
        if hearing.outcome == "in_absentia_order":
            facts = notice_facts(lib, hearing, notices)
            reason = hearing_warning(facts, days)
            if reason and not notices:  # from EOIR's data: the notice it generated
                reason = _eoir_notice(lib, hearing.id) or reason
            findings = [f.as_dict() for f in judge_notice(facts, days).findings]
            seen = [f["text"] for f in findings if f["status"] == "flag"]
            if reason is None and seen:
                reason, issue = "; ".join(seen), FLAGGED
        late = [n.warning for n in notices if n.warning]
        if reason is None and late and served_after:
            reason, issue = late[-1], SERVED_AFTER
        if reason is None:
            continue
        flags.append(
            NoticeFlag(
                hearing_id=hearing.id,
                case_id=hearing.case_id,
                a_number=hearing.a_number or "",
                a_number_display=case_label(hearing.a_number, hearing.eoir_case_id),
                respondent=hearing.respondent or "",
                starts_at=hearing.starts_at,
                kind=hearing.kind,
                judge_code=hearing.judge_code,
                judge_name=hearing.judge_name,
                reason=reason,
                notices=len(notices),
                issue=issue,
                findings=findings,
            )
        )
    return flags


def notice_problems_by_case(lib: Library) -> dict[int, list[NoticeFlag]]:
    """The flags of :func:`check_notices` (every in absentia order without sound proof of
    notice, or with something a judge must see), by case: one library-wide check for a
    whole case list, never one per row."""
    by_case: dict[int, list[NoticeFlag]] = {}
    for flag in check_notices(lib):
        by_case.setdefault(flag.case_id, []).append(flag)
    return by_case
