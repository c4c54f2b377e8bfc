"""Background operations: one worker owns the writable library; results come back on
the UI thread; a slow operation gets a progress dialog whose Cancel works."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseorg.errors import Cancelled, InvalidValue, ReadOnlyLibrary
from caseorg.library.folder import Library
from caseorg.progress import Progress
from caseorg.records.cases import add_case, list_cases
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.messages import one_line, show_message
from caseorg_ui.operations.progress_dialog import ProgressDialog
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import QApplication, QMessageBox


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = Session(tmp_path / "library")
    yield opened
    opened.close()


def open_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def close_boxes() -> None:
    for box in open_boxes():
        box.close()


def test_success_runs_on_worker_and_callback_on_ui_thread(qtbot: Any, session: Session) -> None:
    seen: dict[str, Any] = {}

    def op(lib: Library) -> int:
        seen["op_thread"] = threading.current_thread()
        case = add_case(lib, "A-111-222-333", "Ana Lopez")
        return case.id

    def success(case_id: int) -> None:
        seen["callback_thread"] = threading.current_thread()
        seen["case_id"] = case_id
        # the UI's read-only library sees the worker's committed write
        seen["listed"] = [c.respondent for c in list_cases(session.read_lib)]

    handle = LibraryOp(None, op, Change.CASES).with_progress("Adding a case").success(success)
    handle.run_in_background(session.runner)
    assert session.runner.busy
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen["op_thread"] is not threading.main_thread()
    assert seen["op_thread"] is session.runner.worker_thread
    assert seen["callback_thread"] is threading.main_thread()
    assert seen["listed"] == ["Ana Lopez"]
    assert session.runner.idle
    assert handle.dialog is None  # quick: no progress dialog ever appeared


def test_operations_run_one_at_a_time_in_order(qtbot: Any, session: Session) -> None:
    order: list[str] = []
    active = {"now": 0, "max": 0}

    def make(name: str) -> Any:
        def op(_lib: Library) -> str:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
            time.sleep(0.02)
            active["now"] -= 1
            return name

        return op

    handles = [
        LibraryOp(None, make(n)).success(order.append).run_in_background(session.runner)
        for n in "abcde"
    ]
    qtbot.waitUntil(lambda: all(h.done for h in handles), timeout=5000)
    assert order == list("abcde")
    assert active["max"] == 1


def test_caseorg_error_is_one_line_message(qtbot: Any, session: Session) -> None:
    def op(lib: Library) -> None:
        add_case(lib, "A-12", "Bo Chen")

    handle = LibraryOp(None, op).success(lambda _r: pytest.fail("must not succeed"))
    handle.run_in_background(session.runner)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert session.runner.last_error is not None
    assert "invalid A-number" in session.runner.last_error
    assert "\n" not in session.runner.last_error
    boxes = open_boxes()
    assert any("invalid A-number" in box.text() for box in boxes)
    close_boxes()


def test_on_failure_gets_the_exception(qtbot: Any, session: Session) -> None:
    failures: list[BaseException] = []

    def op(_lib: Library) -> None:
        raise InvalidValue("due date is required")

    handle = LibraryOp(None, op).failure(failures.append).run_in_background(session.runner)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert [str(f) for f in failures] == ["due date is required"]
    assert session.runner.last_error is None  # the caller handled it: no box


def test_unexpected_error_is_logged_not_shown_as_traceback(
    qtbot: Any, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    def op(_lib: Library) -> float:
        return 1 / 0

    with caplog.at_level(logging.ERROR, logger="caseorg.ui"):
        handle = LibraryOp(None, op).success(lambda _r: None).run_in_background(session.runner)
        qtbot.waitUntil(lambda: handle.done, timeout=5000)
    text = session.runner.last_error or ""
    assert text.startswith("Unexpected error: ZeroDivisionError: division by zero")
    assert text.endswith("details in the log") and "Traceback" not in text
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    close_boxes()


def test_read_only_session_refuses_writes_with_a_sentence(qtbot: Any, tmp_path: Path) -> None:
    Session(tmp_path / "lib").close()  # create it
    ro = Session(tmp_path / "lib", read_only=True)
    try:
        failures: list[BaseException] = []
        handle = LibraryOp(None, lambda lib: add_case(lib, "A-111-222-333", "X"))
        handle.failure(failures.append).run_in_background(ro.runner)
        qtbot.waitUntil(lambda: handle.done, timeout=5000)
        assert isinstance(failures[0], ReadOnlyLibrary)
        assert one_line(failures[0]).startswith("this library is open read-only")
    finally:
        ro.close()


def test_slow_operation_shows_progress_and_cancel_stops_it(qtbot: Any, session: Session) -> None:
    steps: list[int] = []
    failures: list[BaseException] = []

    def op(_lib: Library) -> int:
        for step in range(200):
            handle.check_cancelled("counting cancelled")
            steps.append(step)
            handle.progress(Progress(f"step {step} of 200", step, 200))
            time.sleep(0.02)
        return len(steps)

    handle = LibraryOp(None, op).with_progress("Counting slowly", cancellable=True)
    handle.success(lambda _r: pytest.fail("cancelled op must not succeed"))
    handle.failure(failures.append).run_in_background(session.runner)
    started = time.monotonic()
    qtbot.waitUntil(lambda: handle.dialog is not None, timeout=3000)
    assert time.monotonic() - started >= 0.4  # not before ~500 ms
    dialog = handle.dialog
    assert isinstance(dialog, ProgressDialog) and dialog.isVisible()
    assert "Counting slowly" in dialog.title.text()
    qtbot.waitUntil(lambda: dialog.detail.text().startswith("step "), timeout=2000)
    assert dialog.bar.maximum() == 200
    assert dialog.cancel_button.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: handle.done, timeout=3000)
    assert isinstance(failures[0], Cancelled)
    assert 0 < len(steps) < 200
    assert handle.dialog is None
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible()
    ]


def test_cancelled_without_handler_is_a_status_message(qtbot: Any, session: Session) -> None:
    def op(_lib: Library) -> None:
        while not handle.cancelled:
            time.sleep(0.01)
        handle.check_cancelled("import cancelled")

    handle = LibraryOp(None, op).with_progress("Importing", cancellable=True)
    handle.run_in_background(session.runner)
    with qtbot.waitSignal(session.runner.message, timeout=3000) as blocker:
        handle.cancel()
    assert blocker.args == ["import cancelled"]
    assert session.runner.last_error is None


def test_not_cancellable_dialog_has_no_cancel(qtbot: Any, session: Session) -> None:
    release = threading.Event()
    handle = LibraryOp(None, lambda _lib: release.wait(5)).with_progress("Checking")
    handle.run_in_background(session.runner)
    qtbot.waitUntil(lambda: handle.dialog is not None, timeout=3000)
    dialog = handle.dialog
    assert dialog is not None and not dialog.cancel_button.isVisible()
    dialog.reject()  # Esc does nothing when the operation cannot stop
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=3000)


def test_failing_success_callback_is_one_line(qtbot: Any, session: Session) -> None:
    def bad(_result: object) -> None:
        raise KeyError("missing")

    handle = LibraryOp(None, lambda _lib: 1).success(bad).run_in_background(session.runner)
    qtbot.waitUntil(lambda: handle.done, timeout=3000)
    assert session.runner.last_error == "Unexpected error: KeyError: 'missing' — details in the log"
    close_boxes()


def test_shutdown_cancels_the_running_operation(qtbot: Any, tmp_path: Path) -> None:
    opened = Session(tmp_path / "lib")
    seen: list[str] = []

    def op(_lib: Library) -> None:
        while not running.cancelled:
            time.sleep(0.01)
        seen.append("stopped")

    running = LibraryOp(None, op).with_progress("Waiting", cancellable=True)
    running.run_in_background(opened.runner)
    queued = LibraryOp(None, lambda _lib: seen.append("never"))
    queued.run_in_background(opened.runner)
    qtbot.waitUntil(lambda: opened.runner.worker_thread is not None, timeout=3000)
    opened.close()
    assert seen == ["stopped"]
    assert not queued.done  # dropped, never run
    with pytest.raises(RuntimeError):
        LibraryOp(None, lambda _lib: None).run_in_background(opened.runner)


def test_show_message_does_not_block(qtbot: Any) -> None:
    box = show_message(None, "one line")
    assert box.isVisible() and box.text() == "one line"
    box.close()


def test_a_write_says_what_it_changed_before_its_success_callback(
    qtbot: Any, session: Session
) -> None:
    heard: list[object] = []
    session.runner.changed.connect(lambda changes: heard.append(changes))
    session.runner.message.connect(lambda text: heard.append(text))

    def op(lib: Library) -> int:
        return add_case(lib, "A-111-222-333", "Ana Lopez").id

    handle = LibraryOp(None, op, Change.CASES | Change.JUDGES).says("Case opened")
    handle.success(lambda case_id: heard.append(("success", case_id)))
    handle.run_in_background(session.runner)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    case_id = list_cases(session.read_lib)[0].id
    assert heard == [Change.CASES | Change.JUDGES, "Case opened", ("success", case_id)]


def test_a_failed_or_unchanging_operation_changes_nothing(qtbot: Any, session: Session) -> None:
    heard: list[object] = []
    session.runner.changed.connect(heard.append)
    failed = LibraryOp(None, lambda lib: add_case(lib, "A-12", "Bo Chen"), Change.CASES)
    failed.failure(lambda _exc: None).run_in_background(session.runner)
    quiet = LibraryOp(None, lambda _lib: 1).run_in_background(session.runner)  # a read
    qtbot.waitUntil(lambda: failed.done and quiet.done, timeout=5000)
    assert heard == []


def test_progress_reports_are_thinned_but_the_last_one_arrives() -> None:
    op = LibraryOp(None, lambda _lib: None)
    sent: list[Progress] = []
    op.reporter = sent.append  # (the runner queues each report to the UI thread)
    for step in range(1, 1001):
        op.progress(Progress(f"{step} of 1000", step, 1000))
    assert 1 <= len(sent) < 100
    assert sent[-1] == Progress("1000 of 1000", 1000, 1000)


def test_change_kinds_combine() -> None:
    everything = Change.everything()
    assert Change.CASES in everything and Change.INDEX in everything
    assert not Change.NONE and not (Change.CASES & Change.TAGS)
    assert everything & ~Change.INDEX == everything ^ Change.INDEX
