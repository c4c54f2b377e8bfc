"""From EOIR's rows to a case's life in caseorg's records (issue 14's tables): its
proceedings (B_TblProceeding, with their charges from B_TblProceedCharges, and bond
matters from D_TblAssociatedBond), addresses (A_TblCase), counsel (tbl_RepsAssigned's
EOIR-28), custody (A_TblCase's detention dates, tbl_CustodyHistory), relief
applications (tbl_Court_Appln) and motions (tbl_Court_Motions).

Pure, like :mod:`caseorg.eoir.mapping`: each record is a table, a key (the case's
IDNCASE first, so a case's keys load together) and the values to write; a judge is
named by code and a proceeding by IDNPROCEEDING, for the writer to turn into ids.
What the data says that caseorg cannot be sure of is kept in ``origin_note``: the code
as given and the doubt ("meaning not documented"), never a silent guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from caseorg.eoir.codes import CASE_TYPE_CODES, CUSTODY_CODES, code
from caseorg.eoir.lookups import Lookups
from caseorg.eoir.mapping import CasePlan, iso, proceeding_order
from caseorg.eoir.tables import Row

# the order records are written in (a proceeding before what names it)
LIFE_TABLES = (
    "proceedings",
    "addresses",
    "representation",
    "custody",
    "relief_applications",
    "motions",
)
# APPL_CODE -> caseorg's kind of relief (others are "other", their code in the note)
RELIEF_CODES = {
    "ASYL": "asylum",
    "ASYW": "withholding",
    "WCAT": "cat",
    "42A": "cancellation_lpr",
    "42B": "cancellation_nonlpr",
    "245": "adjustment",
    "VD": "voluntary_departure",
}
# APPL_DEC / a motion's DEC: G and D follow EOIR's other decision fields; the rest of a
# motion's codes (M, O, J, P, C) are not documented in the release
APPLICATION_DECISIONS = {"G": "granted", "D": "denied", "W": "withdrawn", "A": "abandoned"}
MOTION_DECISIONS = {"G": "granted", "D": "denied"}
# a motion type's description (tblLookupMotionType) -> caseorg's kind of motion
MOTION_WORDS = (
    ("rescind", "rescind_in_absentia"),
    ("reopen", "reopen"),
    ("continu", "continue"),
    ("venue", "change_venue"),
)
# a decision's description -> caseorg's decision (DEC_CODE means different things per
# case type: the description, from tblLookupCourtDecision, is what is read)
DECISION_WORDS = (
    ("terminat", "terminated"),
    ("voluntary departure", "voluntary_departure"),
    ("administrative", "administratively_closed"),
    ("closed", "administratively_closed"),
    ("grant", "relief_granted"),
    ("remov", "removal_ordered"),
    ("deport", "removal_ordered"),
    ("exclu", "removal_ordered"),
)
UNNAMED_COUNSEL = "Counsel of record (not named in EOIR's data)"


@dataclass
class LifeRecord:
    """One record of a case's life as EOIR's data shows it."""

    table: str
    key: str
    values: dict[str, Any]
    proceeding: str | None = None  # the IDNPROCEEDING it belongs to
    judge_code: str | None = None


def _note(*parts: str | None) -> str | None:
    return "; ".join(p for p in parts if p) or None


def _by_words(text: str, words: tuple[tuple[str, str], ...]) -> str | None:
    lowered = text.lower()
    return next((value for word, value in words if word in lowered), None)


def life_records(plan: CasePlan, lookups: Lookups, opened_on: str | None) -> list[LifeRecord]:
    """The case's life per its rows, in :data:`LIFE_TABLES` order (``opened_on``: the
    case's opening day, for an address EOIR did not date)."""
    out = [*proceedings(plan, lookups), *bonds(plan, lookups)]
    out += addresses(plan, opened_on)
    out += counsel(plan) + custody(plan) + relief(plan, lookups) + motions(plan, lookups)
    return out


def proceedings(plan: CasePlan, lookups: Lookups) -> list[LifeRecord]:
    """One record per B_TblProceeding row, with its charges."""
    charges: dict[str, list[Row]] = {}
    for row in plan.life.get("charge", []):
        charges.setdefault(row.get("IDNPROCEEDING"), []).append(row)
    out = []
    for proc in sorted(plan.proceedings, key=proceeding_order):
        number = proc.get("IDNPROCEEDING")
        type_code = proc.get("CASE_TYPE", "CASETYPE").upper()
        notes: list[str | None] = []
        case_type = CASE_TYPE_CODES.get(type_code)
        if case_type is None:
            named = lookups.meaning("case_type", type_code) if type_code else None
            notes.append(f"case type {type_code or '(none)'}" + (f" ({named})" if named else ""))
        custody_code = proc.get("CUSTODY").upper()
        custody_word = code(CUSTODY_CODES, custody_code)
        if custody_word is None:
            notes.append(f"custody code {custody_code or '(none)'} not known: non-detained shown")
        opened = iso(proc, "OSC_DATE") or iso(proc, "INPUT_DATE")
        completed = iso(proc, "COMP_DATE")
        if opened and completed and completed < opened:
            notes.append(f"COMP_DATE {completed} is before the opening {opened}: not kept")
            completed = None
        decision, decision_note = _decision(proc, lookups, type_code)
        its_charges = [c.get("CHARGE") for c in charges.get(number, [])]
        if its_charges:
            statuses = [
                f"{c.get('CHARGE')} {c.get('CHG_STATUS')}"
                for c in charges[number]
                if c.get("CHG_STATUS")
            ]
            notes.append("charges are EOIR's charge codes")
            notes.append(f"charge status as given: {', '.join(statuses)}" if statuses else None)
        values = {
            "court": lookups.court(proc.get("BASE_CITY_CODE", "HEARING_LOC_CODE")),
            "case_type": case_type or "other",
            "custody": custody_word or "non_detained",
            "opened_on": opened,
            "charges": ", ".join(_charge(c, lookups) for c in its_charges) or None,
            "decision": decision,
            "decision_note": decision_note,
            "completed_on": completed,
            "absentia": 1 if proc.get("ABSENTIA").upper().startswith("Y") else 0,
            "origin_note": _note(*notes),
        }
        judge = proc.get("IJ_CODE").upper()
        out.append(
            LifeRecord(
                "proceedings",
                f"{plan.idncase}:{number}",
                values,
                proceeding=number,
                judge_code=judge if judge and lookups.is_person(judge) else None,
            )
        )
    return out


def _charge(charge: str, lookups: Lookups) -> str:
    described = lookups.meaning("charge_code", charge)  # codes compare upper-case
    return f"{charge} ({described})" if described and described != charge else charge


def _decision(proc: Row, lookups: Lookups, type_code: str) -> tuple[str | None, str | None]:
    """(decision, note): the decision's description read for its kind, code kept."""
    dec, other = proc.get("DEC_CODE").upper(), proc.get("OTHER_COMP").upper()
    case_type = proc.get("CASE_TYPE", "CASETYPE").upper() or type_code
    if dec:
        text = lookups.decision(case_type, dec) or f"decision code {dec}"
        return _by_words(text, DECISION_WORDS) or "other", f"{text} (EOIR DEC_CODE {dec})"
    if other:
        text = lookups.decision(case_type, other, "O") or f"other completion {other}"
        return "other", f"{text} (EOIR OTHER_COMP {other}: a completion, not a decision)"
    return None, None


def bonds(plan: CasePlan, lookups: Lookups) -> list[LifeRecord]:
    """A bond matter (D_TblAssociatedBond) is a proceeding of type bond of its own."""
    out = []
    for row in plan.life.get("bond", []):
        number = row.get("IDNASSOCBOND") or f"line {row.line}"
        amounts = [
            f"{label} ${row.get(column)}"
            for column, label in (("INITIAL_BOND", "initial bond"), ("NEW_BOND", "new bond"))
            if row.get(column)
        ]
        dec = row.get("DEC").upper()
        opened = iso(row, "BOND_HEAR_REQ_DATE") or iso(row, "INPUT_DATE")
        completed = iso(row, "COMP_DATE")
        if opened and completed and completed < opened:
            completed = None
        values = {
            "court": lookups.court(row.get("BASE_CITY_CODE", "HEARING_LOC_CODE")),
            "case_type": "bond",
            "custody": "detained",
            "opened_on": opened,
            "charges": None,
            "decision": "other" if dec else None,
            "decision_note": _note(f"bond decision {dec}" if dec else None, *amounts),
            "completed_on": completed,
            "absentia": 0,
            "origin_note": _note(
                "a bond matter (D_TblAssociatedBond): custody taken as detained",
                f"DEC {dec}: meaning not documented in the release" if dec else None,
            ),
        }
        judge = row.get("IJ_CODE").upper()
        out.append(
            LifeRecord(
                "proceedings",
                f"{plan.idncase}:bond:{number}",
                values,
                judge_code=judge if judge and lookups.is_person(judge) else None,
            )
        )
    return out


def addresses(plan: CasePlan, opened_on: str | None) -> list[LifeRecord]:
    """A_TblCase's address (city, state and ZIP only): the first one EOIR had and, when
    changed, the one of ADDRESS_CHANGEDON."""
    row = plan.case_row
    if row is None:
        return []
    first = _place(row, "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE")
    now = _place(row, "UPDATED_CITY", "UPDATED_STATE", "UPDATED_ZIPCODE")
    changed_on = iso(row, "ADDRESS_CHANGEDON")
    out = []
    partial = "EOIR's data gives city, state and ZIP only (no street)"
    if first and opened_on and (first != now or not changed_on):
        note = _note(partial, "the address EOIR first had (ALIEN_*), dated the opening")
        values = {"address": first, "received_on": opened_on, "source": "other"}
        out.append(LifeRecord("addresses", f"{plan.idncase}:address:first", values | _o(note)))
    if now and (changed_on or not first):
        note = _note(partial, None if changed_on else "undated: dated the opening")
        received = changed_on or opened_on
        if received:
            values = {"address": now, "received_on": received, "source": "other"}
            out.append(LifeRecord("addresses", f"{plan.idncase}:address", values | _o(note)))
    return out


def _o(note: str | None) -> dict[str, Any]:
    return {"origin_note": note}


def _place(row: Row, city: str, state: str, zipcode: str) -> str | None:
    town = ", ".join(p for p in (row.get(city).title(), row.get(state).upper()) if p)
    text = " ".join(p for p in (town, row.get(zipcode)) if p)
    return text or None


def counsel(plan: CasePlan) -> list[LifeRecord]:
    """Each EOIR-28 appearance (tbl_RepsAssigned's E_28_DATE); counsel are not named."""
    out = []
    for row in plan.reps:
        start = iso(row, "E_28_DATE")
        if start is None:
            continue  # an EOIR-27 (before the BIA) or no date: not an appearance here
        given = [
            f"{column} {row.get(column)}"
            for column in ("STRATTYLEVEL", "STRATTYTYPE", "BLNPRIMEATTY")
            if row.get(column)
        ]
        note = _note("EOIR's data does not name counsel", ", ".join(given) or None)
        key = row.get("IDNREPSASSIGNED") or f"{start}:{row.line}"
        values = {"counsel": UNNAMED_COUNSEL, "from_on": start, "to_on": None}
        out.append(LifeRecord("representation", f"{plan.idncase}:rep:{key}", values | _o(note)))
    return out


def custody(plan: CasePlan) -> list[LifeRecord]:
    """Detention and release (A_TblCase's DATE_DETAINED / DATE_RELEASED, and each
    tbl_CustodyHistory row that is one)."""
    out = []
    row = plan.case_row
    detained = iso(row, "DATE_DETAINED") if row else None
    released = iso(row, "DATE_RELEASED") if row else None
    if released and detained and released < detained:
        released = None
    if detained:
        values = {"status": "detained", "from_on": detained, "to_on": released}
        out.append(LifeRecord("custody", f"{plan.idncase}:detained", values | _o(None)))
    if released:
        values = {"status": "released", "from_on": released, "to_on": None}
        out.append(LifeRecord("custody", f"{plan.idncase}:released", values | _o(None)))
    seen = {(r.values["status"], r.values["from_on"]) for r in out}
    for spell in plan.life.get("custody", []):
        status = {"D": "detained", "R": "released"}.get(spell.get("CUSTODY").upper())
        day = iso(spell, "CHARGE") or iso(spell, "CUSTODY_DATE")
        if status is None or day is None or (status, day) in seen:
            continue  # N (never detained) is no spell; undated; or A_TblCase's own
        seen.add((status, day))
        key = spell.get("IDNCUSTODY") or f"line {spell.line}"
        note = "dated by the release's CHARGE column (a date; its meaning is not documented)"
        values = {"status": status, "from_on": day, "to_on": None}
        out.append(LifeRecord("custody", f"{plan.idncase}:custody:{key}", values | _o(note)))
    return out


def _completed(plan: CasePlan) -> dict[str, str]:
    """IDNPROCEEDING -> its completion day."""
    return {p.get("IDNPROCEEDING"): d for p in plan.proceedings if (d := iso(p, "COMP_DATE"))}


def relief(plan: CasePlan, lookups: Lookups) -> list[LifeRecord]:
    """Each application (tbl_Court_Appln): its kind, filing and decision."""
    done = _completed(plan)
    out = []
    for row in plan.life.get("application", []):
        appl = row.get("APPL_CODE").upper()
        filed = iso(row, "APPL_RECD_DATE")
        if filed is None:
            continue  # undated: nothing to place it by
        named = lookups.meaning("application_code", appl)
        dec = row.get("APPL_DEC").upper()
        outcome = APPLICATION_DECISIONS.get(dec, "pending")
        decided = done.get(row.get("IDNPROCEEDING")) if outcome != "pending" else None
        if decided and decided < filed:
            decided = None
        notes = [f"EOIR APPL_CODE {appl}" + (f" ({named})" if named else "")]
        if dec and dec not in APPLICATION_DECISIONS:
            notes.append(f"APPL_DEC {dec} not known: shown as pending")
        if decided:
            notes.append("decided on = the proceeding's completion (EOIR gives no day)")
        key = row.get("IDNPROCEEDINGAPPLN") or f"line {row.line}"
        values = {
            "kind": RELIEF_CODES.get(appl, "other"),
            "filed_on": filed,
            "outcome": outcome,
            "decided_on": decided,
            "origin_note": _note(*notes),
        }
        out.append(
            LifeRecord(
                "relief_applications",
                f"{plan.idncase}:appln:{key}",
                values,
                proceeding=row.get("IDNPROCEEDING") or None,
            )
        )
    return out


def motions(plan: CasePlan, lookups: Lookups) -> list[LifeRecord]:
    """Each motion (tbl_Court_Motions): its type (REC_TYPE), filing, party, decision."""
    out = []
    for row in plan.life.get("motion", []):
        filed = iso(row, "MOTION_RECD_DATE") or iso(row, "INPUT_DATE")
        if filed is None:
            continue
        kind_code = row.get("REC_TYPE").upper()
        named = lookups.meaning("motion_type", kind_code)
        dec = row.get("DEC").upper()
        ruling = MOTION_DECISIONS.get(dec, "pending")
        ruled = iso(row, "COMP_DATE") if ruling != "pending" else None
        if ruled and ruled < filed:
            ruled = None
        party = row.get("STRFILINGPARTY").upper()
        notes = [
            f"motion type {kind_code or '(none)'}" + (f" ({named})" if named else ""),
            None if iso(row, "MOTION_RECD_DATE") else "filed on = INPUT_DATE",
            f"filed by code {party or '(none)'}, read as "
            + ("DHS" if party == "I" else "the respondent")
            + ("" if party in ("A", "I") else " (a code not known)"),
            f"decision code {dec} not documented: shown as pending"
            if dec and dec not in MOTION_DECISIONS
            else None,
        ]
        key = row.get("IDNMOTION") or f"line {row.line}"
        values = {
            "kind": _by_words(named or "", MOTION_WORDS) or "other",
            "filed_on": filed,
            "filed_by": "dhs" if party == "I" else "respondent",
            "ground": None,
            "ruling": ruling,
            "ruled_on": ruled,
            "origin_note": _note(*notes),
        }
        out.append(
            LifeRecord(
                "motions",
                f"{plan.idncase}:motion:{key}",
                values,
                proceeding=row.get("IDNPROCEEDING") or None,
            )
        )
    return out
