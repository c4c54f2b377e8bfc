"""Notices of hearing, and whether notice was proven before an in absentia order.

A hearing that ended in an in absentia order is only sound if the respondent was told
of it: :func:`notice_problem` says in words when that proof is missing. The library's
rule (``notice-min-days``) is a setting; :mod:`caseorg.court.notice_checks` lists the
failures across the library.

A notice served after the day of its hearing is recorded (it happens, and it may be why
an order is reopened) but flagged: :func:`served_after` words the flag a notice read
back carries (``Notice.warning``), and it is never proof of notice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import NOTICE_MIN_DAYS, Library
from caseorg.records.audited import get_row, insert_audited, update_audited
from caseorg.records.life_models import SERVED_TO
from caseorg.records.models import NOTICE_METHODS, Hearing, Notice
from caseorg.values import optional_text, parse_choice, parse_date
from caseorg.words import counted, us_date

MIN_NOTICE_DAYS = NOTICE_MIN_DAYS.default  # the default; the library may set its own


def add_notice(
    lib: Library,
    hearing_id: int,
    served_on: str,
    method: str = "mail",
    address: str | None = None,
    returned_undeliverable: bool = False,
    document_id: int | None = None,
    returned_on: str | None = None,
    served_to: str = "respondent",
) -> Notice:
    """Record that notice of a hearing was served (the proof an in absentia order needs).

    :param document_id: the notice PDF in the same case, if it was imported.
    :param returned_on: when the post office sent it back (implies returned).
    :param served_to: who was served: the respondent, counsel of record, or a custodian.
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
        "served_to": parse_choice(served_to, SERVED_TO, "who was served"),
    }
    if returned_day is not None:
        values["returned_on"] = returned_day.isoformat()
    notice_id = insert_audited(lib, "notices", "notice", values)
    return _flagged(Notice(**get_row(lib.db, "notices", notice_id, "notice")), hearing["starts_at"])


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
    hearing = get_row(lib.db, "hearings", row["hearing_id"], "hearing")
    return _flagged(Notice(**row), hearing["starts_at"])


def notices_for(lib: Library, hearing_id: int) -> list[Notice]:
    """The notices served for a hearing, oldest first, each with its flag (``warning``)."""
    rows = lib.db.query(
        """SELECT n.*, h.starts_at AS hearing_starts_at
           FROM notices n JOIN hearings h ON h.id = n.hearing_id
           WHERE n.hearing_id = ? ORDER BY n.served_on, n.id""",
        [hearing_id],
    )
    notices = []
    for row in rows:
        starts_at = row.pop("hearing_starts_at")
        notices.append(_flagged(Notice(**row), starts_at))
    return notices


def _flagged(notice: Notice, hearing_starts_at: str) -> Notice:
    notice.warning = served_after(notice.served_on, hearing_starts_at)
    return notice


def served_after(served_on: str, hearing_starts_at: str) -> str | None:
    """The flag of a notice served after the day of its hearing, else None."""
    if served_on[:10] <= hearing_starts_at[:10]:
        return None
    return f"notice served {us_date(served_on)}, after the hearing: it is no proof of notice"


def late_notice(
    served: dt.date, hearing_day: dt.date, min_days: int = MIN_NOTICE_DAYS
) -> str | None:
    """Why a notice served on ``served`` is too late for a hearing on ``hearing_day``
    (the notice form's warning), or None when it is in time."""
    days = (hearing_day - served).days
    if days <= 0:
        when = "on the day of" if days == 0 else "after"
        return f"served {when} the hearing: it cannot prove notice of it"
    if days < min_days:
        return (
            f"served only {counted(days, 'day')} before the hearing (at least {min_days} required)"
        )
    return None


def notice_problem(
    hearing: Hearing, notices: list[Notice], min_days: int = MIN_NOTICE_DAYS
) -> str | None:
    """Why an in absentia order lacks proof of notice, in words; None when it is sound.

    Sound means: at least one notice that did not come back, served at least
    ``min_days`` days before the hearing day (configurable: ``notice-min-days``).
    A notice served on or after the hearing day proves nothing, whatever else it says.
    """
    if hearing.outcome != "in_absentia_order":
        return None
    hearing_day = dt.date.fromisoformat(hearing.starts_at[:10])
    if not notices:
        return "in absentia order with no notice of hearing on record"
    unreturned = [n for n in notices if not n.returned_undeliverable]
    if not unreturned:
        last = max(notices, key=lambda n: (n.served_on, n.id))
        when = f" on {us_date(last.returned_on)}" if last.returned_on else ""
        return (
            f"in absentia order, but the notice served {us_date(last.served_on)} "
            f"was returned undeliverable{when}"
        )
    before = [n for n in unreturned if dt.date.fromisoformat(n.served_on) < hearing_day]
    if not before:
        first = min(unreturned, key=lambda n: n.served_on)
        why = (
            ": a notice served after its hearing is no proof of notice"
            if dt.date.fromisoformat(first.served_on) > hearing_day
            else ""
        )
        return (
            f"in absentia order, but notice was served only on {us_date(first.served_on)}, "
            f"not before the hearing{why}"
        )
    best = min(before, key=lambda n: n.served_on)
    days = (hearing_day - dt.date.fromisoformat(best.served_on)).days
    if days < min_days:
        return (
            f"in absentia order, but notice served {us_date(best.served_on)}, "
            f"only {counted(days, 'day')} before the hearing (at least {min_days} required)"
        )
    return None
