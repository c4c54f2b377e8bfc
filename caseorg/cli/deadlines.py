"""Commands for deadlines: deadline add, list (the board across the library), done."""

from __future__ import annotations

from typing import Any

import click

from caseorg.choices import DEADLINE_KINDS
from caseorg.cli.common import (
    State,
    a_number_argument,
    as_of_option,
    case_id_of,
    case_option,
    choice,
    document_option,
    emit_json,
    json_option,
    judge_option,
    optional_case_id,
    print_one,
    uses_library,
)
from caseorg.words import label, us_date


@click.group()
def deadline() -> None:
    """Deadlines: briefs due, filings, decisions."""


@deadline.command("add")
@a_number_argument
@click.option(
    "--kind",
    type=choice(DEADLINE_KINDS),
    default="brief_due",
    show_default=True,
    help="What is due (one of those listed).",
)
@click.option("--due", "due_on", required=True, help="Due date, YYYY-MM-DD.")
@click.option("--note", help="What is due.")
@json_option
@uses_library(writes=True)
def deadline_add(
    state: State, a_number: str, kind: str, due_on: str, note: str | None, as_json: bool
) -> None:
    """Add a deadline to the case A_NUMBER."""
    from caseorg.records import add_deadline

    lib = state.lib()
    d = add_deadline(lib, case_id_of(lib, a_number), kind, due_on, note)
    print_one(
        d, f"added deadline #{d.id}: {label(d.kind)} due {us_date(d.due_on)}", as_json=as_json
    )


def _when(d: Any) -> str:
    """Where a deadline stands: done (with what), overdue, or how soon it is due."""
    if d.done_on:
        return f"done {us_date(d.done_on)}" + (f" ({d.document_title})" if d.document_title else "")
    if d.days < 0:
        return f"{-d.days} day(s) overdue"
    return "due today" if d.days == 0 else f"in {d.days} day(s)"


@deadline.command("list")
@case_option("Only this case.")
@judge_option("Only the cases of this judge.")
@click.option("--open", "open_only", is_flag=True, help="Only deadlines not yet done.")
@as_of_option("Count 'overdue' and 'this week' from this day (YYYY-MM-DD).")
@json_option
@uses_library(writes=False)
def deadline_list(
    state: State,
    a_number: str | None,
    judge_code: str | None,
    open_only: bool,
    as_of: str | None,
    as_json: bool,
) -> None:
    """List deadlines across the library: overdue, this week (the next 7 days), later,
    then done. --json gives one list, each deadline with its "group"."""
    from caseorg.court.deadline_board import deadline_board

    lib = state.lib()
    case_id = optional_case_id(lib, a_number)
    board = deadline_board(
        lib, today=as_of, judge_code=judge_code, case_id=case_id, include_done=not open_only
    )
    if as_json:
        emit_json([d.as_dict() for d in board.items()])
        return
    if not board.items():
        click.echo("no deadlines")
    titles = {"overdue": "OVERDUE", "this_week": "this week", "later": "later", "done": "done"}
    for group, title in titles.items():
        items = getattr(board, group)
        if not items:
            continue
        click.echo(f"{title} ({len(items)}):")
        for d in items:
            click.echo(
                f"  #{d.id} {us_date(d.due_on)} {label(d.kind):<13} {d.a_number_display} "
                f"{d.respondent}  {_when(d)}  {d.note or ''}".rstrip()
            )


@deadline.command("done")
@click.argument("deadline_id", type=int)
@click.option("--on", "done_on", help="Day it was done (YYYY-MM-DD; default today).")
@document_option("The document that satisfied it.")
@json_option
@uses_library(writes=True)
def deadline_done(
    state: State, deadline_id: int, done_on: str | None, document_id: int | None, as_json: bool
) -> None:
    """Mark a deadline done (optionally with the document that satisfied it)."""
    from caseorg.records import mark_done

    d = mark_done(state.lib(), deadline_id, done_on, document_id)
    print_one(d, f"deadline #{d.id} done on {us_date(d.done_on)}", as_json=as_json)


COMMANDS = (deadline,)
