"""From EOIR's rows to what caseorg's records should say: a case's fields, its hearings
and notices, and the judge changes the rows show — with a problem for each bad row.

Pure: reads rows, writes nothing (:mod:`caseorg.eoir.writing` writes through records).
Judges are named by their EOIR code here; the writer turns codes into judge ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from caseorg.eoir.codes import (
    ADJOURNMENT_CODES,
    CAL_TYPE_CODES,
    CASE_TYPE_CODES,
    CUSTODY_CODES,
    DECISION_CODES,
    LANGUAGE_CODES,
    MEDIUM_CODES,
    NATIONALITY_CODES,
    NOTICE_CODES,
    code,
)
from caseorg.eoir.tables import Row, Table, parse_eoir_date, parse_eoir_time
from caseorg.errors import InvalidValue
from caseorg.values import parse_a_number

PROCEEDING_DATES = ("OSC_DATE", "INPUT_DATE", "COMP_DATE", "TRANS_IN_DATE", "IJ_CHANGE_DATE")

Problem = Callable[[Row, str], None]
"""Where a bad row is reported (with the message), and counted as skipped."""


@dataclass
class Lookups:
    """The lookup files' contents: judges' names and courts, court names, adjournment
    reasons (EOIR's known reasons unless a file gives its own)."""

    judge_names: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    courts: dict[str, str] = field(default_factory=dict)
    adjournments: dict[str, str] = field(default_factory=lambda: dict(ADJOURNMENT_CODES))

    def read(self, table: Table) -> None:
        """Take in a lookup table (other kinds are left alone)."""
        for row in table.rows:
            if table.kind == "judge":
                judge = row.get("JUDGE_CODE").upper()
                if judge:
                    court = row.get("BASE_CITY_CODE", "JUDGE_COURT", "COURT") or None
                    self.judge_names[judge] = (row.get("JUDGE_NAME") or f"Judge {judge}", court)
            elif table.kind == "court":
                self.courts[row.get("BASE_CITY_CODE").upper()] = row.get("BASE_CITY_NAME")
            elif table.kind == "adjournment":
                reason = row.get("ADJ_RSN", "ADJ_CODE").upper()
                if reason:
                    self.adjournments[reason] = row.get("ADJ_DESC", "DESCRIPTION")


@dataclass
class CasePlan:
    """One IDNCASE's rows from every file; once checked, the case's values per the data
    and the id of a case the library already has under its A-number."""

    idncase: str
    case_row: Row | None = None
    proceedings: list[Row] = field(default_factory=list)
    schedule: list[Row] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    existing_id: int | None = None

    def first_row(self) -> Row:
        """The row a problem with the whole case points at."""
        return self.case_row or (self.proceedings + self.schedule)[0]


@dataclass
class HearingPlan:
    """A hearing as the schedule says (the judge as code under "judge_code"), and its
    notice when the row says how notice went out."""

    key: str
    row: Row
    values: dict[str, Any]
    notice: dict[str, Any] | None


@dataclass
class JudgeChange:
    """A move from one judge to another that the data shows."""

    key: str
    from_code: str
    to_code: str
    effective_on: str
    midstream: bool


def plan_cases(tables: list[Table], problem: Problem) -> dict[str, CasePlan]:
    """Group the case, proceeding and schedule rows by IDNCASE (a case row seen twice, or
    a row without IDNCASE, is a problem)."""
    plans: dict[str, CasePlan] = {}
    for table in tables:
        if table.kind not in ("case", "proceeding", "schedule"):
            continue
        for row in table.rows:
            idncase = row.get("IDNCASE")
            if not idncase:
                problem(row, "no IDNCASE; row skipped")
                continue
            plan = plans.setdefault(idncase, CasePlan(idncase))
            if table.kind == "case":
                if plan.case_row is not None:
                    first = plan.case_row
                    problem(
                        row,
                        f"IDNCASE {idncase} appears again (first on line {first.line} of "
                        f"{first.file}); row skipped",
                    )
                    continue
                plan.case_row = row
            elif table.kind == "proceeding":
                plan.proceedings.append(row)
            else:
                plan.schedule.append(row)
    return plans


def row_date(row: Row, column: str) -> dt.date | None:
    """A date column (already checked with :func:`invalid_date`; a bad one is None)."""
    try:
        return parse_eoir_date(row.get(column))
    except ValueError:
        return None


def invalid_date(row: Row, columns: tuple[str, ...]) -> str | None:
    """What is wrong with the first unreadable date among ``columns``, or None."""
    for column in columns:
        try:
            parse_eoir_date(row.get(column))
        except ValueError:
            return f"invalid {column} {row.get(column)!r}"
    return None


def proceeding_order(row: Row) -> tuple[str, str, int]:
    """Oldest proceeding first: by its date, then its number, then its line."""
    day = row_date(row, "OSC_DATE") or row_date(row, "INPUT_DATE")
    number = row.get("IDNPROCEEDING")
    return (day.isoformat() if day else "", number.zfill(12), row.line)


def case_values(plan: CasePlan, courts: dict[str, str]) -> dict[str, Any]:
    """What the case should look like per the data (raises ValueError on a bad row)."""
    row = plan.case_row
    assert row is not None
    try:
        a_number = parse_a_number(row.get("ALIEN_NBR", "A_NUMBER", "ANUMBER", "A_NBR"))
    except InvalidValue as exc:
        raise ValueError(str(exc)) from None
    name = row.get("ALIEN_NAME", "RESPONDENT_NAME", "RESPONDENT")
    if not name:
        name = " ".join(p for p in (row.get("FIRST_NAME"), row.get("LAST_NAME")) if p)
    procs = sorted(plan.proceedings, key=proceeding_order)
    latest = procs[-1] if procs else None

    def pick(column: str) -> str:
        return row.get(column) or (latest.get(column) if latest else "")

    nationality = pick("NAT")
    language = pick("LANG")
    values: dict[str, Any] = {
        "a_number": a_number,
        "respondent": name or None,  # a placeholder is used only for a new case
        "nationality": code(NATIONALITY_CODES, nationality) or nationality or None,
        "language": code(LANGUAGE_CODES, language) or language or None,
        "custody": code(CUSTODY_CODES, pick("CUSTODY")) or "non_detained",
        "case_type": code(CASE_TYPE_CODES, pick("CASE_TYPE")) or "removal",
        "attorney": row.get("ATTORNEY", "ATTY_NAME") or None,
    }
    opened = [d for d in (row_date(p, "OSC_DATE") for p in procs) if d]
    opened += [d for d in (row_date(p, "INPUT_DATE") for p in procs) if d]
    values["opened_on"] = min(opened).isoformat() if opened else None
    values["status"], values["completed_on"], values["outcome"] = "pending", None, None
    if latest is not None:
        done = row_date(latest, "COMP_DATE")
        if done is not None:
            decision = code(DECISION_CODES, latest.get("DEC_CODE")) or "completed"
            if latest.get("ABSENTIA").upper().startswith("Y"):
                decision += " in absentia"
            values.update(status="completed", completed_on=done.isoformat(), outcome=decision)
        city = latest.get("BASE_CITY_CODE", "HEARING_LOC_CODE").upper()
        values["court"] = courts.get(city) or None
    return values


def plan_hearings(
    plan: CasePlan, adjournments: dict[str, str], problem: Problem
) -> list[HearingPlan]:
    """The case's hearings per the schedule rows, by start; bad rows are reported and
    skipped."""
    completion: dict[str, tuple[str, bool]] = {}
    for proc in plan.proceedings:
        done = row_date(proc, "COMP_DATE")
        if done:
            absentia = proc.get("ABSENTIA").upper().startswith("Y")
            completion[proc.get("IDNPROCEEDING")] = (done.isoformat(), absentia)
    out: dict[str, HearingPlan] = {}
    for row in plan.schedule:
        try:
            day = parse_eoir_date(row.get("ADJ_DATE"))
            if day is None:
                raise ValueError("ADJ_DATE is empty")
        except ValueError:
            problem(row, f"invalid ADJ_DATE {row.get('ADJ_DATE')!r}; row skipped")
            continue
        try:
            start = parse_eoir_time(row.get("ADJ_TIME_START"))
        except ValueError:
            problem(row, f"invalid ADJ_TIME_START {row.get('ADJ_TIME_START')!r}; row skipped")
            continue
        try:
            served = parse_eoir_date(row.get("INPUT_DATE", "NOTICE_DATE"))
        except ValueError:
            problem(row, f"invalid INPUT_DATE {row.get('INPUT_DATE')!r}; row skipped")
            continue
        proceeding = row.get("IDNPROCEEDING")
        key = row.get("IDNSCHEDULE") or f"{plan.idncase}:{proceeding}:{day} {start}"
        if key in out:
            first = out[key].row
            problem(row, f"the same hearing as line {first.line} of {first.file}; row skipped")
            continue
        reason_code = row.get("ADJ_RSN").upper()
        if reason_code:
            outcome = "continued"
            reason: str | None = adjournments.get(reason_code) or f"adjournment code {reason_code}"
        else:
            reason = None
            finished = completion.get(proceeding)
            if finished and finished[0] == day.isoformat():
                outcome = "in_absentia_order" if finished[1] else "decided"
            else:
                outcome = "pending"
        language = code(LANGUAGE_CODES, row.get("LANG")) or row.get("LANG") or None
        values: dict[str, Any] = {
            "starts_at": f"{day.isoformat()} {start}",
            "kind": code(CAL_TYPE_CODES, row.get("CAL_TYPE")) or "master",
            "judge_code": row.get("IJ_CODE").upper() or None,
            "medium": code(MEDIUM_CODES, row.get("ADJ_MEDIUM")) or "in_person",
            "interpreter_language": None if language == "English" else language,
            "outcome": outcome,
            "adjournment_reason": reason,
        }
        notice = None
        how = code(NOTICE_CODES, row.get("NOTICE_CODE"))
        if how is not None and served is not None:
            notice = {
                "served_on": served.isoformat(),
                "method": how[0],
                "returned_undeliverable": 1 if how[1] else 0,
            }
        out[key] = HearingPlan(key, row, values, notice)
    return sorted(out.values(), key=lambda h: (h.values["starts_at"], h.key))


def judge_changes(plan: CasePlan, hearings: list[HearingPlan]) -> list[JudgeChange]:
    """Judge changes the data shows, oldest first: a proceeding's PREV_IJ_CODE, or
    hearings held by a new judge."""
    changes: list[JudgeChange] = []
    seen: set[tuple[str, str]] = set()
    for proc in sorted(plan.proceedings, key=proceeding_order):
        previous = proc.get("PREV_IJ_CODE").upper()
        current = proc.get("IJ_CODE").upper()
        if not previous or not current or previous == current:
            continue
        day = row_date(proc, "TRANS_IN_DATE") or row_date(proc, "IJ_CHANGE_DATE")
        if day is None:
            held = [
                h
                for h in hearings
                if h.values["judge_code"] == current
                and h.row.get("IDNPROCEEDING") == proc.get("IDNPROCEEDING")
            ]
            day = (
                dt.date.fromisoformat(held[0].values["starts_at"][:10])
                if held
                else row_date(proc, "INPUT_DATE") or row_date(proc, "OSC_DATE")
            )
        if day is None:
            continue
        changes.append(_change(plan, previous, current, day.isoformat(), hearings))
        seen.add((previous, current))
    previous_code: str | None = None
    for hearing in hearings:
        judge = hearing.values["judge_code"]
        if not judge or hearing.values["outcome"] == "cancelled":
            continue
        if previous_code and judge != previous_code and (previous_code, judge) not in seen:
            day = hearing.values["starts_at"][:10]
            changes.append(_change(plan, previous_code, judge, day, hearings))
            seen.add((previous_code, judge))
        previous_code = judge
    return sorted(changes, key=lambda c: (c.effective_on, c.key))


def _change(
    plan: CasePlan, from_code: str, to_code: str, day: str, hearings: list[HearingPlan]
) -> JudgeChange:
    """Midstream: the judge moved from had begun an individual hearing before ``day``."""
    midstream = any(
        h.values["kind"] == "individual"
        and h.values["judge_code"] == from_code
        and h.values["starts_at"][:10] < day
        and h.values["outcome"] != "cancelled"
        for h in hearings
    )
    return JudgeChange(
        f"{plan.idncase}:{from_code}:{to_code}:{day}", from_code, to_code, day, midstream
    )


def case_judges(
    plan: CasePlan, hearings: list[HearingPlan], changes: list[JudgeChange]
) -> tuple[str, str]:
    """The case's first judge and its judge now (codes; '' when the data names none):
    the latest proceeding's judge, else whoever held the last hearing."""
    procs = sorted(plan.proceedings, key=proceeding_order)
    final = procs[-1].get("IJ_CODE").upper() if procs else ""
    if not final:
        held = [h.values["judge_code"] for h in hearings if h.values["judge_code"]]
        final = held[-1] if held else ""
    first = changes[0].from_code if changes else final
    return first, final
