"""``python -m bench.scale_child open-check|case-list LIBRARY``: one measurement of the
scale sweep in a fresh process, printed as JSON (its own time and memory, untouched
by the bench process's).

open-check: what the app does after opening — the index opened and reconciled, the
reconcile the check starts with, then the quick library check — its seconds, the
documents the change log named (None: the marks disagreed, everything was walked),
and the memory it added (peak RSS after minus RSS before); apart, the index's share
(open + reconcile) and SQLite's ``PRAGMA quick_check`` of the whole file, which the
quick check runs and which grows with the database, changed or not.
case-list: the app's case list model filled and its first screen painted, offscreen.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_check(folder: Path) -> dict[str, object]:
    from caseorg.library import changes_since, open_library
    from caseorg.search import index_of
    from caseorg.upkeep import check_library

    with open_library(folder) as lib:
        lib.db  # noqa: B018 - sqlite-utils loaded before the clock, as the app has it by then
        before = _rss_mb()
        examined = changes_since(lib, lib.index_dir).documents
        started = time.perf_counter()
        index_of(lib).reconcile()
        reconciled = time.perf_counter()
        report = check_library(lib, hash_files=False)
        seconds = time.perf_counter() - started
        timed = time.perf_counter()
        lib.conn.execute("PRAGMA quick_check").fetchall()  # the check's SQLite part, again
        quick_check = time.perf_counter() - timed
    return {
        "seconds": round(seconds, 3),
        "reconcile_s": round(reconciled - started, 3),
        "quick_check_s": round(quick_check, 3),
        "examined": None if examined is None else len(examined),
        "added_mb": round(max(0.0, _peak_mb() - before), 1),
        "ok": report.ok,
        "problems": _kinds(report),
        "ok_but_generated": set(_kinds(report)) <= GENERATED_GAPS,
    }


# What a generated library (bench/genlib.py) lacks by design: its documents' rows name
# stored files it never writes (a million PDFs would be ~100 GB), so the open check
# reports each as missing. Nothing else may fail: ``ok_but_generated`` says so.
GENERATED_GAPS = {"missing_file"}


def _kinds(report: object) -> dict[str, int]:
    """Problems left after the check, counted by kind."""
    counts: dict[str, int] = {}
    for problem in getattr(report, "remaining", []):
        counts[problem.kind] = counts.get(problem.kind, 0) + 1
    return counts


def case_list(folder: Path) -> dict[str, object]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: a bench on a server
    from caseorg.library import open_library
    from caseorg_ui.qt import QApplication, QTableView
    from caseorg_ui.views.case_list_model import CaseListModel

    app = QApplication.instance() or QApplication([])
    with open_library(folder, read_only=True) as lib:
        started = time.perf_counter()
        model = CaseListModel(lib)
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        view.grab()
        load = time.perf_counter() - started
        started = time.perf_counter()
        model.sort(1)
        view.grab()
        resort = time.perf_counter() - started
        rows = model.rowCount()
        view.close()
        model.detach()
    return {"load_s": round(load, 3), "sort_s": round(resort, 3), "cases": rows}


def main() -> None:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    result = open_check(folder) if mode == "open-check" else case_list(folder)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
