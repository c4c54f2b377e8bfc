"""File ▸ Back Up in the app: a damaged stored file is named, never reported as backed
up (the command line exits 1 for it; the app must say it as plainly)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.importing import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg_ui.operations.messages import _open_boxes
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QMessageBox
from caseorg_ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    with open_library(tmp_path / "library") as lib:
        case = add_case(lib, "A-123-456-789", "Ana Lopez Garcia")
        files = [make_pdf(tmp_path / f"brief{n}.pdf", [f"brief {n} text"]) for n in (1, 2)]
        import_files(lib, case.id, files)
    opened = MainWindow(Session(tmp_path / "library"), restore=False)
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def backed_up(qtbot: Any, window: MainWindow, dest: Path) -> QMessageBox:
    before = list(_open_boxes)  # (not a count: a message forgets boxes deleted meanwhile)
    window.start_backup(dest)
    qtbot.waitUntil(lambda: any(b not in before for b in _open_boxes), timeout=60_000)
    box = next(b for b in _open_boxes if b not in before)
    box.close()
    return box


def test_a_sound_library_is_backed_up(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    box = backed_up(qtbot, window, tmp_path / "one.zip")
    assert box.text() == f"The library was backed up to {tmp_path / 'one.zip'}."
    assert box.icon() == QMessageBox.Icon.Information


def test_a_damaged_stored_file_is_named_not_backed_up(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    stored = sorted(p for p in (tmp_path / "library" / "files").rglob("*") if p.is_file())
    assert len(stored) == 2
    data = bytearray(stored[0].read_bytes())
    data[100:200] = b"\x00" * 100  # a bad sector inside the evidence
    stored[0].chmod(0o600)
    stored[0].write_bytes(bytes(data))
    box = backed_up(qtbot, window, tmp_path / "two.zip")
    assert box.icon() == QMessageBox.Icon.Warning
    assert "except 1 damaged stored file NOT backed up" in box.text()
    assert stored[0].name in box.text() and "Check Library" in box.text()
    assert "NOT backed up" in window.statusBar().currentMessage()
