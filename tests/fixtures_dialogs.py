"""The editing dialogs' shared parts, and the court every dialog test works on.

The court is a real library (SQLite, stored PDFs, Whoosh index) built once
with the core API and copied into each test's tmp_path: ``court.writer`` is
the writable Library the background worker would use, ``court.reader`` the
read-only one the dialogs fill their combos from.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import audit_rows, make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.judges import add_judge

DOCUMENTS = (
    ("Notice_to_Appear", "notice_to_appear"),
    ("Respondent_Brief_in_Support_of_Asylum", "brief"),
    ("Declaration_of_Ana_Lopez", "evidence"),
    ("Hearing_Notice_March", "hearing_notice"),
)


@dataclass
class Court:
    writer: Library
    reader: Library
    case_id: int
    documents: dict[str, int]  # doc_type -> document id

    def audit_rows(self) -> list[dict[str, Any]]:
        return audit_rows(self.writer)

    def audit_count(self) -> int:
        return len(audit_rows(self.writer))

    def last_audit(self) -> dict[str, Any]:
        return audit_rows(self.writer)[-1]


@pytest.fixture(scope="session", name="court_template")
def court_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three judges, one case before JRM with four imported documents."""
    root = tmp_path_factory.mktemp("court") / "library"
    pdfs = tmp_path_factory.mktemp("pdfs")
    with open_library(root) as lib:
        add_judge(lib, "JRM", "Judge Julia R. Marsh", "Harbor City Immigration Court")
        add_judge(lib, "DKO", "Judge Daniel K. Okafor", "Harbor City Immigration Court")
        add_judge(lib, "SLP", "Judge Sandra L. Pereira", "Harbor City Immigration Court")
        case = add_case(
            lib,
            "A-201-555-318",
            "Lopez Garcia, Ana Maria",
            judge_code="JRM",
            nationality="Guatemala",
            language="Spanish",
            custody="released",
            court="Harbor City Immigration Court",
            attorney="Harbor Legal Aid Society",
            opened_on="2024-06-11",
        )
        paths = [make_pdf(pdfs / f"{name}.pdf", [f"{name} page one"]) for name, _ in DOCUMENTS]
        report = import_files(lib, case.id, paths)
        assert report.ok, report.summary()
    return root


@pytest.fixture(name="court")
def court_fixture(qapp: Any, court_template: Path, tmp_path: Path) -> Iterator[Court]:
    root = tmp_path / "library"
    shutil.copytree(court_template, root)
    writer = open_library(root)
    reader = open_library(root, read_only=True)
    case = next(iter(reader.db.query("SELECT id FROM cases")))
    documents = {
        row["doc_type"]: row["id"]
        for row in reader.db.query("SELECT id, doc_type FROM documents ORDER BY id")
    }
    assert sorted(documents) == sorted(kind for _, kind in DOCUMENTS)
    try:
        yield Court(writer, reader, case["id"], documents)
    finally:
        reader.close()
        writer.close()
