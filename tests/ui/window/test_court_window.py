"""The main window on a court library (PostgreSQL, issue 16): a real server started for
the tests (tests/pgserver.py). It opens and lists cases, shows a case, imports a PDF
and edits on its worker, searches on the server from the search thread, sees another
writer's changes, refuses what a court library does not take here in one line, and a
server that went away is one line too — never a traceback."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf
from ocr_scans import make_scan, phrases

from caseorg.errors import CaseorgError
from caseorg.importing import awaiting_ocr
from caseorg.importing.ocrengine import find_tesseract
from caseorg.library import OCR_AFTER_IMPORT, CourtLibrary, set_setting
from caseorg.records.cases import add_case, case_by_a_number
from caseorg.records.deadlines import add_deadline
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.search import index_of
from caseorg_ui import preferences as settings
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QMessageBox
from caseorg_ui.window.main_window import MainWindow, open_session_or_ask

SHOTS = os.environ.get("CASEORG_SHOTS")  # a folder: the screenshots are also written there


@pytest.fixture
def court(court_lib: CourtLibrary) -> CourtLibrary:
    """A small court on the server: two judges, two cases, a hearing and a deadline."""
    add_judge(court_lib, "JRM", "Judge Rosa Martinez", court="Harbor City")
    add_judge(court_lib, "TKW", "Judge Tomas K. Wu", court="Harbor City")
    ana = add_case(court_lib, "A-123-456-789", "Ana Lopez Garcia", judge_code="JRM")
    add_case(court_lib, "A-987-654-321", "Bo Chen", judge_code="TKW")
    add_hearing(court_lib, ana.id, "2025-01-10 09:00")
    add_deadline(court_lib, ana.id, "brief_due", "2030-01-15", note="closing brief")
    return court_lib


def settle(qtbot: Any, window: MainWindow) -> None:
    """Wait for the window's reads (on its reader's thread) to be answered and shown."""
    qtbot.waitUntil(lambda: window.case_model.has_loaded and not window.reader.busy, timeout=10_000)


@pytest.fixture
def window(qtbot: Any, court: CourtLibrary) -> Iterator[MainWindow]:
    opened = MainWindow(Session(court.url), restore=False)
    qtbot.addWidget(opened)
    opened.resize(1200, 760)
    opened.show()
    qtbot.waitExposed(opened)
    settle(qtbot, opened)
    yield opened
    opened.close()


def shot(widget: Any, tmp_path: Path, name: str) -> Path:
    """The widget as a PNG (looked at by whoever changes this screen)."""
    path = tmp_path / f"{name}.png"
    assert widget.grab().save(str(path))
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))
    return path


def test_the_window_opens_on_a_court_library(
    qtbot: Any, window: MainWindow, court: CourtLibrary, tmp_path: Path
) -> None:
    session = window.session
    assert session.court and session.path is None
    # two connections, one per thread: the worker's writable one and the UI's read-only one
    assert session.write_lib is not session.read_lib
    assert session.read_lib.read_only and not session.write_lib.read_only
    title = window.windowTitle()
    assert title.startswith("caseorg — court library caseorg_admin@") and court.where in title
    assert window.path_label.text() == f"court library {court.where}"
    assert window.case_model.rowCount() == 2
    assert "2 cases" in window.counts_label.text()
    for name in ("backup", "reindex"):  # offered, and the tooltip says what they do here
        action = window.actions_by_name[name]
        assert action.isEnabled() and "court library" in action.toolTip()
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.check_after_open()  # on the worker; nothing to offer, no message box
    assert window.index_label.text() == "search: on the server"
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.check_full()  # File ▸ Check Library: a report, or one line saying not yet
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "\n" not in boxes[0].text()
    boxes[0].close()
    assert settings.recent_libraries()[0] == court.url  # the URL, to open again
    assert shot(window, tmp_path, "court-window").stat().st_size > 10_000


def test_the_recent_libraries_never_keep_a_password(window: MainWindow) -> None:
    url = "postgresql://clerk:s3cret@court.example/caseorg"
    settings.add_recent_library(url)
    assert settings.recent_libraries()[0] == "postgresql://clerk@court.example/caseorg"
    assert "s3cret" not in settings.settings_path().read_text()


def test_open_a_case_import_edit_and_search(
    qtbot: Any, window: MainWindow, court: CourtLibrary, tmp_path: Path
) -> None:
    ana = case_by_a_number(court, "A-123-456-789")
    window.show_case(ana.id)
    settle(qtbot, window)
    assert window.current_case_id() == ana.id
    assert "A-123-456-789" in window.case_view.title.text()
    assert window.case_view.models["hearings"].rowCount() == 1

    # import on the worker: the file goes to the shared store, the pages to the server
    brief = make_pdf(tmp_path / "Respondent_Brief.pdf", ["A well-founded fear of persecution."])
    window.import_flow.start(ana.id, [brief])
    qtbot.waitUntil(lambda: window.import_flow.report_dialog is not None, timeout=60_000)
    report = window.import_flow.report_dialog
    assert report is not None and report.files("imported") == ["Respondent_Brief.pdf"]
    report.close()
    qtbot.waitUntil(lambda: window.case_view.models["documents"].rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: "1 documents" in window.counts_label.text(), timeout=5000)
    stored = list((tmp_path / "court-files").rglob("*.pdf"))
    assert len(stored) == 1
    window.case_view.show_tab("documents")
    window.case_view.select_row("documents", 0)
    window.open_selected_document()  # the viewer reads the file from the shared store
    viewer = window.pdf_window
    assert viewer is not None
    qtbot.addWidget(viewer)
    assert "Respondent Brief" in viewer.windowTitle()
    assert Path(viewer.viewer.path) == stored[0]

    # an edit through its dialog and the worker
    window.case_view.show_tab("deadlines")
    window.case_view.select_row("deadlines", 0)
    dialog = window.mark_deadline_done()
    assert dialog is not None
    dialog.accept()
    model = window.case_view.models["deadlines"]
    state = [c.title for c in model.columns].index("State")
    qtbot.waitUntil(
        lambda: str(model.data(model.index(0, state))).startswith("done "), timeout=5000
    )
    history = window.case_view.models["history"]
    assert history.rowCount() >= 1  # the audit of the edit, by the database user

    # search: on the server, from the search pane's own thread and connection
    window.show_search()
    pane = window.search_pane
    qtbot.keyClicks(pane.search_box, "persecution")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=15_000)
    assert pane.searcher.library_path == window.read_lib.url  # its own connection
    assert "Respondent" in pane.model.index(0, 0).data()
    shot(window, tmp_path, "court-window-search")


def test_another_writer_s_case_shows_after_a_refresh(
    qtbot: Any, window: MainWindow, court: CourtLibrary
) -> None:
    add_case(court, "A-555-000-111", "José Álvarez")  # another clerk, another connection
    task = LibraryOp(window, lambda lib: None, Change.CASES)  # any write of this window
    task.run_in_background(window.runner)
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: "3 cases" in window.counts_label.text(), timeout=5000)


def terminate_sessions(pg_cluster: Any, court: CourtLibrary, *, refuse: bool = False) -> None:
    """End every session of the court's database but the caller's (a server restart, as
    its clients see it); ``refuse``: and accept no new ones (the server stays away)."""
    database = court.url.split("?")[0].rsplit("/", 1)[1]
    if refuse:
        pg_cluster.admin(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
    pg_cluster.admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
    )


def test_a_server_that_went_away_is_one_line(
    qtbot: Any, window: MainWindow, court: CourtLibrary, pg_cluster: Any
) -> None:
    terminate_sessions(pg_cluster, court, refuse=True)
    try:
        failed: list[BaseException] = []
        task = LibraryOp(
            window, lambda lib: add_case(lib, "A-111-222-333", "Late Case"), Change.CASES
        )
        task.failure(failed.append).run_in_background(window.runner)
        qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
        assert isinstance(failed[0], CaseorgError)
        assert str(failed[0]).startswith("the court database is not reachable")
        assert "\n" not in str(failed[0])
        # the window's read: its reader tries to connect again once, then says one line
        window.refresh_status()
        settle(qtbot, window)
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1 and "\n" not in boxes[0].text()
        assert "not accepting connections" in boxes[0].text() or "reachable" in boxes[0].text()
        assert window.reader.reconnects == 0  # (it tried, and the server refused)
        # the case list's rows not read yet: one message for all of them, not one per cell
        said: list[str] = []
        window.case_model.readFailed.connect(said.append)
        window.case_model.refresh_rows()
        window.case_model._old_rows.clear()
        model = window.case_model
        assert model.data(model.index(0, 1)) is None and model.data(model.index(1, 1)) is None
        qtbot.waitUntil(lambda: len(said) == 1, timeout=5000)
        qtbot.wait(50)
        assert len(said) == 1 and "\n" not in said[0]
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) <= 2  # the status bar's line, and the list's if it differs
        for box in boxes:
            box.close()
    finally:
        database = court.url.split("?")[0].rsplit("/", 1)[1]
        pg_cluster.admin(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    # the server back: the next read connects again (a failed reconnect left nothing broken)
    window.refresh_status()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "2 cases" in window.counts_label.text(), timeout=10_000)
    assert window.read_lib.connected and window.read_lib.read_only
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_a_server_that_does_not_answer_is_one_line_at_opening(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    url = f"postgresql://clerk@/caseorg?host={tmp_path}"  # no server listens there
    assert open_session_or_ask(None, url) is None
    assert len(said) == 1 and said[0].startswith("the court database is not reachable")
    assert "\n" not in said[0]


@pytest.mark.parametrize("how", ["--library", "CASEORG_LIBRARY"])
def test_caseorg_opens_the_app_on_a_court_library(
    how: str, court: CourtLibrary, tmp_path: Path
) -> None:
    """`caseorg --library postgresql://…` (or CASEORG_LIBRARY) opens the window, quits
    when ready: exit 0, nothing on stderr."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "CASEORG_QUIT_WHEN_READY": "1",
    }
    args = ["--library", court.url] if how == "--library" else []
    if how == "CASEORG_LIBRARY":
        env["CASEORG_LIBRARY"] = court.url
    result = subprocess.run(
        [sys.executable, "-c", "from caseorg.launch import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    recent = (tmp_path / "config" / "caseorg" / "caseorg.ini").read_text()
    assert court.url.split("?")[0] in recent


@pytest.mark.slow
@pytest.mark.skipif(find_tesseract() is None, reason="Tesseract is not installed")
def test_an_imported_scan_is_read_in_the_background_and_searched_on_the_server(
    qtbot: Any, court: CourtLibrary, corpus: Path, tmp_path: Path
) -> None:
    set_setting(court, OCR_AFTER_IMPORT, 1)
    scan = tmp_path / "scanned notice.pdf"
    truths = make_scan(corpus / "aao" / "aao__A1__file90.pdf", [0, 1], scan)
    window = MainWindow(Session(court.url), restore=False)
    qtbot.addWidget(window)
    try:
        window.show()
        ana = case_by_a_number(court, "A-123-456-789")
        window.show_case(ana.id)
        window.import_flow.start(ana.id, [scan])
        qtbot.waitUntil(lambda: window.import_flow.report_dialog is not None, timeout=60_000)
        report = window.import_flow.report_dialog
        assert report is not None
        report.close()
        flow = window.ocr_flow  # started by the import, shown in the status bar
        qtbot.waitUntil(lambda: flow.running or flow.last_report is not None, timeout=10_000)
        qtbot.waitUntil(lambda: flow.last_report is not None, timeout=240_000)
        assert flow.last_report.done == 2 and not flow.last_report.remaining
        assert awaiting_ocr(court) == 0
        qtbot.waitUntil(lambda: not window.ocr_label.isVisible(), timeout=5000)
        asked = phrases(truths[0], 6, random.Random(3))
        found = [p for p in asked if index_of(court).search(f'"{p}"')]
        assert len(found) >= 3, found
    finally:
        window.close()


def test_switching_to_another_court_library_connects_on_the_worker(
    qtbot: Any, window: MainWindow, pg_cluster: Any
) -> None:
    from caseorg_ui.window.main_window import _windows

    other = pg_cluster.new_library()
    assert window.switch_library(other) is None  # the window follows, once connected
    qtbot.waitUntil(lambda: any(w.session.location == other for w in _windows), timeout=15_000)
    opened = next(w for w in _windows if w.session.location == other)
    qtbot.addWidget(opened)
    try:
        assert opened.session.court and opened.case_model.rowCount() == 0
        assert window._closed  # this window closed: one window shows one library
    finally:
        opened.close()
