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
    assert "A-123-456-789  Ana Lopez  ·  brief" in ok(library, "search", "hardship")
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
    assert "A-123-456-789  Ana Lopez  ·  brief" in ok(library, "search", "hardship")
    assert list((library / "quarantine").rglob("index"))[0].read_text() == "not an index"


# -- item 3: a backup over a damaged stored file -------------------------------------------------


def test_a_backup_over_a_damaged_file_names_it_and_restore_recovers_the_rest(
    library: Path, tmp_path: Path
) -> None:
    damaged, intact = stored(library)
    damaged.chmod(0o600)
    data = bytearray(damaged.read_bytes())
    data[200:300] = b"\x00" * 100
    damaged.write_bytes(bytes(data))
    backup = tmp_path / "bk.zip"
    result = invoke(library, "backup", str(backup))
    assert result.exit_code == 1
    name = damaged.relative_to(library).as_posix()
    assert f"NOT BACKED UP {name}: does not match its hash; run 'caseorg check'" in result.output
    target = tmp_path / "R"
    result = invoke(target, "restore", str(backup))
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"restored 1 files into {target}")
    assert f"NOT RESTORED {name}: does not match its hash when the backup was made" in result.output
    assert (target / intact.relative_to(library)).read_bytes() == intact.read_bytes()
    assert not (target / name).exists()


# -- item 7: restore checks the whole archive before it touches the target ----------------------


def rewrite(
    source: Path,
    dest: Path,
    *,
    data: dict[str, bytes | None] | None = None,
    manifest: object = None,
    fix_hashes: bool = True,
) -> Path:
    """A copy of the archive ``source`` with entries replaced (None: left out) and the
    manifest edited to match (or replaced by ``manifest``)."""
    import hashlib
    import json
    import zipfile

    data = data or {}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        meta = json.loads(src.read("manifest.json"))
        meta.setdefault("sizes", {})
        for name in src.namelist():
            if name == "manifest.json":
                continue
            body = data.get(name, src.read(name)) if name in data else src.read(name)
            if body is None:
                meta["entries"].pop(name)
                meta["sizes"].pop(name, None)
                continue
            if fix_hashes:
                meta["entries"][name] = hashlib.sha256(body).hexdigest()
                meta["sizes"][name] = len(body)
            out.writestr(name, body, compress_type=zipfile.ZIP_DEFLATED)
        out.writestr("manifest.json", json.dumps(meta if manifest is None else manifest))
    return dest


@pytest.fixture
def archive(library: Path, tmp_path: Path) -> Path:
    backup = tmp_path / "bk.zip"
    ok(library, "backup", str(backup))
    return backup


def refused(target: Path, archive: Path, *extra: str) -> str:
    """Restore ``archive`` into the library ``target``: refused in one line, nothing changed."""
    before = sorted(p.relative_to(target.parent) for p in target.parent.rglob("*"))
    result = invoke(target, "restore", str(archive), "--force", *extra)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("caseorg: ") and result.output.count("\n") == 1
    after = sorted(p.relative_to(target.parent) for p in target.parent.rglob("*"))
    assert after == before  # nothing written, no staging folder left
    return result.output


def test_restore_refuses_a_database_that_is_not_sqlite_even_with_its_hash(
    library: Path, archive: Path, tmp_path: Path
) -> None:
    bad = rewrite(archive, tmp_path / "bad.zip", data={"caseorg.db": b"not a database" * 500})
    said = refused(library, bad)
    assert "the backup's database is not a caseorg database" in said
    assert "Ana Lopez" in ok(library, "case", "list")


def test_restore_refuses_a_database_that_fails_its_integrity_check(
    library: Path, archive: Path, tmp_path: Path
) -> None:
    import zipfile

    with zipfile.ZipFile(archive) as src:
        db = src.read("caseorg.db")
    garbled = db[:8192] + b"\x5a" * (len(db) - 8192)
    bad = rewrite(archive, tmp_path / "bad.zip", data={"caseorg.db": garbled})
    said = refused(library, bad)
    assert "the backup's database" in said


def test_restore_refuses_an_archive_without_its_pdfs_unless_partial(
    library: Path, archive: Path, tmp_path: Path
) -> None:
    names = [p.relative_to(library).as_posix() for p in stored(library)]
    bad = rewrite(archive, tmp_path / "bad.zip", data=dict.fromkeys(names))
    said = refused(library, bad)
    assert "2 stored file(s) in bad.zip are missing or damaged" in said
    assert "add --partial" in said
    result = invoke(tmp_path / "R", "restore", str(bad), "--partial")
    assert result.exit_code == 1
    for name in names:
        assert f"NOT RESTORED {name}: not in the archive" in result.output


@pytest.mark.parametrize(
    "manifest",
    [[], {"entries": []}, {"entries": {"caseorg.db": 5}}, {"entries": {"caseorg.db": "00"}}, 7],
)
def test_restore_refuses_a_manifest_of_the_wrong_shape(
    library: Path, archive: Path, tmp_path: Path, manifest: object
) -> None:
    bad = rewrite(archive, tmp_path / "bad.zip", manifest=manifest)
    said = refused(library, bad)
    assert "bad.zip" in said and "TypeError" not in said


def test_restore_reads_no_more_than_the_manifest_says(
    library: Path, archive: Path, tmp_path: Path
) -> None:
    """A small archive whose database unpacks to 200 MB is refused before it is unpacked."""
    import zipfile

    with zipfile.ZipFile(archive) as src:
        db_size = len(src.read("caseorg.db"))
    bomb = rewrite(
        archive, tmp_path / "bomb.zip", data={"caseorg.db": b"\x00" * (200 << 20)}, fix_hashes=False
    )
    assert bomb.stat().st_size < 2 << 20
    said = refused(library, bomb)
    assert f"caseorg.db is {200 << 20} bytes, its manifest says {db_size}" in said


def test_an_old_archive_that_inflates_far_beyond_its_size_is_refused_unwritten(
    library: Path, archive: Path, tmp_path: Path
) -> None:
    import json
    import zipfile

    with zipfile.ZipFile(archive) as src:
        meta = json.loads(src.read("manifest.json"))
        meta.setdefault("sizes", {})
    old = {"format": 1, "created_at": meta["created_at"], "entries": meta["entries"]}
    bomb = rewrite(
        archive,
        tmp_path / "bomb.zip",
        data={"caseorg.db": b"\x00" * (200 << 20)},
        manifest=old,
        fix_hashes=False,
    )
    said = refused(library, bomb)
    assert "the backup's database is damaged" in said


# -- item 8: tampering with the append-only tables shows ----------------------------------------


def sql(library: Path, *statements: str) -> None:
    """What someone with a SQL client does (no caseorg, no recursive_triggers)."""
    conn = sqlite3.connect(library / "caseorg.db")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.fixture
def reassigned(library: Path) -> Path:
    ok(library, "judge", "add", "JRM", "Judge Rosa Martinez")
    ok(library, "judge", "add", "PLK", "Judge Paul Kim")
    ok(library, "reassign", A, "--to", "JRM", "--reason", "caseload balancing")
    ok(library, "reassign", A, "--to", "PLK", "--reason", "recusal")
    assert ok(library, "check").endswith(": ok\n")
    return library


def test_an_edit_after_dropping_a_trigger_is_reported_and_the_trigger_comes_back(
    reassigned: Path,
) -> None:
    sql(
        reassigned,
        "DROP TRIGGER reassignments_no_update",
        "UPDATE reassignments SET reason = 'tampered' WHERE id = 1",
    )
    result = invoke(reassigned, "check")
    assert result.exit_code == 1
    assert "PROBLEM  tampering: append-only trigger reassignments_no_update is missing" in (
        result.output
    )
    assert "PROBLEM  tampering: reassignments row 1 was changed outside caseorg" in result.output
    assert "reassignments row 2" not in result.output  # the chain goes on past the edit
    result = invoke(reassigned, "check", "--repair")
    assert "repaired tampering: append-only trigger reassignments_no_update was missing" in (
        result.output
    )
    assert result.exit_code == 1  # the edit itself cannot be undone: it stays reported
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        sql(reassigned, "UPDATE reassignments SET reason = 'again' WHERE id = 2")


def test_a_back_dated_or_deleted_audit_row_is_reported(reassigned: Path) -> None:
    sql(
        reassigned,
        "INSERT INTO audit (at, actor, action, entity, entity_id) "
        "VALUES ('2020-01-01 09:00:00', 'judge', 'create', 'note', 99)",
    )
    ok(reassigned, "note", "add", "after the forgery", "--case", A)  # sealed as usual
    sql(reassigned, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id = 2")
    result = invoke(reassigned, "check")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "outside caseorg" in line]
    forged = int(
        sqlite3.connect(reassigned / "caseorg.db")
        .execute("SELECT id FROM audit WHERE at = '2020-01-01 09:00:00'")
        .fetchone()[0]
    )
    assert lines == [
        "PROBLEM  tampering: append-only trigger audit_no_delete is missing (dropped outside "
        "caseorg); --repair puts it back",
        "PROBLEM  tampering: audit row 2 was deleted outside caseorg",
        f"PROBLEM  tampering: audit row {forged} was added outside caseorg (it has no seal)",
    ]


# -- item 9: what a killed reindex, backup or restore leaves is cleaned up --------------------

KILL_AT_FIRST_PROGRESS = """
import os, signal, sys
from pathlib import Path
from caseorg.library import open_library

def die(_progress):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[2] == "restore":
    from caseorg.upkeep import restore_library
    restore_library(Path(sys.argv[3]), Path(sys.argv[1]), progress=die)
    sys.exit(0)
lib = open_library(sys.argv[1], read_only=sys.argv[2] == "backup")
if sys.argv[2] == "reindex":
    from caseorg.search import index_of
    index_of(lib).rebuild(progress=die, workers=1)
else:
    from caseorg.upkeep import backup_library
    backup_library(lib, Path(sys.argv[3]), progress=die)
"""


def killed(*args: str) -> None:
    """Run the script with ``args`` until it kills itself at its first progress report."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", KILL_AT_FIRST_PROGRESS, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr


def test_a_killed_reindex_leaves_index_new_that_check_repair_removes(library: Path) -> None:
    killed(str(library), "reindex")
    assert (library / "index.new").is_dir()
    result = invoke(library, "check")
    assert result.exit_code == 1
    assert "PROBLEM  leftover: index.new of an interrupted reindex; --repair removes it" in (
        result.output
    )
    result = invoke(library, "check", "--repair")
    assert result.exit_code == 0, result.output
    assert "repaired leftover: index.new of an interrupted reindex (removed)" in result.output
    assert not (library / "index.new").exists()
    ok(library, "reindex")


def test_a_killed_backup_leaves_only_private_files_that_the_next_backup_removes(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "bk.zip"
    killed(str(library), "backup", str(dest))
    left = [p for p in out.iterdir()] + [p for p in scratch.rglob("*")]
    assert {p.name.split(".")[-1] for p in left if p.is_file()} == {"zip", "db"}
    for path in left:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    ok(library, "backup", str(dest))
    assert [p.name for p in out.iterdir()] == ["bk.zip"]
    assert list(scratch.iterdir()) == []


def test_a_killed_restore_leaves_a_private_staging_folder_that_the_next_restore_removes(
    archive: Path, tmp_path: Path
) -> None:
    import stat

    where = tmp_path / "restores"
    where.mkdir()
    killed(str(where / "R1"), "restore", str(archive))
    [staging] = list(where.iterdir())
    assert staging.name.startswith(".caseorg-restore-")
    assert stat.S_IMODE(staging.stat().st_mode) == 0o700
    assert (staging / "caseorg.db").exists() and not (where / "R1").exists()
    ok(where / "R2", "restore", str(archive))
    assert sorted(p.name for p in where.iterdir()) == ["R2"]
