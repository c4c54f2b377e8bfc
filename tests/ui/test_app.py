"""Starting the app: `caseorg` with no command, the startup hooks, a lazy start on a big
library, and the check that runs on the worker after opening."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.search.handle import index_of, opened_index
from caseorg.upkeep.check import CheckReport
from caseorg_ui.app import _excepthook, log_path, setup_logging
from caseorg_ui.operations.runner import Session
from caseorg_ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


ENTRY_POINT = "from caseorg.launch import main; main()"  # what the `caseorg` script runs


def run_caseorg(
    tmp_path: Path, library: Path, code: str = ENTRY_POINT, **env: str
) -> subprocess.CompletedProcess[str]:
    """``caseorg --library LIBRARY`` (no command: the app), offscreen, isolated dirs;
    ``code`` stands in for the entry point when a test needs to see inside."""
    full = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        **env,
    }
    full.pop("DISPLAY", None)
    full.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-c", code, "--library", str(library)],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_caseorg_without_command_opens_and_quits_when_ready(tmp_path: Path) -> None:
    library = tmp_path / "library"
    with open_library(library) as lib:
        add_case(lib, "A-123-456-789", "Ana Lopez")
    result = run_caseorg(tmp_path, library, CASEORG_QUIT_WHEN_READY="1")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no traceback, and none of Qt's chatter either
    assert not (library / "lock").exists()  # closed cleanly, lock released


# what the first window must not wait for: the command line, sqlite-utils, the report
# templates, search, PDF reading, and the Qt modules of the viewer, charts and printing
NOT_AT_START_UP = (
    "click",
    "sqlite_utils",
    "jinja2",
    "whoosh",
    "pypdf",
    "logging.handlers",
    "caseorg.importing.pipeline",
    "caseorg.search.engine",
    "caseorg.reports.parts",
    "PySide6.QtPdf",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "caseorg_ui.views.case_view",
    "caseorg_ui.docks.search_pane",
    "caseorg_ui.court.dashboard",
)

MODULES_AT_READY = """
import json, sys
from pathlib import Path
from caseorg_ui.app import run_app
code = run_app(Path(sys.argv[-1]))
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_the_first_window_loads_only_what_it_shows(tmp_path: Path) -> None:
    library = tmp_path / "library"
    with open_library(library) as lib:
        add_case(lib, "A-123-456-789", "Ana Lopez")
    result = run_caseorg(tmp_path, library, MODULES_AT_READY, CASEORG_QUIT_WHEN_READY="1")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert [m for m in NOT_AT_START_UP if m in report["modules"]] == []


def test_quit_after_ms_smoke_hook_on_a_new_library(tmp_path: Path) -> None:
    library = tmp_path / "new-library"
    result = run_caseorg(tmp_path, library, CASEORG_QUIT_AFTER_MS="300")
    assert result.returncode == 0, result.stderr
    assert (library / "caseorg.db").exists()
    assert result.stderr == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display server is Linux's")
def test_the_command_line_s_way_into_the_app_also_needs_a_display(tmp_path: Path) -> None:
    """`caseorg --library ''` and `python -m caseorg.cli` reach run_app through click:
    with no display (and no platform of Qt's own chosen) it refuses in one line too."""
    library = tmp_path / "library"
    cli = "from caseorg.cli import main; main()"
    result = run_caseorg(tmp_path, library, cli, QT_QPA_PLATFORM="", CASEORG_QUIT_AFTER_MS="1000")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("caseorg: no display found"), result.stderr
    assert not library.exists()


def fill_cases(path: Path, n: int) -> None:
    stamp = "2025-01-01 09:00:00"
    with open_library(path) as lib, lib.db.atomic():
        lib.db.conn.executemany(
            "INSERT INTO cases (a_number, respondent, created_at, updated_at) VALUES (?, ?, ?, ?)",
            [(f"{300000000 + i:09d}", f"Respondent {i}", stamp, stamp) for i in range(n)],
        )


def test_start_on_ten_thousand_cases_reads_only_what_is_shown(qtbot: Any, tmp_path: Path) -> None:
    fill_cases(tmp_path / "big", 10_000)
    window = MainWindow(Session(tmp_path / "big"), restore=False)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.ready, timeout=5000):
            window.show()
        assert window.case_model.rowCount() == 10_000
        assert 1 <= window.case_model.fetches <= 2  # a block or two, not 10,000 rows
        assert "10,000 cases" in window.counts_label.text()
        assert opened_index(window.read_lib) is None  # the search index is not opened to start
    finally:
        window.close()


def test_check_after_open_offers_repair_and_repairs(qtbot: Any, tmp_path: Path) -> None:
    library = tmp_path / "library"
    with open_library(library) as lib:
        case = add_case(lib, "A-123-456-789", "Ana Lopez")
        import_files(lib, case.id, [make_pdf(tmp_path / "Brief.pdf", ["hardship"])])
    stray = library / "files" / "ab" / "cd" / ("ab" * 32 + ".pdf")
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-1.4 left behind by hand\n")

    window = MainWindow(Session(library), restore=False)
    qtbot.addWidget(window)
    try:
        window.show()
        with qtbot.waitSignal(window.checked, timeout=30_000) as blocker:
            window.check_after_open()
        report = blocker.args[0]
        assert isinstance(report, CheckReport)
        assert [p.kind for p in report.remaining] == ["unknown_file"]
        box = window.repair_box
        assert box.isVisible() and "file with no record" in box.text()
        assert window.index_label.text() == "index: up to date"
        repair = next(b for b in box.buttons() if b.text() == "Repair")
        with qtbot.waitSignal(window.checked, timeout=30_000) as again:
            repair.click()
        assert again.args[0].ok
        assert not stray.exists()
        assert list((library / "quarantine").rglob("*.pdf"))
    finally:
        window.close()


def test_check_after_open_heals_a_deleted_index(qtbot: Any, tmp_path: Path) -> None:
    import shutil

    library = tmp_path / "library"
    with open_library(library) as lib:
        case = add_case(lib, "A-123-456-789", "Ana Lopez")
        import_files(lib, case.id, [make_pdf(tmp_path / "Brief.pdf", ["persecution"])])
    shutil.rmtree(library / "index")
    window = MainWindow(Session(library), restore=False)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.checked, timeout=30_000) as blocker:
            window.check_after_open()
        assert blocker.args[0].ok
        hits = index_of(window.session.write_lib).search("persecution")
        assert [h.title for h in hits] == ["Brief"]
    finally:
        window.close()


def test_uncaught_error_is_logged_and_shown_as_one_line(
    qtbot: Any, caplog: pytest.LogCaptureFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = setup_logging()
    assert path == log_path() and path.is_relative_to(tmp_path)
    handler = next(
        h
        for h in logging.getLogger("caseorg").handlers
        if getattr(h, "baseFilename", None) == str(path)
    )
    from caseorg_ui.qt import QApplication, QMessageBox

    try:
        raise ValueError("bad thing\nwith a second line")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="caseorg"):
            _excepthook(ValueError, exc, exc.__traceback__)
    assert any(r.exc_info and r.exc_info[0] is ValueError for r in caplog.records)
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert [b.text() for b in boxes] == [
        "Unexpected error: ValueError: bad thing — details in the log"
    ]
    for box in boxes:
        box.close()
    handler.flush()
    assert "ValueError: bad thing" in path.read_text()  # the full story is in the log file
    logging.getLogger("caseorg").removeHandler(handler)
    handler.close()
