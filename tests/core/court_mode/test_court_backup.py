"""``caseorg backup`` and ``restore`` on a court library (issue 16): one snapshot in the
folder library's own format, so a court's backup restores into a folder and back into
an empty court library — counts, hashes and stored files checked — and a court library
that holds records is refused in one line."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from helpers import make_pdf

from caseorg.cli.app import cli
from caseorg.importing.pipeline import import_files
from caseorg.library import open_library
from caseorg.library.transfer import _tables, table_hash
from caseorg.records import add_case, add_hearing, add_judge, list_cases, reassign


def _court(pg_cluster: Any, store: Path, tmp_path: Path) -> str:
    url = pg_cluster.new_library()
    assert CliRunner().invoke(cli, ["--library", url, "court-files", str(store)]).exit_code == 0
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        add_hearing(lib, case.id, "2027-03-04 09:00")
        reassign(lib, case.id, "TKW", "caseload")
        pdf = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship."])
        assert import_files(lib, case.id, [pdf], workers=1).count("imported") == 1
    return url


def _hashes(location: Any) -> dict[str, tuple[int, str]]:
    skip = {"seals", "page_changes", "meta"}  # each kind of library's own
    with open_library(location, read_only=True) as lib:
        return {t: table_hash(lib, t, c) for t, c in _tables() if t not in skip}


def test_a_court_backup_restores_into_a_folder_and_into_an_empty_court(
    pg_cluster: Any, tmp_path: Path
) -> None:
    url = _court(pg_cluster, tmp_path / "court-files", tmp_path)
    runner = CliRunner()
    archive = tmp_path / "court.zip"
    made = runner.invoke(cli, ["--library", url, "backup", str(archive)])
    assert made.exit_code == 0, made.output
    assert made.output == f"wrote {archive}: 1 files and the database\n"
    names = zipfile.ZipFile(archive).namelist()
    assert "caseorg.db" in names and sum(n.startswith("files/") for n in names) == 1

    folder = tmp_path / "folder"
    home = runner.invoke(cli, ["--library", str(folder), "restore", str(archive)])
    assert home.exit_code == 0, home.output
    assert _hashes(folder) == _hashes(url)
    with open_library(folder) as lib:
        assert [c.judge_code for c in list_cases(lib)] == ["TKW"]
        (sha,) = [r[0] for r in lib.conn.execute("SELECT sha256 FROM documents")]
        assert lib.store.has(sha)

    again = pg_cluster.new_library()
    back = runner.invoke(
        cli, ["--library", again, "restore", str(archive), "--files", str(tmp_path / "again-files")]
    )
    assert back.exit_code == 0, back.output
    assert "counts and hashes verified" in back.output
    assert _hashes(again) == _hashes(url)
    with open_library(again) as lib:
        assert lib.store.has(sha) and lib.path == (tmp_path / "again-files").resolve()

    before = _hashes(url)
    refused = runner.invoke(cli, ["--library", url, "restore", str(archive)])
    assert refused.exit_code == 1
    assert refused.output.count("\n") == 1
    assert refused.output.startswith("caseorg: the court library ")
    assert refused.output.endswith(
        "already holds records (cases): restore only into an empty one; nothing was changed\n"
    )
    assert _hashes(url) == before


def test_a_folder_backup_restores_into_an_empty_court(pg_cluster: Any, tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    with open_library(folder) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        pdf = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship."])
        assert import_files(lib, case.id, [pdf], workers=1).count("imported") == 1
    archive = tmp_path / "laptop.zip"
    runner = CliRunner()
    assert runner.invoke(cli, ["--library", str(folder), "backup", str(archive)]).exit_code == 0
    court = pg_cluster.new_library()
    no_store = runner.invoke(cli, ["--library", court, "restore", str(archive)])
    assert no_store.exit_code == 1 and no_store.output == (
        "caseorg: name the court library's shared file store: restore ... --files FOLDER\n"
    )
    done = runner.invoke(
        cli, ["--library", court, "restore", str(archive), "--files", str(tmp_path / "files")]
    )
    assert done.exit_code == 0, done.output
    assert _hashes(court) == _hashes(folder)


def test_a_backup_is_one_snapshot_while_a_clerk_writes(pg_cluster: Any, tmp_path: Path) -> None:
    """Cases and their audit rows are read in one transaction: however the writer's
    commits fall between the tables' reads, the archive has an audit row per case."""
    import sqlite3
    import threading

    url = _court(pg_cluster, tmp_path / "court-files", tmp_path)
    stop = threading.Event()

    def clerk() -> None:
        with open_library(url) as lib:
            n = 0
            while not stop.is_set():
                add_case(lib, f"A-400-{n // 1000:03d}-{n % 1000:03d}", "Busy", judge_code="JRM")
                n += 1

    writer = threading.Thread(target=clerk)
    writer.start()
    try:
        archives = []
        for k in range(3):
            archive = tmp_path / f"busy{k}.zip"
            made = CliRunner().invoke(cli, ["--library", url, "backup", str(archive)])
            assert made.exit_code == 0, made.output
            archives.append(archive)
    finally:
        stop.set()
        writer.join(30)
    counts = []
    for archive in archives:
        db = tmp_path / f"{archive.stem}.db"
        db.write_bytes(zipfile.ZipFile(archive).read("caseorg.db"))
        conn = sqlite3.connect(db)
        cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        created = conn.execute(
            "SELECT count(*) FROM audit WHERE entity = 'case' AND action = 'create'"
        ).fetchone()[0]
        conn.close()
        assert cases == created
        counts.append(cases)
    assert counts[-1] > 1  # the clerk wrote while the backups were made
