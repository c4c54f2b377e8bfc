"""Commands for reassignment orders: reassign (several cases by one order), the court's
list of reasons, the successor's certification of familiarity, and the court-wide
pattern report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from caseorg.cli.common import (
    CASE_REF_HELP,
    State,
    case_id_of,
    date_range_options,
    emit_json,
    json_option,
    output_option,
    print_one,
    print_rows,
    uses_library,
)
from caseorg.cli.lines import reassignment_line
from caseorg.cli.printing import write_report
from caseorg.errors import InvalidValue
from caseorg.private_files import write_private
from caseorg.words import label, us_date


def _case_refs(a_numbers: tuple[str, ...], from_file: Path | None) -> list[str]:
    """The cases named on the command line and in the file (one a line; '#' comments)."""
    refs = list(a_numbers)
    if from_file is not None:
        try:
            text = from_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidValue(f"cannot read {from_file}: {exc}") from None
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip().strip(",")
            if line:
                refs.append(line)
    if not refs:
        raise InvalidValue("name at least one case (A-numbers, or --from-file FILE)")
    return refs


@click.command(epilog=CASE_REF_HELP)
@click.argument("a_numbers", nargs=-1)
@click.option(
    "--from-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A file of cases to move, one A-number (or EOIR id) a line.",
)
@click.option(
    "--to", "to_judge", required=True, help="The judge who takes the cases, by code or name."
)
@click.option(
    "--reason",
    required=True,
    help="A reason from the court's list (see 'caseorg config reasons'); any other text is "
    "recorded as 'other' with that text.",
)
@click.option("--note", help="Free text beside the reason.")
@click.option("--ordered-by", help="Who ordered the move (e.g. 'ACIJ Smith').")
@click.option(
    "--role",
    "ordered_by_role",
    type=click.Choice(["acij", "chief_judge", "other"]),
    help="The role of who ordered it.",
)
@click.option(
    "--receiving-role",
    type=click.Choice(["home_court", "visiting", "supervisory"]),
    help="The receiving judge's role.",
)
@click.option("--document", "document_id", type=int, help="Id of the order's document.")
@click.option(
    "--on", "effective_on", help="Day of the order, effective then (YYYY-MM-DD; default today)."
)
@click.option("--midstream", is_flag=True, help="The cases were taken mid-stream.")
@click.option("--corrects", type=int, help="Id of an earlier entry this one corrects (one case).")
@json_option
@uses_library(writes=True)
def reassign(
    state: State,
    a_numbers: tuple[str, ...],
    from_file: Path | None,
    to_judge: str,
    reason: str,
    note: str | None,
    ordered_by: str | None,
    ordered_by_role: str | None,
    receiving_role: str | None,
    document_id: int | None,
    effective_on: str | None,
    midstream: bool,
    corrects: int | None,
    as_json: bool,
) -> None:
    """Reassign the cases A_NUMBERS to another judge by one order (kept forever in their
    history)."""
    from caseorg.records import reason_kind_of, reassign as do_reassign, record_order
    from caseorg.reports import case_names

    lib = state.lib()
    case_ids = [case_id_of(lib, ref) for ref in _case_refs(a_numbers, from_file)]
    if corrects is not None:
        if len(case_ids) != 1:
            raise InvalidValue("--corrects corrects one case's entry: name one case")
        r = do_reassign(
            lib,
            case_ids[0],
            to_judge,
            reason if not note else f"{reason}: {note}",
            effective_on=effective_on,
            ordered_by=ordered_by,
            midstream=midstream,
            corrects=corrects,
        )
        print_one(
            r,
            f"recorded reassignment {reassignment_line(r, case_names(lib))}",
            as_json=as_json,
        )
        return
    kind = reason_kind_of(lib, reason)
    if kind is None:
        kind, note = "other", reason if not note else f"{reason}; {note}"
    order = record_order(
        lib,
        case_ids,
        to_judge,
        kind,
        reason=note,
        ordered_on=effective_on,
        ordered_by=ordered_by,
        ordered_by_role=ordered_by_role,
        to_judge_role=receiving_role,
        document_id=document_id,
        midstream=midstream,
    )
    if as_json:
        emit_json(order.as_dict())
        return
    click.echo(
        f"recorded order #{order.id} ({us_date(order.ordered_on)}, {label(order.reason_kind)}):"
    )
    names = case_names(lib)
    for move in order.moves:
        click.echo(f"  {reassignment_line(move, names)}")


@click.command("reasons")
@click.option("--set", "new_list", help="The new list, separated by ';' ('other' is kept).")
@json_option
@uses_library(writes="new_list")
def reasons(state: State, new_list: str | None, as_json: bool) -> None:
    """The court's list of reasons a reassignment order may give (a court setting)."""
    from caseorg.records import order_reasons, set_order_reasons

    lib = state.lib()
    items = set_order_reasons(lib, new_list.split(";")) if new_list else order_reasons(lib)
    print_rows(items, str, as_json=as_json)


@click.command("certify-familiarity")
@click.argument("hearing_id", type=int)
@click.option("--on", "certified_on", help="Day of the certification (YYYY-MM-DD; default today).")
@click.option("--note", help="E.g. 'reviewed the record of proceedings and the recording'.")
@uses_library(writes=True)
def certify_familiarity(
    state: State, hearing_id: int, certified_on: str | None, note: str | None
) -> None:
    """Record that the successor judge holding HEARING_ID certified familiarity with the
    record (8 C.F.R. §1240.1(b))."""
    from caseorg.records import certify_familiarity as certify

    certify(state.lib(), hearing_id, on=certified_on, note=note)
    click.echo(f"hearing {hearing_id}: familiarity with the record certified")


@click.command("reassignment-report")
@click.option("--court", help="The court (its judges' or its cases'); default every court.")
@date_range_options(
    "Moves effective on or after this day (YYYY-MM-DD).",
    "Moves effective on or before this day (YYYY-MM-DD).",
)
@click.option(
    "--within-days",
    "notice_days",
    type=click.IntRange(0, 365),
    default=14,
    show_default=True,
    help="A move this many days or fewer after a continuance for notice is marked.",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print every figure as CSV.")
@output_option("Write the report to a file: .pdf, .html or .csv.")
@json_option
@uses_library(writes=False)
def reassignment_report(
    state: State,
    court: str | None,
    since: str | None,
    until: str | None,
    notice_days: int,
    as_csv: bool,
    output: Path | None,
    as_json: bool,
) -> None:
    """The court's reassignment patterns: per judge, cases moved out and in by month and
    reason, the moved cases' outcomes before and after, and the moves made soon after a
    continuance for notice — each figure with its cases."""
    from caseorg.court import pattern_csv, pattern_report

    if sum(map(bool, (as_csv, as_json, output))) > 1:
        raise InvalidValue("choose one of --csv, --json or -o")
    lib = state.lib()
    report = pattern_report(lib, court, since, until, notice_days)
    if output is not None:
        if output.suffix.lower() == ".csv":
            write_private(output, pattern_csv(report))
            click.echo(f"wrote {output}")
            return
        from caseorg.reports import pattern_report_html

        write_report(
            pattern_report_html(lib, report),
            output,
            f"Reassignment pattern report {court or ''}".strip(),
        )
    elif as_csv:
        click.echo(pattern_csv(report), nl=False)
    elif as_json:
        emit_json(report.as_dict())
    else:
        for judge in report.judges:
            notice = judge["after_notice_continuance"]
            click.echo(
                f"{judge['judge']:<6} out {judge['moved_out']['count']:<4} "
                f"in {judge['moved_in']['count']:<4} after a notice continuance "
                f"{notice['count']}{': ' + ', '.join(notice['cases']) if notice['cases'] else ''}"
            )
        if not report.judges:
            click.echo("no reassignments in this period")


def performance_line(scope: str, perf: dict[str, Any]) -> str:
    """'FY2026 HAL: 4 completions (2 decisions, 2 other) of 700 — unsatisfactory; remand
    50% ...' — one scope's performance measures on a line."""
    remand = perf["remand_rate"]
    rate = "—" if remand["percent"] is None else f"{remand['percent']:g}%"
    bench = ", ".join(
        f"{name.replace('_', ' ')} {b['met']}/{b['total']}"
        for name, b in perf["benchmarks"].items()
        if b["total"]
    )
    return (
        f"FY{perf['fiscal_year']} {scope}: {perf['completions']} completions "
        f"({perf['decisions']['count']} decisions, {perf['other_completions']['count']} other) "
        f"of {perf['goal']} — {perf['goal_rating']}; remand rate {rate}"
        + (f"; {bench}" if bench else "")
    )


COMMANDS = (reassign, certify_familiarity, reassignment_report)
