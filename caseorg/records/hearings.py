"""Hearings: scheduling, outcomes, the hearing form's save with its exhibits.

A hearing read back carries ``notice_warning`` when it ended in an in absentia order
without sound proof of notice (the rule is :func:`caseorg.records.notices.notice_problem`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import NOTICE_MIN_DAYS, Library, get_setting
from caseorg.records.audited import get_row, insert_audited, update_audited
from caseorg.records.exhibits import set_exhibits
from caseorg.records.judges import judge_by_code
from caseorg.records.models import HEARING_KINDS, MEDIA, OUTCOMES, Hearing
from caseorg.records.notices import MIN_NOTICE_DAYS as MIN_NOTICE_DAYS, notice_problem, notices_for
from caseorg.values import optional_text, parse_choice, parse_datetime

_HEARING_SELECT = """
    SELECT h.*, j.code AS judge_code, j.name AS judge_name,
           c.a_number AS a_number, c.respondent AS respondent
    FROM hearings h
    JOIN cases c ON c.id = h.case_id
    LEFT JOIN judges j ON j.id = h.judge_id
"""


_TEXT = ("courtroom", "interpreter_language", "adjournment_reason", "notes")


def _clean(lib: Library, fields: dict[str, Any], row: bool = False) -> dict[str, Any]:
    """Validate hearing fields (None means 'not given'); ``row``: another system's row,
    where None means 'empty' and the judge comes as ``judge_id``."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if row and key in ("judge_id", *_TEXT):
            out[key] = value if key == "judge_id" else optional_text(value)
        elif value is None:
            continue
        elif key == "starts_at":
            out[key] = parse_datetime(value, "hearing date and time").isoformat(sep=" ")[:16]
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


def add_hearing(lib: Library, case_id: int, starts_at: str, **fields: Any) -> Hearing:
    """Schedule a hearing; the judge defaults to the case's current judge."""
    case = get_row(lib.db, "cases", case_id, "case")
    values = _clean(lib, {"starts_at": starts_at, **fields})
    values.setdefault("judge_id", case["judge_id"])
    hearing_id = insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})
    return get_hearing(lib, hearing_id)


def add_hearing_row(lib: Library, case_id: int, fields: dict[str, Any]) -> int:
    """Add a hearing from another system's row (EOIR's schedule): None is empty and the
    judge is ``judge_id`` as given (no default to the case's judge); returns the id."""
    values = _clean(lib, fields, row=True)
    return insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})


def update_hearing_row(lib: Library, hearing_id: int, fields: dict[str, Any]) -> None:
    """Apply the fields another system's row changed (None clears a field)."""
    update_audited(lib, "hearings", "hearing", hearing_id, _clean(lib, fields, row=True), "hearing")


def edit_hearing(lib: Library, hearing_id: int, **fields: Any) -> Hearing:
    changes = _clean(lib, fields)
    if changes:
        update_audited(lib, "hearings", "hearing", hearing_id, changes, "hearing")
    return get_hearing(lib, hearing_id)


def get_hearing(lib: Library, hearing_id: int) -> Hearing:
    rows = list(lib.db.query(_HEARING_SELECT + " WHERE h.id = ?", [hearing_id]))
    if not rows:
        raise NotFound(f"hearing {hearing_id} not found")
    return _with_warning(lib, Hearing(**rows[0]))


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
    return [_with_warning(lib, Hearing(**row), min_days) for row in lib.db.query(sql, params)]


def _with_warning(lib: Library, hearing: Hearing, min_days: int | None = None) -> Hearing:
    if hearing.outcome == "in_absentia_order":
        if min_days is None:
            min_days = get_setting(lib, NOTICE_MIN_DAYS)
        hearing.notice_warning = notice_problem(hearing, notices_for(lib, hearing.id), min_days)
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
