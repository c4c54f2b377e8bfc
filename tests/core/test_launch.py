"""The `caseorg` entry point: the app at once for `caseorg [--library DIR]`, the command
line for everything else — and opening a library that is up to date stays light."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from caseorg.launch import app_library
from caseorg.library.db import LATEST_MIGRATION, connect, schema_is_current, wrap
from caseorg.library.folder import DB_NAME, default_library_path, open_library
from caseorg.library.migrations import SCHEMA
from caseorg.records.cases import add_case

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_app_arguments_are_no_command_or_only_a_library(tmp_path: Path) -> None:
    assert app_library([]) == default_library_path()
    assert app_library(["--library", str(tmp_path)]) == tmp_path
    assert app_library([f"--library={tmp_path}"]) == tmp_path
    assert app_library(["--library", str(tmp_path / "new")]) == tmp_path / "new"


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["search", "asylum"],
        ["--library", "lib", "case", "list"],
        ["--library"],
        ["--libary", "lib"],
        ["--library="],
    ],
)
def test_everything_else_goes_to_the_command_line(args: list[str]) -> None:
    assert app_library(args) is None


def test_a_file_named_as_the_library_is_the_command_line_s_usage_error(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a library")
    assert app_library(["--library", str(a_file)]) is None
    result = run_python("from caseorg.launch import main; main()", "--library", str(a_file))
    assert result.returncode == 2
    assert "is a file" in result.stderr and "Traceback" not in result.stderr


def test_commands_run_through_the_entry_point(tmp_path: Path) -> None:
    library = tmp_path / "library"
    with open_library(library) as lib:
        add_case(lib, "A-123-456-789", "Ana Lopez")
    result = run_python(
        "from caseorg.launch import main; main()", "--library", str(library), "case", "list"
    )
    assert result.returncode == 0, result.stderr
    assert "A-123-456-789" in result.stdout
    version = run_python("from caseorg.launch import main; main()", "--version")
    assert version.returncode == 0 and "caseorg" in version.stdout


def test_the_entry_point_itself_loads_no_command_line_machinery() -> None:
    result = run_python(
        """
        import sys
        import caseorg.launch
        print(sorted(m for m in ("click", "sqlite_utils", "PySide6") if m in sys.modules))
        """
    )
    assert result.stdout.strip() == "[]", result.stderr


NO_DISPLAY_ENV = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")

# the entry point, reporting its exit code and whether Qt was loaded before it exits
ENTRY_POINT_REPORTING = """
import json, sys
import caseorg.launch as launch
def exit_now(code):
    print(json.dumps({"code": code, "qt": "PySide6" in sys.modules}))
    sys.exit(code)
launch.exit_now = exit_now
launch.main()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display server is Linux's")
@pytest.mark.parametrize("qt_platform", [None, "xcb"])
def test_no_display_is_one_line_and_exit_2_before_qt_loads(
    tmp_path: Path, qt_platform: str | None
) -> None:
    """`caseorg` over SSH: no window can show, so it says so instead of running unseen."""
    library = tmp_path / "library"
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY_ENV}
    if qt_platform:
        env["QT_QPA_PLATFORM"] = qt_platform  # X11 asked for by name, with no X server
    env["CASEORG_QUIT_AFTER_MS"] = "1000"  # an app running unseen ends, and fails the test
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(ENTRY_POINT_REPORTING), "--library", str(library)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout) == {"code": 2, "qt": False}
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("caseorg: no display found"), result.stderr
    assert "caseorg --help" in lines[0]
    assert not library.exists()  # decided before anything was opened


def test_latest_migration_is_the_last_one_defined() -> None:
    assert SCHEMA._migrations[-1].name == LATEST_MIGRATION


def test_opening_an_up_to_date_library_needs_no_sqlite_utils(tmp_path: Path) -> None:
    library = tmp_path / "library"
    open_library(library).close()  # created (and migrated) here
    result = run_python(
        """
        import json, sys
        from caseorg.library.db import schema_is_current
        from caseorg.library.folder import open_library
        lib = open_library(sys.argv[1])
        current = schema_is_current(lib.conn)
        cases = lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        lib.close()
        print(json.dumps([current, cases, "sqlite_utils" in sys.modules]))
        """,
        str(library),
    )
    assert json.loads(result.stdout) == [True, 0, False], result.stderr


def test_a_library_behind_the_schema_is_migrated_on_open(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    conn = connect(library / DB_NAME)
    SCHEMA.apply(wrap(conn), stop_before=LATEST_MIGRATION)  # as an older caseorg left it
    assert not schema_is_current(conn)
    conn.close()
    with open_library(library) as lib:
        assert schema_is_current(lib.conn)
        tables = {r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master")}
        assert {"case_tags", "notes", "saved_searches"} <= tables


URL = "postgresql://user@/db"


def test_a_url_for_the_library_is_left_to_the_command_line(tmp_path: Path) -> None:
    """Issue 17: `caseorg --library postgresql://user@/db` made a folder `postgresql:`; the
    URL is the command line's to open (a court library, issue 16: the app on a court
    library is tested in tests/ui/window/test_court_window.py on a real server)."""
    assert app_library(["--library", URL]) is None
    assert app_library([f"--library={URL}"]) is None
