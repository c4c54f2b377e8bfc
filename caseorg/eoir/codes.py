"""EOIR's codes and what they are in caseorg's words (custody, case type, hearing kind…).

EOIR's own codes where known; a code not listed is kept as given (nationality,
language) or falls back to a default chosen where the code is read (:mod:`.mapping`).
"""

from __future__ import annotations

from typing import Any

CUSTODY_CODES = {"D": "detained", "R": "released", "N": "non_detained"}
CASE_TYPE_CODES = {
    "RMV": "removal",
    "DEP": "removal",
    "EXC": "removal",
    "AOC": "asylum_only",
    "WHO": "withholding_only",
    "BON": "bond",
    "BOND": "bond",
}
CAL_TYPE_CODES = {"M": "master", "I": "individual", "B": "bond", "S": "status"}
MEDIUM_CODES = {"P": "in_person", "V": "video", "T": "telephone", "I": "in_person"}
# NOTICE_CODE: how the notice of this hearing went out (served on the row's INPUT_DATE)
NOTICE_CODES: dict[str, tuple[str, bool]] = {
    "1": ("mail", False),
    "M": ("mail", False),
    "2": ("personal", False),
    "P": ("personal", False),
    "3": ("electronic", False),
    "E": ("electronic", False),
    "R": ("mail", True),  # mailed, returned undeliverable
}
DECISION_CODES = {
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
ADJOURNMENT_CODES = {
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
NATIONALITY_CODES = {
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
LANGUAGE_CODES = {
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


def code(table: dict[str, Any], value: str) -> Any:
    """``value``'s meaning in ``table`` (codes compare upper-case), or None."""
    return table.get(value.strip().upper())
