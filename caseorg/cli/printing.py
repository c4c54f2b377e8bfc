"""Commands that write printouts: summary, docket; and how any report becomes a file.

The CLI is a composition root: writing a PDF reaches for the GUI's printing (Qt), lazily,
only when a .pdf is asked for.
"""

from __future__ import annotations

from pathlib import Path

import click

from caseorg.cli.common import State, judge_option, output_option, uses_library
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.private_files import write_private
from caseorg.values import parse_date

report_output_option = output_option("File to write: .pdf (or .html).", required=True)


def write_report(html: str, output: Path, title: str) -> None:
    """Write a rendered report to ``output`` (HTML as is, else PDF; private, 0600) and say so."""
    if output.suffix.lower() in (".html", ".htm"):
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
    from caseorg.reports import hearing_summary_html

    html = hearing_summary_html(state.lib(), hearing_id)
    write_report(html, output, f"Hearing summary {hearing_id}")


@click.command()
@click.option("--date", "day", required=True, help="The day, YYYY-MM-DD (or 'today').")
@click.option("--until", help="Last day of a range (for a week's docket).")
@judge_option("Only this judge.")
@report_output_option
@uses_library(writes=False)
def docket(state: State, day: str, until: str | None, judge_code: str | None, output: Path) -> None:
    """Write a day's docket (hearings by judge and courtroom) as a PDF."""
    from caseorg.reports import docket_html

    first = parse_date(day)
    last = parse_date(until) if until else None
    if last and last < first:
        raise InvalidValue("--until is before --date")
    html = docket_html(state.lib(), first, until=last, judge_code=judge_code)
    write_report(html, output, f"Docket {first.isoformat()}")


COMMANDS = (summary, docket)
