"""How the app tells the user a sentence: one line per error, never a traceback.

Non-blocking message boxes (``open()``, not ``exec()``): the event loop keeps running,
so operations finish and tests never hang on a dialog.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from caseorg.errors import CaseorgError
from caseorg_ui.qt import Qt

if TYPE_CHECKING:
    from caseorg_ui.qt import QMessageBox, QWidget  # annotations only: no Qt type built

log = logging.getLogger("caseorg.ui")

_open_boxes: list[QMessageBox] = []  # kept alive while open


def one_line(exc: BaseException) -> str:
    """The user-facing sentence for an error: a CaseorgError's own text, else a short
    'Unexpected error' line that points to the log (never a traceback)."""
    if isinstance(exc, CaseorgError):
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = (str(exc).strip().splitlines() or [""])[0][:200]
    what = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return f"Unexpected error: {what} — details in the log"


def show_message(
    parent: QWidget | None,
    text: str,
    icon: QMessageBox.Icon | None = None,
    title: str = "caseorg",
) -> QMessageBox:
    """A non-blocking message box; a warning unless ``icon`` says otherwise. The same
    line already on screen is not shown twice (a court library's server gone: every
    view that reads says so at once)."""
    from caseorg_ui.qt import QMessageBox  # (built with the first message, not at start-up)

    for open_box in list(_open_boxes):
        try:
            if open_box.isVisible() and open_box.text() == text:
                return open_box
        except RuntimeError:  # deleted with its window: forget it
            _open_boxes.remove(open_box)
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
