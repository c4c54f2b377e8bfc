"""Custody history and the facts about the respondent a judge must see before an in
absentia order: in DHS custody on the hearing day (a detained respondent's absence is
not a failure to appear), a juvenile, or an unaccompanied child."""

from __future__ import annotations

from typing import Any

from caseorg.library import Library, audit
from caseorg.records.case_events import (
    add_record,
    case_row,
    day,
    in_order,
    optional_day,
    rows_of,
)
from caseorg.records.life_models import CUSTODY_STATUSES, CustodySpell
from caseorg.values import optional_text, parse_choice


def add_custody(
    lib: Library,
    case_id: int,
    status: str,
    from_on: str,
    to_on: str | None = None,
    facility: str | None = None,
) -> CustodySpell:
    """Record a spell of custody (detained, or released) from a day, to a day if known."""
    case_row(lib, case_id)
    start = day(from_on, "custody start")
    end = optional_day(to_on, "custody end")
    in_order(start, end, "custody began", "custody ended")
    values = {
        "case_id": case_id,
        "status": parse_choice(status, CUSTODY_STATUSES, "custody status"),
        "from_on": start,
        "to_on": end,
        "facility": optional_text(facility),
    }
    return add_record(lib, "custody", "custody", CustodySpell, values)


def list_custody(lib: Library, case_id: int) -> list[CustodySpell]:
    return rows_of(lib, "custody", CustodySpell, case_id, "from_on")


def detained_on(spells: list[CustodySpell], when: str) -> CustodySpell | None:
    """The detention spell covering day ``when``, if the respondent was detained then."""
    on = when[:10]
    for spell in spells:
        if spell.status == "detained" and spell.from_on <= on and (spell.to_on or on) >= on:
            return spell
    return None


def set_respondent_facts(
    lib: Library, case_id: int, born_on: str | None = None, unaccompanied: bool | None = None
) -> dict[str, Any]:
    """Record the respondent's birth date and whether they came as an unaccompanied
    child (None leaves a fact as it was); audited as entity 'respondent'."""
    case = case_row(lib, case_id)
    before = respondent_facts(lib, case_id)
    after = dict(before)
    if born_on is not None:
        after["born_on"] = day(born_on, "birth date")
        opened = case.get("opened_on")
        in_order(after["born_on"], opened and opened[:10], "birth", "case opened")
    if unaccompanied is not None:
        after["unaccompanied"] = 1 if unaccompanied else 0
    if after == before:
        return after
    lib.require_writable()
    with lib.db.atomic():
        lib.db.execute(
            "INSERT INTO respondent_facts (case_id, born_on, unaccompanied) VALUES (?, ?, ?)"
            " ON CONFLICT (case_id) DO UPDATE SET born_on = excluded.born_on,"
            " unaccompanied = excluded.unaccompanied",
            [case_id, after["born_on"], after["unaccompanied"]],
        )
        audit.record(lib.db, lib.actor, "update", "respondent", case_id, before, after)
    return after


def respondent_facts(lib: Library, case_id: int) -> dict[str, Any]:
    """{'born_on': day or None, 'unaccompanied': 0 or 1}."""
    rows = list(
        lib.db.query(
            "SELECT born_on, unaccompanied FROM respondent_facts WHERE case_id = ?", [case_id]
        )
    )
    return rows[0] if rows else {"born_on": None, "unaccompanied": 0}
