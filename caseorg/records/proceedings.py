"""Proceedings: a case has one or more (EOIR's model), each with its court, judge, case
type, custody, charges (INA sections), decision, completion date and absentia flag;
a hearing joins the case's latest. A library from before proceedings has one per case
(migration m007); a case opened since has none until one is added: its hearings form
the one implicit proceeding (``proceeding_id`` None), and the first proceeding added
takes them in."""

from __future__ import annotations

import re
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library
from caseorg.records.audited import get_row, insert_audited, update_audited
from caseorg.records.case_events import (
    case_row,
    choice_or_none,
    in_order,
    optional_day,
    proceeding_of,
)
from caseorg.records.judges import judge_by_code
from caseorg.records.life_models import DECISIONS, Proceeding
from caseorg.records.models import CASE_TYPES, CUSTODY
from caseorg.values import optional_text, parse_choice
from caseorg.words import field_label

_SELECT = """SELECT p.*, j.code AS judge_code, j.name AS judge_name
             FROM proceedings p LEFT JOIN judges j ON j.id = p.judge_id"""
# an INA section as charged: 212(a)(6)(A)(i), 237(a)(1)(B), 212(a)(7)(A)(i)(I)
_SECTION = re.compile(r"^(212|237|238|240|241)(\([0-9A-Za-z]+\))+$")


def parse_charges(text: str | None) -> str | None:
    """INA sections separated by commas or spaces, checked and joined by ', '."""
    if not text:
        return None
    sections = [part for part in re.split(r"[,\s;]+", text.replace("INA", "").strip()) if part]
    for section in sections:
        if not _SECTION.match(section):
            raise InvalidValue(
                f"invalid charge {section!r}: give INA sections like 212(a)(6)(A)(i)"
            )
    return ", ".join(sections) or None


def _clean(lib: Library, fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key == "court":
            out[key] = optional_text(value)
        elif key == "judge_code":
            out["judge_id"] = judge_by_code(lib, value).id
        elif key == "case_type":
            out[key] = parse_choice(value, CASE_TYPES, "case type")
        elif key == "custody":
            out[key] = parse_choice(value, CUSTODY, "custody")
        elif key == "charges":
            out[key] = parse_charges(value)
        elif key == "decision":
            out[key] = choice_or_none(value, DECISIONS, "decision")
        elif key in ("opened_on", "completed_on", "ten_day_waiver_on"):
            out[key] = optional_day(value, field_label(key))
        elif key == "absentia":
            out[key] = 1 if value else 0
        elif key == "decision_note":
            out[key] = optional_text(value)
        else:
            raise InvalidValue(f"unknown proceeding field {key!r}")
    return out


def _check_dates(values: dict[str, Any]) -> None:
    in_order(values.get("opened_on"), values.get("completed_on"), "opened", "completed")
    in_order(values.get("opened_on"), values.get("ten_day_waiver_on"), "opened", "waiver")


def add_proceeding(lib: Library, case_id: int, **fields: Any) -> Proceeding:
    """Open a proceeding of a case; court, judge, type and custody default to the case's."""
    case = case_row(lib, case_id)
    values = _clean(lib, fields)
    for key in ("court", "judge_id", "case_type", "custody", "opened_on"):
        values.setdefault(key, case[key])
    _check_dates(values)
    with lib.db.atomic():
        new_id = insert_audited(lib, "proceedings", "proceeding", {"case_id": case_id, **values})
        lib.db.execute(  # the case's hearings without one were its implicit proceeding
            "UPDATE hearings SET proceeding_id = ? WHERE case_id = ? AND proceeding_id IS NULL",
            [new_id, case_id],
        )
    return get_proceeding(lib, new_id)


def edit_proceeding(lib: Library, proceeding_id: int, **fields: Any) -> Proceeding:
    """Change a proceeding (record its decision, completion, absentia order, waiver)."""
    now = get_row(lib.db, "proceedings", proceeding_id, "proceeding")
    changes = _clean(lib, fields)
    _check_dates({**now, **changes})
    update_audited(lib, "proceedings", "proceeding", proceeding_id, changes, "proceeding")
    return get_proceeding(lib, proceeding_id)


def get_proceeding(lib: Library, proceeding_id: int) -> Proceeding:
    rows = list(lib.db.query(_SELECT + " WHERE p.id = ?", [proceeding_id]))
    if not rows:
        raise NotFound(f"proceeding {proceeding_id} not found")
    return Proceeding(**rows[0])


def list_proceedings(lib: Library, case_id: int) -> list[Proceeding]:
    """A case's proceedings, oldest first."""
    sql = _SELECT + " WHERE p.case_id = ? ORDER BY p.opened_on, p.id"
    return [Proceeding(**row) for row in lib.db.query(sql, [case_id])]


def proceeding_for_hearing(
    lib: Library, case_id: int, proceeding_id: int | None = None
) -> int | None:
    """The proceeding a new hearing of ``case_id`` joins: the one named (of this case),
    else the case's latest; None while the case has none (its hearings then make up the
    one implicit proceeding, which :func:`add_proceeding` can later make explicit)."""
    return proceeding_of(lib, case_id, proceeding_id)
