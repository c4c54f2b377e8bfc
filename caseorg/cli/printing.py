"""Commands that write printouts: summary, docket; and how any report becomes a file.

The CLI is a composition root: writing a PDF reaches for the GUI's printing (Qt), lazily,
only when a .pdf is asked for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from caseorg.cli.common import State, judge_option, output_option, uses_library
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.private_files import write_private
from caseorg.words import date_span, paper_date

report_output_option = output_option(
    "File to write, by its extension: .pdf or .html.", required=True
)


REPORT_SUFFIXES = (".pdf", ".html", ".htm")


def check_suffix(output: Path, suffixes: tuple[str, ...]) -> str:
    """The format ``output``'s extension names (e.g. '.pdf'); any other is refused in one
    line, before anything is written (a PDF in a .txt file helps no one)."""
    suffix = output.suffix.lower()
    if suffix not in suffixes:
        shown = ", ".join(s for s in suffixes if s != ".htm")
        raise InvalidValue(f"cannot write {output.name!r}: give a file ending in {shown}")
    return suffix


def write_report(html: str, output: Path, title: str) -> None:
    """Write a rendered report to ``output`` by its extension (.html as is, .pdf; private,
    0600) and say so; another extension is refused."""
    if check_suffix(output, REPORT_SUFFIXES) in (".html", ".htm"):
        write_private(output, html)
    else:
        try:
            from caseorg_ui.printing import write_pdf
        except ImportError as exc:  # pragma: no cover - broken install
            raise CaseorgError(f"printing is unavailable: {exc}") from None
        write_pdf(html, output, title=title)
    click.echo(f"wrote {output}")


@click.command()
@click.argument("hearing_id", type=int)
@report_output_option
@uses_library(writes=False)
def summary(state: State, hearing_id: int, output: Path) -> None:
    """Write the hearing summary for HEARING_ID as a PDF."""
    from caseorg.reports import hearing_summary_html, summary_title

    lib = state.lib()
    html = hearing_summary_html(lib, hearing_id)
    write_report(html, output, summary_title(lib, hearing_id))


DAY_HELP = "YYYY-MM-DD, today, tomorrow or a weekday (monday: the next Monday)"


@click.command()
@click.option("--date", "day", default="today", show_default=True, help=f"The day: {DAY_HELP}.")
@click.option(
    "--until", help="Last day of a range (a week's docket): YYYY-MM-DD or a word, as --date."
)
@judge_option("Only this judge (code or name).")
@output_option(
    "Write it to a file, by its extension: .pdf, .html, .txt or .csv; without one, print it."
)
@uses_library(writes=False)
def docket(
    state: State, day: str, until: str | None, judge_code: str | None, output: Path | None
) -> None:
    """Print a day's docket (hearings by judge and courtroom), or write it to a file as
    PDF, HTML, plain text or CSV (by the file's extension)."""
    from caseorg.reports import docket_csv, docket_html, docket_text

    first = docket_day(day)
    last = docket_day(until, "--until") if until else None
    if last and last < first:
        raise InvalidValue("--until is before --date")
    if output is None:
        click.echo(docket_text(state.lib(), first, until=last, judge_code=judge_code))
        return
    suffix = check_suffix(output, (*REPORT_SUFFIXES, ".txt", ".csv"))
    if suffix in (".txt", ".csv"):
        write = docket_text if suffix == ".txt" else docket_csv
        write_private(output, write(state.lib(), first, until=last, judge_code=judge_code))
        click.echo(f"wrote {output}")
        return
    html = docket_html(state.lib(), first, until=last, judge_code=judge_code)
    write_report(html, output, f"Docket {date_span(first, last) if last else paper_date(first)}")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def docket_day(text: str, what: str = "--date", today: dt.date | None = None) -> dt.date:
    """A day as a clerk says it: a date, today, tomorrow, yesterday, or a weekday's name
    (or its first three letters), meaning the next such day after today."""
    base = today or dt.date.today()
    word = text.strip().lower()
    if word in ("today", "tomorrow", "yesterday"):
        return base + dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[word])
    named = [i for i, name in enumerate(_WEEKDAYS) if len(word) >= 3 and name.startswith(word)]
    if len(named) == 1:
        ahead = (named[0] - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=ahead)
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        raise InvalidValue(f"invalid {what} {text!r}: use {DAY_HELP}") from None


COMMANDS = (summary, docket)
