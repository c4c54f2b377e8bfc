"""A demo case's documents as real PDFs, imported the way a clerk imports files.

Each draft is written with :mod:`caseorg.demo.pdfmake` into a scratch folder,
imported through the normal pipeline (so it is stored, its text extracted and
indexed like any other file), then given the title, type, filing day and filer
the sample data says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from caseorg.demo.data import DocumentKind
from caseorg.demo.drafting import Draft
from caseorg.demo.pdfmake import write_text_pdf
from caseorg.errors import CaseorgError
from caseorg.importing import import_files
from caseorg.library import Library
from caseorg.records import edit_document


def add_documents(
    lib: Library,
    case_id: int,
    drafts: Sequence[Draft],
    kinds: Mapping[str, DocumentKind],
    folder: Path,
) -> dict[str, int]:
    """Print the drafts into ``folder`` (made here), import them into the case and set
    their details; returns each document's id by its key.

    :raises CaseorgError: a document could not be imported.
    """
    folder.mkdir()
    paths: dict[str, Path] = {}
    for draft in drafts:
        path = folder / draft.file
        if path in paths.values():
            raise ValueError(f"two demo documents of one case are both named {draft.file}")
        write_text_pdf(path, title=draft.title, paragraphs=draft.paragraphs)
        paths[draft.key] = path
    report = import_files(
        lib, case_id, list(paths.values()), workers=1
    )  # small files: one is quickest
    by_path = {outcome.path: outcome for outcome in report.outcomes}
    ids: dict[str, int] = {}
    for draft in drafts:
        path = paths[draft.key]
        outcome = by_path.get(str(path))
        if outcome is None or outcome.document_id is None or outcome.status != "imported":
            reason = outcome.message if outcome else "not imported"
            raise CaseorgError(f"the demo document {path.name} could not be imported: {reason}")
        kind = kinds[draft.key]
        edit_document(
            lib,
            outcome.document_id,
            title=draft.title,
            doc_type=kind.doc_type,
            filed_on=draft.filed.isoformat(),
            filed_by=kind.filed_by,
        )
        ids[draft.key] = outcome.document_id
    return ids
