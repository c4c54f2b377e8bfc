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


def test_a_url_for_the_library_is_left_to_the_command_line_which_refuses_it(
    tmp_path: Path,
) -> None:
    """Issue 17: `caseorg --library postgresql://user@/db` made a folder `postgresql:`."""
    assert app_library(["--library", URL]) is None
    assert app_library([f"--library={URL}"]) is None
    for args, env in (
        (["--library", URL], {}),
        ([f"--library={URL}"], {}),
        ([], {"CASEORG_LIBRARY": URL}),
    ):
        result = subprocess.run(
            [sys.executable, "-c", "from caseorg.launch import main; main()", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **env},
        )
        assert result.returncode == 2, (args, env, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"caseorg: {URL} ")
        assert result.stdout == ""
        assert list(tmp_path.iterdir()) == [], (args, env)
