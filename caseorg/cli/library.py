"""Commands that look after the library folder: init, demo, check, backup, restore."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from caseorg.cli.common import (
    State,
    UserError,
    emit_json,
    end_progress_line,
    json_option,
    print_one,
    uses_library,
    writer_refused,
)
from caseorg.errors import LibraryLocked
from caseorg.library import (
    DamagedLibrary,
    is_library,
    open_library,
    write_locked,
    writer_of,
)
from caseorg.search import index_of
from caseorg.words import us_datetime

if TYPE_CHECKING:
    from caseorg.upkeep import CheckReport


@click.command()
@uses_library(writes=True)
def init(state: State) -> None:
    """Create an empty library (the folder is made private to you)."""
    lib = state.lib()
    click.echo(f"library ready at {lib.where}")


@click.command()
@json_option
@uses_library(writes=True)
def demo(state: State, as_json: bool) -> None:
    """Fill an empty library with a sample court: judges, cases, hearings, documents."""
    from caseorg.demo import create_demo

    lib = state.lib()
    summary = create_demo(lib, progress=lambda p: click.echo(p.text, err=True))
    parts = ", ".join(f"{v} {k}" for k, v in summary.items())
    print_one(
        {"library": str(lib.path), **summary},
        f"demo library ready at {lib.path}: {parts}",
        as_json=as_json,
    )


@click.command()
@click.option("--repair", is_flag=True, help="Rebuild the index, quarantine unknown files.")
@click.option(
    "--from-backup",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --repair, a damaged database: restore the records from this backup.",
)
@json_option
@uses_library(writes="repair")
def check(state: State, repair: bool, from_backup: Path | None, as_json: bool) -> None:
    """Check the library: database integrity, stored files, search index; and list
    unusual records (a hearing dated before its case was opened, a notice served after
    its hearing, ...).

    Exits 1 when problems remain (unusual records are not problems). --repair never
    deletes user data; a library whose database cannot be read keeps its stored files
    where they are, and its records come back only from a backup you name.
    """
    from caseorg.upkeep import Problem, check_damaged, check_library, damaged_parts

    if isinstance(state.library_path, str):  # a court library (PostgreSQL)
        if from_backup is not None:
            raise UserError("--from-backup is for a library folder's damaged database", 2)
        from caseorg.cli.move import progress_bar
        from caseorg.upkeep.court_check import check_court_library, upgrade_older_schema

        # an older schema: its owner's --repair upgrades it first (a clerk: one line)
        upgraded = upgrade_older_schema(str(state.library_path)) if repair else None
        court = check_court_library(state.lib(create=False), repair=repair, progress=progress_bar)
        end_progress_line()
        court.problems[:0] = [upgraded] if upgraded else []
        _print_check(court, as_json)
        if not court.ok:
            sys.exit(1)
        return
    folder = state.folder("check")
    damage = damaged_parts(folder)
    report = None
    if not damage:
        try:
            lib = state.lib(create=False)
        except DamagedLibrary as exc:
            damage = [Problem("database", exc.damage)]
    if damage:
        report = check_damaged(folder, damage, repair=repair, from_backup=from_backup)
        if not report.ok:
            _print_check(report, as_json)
            sys.exit(1)
        lib = state.lib(create=False)
    elif from_backup is not None:
        raise UserError(
            "the database can be read: --from-backup is for a damaged one (see 'restore')", 2
        )
    full = check_library(lib, repair=repair)
    if report is not None:
        full.problems[:0], full.plan = report.problems, report.plan
    _print_check(full, as_json)
    if not full.ok and lib.read_only and (writer := writer_of(lib.path)):
        click.echo(
            f"note: another caseorg window (pid {writer}) is writing to this library; "
            "what it is in the middle of can show as a problem: check again when it is done",
            err=True,
        )
    if not full.ok:
        sys.exit(1)


def _print_check(report: CheckReport, as_json: bool) -> None:
    if as_json:
        emit_json(report.as_dict())
        return
    for problem in report.problems:
        mark = "repaired" if problem.repaired else "PROBLEM "
        click.echo(f"{mark} {problem.kind}: {problem.detail}")
    for line in report.unusual:
        click.echo(f"unusual  {line}")
    for line in report.plan:
        click.echo(line)
    click.echo(
        f"checked {report.checked_documents} documents, {report.checked_files} files: "
        + ("ok" if report.ok else f"{len(report.remaining)} problem(s) remain")
        + (f"; {len(report.unusual)} unusual record(s) to look at" if report.unusual else "")
    )


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@uses_library(writes=False)
def backup(state: State, file: Path) -> None:
    """Write a backup archive (.zip) of the library; safe while the app is open."""
    from caseorg.upkeep import backup_library

    if isinstance(state.library_path, str):  # a court library: one snapshot, same format
        from caseorg.cli.move import progress_bar
        from caseorg.upkeep.court_backup import backup_court

        manifest = backup_court(state.lib(create=False), file, progress=progress_bar)
        end_progress_line()
    else:
        manifest = backup_library(state.lib(), file)
    damaged = manifest["damaged"]
    click.echo(f"wrote {file}: {len(manifest['entries']) - 1} files and the database")
    for name, why in sorted(damaged.items()):
        click.echo(f"NOT BACKED UP {name}: {why}; run 'caseorg check'")
    if damaged:
        sys.exit(1)


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--force", is_flag=True, help="Replace a non-empty library (it is kept aside).")
@click.option(
    "--partial", is_flag=True, help="Restore the intact files of a damaged archive; list the rest."
)
@click.option(
    "--files",
    type=click.Path(path_type=Path, file_okay=False),
    help="A court library: the shared folder for its stored files.",
)
@uses_library(writes=True)
def restore(state: State, file: Path, force: bool, partial: bool, files: Path | None) -> None:
    """Restore a backup archive into the library folder (--library).

    The whole archive is checked before the library is touched; stored files that
    cannot be restored are listed (exit 1).
    """
    from caseorg.upkeep import restore_library

    if isinstance(state.library_path, str):  # a court library: only an empty one
        from caseorg.cli.move import progress_bar
        from caseorg.upkeep.court_backup import restore_court

        if force or partial:
            raise UserError("a court library is restored whole and only when empty", 2)
        manifest = restore_court(file, state.lib(create=False), files, progress=progress_bar)
        end_progress_line()
        click.echo(
            f"restored {manifest['restored']} files into {state.lib().where} "
            f"(backup of {us_datetime(manifest['created_at'])}); counts and hashes verified"
        )
        return
    if files is not None:
        raise UserError("--files names a court library's file store: this is a folder", 2)
    target = state.folder("restore")
    try:
        # a library there is replaced (and kept aside): not while another window writes to it
        with write_locked(target) if is_library(target) else contextlib.nullcontext():
            manifest = restore_library(file, target, force=force, partial=partial)
    except LibraryLocked as exc:
        raise writer_refused(exc) from None
    lib = open_library(target, create=False)
    try:
        pages = index_of(lib).page_count()
    finally:
        lib.close()
    missing = manifest["not_restored"]
    click.echo(
        f"restored {manifest['restored']} files into {target} "
        f"(backup of {us_datetime(manifest['created_at'])}); {pages} pages searchable"
    )
    for line in missing:
        click.echo(f"NOT RESTORED {line}")
    if missing:
        sys.exit(1)


COMMANDS = (init, demo, check, backup, restore)
