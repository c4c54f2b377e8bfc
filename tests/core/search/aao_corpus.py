"""The AAO corpus imported once for the search tests, and ways to ask it questions."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.documents import edit_document, title_from_name
from caseorg.search.chosen import set_engine
from caseorg.search.handle import index_of

CASE_D = "A-111-111-111"  # the T and U visa decisions (category D), typed 'decision'
CASE_OTHER = "A-222-222-222"  # everything else, type guessed from the name ('other')
FILED = {
    "aao__D12__file139.pdf": "2024-03-15",
    "aao__H4__file219.pdf": "2024-11-30",
    "aao__A3__file93.pdf": "2023-06-01",
    "aao__B2__file51.pdf": "2025-01-02",
}


def _aao() -> Path:
    folder = Path(os.environ.get("CASEORG_CORPUS") or "/nonexistent") / "aao"
    if not folder.is_dir():
        pytest.skip("CASEORG_CORPUS is not set")
    return folder


def _import_aao(lib: Library, names: list[str] | None = None) -> None:
    files = sorted(_aao().glob("*.pdf"))
    if names is not None:
        files = [f for f in files if f.name in names]
    d_case = add_case(lib, CASE_D, "Respondent D")
    other = add_case(lib, CASE_OTHER, "Respondent Other")
    d_files = [f for f in files if "__D" in f.name]
    other_files = [f for f in files if "__D" not in f.name]
    for case, group, doc_type in ((d_case, d_files, "decision"), (other, other_files, None)):
        if group:
            report = import_files(lib, case.id, group, doc_type=doc_type, timeout=60)
            assert report.count("imported") == len(group), report.summary()
    # what the search tests expect, whatever import reads from the pages (issue 18 item 5):
    # titles from the names, 'decision' for category D, no filed dates until set
    with lib.db.atomic():
        for row in lib.db.query("SELECT id, original_name FROM documents"):
            lib.db.execute(
                "UPDATE documents SET title = ?, doc_type = ?, filed_on = NULL WHERE id = ?",
                [
                    title_from_name(row["original_name"]),
                    "decision" if "__D" in row["original_name"] else "other",
                    row["id"],
                ],
            )
    ids = [row[0] for row in lib.db.execute("SELECT id FROM documents")]
    index_of(lib).index_documents(ids)


@pytest.fixture(scope="session")
def aao_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole AAO corpus imported once (about 300 pages), closed, to copy per engine."""
    _aao()
    path = tmp_path_factory.mktemp("aao") / "library"
    with open_library(path) as lib:
        _import_aao(lib)
        for name, day in FILED.items():
            edit_document(lib, _doc_id(lib, name), filed_on=day)
    return path


@pytest.fixture(scope="session", params=["whoosh", "tantivy"])
def aao(
    aao_template: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Library]:
    """The AAO corpus library searched with each engine in turn."""
    path = tmp_path_factory.mktemp(f"aao-{request.param}") / "library"
    shutil.copytree(aao_template, path)
    lib = open_library(path)
    try:
        set_engine(lib, request.param)
        index_of(lib)  # opened with the engine's own index, filled from SQLite
        yield lib
    finally:
        lib.close()


def _doc_id(lib: Library, name: str) -> int:
    row = lib.db.execute("SELECT id FROM documents WHERE original_name = ?", [name]).fetchone()
    return int(row[0])


def _names(lib: Library) -> dict[int, str]:
    return {r["id"]: r["original_name"] for r in lib.db.query("SELECT * FROM documents")}


def _pages(lib: Library, query: str, **options: object) -> set[tuple[str, int]]:
    """Every (document name, page) the search finds."""
    names = _names(lib)
    hits = index_of(lib).search(query, limit=1000, **options)  # type: ignore[arg-type]
    return {(names[h.document_id], page) for h in hits for page in h.matching_pages}


def _docs(lib: Library, query: str, **options: object) -> set[str]:
    return {name for name, _page in _pages(lib, query, **options)}


def _grep(lib: Library, pattern: str) -> set[tuple[str, int]]:
    """Pages whose stored text matches ``pattern`` (case-insensitive, whitespace folded)."""
    found = set()
    rows = lib.db.query(
        "SELECT d.original_name, p.page_no, p.text FROM pages p"
        " JOIN documents d ON d.id = p.document_id"
    )
    for row in rows:
        text = " ".join(row["text"].split())
        if re.search(pattern, text, re.IGNORECASE):
            found.add((row["original_name"], row["page_no"]))
    return found
