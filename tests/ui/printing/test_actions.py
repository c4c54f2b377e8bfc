"""Print… and Export PDF… for hearing summaries and dockets: real PDFs read back with
pypdf, the save dialog, and one-line messages for what goes wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg_ui.printing import actions as print_actions
from caseorg_ui.printing.actions import (
    export_docket_pdf,
    export_hearing_summary_pdf,
    print_docket,
    print_hearing_summary,
)

DAY = dt.date(2025, 3, 3)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.fixture
def hearings(lib: Library) -> dict[str, int]:
    add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")
    add_judge(lib, "ABR", "Judge Alan Brooks", court="San Francisco")
    ana = add_case(lib, "A-123-456-789", "Ana Lopez Garcia", judge_code="JRM", language="Spanish")
    bo = add_case(lib, "A-222-333-444", "Bo Chen", judge_code="ABR")
    merits = add_hearing(
        lib, ana.id, "2025-03-03 10:30", kind="individual", courtroom="Courtroom 4"
    )
    master = add_hearing(lib, bo.id, "2025-03-03 09:00", courtroom="Courtroom 2")
    add_hearing(lib, bo.id, "2025-03-05 09:00", courtroom="Courtroom 2")
    return {"merits": merits.id, "master": master.id}


@pytest.fixture
def read_lib(lib: Library, hearings: dict[str, int]) -> Iterator[Library]:
    with open_library(lib.path, read_only=True) as reader:
        yield reader


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box shown, instead of showing it."""
    shown: list[str] = []

    def record(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def test_export_hearing_summary(
    qapp: Any, read_lib: Library, hearings: dict[str, int], tmp_path: Path, messages: list[str]
) -> None:
    target = tmp_path / "summary.pdf"
    assert export_hearing_summary_pdf(None, read_lib, hearings["merits"], target) == target
    text = pdf_text(target)
    assert "HEARING SUMMARY" in text
    assert "A-123-456-789" in text and "Ana Lopez Garcia" in text
    assert "Hearing summary A-123-456-789 March 3, 2025" in text  # the footer
    assert messages == []


def test_export_docket(
    qapp: Any, read_lib: Library, hearings: dict[str, int], tmp_path: Path, messages: list[str]
) -> None:
    target = tmp_path / "docket.pdf"
    assert export_docket_pdf(None, read_lib, DAY, path=target) == target
    text = pdf_text(target)
    assert "DOCKET Monday, March 3, 2025" in text
    assert "A-123-456-789" in text and "Ana Lopez Garcia" in text
    assert "A-222-333-444" in text and "Bo Chen" in text

    only = tmp_path / "jrm.pdf"
    export_docket_pdf(None, read_lib, DAY, judge_code="JRM", path=only)
    text = pdf_text(only)
    assert "Ana Lopez Garcia" in text and "Bo Chen" not in text

    week = tmp_path / "week.pdf"
    export_docket_pdf(None, read_lib, DAY, path=week, until=DAY + dt.timedelta(days=6))
    text = pdf_text(week)
    assert "through Sunday, March 9, 2025" in text and "March 5, 2025" in text
    assert messages == []


def test_save_dialog_names_the_file_and_remembers_the_folder(
    qapp: Any,
    read_lib: Library,
    hearings: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    suggested: list[str] = []
    answer = [str(out / "for the judge")]  # no .pdf typed: it is added

    def choose(_parent: Any, _caption: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return answer[0], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    written = export_hearing_summary_pdf(None, read_lib, hearings["merits"])
    assert written == out / "for the judge.pdf" and written.exists()
    assert Path(suggested[0]).name == (
        "hearing-summary-A-123-456-789-Ana-Lopez-Garcia-2025-03-03.pdf"
    )

    answer[0] = ""  # cancelled
    assert export_docket_pdf(None, read_lib, DAY) is None
    assert Path(suggested[1]).parent == out  # where the last report went
    assert Path(suggested[1]).name == "docket-2025-03-03.pdf"
    assert sorted(p.name for p in out.iterdir()) == ["for the judge.pdf"]


def test_problems_are_one_line_messages(
    qapp: Any, read_lib: Library, hearings: dict[str, int], tmp_path: Path, messages: list[str]
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    missing = out / "no such folder" / "summary.pdf"
    assert export_hearing_summary_pdf(None, read_lib, hearings["merits"], missing) is None
    assert export_hearing_summary_pdf(None, read_lib, 999, out / "x.pdf") is None
    assert export_docket_pdf(None, read_lib, DAY, judge_code="XYZ", path=out / "d.pdf") is None
    assert print_hearing_summary(None, read_lib, 999) is False
    assert len(messages) == 4
    assert "does not exist" in messages[0]
    assert "hearing 999 not found" in messages[1]
    assert "XYZ" in messages[2]
    assert all("\n" not in text for text in messages)
    assert list(out.iterdir()) == []


def test_print_goes_through_the_preview(
    qapp: Any,
    read_lib: Library,
    hearings: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    """The preview's printer is made to print to a file, so what it prints can be read."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QDialog

    from caseorg_ui.printing import output as printing

    printed: list[Path] = []

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        target = tmp_path / f"printed{len(printed)}.pdf"
        printer = printing.make_printer("preview")
        printer.setOutputFileName(str(target))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.paintRequested.emit(printer)
        printed.append(target)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert print_hearing_summary(None, read_lib, hearings["merits"])
    assert print_docket(None, read_lib, DAY, judge_code="ABR")
    summary, docket = (pdf_text(path) for path in printed)
    assert "A-123-456-789" in summary and "Ana Lopez Garcia" in summary
    assert "Bo Chen" in docket and "Ana Lopez" not in docket
    assert messages == []


def test_names_are_safe_for_files() -> None:
    assert print_actions._safe_name("A-123-456-789 O'Brien / Núñez") == (
        "A-123-456-789-O-Brien-Nunez"
    )
    assert print_actions._safe_name("///") == "report"
