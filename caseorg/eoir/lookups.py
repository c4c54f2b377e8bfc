"""The release's lookup tables, read into memory: what a judge, court, hearing location,
adjournment reason, decision, calendar type, language, nationality, charge, notice,
case priority or case type code means. A table the release lacks leaves its codes as
codes (or caseorg's few known ones: :mod:`caseorg.eoir.codes`).

Headers as published (upper-cased when read): ``tblLookupJudge`` JUDGE_CODE, JUDGE_NAME,
JUDGE_CITY, JUDGE_STATE, BLNACTIVE; ``tblLookupBaseCity`` BASE_CITY_CODE, BASE_CITY_NAME;
``tblLookupHloc`` HEARING_LOC_CODE, HEARING_LOC_NAME; ``tblAdjournmentcodes`` STRCODE,
STRDESCIPTION (EOIR's spelling); ``tbllookupCal_Type`` STRCALTYPECODE,
STRCALTYPEDESCRIPTION; ``tblLookupCourtDecision`` STRCASETYPE, STRDECCODE, STRDECTYPE
(C a decision, O another completion), STRDECDESCRIPTION; ``tblLookupNationality``
NAT_CODE, NAT_NAME; ``tblLookupNOTICE`` NOTICE_CODE, NOTICE_DISP; the rest STRCODE with
STRDESCRIPTION (STRCODEDESCRIPTION for charges).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from caseorg.eoir.codes import (
    ADJOURNMENT_CODES,
    CASE_TYPE_NAMES,
    DECISION_CODES,
    LANGUAGE_CODES,
    NATIONALITY_CODES,
    is_pseudo_judge,
)
from caseorg.eoir.tables import Row

# kind -> (code columns, description columns), the first present wins
_SIMPLE = {
    "court": (("BASE_CITY_CODE",), ("BASE_CITY_NAME",)),
    "hearing_location": (("HEARING_LOC_CODE",), ("HEARING_LOC_NAME",)),
    "adjournment": (
        ("STRCODE", "ADJ_RSN", "ADJ_CODE"),
        ("STRDESCIPTION", "STRDESCRIPTION", "ADJ_DESC", "DESCRIPTION"),
    ),
    "calendar_type": (("STRCALTYPECODE", "STRCODE"), ("STRCALTYPEDESCRIPTION", "STRDESCRIPTION")),
    "language": (("STRCODE", "LANG_CODE"), ("STRDESCRIPTION", "LANG_NAME")),
    "nationality": (("NAT_CODE", "STRCODE"), ("NAT_NAME", "NAT_COUNTRY_NAME", "STRDESCRIPTION")),
    "charge_code": (("STRCODE",), ("STRCODEDESCRIPTION", "STRDESCRIPTION")),
    "notice_code": (("NOTICE_CODE", "STRCODE"), ("NOTICE_DISP", "STRDESCRIPTION")),
    "priority": (("STRCODE", "CASEPRIORITY_CODE"), ("STRDESCRIPTION",)),
    "case_type": (("STRCODE", "CASE_TYPE"), ("STRDESCRIPTION",)),
    "application_code": (("STRCODE", "APPL_CODE"), ("STRDESCRIPTION",)),
    # tblLookupMotionType's headers are not in what we found: the likely spellings
    "motion_type": (
        ("STR_MOTION_CODE", "STRMOTIONCODE", "STRCODE"),
        ("STR_MOTION_DESC", "STRMOTIONDESC", "STRMOTIONDESCRIPTION", "STRDESCRIPTION"),
    ),
}


@dataclass
class Judge:
    """A judge lookup entry (a pseudo judge is a placeholder, not a person)."""

    name: str
    city: str | None
    state: str | None
    active: bool
    pseudo: bool


@dataclass
class Lookups:
    """Every lookup table the release holds, code (upper-case) -> meaning."""

    judges: dict[str, Judge] = field(default_factory=dict)
    tables: dict[str, dict[str, str]] = field(
        default_factory=lambda: {
            "adjournment": dict(ADJOURNMENT_CODES),
            "language": dict(LANGUAGE_CODES),
            "nationality": dict(NATIONALITY_CODES),
            "case_type": dict(CASE_TYPE_NAMES),
        }
    )
    # (case type, decision code, decision type) -> description
    decisions: dict[tuple[str, str, str], str] = field(default_factory=dict)
    read_kinds: set[str] = field(default_factory=set)

    def read(self, kind: str, rows: Iterable[Row]) -> None:
        """Take in one lookup table's rows (the release's values replace caseorg's own)."""
        first = kind not in self.read_kinds
        self.read_kinds.add(kind)
        if kind == "judge":
            for row in rows:
                self._judge(row)
            return
        if kind == "decision":
            for row in rows:
                dec = row.get("STRDECCODE", "DEC_CODE").upper()
                if dec:
                    key = (row.get("STRCASETYPE").upper(), dec, row.get("STRDECTYPE").upper())
                    self.decisions[key] = row.get("STRDECDESCRIPTION", "DESCRIPTION")
            return
        codes, descriptions = _SIMPLE[kind]
        table = self.tables.setdefault(kind, {})
        if first:
            table.clear()
        for row in rows:
            value = row.get(*codes).upper()
            if value:
                table[value] = row.get(*descriptions) or value

    def _judge(self, row: Row) -> None:
        code = row.get("JUDGE_CODE").upper()
        if not code:
            return
        name = row.get("JUDGE_NAME")
        self.judges[code] = Judge(
            name=name or f"Judge {code}",
            city=row.get("JUDGE_CITY", "BASE_CITY_CODE", "JUDGE_COURT", "COURT") or None,
            state=row.get("JUDGE_STATE") or None,
            active=row.get("BLNACTIVE", "JUDGE_STATUS").upper() not in ("0", "I", "FALSE"),
            pseudo=is_pseudo_judge(name),
        )

    def meaning(self, kind: str, value: str) -> str | None:
        """What ``value`` means in the ``kind`` lookup, or None."""
        return self.tables.get(kind, {}).get(value.strip().upper())

    def decoded(self, kind: str, value: str) -> str | None:
        """``value`` decoded, else the code itself ('' is None)."""
        value = value.strip()
        return (self.meaning(kind, value) or value) if value else None

    def decision(self, case_type: str, dec_code: str, dec_type: str = "C") -> str | None:
        """A DEC_CODE's (or OTHER_COMP's, type O) meaning for its case type."""
        dec, case_type = dec_code.strip().upper(), case_type.strip().upper()
        if not dec:
            return None
        found = self.decisions.get((case_type, dec, dec_type))
        if found:
            return found
        for (_type, code, kind), text in self.decisions.items():
            if code == dec and kind == dec_type:
                return text
        if dec_type == "C" and "decision" not in self.read_kinds:
            return DECISION_CODES.get(dec)
        return None

    def is_person(self, judge_code: str) -> bool:
        """Whether a judge code names a person (an unknown code is taken to)."""
        judge = self.judges.get(judge_code.upper())
        return judge is None or not judge.pseudo

    def court(self, base_city: str) -> str | None:
        """A base city's court name, else the code ('' is None)."""
        return self.decoded("court", base_city)
