"""The ``caseorg`` command line: the root group that every command hangs from.

Exit codes: 0 ok, 1 not found or problems found, 2 usage or invalid value.
Errors are one line on stderr; a traceback never reaches the user (unexpected
ones are written to the log file named in the message).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from caseorg import __version__
from caseorg.cli import (
    case_life,
    cases,
    court,
    deadlines,
    documents,
    eoir,
    filings,
    hearings,
    library,
    move,
    notes_tags,
    ocr,
    orders,
    printing,
    search,
)
from caseorg.cli.common import LibraryPath, State, UserError
from caseorg.errors import CaseorgError, is_disk_full
from caseorg.library import default_location


def _log_path() -> Path:
    import platformdirs

    folder = Path(platformdirs.user_log_dir("caseorg", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "caseorg.log"


def unexpected_error_line(exc: BaseException) -> str:
    """Keep the traceback in the log file; return the one line the user is told."""
    where = "the log file"
    try:
        path = _log_path()
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat()} caseorg {__version__}\n")
            handle.write("".join(traceback.format_exception(exc)))
        where = str(path)
    except OSError:
        pass
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror} ({exc.filename or 'file'}); details in {where}"
    return f"unexpected error ({type(exc).__name__}); details in {where}"


def _unexpected(exc: BaseException) -> NoReturn:
    raise UserError(unexpected_error_line(exc), 1)


class CaseorgGroup(click.Group):
    """Turns core errors into one-line messages for every sub-command."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CaseorgError as exc:
            raise UserError(str(exc), exc.exit_code) from None
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.exceptions.UsageError as exc:
            # one line, as every other error (not click's usage block): what and where
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            raise UserError(exc.format_message() + where, 2) from None
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:
            # the reader went away (`caseorg search … | head`): nothing left to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            if is_disk_full(exc):
                message = "the disk is full; nothing was changed — free some space"
                raise UserError(message, 1) from None
            _unexpected(exc)


@click.group(cls=CaseorgGroup, invoke_without_command=True)
@click.option(
    "--library",
    type=LibraryPath(),
    envvar="CASEORG_LIBRARY",
    help="Library folder, or a court library's postgresql://USER@HOST/DB "
    "(default: the per-user data folder; or set CASEORG_LIBRARY).",
)
@click.version_option(__version__, prog_name="caseorg")
@click.pass_context
def cli(ctx: click.Context, library: Path | str | None) -> None:
    """caseorg — case files, hearings and reassignments for immigration courts.

    With no command, opens the desktop app.
    """
    state = State(library)
    ctx.obj = state
    ctx.call_on_close(state.close)
    if ctx.invoked_subcommand is None:  # the app: on a folder, or a court library's URL
        from caseorg_ui.app import run_app  # the composition root: only here does the CLI load Qt

        ctx.exit(run_app(library or default_location()))


for _group in (
    library,
    move,
    cases,
    documents,
    search,
    hearings,
    court,
    orders,
    deadlines,
    notes_tags,
    printing,
    ocr,
    case_life,
    filings,
    eoir,
):
    for _command in _group.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    """Console entry point."""
    cli(prog_name="caseorg")
