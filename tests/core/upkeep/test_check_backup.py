"""`check` finds what is wrong and `--repair` fixes it without deleting; backup round-trips."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.errors import CaseorgError
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import last_backup_at, open_library
from caseorg.search.handle import index_of
from caseorg.upkeep.backup import backup_library
from caseorg.upkeep.check import check_library
from caseorg.upkeep.restore import restore_library


def _import_two(lib, case, tmp_path: Path) -> None:
    for name, words in [
        ("brief.pdf", "extreme hardship to the qualifying relative"),
        ("motion.pdf", "motion to continue for good cause shown"),
    ]:
        write_text_pdf(tmp_path / name, paragraphs=[words])
    report = import_files(lib, case.id, [tmp_path / "brief.pdf", tmp_path / "motion.pdf"])
    assert report.count("imported") == 2


def test_clean_library_checks_ok(lib, case, tmp_path: Path) -> None:
    _import_two(lib, case, tmp_path)
    report = check_library(lib)
    assert report.ok, report.problems
    assert report.checked_files == 2


def test_unknown_file_is_quarantined_not_deleted(lib, case, tmp_path: Path) -> None:
    _import_two(lib, case, tmp_path)
    stray = lib.store.root / "ff" / "ee" / ("f" * 64 + ".pdf")
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4 stray")
    report = check_library(lib)
    assert [p.kind for p in report.remaining] == ["unknown_file"]
    repaired = check_library(lib, repair=True)
    assert repaired.ok
    assert not stray.exists()
    kept = list((lib.path / "quarantine").rglob(stray.name))
    assert len(kept) == 1 and kept[0].read_bytes() == b"%PDF-1.4 stray"


def test_damaged_and_missing_files_are_reported(lib, case, tmp_path: Path) -> None:
    _import_two(lib, case, tmp_path)
    docs = list(lib.db.query("SELECT sha256, title FROM documents ORDER BY id"))
    damaged = lib.store.path_for(docs[0]["sha256"])
    damaged.chmod(0o600)
    damaged.write_bytes(b"%PDF-1.4 tampered")
    lib.store.path_for(docs[1]["sha256"]).unlink()
    report = check_library(lib, repair=True)
    kinds = sorted(p.kind for p in report.remaining)
    assert kinds == ["damaged_file", "missing_file"]
    assert any("brief" in p.detail for p in report.remaining)


def test_index_drift_is_reported_read_only_and_healed_when_writable(
    lib, case, tmp_path: Path
) -> None:
    _import_two(lib, case, tmp_path)
    index_of(lib).remove_documents([1])
    with open_library(lib.path, read_only=True) as viewer:
        assert [p.kind for p in check_library(viewer).remaining] == ["index"]
    report = check_library(lib)
    assert report.ok
    assert [(p.kind, p.repaired) for p in report.problems] == [("index", True)]
    assert "indexed now" in report.problems[0].detail
    assert index_of(lib).search('"extreme hardship"')
    assert check_library(lib).problems == []


def test_index_page_drift_is_rebuilt_by_repair(lib, case, tmp_path: Path) -> None:
    write_text_pdf(tmp_path / "record.pdf", pages=[["asylum claim"], ["country conditions"]])
    assert import_files(lib, case.id, [tmp_path / "record.pdf"]).count("imported") == 1
    with index_of(lib).writer() as writer:  # one page of the two lost from the index
        writer.update_document(document_id="1", pages=1, content="asylum claim")
    assert [p.kind for p in check_library(lib).remaining] == ["index"]
    assert check_library(lib, repair=True).ok
    assert check_library(lib).problems == []


def test_backup_restore_round_trip(lib, case, tmp_path: Path) -> None:
    _import_two(lib, case, tmp_path)
    archive = tmp_path / "backup.zip"
    backup_library(lib, archive)
    assert last_backup_at(lib.path) is not None
    target = tmp_path / "restored"
    restore_library(archive, target)
    with open_library(target, create=False) as restored:
        for table, key in [
            ("cases", "id"),
            ("documents", "id"),
            ("pages", "document_id, page_no"),
            ("audit", "id"),
            ("reassignments", "id"),
        ]:
            query = f"SELECT * FROM {table} ORDER BY {key}"
            assert list(restored.db.query(query)) == list(lib.db.query(query))
        for row in lib.db.query("SELECT sha256 FROM documents"):
            a = lib.store.path_for(row["sha256"]).read_bytes()
            assert restored.store.path_for(row["sha256"]).read_bytes() == a
        hits = index_of(restored).search('"extreme hardship"')
        assert [h.title for h in hits] == ["brief"]
        assert check_library(restored).ok


def test_restore_refuses_non_empty_target_and_keeps_it_with_force(lib, case, tmp_path) -> None:
    _import_two(lib, case, tmp_path)
    archive = tmp_path / "backup.zip"
    backup_library(lib, archive)
    target = tmp_path / "busy"
    target.mkdir()
    (target / "precious.txt").write_text("keep me")
    with pytest.raises(CaseorgError, match="not empty"):
        restore_library(archive, target)
    restore_library(archive, target, force=True)
    kept = list(tmp_path.glob("busy.replaced-*/precious.txt"))
    assert kept and kept[0].read_text() == "keep me"


def test_restore_refuses_entries_escaping_the_target(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../outside.txt", "x")
        archive.writestr("manifest.json", '{"entries": {"../outside.txt": "00"}}')
    with pytest.raises(CaseorgError, match="escape"):
        restore_library(evil, tmp_path / "target")
    assert not (tmp_path / "outside.txt").exists()
    assert not (tmp_path / "target").exists()


def test_restore_detects_a_damaged_archive(lib, case, tmp_path: Path) -> None:
    _import_two(lib, case, tmp_path)
    archive = tmp_path / "backup.zip"
    backup_library(lib, archive)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("files/"):
                data = data[:-10] + b"0123456789"
            dst.writestr(item, data)
    with pytest.raises(CaseorgError, match="damaged"):
        restore_library(broken, tmp_path / "target")
    assert not (tmp_path / "target").exists()


def test_backup_while_another_connection_writes(lib, case, tmp_path: Path) -> None:
    """The online backup copies a consistent snapshot even with a write in flight."""
    _import_two(lib, case, tmp_path)
    other = sqlite3.connect(lib.db_path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO judges (code, name) VALUES ('ZZZ', 'Uncommitted Judge')")
    archive = tmp_path / "b.zip"
    backup_library(lib, archive)
    other.rollback()
    other.close()
    target = tmp_path / "r"
    restore_library(archive, target)
    with open_library(target, create=False) as restored:
        assert list(restored.db.query("SELECT * FROM judges WHERE code = 'ZZZ'")) == []
    shutil.rmtree(target)
