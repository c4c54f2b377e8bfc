"""EOIR's codes and what they are in caseorg's words (custody, case type, hearing kind…).

The release's lookup tables (:mod:`caseorg.eoir.lookups`) say what most codes mean;
these are the few caseorg must map to its own choices, and fallbacks for a release
shipped without its lookups. A code not listed is kept as given, never guessed.
"""

from __future__ import annotations

import re
from typing import Any

CUSTODY_CODES = {"D": "detained", "R": "released", "N": "non_detained"}
# CASE_TYPE -> caseorg's case type; codes not here (CFR, RFR, CSR, CDR, REC, NAC, DCC,
# DDC …: reviews, rescissions, continued detention and other matters) are "other", with
# the code and its description kept in the case's EOIR details
CASE_TYPE_CODES = {
    "RMV": "removal",
    "DEP": "removal",
    "EXC": "removal",
    "AOC": "asylum_only",
    "WHO": "withholding_only",
}
CASE_TYPE_NAMES = {  # when the release has no case-type lookup
    "RMV": "removal",
    "DEP": "deportation",
    "EXC": "exclusion",
    "AOC": "asylum only",
    "WHO": "withholding only",
    "CFR": "credible fear review",
    "RFR": "reasonable fear review",
    "CSR": "claimed status review",
    "REC": "rescission",
    "NAC": "NACARA",
}
# CAL_TYPE: the two calendars caseorg has words for (the release's tbllookupCal_Type comes
# first); the others (N, R, C, S — a special-circumstance calendar, not "status" —, T, E)
# are hearing kind "other", said with their description and code (hearings.kind_detail)
CAL_TYPE_CODES = {"M": "master", "I": "individual"}
# ADJ_MEDIUM: P in person, V video, T telephone; H, A and C are not documented in the
# release's read-me we found: medium "unknown", said with the code (hearings.medium_detail)
MEDIUM_CODES = {"P": "in_person", "V": "video", "T": "telephone"}
DECISION_CODES = {  # DEC_CODE when the release has no tblLookupCourtDecision
    "X": "removal ordered",
    "D": "removal ordered",
    "G": "relief granted",
    "R": "relief granted",
    "T": "proceedings terminated",
    "V": "voluntary departure",
    "A": "administratively closed",
    "W": "application withdrawn",
    "O": "other",
}
ADJOURNMENT_CODES = {  # ADJ_RSN when the release has no tblAdjournmentcodes
    "01": "respondent to seek representation",
    "02": "preparation time requested by respondent",
    "03": "DHS to complete background checks",
    "04": "interpreter not available",
    "06": "case reassigned to another judge",
    "07": "respondent did not appear",
    "10": "merits hearing set",
    "14": "insufficient time to complete the hearing",
    "17": "immigration judge unavailable",
    "24": "pending adjudication of a petition by USCIS",
}
NATIONALITY_CODES = {  # NAT when the release has no tblLookupNationality
    "GT": "Guatemala",
    "HO": "Honduras",
    "ES": "El Salvador",
    "MX": "Mexico",
    "VE": "Venezuela",
    "CU": "Cuba",
    "HA": "Haiti",
    "EC": "Ecuador",
    "CH": "China",
    "IN": "India",
    "NU": "Nicaragua",
    "CO": "Colombia",
    "UP": "Ukraine",
}
LANGUAGE_CODES = {  # LANG when the release has no tblLanguage
    "SP": "Spanish",
    "ENG": "English",
    "EN": "English",
    "KIC": "K'iche'",
    "MAM": "Mam",
    "CRE": "Haitian Creole",
    "MAN": "Mandarin",
    "PUN": "Punjabi",
    "POR": "Portuguese",
    "RUS": "Russian",
    "UKR": "Ukrainian",
}
# judge lookup entries that are not people (visiting judges 1-5, <All Judges>, the code
# a clerk uses to transfer a case, the IAD's): never a judge, never a reassignment
_PSEUDO_JUDGE = re.compile(
    r"^\s*(<\s*all judges\s*>|visiting judge\s*\d*|clerical transfer code|iad judge)\s*$",
    re.IGNORECASE,
)


def is_pseudo_judge(name: str) -> bool:
    """Whether a judge lookup name is a placeholder, not a person."""
    return bool(_PSEUDO_JUDGE.match(name or ""))


def code(table: dict[str, Any], value: str) -> Any:
    """``value``'s meaning in ``table`` (codes compare upper-case), or None."""
    return table.get(value.strip().upper())
