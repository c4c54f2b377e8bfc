"""The ``caseorg`` command line: every data command, with --json where it prints data.

Exit codes: 0 ok, 1 not found or problems found, 2 usage or invalid value.
Errors are one line on stderr; a traceback never reaches the user (unexpected
ones are written to the log file named in the message).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from caseorg import __version__
from caseorg.errors import CaseorgError, InvalidValue, is_disk_full
from caseorg.library.folder import Library, default_library_path, open_library
from caseorg.progress import Progress, ProgressCallback
from caseorg.records.models import (
    CASE_STATUSES,
    CASE_TYPES,
    CUSTODY,
    DEADLINE_KINDS,
    DOC_TYPES,
    FILERS,
    HEARING_KINDS,
    MEDIA,
    NOTICE_METHODS,
    OUTCOMES,
    label,
)
from caseorg.search.handle import index_of
from caseorg.values import format_a_number, parse_date

log = logging.getLogger("caseorg")


class UserError(click.ClickException):
    """A CaseorgError shown as one line, with the error's own exit code."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it per class

    def show(self, file: Any = None) -> None:
        click.echo(f"caseorg: {self.format_message()}", err=True)


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


class State:
    """Per-invocation state: which library, opened on first use."""

    def __init__(self, library: Path | None):
        self.library_path = library
        self._lib: Library | None = None

    def lib(self, create: bool = True) -> Library:
        if self._lib is None:
            self._lib = open_library(self.library_path, create=create)
        return self._lib

    def close(self) -> None:
        if self._lib is not None:
            self._lib.close()
            self._lib = None


pass_state = click.make_pass_decorator(State)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def _choice(values: tuple[str, ...]) -> click.Choice:
    return click.Choice(values, case_sensitive=False)


@click.group(cls=CaseorgGroup, invoke_without_command=True)
@click.option(
    "--library",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="CASEORG_LIBRARY",
    help="Library folder (default: the per-user data folder; or set CASEORG_LIBRARY).",
)
@click.version_option(__version__, prog_name="caseorg")
@click.pass_context
def cli(ctx: click.Context, library: Path | None) -> None:
    """caseorg — case files, hearings and reassignments for immigration courts.

    With no command, opens the desktop app.
    """
    state = State(library)
    ctx.obj = state
    ctx.call_on_close(state.close)
    if ctx.invoked_subcommand is None:
        from caseorg_ui.app import run_app  # the composition root: only here does the CLI load Qt

        ctx.exit(run_app(library or default_library_path()))


# -- library ----------------------------------------------------------------------------


@cli.command()
@pass_state
def init(state: State) -> None:
    """Create an empty library (the folder is made private to you)."""
    lib = state.lib()
    click.echo(f"library ready at {lib.path}")


@cli.command()
@json_option
@pass_state
def demo(state: State, as_json: bool) -> None:
    """Fill an empty library with a sample court: judges, cases, hearings, documents."""
    from caseorg.demo.builder import create_demo

    lib = state.lib()
    summary = create_demo(lib, progress=lambda p: click.echo(p.text, err=True))
    if as_json:
        emit_json({"library": str(lib.path), **summary})
    else:
        parts = ", ".join(f"{v} {k}" for k, v in summary.items())
        click.echo(f"demo library ready at {lib.path}: {parts}")


@cli.command()
@pass_state
def reindex(state: State) -> None:
    """Rebuild the search index from the database (the index is only a cache)."""
    lib = state.lib()

    def show(progress: Progress) -> None:
        if sys.stderr.isatty():
            click.echo(f"\rindexing {progress.done}/{progress.total} pages", err=True, nl=False)

    pages = index_of(lib).rebuild(progress=show)
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(f"index rebuilt: {pages} pages")


@cli.command()
@click.option("--repair", is_flag=True, help="Rebuild the index, quarantine unknown files.")
@json_option
@pass_state
def check(state: State, repair: bool, as_json: bool) -> None:
    """Check the library: database integrity, stored files, search index.

    Exits 1 when problems remain. --repair never deletes user data.
    """
    from caseorg.upkeep.check import check_library

    report = check_library(state.lib(create=False), repair=repair)
    if as_json:
        emit_json(report.as_dict())
    else:
        for problem in report.problems:
            mark = "repaired" if problem.repaired else "PROBLEM "
            click.echo(f"{mark} {problem.kind}: {problem.detail}")
        click.echo(
            f"checked {report.checked_documents} documents, {report.checked_files} files: "
            + ("ok" if report.ok else f"{len(report.remaining)} problem(s) remain")
        )
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_state
def backup(state: State, file: Path) -> None:
    """Write a backup archive (.zip) of the library; safe while the app is open."""
    from caseorg.upkeep.backup import backup_library

    lib = open_library(state.library_path, create=False, read_only=True)
    try:
        manifest = backup_library(lib, file)
    finally:
        lib.close()
    click.echo(f"wrote {file}: {len(manifest['entries']) - 1} files and the database")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--force", is_flag=True, help="Replace a non-empty library (it is kept aside).")
@pass_state
def restore(state: State, file: Path, force: bool) -> None:
    """Restore a backup archive into the library folder (--library)."""
    from caseorg.upkeep.backup import restore_library

    target = state.library_path or default_library_path()
    manifest = restore_library(file, target, force=force)
    lib = open_library(target, create=False)
    try:
        pages = index_of(lib).page_count()
    finally:
        lib.close()
    click.echo(
        f"restored {len(manifest['entries']) - 1} files into {target} "
        f"(backup of {manifest['created_at']}); {pages} pages searchable"
    )


# -- judges -------------------------------------------------------------------------------


@cli.group()
def judge() -> None:
    """Judges: add and list."""


@judge.command("add")
@click.argument("code")
@click.argument("name")
@click.option("--court", help="Immigration court, e.g. 'San Francisco'.")
@json_option
@pass_state
def judge_add(state: State, code: str, name: str, court: str | None, as_json: bool) -> None:
    """Add a judge with a short CODE (as on dockets) and full NAME."""
    from caseorg.records.judges import add_judge

    added = add_judge(state.lib(), code, name, court)
    if as_json:
        emit_json(added.as_dict())
    else:
        click.echo(f"added judge {added.code}: {added.name}")


@judge.command("list")
@json_option
@pass_state
def judge_list(state: State, as_json: bool) -> None:
    """List judges."""
    from caseorg.records.judges import list_judges

    judges = list_judges(state.lib())
    if as_json:
        emit_json([j.as_dict() for j in judges])
        return
    if not judges:
        click.echo("no judges yet (add one with 'caseorg judge add CODE NAME')")
    for j in judges:
        click.echo(f"{j.code:<6} {j.name}" + (f"  ({j.court})" if j.court else ""))


# -- cases ----------------------------------------------------------------------------------

CASE_FIELDS: list[tuple[str, str, Any]] = [
    ("--nationality", "nationality", None),
    ("--language", "language", None),
    ("--custody", "custody", _choice(CUSTODY)),
    ("--case-type", "case_type", _choice(CASE_TYPES)),
    ("--status", "status", _choice(CASE_STATUSES)),
    ("--court", "court", None),
    ("--attorney", "attorney", None),
    ("--dhs-counsel", "dhs_counsel", None),
    ("--opened", "opened_on", None),
    ("--completed", "completed_on", None),
    ("--outcome", "outcome", None),
]


def case_field_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for flag, dest, kind in reversed(CASE_FIELDS):
        func = click.option(flag, dest, type=kind, help=f"The case's {label(dest)}.")(func)
    return func


def _case_fields(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {dest: kwargs.pop(dest) for _flag, dest, _kind in CASE_FIELDS}


def case_text(case: Any) -> str:
    judge_name = case.judge_name or "no judge assigned"
    return (
        f"{format_a_number(case.a_number)}  {case.respondent}  [{label(case.status)}]  {judge_name}"
    )


@cli.group("case")
def case_group() -> None:
    """Cases: add, list, show, edit."""


@case_group.command("add")
@click.option("--a-number", required=True, help="A-number, e.g. A-123-456-789.")
@click.option("--respondent", required=True, help="Respondent's full name.")
@click.option("--judge", "judge_code", help="Code of the assigned judge.")
@case_field_options
@json_option
@pass_state
def case_add(
    state: State,
    a_number: str,
    respondent: str,
    judge_code: str | None,
    as_json: bool,
    **kwargs: Any,
) -> None:
    """Open a new case."""
    from caseorg.records.cases import add_case

    case = add_case(state.lib(), a_number, respondent, judge_code, **_case_fields(kwargs))
    if as_json:
        emit_json(case.as_dict())
    else:
        click.echo(f"added case {case_text(case)}")


@case_group.command("list")
@click.option("--filter", "text", help="Match A-number, respondent or judge.")
@click.option("--judge", "judge_code", help="Only this judge's cases.")
@click.option("--status", type=_choice(CASE_STATUSES), help="Only cases with this status.")
@click.option("--tag", help="Only cases with this tag.")
@json_option
@pass_state
def case_list(
    state: State,
    text: str | None,
    judge_code: str | None,
    status: str | None,
    tag: str | None,
    as_json: bool,
) -> None:
    """List cases."""
    from caseorg.records.cases import list_cases

    cases = list_cases(state.lib(), text=text, judge_code=judge_code, status=status, tag=tag)
    if as_json:
        emit_json([c.as_dict() | {"a_number_display": c.a_number_display} for c in cases])
        return
    if not cases:
        click.echo("no cases")
    for c in cases:
        click.echo(case_text(c))


@case_group.command("show")
@click.argument("a_number")
@json_option
@pass_state
def case_show(state: State, a_number: str, as_json: bool) -> None:
    """Show a case with its documents, hearings, reassignments, deadlines, tags and notes."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.deadlines import list_deadlines
    from caseorg.records.documents import list_documents
    from caseorg.records.hearings import list_hearings
    from caseorg.records.notes import list_notes
    from caseorg.records.reassignments import list_reassignments
    from caseorg.records.tags import tags_of

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
                "case": case.as_dict() | {"a_number_display": case.a_number_display},
                "documents": [
                    d.as_dict() | {"tags": tags_of(lib, "document", d.id)} for d in documents
                ],
                "hearings": [h.as_dict() for h in hearings],
                "reassignments": [r.as_dict() for r in moves],
                "deadlines": [d.as_dict() for d in deadlines],
                "tags": case_tags,
                "notes": [n.as_dict() for n in notes],
            }
        )
        return
    click.echo(case_text(case))
    if case_tags:
        click.echo(f"  tags: {', '.join(case_tags)}")
    for key in (
        "nationality",
        "language",
        "custody",
        "case_type",
        "court",
        "attorney",
        "dhs_counsel",
        "opened_on",
        "completed_on",
        "outcome",
    ):
        value = getattr(case, key)
        if value:
            click.echo(
                f"  {label(key)}: {label(value) if key in ('custody', 'case_type') else value}"
            )
    click.echo(f"documents ({len(documents)}):")
    for d in documents:
        status = "" if d.text_status == "ok" else f"  [{d.error or label(d.text_status)}]"
        click.echo(
            f"  #{d.id} {d.filed_on or '—':<10} {label(d.doc_type):<16} {d.title} "
            f"({d.page_count} p.){status}"
        )
    click.echo(f"hearings ({len(hearings)}):")
    for h in hearings:
        click.echo(f"  #{h.id} {hearing_line(h)}")
    click.echo(f"reassignments ({len(moves)}):")
    for r in moves:
        click.echo(f"  {reassignment_line(r)}")
    click.echo(f"deadlines ({len(deadlines)}):")
    for item in deadlines:
        done = f"done {item.done_on}" if item.done_on else "open"
        click.echo(
            f"  #{item.id} {item.due_on} {label(item.kind)} ({done}) {item.note or ''}".rstrip()
        )
    if notes:
        click.echo(f"notes ({len(notes)}):")
        for n in notes:
            click.echo(f"  {_note_line(n)}")


@case_group.command("edit")
@click.argument("a_number")
@click.option("--respondent", help="Respondent's full name.")
@case_field_options
@json_option
@pass_state
def case_edit(
    state: State, a_number: str, respondent: str | None, as_json: bool, **kwargs: Any
) -> None:
    """Change a case's details (use 'caseorg reassign' to change its judge)."""
    from caseorg.records.cases import case_by_a_number, edit_case

    lib = state.lib()
    case = edit_case(
        lib, case_by_a_number(lib, a_number).id, respondent=respondent, **_case_fields(kwargs)
    )
    if as_json:
        emit_json(case.as_dict())
    else:
        click.echo(f"updated case {case_text(case)}")


@cli.command("history")
@click.argument("a_number")
@json_option
@pass_state
def history_cmd(state: State, a_number: str, as_json: bool) -> None:
    """Show the audit trail of a case and everything in it (newest first)."""
    from caseorg.library.audit import history
    from caseorg.records.cases import case_by_a_number

    lib = state.lib()
    events = history(lib.db, case_id=case_by_a_number(lib, a_number).id)
    if as_json:
        emit_json([e.as_dict() for e in events])
        return
    for e in events:
        click.echo(f"{e.at}  {e.actor:<12} {e.action:<10} {e.entity} #{e.entity_id}")


# -- documents -----------------------------------------------------------------------------


def _progress_printer() -> ProgressCallback:
    def show(progress: Progress) -> None:
        if sys.stderr.isatty():
            click.echo(f"\r{progress.text[:72]:<72}", err=True, nl=False)

    return show


@cli.command("import")
@click.argument("a_number")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--type",
    "doc_type",
    type=_choice(DOC_TYPES),
    help="Document type for every file (default: guessed from the name).",
)
@click.option("--password", help="Password for encrypted PDFs.")
@click.option(
    "--timeout",
    type=float,
    default=120.0,
    show_default=True,
    help="Seconds allowed to read one file.",
)
@json_option
@pass_state
def import_cmd(
    state: State,
    a_number: str,
    paths: tuple[Path, ...],
    doc_type: str | None,
    password: str | None,
    timeout: float,
    as_json: bool,
) -> None:
    """Import PDF files and folders into the case A_NUMBER.

    Each file is reported: imported, duplicate, encrypted, no_text (scanned) or
    rejected with the reason. Exits 1 when a file was rejected.
    """
    from caseorg.importing.pipeline import CancelToken, import_files
    from caseorg.records.cases import case_by_a_number

    lib = state.lib()
    case = case_by_a_number(lib, a_number)
    cancel = CancelToken()
    try:
        report = import_files(
            lib,
            case.id,
            paths,
            doc_type=doc_type,
            password=password,
            progress=_progress_printer(),
            cancel=cancel,
            timeout=timeout,
        )
    except KeyboardInterrupt:
        raise UserError("import interrupted; documents that finished were kept", 1) from None
    if sys.stderr.isatty():
        click.echo("", err=True)
    if as_json:
        emit_json(report.as_dict())
    else:
        for outcome in report.outcomes:
            name = Path(outcome.path).name
            detail = f" — {outcome.message}" if outcome.message else ""
            pages = f" ({outcome.pages} p.)" if outcome.status == "imported" else ""
            click.echo(f"{outcome.status:<9} {name}{pages}{detail}")
        click.echo(report.summary())
    if report.stopped and not as_json:
        click.echo(f"error: {report.stopped}", err=True)
    if report.count("rejected") or report.stopped:
        sys.exit(1)


@cli.group("document")
def document_group() -> None:
    """Documents: list and edit their details."""


@document_group.command("list")
@click.argument("a_number")
@json_option
@pass_state
def document_list(state: State, a_number: str, as_json: bool) -> None:
    """List a case's documents."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.documents import list_documents

    lib = state.lib()
    docs = list_documents(lib, case_by_a_number(lib, a_number).id)
    if as_json:
        emit_json([d.as_dict() for d in docs])
        return
    for d in docs:
        click.echo(
            f"#{d.id} {d.filed_on or '—':<10} {label(d.doc_type):<16} {d.title} "
            f"({d.page_count} p., {label(d.text_status)})"
        )


@document_group.command("edit")
@click.argument("document_id", type=int)
@click.option("--type", "doc_type", type=_choice(DOC_TYPES), help="Document type.")
@click.option("--title", help="Title.")
@click.option("--filed", "filed_on", help="Filed date, YYYY-MM-DD.")
@click.option("--filed-by", type=_choice(FILERS), help="Who filed it.")
@json_option
@pass_state
def document_edit(
    state: State,
    document_id: int,
    doc_type: str | None,
    title: str | None,
    filed_on: str | None,
    filed_by: str | None,
    as_json: bool,
) -> None:
    """Change a document's type, title, filed date or filer."""
    from caseorg.records.documents import edit_document

    doc = edit_document(
        state.lib(),
        document_id,
        doc_type=doc_type,
        title=title,
        filed_on=filed_on,
        filed_by=filed_by,
    )
    if as_json:
        emit_json(doc.as_dict())
    else:
        click.echo(f"updated document #{doc.id}: {doc.title}")


# -- search ---------------------------------------------------------------------------------


@cli.command()
@click.argument("query", required=False)
@click.option("--case", "case_a_number", help="Only this case (A-number).")
@click.option("--type", "doc_type", type=_choice(DOC_TYPES), help="Only this document type.")
@click.option(
    "--limit",
    type=click.IntRange(1, 500),
    help="Most documents to list.  [default: 20]",
)
@click.option("--tag", help="Only documents with this tag (or in a case with it).")
@click.option("--save", "save_as", metavar="NAME", help="Also save this search as NAME.")
@click.option(
    "--saved",
    "saved_name",
    metavar="NAME",
    help="Run the saved search NAME (--case/--type/--limit given here override its own).",
)
@json_option
@pass_state
def search(
    state: State,
    query: str | None,
    case_a_number: str | None,
    doc_type: str | None,
    limit: int | None,
    tag: str | None,
    save_as: str | None,
    saved_name: str | None,
    as_json: bool,
) -> None:
    """Search every page of every document.

    QUERY supports words, "phrases", AND/OR/NOT, prefix*, fuzzy~, and the fields
    type:, a:, title:, tag:, note:, filed:[2024-01-01 TO 2024-12-31].
    Exits 1 when nothing matches. See also 'caseorg saved-search list'.
    """
    from caseorg.records.saved_searches import get_saved_search, save_search
    from caseorg.records.tags import normalise_tag

    lib = state.lib()
    if saved_name:
        if query:
            raise InvalidValue("give a QUERY or --saved NAME, not both")
        saved = get_saved_search(lib, saved_name)
        query = saved.query
        case_a_number = case_a_number or saved.filters.get("case")
        doc_type = doc_type or saved.filters.get("type")
        limit = limit or saved.filters.get("limit")
        tag = tag or saved.filters.get("tag")
    if not query:
        raise InvalidValue("give a QUERY to search for (or --saved NAME)")
    full = f"tag:{normalise_tag(tag)} AND ({query})" if tag else query
    hits = index_of(lib).search(
        full, case_a_number=case_a_number, doc_type=doc_type, limit=limit or 20
    )
    if save_as:
        filters = {"case": case_a_number, "type": doc_type, "limit": limit, "tag": tag}
        kept = save_search(lib, save_as, query, filters)
        click.echo(f"saved search {kept.name!r}", err=True)
    if as_json:
        emit_json([h.as_dict() | {"a_number_display": format_a_number(h.a_number)} for h in hits])
    else:
        for hit in hits:
            pages = ", ".join(str(p) for p in hit.matching_pages)
            click.echo(
                f"{format_a_number(hit.a_number)}  {hit.title}  [{label(hit.doc_type)}"
                f"{', filed ' + hit.filed_on if hit.filed_on else ''}]  page(s) {pages}"
            )
            for page in hit.pages[:3]:
                click.echo(f"    p.{page.page_no}: {page.snippet}")
        if not hits:
            click.echo("no matches", err=True)
    if not hits:
        sys.exit(1)


# -- hearings and notices --------------------------------------------------------------------


def hearing_line(h: Any) -> str:
    judge_name = h.judge_name or "no judge"
    line = (
        f"{h.starts_at}  {label(h.kind)} hearing  {judge_name}"
        f"{', room ' + h.courtroom if h.courtroom else ''}  [{label(h.outcome)}]"
    )
    if h.notice_warning:
        line += f"  ⚠ {h.notice_warning}"
    return line


@cli.group()
def hearing() -> None:
    """Hearings: add, edit, list."""


def hearing_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--kind", type=_choice(HEARING_KINDS), help="master, individual, ..."),
        click.option("--judge", "judge_code", help="Judge code (default: the case's judge)."),
        click.option("--courtroom", help="Courtroom."),
        click.option("--medium", type=_choice(MEDIA), help="in_person, video, telephone."),
        click.option("--interpreter", "interpreter_language", help="Interpreter language."),
        click.option("--outcome", type=_choice(OUTCOMES), help="Outcome."),
        click.option("--adjournment-reason", help="Why the hearing was adjourned."),
        click.option("--notes", help="Notes."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@hearing.command("add")
@click.argument("a_number")
@click.option("--at", "starts_at", required=True, help="Date and time, 'YYYY-MM-DD HH:MM'.")
@hearing_options
@json_option
@pass_state
def hearing_add(state: State, a_number: str, starts_at: str, as_json: bool, **fields: Any) -> None:
    """Schedule a hearing for the case A_NUMBER."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.hearings import add_hearing

    lib = state.lib()
    h = add_hearing(lib, case_by_a_number(lib, a_number).id, starts_at, **fields)
    if as_json:
        emit_json(h.as_dict())
    else:
        click.echo(f"added hearing #{h.id}: {hearing_line(h)}")


@hearing.command("edit")
@click.argument("hearing_id", type=int)
@click.option("--at", "starts_at", help="Date and time, 'YYYY-MM-DD HH:MM'.")
@hearing_options
@json_option
@pass_state
def hearing_edit(state: State, hearing_id: int, as_json: bool, **fields: Any) -> None:
    """Change a hearing (e.g. record its outcome)."""
    from caseorg.records.hearings import edit_hearing

    h = edit_hearing(state.lib(), hearing_id, **fields)
    if as_json:
        emit_json(h.as_dict())
    else:
        click.echo(f"updated hearing #{h.id}: {hearing_line(h)}")


@hearing.command("list")
@click.argument("a_number", required=False)
@click.option("--date", "day", help="Only hearings on this day (YYYY-MM-DD).")
@click.option("--judge", "judge_code", help="Only this judge's hearings.")
@json_option
@pass_state
def hearing_list(
    state: State, a_number: str | None, day: str | None, judge_code: str | None, as_json: bool
) -> None:
    """List hearings of a case, a day, or a judge."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.hearings import list_hearings

    lib = state.lib()
    case_id = case_by_a_number(lib, a_number).id if a_number else None
    on = parse_date(day) if day else None
    hearings = list_hearings(lib, case_id=case_id, on=on, judge_code=judge_code)
    if as_json:
        emit_json([h.as_dict() for h in hearings])
        return
    if not hearings:
        click.echo("no hearings")
    for h in hearings:
        click.echo(f"#{h.id} {format_a_number(h.a_number or '')} {h.respondent}  {hearing_line(h)}")


@cli.group()
def notice() -> None:
    """Notices of hearing: the proof that the respondent was told."""


@notice.command("add")
@click.argument("hearing_id", type=int)
@click.option("--served", "served_on", required=True, help="Date served, YYYY-MM-DD.")
@click.option("--method", type=_choice(NOTICE_METHODS), default="mail", show_default=True)
@click.option("--address", help="Address the notice was sent to.")
@click.option("--returned", is_flag=True, help="The notice came back undeliverable.")
@click.option("--returned-on", help="When it came back, YYYY-MM-DD (implies --returned).")
@click.option("--document", "document_id", type=int, help="The notice PDF's document id.")
@json_option
@pass_state
def notice_add(
    state: State,
    hearing_id: int,
    served_on: str,
    method: str,
    address: str | None,
    returned: bool,
    returned_on: str | None,
    document_id: int | None,
    as_json: bool,
) -> None:
    """Record service of a notice for HEARING_ID."""
    from caseorg.records.hearings import add_notice

    n = add_notice(
        state.lib(),
        hearing_id,
        served_on,
        method,
        address,
        returned,
        document_id,
        returned_on=returned_on,
    )
    if as_json:
        emit_json(n.as_dict())
    else:
        note = " (returned undeliverable)" if n.returned_undeliverable else ""
        click.echo(
            f"recorded notice #{n.id} for hearing #{hearing_id}, served "
            f"{n.served_on} by {n.method}{note}"
        )


@notice.command("returned")
@click.argument("notice_id", type=int)
@click.option("--on", "returned_on", help="When it came back, YYYY-MM-DD.")
@click.option("--undo", is_flag=True, help="It was not returned after all (clears the mark).")
@json_option
@pass_state
def notice_returned(
    state: State, notice_id: int, returned_on: str | None, undo: bool, as_json: bool
) -> None:
    """Mark notice NOTICE_ID returned undeliverable (it then proves nothing)."""
    from caseorg.records.hearings import mark_notice_returned

    n = mark_notice_returned(state.lib(), notice_id, not undo, returned_on)
    if as_json:
        emit_json(n.as_dict())
    elif undo:
        click.echo(f"notice #{n.id} is no longer marked returned")
    else:
        when = f" on {n.returned_on}" if n.returned_on else ""
        click.echo(f"notice #{n.id} marked returned undeliverable{when}")


@cli.command("check-notices")
@click.option("--judge", "judge_code", help="Only hearings held by this judge.")
@click.option("--from", "since", help="Only hearings on or after this day.")
@click.option("--to", "until", help="Only hearings on or before this day.")
@json_option
@pass_state
def check_notices_cmd(
    state: State, judge_code: str | None, since: str | None, until: str | None, as_json: bool
) -> None:
    """Find in absentia orders without sound proof of notice.

    Flags an order with no notice, only returned notices, or a notice served
    fewer than notice-min-days days before the hearing (see 'caseorg config').
    Exits 1 when any is found.
    """
    from caseorg.court.notice_checks import check_notices
    from caseorg.library.settings import NOTICE_MIN_DAYS, get_setting

    lib = state.lib()
    flags = check_notices(lib, judge_code=judge_code, since=since, until=until)
    if as_json:
        emit_json([f.as_dict() for f in flags])
    else:
        for f in flags:
            judge_text = f"IJ {f.judge_code}" if f.judge_code else "no judge"
            click.echo(
                f"hearing #{f.hearing_id} {f.starts_at}  {f.a_number_display} {f.respondent} "
                f"({judge_text}): {f.reason}"
            )
        minimum = get_setting(lib, NOTICE_MIN_DAYS)
        if flags:
            click.echo(
                f"{len(flags)} in absentia order(s) without sound proof of notice "
                f"(minimum notice {minimum} days)"
            )
        else:
            click.echo(
                f"every in absentia order has sound proof of notice (minimum {minimum} days)"
            )
    if flags:
        sys.exit(1)


# -- reassignments ---------------------------------------------------------------------------


def reassignment_line(r: Any) -> str:
    from_name = r.from_judge_name or "unassigned"
    flags = " [mid-stream]" if r.midstream else ""
    fix = f" (corrects #{r.corrects_id})" if r.corrects_id else ""
    by = f", ordered by {r.ordered_by}" if r.ordered_by else ""
    return f"#{r.id} {r.effective_on}  {from_name} → {r.to_judge_name}{flags}{fix}: {r.reason}{by}"


@cli.command()
@click.argument("a_number")
@click.option("--to", "to_judge", required=True, help="Code of the judge who takes the case.")
@click.option("--reason", required=True, help="Why the case is moved.")
@click.option("--ordered-by", help="Who ordered the move (e.g. the ACIJ).")
@click.option("--on", "effective_on", help="Effective date (default today).")
@click.option("--midstream", is_flag=True, help="The case was taken mid-stream (e.g. mid-hearing).")
@click.option("--corrects", type=int, help="Id of an earlier entry this one corrects.")
@json_option
@pass_state
def reassign(
    state: State,
    a_number: str,
    to_judge: str,
    reason: str,
    ordered_by: str | None,
    effective_on: str | None,
    midstream: bool,
    corrects: int | None,
    as_json: bool,
) -> None:
    """Reassign the case A_NUMBER to another judge (kept forever in its history)."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.reassignments import reassign as do_reassign

    lib = state.lib()
    r = do_reassign(
        lib,
        case_by_a_number(lib, a_number).id,
        to_judge,
        reason,
        effective_on=effective_on,
        ordered_by=ordered_by,
        midstream=midstream,
        corrects=corrects,
    )
    if as_json:
        emit_json(r.as_dict())
    else:
        click.echo(f"recorded reassignment {reassignment_line(r)}")


def _report_line(row: Any) -> str:
    other = row.to_judge_code if row.direction == "taken" else row.from_judge_code
    arrow = f"to {other}" if row.direction == "taken" else f"from {other or 'unassigned'}"
    flags = " [mid-stream]" if row.midstream else ""
    by = f", ordered by {row.ordered_by}" if row.ordered_by else ""
    nxt = (
        f"next {row.next_hearing_at} {label(row.next_hearing_kind)} "
        f"[{label(row.next_hearing_outcome)}]"
        if row.next_hearing_at
        else "no later hearing"
    )
    absentia = (
        f"; in absentia order {', '.join(row.in_absentia_orders)}" if row.in_absentia_orders else ""
    )
    case_now = label(row.case_status) + (f": {row.case_outcome}" if row.case_outcome else "")
    return (
        f"  #{row.reassignment_id} {row.effective_on}  {row.a_number_display} {row.respondent} "
        f"{arrow}{flags}: {row.reason}{by}; {nxt}{absentia}; case {case_now}"
    )


@cli.command()
@click.option("--judge", "judge_code", help="Cases moved to or from this judge (a report).")
@click.option("--case", "a_number", help="Only this case.")
@click.option("--from", "since", help="From this effective date.")
@click.option("--to", "until", help="Up to this effective date.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the judge's report as CSV.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the judge's report to a file: .pdf, .html or .csv.",
)
@json_option
@pass_state
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
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.reassignments import list_reassignments

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
                output.write_text(report_csv(report), encoding="utf-8")
            else:
                from caseorg.reports.render import reassignment_report_html

                html = reassignment_report_html(lib, judge_code, since, until)
                _write_report(html, output, f"Reassignment report {report.judge_code}")
            click.echo(f"wrote {output}")
        elif as_csv:
            click.echo(report_csv(report), nl=False)
        elif as_json:
            emit_json([row.as_dict() for row in report.rows()])
        else:
            for title, rows in (("taken from", report.taken), ("given to", report.given)):
                click.echo(f"cases {title} {report.judge_name} ({len(rows)}):")
                for row in rows:
                    click.echo(_report_line(row))
        return
    case_id = case_by_a_number(lib, a_number).id if a_number else None
    moves = list_reassignments(
        lib, case_id=case_id, judge_code=judge_code, since=since, until=until
    )
    if as_json:
        emit_json([r.as_dict() for r in moves])
        return
    if not moves:
        click.echo("no reassignments")
    for r in moves:
        click.echo(reassignment_line(r))


# -- deadlines -------------------------------------------------------------------------------


@cli.group()
def deadline() -> None:
    """Deadlines: briefs due, filings, decisions."""


@deadline.command("add")
@click.argument("a_number")
@click.option("--kind", type=_choice(DEADLINE_KINDS), default="brief_due", show_default=True)
@click.option("--due", "due_on", required=True, help="Due date, YYYY-MM-DD.")
@click.option("--note", help="What is due.")
@json_option
@pass_state
def deadline_add(
    state: State, a_number: str, kind: str, due_on: str, note: str | None, as_json: bool
) -> None:
    """Add a deadline to the case A_NUMBER."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.deadlines import add_deadline

    lib = state.lib()
    d = add_deadline(lib, case_by_a_number(lib, a_number).id, kind, due_on, note)
    if as_json:
        emit_json(d.as_dict())
    else:
        click.echo(f"added deadline #{d.id}: {label(d.kind)} due {d.due_on}")


@deadline.command("list")
@click.option("--case", "a_number", help="Only this case.")
@click.option("--judge", "judge_code", help="Only the cases of this judge.")
@click.option("--open", "open_only", is_flag=True, help="Only deadlines not yet done.")
@click.option("--as-of", "as_of", help="Count 'overdue' and 'this week' from this day.")
@json_option
@pass_state
def deadline_list(
    state: State,
    a_number: str | None,
    judge_code: str | None,
    open_only: bool,
    as_of: str | None,
    as_json: bool,
) -> None:
    """List deadlines across the library: overdue, this week (the next 7 days), later,
    then done. --json gives one list, each deadline with its "group"."""
    from caseorg.court.deadline_views import deadline_board
    from caseorg.records.cases import case_by_a_number

    lib = state.lib()
    case_id = case_by_a_number(lib, a_number).id if a_number else None
    board = deadline_board(
        lib, today=as_of, judge_code=judge_code, case_id=case_id, include_done=not open_only
    )
    if as_json:
        emit_json([d.as_dict() for d in board.items()])
        return
    if not board.items():
        click.echo("no deadlines")
    titles = {"overdue": "OVERDUE", "this_week": "this week", "later": "later", "done": "done"}
    for group, title in titles.items():
        items = getattr(board, group)
        if not items:
            continue
        click.echo(f"{title} ({len(items)}):")
        for d in items:
            if d.done_on:
                when = f"done {d.done_on}" + (f" ({d.document_title})" if d.document_title else "")
            elif d.days < 0:
                when = f"{-d.days} day(s) overdue"
            else:
                when = "due today" if d.days == 0 else f"in {d.days} day(s)"
            click.echo(
                f"  #{d.id} {d.due_on} {label(d.kind):<13} {d.a_number_display} "
                f"{d.respondent}  {when}  {d.note or ''}".rstrip()
            )


@deadline.command("done")
@click.argument("deadline_id", type=int)
@click.option("--on", "done_on", help="Date done (default today).")
@click.option("--document", "document_id", type=int, help="The document that satisfied it.")
@json_option
@pass_state
def deadline_done(
    state: State, deadline_id: int, done_on: str | None, document_id: int | None, as_json: bool
) -> None:
    """Mark a deadline done (optionally with the document that satisfied it)."""
    from caseorg.records.deadlines import mark_done

    d = mark_done(state.lib(), deadline_id, done_on, document_id)
    if as_json:
        emit_json(d.as_dict())
    else:
        click.echo(f"deadline #{d.id} done on {d.done_on}")


# -- printouts ---------------------------------------------------------------------------------


def _write_report(html: str, output: Path, title: str) -> None:
    if output.suffix.lower() in (".html", ".htm"):
        output.write_text(html, encoding="utf-8")
        return
    try:
        from caseorg_ui.printing.output import write_pdf
    except ImportError as exc:  # pragma: no cover - broken install
        raise CaseorgError(f"printing is unavailable: {exc}") from None
    write_pdf(html, output, title=title)


@cli.command()
@click.argument("hearing_id", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="File to write: .pdf (or .html).",
)
@pass_state
def summary(state: State, hearing_id: int, output: Path) -> None:
    """Write the hearing summary for HEARING_ID as a PDF."""
    from caseorg.reports.render import hearing_summary_html

    html = hearing_summary_html(state.lib(), hearing_id)
    _write_report(html, output, f"Hearing summary {hearing_id}")
    click.echo(f"wrote {output}")


@cli.command()
@click.option("--date", "day", required=True, help="The day, YYYY-MM-DD (or 'today').")
@click.option("--until", help="Last day of a range (for a week's docket).")
@click.option("--judge", "judge_code", help="Only this judge.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="File to write: .pdf (or .html).",
)
@pass_state
def docket(state: State, day: str, until: str | None, judge_code: str | None, output: Path) -> None:
    """Write a day's docket (hearings by judge and courtroom) as a PDF."""
    from caseorg.reports.render import docket_html

    first = parse_date(day)
    last = parse_date(until) if until else None
    if last and last < first:
        raise InvalidValue("--until is before --date")
    html = docket_html(state.lib(), first, until=last, judge_code=judge_code)
    _write_report(html, output, f"Docket {first.isoformat()}")
    click.echo(f"wrote {output}")


# -- court workflow: settings, statistics, EOIR data, tags, notes, saved searches -----------


@cli.group()
def config() -> None:
    """Court settings kept in the library: notice-min-days, completion-goal."""


@config.command("list")
@json_option
@pass_state
def config_list(state: State, as_json: bool) -> None:
    """List the settings with their values and defaults."""
    from caseorg.library.settings import list_settings

    items = list_settings(state.lib())
    if as_json:
        emit_json(items)
        return
    for item in items:
        click.echo(
            f"{item['name']:<17} {item['value']:<7} (default {item['default']}): "
            f"{item['description']}"
        )


@config.command("get")
@click.argument("name")
@json_option
@pass_state
def config_get(state: State, name: str, as_json: bool) -> None:
    """Print one setting's value."""
    from caseorg.library.settings import find_setting, get_setting

    setting = find_setting(name)
    value = get_setting(state.lib(), setting)
    if as_json:
        emit_json({"name": setting.name, "value": value})
    else:
        click.echo(str(value))


@config.command("set")
@click.argument("name")
@click.argument("value")
@json_option
@pass_state
def config_set(state: State, name: str, value: str, as_json: bool) -> None:
    """Change a setting, e.g. 'caseorg config set notice-min-days 14'."""
    from caseorg.library.settings import find_setting, set_setting

    setting = find_setting(name)
    stored = set_setting(state.lib(), setting, value)
    if as_json:
        emit_json({"name": setting.name, "value": stored})
    else:
        click.echo(f"{setting.name} = {stored}")


@cli.command()
@click.option("--judge", "judge_code", help="One judge's figures (default: the whole court).")
@click.option(
    "--months",
    type=click.IntRange(1, 120),
    default=12,
    show_default=True,
    help="Calendar months covered, ending with this month.",
)
@click.option("--as-of", "as_of", help="The last day counted (default today).")
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write one CSV file per table into this folder.",
)
@json_option
@pass_state
def stats(
    state: State,
    judge_code: str | None,
    months: int,
    as_of: str | None,
    csv_dir: Path | None,
    as_json: bool,
) -> None:
    """Backlog and completion figures: pending cases by age, completions per month
    against the goal, median days to completion, hearings per week, reassignments."""
    from caseorg.court.stats import court_stats, write_csv

    if csv_dir and as_json:
        raise InvalidValue("choose --csv DIR or --json, not both")
    figures = court_stats(state.lib(), judge_code=judge_code, today=as_of, months=months)
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


@cli.command("import-eoir")
@click.argument("folder", type=click.Path(path_type=Path, exists=True))
@json_option
@pass_state
def import_eoir_cmd(state: State, folder: Path, as_json: bool) -> None:
    """Import case data shaped like EOIR's public files (cases, proceedings, schedule,
    judge lookup) from FOLDER: creates or updates cases, judges and hearings.

    Safe to run again on the same files. A row that cannot be read is reported
    with its file and line and skipped; exits 1 when any was.
    """
    from caseorg.eoir.release import import_eoir
    from caseorg.importing.pipeline import CancelToken

    def show(progress: Progress) -> None:
        if sys.stderr.isatty():
            click.echo(f"\r{progress.text[:72]:<72}", err=True, nl=False)

    cancel = CancelToken()
    try:
        report = import_eoir(state.lib(), folder, progress=show, cancel=cancel)
    except KeyboardInterrupt:
        raise UserError("import interrupted; the cases that finished were kept", 1) from None
    if sys.stderr.isatty():
        click.echo("", err=True)
    if as_json:
        emit_json(report.as_dict() | {"summary": report.summary()})
    else:
        for problem in report.problems:
            click.echo(f"skipped {problem}")
        click.echo(report.summary())
    if report.problems:
        sys.exit(1)


def _target(lib: Library, a_number: str | None, document_id: int | None) -> tuple[str, int]:
    """('case', id) or ('document', id) from --case / --document (exactly one)."""
    from caseorg.records.cases import case_by_a_number

    if (a_number is None) == (document_id is None):
        raise InvalidValue("give --case A-NUMBER or --document ID")
    if a_number is not None:
        return "case", case_by_a_number(lib, a_number).id
    assert document_id is not None
    return "document", document_id


@cli.group()
def tag() -> None:
    """Tags on cases and documents: add, remove, list ('caseorg case list --tag T')."""


def _tag_change_command(name: str, help_text: str, adding: bool) -> None:
    """``tag add`` and ``tag remove``: the same options, one verb apart."""

    @tag.command(name, help=help_text)
    @click.argument("tags", nargs=-1, required=True)
    @click.option("--case", "a_number", help="The case (A-number).")
    @click.option("--document", "document_id", type=int, help="The document id.")
    @json_option
    @pass_state
    def change(
        state: State,
        tags: tuple[str, ...],
        a_number: str | None,
        document_id: int | None,
        as_json: bool,
    ) -> None:
        from caseorg.records.tags import add_tag, remove_tag, tags_of

        lib = state.lib()
        entity, entity_id = _target(lib, a_number, document_id)
        for tag_name in tags:
            (add_tag if adding else remove_tag)(lib, entity, entity_id, tag_name)
        now = tags_of(lib, entity, entity_id)
        if as_json:
            emit_json({"entity": entity, "id": entity_id, "tags": now})
        else:
            click.echo(f"{entity} #{entity_id} tags: {', '.join(now) or '(none)'}")


_tag_change_command("add", "Put TAGS on a case or a document.", adding=True)
_tag_change_command("remove", "Take TAGS off a case or a document.", adding=False)


@tag.command("list")
@click.option("--case", "a_number", help="The tags of this case.")
@click.option("--document", "document_id", type=int, help="The tags of this document.")
@json_option
@pass_state
def tag_list(state: State, a_number: str | None, document_id: int | None, as_json: bool) -> None:
    """List every tag with how many cases and documents carry it (or one item's tags)."""
    from caseorg.records.tags import all_tags, tags_of

    lib = state.lib()
    if a_number is None and document_id is None:
        items = all_tags(lib)
        if as_json:
            emit_json(items)
            return
        if not items:
            click.echo("no tags yet")
        for item in items:
            click.echo(
                f"{item['tag']:<24} {item['cases']} case(s), {item['documents']} document(s)"
            )
        return
    entity, entity_id = _target(lib, a_number, document_id)
    names = tags_of(lib, entity, entity_id)
    if as_json:
        emit_json(names)
    else:
        click.echo(", ".join(names) or "(no tags)")


@cli.group()
def note() -> None:
    """Notes on cases, documents and hearings: add, list, edit, delete."""


def _note_line(n: Any) -> str:
    edited = f" (edited {n.updated_at})" if n.updated_at else ""
    return f"#{n.id} {n.created_at} {n.author} on {n.entity} #{n.entity_id}{edited}: {n.text}"


@note.command("add")
@click.argument("text")
@click.option("--case", "a_number", help="A note on this case (A-number).")
@click.option("--document", "document_id", type=int, help="A note on this document.")
@click.option("--hearing", "hearing_id", type=int, help="A note on this hearing.")
@json_option
@pass_state
def note_add(
    state: State,
    text: str,
    a_number: str | None,
    document_id: int | None,
    hearing_id: int | None,
    as_json: bool,
) -> None:
    """Add a note (TEXT) to a case, a document or a hearing."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.notes import add_note

    lib = state.lib()
    given = [(k, v) for k, v in (("document", document_id), ("hearing", hearing_id)) if v]
    if (a_number is not None) + len(given) != 1:
        raise InvalidValue("give one of --case A-NUMBER, --document ID or --hearing ID")
    if a_number is not None:
        entity, entity_id = "case", case_by_a_number(lib, a_number).id
    else:
        entity, entity_id = given[0]
        assert entity_id is not None
    added = add_note(lib, entity, entity_id, text)
    if as_json:
        emit_json(added.as_dict())
    else:
        click.echo(f"added note {_note_line(added)}")


@note.command("list")
@click.option("--case", "a_number", help="Notes of this case (with its documents and hearings).")
@click.option("--search", "text", help="Only notes containing these words.")
@json_option
@pass_state
def note_list(state: State, a_number: str | None, text: str | None, as_json: bool) -> None:
    """List notes, oldest first (with --search: newest first)."""
    from caseorg.records.cases import case_by_a_number
    from caseorg.records.notes import list_notes, search_notes

    lib = state.lib()
    case_id = case_by_a_number(lib, a_number).id if a_number else None
    items = search_notes(lib, text, case_id=case_id) if text else list_notes(lib, case_id=case_id)
    if as_json:
        emit_json([n.as_dict() for n in items])
        return
    if not items:
        click.echo("no notes")
    for n in items:
        click.echo(_note_line(n))


@note.command("edit")
@click.argument("note_id", type=int)
@click.argument("text")
@json_option
@pass_state
def note_edit(state: State, note_id: int, text: str, as_json: bool) -> None:
    """Correct the text of note NOTE_ID (the old text stays in the history)."""
    from caseorg.records.notes import edit_note

    edited = edit_note(state.lib(), note_id, text)
    if as_json:
        emit_json(edited.as_dict())
    else:
        click.echo(f"updated note {_note_line(edited)}")


@note.command("delete")
@click.argument("note_id", type=int)
@pass_state
def note_delete(state: State, note_id: int) -> None:
    """Delete note NOTE_ID (the history keeps what it said)."""
    from caseorg.records.notes import delete_note

    delete_note(state.lib(), note_id)
    click.echo(f"deleted note #{note_id}")


@cli.group("saved-search")
def saved_search() -> None:
    """Saved searches: list and delete ('caseorg search QUERY --save NAME' saves one)."""


@saved_search.command("list")
@json_option
@pass_state
def saved_search_list(state: State, as_json: bool) -> None:
    """List saved searches by name."""
    from caseorg.records.saved_searches import list_saved_searches

    items = list_saved_searches(state.lib())
    if as_json:
        emit_json([s.as_dict() for s in items])
        return
    if not items:
        click.echo("no saved searches")
    for s in items:
        filters = " ".join(f"--{k} {v}" for k, v in s.filters.items())
        click.echo(f"{s.name}: {s.query}" + (f"  ({filters})" if filters else ""))


@saved_search.command("delete")
@click.argument("name")
@pass_state
def saved_search_delete(state: State, name: str) -> None:
    """Delete the saved search NAME."""
    from caseorg.records.saved_searches import delete_saved_search

    delete_saved_search(state.lib(), name)
    click.echo(f"deleted saved search {name!r}")


def main() -> None:
    """Console entry point."""
    cli(prog_name="caseorg")


if __name__ == "__main__":  # pragma: no cover
    main()
