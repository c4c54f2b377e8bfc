"""What several printed reports show alike: the agency header, the generated line, a
case's facts and a hearing's row, as display strings.

Every value a template shows is prepared as a display string (words from
:mod:`caseorg.words`), so the templates only lay it out and the desktop app can
reuse the same ``*_context`` dictionaries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library import Library
from caseorg.records import Case, Hearing
from caseorg.values import stored_moment
from caseorg.words import (
    DASH,
    choice_words,
    clock,
    hearing_choice,
    judge_name,
    long_date,
    or_dash,
    paper_date,
    proceedings,
    sentence,
    us_date,
    weekday_date,
)


def long_day(value: str | None) -> str:
    """A stored day as 'March 17, 2025' (else the stored text, or a dash)."""
    return paper_date(value) or or_dash(value)


def header_lines(court: str | None) -> list[str]:
    """The agency block at the top of every report, as EOIR prints it."""
    lines = ["U.S. Department of Justice", "Executive Office for Immigration Review"]
    name = (court or "").strip()
    if not name:
        lines.append("Immigration Court")
    elif "immigration court" in name.lower():
        lines.append(name)
    else:
        lines += ["Immigration Court", name]
    return lines


def heading(title: str, court: str | None, lib: Library, now: dt.datetime | None) -> dict[str, Any]:
    """The title, court, agency header and 'Generated ... by ...' line of a report."""
    moment = (now or dt.datetime.now()).replace(second=0, microsecond=0)
    return {
        "title": title,
        "court": court,
        "header_lines": header_lines(court),
        "generated_at": moment.isoformat(sep=" "),
        "generated": f"{long_date(moment.date())} at {clock(moment)}",
        "generated_by": lib.actor,
    }


def case_facts(case: Case) -> dict[str, Any]:
    """The case's caption and facts."""
    attorney = (case.attorney or "").strip()
    return {
        "id": case.id,
        "a_number": case.a_number,
        "a_number_display": case.a_number_display,
        "respondent": case.respondent,
        "nationality": or_dash(case.nationality),
        "language": or_dash(case.language),
        "custody": choice_words("custody", case.custody),
        "detained": case.custody == "detained",
        "case_type": choice_words("case_type", case.case_type),
        "proceedings": proceedings(case.case_type),
        "status": choice_words("status", case.status),
        "judge": judge_name(case.judge_name, case.judge_code),
        "attorney": attorney or None,
        "pro_se": not attorney,
        "representation": attorney or "pro se",
        "dhs_counsel": or_dash(case.dhs_counsel),
        "opened_on": long_day(case.opened_on),
        "completed_on": long_day(case.completed_on) if case.completed_on else None,
        "outcome": or_dash(case.outcome) if case.outcome else None,
    }


def hearing_row(hearing: Hearing) -> dict[str, Any]:
    """One hearing: when, what kind, before whom, where, and how it ended."""
    moment = stored_moment(hearing.starts_at)
    return {
        "id": hearing.id,
        "starts_at": hearing.starts_at,
        "date": us_date(moment.date()) if moment else or_dash(hearing.starts_at),  # text
        "day": paper_date(moment.date()) if moment else or_dash(hearing.starts_at),  # paper
        "long_date": weekday_date(moment.date()) if moment else or_dash(hearing.starts_at),
        "time": clock(moment) if moment else DASH,
        "kind": hearing_choice("kind", hearing),
        "kind_short": hearing_choice("kind_short", hearing),
        "judge": judge_name(hearing.judge_name, hearing.judge_code),
        "courtroom": or_dash(hearing.courtroom),
        "medium": hearing_choice("medium", hearing),
        "medium_short": hearing_choice("medium_short", hearing),
        "interpreter_language": or_dash(hearing.interpreter_language),
        "outcome": choice_words("outcome", hearing.outcome),
        "in_absentia": hearing.outcome == "in_absentia_order",
        "adjournment_reason": or_dash(hearing.adjournment_reason),
        "notes": or_dash(hearing.notes),
        "notice_warning": sentence(hearing.notice_warning) if hearing.notice_warning else None,
        "record_warning": sentence(hearing.record_warning) if hearing.record_warning else None,
    }


PROOF_MARKS = {
    "defect": "DEFECT",
    "unproven": "NOT SHOWN",
    "flag": "SEE",
    "sound": "OK",
    "info": "",
}


def notice_proof_rows(lib: Library, hearing: Hearing) -> dict[str, Any] | None:
    """The notice judgment of an in absentia order, as the printouts show it: the verdict
    and each finding with its mark and rule (None for any other hearing)."""
    if hearing.outcome != "in_absentia_order":
        return None
    from caseorg.records import notice_proof

    proof = notice_proof(lib, hearing.id)
    rows = [
        {
            "mark": PROOF_MARKS[f.status],
            "bad": f.status in ("defect", "unproven"),
            "text": sentence(f.text),
            "rule": f.rule,
        }
        for f in proof.findings
    ]
    return {"verdict": sentence(proof.verdict), "sound": not proof.defects, "findings": rows}
