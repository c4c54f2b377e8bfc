"""The check after opening costs what changed since the last open (issue 15): a reopen
with no change reads no page and walks no index entry; a change made since (a crash
between a page's commit and its indexing, pages deleted behind the index's back) is
found and brought into the index."""

from __future__ import annotations

from pathlib import Path

from helpers import make_pdf

from caseorg.importing import import_files
from caseorg.library import changes_since, open_library
from caseorg.search import SearchIndex, index_of
from caseorg.upkeep import check_library


def _library_with_documents(tmp_path: Path, lib, case) -> Path:
    files = [
        make_pdf(tmp_path / f"exhibit{n}.pdf", [f"asylum declaration number {n}", "page two"])
        for n in range(3)
    ]
    report = import_files(lib, case.id, files, workers=1)
    assert report.count("imported") == 3
    return lib.path


def _open_and_check(path: Path) -> tuple[list[str], tuple[int, int], object]:
    """Open as the app does (the index opened and reconciled, then the quick check); the
    SQL it ran, what the reconcile did, and the check's report."""
    statements: list[str] = []
    with open_library(path) as lib:
        lib.conn.set_trace_callback(statements.append)
        index = SearchIndex(lib)
        done = index.reconcile()
        index.close()
        report = check_library(lib, hash_files=False)
        lib.conn.set_trace_callback(None)
    return statements, done, report


def test_a_reopen_with_no_change_reads_no_page(tmp_path: Path, lib, case) -> None:
    path = _library_with_documents(tmp_path, lib, case)
    lib.close()
    with open_library(path) as again:  # the import's documents: examined once, by id
        assert changes_since(again, again.index_dir).documents == [1, 2, 3]
        assert index_of(again).reconcile() == (0, 0)
        assert changes_since(again, again.index_dir).documents == []
    statements, done, report = _open_and_check(path)
    assert done == (0, 0) and report.ok, report.problems
    reads = [s for s in statements if "FROM pages" in s or "FROM page_changes" in s]
    assert reads == [], reads  # nothing walked: the marks agreed (they are two reads)


def test_a_change_since_the_last_open_is_found(tmp_path: Path, lib, case) -> None:
    path = _library_with_documents(tmp_path, lib, case)
    index_of(lib).reconcile()
    # behind the index's back: a document's pages committed but never indexed (a crash),
    # another document's pages gone
    with lib.conn:
        lib.conn.execute(
            "INSERT INTO documents (id, case_id, sha256, title, doc_type, page_count, bytes,"
            " original_name, text_status, imported_at) VALUES (9, ?, ?, 'late', 'other', 1, 1,"
            " 'late.pdf', 'ok', '2026-12-05 10:00:00')",
            [case.id, "ab" * 32],
        )
        lib.conn.execute("INSERT INTO pages (document_id, page_no, text) VALUES (9, 1, ?)",
                         ["a withholding application filed late"])  # fmt: skip
        lib.conn.execute("DELETE FROM pages WHERE document_id = 2")
    lib.close()
    with open_library(path) as again:
        assert changes_since(again, again.index_dir).documents == [2, 9]  # two examined
    statements, done, report = _open_and_check(path)
    assert done == (1, 1)
    assert not any("DISTINCT document_id" in s for s in statements)
    with open_library(path) as again:
        hits = index_of(again).search("withholding")
        assert [h.document_id for h in hits] == [9]
        assert [h.document_id for h in index_of(again).search('"number 2"')] == [3]
        assert index_of(again).search('"number 1"') == []  # document 2's pages are gone
        full = check_library(again)  # walks everything and agrees (the made-up document
        assert [p.kind for p in full.problems] == ["missing_file"]  # has no stored file)


def test_marks_of_another_library_mean_a_full_walk(tmp_path: Path, lib, case) -> None:
    path = _library_with_documents(tmp_path, lib, case)
    index_of(lib).reconcile()
    with lib.conn:
        lib.conn.execute("UPDATE meta SET value = 'another' WHERE key = 'page_changes_log'")
    assert changes_since(lib, lib.index_dir).documents is None
    lib.close()
    statements, done, _ = _open_and_check(path)
    assert done == (0, 0)
    assert any("DISTINCT document_id" in s for s in statements)
    statements, _, _ = _open_and_check(path)  # marked again after the walk
    assert not any("FROM pages" in s for s in statements)
