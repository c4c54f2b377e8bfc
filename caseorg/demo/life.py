"""The demo's case lives beyond hearings: each case's proceeding, the address on its NTA
and the NTA's service, its counsel; and, from ``life.json``, one case told in full —
two proceedings (bond, then removal), a change of address (EOIR-33) the court's notice
missed, the in absentia order that followed, custody, a motion to reopen and an asylum
application. That order is the one the notice judgment flags "sent to an outdated
address (EOIR-33 received DATE)"."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

from caseorg.demo.courtdays import days_from
from caseorg.demo.data import PACKAGE, Case, DemoData
from caseorg.library import Library
from caseorg.records import (
    add_address,
    add_counsel,
    add_custody,
    add_motion,
    add_nta_service,
    add_proceeding,
    add_relief,
    case_by_a_number,
    list_hearings,
)


def _life() -> dict[str, Any]:
    text = resources.files(PACKAGE).joinpath("life.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def add_case_lives(lib: Library, data: DemoData, today: dt.date) -> None:
    """Give every demo case its proceeding, NTA, address and counsel (after its hearings
    are in: the first proceeding takes them), and the featured case its whole story."""
    life = _life()
    for spec in data.cases:
        _add_life(lib, spec, life, life["cases"].get(spec.a_number, {}), today)


def _day(today: dt.date, offset: int) -> str:
    return days_from(today, offset).isoformat()


def _add_life(
    lib: Library, spec: Case, life: dict[str, Any], story: dict[str, Any], today: dt.date
) -> None:
    case = case_by_a_number(lib, spec.a_number)
    opened = dt.date.fromisoformat(case.opened_on or today.isoformat())
    absentia = any(h.outcome == "in_absentia_order" for h in list_hearings(lib, case.id))
    add_proceeding(
        lib,
        case.id,
        charges=life["charges"].get(spec.charge or ""),
        completed_on=case.completed_on,
        decision="removal_ordered" if absentia else None,
        absentia=absentia,
    )
    earlier = story.get("earlier_proceeding")
    if earlier:
        add_proceeding(
            lib,
            case.id,
            case_type=earlier["case_type"],
            custody=earlier["custody"],
            opened_on=_day(today, earlier["opened"]),
            completed_on=_day(today, earlier["completed"]),
            decision=earlier["decision"],
            decision_note=earlier["decision_note"],
        )
    served = (opened - dt.timedelta(days=life["nta_before_opening"])).isoformat()
    add_address(lib, case.id, spec.address, served, source="nta")
    add_nta_service(lib, case.id, served, "personal", time_and_place=False)
    if spec.moved is not None and story.get("new_address"):
        received = _day(today, spec.moved + story["eoir33_after_move"])
        add_address(lib, case.id, story["new_address"], received)
    if spec.attorney:
        start = opened + dt.timedelta(days=life["counsel_after_opening"])
        since = _day(today, story["counsel_from"]) if "counsel_from" in story else start.isoformat()
        add_counsel(lib, case.id, spec.attorney, since)
    for spell in story.get("custody", ()):
        end = _day(today, spell["to"]) if "to" in spell else None
        add_custody(
            lib, case.id, spell["status"], _day(today, spell["from"]), end, spell.get("facility")
        )
    for motion in story.get("motions", ()):
        add_motion(
            lib, case.id, motion["kind"], _day(today, motion["filed"]), ground=motion["ground"]
        )
    for relief in story.get("relief", ()):
        add_relief(lib, case.id, relief["kind"], _day(today, relief["filed"]))
