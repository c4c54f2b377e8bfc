"""``caseorg ocr``: read the scanned pages awaiting OCR (Tesseract), with a progress line."""

from __future__ import annotations

import sys

import click

from caseorg.cli.common import (
    State,
    UserError,
    case_id_of,
    emit_json,
    end_progress_line,
    json_option,
    progress_line,
    uses_library,
)
from caseorg.progress import Progress


def _show_progress(progress: Progress) -> None:
    bar = ""
    if progress.total:
        filled = round(20 * (progress.done or 0) / progress.total)
        bar = f"[{'#' * filled}{'.' * (20 - filled)}] "
    progress_line(f"{bar}{progress.text[:60]:<60}")


def _document_ids(state: State, a_numbers: tuple[str, ...]) -> list[int]:
    lib = state.lib()
    ids: list[int] = []
    for a_number in a_numbers:
        case_id = case_id_of(lib, a_number)
        ids += [
            r[0] for r in lib.db.execute("SELECT id FROM documents WHERE case_id = ?", [case_id])
        ]
    return ids


@click.command("ocr")
@click.argument("a_numbers", nargs=-1)
@click.option("--all", "every_case", is_flag=True, help="Every case in the library.")
@click.option(
    "--document",
    "document_ids",
    type=int,
    multiple=True,
    help="Only this document (its id; repeatable). With --force: every page of it.",
)
@click.option(
    "--lang", default="eng+spa", show_default=True, help="Tesseract languages, joined by '+'."
)
@click.option(
    "--force",
    is_flag=True,
    help="Read again failed pages and pages whose text layer is garbage "
    "(with --document: every page).",
)
@json_option
@uses_library(writes=True)
def ocr_cmd(
    state: State,
    a_numbers: tuple[str, ...],
    every_case: bool,
    document_ids: tuple[int, ...],
    lang: str,
    force: bool,
    as_json: bool,
) -> None:
    """Read the scanned pages awaiting OCR in the cases A_NUMBER ... (or --all); a case
    known only from EOIR's data is named EOIR-310000001.

    Pages are read in parallel with Tesseract and become searchable as they finish.
    Ctrl-C stops; finished pages are kept and the rest wait for the next run.
    """
    from caseorg.importing import CancelToken, run_ocr

    if not (a_numbers or every_case or document_ids):
        raise UserError("name cases (A_NUMBER ...), documents (--document ID) or use --all", 2)
    lib = state.lib()
    lib.require_writable()
    scope: list[int] | None = None
    if not every_case:
        scope = _document_ids(state, a_numbers) + list(document_ids)
    cancel = CancelToken()
    try:
        report = run_ocr(
            lib,
            scope,
            force=force and not document_ids,
            force_every_page=force and bool(document_ids),
            lang=lang,
            progress=None if as_json else _show_progress,
            cancel=cancel,
        )
    except KeyboardInterrupt:
        cancel.cancel()
        end_progress_line()
        raise UserError("OCR interrupted; pages that finished were kept", 1) from None
    end_progress_line()
    if as_json:
        emit_json(report.as_dict())
    else:
        for failure in report.failures:
            click.echo(
                f"failed    document {failure['document_id']} page {failure['page']}"
                f" — {failure['reason']}"
            )
        click.echo(report.summary())
    if report.failed or report.cancelled:
        sys.exit(1)


COMMANDS = (ocr_cmd,)
