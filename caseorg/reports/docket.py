"""The printed docket: a day's (or a range's) hearings by judge, then courtroom, in time order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from typing import Any

from caseorg.library import Library
from caseorg.records import Case, get_case, judge_by_code, list_hearings, list_judges
from caseorg.reports.parts import case_facts, heading, hearing_row
from caseorg.reports.templates import render
from caseorg.words import judge_name, weekday_date


def _natural_key(text: str) -> list[Any]:
    """'Courtroom 2' before 'Courtroom 10'."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower())
        for part in re.split(r"(\d+)", text)
        if part
    ]


def _single(values: Iterable[str | None]) -> str | None:
    found = {v.strip() for v in values if v and v.strip()}
    return found.pop() if len(found) == 1 else None


def docket_context(
    lib: Library,
    day: dt.date,
    until: dt.date | None = None,
    judge_code: str | None = None,
    court_name: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The docket of ``day`` (through ``until``), grouped by judge, then courtroom.

    :param judge_code: only this judge's hearings (NotFound if there is no such judge).
    :param court_name: the court in the header; default the one court the
        hearings (or, on an empty day, the library's judges) belong to.
    :param now: the generation time printed on the report (default: now).
    """
    last = until if until is not None and until > day else day
    judge = judge_by_code(lib, judge_code) if judge_code else None
    hearings = list_hearings(lib, on=day, until=last, judge_code=judge.code if judge else None)

    cases: dict[int, Case] = {}
    for h in hearings:
        if h.case_id not in cases:
            cases[h.case_id] = get_case(lib, h.case_id)

    court = court_name
    if not court and judge is not None:
        court = judge.court
    if not court:
        court = _single(c.court for c in cases.values())
    if not court:
        court = _single(j.court for j in list_judges(lib))

    multi_day = last != day
    groups: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for h in hearings:
        case = cases[h.case_id]
        row = hearing_row(h)
        facts = case_facts(case)
        row.update(
            {
                "case_id": case.id,
                "a_number": facts["a_number_display"],
                "respondent": case.respondent,
                "custody": facts["custody"],
                "detained": facts["detained"],
                "representation": facts["representation"],
                "pro_se": facts["pro_se"],
                "nationality": facts["nationality"],
            }
        )
        judge_key = (h.judge_name or "", h.judge_code or "")
        room = (h.courtroom or "").strip()
        rooms = groups.setdefault(judge_key, {})
        group = rooms.setdefault(room, {"courtroom": room or "Courtroom not set", "hearings": []})
        group["hearings"].append(row)

    judges_out = []
    for (name, code), rooms in sorted(
        groups.items(), key=lambda item: (not item[0][0], item[0][0].lower(), item[0][1])
    ):
        courtrooms = [
            {
                **group,
                "hearings": sorted(group["hearings"], key=lambda r: (r["starts_at"], r["id"])),
            }
            for room, group in sorted(
                rooms.items(), key=lambda item: (not item[0], _natural_key(item[0]))
            )
        ]
        count = sum(len(g["hearings"]) for g in courtrooms)
        judges_out.append(
            {
                "judge": judge_name(name, code, missing="No judge assigned"),
                "judge_code": code or None,
                "courtrooms": courtrooms,
                "count": count,
                "warnings": sum(
                    1 for g in courtrooms for r in g["hearings"] if r["notice_warning"]
                ),
            }
        )

    period = f"{weekday_date(day)} through {weekday_date(last)}" if multi_day else weekday_date(day)

    return {
        **heading("Docket", court, lib, now),
        "day": day.isoformat(),
        "until": last.isoformat() if multi_day else None,
        "period": period,
        "multi_day": multi_day,
        "judge_filter": judge_name(judge.name, judge.code) if judge else None,
        "judges": judges_out,
        "hearing_count": len(hearings),
        "warning_count": sum(j["warnings"] for j in judges_out),
    }


def docket_html(
    lib: Library,
    day: dt.date,
    until: dt.date | None = None,
    judge_code: str | None = None,
    court_name: str | None = None,
) -> str:
    """A day's (or, with ``until``, a range's) docket as HTML: hearings by judge, then
    courtroom, in time order; an empty docket says "No hearings scheduled".

    :raises NotFound: ``judge_code`` names no judge.
    """
    return render("docket.html", docket_context(lib, day, until, judge_code, court_name))


DOCKET_CSV_COLUMNS = (
    "date",
    "time",
    "judge",
    "courtroom",
    "a_number",
    "respondent",
    "kind",
    "medium",
    "interpreter_language",
    "custody",
    "representation",
    "notice_warning",
)


def docket_csv(
    lib: Library, day: dt.date, until: dt.date | None = None, judge_code: str | None = None
) -> str:
    """The docket's hearings as CSV, one row each (dates ISO, for a spreadsheet), in the
    printed docket's order."""
    context = docket_context(lib, day, until, judge_code)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DOCKET_CSV_COLUMNS)
    for judge in context["judges"]:
        for room in judge["courtrooms"]:
            for h in room["hearings"]:
                values = {**h, "date": h["starts_at"][:10], "judge": judge["judge"]}
                values["courtroom"] = room["courtroom"]
                writer.writerow(
                    ["" if values[c] is None else values[c] for c in DOCKET_CSV_COLUMNS]
                )
    return out.getvalue()
