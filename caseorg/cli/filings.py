"""Commands for what is filed and marked in a case: relief (applications), motion, appeal
(each ``add``, ``list`` and a decision), exhibit (mark, status) and ``exhibits`` (the
exhibit list, printed in record-of-proceedings order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from caseorg.cli.case_life import Code, list_command
from caseorg.cli.common import (
    State,
    a_number_argument,
    case_id_of,
    document_option,
    json_option,
    output_option,
    print_one,
    print_rows,
    stack,
    uses_library,
)
from caseorg.records import (
    APPEAL_OUTCOMES,
    EXHIBIT_STATUSES,
    MOTION_GROUNDS,
    MOTION_KINDS,
    OFFERED_BY,
    PARTIES,
    RELIEF_KINDS,
    RELIEF_OUTCOMES,
    RULINGS,
)
from caseorg.words import label, us_date

filed_options = stack(
    click.option("--filed", "filed_on", required=True, help="Filed, YYYY-MM-DD."),
    click.option(
        "--proceeding", "proceeding_id", type=int, help="Proceeding id (default: latest)."
    ),
    document_option("Id of the document that is the filing (see 'document list')."),
)


def settled(text: str, day: str | None) -> str:
    return f"{label(text)} {us_date(day)}" if day else label(text)


def relief_line(r: Any) -> str:
    return (
        f"#{r.id} {label(r.kind)} filed {us_date(r.filed_on)}  [{settled(r.outcome, r.decided_on)}]"
    )


@click.group()
def relief() -> None:
    """Applications for relief (asylum, withholding, CAT, cancellation, ...)."""


@relief.command("add")
@a_number_argument
@click.argument("kind", type=Code(RELIEF_KINDS))
@filed_options
@click.option("--outcome", type=Code(RELIEF_OUTCOMES), default="pending", help="What became of it.")
@click.option("--decided", "decided_on", help="Decided, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def relief_add(state: State, a_number: str, kind: str, as_json: bool, **fields: Any) -> None:
    """Record an application for relief KIND in the case A_NUMBER."""
    from caseorg.records import add_relief

    lib = state.lib()
    r = add_relief(lib, case_id_of(lib, a_number), kind, **fields)
    print_one(r, f"added relief {relief_line(r)}", as_json=as_json)


@relief.command("decide")
@click.argument("relief_id", type=int)
@click.argument("outcome", type=Code(RELIEF_OUTCOMES))
@click.option("--on", "day", help="Decided, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def relief_decide(
    state: State, relief_id: int, outcome: str, day: str | None, as_json: bool
) -> None:
    """Record the outcome of application RELIEF_ID."""
    from caseorg.records import decide_relief

    r = decide_relief(state.lib(), relief_id, outcome, day)
    print_one(r, f"updated relief {relief_line(r)}", as_json=as_json)


list_command(relief, "list_relief", relief_line, "no relief applications")


def motion_line(m: Any) -> str:
    ground = f" ({label(m.ground)})" if m.ground else ""
    return (
        f"#{m.id} motion to {label(m.kind)}{ground} by {label(m.filed_by)} "
        f"filed {us_date(m.filed_on)}  "
        f"[{settled(m.ruling, m.ruled_on)}]"
    )


@click.group()
def motion() -> None:
    """Motions (to reopen, to rescind an in absentia order, to continue, to change venue)."""


@motion.command("add")
@a_number_argument
@click.argument("kind", type=Code(MOTION_KINDS))
@filed_options
@click.option(
    "--by", "filed_by", type=Code(PARTIES), default="respondent", help="Party who filed it."
)
@click.option(
    "--ground", type=Code(MOTION_GROUNDS), help="Ground of the motion, e.g. lack_of_notice."
)
@click.option("--ruling", type=Code(RULINGS), default="pending", help="The ruling on it.")
@click.option("--ruled", "ruled_on", help="Ruled on, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def motion_add(state: State, a_number: str, kind: str, as_json: bool, **fields: Any) -> None:
    """Record a motion KIND in the case A_NUMBER."""
    from caseorg.records import add_motion

    lib = state.lib()
    m = add_motion(lib, case_id_of(lib, a_number), kind, **fields)
    print_one(m, f"added {motion_line(m)}", as_json=as_json)


@motion.command("rule")
@click.argument("motion_id", type=int)
@click.argument("ruling", type=Code(RULINGS))
@click.option("--on", "day", help="Ruled on, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def motion_rule(state: State, motion_id: int, ruling: str, day: str | None, as_json: bool) -> None:
    """Record the ruling on motion MOTION_ID."""
    from caseorg.records import rule_on_motion

    m = rule_on_motion(state.lib(), motion_id, ruling, day)
    print_one(m, f"updated {motion_line(m)}", as_json=as_json)


list_command(motion, "list_motions", motion_line, "no motions")


def appeal_line(a: Any) -> str:
    outcome = settled(a.outcome, a.decided_on)
    return f"#{a.id} BIA appeal by {label(a.filed_by)} filed {us_date(a.filed_on)}  [{outcome}]"


@click.group()
def appeal() -> None:
    """Appeals to the Board of Immigration Appeals."""


@appeal.command("add")
@a_number_argument
@filed_options
@click.option(
    "--by", "filed_by", type=Code(PARTIES), default="respondent", help="Party who filed it."
)
@click.option("--outcome", type=Code(APPEAL_OUTCOMES), default="pending", help="What became of it.")
@click.option("--decided", "decided_on", help="Decided, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def appeal_add(state: State, a_number: str, as_json: bool, **fields: Any) -> None:
    """Record an appeal to the BIA in the case A_NUMBER."""
    from caseorg.records import add_appeal

    lib = state.lib()
    a = add_appeal(lib, case_id_of(lib, a_number), **fields)
    print_one(a, f"added {appeal_line(a)}", as_json=as_json)


@appeal.command("decide")
@click.argument("appeal_id", type=int)
@click.argument("outcome", type=Code(APPEAL_OUTCOMES))
@click.option("--on", "day", help="Decided, YYYY-MM-DD.")
@json_option
@uses_library(writes=True)
def appeal_decide(
    state: State, appeal_id: int, outcome: str, day: str | None, as_json: bool
) -> None:
    """Record the BIA's decision on appeal APPEAL_ID."""
    from caseorg.records import decide_appeal

    a = decide_appeal(state.lib(), appeal_id, outcome, day)
    print_one(a, f"updated {appeal_line(a)}", as_json=as_json)


list_command(appeal, "list_appeals", appeal_line, "no appeals")


def exhibit_line(e: dict[str, Any]) -> str:
    by = label(e["offered_by"]) if e["offered_by"] else "?"
    return (
        f"Exh. {e['number']}  {e['title']}  offered by {by}  [{e['status']}]  "
        f"hearing #{e['hearing_id']} {us_date(e['hearing_starts_at'])}"
    )


@click.group()
def exhibit() -> None:
    """Exhibits: mark a document at a hearing, change its status."""


@exhibit.command("mark")
@click.argument("hearing_id", type=int)
@click.argument("document_id", type=int)
@click.option("--number", required=True, help="Exhibit number, e.g. 3.")
@click.option(
    "--offered-by", type=Code(OFFERED_BY), required=True, help="Party offering the exhibit."
)
@click.option(
    "--status", type=Code(EXHIBIT_STATUSES), default="marked", help="Where the exhibit stands."
)
@json_option
@uses_library(writes=True)
def exhibit_mark(
    state: State, hearing_id: int, document_id: int, as_json: bool, **fields: Any
) -> None:
    """Mark DOCUMENT_ID as an exhibit at HEARING_ID."""
    from caseorg.records import mark_exhibit

    e = mark_exhibit(state.lib(), hearing_id, document_id, **fields)
    print_one(
        e, f"exhibit {e['exhibit']} ({e['status']}): document #{document_id}", as_json=as_json
    )


@exhibit.command("status")
@click.argument("hearing_id", type=int)
@click.argument("document_id", type=int)
@click.argument("status", type=Code(EXHIBIT_STATUSES))
@json_option
@uses_library(writes=True)
def exhibit_status(
    state: State, hearing_id: int, document_id: int, status: str, as_json: bool
) -> None:
    """Admit, exclude or withdraw the exhibit DOCUMENT_ID at HEARING_ID."""
    from caseorg.records import set_exhibit_status

    e = set_exhibit_status(state.lib(), hearing_id, document_id, status)
    print_one(e, f"exhibit {e['exhibit']} is now {e['status']}", as_json=as_json)


@click.command("exhibits")
@a_number_argument
@output_option("Write the exhibit list to a file: .pdf (or .html).")
@json_option
@uses_library(writes=False)
def exhibits(state: State, a_number: str, output: Path | None, as_json: bool) -> None:
    """List the exhibits of the case A_NUMBER in record-of-proceedings order."""
    from caseorg.records import exhibit_list

    lib = state.lib()
    case_id = case_id_of(lib, a_number)
    if output is not None:
        from caseorg.cli.printing import write_report
        from caseorg.reports import exhibit_list_html

        write_report(exhibit_list_html(lib, case_id), output, f"Exhibit list {a_number}")
        return
    print_rows(exhibit_list(lib, case_id), exhibit_line, as_json=as_json, empty="no exhibits")


COMMANDS = (relief, motion, appeal, exhibit, exhibits)
