"""Cases: one per respondent, named by the A-number when known, else by EOIR's case id
(both unique; an A-number added later keeps the case). A change of judge goes through
reassignments."""

from __future__ import annotations

from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library, now_iso
from caseorg.records.audited import insert_audited, update_audited
from caseorg.records.judges import judge_by_code
from caseorg.records.models import CASE_STATUSES, CASE_TYPES, CUSTODY, Case
from caseorg.records.races import taken_meanwhile
from caseorg.records.tags import normalise_tag
from caseorg.values import (
    case_label,
    format_a_number,
    optional_text,
    parse_a_number,
    parse_case_ref,
    parse_choice,
    parse_date,
    parse_eoir_case_id,
    require_text,
)
from caseorg.words import field_label

_CASE_SELECT = """
    SELECT c.*, j.code AS judge_code, j.name AS judge_name
    FROM cases c LEFT JOIN judges j ON j.id = c.judge_id
"""

EDITABLE = (
    "respondent",
    "nationality",
    "language",
    "custody",
    "case_type",
    "status",
    "court",
    "attorney",
    "dhs_counsel",
    "opened_on",
    "completed_on",
    "outcome",
)


def _clean(fields: dict[str, Any], empty: bool = False) -> dict[str, Any]:
    """Validate the editable fields a user supplied (None means 'not given'; with
    ``empty``, as in another system's row, None means 'empty' and is kept)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None:
            if empty and key in EDITABLE:
                out[key] = None  # the schema refuses it where a value is required
            continue
        if key not in EDITABLE:
            raise InvalidValue(f"unknown case field {key!r}")
        if key == "respondent":
            out[key] = require_text(value, "respondent name")
        elif key == "custody":
            out[key] = parse_choice(value, CUSTODY, "custody")
        elif key == "case_type":
            out[key] = parse_choice(value, CASE_TYPES, "case type")
        elif key == "status":
            out[key] = parse_choice(value, CASE_STATUSES, "status")
        elif key in ("opened_on", "completed_on"):
            out[key] = parse_date(value, field_label(key)).isoformat() if value else None
        else:
            out[key] = optional_text(value)
    return out


def add_case(
    lib: Library, a_number: str, respondent: str, judge_code: str | None = None, **fields: Any
) -> Case:
    """Open a case for a respondent; the A-number must be new to this library."""
    digits = parse_a_number(a_number)
    if find_case(lib, digits) is not None:
        raise InvalidValue(f"case {format_a_number(digits)} already exists")
    values = _clean({"respondent": respondent, **fields})
    values.setdefault("opened_on", now_iso()[:10])
    judge_id = judge_by_code(lib, judge_code).id if judge_code else None
    return get_case(lib, _insert(lib, digits, judge_id, values))


def add_case_row(
    lib: Library,
    a_number: str | None,
    judge_id: int | None,
    fields: dict[str, Any],
    eoir_case_id: str | None = None,
) -> int:
    """Open a case from another system's row (EOIR's, which has no A-number but its own
    case id): ``fields`` as given there, None meaning empty (no default opening date),
    the judge by id; returns the case id."""
    digits = parse_a_number(a_number) if a_number else None
    eoir = parse_eoir_case_id(eoir_case_id) if eoir_case_id else None
    if digits is None and eoir is None:
        raise InvalidValue("a case needs an A-number or an EOIR case id")
    for ref in (format_a_number(digits) if digits else None, f"EOIR {eoir}" if eoir else None):
        if ref and find_case(lib, ref) is not None:
            raise InvalidValue(f"case {ref} already exists")
    return _insert(lib, digits, judge_id, _clean(fields, empty=True), eoir)


def _insert(
    lib: Library,
    digits: str | None,
    judge_id: int | None,
    values: dict[str, Any],
    eoir_case_id: str | None = None,
) -> int:
    stamp = now_iso()
    messages = {"eoir_case_id": f"case EOIR {eoir_case_id} already exists"}
    if digits:
        messages["a_number"] = f"case {format_a_number(digits)} already exists"
    with taken_meanwhile("cases", messages):  # another writer's, at the same instant
        return insert_audited(
            lib,
            "cases",
            "case",
            {
                "a_number": digits,
                "eoir_case_id": eoir_case_id,
                "judge_id": judge_id,
                **values,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )


def edit_case(lib: Library, case_id: int, **fields: Any) -> Case:
    """Change a case's details (not its judge: that is a reassignment). An ``a_number``
    may be given to a case that has none yet (one imported from EOIR's data): the case
    keeps its id, its EOIR case id and everything filed on it."""
    a_number = fields.pop("a_number", None)
    changes = _clean(fields)
    current = get_case(lib, case_id).as_dict()
    if a_number:
        changes["a_number"] = _new_a_number(lib, current, a_number)
    changes = {k: v for k, v in changes.items() if current.get(k) != v}
    if changes:  # a save that changes nothing writes nothing (no audit row for updated_at)
        changes["updated_at"] = now_iso()
        digits = str(changes.get("a_number"))
        taken = {"a_number": lambda: _a_number_taken(lib, digits)}  # by another clerk, now
        with taken_meanwhile("cases", taken):
            update_audited(lib, "cases", "case", case_id, changes, "case")
    return get_case(lib, case_id)


def _a_number_taken(lib: Library, digits: str) -> str:
    other = find_case(lib, digits)
    named = f" ({other.respondent})" if other is not None else ""
    return f"A-number {format_a_number(digits)} is already case {format_a_number(digits)}{named}"


def _new_a_number(lib: Library, current: dict[str, Any], a_number: str) -> str:
    """The A-number a case without one is given (refused when another case has it, or
    when the case has a different one already: that is two respondents, not one)."""
    digits = parse_a_number(a_number)
    if current["a_number"] == digits:
        return digits
    if current["a_number"]:
        raise InvalidValue(
            f"case {format_a_number(current['a_number'])} already has an A-number; "
            f"it is not changed to {format_a_number(digits)}"
        )
    if find_case(lib, digits) is not None:
        raise InvalidValue(_a_number_taken(lib, digits))
    return digits


def link_eoir_case(lib: Library, case_id: int, eoir_case_id: str) -> None:
    """Give a case (opened by hand, by its A-number) the EOIR case id the data knows it
    by; refused when the case has another one or another case has this one."""
    digits = parse_eoir_case_id(eoir_case_id)
    current = get_case(lib, case_id)
    if current.eoir_case_id == digits:
        return
    if current.eoir_case_id:
        raise InvalidValue(
            f"case {current.a_number_display} is EOIR {current.eoir_case_id}, not EOIR {digits}"
        )
    taken = f"case EOIR {digits} already exists"
    if find_case(lib, f"EOIR {digits}") is not None:
        raise InvalidValue(taken)
    with taken_meanwhile("cases", {"eoir_case_id": taken}):  # by another clerk, now
        update_audited(
            lib, "cases", "case", case_id, {"eoir_case_id": digits, "updated_at": now_iso()}, "case"
        )


def update_case_row(lib: Library, case_id: int, fields: dict[str, Any]) -> None:
    """Apply the fields another system's row changed (None clears a field); the judge is
    not among them (:func:`caseorg.records.reassignments.set_case_judge`)."""
    changes = _clean(fields, empty=True)
    if not changes:
        return
    changes["updated_at"] = now_iso()
    update_audited(lib, "cases", "case", case_id, changes, "case")


def get_case(lib: Library, case_id: int) -> Case:
    rows = list(lib.db.query(_CASE_SELECT + " WHERE c.id = ?", [case_id]))
    if not rows:
        raise NotFound(f"case {case_id} not found")
    return Case(**rows[0])


def find_case(lib: Library, a_number: str) -> Case | None:
    """The case an A-number (any spelling) or an EOIR case id (``EOIR 310000001``)
    names, or None."""
    column, digits = parse_case_ref(a_number)
    rows = list(lib.db.query(_CASE_SELECT + f" WHERE c.{column} = ?", [digits]))
    return Case(**rows[0]) if rows else None


def case_by_a_number(lib: Library, a_number: str) -> Case:
    """The case for an A-number (any spelling) or an EOIR case id, or NotFound."""
    case = find_case(lib, a_number)
    if case is None:
        column, digits = parse_case_ref(a_number)
        named = case_label(*((digits, None) if column == "a_number" else (None, digits)))
        raise NotFound(f"no case {named} in this library")
    return case


def list_cases(
    lib: Library,
    text: str | None = None,
    judge_code: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    tag: str | None = None,
) -> list[Case]:
    """Cases ordered by A-number; ``text`` matches A-number digits, respondent or judge;
    ``tag`` keeps the cases carrying that tag (see :mod:`caseorg.records.tags`)."""
    where: list[str] = []
    params: list[Any] = []
    if text:
        digits = "".join(ch for ch in text if ch.isdigit())
        like = f"%{text.strip()}%"
        clause = "(c.respondent LIKE ? OR j.name LIKE ? OR j.code LIKE ?"
        params += [like, like, like]
        if digits:
            clause += " OR c.a_number LIKE ?"
            params.append(f"%{digits}%")
        where.append(clause + ")")
    if judge_code:
        where.append("j.code = ?")
        params.append(judge_code)
    if status:
        where.append("c.status = ?")
        params.append(parse_choice(status, CASE_STATUSES, "status"))
    if tag:
        where.append("c.id IN (SELECT case_id FROM case_tags WHERE tag = ?)")
        params.append(normalise_tag(tag))
    sql = _CASE_SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.a_number"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [Case(**row) for row in lib.db.query(sql, params)]
