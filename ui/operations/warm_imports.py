"""Import what the next step needs on a background thread, then run the step.

The check behind the case list's ⚠ marks runs just after the window is ready; it is the
first use of sqlite-utils (a folder library makes its sqlite-utils view on first use:
:attr:`caseorg.library.Library.db`), whose import is ~70-130 ms of Python. Made on the
UI thread it stalled the just-opened window (issue 15's audit at 1,000,000 pages);
imported here first, the UI thread only waits for its share of the interpreter.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable

from caseorg_ui.qt import QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)

AT_READY = ("sqlite_utils",)  # what the first reads after the window shows import


class _Relay(QObject):
    """Carries "imported" from the importing thread to the UI thread (queued)."""

    imported = Signal()


def warm_then(
    parent: QObject, then: Callable[[], None], modules: tuple[str, ...] = AT_READY
) -> None:
    """Run ``then`` on the UI thread once ``modules`` are imported (at once when they
    are: on the next turn of the event loop). A failed import is left for ``then`` to
    meet and report as it would have."""
    if all(name in sys.modules for name in modules):
        QTimer.singleShot(0, then)
        return
    relay = _Relay(parent)
    relay.imported.connect(then, Qt.ConnectionType.QueuedConnection)
    relay.imported.connect(relay.deleteLater, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # then() imports it again and says what is wrong
                log.debug("warming %s failed", name, exc_info=True)
        relay.imported.emit()

    # started on the next turn of the event loop, as ``then`` would have been: what was
    # queued first (a quit when ready) still comes first
    thread = threading.Thread(target=work, name="caseorg-warm-imports", daemon=True)
    QTimer.singleShot(0, thread.start)
