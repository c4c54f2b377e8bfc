"""OCR on bad input: each bad page gets a one-line reason, the rest of the document is kept;
no Tesseract or no language pack is said in one line, and importing still works."""

from __future__ import annotations

import stat
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import raw_pdf
from ocr_scans import make_scan

from caseorg.importing import OcrUnavailable, import_files, ocr_counts, run_ocr
from caseorg.importing.ocrengine import find_tesseract
from caseorg.importing.ocrstore import is_garbage, needs_ocr
from caseorg.records import add_case

needs_tesseract = pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed")


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def hostile_pdf() -> bytes:
    """Page 1 has a text layer; page 2 is 0 x 0; page 3 is a 200-inch page holding a
    20,000 x 20,000 px 1-bit image (a few black bars on white)."""
    side = 20_000
    row_white = b"\xff" * (side // 8)
    row_black = b"\x00" * (side // 8)
    squeeze = zlib.compressobj(9)
    parts = []
    for y in range(side):
        parts.append(squeeze.compress(row_black if (y // 500) % 8 == 3 else row_white))
    parts.append(squeeze.flush())
    image = b"".join(parts)
    text = b"BT /F1 14 Tf 72 720 Td (This page has a real text layer, so no OCR.) Tj ET"
    draw = b"q 14400 0 0 14400 0 0 cm /Im0 Do Q"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 8 0 R >> >> /Contents 6 0 R >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] "
            b"/Resources << /XObject << /Im0 9 0 R >> >> /Contents 7 0 R >>",
            stream(text),
            stream(draw),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            stream(
                image,
                b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 1 "
                b"/ColorSpace /DeviceGray /Filter /FlateDecode " % (side, side),
            ),
        ]
    )


def test_the_text_layer_rules() -> None:
    assert needs_ocr("") and needs_ocr("  3 \n") and needs_ocr("Page 1 of 2")
    assert not needs_ocr("The respondent appeared with counsel.")
    assert is_garbage("!x# $%q& ()zz* +,- ./0 :;<= >?@[ \\]^_ `{|}~ kq#")
    assert not is_garbage("The respondent appeared with counsel at the master hearing.")


@pytest.mark.slow
@needs_tesseract
def test_hostile_pages_each_get_a_reason_and_the_rest_is_kept(tmp_path: Path, lib: Any) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(hostile_pdf())
    case = add_case(lib, "123456789", "Ana Lopez")
    report = import_files(lib, case.id, [path])
    assert report.count("imported") == 1  # page 1 has text: a mixed PDF
    doc_id = report.outcomes[0].document_id
    awaiting = [r[0] for r in lib.db.execute("SELECT page_no FROM page_ocr ORDER BY page_no")]
    assert awaiting == [2, 3]  # only the pages without a text layer
    ocr = run_ocr(lib, workers=2, page_timeout=60)
    states = dict(
        lib.db.execute("SELECT page_no, state || ': ' || ifnull(reason, '') FROM page_ocr")
    )
    assert states[2].startswith("failed: the page has no size"), states
    assert states[3].startswith("done"), states  # scaled down to the pixel cap and read
    assert ocr.failed == 1 and ocr.done == 1
    text = lib.db.execute("SELECT text FROM pages WHERE page_no = 1").fetchone()[0]
    assert "real text layer" in text  # the text page kept its own text
    assert ocr_counts(lib.db)[doc_id].reason.startswith("the page has no size")


@pytest.mark.slow
@needs_tesseract
def test_a_fax_page_is_read(corpus: Path, tmp_path: Path, lib: Any) -> None:
    make_scan(corpus / "aao" / "aao__A1__file90.pdf", [1], tmp_path / "fax.pdf", bilevel=True)
    assert b"CCITTFaxDecode" in (tmp_path / "fax.pdf").read_bytes()
    case = add_case(lib, "123456789", "Ana Lopez")
    import_files(lib, case.id, [tmp_path / "fax.pdf"])
    assert run_ocr(lib, workers=1, dpi=200).done == 1
    text = lib.db.execute("SELECT text FROM pages").fetchone()[0]
    assert "Customs and Border Protection" in text


@pytest.mark.slow
@needs_tesseract
def test_a_page_past_its_timeout_or_a_crashing_tesseract_fails_alone(
    corpus: Path, tmp_path: Path, lib: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_scan(corpus / "aao" / "aao__A1__file90.pdf", [0, 1], tmp_path / "scan.pdf")
    case = add_case(lib, "123456789", "Ana Lopez")
    import_files(lib, case.id, [tmp_path / "scan.pdf"])
    slow = run_ocr(lib, workers=2, page_timeout=0.05)
    assert slow.failed == 2
    assert all("took longer than 0.05 s" in f["reason"] for f in slow.failures)
    crashing = tmp_path / "tesseract"
    crashing.write_text(
        '#!/bin/sh\nif [ "$1" = "--list-langs" ]; then printf "langs\\neng\\nspa\\n"; exit 0; fi\n'
        "kill -SEGV $$\n"
    )
    crashing.chmod(crashing.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("CASEORG_TESSERACT", str(crashing))
    crashed = run_ocr(lib, workers=1, force=True)  # --force: failed pages again
    assert crashed.failed == 2
    assert all("crashed" in f["reason"] for f in crashed.failures)


def test_no_tesseract_import_works_and_ocr_says_what_to_install(
    tmp_path: Path, lib: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseorg.cli.app import cli

    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("CASEORG_TESSERACT", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert find_tesseract() is None
    path = tmp_path / "scan.pdf"
    from PIL import Image

    Image.new("L", (200, 260), 255).save(path, "PDF", resolution=72)
    case = add_case(lib, "123456789", "Ana Lopez")
    report = import_files(lib, case.id, [path])
    assert report.count("no_text") == 1
    assert ocr_counts(lib.db)[report.outcomes[0].document_id].awaiting == 1
    with pytest.raises(OcrUnavailable, match="apt-get install tesseract-ocr tesseract-ocr-spa"):
        run_ocr(lib)
    folder = lib.path
    lib.close()
    result = CliRunner().invoke(cli, ["--library", str(folder), "ocr", "--all"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Tesseract" in lines[0] and "apt-get install" in lines[0]


@needs_tesseract
def test_a_missing_language_pack_is_named(lib: Any) -> None:
    with pytest.raises(OcrUnavailable, match="language pack for xyz: install tesseract-ocr-xyz"):
        run_ocr(lib, lang="eng+xyz")
