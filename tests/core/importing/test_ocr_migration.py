"""A library written before OCR (schema m004) opens with its scanned pages awaiting OCR.

Built as that release wrote it (its migrations, then its rows), not by deleting one
migration's record from a current library: a later migration makes that library current
again (issue 14's m007 did)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image

from caseorg.importing import import_files, ocr_counts
from caseorg.library.db import connect, wrap
from caseorg.library.folder import DB_NAME, open_library
from caseorg.library.migrations import SCHEMA
from caseorg.records import add_case
from caseorg.search import index_of


def test_an_older_library_queues_its_scans(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    Image.new("L", (300, 400), 255).save(scan, "PDF", resolution=72)
    lib = open_library(tmp_path / "lib")
    case = add_case(lib, "123456789", "Ana Lopez")
    report = import_files(lib, case.id, [scan])
    doc_id = report.outcomes[0].document_id
    lib.close()
    # the library as the release before OCR wrote it (migrations up to m004): its rows
    # copied over, no page_ocr, no pages.source; its file store as it was
    old = tmp_path / "old"
    old.mkdir()
    conn = connect(old / DB_NAME)
    SCHEMA.apply(wrap(conn), stop_before="m005_page_ocr")
    with conn:
        conn.execute("ATTACH DATABASE ? AS now", [str(tmp_path / "lib" / DB_NAME)])
        for table in ("cases", "documents", "pages"):  # the columns that release had
            columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
            conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM now.{table}")
    conn.execute("DETACH DATABASE now")
    conn.close()
    shutil.copytree(tmp_path / "lib" / "files", old / "files")

    lib = open_library(old)
    try:
        assert ocr_counts(lib.db)[doc_id].awaiting == 1
        assert {r[0] for r in lib.db.execute("SELECT source FROM pages")} == {"text"}
        assert index_of(lib).search("anything") == []
    finally:
        lib.close()
