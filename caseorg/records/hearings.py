"""Hearings: scheduling, outcomes, the hearing form's save with its exhibits.

A hearing read back carries ``notice_warning`` when it ended in an in absentia order
without sound proof of notice (the rule is :func:`caseorg.records.notices.notice_problem`),
and ``record_warning`` when it is unusual (:func:`record_warning`).

What cannot be true is refused (:class:`InvalidValue`): a time given as a bare date, and
a second hearing of the same kind of one case at the same minute (:func:`same_minute_problem`;
a cancelled hearing does not count). What is merely unusual is kept and flagged: a hearing
dated before its case was opened (a typing slip, or an old case entered late), two hearings
of different kinds at one minute, a notice served after the hearing. Another system's rows
(EOIR's) are kept as they stand, and flagged the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import NOTICE_MIN_DAYS, Library, get_setting
from caseorg.records.audited import get_row, insert_audited, insert_audited_many, update_audited
from caseorg.records.exhibits import set_exhibits
from caseorg.records.judges import judge_by_code
from caseorg.records.models import HEARING_KINDS, MEDIA, OUTCOMES, Hearing
from caseorg.records.notice_inputs import notice_facts
from caseorg.records.notice_rules import NoticeProof, hearing_warning, judge_notice
from caseorg.records.notices import (
    MIN_NOTICE_DAYS as MIN_NOTICE_DAYS,
    notices_for,
    served_after,
)
from caseorg.records.proceedings import proceeding_for_hearing
from caseorg.values import case_label, optional_text, parse_choice, parse_datetime
from caseorg.words import label, us_date, us_datetime

_HEARING_SELECT = """
    SELECT h.*, j.code AS judge_code, j.name AS judge_name,
           c.a_number AS a_number, c.eoir_case_id AS eoir_case_id, c.respondent AS respondent,
           c.opened_on AS case_opened_on,
           (SELECT group_concat(t.id || ' ' || t.kind) FROM hearings t
             WHERE t.case_id = h.case_id AND t.starts_at = h.starts_at AND t.id != h.id
               AND t.outcome != 'cancelled' AND h.outcome != 'cancelled') AS same_minute,
           (SELECT max(n.served_on) FROM notices n
             WHERE n.hearing_id = h.id AND n.served_on > substr(h.starts_at, 1, 10))
             AS served_after_on
    FROM hearings h
    JOIN cases c ON c.id = h.case_id
    LEFT JOIN judges j ON j.id = h.judge_id
"""
_FLAG_COLUMNS = ("case_opened_on", "same_minute", "served_after_on")  # read, not stored


_TEXT = (
    "courtroom",
    "interpreter_language",
    "adjournment_reason",
    "notes",
    "kind_detail",
    "medium_detail",
)


def _clean(lib: Library, fields: dict[str, Any], row: bool = False) -> dict[str, Any]:
    """Validate hearing fields (None means 'not given'); ``row``: another system's row,
    where None means 'empty' and the judge comes as ``judge_id``."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if row and key in ("judge_id", "proceeding_id", *_TEXT):
            out[key] = value if key in ("judge_id", "proceeding_id") else optional_text(value)
        elif value is None:
            continue
        elif key == "starts_at":
            out[key] = minute(value)
        elif key == "kind":
            out[key] = parse_choice(value, HEARING_KINDS, "hearing kind")
        elif key == "medium":
            out[key] = parse_choice(value, MEDIA, "hearing medium")
        elif key == "outcome":
            out[key] = parse_choice(value, OUTCOMES, "hearing outcome")
        elif key == "judge_code":
            out["judge_id"] = judge_by_code(lib, value).id
        elif key in _TEXT:
            out[key] = optional_text(value)
        else:
            raise InvalidValue(f"unknown hearing field {key!r}")
    return out


def minute(value: str | dt.datetime) -> str:
    """A hearing's start as stored, 'YYYY-MM-DD HH:MM'; a bare date is refused."""
    return parse_datetime(value, "hearing date and time").isoformat(sep=" ")[:16]


def same_minute_problem(
    lib: Library, case_id: int, starts_at: str, kind: str, hearing_id: int | None = None
) -> str | None:
    """Why a hearing of ``case_id`` cannot be at ``starts_at`` (stored form): the case
    already has a hearing of that kind then (not cancelled; ``hearing_id`` is the one
    being moved, if any). None when the minute is free."""
    rows = list(
        lib.db.query(
            """SELECT h.id, c.a_number, c.eoir_case_id
               FROM hearings h JOIN cases c ON c.id = h.case_id
               WHERE h.case_id = ? AND h.starts_at = ? AND h.kind = ?
                 AND h.outcome != 'cancelled' AND h.id != ?""",
            [case_id, starts_at, kind, hearing_id or 0],
        )
    )
    if not rows:
        return None
    named = case_label(rows[0]["a_number"], rows[0]["eoir_case_id"])
    return (
        f"case {named} already has a {label(kind)} hearing at "
        f"{us_datetime(starts_at)} (#{rows[0]['id']}): a case cannot have two at the same minute"
    )


def before_opening(starts_at: str, opened_on: str | None) -> str | None:
    """The flag of a hearing dated before its case was opened, else None."""
    if not opened_on or starts_at[:10] >= opened_on[:10]:
        return None
    return f"dated before the case was opened ({us_date(opened_on)})"


def record_warning(
    hearing: Hearing, opened_on: str | None, same_minute: str | None, served_after_on: str | None
) -> str | None:
    """What is unusual about a hearing read back, in words; None when nothing is.

    :param same_minute: the case's other hearings at this minute, 'id kind' joined by commas.
    :param served_after_on: the last day a notice of it was served after the hearing day.
    """
    flags = [before_opening(hearing.starts_at, opened_on)]
    others = [other.split(" ", 1) for other in (same_minute or "").split(",") if other]
    for number, kind in sorted(others, key=lambda other: int(other[0])):
        flags.append(f"at the same minute as hearing #{number} ({label(kind)}) of this case")
    if served_after_on and not hearing.notice_warning:  # the notice warning says it then
        flags.append(served_after(served_after_on, hearing.starts_at))
    return "; ".join(flag for flag in flags if flag) or None


def add_hearing(lib: Library, case_id: int, starts_at: str, **fields: Any) -> Hearing:
    """Schedule a hearing; the judge defaults to the case's current judge, the proceeding
    (``proceeding_id``) to the case's latest.

    :raises InvalidValue: the case has a hearing of this kind at that minute already.
    """
    case = get_row(lib.db, "cases", case_id, "case")
    proceeding_id = fields.pop("proceeding_id", None)
    values = _clean(lib, {"starts_at": starts_at, **fields})
    values.setdefault("judge_id", case["judge_id"])
    _refuse_same_minute(lib, case_id, values["starts_at"], values.get("kind", "master"))
    values["proceeding_id"] = proceeding_for_hearing(lib, case_id, proceeding_id)
    hearing_id = insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})
    return get_hearing(lib, hearing_id)


def _refuse_same_minute(
    lib: Library, case_id: int, starts_at: str, kind: str, hearing_id: int | None = None
) -> None:
    problem = same_minute_problem(lib, case_id, starts_at, kind, hearing_id)
    if problem:
        raise InvalidValue(problem)


def add_hearing_row(lib: Library, case_id: int, fields: dict[str, Any]) -> int:
    """Add a hearing from another system's row (EOIR's schedule): None is empty and the
    judge is ``judge_id`` as given (no default to the case's judge); returns the id."""
    values = _clean(lib, fields, row=True)
    values["proceeding_id"] = proceeding_for_hearing(lib, case_id)
    return insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})


def add_hearing_rows(
    lib: Library, case_id: int, rows: list[dict[str, Any]], audit_each: bool = True
) -> list[int]:
    """Add many hearings of one case from another system's rows (as
    :func:`add_hearing_row`, in two statements); their ids, in order. ``audit_each``
    False: the caller audits them with the rest of the import (:func:`record_import`)."""
    cleaned = [{"case_id": case_id, **_clean(lib, fields, row=True)} for fields in rows]
    if len({tuple(row) for row in cleaned}) > 1:  # not one set of columns: one at a time
        return [insert_audited(lib, "hearings", "hearing", row) for row in cleaned]
    return insert_audited_many(lib, "hearings", "hearing", cleaned, audit_each)


def update_hearing_row(lib: Library, hearing_id: int, fields: dict[str, Any]) -> None:
    """Apply the fields another system's row changed (None clears a field)."""
    update_audited(lib, "hearings", "hearing", hearing_id, _clean(lib, fields, row=True), "hearing")


def edit_hearing(lib: Library, hearing_id: int, **fields: Any) -> Hearing:
    """Change a hearing; moving it (or changing its kind) onto a minute where the case has
    a hearing of that kind is refused (a twin already there is only flagged)."""
    changes = _clean(lib, fields)
    if changes:
        now = get_row(lib.db, "hearings", hearing_id, "hearing")
        moved = {**now, **changes}
        if (moved["starts_at"], moved["kind"]) != (now["starts_at"], now["kind"]):
            _refuse_same_minute(lib, now["case_id"], moved["starts_at"], moved["kind"], hearing_id)
        update_audited(lib, "hearings", "hearing", hearing_id, changes, "hearing")
    return get_hearing(lib, hearing_id)


def get_hearing(lib: Library, hearing_id: int) -> Hearing:
    rows = list(lib.db.query(_HEARING_SELECT + " WHERE h.id = ?", [hearing_id]))
    if not rows:
        raise NotFound(f"hearing {hearing_id} not found")
    return _with_warning(lib, rows[0])


def list_hearings(
    lib: Library,
    case_id: int | None = None,
    on: dt.date | None = None,
    until: dt.date | None = None,
    judge_code: str | None = None,
) -> list[Hearing]:
    """Hearings by start time; ``on``/``until`` bound the day range (inclusive)."""
    where: list[str] = []
    params: list[Any] = []
    if case_id is not None:
        where.append("h.case_id = ?")
        params.append(case_id)
    if on is not None:
        where.append("h.starts_at >= ?")
        params.append(on.isoformat())
        end = (until or on) + dt.timedelta(days=1)
        where.append("h.starts_at < ?")
        params.append(end.isoformat())
    if judge_code:
        where.append("j.code = ?")
        params.append(judge_code)
    sql = _HEARING_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY h.starts_at, j.name, h.courtroom"
    min_days = get_setting(lib, NOTICE_MIN_DAYS)
    return [_with_warning(lib, row, min_days) for row in lib.db.query(sql, params)]


def _with_warning(lib: Library, row: dict[str, Any], min_days: int | None = None) -> Hearing:
    """A row of ``_HEARING_SELECT`` as a Hearing with its notice and record warnings."""
    flags = [row.pop(column) for column in _FLAG_COLUMNS]
    hearing = Hearing(**row)
    if hearing.outcome == "in_absentia_order":
        if min_days is None:
            min_days = get_setting(lib, NOTICE_MIN_DAYS)
        facts = notice_facts(lib, hearing, notices_for(lib, hearing.id))
        hearing.notice_warning = hearing_warning(facts, min_days, flags=True)
    hearing.record_warning = record_warning(hearing, *flags)
    return hearing


def save_hearing(
    lib: Library,
    case_id: int,
    hearing_id: int | None,
    starts_at: str,
    exhibits: dict[int, str | None],
    **fields: Any,
) -> Hearing:
    """Schedule a hearing of ``case_id`` (``hearing_id`` None) or change one, with its
    exhibits: the hearing form's save, all of it or none of it."""
    with lib.db.atomic():
        if hearing_id is None:
            target = add_hearing(lib, case_id, starts_at, **fields).id
        else:
            target = edit_hearing(lib, hearing_id, starts_at=starts_at, **fields).id
        if exhibits or hearing_id is not None:
            set_exhibits(lib, target, exhibits)  # writes only what changed
    return get_hearing(lib, target)


def notice_proof(lib: Library, hearing_id: int) -> NoticeProof:
    """The full judgment of a hearing's notice (:mod:`caseorg.records.notice_rules`), with
    the library's local notice period: what the notice-proof panel and ``check-notices
    --proof`` show."""
    hearing = get_hearing(lib, hearing_id)
    facts = notice_facts(lib, hearing, notices_for(lib, hearing_id))
    return judge_notice(facts, get_setting(lib, NOTICE_MIN_DAYS))
