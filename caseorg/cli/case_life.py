"""Commands for a case's life beyond its hearings: proceeding, address, counsel, nta,
custody, respondent (filings — relief, motions, appeals, exhibits — are in
:mod:`caseorg.cli.filings`). Each group has ``add`` and ``list``; every command takes
``--json``; bad input is one line, exit 2, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from caseorg.choices import CASE_TYPES, CUSTODY
from caseorg.cli.common import (
    State,
    UserError,
    a_number_argument,
    case_id_of,
    document_option,
    json_option,
    judge_option,
    print_one,
    print_rows,
    stack,
    uses_library,
)
from caseorg.records import ADDRESS_SOURCES, CUSTODY_STATUSES, NTA_METHODS
from caseorg.words import field_label, label, us_date


class Code(click.Choice):
    """A stored code as an argument or option: any case accepted; an unknown one is one
    line (exit 2), as every bad value is, not click's usage block."""

    def __init__(self, values: tuple[str, ...]) -> None:
        super().__init__(values, case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            what = field_label(param.name) if param and param.name else "value"
            raise UserError(
                f"invalid {what} {value!r}: choose one of {', '.join(self.choices)}", 2
            ) from None


def list_command(group: click.Group, lister: str, line: Callable[[Any], str], empty: str) -> None:
    """``GROUP list A_NUMBER [--json]``: the case's rows from ``caseorg.records.<lister>``."""

    @group.command("list", help=f"List the {empty.removeprefix('no ')} of the case A_NUMBER.")
    @a_number_argument
    @json_option
    @uses_library(writes=False)
    def run(state: State, a_number: str, as_json: bool) -> None:
        import caseorg.records as records

        lib = state.lib()
        rows = getattr(records, lister)(lib, case_id_of(lib, a_number))
        print_rows(rows, line, as_json=as_json, empty=empty)


def proceeding_line(p: Any) -> str:
    done = f", completed {us_date(p.completed_on)}" if p.completed_on else ""
    decided = f" [{label(p.decision)}]" if p.decision else ""
    absentia = " in absentia" if p.absentia else ""
    charges = f"  charges {p.charges}" if p.charges else ""
    return (
        f"#{p.id} {label(p.case_type)} opened {us_date(p.opened_on) or '?'}{done}  "
        f"{p.court or 'no court'}  {p.judge_name or 'no judge'}  {label(p.custody)}"
        f"{decided}{absentia}{charges}"
    )


@click.group()
def proceeding() -> None:
    """Proceedings of a case: add, edit, list."""


proceeding_options = stack(
    click.option("--court", help="Court (default: the case's)."),
    judge_option("Judge code (default: the case's judge)."),
    click.option(
        "--type",
        "case_type",
        type=Code(CASE_TYPES),
        help="Kind of proceedings (one of those listed).",
    ),
    click.option("--custody", type=Code(CUSTODY), help="Whether the respondent was detained."),
    click.option("--opened", "opened_on", help="Opened, YYYY-MM-DD."),
    click.option("--charges", help="INA sections charged, e.g. '212(a)(6)(A)(i)'."),
    click.option(
        "--decision", help="The decision, e.g. removal_ordered, relief_granted or terminated."
    ),
    click.option("--completed", "completed_on", help="Completion date, YYYY-MM-DD."),
    click.option("--absentia/--no-absentia", default=None, help="Decided in absentia."),
    click.option(
        "--ten-day-waiver",
        "ten_day_waiver_on",
        help="Day of the written 10-day waiver (YYYY-MM-DD).",
    ),
)


@proceeding.command("add")
@a_number_argument
@proceeding_options
@json_option
@uses_library(writes=True)
def proceeding_add(state: State, a_number: str, as_json: bool, **fields: Any) -> None:
    """Open a proceeding for the case A_NUMBER."""
    from caseorg.records import add_proceeding

    lib = state.lib()
    p = add_proceeding(lib, case_id_of(lib, a_number), **fields)
    print_one(p, f"added proceeding {proceeding_line(p)}", as_json=as_json)


@proceeding.command("edit")
@click.argument("proceeding_id", type=int)
@proceeding_options
@json_option
@uses_library(writes=True)
def proceeding_edit(state: State, proceeding_id: int, as_json: bool, **fields: Any) -> None:
    """Change proceeding PROCEEDING_ID (its decision, completion, waiver, ...)."""
    from caseorg.records import edit_proceeding

    p = edit_proceeding(state.lib(), proceeding_id, **fields)
    print_one(p, f"updated proceeding {proceeding_line(p)}", as_json=as_json)


list_command(proceeding, "list_proceedings", proceeding_line, "no proceedings")


def address_line(a: Any) -> str:
    source = {"nta": "NTA", "eoir33": "EOIR-33", "other": "other", "none_provided": ""}
    text = a.address if a.address is not None else "(no address provided)"
    doc = f"  document #{a.document_id}" if a.document_id else ""
    return f"#{a.id} received {us_date(a.received_on)}  {source[a.source]:7} {text}{doc}"


@click.group()
def address() -> None:
    """The respondent's address history (NTA, EOIR-33 changes of address)."""


@address.command("add")
@a_number_argument
@click.argument("text", metavar="ADDRESS")
@click.option("--received", "received_on", required=True, help="Received, YYYY-MM-DD.")
@click.option(
    "--source",
    type=Code(ADDRESS_SOURCES),
    default="eoir33",
    show_default=True,
    help="Where the address comes from: eoir33 (change of address) or nta (the NTA).",
)
@document_option("The EOIR-33 (or NTA) document id.")
@json_option
@uses_library(writes=True)
def address_add(
    state: State,
    a_number: str,
    text: str,
    received_on: str,
    source: str,
    document_id: int | None,
    as_json: bool,
) -> None:
    """Record an address of the case A_NUMBER, received on a day."""
    from caseorg.records import add_address

    lib = state.lib()
    a = add_address(lib, case_id_of(lib, a_number), text, received_on, source, document_id)
    print_one(a, f"added address {address_line(a)}", as_json=as_json)


@address.command("none")
@a_number_argument
@click.option("--received", "received_on", required=True, help="As of, YYYY-MM-DD.")
@document_option("The document that shows it (e.g. the NTA).")
@json_option
@uses_library(writes=True)
def address_none(
    state: State, a_number: str, received_on: str, document_id: int | None, as_json: bool
) -> None:
    """Record that the respondent provided no address (INA 240(b)(5)(B))."""
    from caseorg.records import add_address

    lib = state.lib()
    a = add_address(lib, case_id_of(lib, a_number), None, received_on, document_id=document_id)
    print_one(a, f"recorded {address_line(a)}", as_json=as_json)


list_command(address, "list_addresses", address_line, "no addresses")


def counsel_line(c: Any) -> str:
    eoir = f" (EOIR ID {c.eoir_id})" if c.eoir_id else ""
    until = f" to {us_date(c.to_on)}" if c.to_on else " (of record)"
    return f"#{c.id} {c.counsel}{eoir}  from {us_date(c.from_on)}{until}"


@click.group()
def counsel() -> None:
    """Counsel of record (EOIR-28 appearances and withdrawals)."""


@counsel.command("add")
@a_number_argument
@click.argument("name")
@click.option("--from", "from_on", required=True, help="Appearance (EOIR-28), YYYY-MM-DD.")
@click.option("--eoir-id", help="Counsel's EOIR ID.")
@click.option("--to", "to_on", help="Withdrawal, YYYY-MM-DD.")
@document_option("The EOIR-28 document id.")
@json_option
@uses_library(writes=True)
def counsel_add(state: State, a_number: str, name: str, as_json: bool, **fields: Any) -> None:
    """Record counsel NAME's appearance for the case A_NUMBER."""
    from caseorg.records import add_counsel

    lib = state.lib()
    c = add_counsel(lib, case_id_of(lib, a_number), name, **fields)
    print_one(c, f"added counsel {counsel_line(c)}", as_json=as_json)


@counsel.command("end")
@click.argument("counsel_id", type=int)
@click.option("--on", "to_on", required=True, help="Withdrawal, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def counsel_end(state: State, counsel_id: int, to_on: str, as_json: bool) -> None:
    """Counsel COUNSEL_ID withdrew (or was replaced) on a day."""
    from caseorg.records import end_counsel

    c = end_counsel(state.lib(), counsel_id, to_on)
    print_one(c, f"updated counsel {counsel_line(c)}", as_json=as_json)


list_command(counsel, "list_counsel", counsel_line, "no counsel")


def nta_line(n: Any) -> str:
    stated = "stated" if n.time_and_place else "did NOT state"
    doc = f"  document #{n.document_id}" if n.document_id else ""
    served = f"NTA served {us_date(n.served_on)} by {label(n.method)}"
    return f"#{n.id} {served}; {stated} time and place{doc}"


@click.group()
def nta() -> None:
    """Service of the Notice to Appear."""


@nta.command("add")
@a_number_argument
@click.option("--served", "served_on", required=True, help="Served, YYYY-MM-DD.")
@click.option("--method", type=Code(NTA_METHODS), required=True, help="How the NTA was served.")
@click.option(
    "--time-and-place/--no-time-and-place",
    default=False,
    help="Whether the NTA stated the hearing's time and place (default: it did not).",
)
@document_option("The NTA document id.")
@json_option
@uses_library(writes=True)
def nta_add(state: State, a_number: str, as_json: bool, **fields: Any) -> None:
    """Record service of the NTA for the case A_NUMBER."""
    from caseorg.records import add_nta_service

    lib = state.lib()
    n = add_nta_service(lib, case_id_of(lib, a_number), **fields)
    print_one(n, f"added {nta_line(n)}", as_json=as_json)


list_command(nta, "list_nta_service", nta_line, "no NTA service")


def custody_line(c: Any) -> str:
    until = f" to {us_date(c.to_on)}" if c.to_on else ""
    where = f" at {c.facility}" if c.facility else ""
    return f"#{c.id} {label(c.status)} from {us_date(c.from_on)}{until}{where}"


@click.group()
def custody() -> None:
    """Custody history (detained, released)."""


@custody.command("add")
@a_number_argument
@click.argument("status", type=Code(CUSTODY_STATUSES))
@click.option("--from", "from_on", required=True, help="From, YYYY-MM-DD.")
@click.option("--to", "to_on", help="To, YYYY-MM-DD.")
@click.option("--facility", help="Detention facility.")
@json_option
@uses_library(writes=True)
def custody_add(state: State, a_number: str, as_json: bool, **fields: Any) -> None:
    """Record a spell of custody for the case A_NUMBER."""
    from caseorg.records import add_custody

    lib = state.lib()
    c = add_custody(lib, case_id_of(lib, a_number), **fields)
    print_one(c, f"added custody {custody_line(c)}", as_json=as_json)


list_command(custody, "list_custody", custody_line, "no custody")


@click.command("respondent")
@a_number_argument
@click.option("--born", "born_on", help="Birth date, YYYY-MM-DD.")
@click.option("--unaccompanied/--not-unaccompanied", default=None, help="Came as a UAC.")
@json_option
@uses_library(writes=True)
def respondent(
    state: State, a_number: str, born_on: str | None, unaccompanied: bool | None, as_json: bool
) -> None:
    """Record the respondent's birth date and unaccompanied-child status."""
    from caseorg.records import set_respondent_facts

    lib = state.lib()
    facts = set_respondent_facts(lib, case_id_of(lib, a_number), born_on, unaccompanied)
    uac = "unaccompanied child" if facts["unaccompanied"] else "not a UAC"
    print_one(facts, f"born {us_date(facts['born_on']) or '?'}, {uac}", as_json=as_json)


COMMANDS = (proceeding, address, counsel, nta, custody, respondent)
