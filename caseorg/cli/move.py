"""``caseorg migrate-library FROM TO``: move a library between a folder and a court
library (issue 16), verified, with a progress bar on a terminal."""

from __future__ import annotations

from pathlib import Path

import click

from caseorg.cli.common import State, end_progress_line, progress_line, uses_library
from caseorg.errors import InvalidValue
from caseorg.library import CourtLibrary, library_or_url, move_library, open_library
from caseorg.progress import Progress

_WIDTH = 30


def progress_bar(progress: Progress) -> None:
    """``[#####.....]  45%  Copying pages`` redrawn in place (a terminal only)."""
    if progress.total:
        filled = _WIDTH * (progress.done or 0) // progress.total
        share = 100 * (progress.done or 0) // progress.total
        progress_line(f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {share:3d}%  {progress.text:<32}")
    else:
        progress_line(f"{'':{_WIDTH + 7}}{progress.text:<32}")


@click.command("migrate-library")
@click.argument("source")
@click.argument("target")
@click.option(
    "--files",
    type=click.Path(path_type=Path, file_okay=False),
    help="The court library's shared file store folder (moving into a court library).",
)
@uses_library(writes=True)
def migrate_library(state: State, source: str, target: str, files: Path | None) -> None:
    """Copy the library SOURCE into the new, empty library TARGET and verify the copy.

    Either may be a folder or a court library (postgresql://USER@HOST/DB): a laptop
    library joins the court's, or a court library comes back to a folder. Every table
    is checked by its row count and a hash of its rows; every stored file by its hash.
    """
    del state  # the two libraries are named here, not by --library
    if str(library_or_url(source)) == str(library_or_url(target)):
        raise InvalidValue("the source and the target are the same library")
    with open_library(source, create=False, read_only=True) as old, open_library(target) as new:
        if new.backend == "postgresql" and files is not None:
            files.mkdir(parents=True, exist_ok=True)
            files = files.resolve()
        elif files is not None:
            raise InvalidValue("--files names a court library's file store: the target is a folder")
        moved = move_library(old, new, files=files, progress=progress_bar)
        end_progress_line()
        if new.backend == "sqlite":  # a folder's search index is made from its pages
            from caseorg.search import index_of

            index_of(new).rebuild(progress=progress_bar)
            end_progress_line()
    rows = sum(moved.rows.values())
    click.echo(
        f"moved {rows} rows in {len(moved.rows)} tables and {moved.files} stored files; "
        "counts and hashes verified"
    )


@click.command("court-files")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@uses_library(writes=True)
def court_files(state: State, folder: Path) -> None:
    """Name the shared folder (on the court's file server) that holds a court library's
    stored files; every clerk's computer must reach it at the same path."""
    lib = state.lib()
    if not isinstance(lib, CourtLibrary):
        raise InvalidValue(
            "a library folder keeps its files in itself: --library names a court library here"
        )
    click.echo(f"stored files: {lib.set_file_store(folder)}")


COMMANDS = (migrate_library, court_files)
