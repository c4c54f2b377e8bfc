"""A sample court for trying caseorg: judges, cases, hearings, notices, documents.

:func:`create_demo` fills an *empty* library with an invented immigration court
(every person, address and event in it is made up). The court, its cases and
the wording of their documents are data (:mod:`caseorg.demo.data` reads them);
this module turns them into records through the record modules, as a clerk's
edits would. Dates are relative to today, so the docket always has hearings in
the coming weeks; everything else comes from the fixed data and a fixed random
seed, so the demo is the same each time. The documents are real PDFs imported
through the normal pipeline (:mod:`caseorg.demo.documents`).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from caseorg.demo.courtdays import days_from, is_court_day as is_court_day  # public API
from caseorg.demo.data import Case, DemoData, Move, load_demo
from caseorg.demo.documents import add_documents
from caseorg.demo.drafting import CaseDrafter
from caseorg.demo.life import add_case_lives
from caseorg.demo.philadelphia import add_philadelphia
from caseorg.demo.schedule import PlannedHearing, move_day, plan_hearings
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.progress import Progress, ProgressCallback
from caseorg.records import (
    add_case,
    add_deadline,
    add_hearing,
    add_judge,
    add_note,
    add_notice,
    add_tag,
    case_by_a_number,
    edit_case,
    find_judge,
    link_document,
    mark_done,
    reassign,
    save_search,
)
from caseorg.values import format_a_number

SEED = 20240611
RETURNED_AFTER = 12  # days until a returned notice is back at the court (at most the hearing)


def _count(lib: Library, table: str) -> int:
    return int(next(iter(lib.db.query(f"SELECT COUNT(*) AS n FROM {table}")))["n"])


def create_demo(
    lib: Library,
    progress: ProgressCallback | None = None,
    *,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Fill an empty library with the sample court and return counts of what was added.

    :param lib: an open, writable library with no cases yet.
    :param progress: called with a short line of text as each step starts.
    :param today: the day the dates are relative to (default: today).
    :raises CaseorgError: the library already has cases.
    """
    lib.require_writable()
    if _count(lib, "cases"):
        raise CaseorgError(
            "this library already has cases; the demo fills only an empty library "
            "(choose a new library folder for it)"
        )
    say = (lambda text: progress(Progress(text))) if progress else (lambda _text: None)
    today = today or dt.date.today()
    rng = random.Random(SEED)
    data = load_demo()
    court = data.court

    say(f"adding {len(court.judges)} judges of {court.name}")
    for judge in court.judges:
        if find_judge(lib, judge.code) is None:
            add_judge(lib, judge.code, judge.name, court=court.name)

    with tempfile.TemporaryDirectory(prefix="caseorg-demo-") as tmp:
        for number, spec in enumerate(data.cases, start=1):
            a_number = format_a_number(spec.a_number)
            say(f"case {number} of {len(data.cases)}: {a_number} {spec.respondent}")
            _add_case(lib, data, spec, today, rng, Path(tmp) / f"case{number:02d}")

    say("proceedings, addresses, counsel, NTA service")
    add_case_lives(lib, data, today)
    say("the Philadelphia court: a reassignment order after a notice continuance")
    add_philadelphia(lib, today)
    say("tags, notes and saved searches")
    _add_workflow(lib, data)
    say("demo ready")
    tables = ("judges", "cases", "proceedings", "hearings", "notices", "reassignments", "deadlines")
    return {table: _count(lib, table) for table in (*tables, "documents", "pages")}


def _add_workflow(lib: Library, data: DemoData) -> None:
    """A few tags, notes and saved searches, so the sidebar and filters have something."""
    workflow = data.workflow
    for a_number, tag_names in workflow.tags.items():
        case = case_by_a_number(lib, a_number)
        for name in tag_names:
            add_tag(lib, "case", case.id, name)
    for a_number, text in workflow.notes.items():
        add_note(lib, "case", case_by_a_number(lib, a_number).id, text)
    for search in workflow.saved_searches:
        save_search(lib, search.name, search.query, dict(search.filters))


def _add_case(
    lib: Library, data: DemoData, spec: Case, today: dt.date, rng: random.Random, folder: Path
) -> None:
    """One case with its documents, hearings, notices, reassignments and deadlines."""
    planned = plan_hearings(spec, today)
    drafter = CaseDrafter(data, spec, planned, today, rng)
    case = add_case(
        lib,
        spec.a_number,
        spec.respondent,
        judge_code=spec.judge,
        nationality=spec.nationality,
        language=spec.language,
        custody=spec.custody,
        case_type=spec.case_type,
        court=data.court.name,
        attorney=spec.attorney,
        dhs_counsel=spec.dhs_counsel,
        opened_on=drafter.opened.isoformat(),
    )
    drafts = [drafter.draft(doc) for doc in spec.documents]
    doc_ids = add_documents(lib, case.id, drafts, data.kinds, folder)

    # hearings and reassignments, in the order they happened (a hearing's judge is the
    # case's judge at the time)
    events: list[tuple[dt.date, int, PlannedHearing | Move]] = [(p.day, 1, p) for p in planned]
    events += [(move_day(move, today), 0, move) for move in spec.moves]
    events.sort(key=lambda event: (event[0], event[1]))
    for day, _order, event in events:
        if isinstance(event, Move):
            reassign(
                lib,
                case.id,
                event.to,
                event.reason,
                effective_on=day.isoformat(),
                ordered_by=event.ordered_by or data.court.acij,
                midstream=event.midstream,
            )
        else:
            _add_hearing(lib, data, spec, case.id, event, doc_ids)

    for item in spec.deadlines:
        deadline = add_deadline(
            lib, case.id, item.kind, days_from(today, item.due).isoformat(), note=item.note
        )
        if item.done is not None:
            mark_done(
                lib,
                deadline.id,
                days_from(today, item.done).isoformat(),
                document_id=doc_ids.get(item.document) if item.document else None,
            )

    changes: dict[str, str] = {}
    if spec.status != "pending":
        changes["status"] = spec.status
    if spec.outcome:
        changes["outcome"] = spec.outcome
    if spec.completed is not None:
        changes["completed_on"] = days_from(today, spec.completed).isoformat()
    if spec.final_custody:
        changes["custody"] = spec.final_custody
    if changes:
        edit_case(lib, case.id, **changes)


def _add_hearing(
    lib: Library,
    data: DemoData,
    spec: Case,
    case_id: int,
    planned: PlannedHearing,
    doc_ids: dict[str, int],
) -> None:
    """A hearing with its notice (if one was served) and its exhibits."""
    h = planned.spec
    interpreter = None if spec.language == "English" else spec.language
    hearing = add_hearing(
        lib,
        case_id,
        f"{planned.day.isoformat()} {h.time}",
        kind=h.kind,
        courtroom=data.court.judge(planned.judge).courtroom,
        medium=h.medium,
        interpreter_language=interpreter,
        outcome=h.outcome,
        adjournment_reason=h.reason,
        notes=h.notes,
    )
    if planned.served is not None and h.notice is not None:
        notice_doc = next(
            (
                doc_ids.get(doc.key)
                for doc in spec.documents
                if doc.key == "notice" and doc.hearing == planned.index
            ),
            None,
        )
        if h.notice == "electronic" and spec.attorney:
            method, address = "electronic", f"counsel of record: {spec.attorney}"
        elif h.notice == "personal":
            method, address = "personal", spec.address
        else:
            method, address = "mail", spec.address
        returned = h.notice == "returned"
        back = min(planned.served + dt.timedelta(days=RETURNED_AFTER), planned.day)
        add_notice(
            lib,
            hearing.id,
            planned.served.isoformat(),
            method=method,
            address=address,
            returned_undeliverable=returned,
            document_id=notice_doc,
            returned_on=back.isoformat() if returned else None,
        )
    for key, label in h.exhibits.items():
        link_document(lib, hearing.id, doc_ids[key], exhibit=label)
