"""Background operations: one worker thread owns the writable library (Anki's split).

Every write, import, reindex and check is an *operation*: a function
``fn(lib, ctx) -> T`` run on the single worker thread with the writable
:class:`~caseorg.library.folder.Library`. Its result comes back to the UI thread
through a queued signal and is handed to ``on_success``; a failure goes to
``on_failure`` or is shown as a one-line message. The UI thread itself reads
through a separate read-only Library (WAL lets it read while the worker
writes), so nothing on screen ever waits for the writer.

``ctx`` (:class:`OpContext`) reports progress from the worker (thread-safe:
each report is queued to the UI thread) and carries a
:class:`~caseorg.cancel.CancelToken` that the progress dialog's Cancel sets.
The dialog appears only when an operation is still running after ~500 ms, so
quick writes never flash a window.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from caseorg.cancel import CancelToken
from caseorg.errors import Cancelled, CaseorgError
from caseorg.library.folder import Library, open_library
from caseorg_ui.qt import (
    QObject,
    Qt,
    QTimer,
    Signal,
)

if TYPE_CHECKING:
    from caseorg_ui.operations.progress_dialog import ProgressDialog
    from caseorg_ui.qt import QMessageBox, QWidget  # annotations only: no Qt type built

log = logging.getLogger("caseorg.ui")

T = TypeVar("T")

SHOW_AFTER_MS = 500
PROGRESS_INTERVAL = 0.05  # seconds between progress reports sent to the UI thread


def one_line(exc: BaseException) -> str:
    """The user-facing sentence for an error: a CaseorgError's own text, else a short
    'Unexpected error' line that points to the log (never a traceback)."""
    if isinstance(exc, CaseorgError):
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = (str(exc).strip().splitlines() or [""])[0][:200]
    what = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return f"Unexpected error: {what} — details in the log"


_open_boxes: list[QMessageBox] = []  # kept alive while open


def show_message(
    parent: QWidget | None,
    text: str,
    icon: QMessageBox.Icon | None = None,
    title: str = "caseorg",
) -> QMessageBox:
    """A non-blocking message box (``open()``, not ``exec()``): the event loop keeps
    running, so operations finish and tests never hang on a dialog. A warning unless
    ``icon`` says otherwise."""
    from caseorg_ui.qt import QMessageBox  # (built with the first message, not at start-up)

    if icon is None:
        icon = QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda _result, b=box: _open_boxes.remove(b) if b in _open_boxes else None)
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> str:
    """Show a failed operation as one line; unexpected errors are logged in full."""
    if not isinstance(exc, CaseorgError):
        log.error("unexpected error in an operation", exc_info=exc)
    text = one_line(exc)
    show_message(parent, text)
    return text


# -- the context an operation gets ---------------------------------------------------------


class Progress(NamedTuple):
    """One progress report: free text plus an optional done/total for the bar."""

    text: str = ""
    done: int | None = None
    total: int | None = None


class OpContext:
    """Given to each operation: report progress, see or honour a cancel."""

    def __init__(self, report: Callable[[Progress], None], cancel: CancelToken):
        self._report = report
        self.cancel = cancel
        self._last = 0.0

    def progress(self, text: str = "", done: int | None = None, total: int | None = None) -> None:
        """Thread-safe; frequent calls are thinned so the UI thread is never flooded."""
        now = time.monotonic()
        final = done is not None and total is not None and done >= total
        if not final and now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        self._report(Progress(text, done, total))

    @property
    def cancelled(self) -> bool:
        return self.cancel.cancelled

    def check_cancelled(self, message: str = "cancelled") -> None:
        """Raise :class:`Cancelled` if the user pressed Cancel (call between steps)."""
        if self.cancel.cancelled:
            raise Cancelled(message)


# -- the runner ----------------------------------------------------------------------------


class _Op(Generic[T]):
    """One submitted operation and what the runner tracks about it."""

    def __init__(
        self,
        id: int,
        fn: Callable[[Library, OpContext], T],
        on_success: Callable[[T], Any] | None,
        on_failure: Callable[[BaseException], Any] | None,
        label: str,
        cancellable: bool,
        parent: QWidget | None,
    ):
        self.id = id
        self.fn = fn
        self.on_success = on_success
        self.on_failure = on_failure
        self.label = label
        self.cancellable = cancellable
        self.parent = parent
        self.cancel = CancelToken()
        self.latest = Progress()
        self.dialog: ProgressDialog | None = None
        self.timer: QTimer | None = None
        self.started = False
        self.done = False


class OpHandle:
    """What :meth:`OperationRunner.run_op` returns: cancel it, or ask whether it ended."""

    def __init__(self, op: _Op[Any]):
        self._op = op

    def cancel(self) -> None:
        self._op.cancel.cancel()

    @property
    def done(self) -> bool:
        return self._op.done

    @property
    def dialog(self) -> ProgressDialog | None:
        return self._op.dialog


class _WriterThread:
    """The one thread that runs operations, in the order they came (the writable
    library's connection is used from it alone). Started by the first operation: a
    window that only reads never starts it. A plain thread and a deque rather than a
    ThreadPoolExecutor: concurrent.futures cost ~2.5 ms of every start-up."""

    def __init__(self, name: str):
        self._name = name
        self._jobs: deque[Callable[[], None]] = deque()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False

    def submit(self, job: Callable[[], None]) -> None:
        with self._wake:
            if self._stopping:
                raise RuntimeError("the library was closed")
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=self._name)
                self._thread.start()
            self._wake.notify()

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._stopping:
                    self._wake.wait()
                if not self._jobs:
                    return  # stopping, and nothing left to run
                job = self._jobs.popleft()
            try:
                job()
            except BaseException:  # a job reports its own errors; this keeps the thread
                log.exception("an operation's worker step failed")

    def shutdown(self) -> None:
        """Drop the jobs still waiting, let the running one finish, wait for the thread."""
        with self._wake:
            self._stopping = True
            self._jobs.clear()
            self._wake.notify()
        if self._thread is not None:
            self._thread.join()


class OperationRunner(QObject):
    """Runs operations one at a time on the worker thread that owns ``lib``.

    Signals (all on the UI thread): ``busy_changed(bool)`` when the first operation
    starts or the last one ends, ``message(str)`` for a status-bar line (a cancel),
    ``op_finished(str)`` with the label of each finished operation.
    """

    busy_changed = Signal(bool)
    message = Signal(str)
    op_finished = Signal(str)
    _pending = Signal()  # closures wait in a list: no Python object crosses Qt's queue

    def __init__(
        self, lib: Library, parent: QObject | None = None, show_after_ms: int = SHOW_AFTER_MS
    ):
        super().__init__(parent)
        self.lib = lib
        self.show_after_ms = show_after_ms
        self._worker = _WriterThread("caseorg-writer")
        self._ids = itertools.count(1)
        self._ops: dict[int, _Op[Any]] = {}
        self._closed = False
        self.worker_thread: threading.Thread | None = None
        self.last_error: str | None = None
        self._closures: list[Callable[[], None]] = []
        self._closures_lock = threading.Lock()
        self._pending.connect(self._run_pending, Qt.ConnectionType.QueuedConnection)

    # -- public ----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._ops)

    @property
    def idle(self) -> bool:
        return not self._ops

    def run_op(
        self,
        fn: Callable[[Library, OpContext], T],
        on_success: Callable[[T], Any] | None = None,
        on_failure: Callable[[BaseException], Any] | None = None,
        *,
        label: str = "Working…",
        cancellable: bool = False,
        parent: QWidget | None = None,
    ) -> OpHandle:
        """Queue ``fn(lib, ctx)`` on the worker; callbacks run later on the UI thread.

        :param on_failure: gets the exception; without it a CaseorgError is shown as its
            one-line message, anything else as "Unexpected error: … — details in the log",
            and a cancel becomes a status-bar message.
        :param label: what the progress dialog says the operation is doing.
        :param cancellable: show a Cancel button that sets ``ctx.cancel``.
        """
        if self._closed:
            raise RuntimeError("the library was closed")
        op: _Op[T] = _Op(next(self._ids), fn, on_success, on_failure, label, cancellable, parent)
        was_idle = not self._ops
        self._ops[op.id] = op
        if was_idle:
            self.busy_changed.emit(True)
        self._worker.submit(lambda: self._work(op))
        return OpHandle(op)

    def cancel_all(self) -> None:
        for op in list(self._ops.values()):
            op.cancel.cancel()

    def shutdown(self) -> None:
        """Cancel what runs, drop what waits, and wait for the worker to let go."""
        self._closed = True
        self.cancel_all()
        self._worker.shutdown()
        for op in list(self._ops.values()):
            self._close_dialog(op)
        self._ops.clear()

    # -- worker side -----------------------------------------------------------------------
    def _post(self, closure: Callable[[], None]) -> None:
        """Queue ``closure`` to run on the UI thread (like Anki's taskman.run_on_main)."""
        if self._closed:
            return
        with self._closures_lock:
            self._closures.append(closure)
        self._pending.emit()

    def _work(self, op: _Op[Any]) -> None:
        self.worker_thread = threading.current_thread()
        self._post(lambda: self._started(op))

        def report(progress: Progress) -> None:
            self._post(lambda: self._progress(op, progress))

        ctx = OpContext(report, op.cancel)
        result: Any = None
        error: BaseException | None = None
        try:
            result = op.fn(self.lib, ctx)
        except BaseException as exc:  # handed to the UI thread, shown there as one line
            error = exc
        self._post(lambda: self._finished(op, result, error))

    # -- UI side ---------------------------------------------------------------------------
    def _run_pending(self) -> None:
        with self._closures_lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            if not self._closed:  # a closed session's late results are dropped
                closure()

    def _started(self, op: _Op[Any]) -> None:
        op.started = True
        if op.done:
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._show_dialog(op))
        timer.start(self.show_after_ms)
        op.timer = timer

    def _show_dialog(self, op: _Op[Any]) -> None:
        if op.done or self._closed:
            return
        from caseorg_ui.operations.progress_dialog import (
            ProgressDialog,  # with the first long operation
        )

        dialog = ProgressDialog(op.label, op.cancellable, op.parent)
        dialog.cancel_requested.connect(op.cancel.cancel)
        dialog.update_progress(op.latest)
        op.dialog = dialog
        dialog.show()

    def _progress(self, op: _Op[Any], progress: Progress) -> None:
        op.latest = progress
        if op.dialog is not None and not op.done:
            op.dialog.update_progress(progress)

    def _close_dialog(self, op: _Op[Any]) -> None:
        if op.timer is not None:
            op.timer.stop()
            op.timer.deleteLater()
            op.timer = None
        if op.dialog is not None:
            op.dialog.finish()
            op.dialog = None

    def _finished(self, op: _Op[Any], result: Any, exc: BaseException | None) -> None:
        op.done = True
        self._close_dialog(op)
        self._ops.pop(op.id, None)
        try:
            if exc is None:
                if op.on_success is not None:
                    op.on_success(result)
            elif op.on_failure is not None:
                op.on_failure(exc)
            elif isinstance(exc, Cancelled):
                self.message.emit(one_line(exc))
            elif isinstance(exc, Exception):
                self.last_error = show_error(op.parent, exc)
            else:  # KeyboardInterrupt, SystemExit: not ours to swallow
                raise exc
        except Exception as exc:  # a callback failed: one line, details in the log
            self.last_error = show_error(op.parent, exc)
        finally:
            self.op_finished.emit(op.label)
            if not self._ops:
                self.busy_changed.emit(False)


# -- a library as the app holds it ---------------------------------------------------------


class Session:
    """An open library: the worker's writable Library and the UI thread's read-only one.

    ``read_only=True`` opens both read-only (another window holds the lock): writes
    then fail with a one-line ReadOnlyLibrary message.
    """

    def __init__(self, path: Path, *, read_only: bool = False, create: bool = True):
        self.path = Path(path).expanduser()
        self.write_lib = open_library(self.path, read_only=read_only, create=create)
        try:
            self.read_lib = open_library(self.path, read_only=True)
        except BaseException:
            self.write_lib.close()
            raise
        self.runner = OperationRunner(self.write_lib)
        self._closed = False

    @property
    def read_only(self) -> bool:
        return self.write_lib.read_only

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        self.read_lib.close()
        self.write_lib.close()
