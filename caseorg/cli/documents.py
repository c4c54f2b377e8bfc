"""Commands for a case's documents: import PDFs, document list/edit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from caseorg.choices import DOC_TYPES, FILERS
from caseorg.cli.common import (
    State,
    UserError,
    a_number_argument,
    case_id_of,
    choice,
    emit_json,
    end_progress_line,
    json_option,
    print_one,
    print_rows,
    progress_line,
    uses_library,
)
from caseorg.progress import Progress
from caseorg.words import label, us_date

if TYPE_CHECKING:
    from caseorg.importing import ImportReport
    from caseorg.library import Library


def _show_progress(progress: Progress) -> None:
    progress_line(f"{progress.text[:72]:<72}")


@click.command("import")
@a_number_argument
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--type",
    "doc_type",
    type=choice(DOC_TYPES),
    help="Document type for every file (default: guessed from the name).",
)
@click.option(
    "--filed", "filed_on", help="Filed date for every file, YYYY-MM-DD (default: found on page 1)."
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
@uses_library(writes=True)
def import_cmd(
    state: State,
    a_number: str,
    paths: tuple[Path, ...],
    doc_type: str | None,
    filed_on: str | None,
    password: str | None,
    timeout: float,
    as_json: bool,
) -> None:
    """Import PDF files and folders into the case A_NUMBER.

    Each file is reported: imported, duplicate, encrypted, no_text (scanned) or
    rejected with the reason. Exits 1 when a file was rejected.
    """
    from caseorg.importing import CancelToken, import_files

    lib = state.lib()
    case_id = case_id_of(lib, a_number)
    cancel = CancelToken()
    try:
        report = import_files(
            lib,
            case_id,
            paths,
            doc_type=doc_type,
            filed_on=filed_on,
            password=password,
            progress=_show_progress,
            cancel=cancel,
            timeout=timeout,
        )
    except KeyboardInterrupt:
        raise UserError("import interrupted; documents that finished were kept", 1) from None
    end_progress_line()
    if as_json:
        emit_json(report.as_dict())
    else:
        for outcome in report.outcomes:
            name = Path(outcome.path).name
            detail = f" — {outcome.message}" if outcome.message else ""
            pages = f" ({outcome.pages} p.)" if outcome.status == "imported" else ""
            click.echo(f"{outcome.status:<9} {name}{pages}{detail}")
        click.echo(report.summary())
        _say_awaiting_ocr(lib, report, a_number)
    if report.stopped and not as_json:
        click.echo(f"error: {report.stopped}", err=True)
    if report.count("rejected") or report.stopped:
        sys.exit(1)


def _say_awaiting_ocr(lib: Library, report: ImportReport, a_number: str) -> None:
    """One line when scanned pages of this import wait for `caseorg ocr`."""
    from caseorg.importing import ocr_counts

    ids = [o.document_id for o in report.outcomes if o.document_id is not None]
    awaiting = sum(c.awaiting for c in ocr_counts(lib.db, ids).values()) if ids else 0
    if awaiting:
        pages = "1 page awaits" if awaiting == 1 else f"{awaiting} pages await"
        click.echo(f"{pages} OCR: run `caseorg ocr {a_number}`")


@click.group("document")
def document_group() -> None:
    """Documents: list and edit their details."""


@document_group.command("list")
@a_number_argument
@json_option
@uses_library(writes=False)
def document_list(state: State, a_number: str, as_json: bool) -> None:
    """List a case's documents."""
    from caseorg.records import list_documents

    lib = state.lib()
    print_rows(
        list_documents(lib, case_id_of(lib, a_number)),
        lambda d: (
            f"#{d.id} {us_date(d.filed_on) or '—':<10} {_type_text(d):<26} {d.title} "
            f"({d.page_count} p., {label(d.text_status)})"
        ),
        as_json=as_json,
    )


def _type_text(doc: Any) -> str:
    """The document's type, marked when it was guessed at import and not yet confirmed."""
    return label(doc.doc_type) + (" (guessed)" if doc.type_guessed else "")


@document_group.command("edit")
@click.argument("document_ids", metavar="DOCUMENT_ID...", nargs=-1, required=True, type=int)
@click.option("--type", "doc_type", type=choice(DOC_TYPES), help="What kind of document it is.")
@click.option("--title", help="Title shown in lists and search results.")
@click.option("--filed", "filed_on", help="Filed date, YYYY-MM-DD.")
@click.option("--filed-by", type=choice(FILERS), help="Who filed it.")
@json_option
@uses_library(writes=True)
def document_edit(
    state: State,
    document_ids: tuple[int, ...],
    doc_type: str | None,
    title: str | None,
    filed_on: str | None,
    filed_by: str | None,
    as_json: bool,
) -> None:
    """Change the type, title, filed date or filer of one or more documents
    (caseorg document edit 12 13 14 --type brief --filed 2026-11-02)."""
    from caseorg.records import edit_documents

    docs = edit_documents(
        state.lib(),
        document_ids,
        doc_type=doc_type,
        title=title,
        filed_on=filed_on,
        filed_by=filed_by,
    )
    if len(docs) == 1:  # one document: one JSON object, as before
        print_one(docs[0], f"updated document #{docs[0].id}: {docs[0].title}", as_json=as_json)
    else:
        print_rows(docs, lambda d: f"updated document #{d.id}: {d.title}", as_json=as_json)


COMMANDS = (import_cmd, document_group)
