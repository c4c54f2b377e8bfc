"""From EOIR's rows to what caseorg's records should say: a case's fields and EOIR details,
its hearings, the judge changes and court-to-court transfers the rows show — with a
problem for each bad row.

Pure: reads rows, writes nothing (:mod:`caseorg.eoir.writing` writes through records).
Judges are named by their EOIR code here; the writer turns codes into judge ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from caseorg.eoir.codes import CAL_TYPE_CODES, CASE_TYPE_CODES, CUSTODY_CODES, MEDIUM_CODES, code
from caseorg.eoir.lookups import Lookups
from caseorg.eoir.tables import Row
from caseorg.eoir.values import parse_eoir_date, parse_eoir_time
from caseorg.errors import InvalidValue
from caseorg.values import parse_a_number

PROCEEDING_DATES = ("OSC_DATE", "INPUT_DATE", "COMP_DATE", "TRANSFER_DATE", "TRANS_IN_DATE")
A_NUMBER_COLUMNS = ("ALIEN_NBR", "A_NUMBER", "ANUMBER", "A_NBR")  # a court's own export

Problem = Callable[[Row, str], None]
"""Where a bad row is reported (with the message), and counted as skipped."""


@dataclass
class CasePlan:
    """One IDNCASE's rows from every file; once checked, the case's values per the data
    and the id of a case the library already has under its A-number."""

    idncase: str
    case_row: Row | None = None
    proceedings: list[Row] = field(default_factory=list)
    schedule: list[Row] = field(default_factory=list)  # fetched as the case is written
    spilled: int = 0  # schedule rows kept on disk (caseorg.eoir.spill)
    first_spilled: Row | None = None
    reps: list[Row] = field(default_factory=list)
    life: dict[str, list[Row]] = field(default_factory=dict)  # charges, motions … by kind
    values: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    existing_id: int | None = None

    def first_row(self) -> Row:
        """The row a problem with the whole case points at."""
        first = self.case_row or next(iter(self.proceedings), None) or self.first_spilled
        return first or (self.schedule + self.reps)[0]


@dataclass
class HearingPlan:
    """A hearing as the schedule says (the judge as code under "judge_code") and the
    EOIR codes kept beside it."""

    key: str
    row: Row
    values: dict[str, Any]
    codes: dict[str, Any]
    court: str


@dataclass
class JudgeChange:
    """A move from one judge to another within a court that the data shows."""

    key: str
    from_code: str
    to_code: str
    effective_on: str
    midstream: bool


@dataclass
class Transfer:
    """A proceeding moved from one court to another (not a reassignment)."""

    key: str
    values: dict[str, Any]


def row_date(row: Row, column: str) -> dt.date | None:
    """A date column (already checked with :func:`invalid_date`; a bad one is None)."""
    try:
        return parse_eoir_date(row.get(column))
    except ValueError:
        return None


def iso(row: Row, column: str) -> str | None:
    day = row_date(row, column)
    return day.isoformat() if day else None


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


def a_number_in(row: Row) -> str | None:
    """The A-number a court's own export may carry (EOIR's public release has none)."""
    text = row.get(*A_NUMBER_COLUMNS)
    if not text:
        return None
    try:
        return parse_a_number(text)
    except InvalidValue as exc:
        raise ValueError(str(exc)) from None


def case_values(plan: CasePlan, lookups: Lookups) -> dict[str, Any]:
    """What the case should look like per the data (raises ValueError on a bad row)."""
    row = plan.case_row
    assert row is not None
    name = row.get("ALIEN_NAME", "RESPONDENT_NAME", "RESPONDENT")
    procs = sorted(plan.proceedings, key=proceeding_order)
    latest = procs[-1] if procs else None

    def pick(*columns: str) -> str:
        return row.get(*columns) or (latest.get(*columns) if latest else "")

    type_code = pick("CASE_TYPE", "CASETYPE").upper()
    values: dict[str, Any] = {
        "a_number": a_number_in(row),
        "respondent": name or None,  # a placeholder is used only for a new case
        "nationality": lookups.decoded("nationality", pick("NAT")),
        "language": lookups.decoded("language", pick("LANG")),
        "custody": code(CUSTODY_CODES, pick("CUSTODY")) or "non_detained",
        "case_type": CASE_TYPE_CODES.get(type_code, "other"),
        "attorney": row.get("ATTORNEY", "ATTY_NAME") or None,
    }
    opened = [d for p in procs for d in (row_date(p, "OSC_DATE"), row_date(p, "INPUT_DATE")) if d]
    values["opened_on"] = min(opened).isoformat() if opened else None
    values.update(_completion(procs, lookups, type_code))
    if latest is not None:
        values["court"] = lookups.court(latest.get("BASE_CITY_CODE", "HEARING_LOC_CODE"))
    plan.details = case_details(plan, type_code, lookups)
    return values


def _completion(procs: list[Row], lookups: Lookups, type_code: str) -> dict[str, Any]:
    """Status, completion day and outcome: the latest decision (DEC_CODE); a completion
    that is not a decision (OTHER_COMP, e.g. a change of venue) never replaces one."""
    pending: dict[str, Any] = {"status": "pending", "completed_on": None, "outcome": None}
    out, decided = dict(pending), False
    for proc in procs:
        done = iso(proc, "COMP_DATE")
        case_type = proc.get("CASE_TYPE", "CASETYPE") or type_code
        if done is None:  # a later proceeding open again (reopened, remanded, moved)
            out, decided = dict(pending), False
            continue
        dec, other = proc.get("DEC_CODE"), proc.get("OTHER_COMP")
        if dec:
            outcome = lookups.decision(case_type, dec) or f"decision code {dec.upper()}"
            if proc.get("ABSENTIA").upper().startswith("Y"):
                outcome += " in absentia"
            out, decided = {"status": "completed", "completed_on": done, "outcome": outcome}, True
        elif other and not decided:
            text = lookups.decision(case_type, other, "O") or f"other completion {other.upper()}"
            out = {"status": "closed", "completed_on": done, "outcome": text}
    return out


def case_details(plan: CasePlan, type_code: str, lookups: Lookups) -> dict[str, Any]:
    """A_TblCase's extras (and the latest EOIR-28 from tbl_RepsAssigned), as given."""
    row = plan.case_row
    assert row is not None
    e28 = [d for d in (iso(r, "E_28_DATE") for r in plan.reps) if d]
    return {
        "case_type_code": type_code or None,
        "priority_code": row.get("CASEPRIORITY_CODE") or None,
        "birth_date": row.get("C_BIRTHDATE") or None,  # format unsure: kept as given
        "address_city": row.get("UPDATED_CITY", "ALIEN_CITY") or None,
        "address_state": row.get("UPDATED_STATE", "ALIEN_STATE") or None,
        "address_zip": row.get("UPDATED_ZIPCODE", "ALIEN_ZIPCODE") or None,
        "address_changed_on": iso(row, "ADDRESS_CHANGEDON"),
        "date_detained": iso(row, "DATE_DETAINED"),
        "date_released": iso(row, "DATE_RELEASED"),
        "e28_date": max(e28) if e28 else iso(row, "E_28_DATE"),
    }


def plan_hearings(plan: CasePlan, lookups: Lookups, problem: Problem) -> list[HearingPlan]:
    """The case's hearings per the schedule rows, by start; bad rows are reported and
    skipped."""
    completion: dict[str, tuple[str, bool]] = {}
    for proc in plan.proceedings:
        done = row_date(proc, "COMP_DATE")
        if done and proc.get("DEC_CODE"):
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
            entered = parse_eoir_date(row.get("INPUT_DATE"))
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
            reason = (
                lookups.meaning("adjournment", reason_code) or f"adjournment code {reason_code}"
            )
        else:
            reason = None
            finished = completion.get(proceeding)
            if finished and finished[0] == day.isoformat():
                outcome = "in_absentia_order" if finished[1] else "decided"
            else:
                outcome = "pending"
        language = lookups.decoded("language", row.get("LANG"))
        judge = row.get("IJ_CODE").upper()
        cal_type, medium = row.get("CAL_TYPE").upper(), row.get("ADJ_MEDIUM", "ADJ_MED").upper()
        notice = row.get("NOTICE_CODE").upper()
        kind, kind_detail = calendar(lookups, cal_type)
        medium_word, medium_detail = hearing_medium(medium)
        values: dict[str, Any] = {
            "starts_at": f"{day.isoformat()} {start}",
            # a calendar or medium caseorg has no word for: said, with its code
            "kind": kind,
            "kind_detail": kind_detail,
            "judge_code": judge if judge and lookups.is_person(judge) else None,
            "medium": medium_word,
            "medium_detail": medium_detail,
            "interpreter_language": None if language == "English" else language,
            "outcome": outcome,
            "adjournment_reason": reason,
        }
        codes = {
            "ij_code": judge or None,
            "cal_type": cal_type or None,
            "adj_medium": medium or None,
            # NOTICE_CODE is the type of notice EOIR generated, not how it was served
            "notice_code": notice or None,
            "notice_type": lookups.meaning("notice_code", notice) if notice else None,
            "notice_on": entered.isoformat() if notice and entered else None,
        }
        court = row.get("BASE_CITY_CODE").upper()
        out[key] = HearingPlan(key, row, values, codes, court)
    return sorted(out.values(), key=lambda h: (h.values["starts_at"], h.key))


_KIND_WORDS = ("master", "individual", "bond")  # a calendar description naming one


def calendar(lookups: Lookups, cal_type: str) -> tuple[str, str | None]:
    """A schedule row's CAL_TYPE as a hearing kind, and what the release calls it when
    caseorg has no word for it (kind "other"): the release's calendar-type lookup
    first, then the codes caseorg knows (M, I); an unknown code is said as such."""
    if not cal_type:
        return "other", "calendar not recorded in EOIR data"
    described = lookups.meaning("calendar_type", cal_type)
    words = (described or "").lower().split()
    for kind in _KIND_WORDS:
        if kind in words:
            return kind, None
    if not described and cal_type in CAL_TYPE_CODES:
        return CAL_TYPE_CODES[cal_type], None
    if described:
        return "other", f"{described} calendar (EOIR code {cal_type})"
    return "other", f"unknown calendar (EOIR code {cal_type})"


def hearing_medium(code_: str) -> tuple[str, str | None]:
    """ADJ_MEDIUM as a hearing medium (P, V, T), else "unknown" with the code said."""
    if code_ in MEDIUM_CODES:
        return MEDIUM_CODES[code_], None
    if not code_:
        return "unknown", "medium not recorded in EOIR data"
    return "unknown", f"unknown (EOIR code {code_})"


def came_from_another_court(proc: Row) -> bool:
    """A proceeding whose previous base city differs from its own came by transfer."""
    before = proc.get("PREV_HEARING_BASE").upper()
    return bool(before) and before != proc.get("BASE_CITY_CODE").upper()


def judge_changes(
    plan: CasePlan, hearings: list[HearingPlan], lookups: Lookups
) -> list[JudgeChange]:
    """Judge changes within a court the data shows, oldest first: a proceeding's
    PREV_IJ_CODE, or hearings held by a new judge. Placeholders (visiting judges …) are
    not judges, and a move between courts is a transfer (:func:`transfers`)."""
    changes: list[JudgeChange] = []
    seen: set[tuple[str, str]] = set()
    for proc in sorted(plan.proceedings, key=proceeding_order):
        previous = proc.get("PREV_IJ_CODE").upper()
        current = proc.get("IJ_CODE").upper()
        if not previous or not current or previous == current or came_from_another_court(proc):
            continue
        if not (lookups.is_person(previous) and lookups.is_person(current)):
            continue
        day = row_date(proc, "TRANSFER_DATE") or row_date(proc, "TRANS_IN_DATE")
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
    previous_court: str | None = None
    for hearing in hearings:
        judge = hearing.values["judge_code"]
        if not judge:
            continue  # no judge, or a visiting judge covering one hearing
        if previous_court is not None and hearing.court and hearing.court != previous_court:
            previous_code = None  # moved to another court: a transfer, not a reassignment
        if previous_code and judge != previous_code and (previous_code, judge) not in seen:
            day = hearing.values["starts_at"][:10]
            changes.append(_change(plan, previous_code, judge, day, hearings))
            seen.add((previous_code, judge))
        previous_code = judge
        previous_court = hearing.court or previous_court
    return sorted(changes, key=lambda c: (c.effective_on, c.key))


def _change(
    plan: CasePlan, from_code: str, to_code: str, day: str, hearings: list[HearingPlan]
) -> JudgeChange:
    """Midstream: the judge moved from had begun an individual hearing before ``day``."""
    midstream = any(
        h.values["kind"] == "individual"
        and h.values["judge_code"] == from_code
        and h.values["starts_at"][:10] < day
        for h in hearings
    )
    return JudgeChange(
        f"{plan.idncase}:{from_code}:{to_code}:{day}", from_code, to_code, day, midstream
    )


def transfers(plan: CasePlan, lookups: Lookups) -> list[Transfer]:
    """Court-to-court moves: a proceeding's TRANSFER_TO (out) or a previous base city
    other than its own (in, unless the proceeding it left already says so)."""
    out: list[Transfer] = []
    moves: set[tuple[str, str]] = set()
    for proc in sorted(plan.proceedings, key=proceeding_order):
        number, here = proc.get("IDNPROCEEDING"), proc.get("BASE_CITY_CODE")
        status = proc.get("TRANSFER_STATUS") or None  # codes undocumented: kept as given
        if proc.get("TRANSFER_TO"):
            values = {
                "from_court": lookups.court(here),
                "to_court": lookups.court(proc.get("TRANSFER_TO")),
                "transferred_on": iso(proc, "TRANSFER_DATE") or iso(proc, "COMP_DATE"),
                "status": status,
            }
            out.append(Transfer(number, values))
            moves.add((here.upper(), proc.get("TRANSFER_TO").upper()))
        if (
            came_from_another_court(proc)
            and (
                proc.get("PREV_HEARING_BASE").upper(),
                here.upper(),
            )
            not in moves
        ):
            values = {
                "from_court": lookups.court(proc.get("PREV_HEARING_BASE")),
                "to_court": lookups.court(here),
                "transferred_on": iso(proc, "TRANSFER_DATE") or iso(proc, "INPUT_DATE"),
                "status": status,
            }
            out.append(Transfer(f"{number}:in", values))
    return out


def case_judges(
    plan: CasePlan, hearings: list[HearingPlan], changes: list[JudgeChange], lookups: Lookups
) -> tuple[str, str]:
    """The case's first judge and its judge now (codes; '' when the data names none):
    the latest proceeding's judge, else whoever held the last hearing."""
    procs = sorted(plan.proceedings, key=proceeding_order)
    final = procs[-1].get("IJ_CODE").upper() if procs else ""
    if final and not lookups.is_person(final):
        final = ""
    if not final:
        held = [h.values["judge_code"] for h in hearings if h.values["judge_code"]]
        final = held[-1] if held else ""
    first = changes[0].from_code if changes else final
    return first, final
