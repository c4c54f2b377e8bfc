"""Nothing lost, ever (issue 20): a damaged database, broken archives, kills, leftovers.

Every scenario is real: a library made with the command line, real PDFs, real SQLite,
files damaged on disk the way a failing disk or a hurried person damages them, and
processes killed with SIGKILL.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers import make_pdf

from caseorg.cli.app import cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX kills and modes")

A = "A-123-456-789"


def invoke(library: Path, *args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--library", str(library), *args], catch_exceptions=False)


def ok(library: Path, *args: str) -> str:
    result = invoke(library, *args)
    assert result.exit_code == 0, (args, result.output)
    return result.output


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library with one case and two imported PDFs, made with the command line."""
    library = tmp_path / "L"
    brief = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship to the children."])
    motion = make_pdf(tmp_path / "motion.pdf", ["Motion to continue for good cause."])
    ok(library, "case", "add", "--a-number", A, "--respondent", "Ana Lopez")
    ok(library, "import", A, str(brief), str(motion))
    return library


def stored(library: Path) -> list[Path]:
    return sorted(p for p in (library / "files").rglob("*.pdf"))


# -- item 2: no usable database is a damaged library, never a new one -------------------------


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_a_library_without_its_database_is_refused_not_made_new(library: Path, how: str) -> None:
    files = stored(library)
    db = library / "caseorg.db"
    for name in ("caseorg.db-wal", "caseorg.db-shm"):
        (library / name).unlink(missing_ok=True)
    if how == "missing":
        db.unlink()
    else:
        db.write_bytes(b"")
    for args in (["case", "list"], ["case", "add", "--a-number", "987654321", "--respondent", "B"]):
        result = invoke(library, *args)
        assert result.exit_code == 1, result.output
        assert result.output == (
            f"caseorg: the library at {library} is damaged: caseorg.db is {how}; nothing was "
            f"changed — run 'caseorg --library {library} check' to see what can be recovered\n"
        )
    assert db.stat().st_size == 0 if how == "empty" else not db.exists()  # nothing made
    result = invoke(library, "check", "--repair")
    assert result.exit_code == 1
    assert f"PROBLEM  database: caseorg.db is {how}" in result.output
    assert stored(library) == files  # the evidence stays where it is
    assert not (library / "quarantine").exists()
    listing = (library / "orphan-files.txt").read_text()
    assert all(path.name[:64] in listing for path in files)


def test_repair_never_quarantines_files_a_replaced_database_does_not_know(
    library: Path, tmp_path: Path
) -> None:
    files = stored(library)
    other = tmp_path / "other"
    ok(other, "init")
    for name in ("caseorg.db", "caseorg.db-wal", "caseorg.db-shm"):
        (library / name).unlink(missing_ok=True)
    shutil.copy(other / "caseorg.db", library / "caseorg.db")
    result = invoke(library, "check", "--repair")
    assert result.exit_code == 1
    assert "knows none of them" in result.output
    assert stored(library) == files
    assert not (library / "quarantine").exists()
