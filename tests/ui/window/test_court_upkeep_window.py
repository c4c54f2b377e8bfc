"""File ▸ Back Up and Rebuild Search Index on a court library (PostgreSQL, issue 16), in
the app: each runs on the worker with progress; Back Up writes one snapshot in the folder
library's backup format (restored into a folder here, every case and file there), its
Cancel — pressed while the backup waits mid-way on a locked table — leaves no archive,
no partial file and no scratch copy; Rebuild Search Index rebuilds the server's word
list and indexes for the owner and tells a clerk why in one line. Real server
(tests/pgserver.py)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from helpers import make_pdf

from caseorg.importing import import_files
from caseorg.library import CourtLibrary, open_library
from caseorg.library.pg_schema import CLERK_ROLE
from caseorg.records.cases import add_case
from caseorg.upkeep import restore_library
from caseorg_ui.operations.messages import _open_boxes
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QMessageBox
from caseorg_ui.window.main_window import MainWindow
from caseorg_ui.window.menus import COURT_TIPS

SHOTS = os.environ.get("CASEORG_SHOTS")


@pytest.fixture
def court(court_lib: CourtLibrary, tmp_path: Path) -> CourtLibrary:
    ana = add_case(court_lib, "A-123-456-789", "Ana Lopez Garcia")
    add_case(court_lib, "A-987-654-321", "Bo Chen")
    pdfs = [
        make_pdf(tmp_path / f"brief{n}.pdf", [f"Brief {n} on extreme hardship."]) for n in (1, 2)
    ]
    assert import_files(court_lib, ana.id, pdfs, workers=1).count("imported") == 2
    return court_lib


def _window(qtbot: Any, url: str) -> MainWindow:
    opened = MainWindow(Session(url), restore=False)
    qtbot.addWidget(opened)
    opened.resize(1100, 700)
    opened.show()
    qtbot.waitExposed(opened)
    return opened


@pytest.fixture
def window(qtbot: Any, court: CourtLibrary) -> Iterator[MainWindow]:
    opened = _window(qtbot, court.url)
    yield opened
    opened.close()


def _shot(widget: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    assert widget.grab().save(str(path)) and path.stat().st_size > 2000
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _box(qtbot: Any, before: list[QMessageBox]) -> QMessageBox:
    """The message box opened since ``before`` (a snapshot of the open ones: a count
    would not do, as showing a message forgets boxes deleted meanwhile)."""
    qtbot.waitUntil(lambda: any(b not in before for b in _open_boxes), timeout=60_000)
    box = next(b for b in _open_boxes if b not in before)
    box.close()
    return box


def _scratch() -> list[Path]:
    """This process's backup scratch folders (a court backup's snapshot copy)."""
    return list(Path(tempfile.gettempdir()).glob(f"caseorg-backup-{os.getpid()}-*"))


def test_back_up_a_court_library_and_restore_it_into_a_folder(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    for name in ("backup", "reindex"):  # offered now, each saying what it does here
        action = window.actions_by_name[name]
        assert action.isEnabled() and action.toolTip() == COURT_TIPS[name]
    dest = tmp_path / "court.zip"
    before = list(_open_boxes)
    task = window.start_backup(dest)
    assert task.cancellable
    box = _box(qtbot, before)
    assert box.text() == f"The library was backed up to {dest}."
    assert box.icon() == QMessageBox.Icon.Information
    assert _scratch() == []
    restore_library(dest, tmp_path / "restored")
    with open_library(tmp_path / "restored", create=False, read_only=True) as copy:
        names = [r[0] for r in copy.conn.execute("SELECT respondent FROM cases ORDER BY 1")]
        assert names == ["Ana Lopez Garcia", "Bo Chen"]
        hashes = [r[0] for r in copy.conn.execute("SELECT sha256 FROM documents")]
        assert len(hashes) == 2 and all(copy.store.has(h) for h in hashes)


def test_cancel_mid_backup_leaves_nothing_behind(
    qtbot: Any, window: MainWindow, court: CourtLibrary, tmp_path: Path
) -> None:
    dest = tmp_path / "cancelled.zip"
    window.runner.show_after_ms = 0
    # another session holds a table: the backup's snapshot waits on it, mid-way
    with psycopg.connect(court.url) as holder:
        holder.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE")
        task = window.start_backup(dest)
        qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda: bool(_scratch()), timeout=10_000)  # its half-made copy
        dialog = task.dialog
        assert dialog is not None and dialog.cancel_button.isVisible()
        _shot(dialog, tmp_path, "court-backup-progress")
        dialog.cancel_button.click()
        assert task.cancelled
        holder.rollback()  # the table is free: the backup goes on to its next step, and stops
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=5000)
    assert window.statusBar().currentMessage() == (
        "the backup was cancelled: no backup was written"
    )
    assert not dest.exists() and list(tmp_path.glob(".cancelled.*")) == []
    assert _scratch() == []
    assert not court.db.in_transaction  # (the snapshot's transaction ended)


def test_rebuild_search_index_for_the_owner_and_one_line_for_a_clerk(
    qtbot: Any, window: MainWindow, court: CourtLibrary, pg_cluster: Any, tmp_path: Path
) -> None:
    court.db.raw.execute("INSERT INTO search_words (word) VALUES ('zzzstale')")
    task = window.reindex()
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert window.statusBar().currentMessage() == "Search index rebuilt: 2 pages"
    assert window.index_label.text() == "search: on the server"
    words = {r[0] for r in court.db.raw.execute("SELECT word FROM search_words")}
    assert "zzzstale" not in words and "hardship" in words
    _shot(window, tmp_path, "court-window-reindexed")

    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE clerk1 LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk1")
    clerk = _window(qtbot, court.url.replace("caseorg_admin@", "clerk1@"))
    try:
        before = list(_open_boxes)
        clerk.reindex()
        box = _box(qtbot, before)
        assert box.text().startswith("only the court library's owner (caseorg_admin) rebuilds")
        assert "\n" not in box.text()
    finally:
        clerk.close()


def test_check_library_names_a_dropped_trigger_and_repair_puts_it_back(
    qtbot: Any, window: MainWindow, court: CourtLibrary, pg_cluster: Any, tmp_path: Path
) -> None:
    database = court.url.split("?")[0].rsplit("/", 1)[1]
    pg_cluster.admin("DROP TRIGGER audit_append_only ON audit", database)
    with qtbot.waitSignal(window.checked, timeout=60_000):
        window.check_full()  # File ▸ Check Library: the court library's own check
    box = window.repair_box
    assert box.isVisible() and "found 1 problem(s)" in box.text()
    assert "append-only trigger audit_append_only is missing (dropped)" in box.text()
    _shot(box, tmp_path, "court-check-offers-repair")
    before = list(_open_boxes)
    repair = next(b for b in box.buttons() if b.text() == "Repair")
    repair.click()
    done = _box(qtbot, before)
    assert done.text() == "Repaired 1 problem(s)."
    found = court.db.raw.execute(
        "SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_append_only'"
    ).fetchone()[0]
    assert found == 1
