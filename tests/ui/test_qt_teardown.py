"""A UI test's Qt objects die in its own teardown, on the main thread (tests/ui/conftest.py):
none is left for a later test's event loop, nor for a worker thread's garbage collector.

The two tests run in this order (the file's): the first leaves widgets behind, the
second finds them gone.
"""

from __future__ import annotations

import gc
import threading
from functools import partial
from typing import Any

from PySide6.QtWidgets import QMainWindow, QWidget

DESTROYED: list[tuple[str, bool]] = []  # (which widget, destroyed on the main thread)


def _destroyed(name: str, *_args: object) -> None:
    DESTROYED.append((name, threading.current_thread() is threading.main_thread()))


class Orphan(QWidget):
    """A top-level widget Python owns, kept only by a reference cycle."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_a_test_leaves_widgets_behind(qtbot: Any) -> None:
    assert not gc.isenabled()  # no other thread may run the collector during a UI test
    window = QMainWindow()
    qtbot.addWidget(window)  # pytest-qt closes it and calls deleteLater() at teardown
    window.show()
    window.destroyed.connect(partial(_destroyed, "closed window"))
    orphan = Orphan()
    orphan.destroyed.connect(partial(_destroyed, "orphan"))
    del orphan  # only the collector can free it now
    assert DESTROYED == []


def test_the_widgets_of_the_test_before_are_gone_on_the_main_thread() -> None:
    assert sorted(DESTROYED) == [("closed window", True), ("orphan", True)]
