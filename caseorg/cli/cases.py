"""Commands for judges and cases: judge add/list, case add/list/show/edit, history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from caseorg.choices import CASE_STATUSES, CASE_TYPES, CUSTODY
from caseorg.cli.common import (
    State,
    a_number_argument,
    as_data,
    case_id_of,
    choice,
    emit_json,
    json_option,
    judge_option,
    print_one,
    print_rows,
    uses_library,
)
from caseorg.cli.lines import (
    aligned,
    case_cells,
    case_text,
    hearing_cells,
    note_line,
    reassignment_line,
)
from caseorg.words import DASH, choice_text, field_label, label, us_date

# -- judges -------------------------------------------------------------------------------


@click.group()
def judge() -> None:
    """Judges: add and list."""


@judge.command("add")
@click.argument("code")
@click.argument("name")
@click.option("--court", help="Immigration court, e.g. 'San Francisco'.")
@json_option
@uses_library(writes=True)
def judge_add(state: State, code: str, name: str, court: str | None, as_json: bool) -> None:
    """Add a judge with a short CODE (as on dockets) and full NAME."""
    from caseorg.records import add_judge

    added = add_judge(state.lib(), code, name, court)
    print_one(added, f"added judge {added.code}: {added.name}", as_json=as_json)


@judge.command("list")
@json_option
@uses_library(writes=False)
def judge_list(state: State, as_json: bool) -> None:
    """List judges."""
    from caseorg.records import list_judges

    print_rows(
        list_judges(state.lib()),
        lambda j: f"{j.code:<6} {j.name}" + (f"  ({j.court})" if j.court else ""),
        as_json=as_json,
        empty="no judges yet (add one with 'caseorg judge add CODE NAME')",
    )


# -- cases ----------------------------------------------------------------------------------

CASE_FIELDS: list[tuple[str, str, Any, str]] = [
    ("--nationality", "nationality", None, "Respondent's nationality, e.g. 'Guatemala'."),
    ("--language", "language", None, "Respondent's language, e.g. 'Spanish'."),
    ("--custody", "custody", choice(CUSTODY), "Whether the respondent is detained."),
    ("--case-type", "case_type", choice(CASE_TYPES), "Kind of proceedings."),
    ("--status", "status", choice(CASE_STATUSES), "Where the case stands."),
    ("--court", "court", None, "Immigration court, e.g. 'San Francisco'."),
    ("--attorney", "attorney", None, "Respondent's attorney or representative."),
    ("--dhs-counsel", "dhs_counsel", None, "DHS trial attorney on the case."),
    ("--opened", "opened_on", None, "Day the case was opened (YYYY-MM-DD)."),
    ("--completed", "completed_on", None, "Day the case was completed (YYYY-MM-DD)."),
    ("--outcome", "outcome", None, "How the case ended, in words (e.g. 'relief granted')."),
]


def case_field_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for flag, dest, kind, help_text in reversed(CASE_FIELDS):
        func = click.option(flag, dest, type=kind, help=help_text)(func)
    return func


def _case_fields(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {dest: kwargs.pop(dest) for _flag, dest, _kind, _help in CASE_FIELDS}


def _case_data(case: Any) -> dict[str, Any]:
    return case.as_dict() | {"a_number_display": case.a_number_display}


@click.group("case")
def case_group() -> None:
    """Cases: add, list, show, edit."""


@case_group.command("add")
@click.option("--a-number", required=True, help="A-number, e.g. A-123-456-789.")
@click.option("--respondent", required=True, help="Respondent's full name.")
@judge_option("The assigned judge, by code or name.")
@case_field_options
@json_option
@uses_library(writes=True)
def case_add(
    state: State,
    a_number: str,
    respondent: str,
    judge_code: str | None,
    as_json: bool,
    **kwargs: Any,
) -> None:
    """Open a new case."""
    from caseorg.records import add_case

    case = add_case(state.lib(), a_number, respondent, judge_code, **_case_fields(kwargs))
    print_one(case, f"added case {case_text(case)}", as_json=as_json)


@case_group.command("list")
@click.option("--filter", "text", help="Match A-number, respondent or judge.")
@judge_option("Only this judge's cases.")
@click.option("--status", type=choice(CASE_STATUSES), help="Only cases with this status.")
@click.option("--tag", help="Only cases with this tag.")
@json_option
@uses_library(writes=False)
def case_list(
    state: State,
    text: str | None,
    judge_code: str | None,
    status: str | None,
    tag: str | None,
    as_json: bool,
) -> None:
    """List cases."""
    from caseorg.records import list_cases

    cases = list_cases(state.lib(), text=text, judge_code=judge_code, status=status, tag=tag)
    lines = dict(zip((c.id for c in cases), aligned([case_cells(c) for c in cases]), strict=True))
    print_rows(cases, lambda c: lines[c.id], as_json=as_json, empty="no cases", data=_case_data)


@case_group.command("show")
@a_number_argument
@json_option
@uses_library(writes=False)
def case_show(state: State, a_number: str, as_json: bool) -> None:
    """Show a case with its documents, hearings, reassignments, deadlines, tags and notes."""
    from caseorg.records import (
        EDITABLE,
        case_by_a_number,
        list_deadlines,
        list_documents,
        list_hearings,
        list_notes,
        list_reassignments,
        tags_of,
    )

    lib = state.lib()
    case = case_by_a_number(lib, a_number)
    documents = list_documents(lib, case.id)
    hearings = list_hearings(lib, case_id=case.id)
    moves = list_reassignments(lib, case_id=case.id)
    deadlines = list_deadlines(lib, case_id=case.id)
    case_tags = tags_of(lib, "case", case.id)
    notes = list_notes(lib, case_id=case.id)
    if as_json:
        emit_json(
            {
                "case": _case_data(case),
                "documents": [
                    d.as_dict() | {"tags": tags_of(lib, "document", d.id)} for d in documents
                ],
                "hearings": [as_data(h) for h in hearings],
                "reassignments": [r.as_dict() for r in moves],
                "deadlines": [d.as_dict() for d in deadlines],
                "tags": case_tags,
                "notes": [n.as_dict() for n in notes],
            }
        )
        return
    names = {case.id: f"{case.a_number_display} {case.respondent}"}
    click.echo(case_text(case))
    facts = [[f"{field_label(key)}:", _case_value(key, getattr(case, key))] for key in EDITABLE]
    facts += [["tags:", ", ".join(case_tags)]]
    for line in aligned([row for row in facts if row[1] and row[0] not in _ON_FIRST_LINE], "  "):
        click.echo(line)
    section(
        "documents",
        [
            [
                f"#{d.id}",
                us_date(d.filed_on) or DASH,
                choice_text(d.doc_type),
                d.title,
                f"{d.page_count} p.",
                _text_problem(d),
            ]
            for d in documents
        ],
    )
    section("hearings", [[f"#{h.id}", *hearing_cells(h)] for h in hearings])
    section("reassignments", [[reassignment_line(r, names)] for r in moves])
    section(
        "deadlines",
        [
            [
                f"#{d.id}",
                us_date(d.due_on),
                label(d.kind),
                f"done {us_date(d.done_on)}" if d.done_on else "open",
                d.note or "",
            ]
            for d in deadlines
        ],
    )
    section("notes", [[note_line(n, names)] for n in notes])


_ON_FIRST_LINE = ("respondent:", "status:")


def _case_value(key: str, value: Any) -> str:
    """A case field as ``case show`` writes it: choices in words, dates as on screen."""
    if not value:
        return ""
    if key in ("custody", "case_type"):
        return label(value)
    return us_date(value) if key.endswith("_on") else str(value)


def _text_problem(d: Any) -> str:
    return "" if d.text_status == "ok" else f"[{d.error or label(d.text_status)}]"


def section(title: str, rows: list[list[str]]) -> None:
    """A heading with its count and its rows in columns; nothing at all when empty."""
    if rows:
        click.echo(f"{title} ({len(rows)}):")
        for line in aligned(rows, "  "):
            click.echo(line)


@case_group.command("edit")
@a_number_argument
@click.option("--respondent", help="Respondent's full name.")
@click.option(
    "--a-number",
    "new_a_number",
    help="Give a case known only by its EOIR case id its A-number (it stays one case).",
)
@case_field_options
@json_option
@uses_library(writes=True)
def case_edit(
    state: State,
    a_number: str,
    respondent: str | None,
    new_a_number: str | None,
    as_json: bool,
    **kwargs: Any,
) -> None:
    """Change a case's details (use 'caseorg reassign' to change its judge)."""
    from caseorg.records import edit_case

    lib = state.lib()
    case = edit_case(
        lib,
        case_id_of(lib, a_number),
        respondent=respondent,
        a_number=new_a_number,
        **_case_fields(kwargs),
    )
    print_one(case, f"updated case {case_text(case)}", as_json=as_json)


@case_group.command("life")
@a_number_argument
@json_option
@uses_library(writes=False)
def case_life(state: State, a_number: str, as_json: bool) -> None:
    """Show a case's whole life: proceedings, addresses, counsel, NTA service, relief,
    motions, appeals, custody and exhibits, each with where it came from (a record
    imported from EOIR's data says so, with what was kept as given)."""
    from caseorg.reports import case_life_sections, respondent_line

    lib = state.lib()
    case_id = case_id_of(lib, a_number)
    sections = case_life_sections(lib, case_id)
    if as_json:
        emit_json({"respondent": respondent_line(lib, case_id), "sections": sections})
        return
    facts = respondent_line(lib, case_id)
    if facts:
        click.echo(f"Respondent: {facts}")
    for part in sections:
        if part["rows"]:
            click.echo(f"{part['title']} ({len(part['rows'])}):")
            for line in aligned([part["columns"], *part["rows"]], "  "):
                click.echo(line)
        else:
            click.echo(f"{part['title']}: {part['empty'] or 'none recorded'}")


@click.command("history")
@a_number_argument
@json_option
@uses_library(writes=False)
def history_cmd(state: State, a_number: str, as_json: bool) -> None:
    """Show the audit trail of a case and everything in it (newest first)."""
    from caseorg.library import history
    from caseorg.reports import history_words

    lib = state.lib()
    print_rows(
        history(lib.db, case_id=case_id_of(lib, a_number)),
        history_words(lib).line,
        as_json=as_json,
    )


COMMANDS = (judge, case_group, history_cmd)
