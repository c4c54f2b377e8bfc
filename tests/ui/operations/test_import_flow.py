"""File ▸ Import through the window: progress, cancel keeping what finished, passwords
for encrypted files, and the report of every file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf
from pypdf import PdfReader, PdfWriter

from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg_ui.operations.import_flow import ImportReportDialog
from caseorg_ui.operations.runner import Session
from caseorg_ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    with open_library(tmp_path / "library") as lib:
        add_case(lib, "A-123-456-789", "Ana Lopez Garcia")
    opened = MainWindow(Session(tmp_path / "library"), restore=False)
    qtbot.addWidget(opened)
    opened.show()
    opened.show_case(1)
    yield opened
    opened.close()


def documents(window: MainWindow) -> list[dict[str, Any]]:
    return list(window.read_lib.db.query("SELECT * FROM documents WHERE case_id = 1"))


def wait_report(qtbot: Any, window: MainWindow, timeout: int = 60_000) -> ImportReportDialog:
    qtbot.waitUntil(lambda: window.import_flow.report_dialog is not None, timeout=timeout)
    report = window.import_flow.report_dialog
    assert report is not None
    return report


def encrypt(source: Path, target: Path, password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


@pytest.mark.corpus
def test_import_real_decisions_with_progress(qtbot: Any, window: MainWindow, corpus: Path) -> None:
    files = sorted((corpus / "aao").glob("*.pdf"))[:6]
    handle = window.import_flow.start(1, files)
    qtbot.waitUntil(lambda: handle.dialog is not None or handle.done, timeout=10_000)
    if handle.dialog is not None:  # slower than ~500 ms, as a first import always is
        dialog = handle.dialog
        assert "Importing into A-123-456-789 Ana Lopez Garcia" in dialog.title.text()
        assert dialog.cancel_button.isVisible()
        qtbot.waitUntil(lambda: " of 6 files" in dialog.detail.text(), timeout=30_000)
    report = wait_report(qtbot, window)
    assert sorted(report.files("imported")) == sorted(p.name for p in files)
    assert len(documents(window)) == 6
    assert window.case_view.models["documents"].rowCount() == 6
    assert "6 documents" in window.counts_label.text()
    report.close()


@pytest.mark.corpus
def test_cancel_keeps_what_finished(qtbot: Any, window: MainWindow, corpus: Path) -> None:
    files = sorted((corpus / "aao").glob("*.pdf"))
    assert len(files) > 20
    handle = window.import_flow.start(1, files)
    qtbot.waitUntil(lambda: handle.dialog is not None, timeout=10_000)
    dialog = handle.dialog
    assert dialog is not None

    def files_done() -> int:
        match = re.match(r"(\d+) of \d+ files", dialog.detail.text())
        return int(match.group(1)) if match else 0

    qtbot.waitUntil(lambda: files_done() >= 2, timeout=60_000)
    dialog.cancel_button.click()
    report = wait_report(qtbot, window)
    last = window.import_flow.last_report
    assert last is not None and last.cancelled
    imported = report.files("imported")
    assert 2 <= len(imported) < len(files)
    kept = documents(window)
    assert sorted(d["original_name"] for d in kept) == sorted(imported)
    # what finished is whole: pages stored and searchable
    pages = window.read_lib.db.execute("SELECT count(*) FROM pages").fetchone()[0]
    assert pages == sum(d["page_count"] for d in kept) > 0
    report.close()


def test_encrypted_file_asks_for_password_and_reimports(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    plain = make_pdf(tmp_path / "src" / "Brief.pdf", ["A well-founded fear of persecution."])
    locked = encrypt(
        make_pdf(tmp_path / "src" / "Sealed.pdf", ["Sealed medical evaluation."]),
        tmp_path / "Sealed_Declaration.pdf",
        "s3cret",
    )
    window.import_flow.start(1, [plain, locked])
    qtbot.waitUntil(lambda: window.import_flow.password_dialog is not None, timeout=60_000)
    ask = window.import_flow.password_dialog
    assert ask is not None and "Sealed_Declaration.pdf" in ask.labelText()
    ask.setTextValue("wrong")
    ask.accept()
    # a wrong password asks again
    qtbot.waitUntil(lambda: window.import_flow.password_dialog not in (None, ask), timeout=60_000)
    again = window.import_flow.password_dialog
    assert again is not None and "did not open" in again.labelText()
    again.setTextValue("s3cret")
    again.accept()
    report = wait_report(qtbot, window)
    assert sorted(report.files("imported")) == ["Brief.pdf", "Sealed_Declaration.pdf"]
    assert report.files("encrypted") == []
    statuses = {d["original_name"]: d["text_status"] for d in documents(window)}
    assert statuses == {"Brief.pdf": "ok", "Sealed_Declaration.pdf": "ok"}
    report.close()


def test_skipped_password_leaves_file_listed_as_encrypted(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    locked = encrypt(
        make_pdf(tmp_path / "src" / "x.pdf", ["Confidential."]), tmp_path / "Locked.pdf", "pw"
    )
    window.import_flow.start(1, [locked])
    qtbot.waitUntil(lambda: window.import_flow.password_dialog is not None, timeout=60_000)
    window.import_flow.password_dialog.reject()
    report = wait_report(qtbot, window)
    assert report.files("encrypted") == ["Locked.pdf"]
    assert [d["text_status"] for d in documents(window)] == ["encrypted"]
    assert window.case_view.models["documents"].rowCount() == 1
    report.close()


def test_report_lists_duplicates_and_rejected_with_reasons(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    brief = make_pdf(tmp_path / "Brief.pdf", ["Extreme hardship to a qualifying relative."])
    copy = tmp_path / "copy" / "Brief_copy.pdf"
    copy.parent.mkdir()
    copy.write_bytes(brief.read_bytes())
    notes = tmp_path / "notes.txt"
    notes.write_text("not a pdf")
    broken = tmp_path / "Broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    window.import_flow.start(1, [brief, copy, notes, broken])
    report = wait_report(qtbot, window)
    assert report.files("imported") == ["Brief.pdf"]
    assert report.files("duplicate") == ["Brief_copy.pdf"]
    assert sorted(report.files("rejected")) == ["Broken.pdf", "notes.txt"]
    rejected = report.groups["rejected"]
    reasons = [rejected.child(i).text(1) for i in range(rejected.childCount())]
    assert all(reason and "\n" not in reason for reason in reasons)
    assert "1 imported, 1 duplicate" in window.statusBar().currentMessage()
    report.close()
