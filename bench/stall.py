"""``python -m bench.stall``: the UI thread's longest stall while the AAO corpus imports.

A 10 ms QTimer heartbeat runs on the UI thread while the import runs the way
the app runs it: a ``caseorg_ui.operations`` ``LibraryOp`` on a ``Session``'s runner (with
its progress dialog) when that module exists, else a QThread calling ``import_files``.
Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.common import OUT, aao_files
    from caseorg.importing import import_files
    from caseorg.records import add_case

    files = aao_files()
    app = QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-stall-", dir=OUT)) / "library"
    state: dict[str, Any] = {"last": None, "max": 0.0, "ticks": 0, "report": None}

    def tick() -> None:
        now = time.perf_counter()
        if state["last"] is not None:
            state["max"] = max(state["max"], (now - state["last"]) * 1000)
        state["last"] = now
        state["ticks"] += 1

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    keep: list[Any] = []
    try:
        try:
            from caseorg_ui.operations import Session
        except ImportError:
            Session = None  # noqa: N806
        if Session is not None:
            from caseorg_ui.operations import LibraryOp

            method = "caseorg_ui.operations LibraryOp"
            session = Session(folder)
            keep.append(session)
            case_id = add_case(session.write_lib, "A-200-000-000", "Bench Respondent").id

            def op(lib: Any) -> Any:
                return import_files(
                    lib, case_id, files, progress=task.progress, cancel=task.cancel_token
                )

            def done(report: Any) -> None:
                state["report"] = report.summary()
                app.quit()

            def failed(exc: BaseException) -> None:
                state["report"] = f"failed: {exc}"
                app.quit()

            heartbeat.start()
            started = time.perf_counter()
            task = LibraryOp(None, op).success(done).failure(failed)
            task.with_progress("Importing…", cancellable=True).run_in_background(session.runner)
        else:
            from caseorg.library import open_library

            method = "QThread + import_files"
            lib = open_library(folder)
            keep.append(lib)
            case_id = add_case(lib, "A-200-000-000", "Bench Respondent").id

            class Worker(QThread):
                def run(self) -> None:
                    state["report"] = import_files(lib, case_id, files).summary()

            worker = Worker()
            keep.append(worker)
            worker.finished.connect(app.quit)
            heartbeat.start()
            started = time.perf_counter()
            worker.start()
        app.exec()
        seconds = time.perf_counter() - started
        heartbeat.stop()
    finally:
        for item in reversed(keep):
            if hasattr(item, "close"):
                item.close()
        shutil.rmtree(folder.parent, ignore_errors=True)
    print(
        json.dumps(
            {
                "max_stall_ms": round(state["max"], 1),
                "ticks": state["ticks"],
                "seconds": round(seconds, 2),
                "method": method,
                "report": state["report"],
            }
        )
    )


if __name__ == "__main__":
    main()
