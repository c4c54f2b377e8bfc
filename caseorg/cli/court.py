"""Commands for the court's workflow: reassignments (a judge's report), stats, config
(reassign is in :mod:`caseorg.cli.orders`, import-eoir in :mod:`caseorg.cli.eoir`)."""

from __future__ import annotations

from pathlib import Path

import click

from caseorg.cli.common import (
    State,
    as_of_option,
    case_option,
    date_range_options,
    emit_json,
    json_option,
    judge_option,
    optional_case_id,
    output_option,
    print_one,
    print_rows,
    uses_library,
)
from caseorg.cli.lines import reassignment_line, report_line
from caseorg.cli.orders import performance_line, reasons
from caseorg.cli.printing import write_report
from caseorg.errors import InvalidValue
from caseorg.private_files import write_private

# -- reassignments ---------------------------------------------------------------------------


@click.command()
@judge_option("Cases moved to or from this judge (a report).")
@case_option("Only this case.")
@date_range_options(
    "Moves effective on or after this day (YYYY-MM-DD).",
    "Moves effective on or before this day (YYYY-MM-DD).",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print the judge's report as CSV.")
@output_option("Write the judge's report to a file: .pdf, .html or .csv.")
@json_option
@uses_library(writes=False)
def reassignments(
    state: State,
    judge_code: str | None,
    a_number: str | None,
    since: str | None,
    until: str | None,
    as_csv: bool,
    output: Path | None,
    as_json: bool,
) -> None:
    """List reassignments: who held a case, when it moved and why.

    With --judge (and no --case) this is the judge's reassignment report for the
    period: the cases taken from them and given to them, with dates, reasons, who
    ordered it, mid-stream moves, and what happened next in each case.
    """
    from caseorg.records import list_reassignments
    from caseorg.reports import case_names

    lib = state.lib()
    if (as_csv or output) and (not judge_code or a_number):
        raise InvalidValue("--csv and -o write a judge's report: give --judge (not --case)")
    if as_csv and (as_json or output):
        raise InvalidValue("choose one of --csv, --json or -o")
    if judge_code and not a_number:
        from caseorg.court.reassignment_report import reassignment_report, report_csv

        report = reassignment_report(lib, judge_code, since, until)
        if output is not None:
            if output.suffix.lower() == ".csv":
                write_private(output, report_csv(report))
                click.echo(f"wrote {output}")
            else:
                from caseorg.reports import reassignment_report_html

                html = reassignment_report_html(lib, judge_code, since, until)
                write_report(html, output, f"Reassignment report {report.judge_code}")
        elif as_csv:
            click.echo(report_csv(report), nl=False)
        elif as_json:
            emit_json([row.as_dict() for row in report.rows()])
        else:
            if not (report.taken or report.given):
                click.echo(f"no cases moved to or from {report.judge_name}")
            for title, rows in (("taken from", report.taken), ("given to", report.given)):
                if rows:  # no bare heading over an empty section
                    click.echo(f"cases {title} {report.judge_name} ({len(rows)}):")
                for row in rows:
                    click.echo(report_line(row))
        return
    case_id = optional_case_id(lib, a_number)
    names = case_names(lib)
    print_rows(
        list_reassignments(lib, case_id=case_id, judge_code=judge_code, since=since, until=until),
        lambda r: reassignment_line(r, names),
        as_json=as_json,
        empty="no reassignments",
    )


# -- figures and data -----------------------------------------------------------------------


@click.command()
@judge_option("One judge's figures (default: the whole court).")
@click.option(
    "--months",
    type=click.IntRange(1, 120),
    default=12,
    show_default=True,
    help="Calendar months covered, ending with this month.",
)
@as_of_option("The last day counted (YYYY-MM-DD; default today).")
@click.option(
    "--fiscal-year",
    type=click.IntRange(1990, 2200),
    help="Fiscal year of the performance measures (October 1 – September 30; default: "
    "the one --as-of falls in).",
)
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write one CSV file per table into this folder.",
)
@json_option
@uses_library(writes=False)
def stats(
    state: State,
    judge_code: str | None,
    months: int,
    as_of: str | None,
    fiscal_year: int | None,
    csv_dir: Path | None,
    as_json: bool,
) -> None:
    """Backlog and completion figures: pending cases by age, completions per month
    against the goal, median days to completion, hearings per week, reassignments; and
    the fiscal year's performance measures as EOIR takes them (completions credited to
    the judge who decided, remand rate, time benchmarks), each with its cases in --json."""
    from caseorg.court import court_stats, write_csv

    if csv_dir and as_json:
        raise InvalidValue("choose --csv DIR or --json, not both")
    figures = court_stats(
        state.lib(), judge_code=judge_code, today=as_of, months=months, fiscal_year=fiscal_year
    )
    if csv_dir:
        for path in write_csv(figures, csv_dir):
            click.echo(f"wrote {path}")
        return
    if as_json:
        emit_json(figures.as_dict())
        return
    median = figures.median_days_to_completion
    click.echo(
        f"{figures.scope_name}: {figures.period_start} to {figures.period_end}\n"
        f"pending {figures.pending_total}; completed {figures.completed_total} "
        f"(goal {figures.goal_for_period:g} for the period, {figures.annual_goal} a year); "
        f"median {'—' if median is None else f'{median:g}'} days from opening to completion"
    )
    click.echo("pending by age:")
    for row in figures.pending_by_age:
        click.echo(f"  {row['bucket']:<16} {row['cases']}")
    click.echo("completions by month (goal per month):")
    for row in figures.completions_by_month:
        click.echo(f"  {row['month']}  {row['completed']:>4}  ({row['goal']:g})")
    click.echo("reassignments by month (in / out):")
    for row in figures.reassignments_by_month:
        click.echo(f"  {row['month']}  {row['in']:>3} / {row['out']}")
    busy = [w for w in figures.hearings_by_week if w["hearings"]]
    click.echo(f"hearings: {sum(w['hearings'] for w in busy)} in {len(busy)} week(s) with any")
    for row in figures.judges:
        click.echo(
            f"  {row['code']:<5} pending {row['pending']:<4} completed {row['completed']:<4} "
            f"hearings {row['hearings']:<4} moved in {row['reassigned_in']} / out "
            f"{row['reassigned_out']}"
        )
    for scope, perf in (
        (figures.scope, figures.performance),
        *((p["code"], p) for p in figures.judge_performance),
    ):
        click.echo(performance_line(scope, perf))


# -- settings -------------------------------------------------------------------------------


@click.group()
def config() -> None:
    """Court settings kept in the library: notice-min-days, completion-goal, and the
    reasons a reassignment order may give ('config reasons')."""


@config.command("list")
@json_option
@uses_library(writes=False)
def config_list(state: State, as_json: bool) -> None:
    """List the settings with their values and defaults."""
    from caseorg.library import list_settings

    print_rows(
        list_settings(state.lib()),
        lambda item: (
            f"{item['name']:<17} {item['value']:<7} (default {item['default']}): "
            f"{item['description']}"
        ),
        as_json=as_json,
    )


@config.command("get")
@click.argument("name")
@json_option
@uses_library(writes=False)
def config_get(state: State, name: str, as_json: bool) -> None:
    """Print one setting's value."""
    from caseorg.library import find_setting, get_setting

    setting = find_setting(name)
    value = get_setting(state.lib(), setting)
    print_one({"name": setting.name, "value": value}, str(value), as_json=as_json)


@config.command("set")
@click.argument("name")
@click.argument("value")
@json_option
@uses_library(writes=True)
def config_set(state: State, name: str, value: str, as_json: bool) -> None:
    """Change a setting, e.g. 'caseorg config set notice-min-days 14'."""
    from caseorg.library import find_setting, set_setting

    setting = find_setting(name)
    stored = set_setting(state.lib(), setting, value)
    print_one(
        {"name": setting.name, "value": stored}, f"{setting.name} = {stored}", as_json=as_json
    )


config.add_command(reasons)

COMMANDS = (reassignments, stats, config)
