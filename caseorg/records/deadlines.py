"""Deadlines: briefs due, filings, decisions — open until marked done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records.audited import get_row, insert_audited, update_audited
from caseorg.records.models import DEADLINE_KINDS, Deadline
from caseorg.values import optional_text, parse_choice, parse_date


def add_deadline(
    lib: Library,
    case_id: int,
    kind: str,
    due_on: str,
    note: str | None = None,
    document_id: int | None = None,
) -> Deadline:
    """Open a deadline; ``document_id`` is a document of the case it is about (optional)."""
    get_row(lib.db, "cases", case_id, "case")
    values: dict[str, Any] = {
        "case_id": case_id,
        "kind": parse_choice(kind, DEADLINE_KINDS, "deadline kind"),
        "due_on": parse_date(due_on, "due date").isoformat(),
        "note": optional_text(note),
    }
    if document_id is not None:
        document = get_row(lib.db, "documents", document_id, "document")
        if document["case_id"] != case_id:
            raise InvalidValue("that document belongs to another case")
        values["document_id"] = document_id
    deadline_id = insert_audited(lib, "deadlines", "deadline", values)
    return Deadline(**get_row(lib.db, "deadlines", deadline_id, "deadline"))


def mark_done(
    lib: Library, deadline_id: int, done_on: str | None = None, document_id: int | None = None
) -> Deadline:
    """Close a deadline, optionally with the document that satisfied it."""
    if document_id is not None:
        document = get_row(lib.db, "documents", document_id, "document")
        deadline = get_row(lib.db, "deadlines", deadline_id, "deadline")
        if document["case_id"] != deadline["case_id"]:
            raise InvalidValue("that document belongs to another case")
    day = parse_date(done_on, "done date") if done_on else dt.date.today()
    row = update_audited(
        lib,
        "deadlines",
        "deadline",
        deadline_id,
        {"done_on": day.isoformat(), "document_id": document_id},
        "deadline",
    )
    return Deadline(**row)


def get_deadline(lib: Library, deadline_id: int) -> Deadline:
    """The deadline with ``deadline_id``, or NotFound."""
    return Deadline(**get_row(lib.db, "deadlines", deadline_id, "deadline"))


def list_deadlines(
    lib: Library, case_id: int | None = None, open_only: bool = False
) -> list[Deadline]:
    where: list[str] = []
    params: list[Any] = []
    if case_id is not None:
        where.append("case_id = ?")
        params.append(case_id)
    if open_only:
        where.append("done_on IS NULL")
    sql = "SELECT * FROM deadlines" + (" WHERE " + " AND ".join(where) if where else "")
    return [Deadline(**row) for row in lib.db.query(sql + " ORDER BY due_on, id", params)]
