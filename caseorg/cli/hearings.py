"""Commands for hearings and their notices: hearing add/edit/list, notice add/returned,
check-notices."""

from __future__ import annotations

import sys
from typing import Any

import click

from caseorg.choices import HEARING_KINDS, MEDIA, NOTICE_METHODS, OUTCOMES
from caseorg.cli.common import (
    State,
    a_number_argument,
    case_id_of,
    choice,
    date_range_options,
    document_option,
    json_option,
    judge_option,
    optional_case_id,
    print_one,
    print_rows,
    stack,
    uses_library,
)
from caseorg.cli.lines import aligned, hearing_cells, hearing_line
from caseorg.values import case_label, parse_date
from caseorg.words import label, us_date, us_datetime


def warn(what: str, text: str | None, as_json: bool) -> None:
    """Say on stderr what is unusual about a record just written (it was still written:
    the command succeeds); the rules are the records modules'. With --json the record
    carries it (``record_warning``, a notice's ``warning``) and stderr stays quiet."""
    if text and not as_json:
        click.echo(f"caseorg: warning: {what}: {text}", err=True)


@click.group()
def hearing() -> None:
    """Hearings: add, edit, list."""


hearing_options = stack(
    click.option(
        "--kind", type=choice(HEARING_KINDS), help="Kind of hearing (one of those listed)."
    ),
    judge_option("The judge, by code or name (default: the case's judge)."),
    click.option("--courtroom", help="Courtroom, e.g. '3' or 'Room 12B'."),
    click.option(
        "--medium", type=choice(MEDIA), help="How the respondent appears (one of those listed)."
    ),
    click.option(
        "--interpreter",
        "interpreter_language",
        help="Language of the interpreter needed, e.g. 'Spanish'.",
    ),
    click.option("--outcome", type=choice(OUTCOMES), help="What happened at the hearing."),
    click.option("--adjournment-reason", help="Why the hearing was adjourned."),
    click.option("--notes", help="Free notes on the hearing."),
)


@hearing.command("add")
@a_number_argument
@click.option(
    "--at",
    "starts_at",
    required=True,
    help="Day and time of the hearing (YYYY-MM-DD HH:MM, 24-hour clock).",
)
@click.option("--proceeding", "proceeding_id", type=int, help="Proceeding id (default: latest).")
@hearing_options
@json_option
@uses_library(writes=True)
def hearing_add(state: State, a_number: str, starts_at: str, as_json: bool, **fields: Any) -> None:
    """Schedule a hearing for the case A_NUMBER."""
    from caseorg.records import add_hearing

    lib = state.lib()
    h = add_hearing(lib, case_id_of(lib, a_number), starts_at, **fields)
    print_one(h, f"added hearing #{h.id}: {hearing_line(h)}", as_json=as_json)
    warn(f"hearing #{h.id}", h.record_warning, as_json)


@hearing.command("edit")
@click.argument("hearing_id", type=int)
@click.option(
    "--at", "starts_at", help="Day and time of the hearing (YYYY-MM-DD HH:MM, 24-hour clock)."
)
@hearing_options
@json_option
@uses_library(writes=True)
def hearing_edit(state: State, hearing_id: int, as_json: bool, **fields: Any) -> None:
    """Change a hearing (e.g. record its outcome)."""
    from caseorg.records import edit_hearing

    h = edit_hearing(state.lib(), hearing_id, **fields)
    print_one(h, f"updated hearing #{h.id}: {hearing_line(h)}", as_json=as_json)
    warn(f"hearing #{h.id}", h.record_warning, as_json)


@hearing.command("list")
@click.argument("a_number", required=False)
@click.option("--date", "day", help="Only hearings on this day (YYYY-MM-DD).")
@judge_option("Only this judge's hearings.")
@json_option
@uses_library(writes=False)
def hearing_list(
    state: State, a_number: str | None, day: str | None, judge_code: str | None, as_json: bool
) -> None:
    """List hearings of a case (A_NUMBER: an A-number or EOIR-310000001), a day, or a
    judge."""
    from caseorg.records import list_hearings

    lib = state.lib()
    case_id = optional_case_id(lib, a_number)
    on = parse_date(day) if day else None
    found = list_hearings(lib, case_id=case_id, on=on, judge_code=judge_code)
    rows = [
        [f"#{h.id}", case_label(h.a_number, h.eoir_case_id), h.respondent or "", *hearing_cells(h)]
        for h in found
    ]
    lines = dict(zip((h.id for h in found), aligned(rows), strict=True))
    print_rows(found, lambda h: lines[h.id], as_json=as_json, empty="no hearings")


@click.group()
def notice() -> None:
    """Notices of hearing: the proof that the respondent was told."""


@notice.command("add")
@click.argument("hearing_id", type=int)
@click.option("--served", "served_on", required=True, help="Date served, YYYY-MM-DD.")
@click.option(
    "--method",
    type=choice(NOTICE_METHODS),
    default="mail",
    show_default=True,
    help="How the notice was served.",
)
@click.option("--address", help="Address the notice was sent to.")
@click.option("--returned", is_flag=True, help="The notice came back undeliverable.")
@click.option("--returned-on", help="When it came back, YYYY-MM-DD (implies --returned).")
@click.option(
    "--to",
    "served_to",
    type=choice(("respondent", "counsel", "custodian")),
    default="respondent",
    show_default=True,
    help="Who was served.",
)
@document_option("The notice PDF's document id.")
@json_option
@uses_library(writes=True)
def notice_add(
    state: State,
    hearing_id: int,
    served_on: str,
    method: str,
    address: str | None,
    returned: bool,
    returned_on: str | None,
    document_id: int | None,
    as_json: bool,
    served_to: str,
) -> None:
    """Record service of a notice for HEARING_ID."""
    from caseorg.records import add_notice

    n = add_notice(
        state.lib(),
        hearing_id,
        served_on,
        method,
        address,
        returned,
        document_id,
        returned_on=returned_on,
        served_to=served_to,
    )
    note = " (returned undeliverable)" if n.returned_undeliverable else ""
    print_one(
        n,
        f"recorded notice #{n.id} for hearing #{hearing_id}, served "
        f"{us_date(n.served_on)} by {label(n.method)}"
        f"{'' if n.served_to == 'respondent' else ' to ' + n.served_to}{note}",
        as_json=as_json,
    )
    warn(f"notice #{n.id}", n.warning, as_json)


@notice.command("returned")
@click.argument("notice_id", type=int)
@click.option("--on", "returned_on", help="When it came back, YYYY-MM-DD.")
@click.option("--undo", is_flag=True, help="It was not returned after all (clears the mark).")
@json_option
@uses_library(writes=True)
def notice_returned(
    state: State, notice_id: int, returned_on: str | None, undo: bool, as_json: bool
) -> None:
    """Mark notice NOTICE_ID returned undeliverable (it then proves nothing)."""
    from caseorg.records import mark_notice_returned

    n = mark_notice_returned(state.lib(), notice_id, not undo, returned_on)
    when = f" on {us_date(n.returned_on)}" if n.returned_on else ""
    text = (
        f"notice #{n.id} is no longer marked returned"
        if undo
        else f"notice #{n.id} marked returned undeliverable{when}"
    )
    print_one(n, text, as_json=as_json)


@click.command("check-notices")
@judge_option("Only hearings held by this judge.")
@date_range_options(
    "Only hearings on or after this day (YYYY-MM-DD).",
    "Only hearings on or before this day (YYYY-MM-DD).",
)
@json_option
@uses_library(writes=False)
def check_notices_cmd(
    state: State, judge_code: str | None, since: str | None, until: str | None, as_json: bool
) -> None:
    """Find in absentia orders without sound proof of notice, and notices served after
    their hearing.

    Flags an order with no notice, only returned notices, or a notice served
    fewer than notice-min-days days before the hearing (see 'caseorg config'),
    and any hearing with a notice served after it (no proof of notice).
    Exits 1 when any is found.
    """
    from caseorg.court import SERVED_AFTER, check_notices
    from caseorg.library import NOTICE_MIN_DAYS, get_setting

    lib = state.lib()
    flags = check_notices(lib, judge_code=judge_code, since=since, until=until, served_after=True)
    print_rows(
        flags,
        lambda f: (
            f"hearing #{f.hearing_id} {us_datetime(f.starts_at)}  "
            f"{f.a_number_display} {f.respondent} "
            f"({f'IJ {f.judge_code}' if f.judge_code else 'no judge'}): {f.reason}"
            + "".join(
                f"\n    see: {g['text']} ({g['rule']})"
                for g in f.findings
                if g["status"] == "flag" and g["text"] not in f.reason
            )
        ),
        as_json=as_json,
    )
    if not as_json:
        minimum = get_setting(lib, NOTICE_MIN_DAYS)
        orders = sum(1 for f in flags if f.issue != SERVED_AFTER)
        if orders:
            click.echo(
                f"{orders} in absentia order(s) without sound proof of notice "
                f"(minimum notice {minimum} days)"
            )
        else:
            click.echo(
                f"every in absentia order has sound proof of notice (minimum {minimum} days)"
            )
        if len(flags) > orders:
            click.echo(f"{len(flags) - orders} hearing(s) with a notice served after it")
    if flags:
        sys.exit(1)


COMMANDS = (hearing, notice, check_notices_cmd)
