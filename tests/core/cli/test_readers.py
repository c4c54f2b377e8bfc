"""Readers are never refused by a writer: a clerk prints the docket while the judge has the app.

Issue 17: every command opened the library for writing, so with the app open
`search`, `case list`, `docket` and `check` were all refused ("close it or open the
library read-only" — an option the command line does not have). Now each command
says whether it writes (``caseorg.cli.common.uses_library``): a command that only
reads opens the library read-only (no lock; SQLite's WAL and the index let it read
while the writer writes) and only a second writer is refused, in one line.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers import library_held, make_pdf

from caseorg.cli.app import cli
from caseorg.library.folder import LOCK_NAME, read_lock_holder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX pids")

A = "A-123-456-789"
DAY = "2030-03-14"


def reads(out: Path) -> list[list[str]]:
    """A command line for every command that only reads (``out``: where files go)."""
    return [
        ["search", "hardship"],
        ["search", "--saved", "hardship"],
        ["saved-search", "list"],
        ["case", "list"],
        ["case", "show", A],
        ["history", A],
        ["judge", "list"],
        ["document", "list", A],
        ["hearing", "list"],
        ["deadline", "list"],
        ["note", "list"],
        ["tag", "list"],
        ["check-notices"],
        ["reassignments"],
        ["stats"],
        ["config", "list"],
        ["config", "get", "notice-min-days"],
        ["summary", "1", "-o", str(out / "summary.html")],
        ["docket", "--date", DAY, "-o", str(out / "docket.html")],
        ["check"],
        ["backup", str(out / "backup.zip")],
    ]


def writes(pdf: Path) -> list[list[str]]:
    """A command line for commands that write (one of each kind, not every one)."""
    return [
        ["case", "add", "--a-number", "987654321", "--respondent", "Ben Diaz"],
        ["import", A, str(pdf)],
        ["reindex"],
        ["check", "--repair"],
        ["search", "hardship", "--save", "again"],
        ["config", "set", "notice-min-days", "12"],
        ["note", "add", "a note", "--case", A],
        ["init"],
    ]


def invoke(library: Path, args: list[str]) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--library", str(library), *args], catch_exceptions=False)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library with a case, a document, a hearing with its notice, a deadline, a note,
    a tag and a saved search — made with the command line itself."""
    library = tmp_path / "lib"
    pdf = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship to the children."])
    for args in (
        ["judge", "add", "JRM", "Judge Rosa Martinez"],
        ["case", "add", "--a-number", A, "--respondent", "Ana Lopez", "--judge", "JRM"],
        ["import", A, str(pdf)],
        ["hearing", "add", A, "--at", f"{DAY} 09:00"],
        ["notice", "add", "1", "--served", "2030-01-10"],
        ["deadline", "add", A, "--due", "2030-03-01"],
        ["note", "add", "Interpreter needed", "--case", A],
        ["tag", "add", "urgent", "--case", A],
        ["search", "hardship", "--save", "hardship"],
    ):
        result = invoke(library, args)
        assert result.exit_code == 0, (args, result.output)
    return library


@pytest.fixture
def held(library: Path) -> Iterator[int]:
    """The pid of another process holding ``library`` for writing, as the app does."""
    with library_held(library) as proc:
        yield proc.pid


def test_every_command_says_whether_it_writes() -> None:
    from caseorg.cli.common import command_writes

    def commands(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from commands(command, f"{prefix}{name} ")
            else:
                yield f"{prefix}{name}", command

    undeclared = [name for name, command in commands(cli) if command_writes(command) is None]
    assert undeclared == []


def test_every_command_that_only_reads_works_while_another_process_writes(
    library: Path, held: int, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for args in reads(out):
        result = invoke(library, args)
        assert result.exit_code == 0, (args, result.output)
        assert "another caseorg window" not in result.output, args
        assert read_lock_holder(library / LOCK_NAME) == held, args  # never taken from it
    assert "p.1: Brief on extreme" in invoke(library, ["search", "hardship"]).output
    assert "Ana Lopez" in (out / "summary.html").read_text()
    assert "Ana Lopez" in (out / "docket.html").read_text()
    assert (out / "backup.zip").stat().st_size > 0


def test_a_second_writer_is_told_in_one_line_who_writes_and_that_reading_works(
    library: Path, held: int, tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "other.pdf", ["Another brief."])
    line = (
        f"caseorg: this library is open for writing in another caseorg window (pid {held}); "
        "commands that only read work meanwhile\n"
    )
    for args in writes(pdf):
        result = invoke(library, args)
        assert (result.exit_code, result.output) == (1, line), args
    assert "987654321" not in invoke(library, ["case", "list"]).output


def test_a_restore_over_a_library_another_window_writes_to_is_refused(
    library: Path, tmp_path: Path
) -> None:
    assert invoke(library, ["backup", str(tmp_path / "backup.zip")]).exit_code == 0
    with library_held(library) as proc:
        result = invoke(library, ["restore", str(tmp_path / "backup.zip"), "--force"])
        assert result.exit_code == 1
        assert result.output.startswith(
            f"caseorg: this library is open for writing in another caseorg window (pid {proc.pid})"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.zip", "brief.pdf", "lib"]
    result = invoke(library, ["restore", str(tmp_path / "backup.zip"), "--force"])
    assert result.exit_code == 0, result.output  # once the window has closed


def test_a_command_that_only_reads_never_creates_a_library(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "lib"
    out = tmp_path / "out"
    out.mkdir()
    for args in reads(out):
        result = invoke(missing, args)
        assert result.exit_code == 1, (args, result.output)
        assert result.output == f"caseorg: no caseorg library at {missing}\n", args
        assert not (tmp_path / "nowhere").exists(), args
    assert list(out.iterdir()) == []


def test_commands_that_write_still_make_a_new_library(tmp_path: Path) -> None:
    result = invoke(tmp_path / "new", ["case", "add", "--a-number", A, "--respondent", "Ana"])
    assert result.exit_code == 0, result.output
    assert "Ana" in invoke(tmp_path / "new", ["case", "list"]).output


def test_a_search_that_cannot_build_the_index_says_so_rather_than_no_matches(
    library: Path,
) -> None:
    shutil.rmtree(library / "index")  # gone: only a writer makes it again
    result = invoke(library, ["search", "hardship"])
    assert result.exit_code == 1
    assert result.output == (
        "caseorg: the search index is not built yet: another caseorg window may be "
        "building it; if not, run 'caseorg reindex'\n"
    )
    assert not (library / "index").exists()
    assert invoke(library, ["reindex"]).exit_code == 0
    assert "p.1: Brief on extreme" in invoke(library, ["search", "hardship"]).output


def test_a_check_beside_a_writer_says_that_its_work_in_progress_may_show(
    library: Path, held: int
) -> None:
    staging = library / "files" / ".staging"
    staging.mkdir(exist_ok=True)
    (staging / f"{'ab' * 32}.{held}.tmp").write_bytes(b"%PDF-1.4 half copied")  # its import
    result = invoke(library, ["check"])
    assert result.exit_code == 1
    assert result.output.endswith(
        f"note: another caseorg window (pid {held}) is writing to this library; what it is "
        "in the middle of can show as a problem: check again when it is done\n"
    )
