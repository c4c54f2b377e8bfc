"""Printable reports: a hearing summary and a docket, rendered to HTML from Jinja2 templates.

The HTML is written for Qt's ``QTextDocument`` (a small HTML4/CSS subset: tables
with border attributes, headings, inline colours; no external resources), which
``caseorg_ui.printing.output`` turns into a PDF. It also opens in any browser.

Templates live in ``resources/templates`` (the ``caseorg_resources.templates``
package) and are autoescaped: whatever a clerk typed prints as text, never as
markup. Every value a template shows is prepared here as a display string, so
the templates only lay it out and the desktop app can reuse the same
``*_context`` dictionaries.

This module is core: it never imports Qt or ``ui``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

from caseorg.court.reassignment_report import ReportRow, reassignment_report
from caseorg.library.folder import Library
from caseorg.records.cases import get_case
from caseorg.records.deadlines import list_deadlines
from caseorg.records.documents import list_documents
from caseorg.records.hearings import exhibits_for, get_hearing, list_hearings, notices_for
from caseorg.records.judges import get_judge, judge_by_code, list_judges
from caseorg.records.models import Case, Hearing, Reassignment, label
from caseorg.records.reassignments import list_reassignments
from caseorg.values import format_a_number, stored_day

if TYPE_CHECKING:
    import jinja2

TEMPLATE_PACKAGE = "caseorg_resources.templates"
DASH = "\u2014"  # shown for a missing value

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# How a stored choice reads on paper; anything not listed falls back to models.label
_WORDS: dict[str, dict[str, str]] = {
    "custody": {"detained": "Detained", "released": "Released", "non_detained": "Non-detained"},
    "case_type": {
        "removal": "Removal",
        "asylum_only": "Asylum-only",
        "withholding_only": "Withholding-only",
        "bond": "Bond",
        "other": "Other",
    },
    "proceedings": {
        "removal": "In Removal Proceedings",
        "asylum_only": "In Asylum-Only Proceedings",
        "withholding_only": "In Withholding-Only Proceedings",
        "bond": "In Bond Proceedings",
    },
    "status": {
        "pending": "Pending",
        "completed": "Completed",
        "closed": "Closed",
        "appealed": "Appealed",
    },
    "kind": {
        "master": "Master calendar",
        "individual": "Individual (merits)",
        "bond": "Bond",
        "status": "Status",
    },
    "kind_short": {
        "master": "Master",
        "individual": "Individual",
        "bond": "Bond",
        "status": "Status",
    },
    "medium": {"in_person": "In person", "video": "Video (VTC)", "telephone": "Telephone"},
    "medium_short": {"in_person": "In person", "video": "Video", "telephone": "Telephone"},
    "outcome": {
        "pending": "Pending",
        "continued": "Continued",
        "decided": "Decided",
        "in_absentia_order": "In absentia order",
        "cancelled": "Cancelled",
    },
    "method": {"personal": "Personal service", "mail": "Mail", "electronic": "Electronic"},
    "doc_type": {
        "brief": "Brief",
        "motion": "Motion",
        "notice_to_appear": "Notice to Appear",
        "hearing_notice": "Hearing notice",
        "evidence": "Evidence",
        "decision": "Decision",
        "order": "Order",
        "correspondence": "Correspondence",
        "other": "Other",
    },
    "filed_by": {"respondent": "Respondent", "dhs": "DHS", "court": "Court", "other": "Other"},
    "deadline": {
        "brief_due": "Brief due",
        "filing": "Filing",
        "decision_due": "Decision due",
        "other": "Other",
    },
}


# -- small display helpers -------------------------------------------------------------


def words(group: str, value: str | None) -> str:
    """A stored choice in the words a court uses (``group`` names the list, e.g.
    "kind" or its table form "kind_short"); a dash for none."""
    if not value:
        return DASH
    known = _WORDS[group].get(value)
    if known:
        return known
    text = label(value)
    return text[:1].upper() + text[1:]


def _text(value: object) -> str:
    """A free-text value, or a dash when there is none."""
    if value is None:
        return DASH
    text = str(value).strip()
    return text or DASH


def _parse_moment(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("T", " ")[:16])
    except ValueError:
        day = stored_day(value)
        return dt.datetime.combine(day, dt.time()) if day else None


def long_date(day: dt.date) -> str:
    """'March 17, 2025' (not strftime: a Qt app sets the C locale from the desktop)."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def weekday_date(day: dt.date) -> str:
    """'Monday, March 17, 2025'."""
    return f"{WEEKDAYS[day.weekday()]}, {long_date(day)}"


def _short_date(day: dt.date) -> str:
    """'03/17/2025': the court's numeric form, for table columns."""
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


def clock(moment: dt.datetime | dt.time) -> str:
    """'9:30 AM'."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def _show_day(value: str | None) -> str:
    day = stored_day(value)
    if day is None:
        return _text(value)
    return _short_date(day)


def _show_long_day(value: str | None) -> str:
    day = stored_day(value)
    if day is None:
        return _text(value)
    return long_date(day)


def _judge_name(name: str | None, code: str | None) -> str:
    """'Rosa Martinez (JRM)': the title 'Judge' is dropped, the column says it."""
    if not name and not code:
        return DASH
    shown = re.sub(r"^\s*(Immigration\s+)?Judge\s+", "", name or "", flags=re.IGNORECASE)
    shown = shown.strip() or (name or "").strip()
    if code and shown:
        return f"{shown} ({code})"
    return shown or str(code)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _header_lines(court: str | None) -> list[str]:
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


def _generated(lib: Library, now: dt.datetime | None) -> dict[str, str]:
    moment = (now or dt.datetime.now()).replace(second=0, microsecond=0)
    return {
        "generated_at": moment.isoformat(sep=" "),
        "generated": f"{long_date(moment.date())} at {clock(moment)}",
        "generated_by": lib.actor,
    }


# -- templates -------------------------------------------------------------------------


def _load_template(name: str) -> str | None:
    resource = resources.files(TEMPLATE_PACKAGE).joinpath(name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8")


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2  # ~30 ms: loaded when the first report is rendered, not with the case view

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_load_template),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, context: dict[str, Any]) -> str:
    """Render one of the report templates (``summary.html``, ``docket.html``)."""
    return _environment().get_template(template).render(**context)


# -- hearing summary -------------------------------------------------------------------


def _case_facts(case: Case) -> dict[str, Any]:
    attorney = (case.attorney or "").strip()
    return {
        "id": case.id,
        "a_number": case.a_number,
        "a_number_display": format_a_number(case.a_number),
        "respondent": case.respondent,
        "nationality": _text(case.nationality),
        "language": _text(case.language),
        "custody": words("custody", case.custody),
        "detained": case.custody == "detained",
        "case_type": words("case_type", case.case_type),
        "proceedings": _WORDS["proceedings"].get(case.case_type, "In Proceedings"),
        "status": words("status", case.status),
        "judge": _judge_name(case.judge_name, case.judge_code),
        "attorney": attorney or None,
        "pro_se": not attorney,
        "representation": attorney or "pro se",
        "dhs_counsel": _text(case.dhs_counsel),
        "opened_on": _show_long_day(case.opened_on),
        "completed_on": _show_long_day(case.completed_on) if case.completed_on else None,
        "outcome": _text(case.outcome) if case.outcome else None,
    }


def _hearing_row(hearing: Hearing) -> dict[str, Any]:
    moment = _parse_moment(hearing.starts_at)
    return {
        "id": hearing.id,
        "starts_at": hearing.starts_at,
        "date": _short_date(moment.date()) if moment else _text(hearing.starts_at),
        "long_date": weekday_date(moment.date()) if moment else _text(hearing.starts_at),
        "time": clock(moment) if moment else DASH,
        "kind": words("kind", hearing.kind),
        "kind_short": words("kind_short", hearing.kind),
        "judge": _judge_name(hearing.judge_name, hearing.judge_code),
        "courtroom": _text(hearing.courtroom),
        "medium": words("medium", hearing.medium),
        "medium_short": words("medium_short", hearing.medium),
        "interpreter_language": _text(hearing.interpreter_language),
        "outcome": words("outcome", hearing.outcome),
        "in_absentia": hearing.outcome == "in_absentia_order",
        "adjournment_reason": _text(hearing.adjournment_reason),
        "notes": _text(hearing.notes),
        "notice_warning": _sentence(hearing.notice_warning) if hearing.notice_warning else None,
    }


def _reassignment_row(item: Reassignment) -> dict[str, Any]:
    return {
        "id": item.id,
        "effective_on": _show_day(item.effective_on),
        "from_judge": (
            _judge_name(item.from_judge_name, item.from_judge_code)
            if item.from_judge_id is not None
            else "(unassigned)"
        ),
        "to_judge": _judge_name(item.to_judge_name, item.to_judge_code),
        "reason": _text(item.reason),
        "ordered_by": _text(item.ordered_by),
        "midstream": "Yes" if item.midstream else "No",
        "corrects": f"Correction of #{item.corrects_id}" if item.corrects_id else None,
        "recorded_at": _text(item.recorded_at),
    }


def hearing_summary_context(
    lib: Library,
    hearing_id: int,
    court_name: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """Everything the hearing summary shows, as display strings in plain dicts.

    :param lib: an open library (read-only is fine).
    :param hearing_id: the hearing the summary is for.
    :param court_name: the court named in the header; default the case's court
        (else the judge's).
    :param now: the generation time printed on the report (default: now).
    :raises NotFound: no hearing ``hearing_id``.
    """
    hearing = get_hearing(lib, hearing_id)
    case = get_case(lib, hearing.case_id)
    today = (now or dt.datetime.now()).date()

    court = court_name or case.court
    if not court:
        for judge_id in (hearing.judge_id, case.judge_id):
            if judge_id is not None:
                court = get_judge(lib, judge_id).court
                if court:
                    break

    all_hearings = list_hearings(lib, case_id=case.id)
    key = (hearing.starts_at, hearing.id)
    prior = [h for h in all_hearings if (h.starts_at, h.id) < key]
    later = [h for h in all_hearings if (h.starts_at, h.id) > key]

    documents = list_documents(lib, case.id)
    titles = {d.id: d.title for d in documents}
    exhibits = {row["id"]: row["exhibit"] for row in exhibits_for(lib, hearing.id)}

    notices: list[dict[str, Any]] = []
    for h in all_hearings:
        for notice in notices_for(lib, h.id):
            moment = _parse_moment(h.starts_at)
            notices.append(
                {
                    "id": notice.id,
                    "hearing_id": h.id,
                    "this_hearing": h.id == hearing.id,
                    "hearing": (
                        f"{_short_date(moment.date())} {clock(moment)}"
                        if moment
                        else _text(h.starts_at)
                    ),
                    "hearing_kind": words("kind", h.kind),
                    "served_on": _show_day(notice.served_on),
                    "method": words("method", notice.method),
                    "address": _text(notice.address),
                    "returned": bool(notice.returned_undeliverable),
                    "returned_text": "Yes" if notice.returned_undeliverable else "No",
                    "returned_on": _show_day(notice.returned_on) if notice.returned_on else None,
                    "document": titles.get(notice.document_id) if notice.document_id else None,
                }
            )

    document_rows = []
    for doc in documents:
        document_rows.append(
            {
                "id": doc.id,
                "title": doc.title,
                "doc_type": words("doc_type", doc.doc_type),
                "filed_on": _show_day(doc.filed_on),
                "filed_by": words("filed_by", doc.filed_by),
                "page_count": doc.page_count,
                "exhibit": (exhibits[doc.id] or "Linked") if doc.id in exhibits else DASH,
                "is_exhibit": doc.id in exhibits,
            }
        )

    deadline_rows = []
    for deadline in list_deadlines(lib, case.id, open_only=True):
        due = stored_day(deadline.due_on)
        days = (due - today).days if due else None
        if days is None:
            when = DASH
        elif days < 0:
            when = f"overdue by {-days} day{'s' if days != -1 else ''}"
        elif days == 0:
            when = "due today"
        else:
            when = f"in {days} day{'s' if days != 1 else ''}"
        deadline_rows.append(
            {
                "id": deadline.id,
                "kind": words("deadline", deadline.kind),
                "due_on": _show_day(deadline.due_on),
                "when": when,
                "overdue": days is not None and days < 0,
                "note": _text(deadline.note),
            }
        )

    this = _hearing_row(hearing)
    warnings = []
    if this["notice_warning"]:
        warnings.append(
            {"hearing": f"This hearing ({this['date']})", "text": this["notice_warning"]}
        )
    for other in map(_hearing_row, (*prior, *later)):
        if other["notice_warning"]:
            warnings.append(
                {"hearing": f"Hearing of {other['date']}", "text": other["notice_warning"]}
            )

    return {
        "title": "Hearing Summary",
        "court": court,
        "header_lines": _header_lines(court),
        **_generated(lib, now),
        "case": _case_facts(case),
        "hearing": this,
        "warnings": warnings,
        "prior_hearings": [_hearing_row(h) for h in prior],
        "later_hearings": [_hearing_row(h) for h in later],
        "notices": notices,
        "reassignments": [_reassignment_row(r) for r in list_reassignments(lib, case_id=case.id)],
        "documents": document_rows,
        "document_pages": sum(d.page_count for d in documents),
        "exhibit_count": sum(1 for d in document_rows if d["is_exhibit"]),
        "deadlines": deadline_rows,
    }


def hearing_summary_html(lib: Library, hearing_id: int, court_name: str | None = None) -> str:
    """The hearing summary a judge prints before (or after) a hearing, as HTML.

    Caption, this hearing, prior hearings, notices served, reassignment history,
    documents and exhibits, open deadlines; a notice problem behind an in absentia
    order is shown in a box at the top.

    :raises NotFound: no hearing ``hearing_id``.
    """
    return render("summary.html", hearing_summary_context(lib, hearing_id, court_name))


# -- docket ----------------------------------------------------------------------------


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
        row = _hearing_row(h)
        facts = _case_facts(case)
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
                "judge": _judge_name(name, code) if (name or code) else "No judge assigned",
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
        "title": "Docket",
        "court": court,
        "header_lines": _header_lines(court),
        **_generated(lib, now),
        "day": day.isoformat(),
        "until": last.isoformat() if multi_day else None,
        "period": period,
        "multi_day": multi_day,
        "judge_filter": _judge_name(judge.name, judge.code) if judge else None,
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


# -- reassignment report ---------------------------------------------------------------


def _period_words(since: str | None, until: str | None) -> str:
    first, last = stored_day(since), stored_day(until)
    if first and last:
        return f"{long_date(first)} through {long_date(last)}"
    if first:
        return f"From {long_date(first)}"
    if last:
        return f"Through {long_date(last)}"
    return "All dates on record"


def _report_row(row: ReportRow, judge_code: str) -> dict[str, Any]:
    other_is_from = row.direction == "given"
    other_name = row.from_judge_name if other_is_from else row.to_judge_name
    other_code = row.from_judge_code if other_is_from else row.to_judge_code
    moment = _parse_moment(row.next_hearing_at)
    if moment is None:
        next_hearing = "No later hearing"
    else:
        judge = f", IJ {row.next_hearing_judge_code}" if row.next_hearing_judge_code else ""
        next_hearing = (
            f"{_short_date(moment.date())} {clock(moment)} "
            f"{words('kind_short', row.next_hearing_kind)}{judge}: "
            f"{words('outcome', row.next_hearing_outcome)}"
        )
    if row.case_status == "pending":
        case_now = "Pending"
        if row.current_judge_code and row.current_judge_code != judge_code:
            case_now += f" (now IJ {row.current_judge_code})"
    else:
        case_now = words("status", row.case_status)
        if row.completed_on:
            case_now += f" {_show_day(row.completed_on)}"
        if row.case_outcome:
            case_now += f": {row.case_outcome}"
    return {
        "id": row.reassignment_id,
        "effective_on": _show_day(row.effective_on),
        "a_number": row.a_number_display,
        "respondent": row.respondent,
        "other_judge": (
            _judge_name(other_name, other_code) if (other_name or other_code) else "(unassigned)"
        ),
        "reason": _sentence(_text(row.reason)),
        "ordered_by": (row.ordered_by or "").strip() or None,
        "midstream": row.midstream,
        "corrects": f"Corrects #{row.corrects_id}" if row.corrects_id else None,
        "corrected_by": f"Corrected by #{row.corrected_by_id}" if row.corrected_by_id else None,
        "next_hearing": next_hearing,
        "hearings_after": row.hearings_after,
        "in_absentia": [_show_day(day) for day in row.in_absentia_orders],
        "notice_warnings": [_sentence(text) for text in row.notice_warnings],
        "case_now": case_now,
    }


def reassignment_report_context(
    lib: Library,
    judge_code: str,
    since: str | None = None,
    until: str | None = None,
    court_name: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The reassignment report as display strings: cases taken from the judge, cases
    given to them, each with its reason, who ordered it and what happened next.

    :raises NotFound: no such judge. :raises InvalidValue: a bad date.
    """
    report = reassignment_report(lib, judge_code, since, until)
    court = court_name or report.court
    taken = [_report_row(r, report.judge_code) for r in report.taken]
    given = [_report_row(r, report.judge_code) for r in report.given]
    every = [*taken, *given]
    return {
        "title": "Reassignment Report",
        "court": court,
        "header_lines": _header_lines(court),
        **_generated(lib, now),
        "judge": _judge_name(report.judge_name, report.judge_code),
        "period": _period_words(report.since, report.until),
        "taken": taken,
        "given": given,
        "midstream_count": sum(1 for r in every if r["midstream"]),
        "absentia_count": sum(len(r["in_absentia"]) for r in every),
        "warning_count": sum(len(r["notice_warnings"]) for r in every),
    }


def reassignment_report_html(
    lib: Library,
    judge_code: str,
    since: str | None = None,
    until: str | None = None,
    court_name: str | None = None,
) -> str:
    """The printable reassignment report for one judge and period, as HTML."""
    return render(
        "reassignments.html",
        reassignment_report_context(lib, judge_code, since, until, court_name),
    )
