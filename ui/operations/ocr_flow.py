"""Reading scanned pages (OCR) from the app: after an import, or when asked from the menu.

The core's OCR queue runs as one background operation: its progress dialog says pages
done, pages/s and time left; Cancel stops between pages and keeps every finished page
(the rest still await OCR, and the next run continues with them). No Tesseract: one
line saying what to install, and the pages keep waiting — an import never fails for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from caseorg.importing import OcrReport, OcrUnavailable, awaiting_ocr, run_ocr
from caseorg.library import OCR_AFTER_IMPORT, Library, get_setting
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.messages import show_error, show_message

if TYPE_CHECKING:
    from caseorg_ui.qt import QMainWindow


class OcrFlow:
    """OCR from the main window. ``window`` gives ``read_lib``, ``runner`` and ``say``
    (named loosely, so this module does not import the window)."""

    def __init__(self, window: QMainWindow):
        self.window: Any = window
        self.handle: LibraryOp[OcrReport] | None = None
        self.last_report: OcrReport | None = None
        self.last_message: str | None = None  # the last one-line failure shown

    def after_import(self) -> LibraryOp[OcrReport] | None:
        """Start OCR when the library says to after an import and pages await it."""
        lib = self.window.read_lib
        if not get_setting(lib, OCR_AFTER_IMPORT) or not awaiting_ocr(lib):
            return None
        return self.start()

    def start(self, document_ids: Iterable[int] | None = None) -> LibraryOp[OcrReport] | None:
        """Read the pages awaiting OCR (None: in the whole library) on the worker."""
        if self.handle is not None and not self.handle.started:
            return self.handle  # one already waits its turn: it will read these pages too
        ids = None if document_ids is None else list(document_ids)

        def work(lib: Library) -> OcrReport:
            return run_ocr(lib, ids, progress=task.progress, cancel=task.cancel_token)

        task = LibraryOp(self.window, work, Change.DOCUMENTS | Change.INDEX)
        self.handle = (
            task.with_progress("Reading scanned pages (OCR)…", cancellable=True)
            .success(self._done)
            .failure(self._failed)
            .run_in_background(self.window.runner)
        )
        return self.handle

    def _done(self, report: OcrReport) -> None:
        self.last_report = report
        self.window.say(f"OCR: {report.summary()}", 10000)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OcrUnavailable):  # what to install, in one line
            self.last_message = str(exc).strip().splitlines()[0]
            show_message(self.window, self.last_message)
        else:
            self.last_message = show_error(self.window, exc)
