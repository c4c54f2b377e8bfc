"""Import says in words what is wrong and what to do; the readers' errors go to the log;
a PDF one reader cannot read is tried with the other before it is refused (issue 18, item 7;
PDFium reads first since issue 15)."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import pytest
from helpers import make_pdf, raw_pdf

from caseorg.importing.pipeline import import_files
from caseorg.search.handle import index_of

FILES = Path(__file__).parent / "files"  # from qpdf's test suite, see files/SOURCES.tsv


def _outcome(lib, case, path: Path):
    (outcome,) = import_files(lib, case.id, [path], workers=1, timeout=60).outcomes
    return outcome


def _in_words(message: str | None) -> str:
    assert message and "\n" not in message and len(message) < 300
    # no exception class names, no reader internals
    assert not re.search(r"[A-Z][a-z]+(Error|Exception|Object)\b|startxref|NumberObject", message)
    return message


def test_a_file_pypdf_cannot_parse_is_read_by_pdfium(lib, case) -> None:
    outcome = _outcome(lib, case, FILES / "bad2.pdf")  # pypdf: "startxref not found"
    assert outcome.status == "imported", outcome.message
    hits = index_of(lib).search("potato")
    assert [h.document_id for h in hits] == [outcome.document_id]


def test_a_file_only_pdfium_can_unlock_is_read_without_a_password(lib, case) -> None:
    outcome = _outcome(lib, case, FILES / "unfilterable-with-crypt.pdf")
    assert outcome.status == "imported", outcome.message
    assert outcome.pages == 30


@pytest.mark.corpus
def test_the_second_reader_is_noted_in_the_log(lib, case, caplog, corpus: Path) -> None:
    # PDFium reads first (issue 15); it will not open this AES-256 file, pypdf does
    with caplog.at_level(logging.INFO, logger="caseorg.importing"):
        outcome = _outcome(
            lib, case, corpus / "pdfs" / "pypdf__resources_encryption_r5-user-password.pdf"
        )
    assert outcome.status == "imported", outcome.message
    assert "read by pypdf" in caplog.text and "Incorrect password" in caplog.text


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_zip({"a.pdf": b"%PDF-1.7"}), "this is a ZIP archive, not a PDF: unpack it first"),
        (_zip({"word/document.xml": b"<w/>"}), "this is a Word document, not a PDF"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "this is a JPEG image, not a PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "this is a PNG image, not a PDF"),
        (b"Hearing notes: the respondent appeared.\n", "this is a text file, not a PDF"),
        (b"<!DOCTYPE html><html></html>", "this is a web page, not a PDF"),
        (bytes(range(256)) * 4, "this is not a PDF"),
        (b"", "the file is empty"),
    ],
)
def test_a_file_that_is_not_a_pdf_says_what_it_is(
    lib, case, tmp_path: Path, data: bytes, expected: str
) -> None:
    path = tmp_path / "exhibit.pdf"
    path.write_bytes(data)
    outcome = _outcome(lib, case, path)
    assert outcome.status == "rejected"
    assert expected in _in_words(outcome.message)


def test_a_damaged_pdf_is_refused_in_words_and_the_detail_logged(
    lib, case, tmp_path: Path, caplog
) -> None:
    loop = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    )
    (tmp_path / "loop.pdf").write_bytes(loop)
    real = make_pdf(tmp_path / "real.pdf", ["The respondent testified credibly. " * 40] * 3)
    (tmp_path / "half.pdf").write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    with caplog.at_level(logging.INFO, logger="caseorg.importing"):
        report = import_files(
            lib, case.id, [tmp_path / "loop.pdf", tmp_path / "half.pdf"], workers=1, timeout=60
        )
    for outcome in report.outcomes:
        assert outcome.status == "rejected"
        message = _in_words(outcome.message)
        assert "PDF viewer" in message and "new PDF" in message
    assert "pypdf:" in caplog.text  # the technical detail is kept for whoever needs it
