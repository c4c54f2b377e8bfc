"""Background operations: one worker thread owns the writable library (Anki's split).

Every write, import, reindex and check is a
:class:`~caseorg_ui.operations.library_op.LibraryOp`, run by the
:class:`OperationRunner` on its single worker thread with the writable
:class:`~caseorg.library.folder.Library`. Its result comes back to the UI thread
through a queued signal; a failure is shown as a one-line message unless the
operation handles it. The window reads through a separate read-only Library (WAL
lets it read while the worker writes), owned by the session's
:class:`~caseorg_ui.operations.reader.Reader` — on its own thread for a court
library — so nothing on screen ever waits for the writer.

An operation's progress reports are queued to the UI thread; its progress dialog
appears only when it is still running after ~500 ms, so quick writes never flash a
window, and the dialog's Cancel sets the operation's cancel token.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caseorg.errors import Cancelled
from caseorg.library import CourtLibrary, Library, is_court_url, open_library
from caseorg.progress import Progress
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.messages import one_line, show_error
from caseorg_ui.operations.reader import Reader
from caseorg_ui.qt import QObject, Qt, QTimer, Signal

log = logging.getLogger("caseorg.ui")

SHOW_AFTER_MS = 500
CONNECT_TIMEOUT_S = 10  # a court library's server that does not answer: one line after this
UI_READ_LIMIT_S = 10  # a read on the UI thread that takes longer is refused (one line)


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
    starts or the last one ends; ``message(str)`` for a status-bar line (a cancel, or
    what a finished write says); ``changed(Change)`` with what a succeeded operation
    changed, before its ``success`` callback runs.
    """

    busy_changed = Signal(bool)
    message = Signal(str)
    changed = Signal(object)
    _pending = Signal()  # closures wait in a list: no Python object crosses Qt's queue

    def __init__(
        self, lib: Library, parent: QObject | None = None, show_after_ms: int = SHOW_AFTER_MS
    ):
        super().__init__(parent)
        self.lib = lib
        self.show_after_ms = show_after_ms
        self._worker = _WriterThread("caseorg-writer")
        self._ids = itertools.count(1)
        self._ops: dict[int, LibraryOp[Any]] = {}
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

    def run(self, op: LibraryOp[Any]) -> None:
        """Queue ``op`` on the worker (:meth:`LibraryOp.run_in_background` calls this)."""
        if self._closed:
            raise RuntimeError("the library was closed")
        op_id = next(self._ids)
        op.reporter = lambda progress: self._post(lambda: self._progress(op, progress))
        was_idle = not self._ops
        self._ops[op_id] = op
        if was_idle:
            self.busy_changed.emit(True)
        self._worker.submit(lambda: self._work(op_id, op))

    def cancel_all(self) -> None:
        for op in list(self._ops.values()):
            op.cancel()

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

    def _work(self, op_id: int, op: LibraryOp[Any]) -> None:
        self.worker_thread = threading.current_thread()
        self._post(lambda: self._started(op))
        result: Any = None
        error: BaseException | None = None
        try:
            result = op.fn(self.lib)
        except BaseException as exc:  # handed to the UI thread, shown there as one line
            error = exc
        self._post(lambda: self._finished(op_id, op, result, error))

    # -- UI side ---------------------------------------------------------------------------
    def _run_pending(self) -> None:
        with self._closures_lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            if not self._closed:  # a closed session's late results are dropped
                closure()

    def _started(self, op: LibraryOp[Any]) -> None:
        op.started = True
        if op.done or not op.shows_dialog:
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._show_dialog(op))
        timer.start(self.show_after_ms)
        op.timer = timer

    def _show_dialog(self, op: LibraryOp[Any]) -> None:
        if op.done or self._closed:
            return
        from caseorg_ui.operations.progress_dialog import (
            ProgressDialog,  # with the first long operation
        )

        dialog = ProgressDialog(op.label, op.cancellable, op.parent)
        dialog.cancel_requested.connect(op.cancel)
        dialog.update_progress(op.latest)
        op.dialog = dialog
        dialog.show()

    def _progress(self, op: LibraryOp[Any], progress: Progress) -> None:
        op.latest = progress
        if op.done:
            return
        if op.dialog is not None:
            op.dialog.update_progress(progress)
        if op.on_progress is not None:
            op.on_progress(progress)

    def _close_dialog(self, op: LibraryOp[Any]) -> None:
        if op.timer is not None:
            op.timer.stop()
            op.timer.deleteLater()
            op.timer = None
        if op.dialog is not None:
            op.dialog.finish()
            op.dialog = None

    def _finished(
        self, op_id: int, op: LibraryOp[Any], result: Any, exc: BaseException | None
    ) -> None:
        op.done = True
        self._close_dialog(op)
        self._ops.pop(op_id, None)
        try:
            if exc is None:
                if op.changes:
                    self.changed.emit(op.changes)  # the views redraw first,
                if op.done_message:
                    self.message.emit(op.done_message)
                if op.on_success is not None:  # then the caller sees its result
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
            if not self._ops:
                self.busy_changed.emit(False)


# -- a library as the app holds it ---------------------------------------------------------


def open_libraries(
    location: Path | str, *, read_only: bool = False, create: bool = True
) -> tuple[Library, Library]:
    """The worker's writable library and the UI thread's read-only one: two handles (a
    folder's two SQLite connections, a court library's two server connections), each
    used by one thread. Connecting to a court's server can take a while: a window
    switching to one calls this on its worker."""
    if is_court_url(location):
        location = with_connect_timeout(str(location))
    write_lib = open_library(location, read_only=read_only, create=create)
    try:
        read_lib = open_library(location, read_only=True)
        if isinstance(read_lib, CourtLibrary):  # the UI thread's reads: short, or refused
            read_lib.limit_waits(UI_READ_LIMIT_S)
    except BaseException:
        write_lib.close()
        raise
    return write_lib, read_lib


def reopen_read(lib: Library) -> None:
    """Connect a court library's read handle again after its server closed the
    connection (a restart): the same object, so every view holding it reads on."""
    if isinstance(lib, CourtLibrary):
        lib.reconnect()  # in place, its limits said again; still away: one line, try later


def with_connect_timeout(url: str) -> str:
    """A court library's URL that gives up connecting after CONNECT_TIMEOUT_S (libpq
    waits for the operating system's TCP timeout otherwise: minutes), unless it says."""
    if "connect_timeout=" in url:
        return url
    return url + ("&" if "?" in url else "?") + f"connect_timeout={CONNECT_TIMEOUT_S}"


def library_where(location: Path | str) -> str:
    """How a library is named on screen: its folder, or a court library's
    user@host/database (never its password)."""
    if is_court_url(location):
        return f"court library {CourtLibrary(str(location)).where}"
    return str(location)


class Session:
    """An open library: the worker's writable Library and the UI thread's read-only one.

    ``location`` is a folder or a court library's ``postgresql://`` URL (see
    :func:`open_libraries`; ``libraries`` are two opened already). ``read_only=True``
    opens both read-only (another window holds the lock): writes then fail with a
    one-line ReadOnlyLibrary message.
    """

    def __init__(
        self,
        location: Path | str,
        *,
        read_only: bool = False,
        create: bool = True,
        libraries: tuple[Library, Library] | None = None,
    ):
        self.location: Path | str = (
            str(location) if is_court_url(location) else Path(location).expanduser()
        )
        # the folder (None for a court library: it has no folder of its own)
        self.path: Path | None = None if self.court else Path(self.location)
        if libraries is None:
            libraries = open_libraries(self.location, read_only=read_only, create=create)
        self.write_lib, self.read_lib = libraries
        self.runner = OperationRunner(self.write_lib)
        # the window's reads: on their own thread for a court library (see reader.py)
        self.reader = Reader(self.read_lib, reopen=reopen_read)
        self._closed = False

    @property
    def court(self) -> bool:
        """Whether this is a court library (PostgreSQL), not a folder."""
        return isinstance(self.location, str)

    @property
    def where(self) -> str:
        """The library as named on screen (:func:`library_where`)."""
        return library_where(self.location)

    @property
    def read_only(self) -> bool:
        return self.write_lib.read_only

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        self.reader.shutdown()
        self.read_lib.close()
        self.write_lib.close()
