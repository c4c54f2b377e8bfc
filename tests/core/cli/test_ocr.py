"""`caseorg import` says how many pages await OCR; `caseorg ocr` reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ocr_scans import make_scan

from caseorg.importing.ocrengine import find_tesseract


@pytest.mark.slow
@pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed")
def test_import_then_ocr(run, corpus: Path, tmp_path: Path) -> None:
    make_scan(corpus / "aao" / "aao__A1__file90.pdf", [1], tmp_path / "scan.pdf")
    added = run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez")
    assert added.exit_code == 0, added.output
    imported = run("import", "123456789", str(tmp_path / "scan.pdf"))
    assert "1 page awaits OCR: run `caseorg ocr 123456789`" in imported.output
    result = run("ocr", "123456789", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["done"] == 1 and report["remaining"] == 0
    found = run("search", "Customs and Border Protection")
    assert "123" in found.output


def test_ocr_needs_a_scope(run) -> None:
    result = run("ocr")
    assert result.exit_code == 2
