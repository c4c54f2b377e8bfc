"""The window's reads: ``fn(read_lib) -> data`` run in order by one reader that owns
the read-only library, each answer handed to the UI thread.

On a court library (PostgreSQL) every read goes over the network, and the house
rule is that the UI thread never waits on it: :class:`Reader` then runs each read on
its own thread (the read connection is used from that thread alone) and queues the
answer back through a signal. A folder library's reads are a local SQLite file's
(well under a millisecond each), so by default they run at once on the UI thread
through the same calls — the views have one path, the executor differs
(``background=``; ``CASEORG_READ_THREAD=1`` runs a folder's on the thread too).

Each read has a ``key`` (what it fills: "case", "cases", "counts"...): a newer read
of the same key makes the older one stale — it is skipped if it has not started and
its answer is dropped if it has (the user clicked case A, then case B: B shows, never
A). A failure reaches the UI thread as one line (:attr:`Reader.failed`, shown by the
window as any other message) unless the caller takes it. A court library's read
connection that was closed (the server restarted) is opened again once and the read
tried once more before that line is said.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from caseorg.errors import CaseorgError
from caseorg.library import CourtLibrary, Library
from caseorg_ui.operations.messages import one_line
from caseorg_ui.qt import QObject, Qt, Signal

log = logging.getLogger("caseorg.ui")

T = TypeVar("T")
Reopen = Callable[[Library], None]

LOADING = "Loading…"  # what a part of the window says while its first answer is on its way


def wants_thread(lib: Library) -> bool:
    """Whether ``lib``'s reads go to the reader's thread: a court library's always."""
    return isinstance(lib, CourtLibrary) or os.environ.get("CASEORG_READ_THREAD") == "1"


def connection_closed(lib: Library, exc: BaseException) -> bool:
    """A court library whose connection the server closed (restart, terminated)."""
    return isinstance(lib, CourtLibrary) and isinstance(exc, CaseorgError) and not lib.connected


class Reader(QObject):
    """Runs reads on ``lib`` in the order asked, one at a time; see the module docstring.

    ``reopen(lib)`` opens a closed court connection again (the session's). Signals, on
    the UI thread: ``failed(str)`` a read's one-line error nobody took;
    ``busy_changed(bool)`` when the first read is queued and when the last one ends.
    """

    failed = Signal(str)
    busy_changed = Signal(bool)
    _pending = Signal()  # closures wait in a list: no Python object crosses Qt's queue

    def __init__(
        self,
        lib: Library,
        *,
        background: bool | None = None,
        reopen: Reopen | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.lib = lib
        self.background = wants_thread(lib) if background is None else background
        self.reopen = reopen
        self.reconnects = 0  # connections opened again (tests and the report)
        self.thread: threading.Thread | None = None  # the reader's thread, once started
        self._tokens = itertools.count(1)
        self._latest: dict[str, int] = {}  # key -> its newest read's token
        self._waiting = 0  # reads asked and not answered
        self._closed = False
        self._said = False
        self._jobs: list[Callable[[], None]] = []
        self._wake = threading.Condition()
        self._closures: list[Callable[[], None]] = []
        self._closures_lock = threading.Lock()
        self._pending.connect(self._run_pending, Qt.ConnectionType.QueuedConnection)

    # -- public ----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Reads asked and not answered yet."""
        return self._waiting > 0

    def current(self, key: str, token: int) -> bool:
        """Whether ``token`` is still the newest read of ``key``."""
        return self._latest.get(key) == token

    def read(
        self,
        key: str,
        fn: Callable[[Library], T],
        on_done: Callable[[T], Any],
        on_failure: Callable[[str], Any] | None = None,
    ) -> int:
        """Run ``fn(lib)``; ``on_done(result)`` on the UI thread unless a newer read of
        ``key`` was asked meanwhile. A failure goes to ``on_failure(line)`` or, without
        one, to :attr:`failed`. Returns the read's token."""
        if self._closed:
            return 0
        token = next(self._tokens)
        self._latest[key] = token
        self._waiting += 1
        if self._waiting == 1:
            self.busy_changed.emit(True)
        if not self.background:  # a folder's SQLite: at once, through the same steps
            self._answer(key, token, *self._run(key, token, fn), on_done, on_failure)
            return token

        def job() -> None:  # on the reader's thread
            outcome = self._run(key, token, fn)
            self._post(lambda: self._answer(key, token, *outcome, on_done, on_failure))

        with self._wake:
            self._jobs.append(job)
            if self.thread is None:
                self.thread = threading.Thread(target=self._loop, name="caseorg-reader")
                self.thread.start()
            self._wake.notify()
        return token

    def say_failures(self, say: Callable[[str], Any]) -> None:
        """Hand every failure nobody took to ``say`` (the window's message box). A reader
        without one that runs at once raises the error to its caller instead."""
        self._said = True
        self.failed.connect(say)

    def forget(self, key: str) -> None:
        """Drop the answer of any read of ``key`` still on its way (its view went)."""
        self._latest[key] = next(self._tokens)

    def shutdown(self) -> None:
        """Drop the reads waiting, stop the one running (a court query is cancelled on
        the server) and wait for the thread to let go of the library."""
        self._closed = True
        with self._wake:
            self._jobs.clear()
            self._wake.notify()
        thread = self.thread
        while thread is not None and thread.is_alive():
            # a read runs several statements: a cancel landing between two would miss
            # the next one (which may wait on another clerk's lock), so cancel until done
            if isinstance(self.lib, CourtLibrary):
                try:
                    self.lib.cancel_running()
                except Exception:  # nothing was running, or the server is gone
                    log.debug("cancelling the running read failed", exc_info=True)
            thread.join(0.2)

    # -- the reader's side ---------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                job = self._jobs.pop(0)
            try:
                job()
            except BaseException:  # a job reports its own errors; this keeps the thread
                log.exception("a read's step failed")

    def _run(
        self, key: str, token: int, fn: Callable[[Library], Any]
    ) -> tuple[bool, Any, BaseException | None]:
        """(ran, result, error): a stale read is not run at all."""
        if not self.current(key, token) or self._closed:
            return False, None, None
        try:
            return True, fn(self.lib), None
        except Exception as exc:
            if not (connection_closed(self.lib, exc) and self.reopen is not None):
                return True, None, exc
        try:  # the server closed the connection: open it again once, read once more
            self.reopen(self.lib)
            self.reconnects += 1
            return True, fn(self.lib), None
        except Exception as exc:
            return True, None, exc

    def _post(self, closure: Callable[[], None]) -> None:
        with self._closures_lock:
            self._closures.append(closure)
        self._pending.emit()

    # -- the UI thread's side ------------------------------------------------------------
    def _run_pending(self) -> None:
        with self._closures_lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            closure()

    def _answer(
        self,
        key: str,
        token: int,
        ran: bool,
        result: Any,
        error: BaseException | None,
        on_done: Callable[[Any], Any],
        on_failure: Callable[[str], Any] | None,
    ) -> None:
        self._waiting -= 1
        try:
            if self._closed or not ran or not self.current(key, token):
                return  # stale (a newer read of the same key was asked), or closed
            if error is None:
                on_done(result)
                return
            if not isinstance(error, CaseorgError):
                log.error("unexpected error in a read", exc_info=error)
            line = one_line(error)
            if on_failure is not None:
                on_failure(line)
            elif self._said or self.background:
                self.failed.emit(line)
            else:  # a view on its own (no window says it): the caller's error, as before
                raise error
        except Exception as exc:  # filling a view failed: one line, details in the log
            if not (self._said or self.background):
                raise
            log.error("showing a read's answer failed", exc_info=exc)
            self.failed.emit(one_line(exc))
        finally:
            if self._waiting == 0 and not self._closed:
                self.busy_changed.emit(False)


def inline_reader(lib: Library) -> Reader:
    """A reader that runs at once on the calling thread (a view built on its own, in a
    test or a dialog, without a window's reader)."""
    return Reader(lib, background=False)
