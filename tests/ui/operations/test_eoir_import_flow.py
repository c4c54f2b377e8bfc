"""Court ▸ Import EOIR Case Data…: the sample set imported on the real worker, with the
progress dialog and its Cancel, then the report dialog (counts, files, bad rows)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from caseorg import eoir
from caseorg.errors import InvalidValue
from caseorg.records.cases import list_cases
from caseorg.records.reassignments import list_reassignments
from caseorg_ui.operations.eoir_import_flow import EoirReportDialog, run_eoir_import
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QApplication, QMessageBox, QWidget


def sample_dir() -> Path:
    folder = resources.files("caseorg_resources").joinpath("samples/eoir")
    assert folder.is_dir()
    return Path(str(folder))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = Session(tmp_path / "library")
    opened.runner.show_after_ms = 0  # the progress dialog at once, even for a quick import
    yield opened
    opened.close()


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the import (the real one) until the test opens the gate, so the progress
    dialog can be seen and cancelled while it runs."""
    opened = threading.Event()
    real = eoir.import_eoir

    def gated(lib: Any, folder: Any, progress: Any = None, cancel: Any = None) -> Any:
        time.sleep(0.06)  # past the progress thinning interval
        if progress is not None:
            progress(eoir.eoir_progress(0, 8, "waiting"))
        assert opened.wait(10), "the test never opened the gate"
        return real(lib, folder, progress=progress, cancel=cancel)

    monkeypatch.setattr(eoir, "import_eoir", gated)
    return opened


def close_boxes() -> list[str]:
    texts = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            texts.append(widget.text())
            widget.close()
    return texts


def test_import_with_progress_then_report(
    qtbot: Any, session: Session, parent: QWidget, gate: threading.Event
) -> None:
    reports: list[Any] = []
    run = run_eoir_import(parent, session.runner, sample_dir(), on_done=reports.append)
    assert run is not None and run.handle is not None
    qtbot.waitUntil(lambda: run.handle.dialog is not None and run.handle.dialog.isVisible())
    dialog = run.handle.dialog
    assert "Importing EOIR case data" in dialog.title.text()
    assert dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.detail.text() == "0 of 8 cases · waiting")
    gate.set()
    qtbot.waitUntil(lambda: run.done, timeout=10000)

    assert run.error is None and run.report is not None
    assert reports == [run.report]
    report_dialog = run.dialog
    assert isinstance(report_dialog, EoirReportDialog) and report_dialog.isVisible()
    counts = {key: label.text() for key, label in report_dialog.count_labels.items()}
    assert counts["cases_created"] == "9"
    assert counts["hearings_created"] == "32"
    assert counts["judges_created"] == "4"
    assert counts["transfers_recorded"] == "1"
    assert counts["reassignments_inferred"] == "1"
    assert counts["rows_skipped"] == "1"
    lines = report_dialog.problem_lines()
    assert len(lines) == 1 and lines[0].startswith("tbl_schedule.csv:8 \N{EM DASH} ")
    assert "2025-02-30" in lines[0]
    assert "9 cases created" in report_dialog.summary.text()
    # the UI's read-only library sees what the worker wrote
    assert len(list_cases(session.read_lib)) == 9
    assert len(list_reassignments(session.read_lib)) == 1
    report_dialog.close()
    assert run.dialog is None


def test_cancel_keeps_nothing_half_done(
    qtbot: Any, session: Session, parent: QWidget, gate: threading.Event
) -> None:
    run = run_eoir_import(parent, session.runner, sample_dir())
    assert run is not None and run.handle is not None
    qtbot.waitUntil(lambda: run.handle.dialog is not None and run.handle.dialog.isVisible())
    run.handle.dialog.cancel_button.click()
    assert run.handle.dialog.cancel_button.text() == "Cancelling…"
    gate.set()
    qtbot.waitUntil(lambda: run.done, timeout=10000)
    assert run.report is not None and run.report.cancelled
    assert run.report.counts["cases_created"] == 0
    assert list_cases(session.read_lib) == []
    assert run.dialog is not None
    assert "The import was cancelled" in run.dialog.summary.text()
    run.dialog.close()


def test_a_folder_without_data_is_one_line(
    qtbot: Any, session: Session, parent: QWidget, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = run_eoir_import(parent, session.runner, empty)
    assert run is not None
    qtbot.waitUntil(lambda: run.done, timeout=10000)
    assert isinstance(run.error, InvalidValue)
    assert run.dialog is None
    texts = close_boxes()
    assert len(texts) == 1 and "no EOIR case data files" in texts[0]
    assert "\n" not in texts[0]


def test_reimport_reports_unchanged(qtbot: Any, session: Session, parent: QWidget) -> None:
    first = run_eoir_import(parent, session.runner, sample_dir())
    assert first is not None
    qtbot.waitUntil(lambda: first.done, timeout=10000)
    assert first.dialog is not None
    first.dialog.close()
    again = run_eoir_import(parent, session.runner, sample_dir())
    assert again is not None
    qtbot.waitUntil(lambda: again.done, timeout=10000)
    assert again.dialog is not None
    assert again.dialog.count_labels["cases_unchanged"].text() == "9"
    assert again.dialog.count_labels["cases_created"].text() == "0"
    again.dialog.close()


def test_progress_text() -> None:
    assert eoir.eoir_progress(0, 0, "").text == "Reading the files…"
    assert eoir.eoir_progress(3, 1200, "IDNCASE 7").text == ("3 of 1,200 cases · IDNCASE 7")
