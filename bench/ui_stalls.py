"""``python -m bench.ui_stalls LIBRARY [--json OUT]``: the UI thread's stalls on a big library.

The app's window is opened on ``LIBRARY`` (offscreen, in this process, as ``caseorg
--library`` opens it) and driven through what a judge does with it: the window opening,
the case list scrolled, sorted on each column and filtered, cases shown, a query typed
into the search pane letter by letter until its results are shown, and a document
opened from them. A 10 ms QTimer heartbeat measures every gap in the event loop; a
watchdog thread samples the UI thread's stack while a gap is open, so each stall over
:data:`LIMIT_MS` is reported with the step that caused it and where the time went.

Not part of ``python -m bench all`` (it wants a generated library of 1,000,000 pages;
see bench/README.md). Prints one JSON line: per step its longest gap, and the stalls.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

LIMIT_MS = 100.0  # the limit for any one operation on the UI thread
TICK_MS = 10
SAMPLE_S = 0.005  # the watchdog's look at the UI thread's stack while a gap is open
OURS = ("caseorg", "caseorg_ui", "/ui/", "/bench/")  # frames worth naming in a stall


def _frame_line(frame: Any) -> str:
    code = frame.f_code
    return f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}"


def _our_stack(frame: Any, depth: int = 4) -> str:
    """The innermost frames of ours, and the library call they were in, innermost last."""
    lines: list[str] = []
    outer_call = ""
    while frame is not None and len(lines) < depth:
        name = frame.f_code.co_filename
        if any(part in name for part in OURS):
            lines.append(_frame_line(frame))
        elif not lines:
            outer_call = _frame_line(frame)  # the library call our code is waiting in
        frame = frame.f_back
    return " < ".join(lines) + (f" [in {outer_call}]" if outer_call else "")


class StallMeter:
    """Heartbeat gaps per step; a watchdog samples the UI thread's stack during a gap."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.step = "start"
        self.worst: dict[str, float] = {}
        self.stalls: list[dict[str, Any]] = []
        self._last = time.perf_counter()
        self._samples: Counter[str] = Counter()
        self._ui = threading.main_thread().ident
        self._stop = threading.Event()
        self._watch = threading.Thread(target=self._watchdog, daemon=True)
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()
        self._watch.start()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        self._watch.join()

    def at(self, step: str) -> None:
        """Gaps from now on belong to ``step`` (one that ends within it counts there)."""
        self.tick()
        self.step = step

    def tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self._last = now
        self.worst[self.step] = max(self.worst.get(self.step, 0.0), gap)
        if gap > LIMIT_MS:
            where = [f"{n} x {stack}" for stack, n in self._samples.most_common(3)]
            self.stalls.append({"step": self.step, "ms": round(gap, 1), "where": where})
        self._samples.clear()

    def _watchdog(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            if (time.perf_counter() - self._last) * 1000 < 2 * TICK_MS + 20:
                continue
            frame = sys._current_frames().get(self._ui or 0)
            if frame is not None:
                self._samples[_our_stack(frame)] += 1


Step = tuple[str, Callable[[], Any], int]  # name, action on the UI thread, ms to let run


def _steps(window: Any, search_text: str) -> list[Step]:
    """What a judge does, each followed by a pause in which its results arrive."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    table = window.case_list
    bar = table.verticalScrollBar()
    steps: list[Step] = []
    for k in range(1, 6):  # dragging the scroll bar through the 20,000 cases
        steps.append(("case list: scroll", lambda k=k: bar.setValue(bar.maximum() * k // 5), 150))
    steps.append(("case list: scroll", lambda: bar.setValue(0), 150))
    for column in range(window.case_model.columnCount()):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            steps.append(
                ("case list: sort", lambda c=column, o=order: table.sortByColumn(c, o), 250)
            )

    def typed(box: Any, letter: str) -> Callable[[], None]:
        return lambda: QTest.keyClicks(box, letter)

    for letter in "gar":  # typed into the case filter, the list follows after 150 ms
        steps.append(("case list: filter", typed(window.filter_box, letter), 60))
    steps.append(("case list: filter", lambda: None, 600))
    steps.append(("case list: filter", lambda: window.filter_box.clear(), 600))
    for row in (0, 1, 5000, 19_999):
        steps.append(("show a case", lambda r=row: table.selectRow(r), 800))
    steps.append(("search pane: open", window.show_search, 600))
    pane = lambda: window.search_pane  # noqa: E731 - built by the step before
    steps.append(("search pane: case filter list", lambda: pane().case_filter.showPopup(), 400))
    steps.append(("search pane: case filter list", lambda: pane().case_filter.hidePopup(), 200))
    for letter in search_text:
        steps.append(("search pane: type", typed(window.search_pane.search_box, letter), 120))
    return steps


def run(library: Path, search_text: str = "evidence") -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    config = tempfile.mkdtemp(prefix="caseorg-ui-stalls-")
    os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = config  # no saved layout
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("caseorg")
    app.setOrganizationName("caseorg")
    meter = StallMeter()
    state: dict[str, Any] = {"window": None, "steps": [], "opened_s": None, "found": None}
    started = time.perf_counter()

    def open_window() -> None:
        meter.at("window build (start-up, not shown yet)")  # its modules load here too
        from caseorg_ui.window.library_actions import open_session_or_ask
        from caseorg_ui.window.main_window import MainWindow

        session = open_session_or_ask(None, library)
        window = MainWindow(session)
        state["window"] = window
        window.ready.connect(lambda: state.update(opened_s=time.perf_counter() - started))
        window.show()
        meter.at("window shown: first 1.5 s")  # before it: start-up, the window not shown yet
        state["steps"] = _steps(window, search_text)
        QTimer.singleShot(1500, next_step)

    def next_step() -> None:
        if not state["steps"]:
            return wait_for_results(time.perf_counter())
        name, action, pause = state["steps"].pop(0)
        meter.at(name)
        action()
        QTimer.singleShot(pause, next_step)

    def wait_for_results(since: float) -> None:
        window = state["window"]
        meter.at("search pane: results shown")
        model = window.search_pane.model
        if model.rowCount() == 0 and time.perf_counter() - since < 20:
            QTimer.singleShot(50, lambda: wait_for_results(since))
            return
        state["found"] = model.rowCount()
        QTimer.singleShot(300, open_document)

    def open_document() -> None:
        window = state["window"]
        meter.at("open a document")
        document_id = _first_hit(window)
        if document_id is not None:
            window.open_document(document_id, 1, search_text)
        QTimer.singleShot(1500, finish)

    def finish() -> None:
        meter.at("end")
        window = state["window"]
        if window.pdf_window is not None:
            window.pdf_window.close()
        window.close()
        app.quit()

    meter.start()
    QTimer.singleShot(0, open_window)
    app.exec()
    meter.stop()
    return {
        "library": str(library),
        "ready_s": round(state["opened_s"] or -1, 3),
        "documents_found": state["found"],
        "worst_gap_ms": {step: round(ms, 1) for step, ms in meter.worst.items()},
        "stalls": meter.stalls,
        "load": [round(x, 2) for x in os.getloadavg()],
    }


def _first_hit(window: Any) -> int | None:
    """The first result's document (the hit a judge would open)."""
    hits = getattr(window.search_pane.model, "hits", None)
    if hits:
        return int(hits[0].document_id)
    return None


def main() -> None:
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        at = args.index("--json")
        out = Path(args[at + 1])
        del args[at : at + 2]
    result = run(Path(args[0]), *(args[1:2] or []))
    line = json.dumps(result)
    if out is not None:
        out.write_text(line + "\n")
    print(line)
    os._exit(0)  # the app's threads and libraries are closed; skip Qt's teardown


if __name__ == "__main__":
    main()
