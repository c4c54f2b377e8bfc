"""The exhibit list of a case, in record-of-proceedings order (hearing by hearing, then
by exhibit number), as the court prints it for the record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.records import exhibit_list, get_case
from caseorg.reports.parts import case_facts, heading
from caseorg.reports.templates import render
from caseorg.words import choice_words, paper_date, sentence


def exhibit_list_context(
    lib: Library, case_id: int, *, now: dt.datetime | None = None
) -> dict[str, Any]:
    """The exhibit list as display strings (the desktop app shows the same rows)."""
    case = get_case(lib, case_id)
    rows = [
        {
            "number": row["number"],
            "title": row["title"],
            "doc_type": choice_words("doc_type", row["doc_type"]),
            "offered_by": choice_words("filed_by", row["offered_by"]),
            "status": sentence(row["status"]),
            "hearing": paper_date(row["hearing_starts_at"]),
        }
        for row in exhibit_list(lib, case_id)
    ]
    return {
        **heading("Exhibit List", case.court, lib, now),
        "case": case_facts(case),
        "exhibits": rows,
    }


def exhibit_list_html(lib: Library, case_id: int) -> str:
    return render("exhibit_list.html", exhibit_list_context(lib, case_id))
