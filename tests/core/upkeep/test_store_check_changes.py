"""The quick check after opening compares only the store folders and documents changed
since its last run (issue 15: walking 224,000 files and reading every document's hash
took 4 s of every open at 1,000,000 pages), and still finds what changed: a stored file
removed, a stray file added, a new document without its file. Anything doubtful walks
everything."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from helpers import make_pdf

from caseorg.importing import import_files
from caseorg.upkeep import check_library
from caseorg.upkeep.store_changes import MARK_KEY, SLACK


def _stored(lib, case, tmp_path: Path, count: int = 4) -> list[Path]:
    files = [
        make_pdf(tmp_path / f"exhibit{n}.pdf", [f"removal proceedings exhibit {n}"])
        for n in range(count)
    ]
    assert import_files(lib, case.id, files, workers=1).count("imported") == count
    paths = [lib.store.path_for(sha) for (sha,) in lib.conn.execute("SELECT sha256 FROM documents")]
    assert all(p.is_file() for p in paths)
    return paths


def _quick(lib) -> tuple[list[str], list[str]]:
    """Run the quick check; the statements it ran on documents and its problems' kinds."""
    statements: list[str] = []
    lib.conn.set_trace_callback(statements.append)
    try:
        report = check_library(lib, hash_files=False)
    finally:
        lib.conn.set_trace_callback(None)
    return [s for s in statements if "FROM documents" in s], [p.kind for p in report.problems]


def _settled(lib, case, tmp_path: Path) -> list[Path]:
    """A library whose files were stored more than SLACK ago, checked clean since."""
    paths = _stored(lib, case, tmp_path)
    time.sleep(SLACK + 0.2)  # folders' times older than the next mark, by the margin
    reads, problems = _quick(lib)
    assert problems == []
    assert any("GROUP BY sha256" in s and "WHERE" not in s for s in reads)  # no mark: all
    return paths


def test_nothing_changed_reads_no_document_rows(tmp_path: Path, lib, case) -> None:
    _settled(lib, case, tmp_path)
    reads, problems = _quick(lib)
    assert problems == []
    # the count and the documents added since (none): no other hash read, no prefix listed
    assert len(reads) == 2 and "WHERE id > 4" in reads[1], reads


def test_a_file_deleted_after_a_clean_check_is_found(tmp_path: Path, lib, case) -> None:
    paths = _settled(lib, case, tmp_path)
    os.chmod(paths[0], 0o600)
    paths[0].unlink()
    reads, problems = _quick(lib)
    assert problems == ["missing_file"]
    assert not any("GROUP BY sha256" in s and "WHERE" not in s for s in reads)  # incremental
    _, problems = _quick(lib)
    assert problems == ["missing_file"]  # still reported until mended, not once


def test_a_stray_file_is_found(tmp_path: Path, lib, case) -> None:
    paths = _settled(lib, case, tmp_path)
    beside = paths[1].with_name("f" * 64 + ".pdf")  # in a stored file's folder
    beside.write_bytes(b"%PDF-1.4 not ours")
    elsewhere = lib.store.root / "ee" / "ee" / ("e" * 64 + ".pdf")  # in a new folder
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(b"%PDF-1.4 not ours either")
    reads, problems = _quick(lib)
    assert sorted(problems) == ["unknown_file", "unknown_file"]
    assert not any("GROUP BY sha256" in s and "WHERE" not in s for s in reads)


def test_a_new_document_without_its_file_is_found(tmp_path: Path, lib, case) -> None:
    paths = _settled(lib, case, tmp_path)
    # a record whose file never came (its folder untouched: only the new id tells)
    twin = paths[0].name[:4] + "0" * 60
    with lib.conn:
        lib.conn.execute(
            "INSERT INTO documents (case_id, sha256, title, imported_at) "
            "SELECT case_id, ?, 'Late exhibit', imported_at FROM documents LIMIT 1",
            [twin],
        )
    _, problems = _quick(lib)
    assert problems == ["missing_file"]


def test_a_mark_from_the_future_walks_everything(tmp_path: Path, lib, case) -> None:
    paths = _settled(lib, case, tmp_path)
    os.chmod(paths[2], 0o600)
    paths[2].unlink()
    # the clock set back since the mark: folder times cannot be compared with it
    (value,) = lib.conn.execute("SELECT value FROM meta WHERE key = ?", [MARK_KEY]).fetchone()
    mark = json.loads(value)
    mark["at"] = time.time() + 3600
    with lib.conn:
        lib.conn.execute("UPDATE meta SET value = ? WHERE key = ?", [json.dumps(mark), MARK_KEY])
    reads, problems = _quick(lib)
    assert problems == ["missing_file"]
    assert any("GROUP BY sha256" in s and "WHERE" not in s for s in reads)  # walked whole


def test_the_full_check_walks_everything(tmp_path: Path, lib, case) -> None:
    _settled(lib, case, tmp_path)
    statements: list[str] = []
    lib.conn.set_trace_callback(statements.append)
    report = check_library(lib, hash_files=True)
    lib.conn.set_trace_callback(None)
    assert report.ok, report.problems
    assert report.checked_files == 4
    assert any("GROUP BY sha256" in s and "WHERE" not in s for s in statements)


def test_a_removed_folder_is_found(tmp_path: Path, lib, case) -> None:
    import shutil

    paths = _settled(lib, case, tmp_path)
    for gone in (paths[0].parent, paths[1].parent.parent):  # a second- and a first-level one
        for path in gone.rglob("*"):
            os.chmod(path, 0o700)
        if gone.exists():
            shutil.rmtree(gone)
    gone_files = [p for p in paths if not p.exists()]
    assert paths[1] in gone_files
    _, problems = _quick(lib)
    assert problems == ["missing_file"] * len(gone_files)
