"""Nothing lost, ever (issue 20): a damaged database, broken archives, kills, leftovers.

Every scenario is real: a library made with the command line, real PDFs, real SQLite,
files damaged on disk the way a failing disk or a hurried person damages them, and
processes killed with SIGKILL.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
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


# -- item 6: the database itself damaged, the index replaced by a file ---------------------------


def damage_database(library: Path, how: str) -> None:
    """Damage caseorg.db (closed, its WAL checkpointed) as ``how`` says."""
    db = library / "caseorg.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for name in ("caseorg.db-wal", "caseorg.db-shm"):
        (library / name).unlink(missing_ok=True)
    data = db.read_bytes()
    if how == "truncated":
        db.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    elif how == "cut mid-page":
        db.write_bytes(data[: len(data) // 2 + 100])
    elif how == "garbled header":
        db.write_bytes(b"garbage garbage!" + data[16:])
    elif how == "a folder":
        db.unlink()
        db.mkdir()
    else:  # the middle pages overwritten: the header is whole, the b-trees are not
        db.write_bytes(data[:8192] + b"\x5a" * (len(data) - 8192))


@pytest.mark.parametrize(
    "how, said",
    [
        ("truncated", "caseorg.db is truncated"),
        ("cut mid-page", "caseorg.db is truncated"),
        ("garbled header", "caseorg.db is not a SQLite database (its header is damaged)"),
        ("a folder", "caseorg.db is a folder, not a database"),
        ("garbled pages", "caseorg.db is damaged"),
    ],
)
def test_a_damaged_database_is_named_and_restored_from_a_backup_only_when_asked(
    library: Path, tmp_path: Path, how: str, said: str
) -> None:
    backup = tmp_path / "bk.zip"
    ok(library, "backup", str(backup))
    files = stored(library)
    damage_database(library, how)
    result = invoke(library, "case", "list")
    assert result.exit_code == 1
    assert result.output.startswith(f"caseorg: the library at {library} is damaged: {said}")
    assert result.output.count("\n") == 1
    result = invoke(library, "check")
    assert result.exit_code == 1, result.output
    assert f"PROBLEM  database: {said}" in result.output
    assert f"--from-backup FILE' (newest backup: {backup} (of " in result.output
    result = invoke(library, "check", "--repair")  # not agreed: nothing moved
    assert result.exit_code == 1
    assert stored(library) == files and not (library / "quarantine").exists()
    result = invoke(library, "check", "--repair", "--from-backup", str(backup))
    assert result.exit_code == 0, result.output
    assert "restored the records of" in result.output
    assert "Ana Lopez" in ok(library, "case", "list")
    assert "A-123-456-789  brief" in ok(library, "search", "hardship")
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("L.replaced-")]
    assert len(kept) == 1 and (kept[0] / "caseorg.db").exists()  # the damaged one, kept
    assert ok(library, "check").endswith(": ok\n")


def test_an_index_replaced_by_a_file_is_named_and_rebuilt_by_repair(library: Path) -> None:
    shutil.rmtree(library / "index")
    (library / "index").write_text("not an index")
    result = invoke(library, "import", A, str(library.parent / "brief.pdf"))
    assert result.exit_code == 1
    assert "is damaged: 'index' is a file, not the search index folder" in result.output
    result = invoke(library, "check")
    assert result.exit_code == 1
    assert "PROBLEM  index: 'index' is a file, not the search index folder" in result.output
    assert "--repair moves the index file to quarantine/ and rebuilds the index" in result.output
    result = invoke(library, "check", "--repair")
    assert result.exit_code == 0, result.output
    assert "A-123-456-789  brief" in ok(library, "search", "hardship")
    assert list((library / "quarantine").rglob("index"))[0].read_text() == "not an index"
