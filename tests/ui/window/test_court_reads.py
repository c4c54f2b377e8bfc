"""The main window on a court library never waits on the server (issue 16): its reads
run on the session's reader thread, which owns the read connection. A real server
(tests/pgserver.py) with another connection holding a lock on the table a read needs:
the UI thread keeps ticking and takes input, the list and the case fill once the lock
goes; a click on case A then B shows B, never A's late answer; a read connection the
server ended is opened again; and no statement at all runs on the UI thread to open
the window or show a case."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from caseorg.library import CourtLibrary
from caseorg.library.pg import PgDatabase
from caseorg.records.cases import add_case, case_by_a_number
from caseorg.records.deadlines import add_deadline
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QApplication, QEvent, QKeyEvent, QMessageBox, Qt, QTimer
from caseorg_ui.window.main_window import MainWindow

SHOTS = os.environ.get("CASEORG_SHOTS")  # a folder: the screenshots are also written there


@pytest.fixture
def court(court_lib: CourtLibrary) -> CourtLibrary:
    add_judge(court_lib, "JRM", "Judge Rosa Martinez", court="Harbor City")
    ana = add_case(court_lib, "A-123-456-789", "Ana Lopez Garcia", judge_code="JRM")
    add_case(court_lib, "A-987-654-321", "Bo Chen", judge_code="JRM")
    add_hearing(court_lib, ana.id, "2025-01-10 09:00")
    add_deadline(court_lib, ana.id, "brief_due", "2030-01-15", note="closing brief")
    return court_lib


@pytest.fixture
def ui_statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement run on the UI (main) thread, through any court connection."""
    seen: list[str] = []
    real = PgDatabase._run

    def run(self: PgDatabase, text: str, params: Any, rows: Any = None) -> Any:
        if threading.current_thread() is threading.main_thread():
            seen.append(text)
        return real(self, text, params, rows)

    monkeypatch.setattr(PgDatabase, "_run", run)
    return seen


class Lock:
    """Another clerk's transaction holding ``LOCK TABLE … ACCESS EXCLUSIVE``."""

    def __init__(self, url: str, table: str):
        self.conn = psycopg.connect(url)
        self.conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")  # type: ignore[arg-type]

    def release(self) -> None:
        self.conn.rollback()
        self.conn.close()


def ticks_while(qtbot: Any, ms: int) -> int:
    """How often a 20 ms timer on the UI thread fires during ``ms``."""
    count = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: count.__setitem__(0, count[0] + 1))
    timer.start(20)
    qtbot.wait(ms)
    timer.stop()
    return count[0]


def settle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.case_model.has_loaded and not window.reader.busy, timeout=15_000)


def shot(window: MainWindow, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    assert window.grab().save(str(path))
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))
    return path


@pytest.fixture
def opened(qtbot: Any, court: CourtLibrary) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def open_window(session: Session | None = None) -> MainWindow:
        window = MainWindow(session or Session(court.url), restore=False)
        qtbot.addWidget(window)
        window.resize(1100, 700)
        window.show()
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.close()


def test_a_locked_table_never_holds_the_window(
    qtbot: Any,
    court: CourtLibrary,
    opened: Callable[..., MainWindow],
    ui_statements: list[str],
    tmp_path: Path,
) -> None:
    lock = Lock(court.url, "cases")
    try:
        session = Session(court.url)  # connecting: before the window, on this thread
        ui_statements.clear()
        window = opened(session)
        assert ticks_while(qtbot, 500) >= 5  # the UI thread runs on while the read waits
        assert window.case_model.loading and "Loading" in window.count_label.text()
        typed = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier, "B")
        QApplication.postEvent(window.filter_box, typed)  # input, through the event loop
        qtbot.waitUntil(lambda: window.filter_box.text() == "B", timeout=1000)
        shot(window, tmp_path, "court-reads-loading")
    finally:
        lock.release()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1, timeout=5000)  # "B": Bo Chen
    window.filter_box.clear()
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 2, timeout=5000)
    settle(qtbot, window)
    assert "2 cases" in window.count_label.text() and "2 cases" in window.counts_label.text()

    # Bo Chen is shown (the one match of "B"). Ana clicked while a table her read needs
    # is locked: the click is taken, Bo stays on screen marked "Loading…", Ana follows
    view = window.case_view
    assert view.case is not None and view.case.respondent == "Bo Chen"
    lock = Lock(court.url, "hearings")
    try:
        window.case_list.selectRow(0)
        assert ticks_while(qtbot, 300) >= 5
        assert view.is_loading and view.loading.isVisible() and view.case.respondent == "Bo Chen"
        shot(window, tmp_path, "court-reads-case-loading")
    finally:
        lock.release()
    qtbot.waitUntil(
        lambda: view.case is not None and view.case.respondent != "Bo Chen", timeout=9000
    )
    settle(qtbot, window)
    assert not view.loading.isVisible()
    assert "A-123-456-789" in window.case_view.title.text()
    assert window.case_view.models["hearings"].rowCount() == 1
    assert ui_statements == [], ui_statements  # nothing read on the UI thread
    assert not [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]
    shot(window, tmp_path, "court-reads-case")


def test_case_a_then_b_shows_b_never_a(
    qtbot: Any, court: CourtLibrary, opened: Callable[..., MainWindow]
) -> None:
    window = opened()
    settle(qtbot, window)
    ana = case_by_a_number(court, "A-123-456-789")
    bo = case_by_a_number(court, "A-987-654-321")
    shown: list[int] = []
    window.case_view.loaded.connect(shown.append)
    lock = Lock(court.url, "hearings")  # A's read starts and waits; B's waits behind it
    try:
        window.show_case(ana.id)
        qtbot.wait(100)
        window.show_case(bo.id)
        qtbot.wait(100)
        assert shown == []
    finally:
        lock.release()
    qtbot.waitUntil(lambda: shown == [bo.id], timeout=10_000)
    settle(qtbot, window)
    assert shown == [bo.id]  # A's answer came and was dropped
    assert "Bo Chen" in window.case_view.title.text()
    assert window.current_case_id() == bo.id


def test_a_read_connection_the_server_ended_is_opened_again(
    qtbot: Any, court: CourtLibrary, opened: Callable[..., MainWindow], pg_cluster: Any
) -> None:
    window = opened()
    settle(qtbot, window)
    pid = window.read_lib.conn.raw.info.backend_pid  # (client-side: no statement)
    pg_cluster.admin(f"SELECT pg_terminate_backend({pid})")  # as a server restart would
    ana = case_by_a_number(court, "A-123-456-789")
    window.show_case(ana.id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    settle(qtbot, window)
    # opened again once: by the connection itself (PgDatabase, when the server said it
    # ended it) or else by the reader's one retry
    assert window.reader.reconnects + window.read_lib.conn.reconnects == 1
    assert window.read_lib.conn.raw.info.backend_pid != pid
    assert window.case_view.models["hearings"].rowCount() == 1
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    window.refresh_status()  # the next reads use the new connection, read-only still
    settle(qtbot, window)
    assert window.reader.reconnects + window.read_lib.conn.reconnects == 1
    assert "2 cases" in window.counts_label.text()
    assert window.read_lib.read_only


def test_a_write_keeps_the_case_on_screen_while_it_is_read_again(
    qtbot: Any, court: CourtLibrary, opened: Callable[..., MainWindow]
) -> None:
    from caseorg_ui.operations import Change, LibraryOp

    window = opened()
    settle(qtbot, window)
    ana = case_by_a_number(court, "A-123-456-789")
    window.show_case(ana.id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    settle(qtbot, window)
    view = window.case_view
    pages: list[int] = []
    view.stack.currentChanged.connect(pages.append)
    shown: list[int] = []
    view.loaded.connect(shown.append)
    task = LibraryOp(window, lambda lib: add_case(lib, "A-555-000-111", "Eva Ruiz"), Change.CASES)
    task.run_in_background(window.runner)
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 3 and shown == [ana.id], timeout=10_000)
    settle(qtbot, window)
    assert pages == []  # the placeholder never stood in for the case
    assert window.current_case_id() == ana.id and view.case is not None
    assert view.case.id == ana.id


def test_a_new_order_arrives_with_the_selection_kept(
    qtbot: Any, court: CourtLibrary, opened: Callable[..., MainWindow]
) -> None:
    window = opened()
    settle(qtbot, window)
    ana = case_by_a_number(court, "A-123-456-789")
    window.show_case(ana.id)
    settle(qtbot, window)
    model = window.case_model
    assert model.row_of(ana.id) == 0
    window.case_list.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # respondent, Z to A
    assert model.row_of(ana.id) == 0  # the old order stands until the new one arrives
    qtbot.waitUntil(lambda: model.row_of(ana.id) == 1, timeout=10_000)
    settle(qtbot, window)
    assert model.data(model.index(0, 1)) == "Bo Chen"
    assert window.current_case_id() == ana.id  # the selection moved with its row


def test_the_docket_and_deadlines_docks_read_off_the_ui_thread(
    qtbot: Any,
    court: CourtLibrary,
    opened: Callable[..., MainWindow],
    ui_statements: list[str],
) -> None:
    window = opened()
    settle(qtbot, window)
    ui_statements.clear()
    lock = Lock(court.url, "hearings")
    try:
        window.show_docket()
        docket = window.docket_view
        docket.set_day(dt.date(2025, 1, 10))
        assert ticks_while(qtbot, 300) >= 5
        assert docket.model.hearing_count() == 0  # (the day's hearings are on their way)
    finally:
        lock.release()
    qtbot.waitUntil(lambda: docket.model.hearing_count() == 1, timeout=10_000)
    lock = Lock(court.url, "deadlines")
    try:
        window.court_features.show_deadlines()
        deadlines = window.court_features.deadlines
        assert ticks_while(qtbot, 300) >= 5
        assert deadlines.board is None
    finally:
        lock.release()
    qtbot.waitUntil(lambda: deadlines.board is not None, timeout=10_000)
    settle(qtbot, window)
    assert ui_statements == [], ui_statements
