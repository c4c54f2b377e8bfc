"""Reading scanned pages (OCR) from the app: after an import, or when asked from the menu.

OCR runs beside the user for minutes, so it never holds the window: it shows in the
status bar (pages done, pages/s, time left, and a Cancel), and reads the queue in turns
of :data:`TURN_SECONDS` on the library's one writer, so a note or a hearing saved
meanwhile waits seconds, not until the last page. Cancel stops within a page and keeps
every finished page (the rest still await OCR; the next run continues with them). No
Tesseract: one line saying what to install, and the pages keep waiting — an import never
fails for it, and after the first time an import only says it in the status bar.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from caseorg.importing import (
    OcrBusy,
    OcrReport,
    OcrUnavailable,
    awaiting_ocr,
    progress_text,
    run_ocr,
)
from caseorg.library import OCR_AFTER_IMPORT, Library, get_setting
from caseorg.progress import Progress
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.messages import one_line, show_error, show_message

if TYPE_CHECKING:
    from caseorg_ui.qt import QMainWindow

TURN_SECONDS = 10.0  # each turn hands out pages this long, then lets other writes in


class OcrFlow:
    """OCR from the main window. ``window`` gives ``read_lib``, ``runner``, ``say`` and
    ``show_ocr_progress`` (named loosely, so this module does not import the window)."""

    def __init__(self, window: QMainWindow):
        self.window: Any = window
        self.handle: LibraryOp[OcrReport] | None = None  # the turn running or queued
        self.report: OcrReport | None = None  # the whole run so far (all its turns)
        self.last_report: OcrReport | None = None  # the last run that ended
        self.last_message: str | None = None  # the last one-line failure shown
        self._ids: list[int] | None = None
        self._started = 0.0
        self._stopping = False
        self._told_missing = False
        self._asked = True

    @property
    def running(self) -> bool:
        return self.report is not None

    def after_import(self) -> LibraryOp[OcrReport] | None:
        """Start OCR when the library says to after an import and pages await it."""
        lib = self.window.read_lib
        if not get_setting(lib, OCR_AFTER_IMPORT) or not awaiting_ocr(lib):
            return None
        return self.start(asked=False)

    def start(
        self, document_ids: Iterable[int] | None = None, *, asked: bool = True
    ) -> LibraryOp[OcrReport] | None:
        """Read the pages awaiting OCR (None: in the whole library) in the background.
        ``asked``: the user chose it (a missing engine is then always said in a box)."""
        self._asked = asked
        if self.running:  # each turn reads what awaits then: the new pages are read too
            if document_ids is None:
                self._ids = None
            elif self._ids is not None:
                self._ids = sorted(set(self._ids) | set(document_ids))
            return self.handle
        self._ids = None if document_ids is None else sorted(set(document_ids))
        self.report = OcrReport()
        self._started = time.monotonic()
        self._stopping = False
        return self._turn()

    def cancel(self) -> None:
        """Stop within a page; finished pages are kept, the rest still await OCR."""
        self._stopping = True
        if self.handle is not None:
            self.handle.cancel()

    def _turn(self) -> LibraryOp[OcrReport]:
        ids = self._ids

        def work(lib: Library) -> OcrReport:
            return run_ocr(
                lib,
                ids,
                progress=task.progress,
                cancel=task.cancel_token,
                turn_seconds=TURN_SECONDS,
            )

        task = LibraryOp(self.window, work, Change.DOCUMENTS | Change.INDEX)
        self.handle = (
            task.in_status_bar(self._progress)
            .success(self._turn_done)
            .failure(self._failed)
            .run_in_background(self.window.runner)
        )
        return self.handle

    def _progress(self, turn: Progress) -> None:
        """The turn's pages counted into the whole run's: done of total, pages/s, left."""
        if self.report is None or turn.done is None or turn.total is None:
            return
        before = self.report.done + self.report.failed
        self.window.show_ocr_progress(
            progress_text(before + turn.done, before + turn.total, self._elapsed())
        )

    def _elapsed(self) -> float:
        return time.monotonic() - self._started

    def _turn_done(self, turn: OcrReport) -> None:
        report = self.report
        if report is None:
            return
        report.then(turn)
        report.seconds = self._elapsed()
        finished = turn.done + turn.failed == 0 or not turn.remaining
        if self._stopping or turn.cancelled or finished:
            report.cancelled = self._stopping or turn.cancelled
            self._end(f"OCR: {report.summary()}")
        else:
            self._turn()

    def _stop(self) -> None:
        """The run is over (finished, cancelled or failed): keep its report, clear the bar."""
        self.last_report, self.report, self.handle = self.report, None, None
        self.window.show_ocr_progress(None)

    def _end(self, message: str) -> None:
        self._stop()
        self.window.say(message, 10000)

    def _failed(self, exc: BaseException) -> None:
        asked = self._asked
        self._stop()
        if isinstance(exc, OcrUnavailable):  # what to install, in one line
            self.last_message = one_line(exc)
            if asked or not self._told_missing:
                show_message(self.window, self.last_message)
            self._told_missing = True
            self.window.say(self.last_message, 15000)
        elif isinstance(exc, OcrBusy):  # another clerk's queue on a court library reads them
            self.last_message = one_line(exc)
            if asked:  # (after an import, the status bar says so: no box in the way)
                show_message(self.window, self.last_message)
            self.window.say(self.last_message, 15000)
        else:
            self.last_message = show_error(self.window, exc)
