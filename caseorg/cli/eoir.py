"""import-eoir: EOIR's public case data into the library (:mod:`caseorg.eoir`)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from caseorg.cli.common import (
    State,
    UserError,
    emit_json,
    end_progress_line,
    json_option,
    progress_line,
    uses_library,
)
from caseorg.progress import Progress


@click.command("import-eoir")
@click.argument("folder", type=click.Path(path_type=Path, exists=True))
@click.option("--court", help="Only proceedings at this base city code (e.g. SFR).")
@click.option("--judge", "judge_code", help="Only proceedings of this judge code.")
@click.option(
    "--since", help="Only proceedings open or completed on or after this day (YYYY-MM-DD)."
)
@click.option(
    "--a-numbers",
    "a_numbers",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A court's own file of two columns, IDNCASE and A-number: each case gets its A-number.",
)
@json_option
@uses_library(writes=True)
def import_eoir_cmd(
    state: State,
    folder: Path,
    court: str | None,
    judge_code: str | None,
    since: str | None,
    a_numbers: Path | None,
    as_json: bool,
) -> None:
    """Import EOIR's public case data from FOLDER (the release as published, or its
    .zip): A_TblCase, B_TblProceeding, tbl_schedule, tbl_RepsAssigned and the lookup
    tables. Cases are keyed by EOIR's case id (shown as EOIR 310000001) until an
    A-number is known; judge changes become reassignments, moves between courts
    transfers.

    Safe to run again on the same files. A row that cannot be read is reported
    with its file and line and skipped; exits 1 when any was.
    """
    from caseorg.eoir import import_eoir
    from caseorg.importing import CancelToken

    started = time.monotonic()

    def show(progress: Progress) -> None:
        rate = ""
        if progress.done and not progress.total:  # reading: rows so far
            rate = f" ({progress.done / max(time.monotonic() - started, 0.001):,.0f} rows/s)"
        progress_line(f"{(progress.text + rate)[:78]:<78}")

    cancel = CancelToken()
    try:
        report = import_eoir(
            state.lib(),
            folder,
            progress=show,
            cancel=cancel,
            court=court,
            judge=judge_code,
            since=since,
            a_numbers=a_numbers,
        )
    except KeyboardInterrupt:
        raise UserError("import interrupted; the cases that finished were kept", 1) from None
    end_progress_line()
    if as_json:
        emit_json(report.as_dict() | {"summary": report.summary()})
    else:
        for problem in report.problems:
            click.echo(f"skipped {problem}")
        click.echo(report.summary())
    if report.problems:
        sys.exit(1)


COMMANDS = (import_eoir_cmd,)
