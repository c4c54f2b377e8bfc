"""A case's life as display rows: proceedings, addresses, counsel, NTA service, relief,
motions, appeals, custody, exhibits, and its in absentia orders with their notice
verdicts — what the case view's "Case life" tab shows (and a printout could)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    exhibit_list,
    list_addresses,
    list_appeals,
    list_counsel,
    list_custody,
    list_hearings,
    list_motions,
    list_nta_service,
    list_proceedings,
    list_relief,
    notice_proof,
    respondent_facts,
)
from caseorg.words import DASH, choice_words, label, sentence, us_date

ORIGINS = {"eoir": "EOIR data"}
SOURCES = {"nta": "NTA", "eoir33": "EOIR-33", "other": "Other", "none_provided": "None provided"}


def _or(value: Any) -> str:
    return str(value) if value not in (None, "") else DASH


def _until(start: str | None, end: str | None, open_word: str) -> str:
    """'03/17/2025 – 06/01/2025', or '03/17/2025 – pending' while it lasts."""
    return f"{_day(start)} – {us_date(end) if end else open_word}"


def _day(value: str | None) -> str:
    """A stored date as the screen shows one (a dash for none)."""
    return us_date(value) or DASH


Section = dict[str, Any]


EMPTY = {  # a case opened since proceedings were recorded has none until one is added
    "Proceedings": "none recorded: the case's hearings make up its one proceeding",
}


def _section(title: str, columns: list[str], rows: list[list[str]]) -> Section:
    """A titled table; its Origin column only when a row came from another system."""
    if rows and len(rows[0]) > len(columns):
        if any(row[-1] != DASH for row in rows):
            columns = [*columns, "Origin"]
        else:
            rows = [row[:-1] for row in rows]
    return {"title": title, "columns": columns, "rows": rows, "empty": EMPTY.get(title)}


def _origin(record: Any) -> str:
    """Where a record came from: "EOIR data" and what was kept as given; a dash for one
    entered here."""
    if not record.origin:
        return DASH
    source = ORIGINS.get(record.origin, record.origin)
    return f"{source}: {record.origin_note}" if record.origin_note else source


def case_life_sections(lib: Library, case_id: int) -> list[Section]:
    """Each part of the case's life as a titled table of display strings."""
    parts: list[tuple[str, list[str], Callable[[], list[list[str]]]]] = [
        (
            "Proceedings",
            ["#", "Type", "Opened – completed", "Judge", "Custody", "Charges", "Decision"],
            lambda: [
                [
                    str(p.id),
                    choice_words("case_type", p.case_type),
                    _until(p.opened_on, p.completed_on, "pending"),
                    _or(p.judge_name),
                    choice_words("custody", p.custody),
                    _or(p.charges),
                    _decision(p.decision, p.decision_note)
                    + (" (in absentia)" if p.absentia else ""),
                    _origin(p),
                ]
                for p in list_proceedings(lib, case_id)
            ],
        ),
        (
            "Addresses",
            ["Received", "Source", "Address"],
            lambda: [
                [
                    _day(a.received_on),
                    SOURCES[a.source],
                    a.address or "(no address provided)",
                    _origin(a),
                ]
                for a in list_addresses(lib, case_id)
            ],
        ),
        (
            "Counsel of record (EOIR-28)",
            ["Counsel", "EOIR ID", "From – to"],
            lambda: [
                [
                    c.counsel,
                    _or(c.eoir_id),
                    _until(c.from_on, c.to_on, "of record"),
                    _origin(c),
                ]
                for c in list_counsel(lib, case_id)
            ],
        ),
        (
            "NTA service",
            ["Served", "Method", "Time and place"],
            lambda: [
                [
                    _day(n.served_on),
                    sentence(label(n.method)),
                    "stated" if n.time_and_place else "NOT stated",
                ]
                for n in list_nta_service(lib, case_id)
            ],
        ),
        (
            "Relief applications",
            ["Kind", "Filed", "Outcome"],
            lambda: [
                [
                    sentence(label(r.kind)),
                    _day(r.filed_on),
                    _decided(r.outcome, r.decided_on),
                    _origin(r),
                ]
                for r in list_relief(lib, case_id)
            ],
        ),
        (
            "Motions",
            ["Motion", "By", "Filed", "Ground", "Ruling"],
            lambda: [
                [
                    f"To {label(m.kind)}",
                    choice_words("filed_by", m.filed_by),
                    _day(m.filed_on),
                    _or(label(m.ground)),
                    _decided(m.ruling, m.ruled_on),
                    _origin(m),
                ]
                for m in list_motions(lib, case_id)
            ],
        ),
        (
            "Appeals to the BIA",
            ["By", "Filed", "Outcome"],
            lambda: [
                [
                    choice_words("filed_by", a.filed_by),
                    _day(a.filed_on),
                    _decided(a.outcome, a.decided_on),
                ]
                for a in list_appeals(lib, case_id)
            ],
        ),
        (
            "Custody",
            ["Status", "From – to", "Facility"],
            lambda: [
                [
                    sentence(s.status),
                    _until(s.from_on, s.to_on, "now"),
                    _or(s.facility),
                    _origin(s),
                ]
                for s in list_custody(lib, case_id)
            ],
        ),
        (
            "Exhibits",
            ["Exh.", "Document", "Offered by", "Status", "Hearing"],
            lambda: [
                [
                    e["number"],
                    e["title"],
                    choice_words("filed_by", e["offered_by"]),
                    sentence(e["status"]),
                    _day(e["hearing_starts_at"]),
                ]
                for e in exhibit_list(lib, case_id)
            ],
        ),
    ]
    return [_section(title, columns, rows()) for title, columns, rows in parts]


def _decision(decision: str | None, note: str | None) -> str:
    """'Other: bond set at $5,000'; the note alone for a case migrated with free text."""
    words = sentence(label(decision)) if decision else ""
    return ": ".join(part for part in (words, note or "") if part) or DASH


def _decided(state: str, day: str | None) -> str:
    return f"{sentence(label(state))} {us_date(day)}" if day else sentence(label(state))


def respondent_line(lib: Library, case_id: int) -> str | None:
    """'Born 06/01/2008 · unaccompanied child', or None when nothing is recorded."""
    facts = respondent_facts(lib, case_id)
    parts = [f"Born {us_date(facts['born_on'])}" if facts["born_on"] else None]
    parts.append("unaccompanied child" if facts["unaccompanied"] else None)
    return " · ".join(p for p in parts if p) or None


def absentia_orders(lib: Library, case_id: int) -> list[dict[str, Any]]:
    """The case's in absentia orders, each with its notice verdict (the proof panel opens
    from these)."""
    return [
        {"hearing_id": h.id, "starts_at": h.starts_at, "verdict": notice_proof(lib, h.id).verdict}
        for h in list_hearings(lib, case_id=case_id)
        if h.outcome == "in_absentia_order"
    ]
