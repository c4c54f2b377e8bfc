"""Reports printed to real PDFs through QTextDocument, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers import common_umask
from pypdf import PdfReader

from caseorg.errors import CaseorgError
from caseorg.records.cases import add_case, edit_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.notices import add_notice
from caseorg.records.reassignments import reassign
from caseorg.reports.docket import docket_html
from caseorg.reports.summary import hearing_summary_html
from caseorg_ui.printing import output as printing
from caseorg_ui.printing.output import write_pdf


def page_texts(path: Path) -> list[str]:
    """The words of each page, whitespace collapsed (pypdf separates words with tabs)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def split_words(document: Any) -> list[str]:
    """Table cells whose text Qt broke inside a word (its fallback when columns overflow)."""
    broken = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        if printing._table_at(document, block) is not None:
            for index in range(layout.lineCount() - 1):
                line = layout.lineAt(index)
                end = line.textStart() + line.textLength()
                if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                    broken.append(text)
        block = block.next()
    return broken


def page_geometry() -> tuple[Any, float, float]:
    printer = printing.make_printer()
    dpi = printer.resolution()
    rect = printer.pageLayout().paintRectPixels(dpi)
    return printer, float(rect.width()), rect.height() - printing.FOOTER_INCH * dpi


@pytest.fixture
def merits(lib: Any, case: Any) -> int:
    """An individual hearing after a reassignment, ending in an in absentia order on a
    returned notice."""
    add_judge(lib, "TLW", "Judge Thomas Lee Wong", court="San Francisco")
    edit_case(lib, case.id, custody="detained", dhs_counsel="ACC Naomi Park")
    first = add_hearing(
        lib, case.id, "2025-01-10 09:00", outcome="continued", adjournment_reason="seek counsel"
    )
    add_notice(lib, first.id, "2024-12-01", method="personal", address="12 Oak St")
    reassign(
        lib,
        case.id,
        "TLW",
        "caseload balancing",
        effective_on="2025-02-01",
        ordered_by="ACIJ Castellano",
        midstream=True,
    )
    hearing = add_hearing(
        lib,
        case.id,
        "2025-03-03 10:30",
        kind="individual",
        courtroom="Courtroom 4",
        interpreter_language="Spanish",
        outcome="in_absentia_order",
    )
    add_notice(lib, hearing.id, "2025-02-05", address="12 Oak St", returned_undeliverable=True)
    return hearing.id


def busy_docket(lib: Any, count: int = 36) -> None:
    """``count`` hearings on March 3, 2025 before two judges, some with long details."""
    add_judge(lib, "AAB", "Judge Alice A. Baker", court="San Francisco")
    for number in range(count):
        attorney = None if number % 4 == 0 else "Harbor Legal Aid Society, Esq."
        person = add_case(
            lib,
            f"A-300-000-{number:03d}",
            f"Respondent Number{number} Longfamilyname Secondsurname",
            judge_code="AAB" if number % 2 else "JRM",
            nationality="Guatemala",
            attorney=attorney,
            custody=("detained", "released", "non_detained")[number % 3],
        )
        add_hearing(
            lib,
            person.id,
            f"2025-03-03 {8 + number % 9:02d}:{(number * 5) % 60:02d}",
            courtroom=f"Courtroom {1 + number % 3}",
            kind=("master", "individual")[number % 2],
            medium=("in_person", "video", "telephone")[number % 3],
            interpreter_language=("Haitian Creole", "Spanish", None)[number % 3],
            outcome="in_absentia_order" if number % 7 == 3 else "pending",
        )


def test_summary_pdf_reads_back(qapp: Any, lib: Any, merits: int, tmp_path: Path) -> None:
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    write_pdf(hearing_summary_html(lib, merits), target, title="Hearing summary 2")

    reader = PdfReader(target)
    assert reader.metadata is not None and reader.metadata.title == "Hearing summary 2"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
    pages = page_texts(target)
    text = " ".join(pages)
    for fact in (
        "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
        "HEARING SUMMARY",
        "A-123-456-789",
        "Ana Lopez Garcia",
        "IN REMOVAL PROCEEDINGS",
        "Monday, March 3, 2025, 10:30 AM",
        "Individual (merits)",
        "Courtroom 4",
        "January 10, 2025 9:00 AM Master",  # the prior hearing
        "caseload balancing",  # the reassignment
        "Rosa Martinez (JRM) Thomas Lee Wong (TLW)",
        "ACIJ Castellano",
        "NOTICE WARNING",
        "was returned undeliverable",
    ):
        assert fact in text, fact
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Hearing summary 2 Page {number} of {len(pages)}")
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"]  # no temp file left


def test_docket_pdf_keeps_rows_whole(qapp: Any, lib: Any, case: Any, tmp_path: Path) -> None:
    busy_docket(lib)
    html = docket_html(lib, dt.date(2025, 3, 3))
    target = tmp_path / "docket.pdf"
    write_pdf(html, target, title="Docket 2025-03-03")

    pages = page_texts(target)
    assert len(pages) > 2
    text = " ".join(pages)
    assert "DOCKET Monday, March 3, 2025" in text
    for number in range(36):  # every hearing printed once: no row lost or doubled
        assert text.count(f"A-300-000-{number:03d}") == 1
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Docket 2025-03-03 Page {number} of {len(pages)}")
        # each page's table starts with its header row
        assert "Time A-number Respondent Hearing Interpreter Custody Counsel Outcome" in page

    printer, width, height = page_geometry()
    document = printing.paginate(html, printer, width, height)
    assert printing.find_break(document, height) is None  # no row cut by a page break
    assert split_words(document) == []  # and no word cut by a too narrow column


def test_summary_columns_fit(qapp: Any, lib: Any, merits: int) -> None:
    printer, width, height = page_geometry()
    document = printing.paginate(hearing_summary_html(lib, merits), printer, width, height)
    assert printing.find_break(document, height) is None
    assert split_words(document) == []


def test_range_docket_pdf(qapp: Any, lib: Any, merits: int, tmp_path: Path) -> None:
    html = docket_html(lib, dt.date(2025, 1, 1), until=dt.date(2025, 3, 31))
    target = tmp_path / "range.pdf"
    write_pdf(html, target, title="Docket Q1")
    text = " ".join(page_texts(target))
    assert "Wednesday, January 1, 2025 through Monday, March 31, 2025" in text
    assert "January 10, 2025 9:00 AM A-123-456-789 Ana Lopez Garcia" in text
    assert "March 3, 2025 10:30 AM A-123-456-789 Ana Lopez Garcia" in text
    printer, width, height = page_geometry()
    assert split_words(printing.layout_document(html, printer, width, height)) == []


def test_empty_docket_pdf(qapp: Any, lib: Any, case: Any, tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    write_pdf(docket_html(lib, dt.date(2025, 3, 8)), target, title="Docket 2025-03-08")
    assert page_texts(target) == [page_texts(target)[0]]  # one page
    assert "No hearings scheduled" in page_texts(target)[0]


def test_apply_break_splits_a_table_and_repeats_its_header() -> None:
    html = (
        '<h2>Hearings</h2><table border="1" style="margin: 0"><thead><tr><th>A</th></tr>'
        "</thead><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>"
        "<h2>Notices</h2><table><tr><td>x</td></tr></table>"
    )
    split = printing.apply_break(html, printing._Break("table", 0, 2))
    assert split == (
        '<h2>Hearings</h2><table border="1" style="margin: 0"><thead><tr><th>A</th></tr>'
        "</thead><tr><td>1</td></tr></table>\n"
        '<table border="1" style="margin: 0; page-break-before: always;">'
        "<thead><tr><th>A</th></tr></thead>\n<tr><td>2</td></tr><tr><td>3</td></tr></table>"
        "<h2>Notices</h2><table><tr><td>x</td></tr></table>"
    )
    moved = printing.apply_break(html, printing._Break("heading", 1))
    assert '<h2 style="page-break-before: always;">Notices</h2>' in moved
    assert printing.apply_break(html, printing._Break("table", 1)).endswith(
        '<table style="page-break-before: always;"><tr><td>x</td></tr></table>'
    )


def test_a_heading_is_not_left_at_the_bottom_of_a_page(qapp: Any) -> None:
    printer, width, height = page_geometry()
    section = "<h2>Prior hearings</h2><table border='1'><tr><td>row</td></tr></table>"
    stranded = 0
    for lines in range(25, 75):  # wherever the page ends, heading and table stay together
        html = "<p>filler</p>" * lines + section
        raw = printing.layout_document(html, printer, width, height)
        if printing.find_break(raw, height) is not None:
            stranded += 1
        mended = printing.paginate(html, printer, width, height)
        assert printing.find_break(mended, height) is None
        assert mended.pageCount() <= raw.pageCount() + 1
    assert stranded  # Qt alone does strand the heading somewhere in that range


def test_nested_tables_and_cell_headings_keep_the_count_right(qapp: Any) -> None:
    printer, width, height = page_geometry()
    nested = (
        "<table border='1'><tr><td><h3>In a cell</h3>"
        "<table border='1'><tr><td>inner</td></tr></table></td></tr></table>"
    )
    rows = "".join(f"<tr><td>row {n}<br>second<br>third</td><td>x</td></tr>" for n in range(90))
    html = (
        nested
        + "<h2>Long</h2><table border='1'><thead><tr><th>A</th><th>B</th></tr></thead>"
        + rows
        + "</table><h2>After</h2><p>end</p>"
    )
    assert printing.find_break(printing.layout_document(html, printer, width, height), height)
    document = printing.paginate(html, printer, width, height)
    assert printing.find_break(document, height) is None
    assert document.pageCount() > 2
    text = document.toPlainText()
    assert all(f"row {n}" in text for n in range(90))


def test_existing_file_is_replaced(qapp: Any, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old contents")
    write_pdf("<h1>New</h1>", target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert "New" in page_texts(target)[0]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_pdf_is_private_even_over_a_world_readable_file(qapp: Any, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old report")
    os.chmod(target, 0o644)
    with common_umask():
        write_pdf("<h1>Ana Lopez</h1>", target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_unwritable_or_missing_folder_is_one_clear_error(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(CaseorgError, match="does not exist"):
        write_pdf("<p>x</p>", tmp_path / "missing" / "report.pdf")

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(CaseorgError) as caught:
        write_pdf("<p>x</p>", tmp_path / "report.pdf")
    message = str(caught.value)
    assert "not writable" in message and "Permission denied" in message
    assert "\n" not in message
    assert not (tmp_path / "report.pdf").exists()


def test_failed_print_leaves_nothing_behind(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def fail(*_args: object, **_kwargs: object) -> int:
        raise CaseorgError("printer on fire")

    monkeypatch.setattr(printing, "render_to_printer", fail)
    with pytest.raises(CaseorgError, match="printer on fire"):
        write_pdf("<p>x</p>", target)
    assert target.read_bytes() == b"previous report"  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_print_preview_renders_through_the_same_path(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QDialog

    target = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = printing.make_printer("preview")
        printer.setOutputFileName(str(target))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.paintRequested.emit(printer)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert printing.print_document("<h1>Preview me</h1>", title="preview")
    assert "Preview me" in page_texts(target)[0]


def test_write_pdf_needs_no_display_and_no_app(tmp_path: Path) -> None:
    """From a plain script (the CLI): no Qt application yet, no DISPLAY."""
    target = tmp_path / "headless.pdf"
    script = textwrap.dedent(
        """
        import os, sys
        from PySide6.QtCore import QCoreApplication
        from caseorg_ui.printing.output import write_pdf
        assert QCoreApplication.instance() is None
        write_pdf("<h1>Headless</h1><p>Immigration Court</p>", sys.argv[1], title="t")
        print(os.environ.get("QT_QPA_PLATFORM"))
        """
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    if sys.platform.startswith("linux"):
        assert result.stdout.strip() == "offscreen"
    assert "Headless" in page_texts(target)[0]
