"""PRAGMA quick_check reads the whole database file (issue 15: ~5 s at 1,000,000 pages):
the open check runs it only when due — never passed, a week since it last passed, or a
writer died here — and the full check always runs SQLite's integrity_check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from caseorg.library import open_library
from caseorg.upkeep import check_library
from caseorg.upkeep.check import QUICK_CHECK_KEY, quick_check_due


def _pragmas(lib, **options) -> list[str]:
    statements: list[str] = []
    lib.conn.set_trace_callback(statements.append)
    try:
        report = check_library(lib, **options)
    finally:
        lib.conn.set_trace_callback(None)
    assert report.ok, report.problems
    return [s for s in statements if s in ("PRAGMA quick_check", "PRAGMA integrity_check")]


def _passed_at(lib, when: dt.datetime) -> None:
    with lib.db.atomic():
        lib.db.execute(
            "UPDATE meta SET value = ? WHERE key = ?", [when.isoformat(), QUICK_CHECK_KEY]
        )


def test_the_open_check_reads_the_file_only_when_due(tmp_path: Path) -> None:
    path = tmp_path / "library"
    with open_library(path) as lib:
        assert quick_check_due(lib)  # never passed
        assert _pragmas(lib, hash_files=False) == ["PRAGMA quick_check"]
        assert not quick_check_due(lib)
        assert _pragmas(lib, hash_files=False) == []  # passed just now: not again
        assert _pragmas(lib) == ["PRAGMA integrity_check"]  # the full check: always
        now = dt.datetime.now(dt.UTC)
        _passed_at(lib, now - dt.timedelta(days=8))
        assert _pragmas(lib, hash_files=False) == ["PRAGMA quick_check"]  # a week on
        _passed_at(lib, now + dt.timedelta(days=30))  # a clock set back since
        assert quick_check_due(lib)


def test_a_writer_that_died_here_makes_it_due(tmp_path: Path) -> None:
    path = tmp_path / "library"
    with open_library(path) as lib:
        check_library(lib, hash_files=False)
        assert not quick_check_due(lib)
    (path / "index.new").mkdir()  # what a reindex killed half-way leaves
    with open_library(path) as lib:
        assert lib.swept
        assert quick_check_due(lib)
        assert _pragmas(lib, hash_files=False) == ["PRAGMA quick_check"]


def test_a_dangling_row_is_found_on_the_same_schedule(tmp_path: Path) -> None:
    """PRAGMA foreign_key_check reads every row too: an outside tool's dangling row is
    found by the full check and by the open check when quick_check is due."""
    path = tmp_path / "library"
    with open_library(path) as lib:
        check_library(lib, hash_files=False)
        lib.conn.execute("PRAGMA foreign_keys = OFF")  # as an outside tool may
        with lib.conn:
            lib.conn.execute(
                "INSERT INTO documents (case_id, sha256, title, imported_at) "
                "VALUES (999, ?, 'Stray', '2026-01-01')",
                ["a" * 64],
            )
        lib.conn.execute("PRAGMA foreign_keys = ON")

        def dangling(**options) -> list[str]:
            report = check_library(lib, **options)
            return [p.detail for p in report.problems if p.kind == "database"]

        assert dangling(hash_files=False) == []  # passed just now: not due
        assert dangling() == ["row 1 of documents points to a missing cases row"]
        _passed_at(lib, dt.datetime.now(dt.UTC) - dt.timedelta(days=8))
        assert dangling(hash_files=False) == ["row 1 of documents points to a missing cases row"]
