"""The one way the app runs work on its library: an operation (Anki's ``CollectionOp``).

::

    LibraryOp(parent, lambda lib: add_tag(lib, "case", case_id, tag), Change.TAGS)
        .success(lambda tags: ...)
        .run_in_background(runner)

``op(lib)`` runs on the runner's worker thread with the writable
:class:`~caseorg.library.folder.Library`; ``success`` gets its result on the UI thread,
``failure`` its exception (without one, the error is shown as one line). ``changes``
says what the operation writes: once it has succeeded, the runner tells the window,
which redraws only the views that show those kinds of record.

Long work reports :class:`caseorg.progress.Progress` to :meth:`LibraryOp.progress`
(hand it to a core function as its progress callback) and stops when
:attr:`LibraryOp.cancel_token` is set — by the progress dialog's Cancel, which appears
when the operation is still running after ~500 ms. The same object is the caller's
handle: :attr:`done`, :attr:`dialog`, :meth:`cancel`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from caseorg.cancel import CancelToken
from caseorg.errors import Cancelled
from caseorg.progress import Progress, ProgressCallback
from caseorg_ui.operations.changes import Change

if TYPE_CHECKING:
    from caseorg.library import Library
    from caseorg_ui.operations.progress_dialog import ProgressDialog
    from caseorg_ui.qt import QTimer, QWidget  # annotations only: no Qt type built

T = TypeVar("T")

PROGRESS_INTERVAL = 0.05  # seconds between progress reports sent to the UI thread


class Runner(Protocol):
    """Whatever runs operations: the session's
    :class:`~caseorg_ui.operations.runner.OperationRunner` (or a test's stand-in)."""

    def run(self, op: LibraryOp[Any]) -> None: ...


class LibraryOp(Generic[T]):
    """One piece of work on the library, its callbacks, and (once started) its state."""

    def __init__(
        self,
        parent: QWidget | None,
        op: Callable[[Library], T],
        changes: Change = Change.NONE,
    ):
        self.parent = parent  # its progress dialog and error messages open over this
        self.fn = op
        self.changes = changes
        self.label = "Working…"
        self.cancellable = False
        self.shows_dialog = True
        self.on_progress: Callable[[Progress], Any] | None = None
        self.done_message = ""
        self.on_success: Callable[[T], Any] | None = None
        self.on_failure: Callable[[BaseException], Any] | None = None
        self.cancel_token = CancelToken()
        # set by the runner that runs it
        self.reporter: ProgressCallback | None = None  # queues a report to the UI thread
        self.latest = Progress()
        self.dialog: ProgressDialog | None = None
        self.timer: QTimer | None = None
        self.started = False
        self.done = False
        self._last_report = 0.0

    # -- building --------------------------------------------------------------------------
    def success(self, on_success: Callable[[T], Any] | None) -> LibraryOp[T]:
        """Call ``on_success(result)`` on the UI thread, after the views have redrawn."""
        self.on_success = on_success
        return self

    def failure(self, on_failure: Callable[[BaseException], Any] | None) -> LibraryOp[T]:
        """Hand a failure to ``on_failure`` instead of showing it (a cancel included)."""
        self.on_failure = on_failure
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> LibraryOp[T]:
        """What the progress dialog says it is doing; ``cancellable`` adds its Cancel."""
        self.label = label
        self.cancellable = cancellable
        return self

    def in_status_bar(self, on_progress: Callable[[Progress], Any]) -> LibraryOp[T]:
        """No progress dialog: ``on_progress`` gets each report on the UI thread (work
        that runs for minutes beside the user, like OCR, shows in the status bar)."""
        self.shows_dialog = False
        self.on_progress = on_progress
        return self

    def says(self, done_message: str) -> LibraryOp[T]:
        """The status-bar line once it has succeeded (a closed dialog says nothing)."""
        self.done_message = done_message
        return self

    def run_in_background(self, runner: Runner) -> LibraryOp[T]:
        """Queue it on ``runner``'s worker; returns itself (the handle)."""
        runner.run(self)
        return self

    # -- inside the operation (the worker thread) ----------------------------------------
    def progress(self, progress: Progress) -> None:
        """Report how far it is (a :data:`caseorg.progress.ProgressCallback`). Thread-safe;
        frequent reports are thinned so the UI thread is never flooded."""
        now = time.monotonic()
        done, total = progress.done, progress.total
        final = done is not None and total is not None and done >= total
        if not final and now - self._last_report < PROGRESS_INTERVAL:
            return
        self._last_report = now
        if self.reporter is not None:
            self.reporter(progress)

    @property
    def cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def check_cancelled(self, message: str = "cancelled") -> None:
        """Raise :class:`Cancelled` if the user pressed Cancel (call between steps)."""
        if self.cancel_token.cancelled:
            raise Cancelled(message)

    # -- the handle ------------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the operation to stop (it stops at its next check)."""
        self.cancel_token.cancel()
