"""The ``run`` fixture: the command line on a fresh library, as a clerk uses it (no Qt)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from caseorg.cli.app import cli


@pytest.fixture
def run(tmp_path: Path):
    library = tmp_path / "lib"
    runner = CliRunner()

    def invoke(*args: str) -> click.testing.Result:
        return runner.invoke(cli, ["--library", str(library), *args], catch_exceptions=False)

    return invoke
