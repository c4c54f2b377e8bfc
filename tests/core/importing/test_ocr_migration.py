"""A library written before OCR (schema m004) opens with its scanned pages awaiting OCR."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from caseorg.importing import import_files, ocr_counts
from caseorg.library.db import MIGRATIONS_TABLE
from caseorg.library.folder import open_library
from caseorg.records import add_case
from caseorg.search import index_of


def test_an_older_library_queues_its_scans(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    Image.new("L", (300, 400), 255).save(scan, "PDF", resolution=72)
    lib = open_library(tmp_path / "lib")
    case = add_case(lib, "123456789", "Ana Lopez")
    report = import_files(lib, case.id, [scan])
    doc_id = report.outcomes[0].document_id
    # back to the schema the released version writes: no page_ocr, no pages.source
    with lib.db.conn:
        lib.db.conn.execute("DROP TABLE page_ocr")
        lib.db.conn.execute("ALTER TABLE pages DROP COLUMN source")
        lib.db.conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name >= 'm005_page_ocr'")
    lib.close()

    lib = open_library(tmp_path / "lib")
    try:
        assert ocr_counts(lib.db)[doc_id].awaiting == 1
        assert {r[0] for r in lib.db.execute("SELECT source FROM pages")} == {"text"}
        assert index_of(lib).search("anything") == []
    finally:
        lib.close()
