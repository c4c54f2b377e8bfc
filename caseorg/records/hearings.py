"""Hearings, notices of hearing, and exhibits linked to a hearing.

A hearing that ended in an in absentia order is only sound if the respondent
was told of it: :func:`notice_problem` says in words when that proof is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library.folder import Library
from caseorg.library.settings import NOTICE_MIN_DAYS, get_setting
from caseorg.records.audited import audit, get_row, insert_audited, update_audited
from caseorg.records.judges import judge_by_code
from caseorg.records.models import HEARING_KINDS, MEDIA, NOTICE_METHODS, OUTCOMES, Hearing, Notice
from caseorg.values import optional_text, parse_choice, parse_date, parse_datetime
from caseorg.words import counted

MIN_NOTICE_DAYS = NOTICE_MIN_DAYS.default  # the default; the library may set its own

_HEARING_SELECT = """
    SELECT h.*, j.code AS judge_code, j.name AS judge_name,
           c.a_number AS a_number, c.respondent AS respondent
    FROM hearings h
    JOIN cases c ON c.id = h.case_id
    LEFT JOIN judges j ON j.id = h.judge_id
"""


_TEXT = ("courtroom", "interpreter_language", "adjournment_reason", "notes")


def _clean(lib: Library, fields: dict[str, Any], row: bool = False) -> dict[str, Any]:
    """Validate hearing fields (None means 'not given'); ``row``: another system's row,
    where None means 'empty' and the judge comes as ``judge_id``."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if row and key in ("judge_id", *_TEXT):
            out[key] = value if key == "judge_id" else optional_text(value)
        elif value is None:
            continue
        elif key == "starts_at":
            out[key] = parse_datetime(value, "hearing date and time").isoformat(sep=" ")[:16]
        elif key == "kind":
            out[key] = parse_choice(value, HEARING_KINDS, "hearing kind")
        elif key == "medium":
            out[key] = parse_choice(value, MEDIA, "hearing medium")
        elif key == "outcome":
            out[key] = parse_choice(value, OUTCOMES, "hearing outcome")
        elif key == "judge_code":
            out["judge_id"] = judge_by_code(lib, value).id
        elif key in _TEXT:
            out[key] = optional_text(value)
        else:
            raise InvalidValue(f"unknown hearing field {key!r}")
    return out


def add_hearing(lib: Library, case_id: int, starts_at: str, **fields: Any) -> Hearing:
    """Schedule a hearing; the judge defaults to the case's current judge."""
    case = get_row(lib.db, "cases", case_id, "case")
    values = _clean(lib, {"starts_at": starts_at, **fields})
    values.setdefault("judge_id", case["judge_id"])
    hearing_id = insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})
    return get_hearing(lib, hearing_id)


def add_hearing_row(lib: Library, case_id: int, fields: dict[str, Any]) -> int:
    """Add a hearing from another system's row (EOIR's schedule): None is empty and the
    judge is ``judge_id`` as given (no default to the case's judge); returns the id."""
    values = _clean(lib, fields, row=True)
    return insert_audited(lib, "hearings", "hearing", {"case_id": case_id, **values})


def update_hearing_row(lib: Library, hearing_id: int, fields: dict[str, Any]) -> None:
    """Apply the fields another system's row changed (None clears a field)."""
    update_audited(lib, "hearings", "hearing", hearing_id, _clean(lib, fields, row=True), "hearing")


def edit_hearing(lib: Library, hearing_id: int, **fields: Any) -> Hearing:
    changes = _clean(lib, fields)
    if changes:
        update_audited(lib, "hearings", "hearing", hearing_id, changes, "hearing")
    return get_hearing(lib, hearing_id)


def get_hearing(lib: Library, hearing_id: int) -> Hearing:
    rows = list(lib.db.query(_HEARING_SELECT + " WHERE h.id = ?", [hearing_id]))
    if not rows:
        raise NotFound(f"hearing {hearing_id} not found")
    return _with_warning(lib, Hearing(**rows[0]))


def list_hearings(
    lib: Library,
    case_id: int | None = None,
    on: dt.date | None = None,
    until: dt.date | None = None,
    judge_code: str | None = None,
) -> list[Hearing]:
    """Hearings by start time; ``on``/``until`` bound the day range (inclusive)."""
    where: list[str] = []
    params: list[Any] = []
    if case_id is not None:
        where.append("h.case_id = ?")
        params.append(case_id)
    if on is not None:
        where.append("h.starts_at >= ?")
        params.append(on.isoformat())
        end = (until or on) + dt.timedelta(days=1)
        where.append("h.starts_at < ?")
        params.append(end.isoformat())
    if judge_code:
        where.append("j.code = ?")
        params.append(judge_code)
    sql = _HEARING_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY h.starts_at, j.name, h.courtroom"
    min_days = get_setting(lib, NOTICE_MIN_DAYS)
    return [_with_warning(lib, Hearing(**row), min_days) for row in lib.db.query(sql, params)]


# -- notices ---------------------------------------------------------------------


def add_notice(
    lib: Library,
    hearing_id: int,
    served_on: str,
    method: str = "mail",
    address: str | None = None,
    returned_undeliverable: bool = False,
    document_id: int | None = None,
    returned_on: str | None = None,
) -> Notice:
    """Record that notice of a hearing was served (the proof an in absentia order needs).

    :param document_id: the notice PDF in the same case, if it was imported.
    :param returned_on: when the post office sent it back (implies returned).
    """
    hearing = get_row(lib.db, "hearings", hearing_id, "hearing")
    if document_id is not None:
        document = get_row(lib.db, "documents", document_id, "document")
        if document["case_id"] != hearing["case_id"]:
            raise InvalidValue("that notice document belongs to another case")
    served = parse_date(served_on, "served date")
    returned_day = parse_date(returned_on, "returned date") if returned_on else None
    if returned_day is not None and returned_day < served:
        raise InvalidValue("a notice cannot come back before it was served")
    values = {
        "hearing_id": hearing_id,
        "served_on": served.isoformat(),
        "method": parse_choice(method, NOTICE_METHODS, "service method"),
        "address": optional_text(address),
        "returned_undeliverable": 1 if returned_undeliverable or returned_day else 0,
        "document_id": document_id,
    }
    if returned_day is not None:
        values["returned_on"] = returned_day.isoformat()
    notice_id = insert_audited(lib, "notices", "notice", values)
    return Notice(**get_row(lib.db, "notices", notice_id, "notice"))


def add_notice_row(lib: Library, hearing_id: int, fields: dict[str, Any]) -> int:
    """Add a notice from another system's row (served_on, method, returned_undeliverable
    only: EOIR names no address or document); returns the id."""
    values = {"hearing_id": hearing_id, **_notice_row(fields)}
    return insert_audited(lib, "notices", "notice", values)


def update_notice_row(lib: Library, notice_id: int, fields: dict[str, Any]) -> None:
    """Apply the fields another system's row changed."""
    update_audited(lib, "notices", "notice", notice_id, _notice_row(fields), "notice")


def _notice_row(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "served_on":
            out[key] = parse_date(value, "served date").isoformat()
        elif key == "method":
            out[key] = parse_choice(value, NOTICE_METHODS, "service method")
        elif key == "returned_undeliverable":
            out[key] = 1 if value else 0
        else:
            raise InvalidValue(f"unknown notice field {key!r}")
    return out


def mark_notice_returned(
    lib: Library, notice_id: int, returned: bool = True, returned_on: str | None = None
) -> Notice:
    """The post office sent the notice back: it no longer proves service.

    ``returned_on`` (when it came back) is kept for the warning's wording;
    ``returned=False`` undoes a mistaken mark and clears the date.
    """
    changes: dict[str, Any] = {"returned_undeliverable": int(returned)}
    if returned and returned_on:
        notice = get_row(lib.db, "notices", notice_id, "notice")
        day = parse_date(returned_on, "returned date")
        if day.isoformat() < notice["served_on"]:
            raise InvalidValue("a notice cannot come back before it was served")
        changes["returned_on"] = day.isoformat()
    elif not returned:
        changes["returned_on"] = None
    row = update_audited(lib, "notices", "notice", notice_id, changes, "notice")
    return Notice(**row)


def notices_for(lib: Library, hearing_id: int) -> list[Notice]:
    return [
        Notice(**row)
        for row in lib.db.query(
            "SELECT * FROM notices WHERE hearing_id = ? ORDER BY served_on, id", [hearing_id]
        )
    ]


def notice_problem(
    hearing: Hearing, notices: list[Notice], min_days: int = MIN_NOTICE_DAYS
) -> str | None:
    """Why an in absentia order lacks proof of notice, in words; None when it is sound.

    Sound means: at least one notice that did not come back, served at least
    ``min_days`` days before the hearing day (configurable: ``notice-min-days``).
    """
    if hearing.outcome != "in_absentia_order":
        return None
    hearing_day = dt.date.fromisoformat(hearing.starts_at[:10])
    if not notices:
        return "in absentia order with no notice of hearing on record"
    unreturned = [n for n in notices if not n.returned_undeliverable]
    if not unreturned:
        last = max(notices, key=lambda n: (n.served_on, n.id))
        when = f" on {last.returned_on}" if last.returned_on else ""
        return (
            f"in absentia order, but the notice served {last.served_on} "
            f"was returned undeliverable{when}"
        )
    before = [n for n in unreturned if dt.date.fromisoformat(n.served_on) < hearing_day]
    if not before:
        first = min(unreturned, key=lambda n: n.served_on)
        return (
            f"in absentia order, but notice was served only on {first.served_on}, "
            "not before the hearing"
        )
    best = min(before, key=lambda n: n.served_on)
    days = (hearing_day - dt.date.fromisoformat(best.served_on)).days
    if days < min_days:
        return (
            f"in absentia order, but notice served {best.served_on}, only {counted(days, 'day')} "
            f"before the hearing (at least {min_days} required)"
        )
    return None


def _with_warning(lib: Library, hearing: Hearing, min_days: int | None = None) -> Hearing:
    if hearing.outcome == "in_absentia_order":
        if min_days is None:
            min_days = get_setting(lib, NOTICE_MIN_DAYS)
        hearing.notice_warning = notice_problem(hearing, notices_for(lib, hearing.id), min_days)
    return hearing


# -- exhibits ----------------------------------------------------------------------


def link_document(
    lib: Library, hearing_id: int, document_id: int, exhibit: str | None = None
) -> None:
    """Attach a document to a hearing as an exhibit (e.g. 'Exh. 3')."""
    hearing = get_row(lib.db, "hearings", hearing_id, "hearing")
    document = get_row(lib.db, "documents", document_id, "document")
    if hearing["case_id"] != document["case_id"]:
        raise InvalidValue("that document belongs to another case")
    exists = list(
        lib.db.query(
            "SELECT 1 FROM hearing_documents WHERE hearing_id = ? AND document_id = ?",
            [hearing_id, document_id],
        )
    )
    if exists:
        raise InvalidValue("that document is already linked to this hearing")
    lib.require_writable()

    with lib.db.atomic():
        lib.db.execute(
            "INSERT INTO hearing_documents (hearing_id, document_id, exhibit) VALUES (?, ?, ?)",
            [hearing_id, document_id, optional_text(exhibit)],
        )
        audit.record(
            lib.db,
            lib.actor,
            "link_exhibit",
            "hearing",
            hearing_id,
            None,
            {"document_id": document_id, "exhibit": optional_text(exhibit)},
        )


def set_exhibits(lib: Library, hearing_id: int, exhibits: dict[int, str | None]) -> None:
    """Make the hearing's exhibits exactly ``exhibits`` ({document_id: label}).

    The edit dialog's checklist in one transaction: new documents are linked,
    unchecked ones unlinked, changed labels relabelled — one audit row each.
    """
    lib.require_writable()
    wanted = {int(doc_id): optional_text(label) for doc_id, label in exhibits.items()}
    with lib.db.atomic():
        current = {
            row["document_id"]: row["exhibit"]
            for row in lib.db.query(
                "SELECT document_id, exhibit FROM hearing_documents WHERE hearing_id = ?",
                [hearing_id],
            )
        }
        for doc_id in sorted(set(current) - set(wanted)):
            lib.db.execute(
                "DELETE FROM hearing_documents WHERE hearing_id = ? AND document_id = ?",
                [hearing_id, doc_id],
            )
            audit.record(
                lib.db,
                lib.actor,
                "unlink_exhibit",
                "hearing",
                hearing_id,
                {"document_id": doc_id, "exhibit": current[doc_id]},
                None,
            )
        for doc_id, label in sorted(wanted.items()):
            if doc_id not in current:
                link_document(lib, hearing_id, doc_id, label)
            elif current[doc_id] != label:
                lib.db.execute(
                    "UPDATE hearing_documents SET exhibit = ? "
                    "WHERE hearing_id = ? AND document_id = ?",
                    [label, hearing_id, doc_id],
                )
                audit.record(
                    lib.db,
                    lib.actor,
                    "relabel_exhibit",
                    "hearing",
                    hearing_id,
                    {"document_id": doc_id, "exhibit": current[doc_id]},
                    {"document_id": doc_id, "exhibit": label},
                )


def save_hearing(
    lib: Library,
    case_id: int,
    hearing_id: int | None,
    starts_at: str,
    exhibits: dict[int, str | None],
    **fields: Any,
) -> Hearing:
    """Schedule a hearing of ``case_id`` (``hearing_id`` None) or change one, with its
    exhibits: the hearing form's save, all of it or none of it."""
    with lib.db.atomic():
        if hearing_id is None:
            target = add_hearing(lib, case_id, starts_at, **fields).id
        else:
            target = edit_hearing(lib, hearing_id, starts_at=starts_at, **fields).id
        if exhibits or hearing_id is not None:
            set_exhibits(lib, target, exhibits)  # writes only what changed
    return get_hearing(lib, target)


def exhibits_for(lib: Library, hearing_id: int) -> list[dict[str, Any]]:
    return list(
        lib.db.query(
            """SELECT d.*, hd.exhibit FROM hearing_documents hd
               JOIN documents d ON d.id = hd.document_id
               WHERE hd.hearing_id = ? ORDER BY hd.exhibit, d.filed_on""",
            [hearing_id],
        )
    )
