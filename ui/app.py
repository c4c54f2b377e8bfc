"""Start the desktop app: open the library, show the window, check the library.

The composition root of the GUI (``caseorg`` with no command calls
:func:`run_app`). Startup does only what the first screen needs — open the
library twice (the worker's writable handle and the UI's read-only one), query
the case ids for the list and read the first block of rows — then shows the
window. Bringing the search index up to date and the cheap library check run
afterwards on the worker, with a progress dialog only if they take a while.

Hooks for scripts and benchmarks:
``CASEORG_QUIT_AFTER_MS=N`` quits N ms after the event loop starts (smoke tests);
``CASEORG_QUIT_WHEN_READY=1`` quits as soon as the window is shown and the case
list is filled (the background check is not started), to time startup.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

# before anything loads Qt: PySide6's import hook reads the source of every module
# imported after it (platformdirs and its parts: ~2 ms), so caseorg_ui.preferences finds it loaded
import platformdirs

from caseorg_ui.display import require_display
from caseorg_ui.operations import one_line, show_message
from caseorg_ui.qt import QApplication, QLocale, Qt, QTimer
from caseorg_ui.qt_messages import install_message_handler
from caseorg_ui.window import MainWindow, open_session_or_ask
from caseorg_ui.window.main_window import _windows  # the open windows, closed at exit

log = logging.getLogger("caseorg")

__all__ = ["MainWindow", "run_app", "log_path"]


def log_path() -> Path:
    """Where unexpected errors are written in full (the user sees one line)."""
    return Path(platformdirs.user_log_dir("caseorg", appauthor=False)) / "caseorg.log"


class LogFile(logging.Handler):
    """The app's rotating log file, opened on the first record.

    Most sessions log nothing, so start-up neither creates the file nor loads
    ``logging.handlers`` (~15 ms: it pulls in socket, pickle and queue).
    """

    def __init__(self) -> None:
        super().__init__()
        self._path: Path | None = None  # looked up on first use (platformdirs: ~7 ms)
        self._file: logging.Handler | None = None

    @property
    def baseFilename(self) -> str:  # noqa: N802 - the name logging's own file handlers use
        if self._path is None:
            self._path = log_path()
        return str(self._path)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._file is None:
                self._file = self._open()
            self._file.emit(record)
        except Exception:
            self.handleError(record)

    def _open(self) -> logging.Handler:
        import logging.handlers

        path = Path(self.baseFilename)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(self.formatter)
        os.chmod(path, 0o600)  # errors can name respondents and files: private, like the library
        return handler

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def install_log_file() -> LogFile:
    """Send the ``caseorg`` loggers to the log file (once); the handler is returned."""
    for handler in log.handlers:
        if isinstance(handler, LogFile):
            return handler
    handler = LogFile()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def setup_logging() -> Path:
    """:func:`install_log_file`, and where the file is."""
    return Path(install_log_file().baseFilename)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An error escaping a Qt slot: logged in full, shown as one line — never a traceback."""
    log.error("unhandled error", exc_info=(kind, exc, tb))
    if QApplication.instance() is not None:
        show_message(QApplication.activeWindow(), one_line(exc))


def _holds_clipboard() -> bool:
    clipboard = QApplication.clipboard()
    return clipboard.ownsClipboard() or clipboard.ownsSelection()


def run_app(library_path: Path | str) -> int:
    """Open the desktop window on ``library_path`` (a folder, created if new; or a court
    library's ``postgresql://`` URL); returns the exit code."""
    require_display()  # no window could be seen: say so (exit 2) rather than run unseen
    install_message_handler()  # Qt's warnings go to the log file, not the terminal
    ours = QApplication.instance() is None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("caseorg")
    app.setOrganizationName("caseorg")
    # Qt's date fields and calendars name days and AM/PM in English, as caseorg.words
    # does, whatever the desktop's language (the court writes English)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    install_log_file()
    sys.excepthook = _excepthook

    session = open_session_or_ask(None, library_path)
    if session is None:
        return 1
    window = MainWindow(session)
    quit_when_ready = os.environ.get("CASEORG_QUIT_WHEN_READY") == "1"
    if quit_when_ready:
        window.quits_when_ready = True
        window.ready.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    window.show()
    # Everything made so far lives as long as the window: freeze it out of the collector's
    # reach (later collections, during use and at exit, skip it) and resume collecting,
    # which caseorg.launch paused for start-up (profiled: ~30 ms less at exit alone).
    gc.freeze()
    gc.enable()
    if not quit_when_ready:
        QTimer.singleShot(0, window.check_after_open)
    if os.environ.get("CASEORG_QUIT_AFTER_MS"):  # smoke tests: open, render, close
        QTimer.singleShot(int(os.environ["CASEORG_QUIT_AFTER_MS"]), app.quit)
    try:
        return int(app.exec())
    finally:
        for open_window in list(_windows):
            open_window.close()
        if ours and _holds_clipboard() and hasattr(app, "shutdown"):
            # the one thing Qt does on its way out that outlives us: on X11 it hands what
            # we copied (an A-number) to the desktop's clipboard keeper; do that now, as
            # the process ends without Python's teardown (caseorg.launch.exit_now)
            app.shutdown()
