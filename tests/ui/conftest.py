"""Every UI test's Qt objects die in that test's teardown, on the main thread.

pytest-qt closes a test's widgets and calls ``deleteLater()``; Qt deletes them only
when deferred deletes are next sent — in whichever later test first calls
``qtbot.wait…`` (thousands of widgets of earlier tests were seen alive at once). And
Python's cycle collector runs in whichever thread happens to allocate: the library's
writer thread and the search threads were seen freeing whole main windows, search
panes and thread pools of earlier tests, and Python owns a top-level widget, so its
C++ side was destroyed off the GUI thread while the main thread ran an event loop.
Both put one test's teardown inside another test, where it crashes at random (the
suite's ``Fatal Python error: Bus error`` in an unrelated test's event loop).

So during a UI test the collector is off, and when it ends its deferred deletes are
sent and its garbage collected, here, on the main thread.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


def destroy_leftovers() -> None:
    """Delete what waits for deferred deletion and collect garbage, until neither is left."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _round in range(5):  # a deleted object may deleteLater() others, or free cycles
        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if not gc.collect():
            break


@pytest.fixture(autouse=True)
def qt_objects_die_with_their_test() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()  # no thread but this one may run the collector during the test
    try:
        yield
    finally:  # after pytest-qt closed the test's widgets and called deleteLater()
        destroy_leftovers()
        if was_enabled:
            gc.enable()
