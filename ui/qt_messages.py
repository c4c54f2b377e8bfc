"""Where Qt's own warnings go: the log file, never the user's terminal.

Qt prints its diagnostics on stderr. Some are known and harmless — the offscreen
platform (used to print PDFs from the command line and in tests) says "This plugin
does not support propagateSizeHints()" for every window it lays out — and the rest
mean something only to a developer. :func:`install_message_handler` drops the known
harmless ones and sends the others to the ``caseorg.qt`` logger, which the app
writes to its log file. It is installed once, by whatever starts Qt
(:func:`caseorg_ui.app.run_app` and :func:`caseorg_ui.printing.output.ensure_gui_application`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from caseorg_ui.qt import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("caseorg.qt")
# with no log file set up (the command line), nothing reaches the terminal
log.addHandler(logging.NullHandler())

# messages that say nothing about caseorg: the offscreen platform cannot do these
HARMLESS = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support setParent!",
)

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]
_installed = False


def is_harmless(message: str) -> bool:
    """True for a Qt message known to mean nothing for the app (see HARMLESS)."""
    return message.strip().startswith(HARMLESS)


def handle_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the known harmless message; log the rest under ``caseorg.qt``."""
    if is_harmless(message):
        return
    category = getattr(context, "category", None) or "qt"
    log.log(LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)


def install_message_handler(force: bool = False) -> Handler | None:
    """Route Qt's messages through :func:`handle_qt_message`; returns the handler it
    replaced (None when there was none, or when it was installed already and
    ``force`` is False)."""
    global _installed
    if _installed and not force:
        return None
    _installed = True
    return qInstallMessageHandler(handle_qt_message)
