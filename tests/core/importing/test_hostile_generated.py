"""Hostile PDFs made here, byte by byte: loops, bombs, deep nesting, huge page counts and pages.

Each must be imported, recorded with a status, or rejected with a one-line
reason — within its timeout, without growing the main process, and leaving
no half-written record.
"""

from __future__ import annotations

import resource
import time
import zlib
from pathlib import Path

import pytest
from helpers import count, raw_pdf, stored_files

from caseorg.demo.pdfmake import build_pdf
from caseorg.importing.pipeline import import_files
from caseorg.search.handle import index_of
from caseorg.upkeep.check import check_library

pytestmark = pytest.mark.slow

TIMEOUT = 20.0


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page_tree_loop() -> bytes:
    """/Kids of the page tree point back at the tree itself (and at each other)."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    )


def decompression_bomb(megabytes: int = 300) -> bytes:
    """A page whose content stream inflates from ~0.3 MB to ``megabytes`` MB."""
    squeeze = zlib.compressobj(9)
    chunk = b"0 0 m " * (1 << 16)
    parts = [squeeze.compress(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n")]
    for _ in range(megabytes * (1 << 20) // len(chunk)):
        parts.append(squeeze.compress(chunk))
    parts.append(squeeze.flush())
    data = b"".join(parts)
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream(data, b"/Filter /FlateDecode "),
            FONT,
        ]
    )


def deep_nesting(depth: int = 200_000) -> bytes:
    """An array nested deeper than any parser's recursion limit."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Junk " + b"[" * depth + b"]" * depth + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def xref_prev_loop() -> bytes:
    """The trailer's /Prev points at its own cross-reference table."""
    body = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )
    xref_at = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return body.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref_at)


def huge_single_page(lines: int = 3000) -> bytes:
    """One 200 x 200 inch page (the largest PDF allows) covered in text."""
    content = (
        b"BT /F1 4 Tf 20 14380 Td 5 TL "
        + b"".join(
            b"(Line %d of the record: the respondent fears persecution.) '\n" % n
            for n in range(lines)
        )
        + b"ET"
    )
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream(content),
            FONT,
        ]
    )


def _assert_one_line(message: str | None) -> None:
    assert message and "\n" not in message and "Traceback" not in message
    assert len(message) < 300


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def test_structural_attacks_are_refused_or_recorded_in_time(lib, case, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    made = {
        "loop": page_tree_loop(),
        "bomb": decompression_bomb(),
        "nesting": deep_nesting(),
        "prev_loop": xref_prev_loop(),
    }
    for name, data in made.items():
        (folder / f"{name}.pdf").write_bytes(data)
    before = _peak_rss_mb()
    started = time.monotonic()
    report = import_files(lib, case.id, [folder], workers=2, timeout=TIMEOUT)
    elapsed = time.monotonic() - started
    # the per-file timeout is the bound (two workers, four files, plus start-up)
    assert elapsed < 2 * TIMEOUT + 30
    assert _peak_rss_mb() - before < 200, "hostile files are parsed in workers, not here"
    outcomes = {Path(o.path).stem: o for o in report.outcomes}
    assert sorted(outcomes) == sorted(made)
    for name, outcome in outcomes.items():
        assert outcome.status in ("rejected", "no_text", "imported"), (name, outcome)
        if outcome.status == "rejected":
            _assert_one_line(outcome.message)
            assert outcome.document_id is None
    # none of these has a real page of text, so none can be searchable
    assert outcomes["loop"].status == "rejected"
    # PDFium, the second reader (issue 18), reads past the nesting: one blank page
    assert outcomes["nesting"].status in ("rejected", "no_text")
    assert outcomes["bomb"].status == "rejected"
    documents = count(lib, "documents")
    assert documents == sum(1 for o in outcomes.values() if o.status != "rejected")
    assert len(stored_files(lib)) == documents
    assert check_library(lib).ok


def test_two_thousand_pages_import_whole_and_searchable(lib, case, tmp_path: Path) -> None:
    pages = [[f"Page {n} of the administrative record."] for n in range(1, 2001)]
    pages[1776] = ["Page 1777: the respondent described the checkpoint at Zacapa."]
    path = tmp_path / "record.pdf"
    path.write_bytes(build_pdf(pages))
    report = import_files(lib, case.id, [path], timeout=120)
    (outcome,) = report.outcomes
    assert outcome.status == "imported", outcome
    assert outcome.pages == 2000
    assert count(lib, "pages") == 2000
    (hit,) = index_of(lib).search("Zacapa")
    assert hit.matching_pages == [1777]


def test_a_huge_single_page_is_imported(lib, case, tmp_path: Path) -> None:
    path = tmp_path / "poster.pdf"
    path.write_bytes(huge_single_page())
    report = import_files(lib, case.id, [path], timeout=60)
    (outcome,) = report.outcomes
    assert outcome.status == "imported", outcome
    assert outcome.pages == 1
    (hit,) = index_of(lib).search('"Line 2999 of the record"')
    assert hit.matching_pages == [1]
