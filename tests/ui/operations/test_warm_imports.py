"""warm_then: the step runs on the UI thread, after its modules were imported on
another thread (the first use of sqlite-utils stalled the just-opened window)."""

from __future__ import annotations

import sys
import threading
from typing import Any

from caseorg_ui.operations import warm_then
from caseorg_ui.qt import QObject


def test_the_step_runs_on_the_ui_thread_once_its_module_is_imported(qtbot: Any) -> None:
    name = "xml.dom.minidom"  # a real module no test here imports
    sys.modules.pop(name, None)
    parent = QObject()
    ran: list[tuple[threading.Thread, bool]] = []
    warm_then(parent, lambda: ran.append((threading.current_thread(), name in sys.modules)),
              (name,))  # fmt: skip
    assert ran == []  # not on the caller's stack: the import runs elsewhere first
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)
    assert ran == [(threading.main_thread(), True)]


def test_a_module_already_there_runs_the_step_on_the_next_turn(qtbot: Any) -> None:
    ran: list[str] = []
    warm_then(QObject(), lambda: ran.append("ran"), ("sys",))
    assert ran == []
    qtbot.waitUntil(lambda: ran == ["ran"], timeout=2000)


def test_a_module_that_will_not_import_still_runs_the_step(qtbot: Any) -> None:
    ran: list[str] = []
    window = QObject()  # (the step's owner: it lives as long as the window)
    warm_then(window, lambda: ran.append("ran"), ("caseorg_no_such_module",))
    qtbot.waitUntil(lambda: ran == ["ran"], timeout=5000)
