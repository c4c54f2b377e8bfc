"""The write lock: one writer at a time however the writers race for it.

Writers started at the same moment on a fresh library once both got in: the loser read
the winner's lock file in the instant between its creation and its pid being written,
took the empty file for a dead writer's, and took the lock over.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from caseorg.library.folder import LOCK_NAME, open_library, read_lock_holder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX pids")

# Waits for "go FOLDER" lines; for each, tries to open FOLDER for writing and says how it went.
# While it holds the library it keeps a marker file there: finding one means two writers.
CONTENDER = textwrap.dedent(
    """
    import os, sys, time
    from caseorg.errors import LibraryLocked
    from caseorg.library.folder import open_library
    print("ready", flush=True)
    for line in sys.stdin:
        folder = line.split(" ", 1)[1].strip()
        try:
            lib = open_library(folder)
        except LibraryLocked as exc:
            print("LOST", exc, flush=True)
            continue
        except Exception as exc:
            print("ERROR", type(exc).__name__, exc, flush=True)
            continue
        try:
            marker = os.open(os.path.join(folder, "holding"), os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            lib.close()
            print("TWO WRITERS", flush=True)
            continue
        time.sleep(0.02)
        os.close(marker)
        os.unlink(os.path.join(folder, "holding"))
        lib.close()
        print("WON", flush=True)
    """
)


def test_writers_started_together_never_both_hold_the_library(tmp_path: Path) -> None:
    contenders = [
        subprocess.Popen(
            [sys.executable, "-c", CONTENDER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        for proc in contenders:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        for round_no in range(60):
            folder = tmp_path / f"library-{round_no}"
            for proc in contenders:
                assert proc.stdin is not None
                proc.stdin.write(f"go {folder}\n")
            for proc in contenders:
                assert proc.stdin is not None
                proc.stdin.flush()
            said = [proc.stdout.readline().strip() for proc in contenders if proc.stdout]
            assert "WON" in said, said
            for line in said:
                assert line == "WON" or line.startswith("LOST"), (round_no, said)
                if line.startswith("LOST"):
                    assert "another caseorg window (pid " in line, line
            assert not (folder / LOCK_NAME).exists()
            with open_library(folder, read_only=True) as lib:  # whole: created once
                assert lib.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    finally:
        for proc in contenders:
            proc.communicate(timeout=30)


def test_a_lock_file_left_empty_by_a_dead_writer_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "library"
    open_library(path).close()
    (path / LOCK_NAME).write_text("")
    with open_library(path):
        assert read_lock_holder(path / LOCK_NAME) == os.getpid()
    assert not (path / LOCK_NAME).exists()
