"""Importers started together on one new library: one imports, every other is told who has it.

Issue 17: two `caseorg import` commands started at the same moment sometimes both got
past the write lock, and the loser died making the index ("Directory not empty",
"File exists") instead of saying another window has the library.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import import_command, library_with_one_case, make_pdf

from caseorg.cli.app import cli
from caseorg.library.folder import open_library
from caseorg.search.handle import index_of

ROUNDS = 20

# `caseorg ARGS…`, loaded and then held at the start line until the test says "go", so the
# processes reach the lock at the same moment (not a Python start-up apart)
AT_THE_START_LINE = textwrap.dedent(
    """
    import sys
    from caseorg.cli import main
    print("ready", flush=True)
    sys.stdin.readline()
    sys.argv[0] = "caseorg"
    main()
    """
)


def started_together(commands: list[list[str]]) -> list[subprocess.Popen[str]]:
    """Each ``caseorg`` command line (as :func:`helpers.import_command` spells it) running,
    all let go at once."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", AT_THE_START_LINE, *command[3:]],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.flush()
    return procs


@pytest.mark.slow
def test_importers_started_together_one_wins_the_rest_are_told(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship to the children."])
    for round_no in range(ROUNDS):
        library = tmp_path / f"library-{round_no}"
        library_with_one_case(library)
        started = time.monotonic()
        procs = started_together([import_command(library, pdf)] * (2 + round_no % 3))
        results = [(proc.pid, *proc.communicate(timeout=60)) for proc in procs]
        codes = [proc.returncode for proc in procs]
        assert time.monotonic() - started < 30, "a round takes a few seconds"
        imported = 0
        for (pid, out, err), code in zip(results, codes, strict=True):
            if code == 0:  # the winner, or one that came after it had finished
                assert err == "", err
                imported += out.startswith("imported")
                assert out.startswith(("imported", "duplicate")), out
                continue
            assert code == 1, (round_no, out, err)
            line = err.strip()
            assert "\n" not in line and out == "", (round_no, err)
            others = [str(p) for p, *_ in results if p != pid]
            assert line.startswith("caseorg: this library is open for writing in another"), line
            assert any(f"(pid {p})" in line for p in others), (line, others)
            assert line.endswith("commands that only read work meanwhile"), line
        assert imported == 1, (round_no, results)
        with open_library(library, create=False, read_only=True) as lib:
            assert len(index_of(lib).search('"extreme hardship"')) == 1
        check = CliRunner().invoke(cli, ["--library", str(library), "check"])
        assert (check.exit_code, check.output) == (0, "checked 1 documents, 1 files: ok\n")
