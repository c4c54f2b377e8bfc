"""The root group: every command reachable, with help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from caseorg.cli.app import cli


def _all_commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _all_commands(command, f"{prefix}{name} ")


def test_every_command_has_help_text() -> None:
    missing = [name for name, cmd in _all_commands(cli) if not (cmd.help or "").strip()]
    assert missing == []
    runner = CliRunner()
    for name, _cmd in _all_commands(cli):
        result = runner.invoke(cli, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output


HEAVY = (
    "whoosh",
    "pypdf",
    "jinja2",
    "sqlite_utils",
    "PySide6",
    "caseorg_ui",
    "caseorg.search.engine",
    "caseorg.importing",
    "caseorg.reports",
    "caseorg.court",
    "caseorg.eoir",
    "caseorg.demo",
)

HELP_SCRIPT = """
import json, runpy, sys
sys.argv = ["caseorg", "--help"]
try:
    runpy.run_module("caseorg.cli", run_name="__main__")
except SystemExit as done:
    code = done.code
heavy = sorted(m for m in sys.modules if m.startswith(HEAVY))
print(json.dumps([code, heavy]))
"""


def test_python_m_caseorg_cli_helps_without_loading_any_command_s_modules() -> None:
    """Each command imports what it needs when it runs: --help stays quick."""
    script = f"HEAVY = {HEAVY!r}\n{HELP_SCRIPT}"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    *_help, last = result.stdout.strip().splitlines()
    code, heavy = json.loads(last)
    assert code == 0, result.stderr
    assert "Usage: caseorg [OPTIONS] [COMMAND] [ARGS]..." in result.stdout
    assert heavy == []


@pytest.mark.parametrize("url", ["file:///srv/caseorg", "https://court"])
def test_a_library_location_that_is_a_url_is_refused_in_one_line(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: only a court library's postgresql:// URL opens (issue 16) — never a
    folder named `https:` in the current directory."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args, env in (
        (["--library", url, "case", "list"], {}),
        (["--library", url, "case", "add", "--a-number", "123456789", "--respondent", "A"], {}),
        (["case", "list"], {"CASEORG_LIBRARY": url}),
        (["init"], {"CASEORG_LIBRARY": url}),
    ):
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.startswith(f"caseorg: {url} is a URL")
        assert result.output.count("\n") == 1, result.output
    assert list(tmp_path.iterdir()) == []


def test_a_court_library_that_cannot_be_reached_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: a postgresql:// URL names a court library; no server there is one line
    (and no folder named `postgresql:`)."""
    monkeypatch.chdir(tmp_path)
    url = f"postgresql://nobody@/nodb?host={tmp_path}"
    for args, env in (
        (["--library", url, "case", "list"], {}),
        (["init"], {"CASEORG_LIBRARY": url}),
    ):
        result = CliRunner().invoke(cli, args, env=env)
        assert result.exit_code == 1, (args, result.output)
        assert result.output.startswith("caseorg: the court database is not reachable")
        assert result.output.count("\n") == 1, result.output
    assert list(tmp_path.iterdir()) == []
