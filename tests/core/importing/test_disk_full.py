"""A library on a disk that fills up mid-import: a one-line message, whole documents, no loss.

Uses a real, tiny tmpfs (needs root and mount permission; skipped elsewhere),
because a mocked ENOSPC would not show what SQLite and Whoosh really do.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import exhibit_pdfs, import_command, library_with_one_case

from caseorg.importing.pipeline import DISK_FULL_MESSAGE, import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.search.handle import index_of
from caseorg.upkeep.check import check_library

pytestmark = pytest.mark.slow


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _bulky_pdfs(folder: Path, count: int) -> list[Path]:
    """PDFs of ~400 KB each (random-looking text does not compress)."""

    def random_words(n: int) -> list[str]:
        return [f"Exhibit {n}. " + " ".join(os.urandom(6).hex() for _ in range(14000))]

    return exhibit_pdfs(folder, count, random_words, stem="evidence")


def test_import_onto_a_full_disk_stops_with_one_line_and_keeps_whole_documents(
    small_disk: Path, tmp_path: Path
) -> None:
    library = small_disk / "library"
    files = _bulky_pdfs(tmp_path / "in", 12)
    with open_library(library) as lib:
        case = add_case(lib, "A-123-456-789", "Ana Lopez")
        report = import_files(lib, case.id, files, workers=1)
        assert report.stopped == DISK_FULL_MESSAGE
        assert not report.ok
        assert "disk is full" in report.summary()
        imported = [o for o in report.outcomes if o.status == "imported"]
        assert len(imported) < len(files), "3 MB cannot hold 12 files of ~400 KB"
        assert report.outcomes[-1].status == "rejected"
        assert report.outcomes[-1].message == DISK_FULL_MESSAGE
        rows = lib.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert rows == len(imported)
        # the case and the documents that finished are intact and checkable
        assert lib.db.execute("SELECT respondent FROM cases").fetchone()[0] == "Ana Lopez"
    with open_library(library) as lib:
        # still full: the check says so in words, and search answers from what is indexed
        report = check_library(lib)
        kinds = sorted(p.kind for p in report.remaining)
        assert kinds == ["disk_full", "index"]  # full, so the index lags behind SQLite
        assert any("disk is full" in p.detail for p in report.remaining)
        index_of(lib).search("Exhibit")
    grown = subprocess.run(["mount", "-o", "remount,size=400m", str(small_disk)], check=False)
    assert grown.returncode == 0
    with open_library(library) as lib:
        report = check_library(lib)
        assert report.ok, [p.detail for p in report.remaining]
        for outcome in imported:
            doc = lib.db.execute(
                "SELECT page_count FROM documents WHERE id = ?", [outcome.document_id]
            ).fetchone()
            assert doc[0] == outcome.pages
        hits = index_of(lib).search("Exhibit", limit=50)
        assert sorted(h.document_id for h in hits) == sorted(o.document_id for o in imported)
        # and the rest imports once there is room, without duplicates
        rest = import_files(lib, case.id, files, workers=1)
        assert rest.ok
        assert rest.count("imported") == len(files) - len(imported)
        assert rest.count("duplicate") == len(imported)


def test_the_command_line_says_disk_full_in_one_line(small_disk: Path, tmp_path: Path) -> None:
    library = small_disk / "library"
    files = _bulky_pdfs(tmp_path / "in", 12)
    library_with_one_case(library, "Ana Lopez")
    result = subprocess.run(
        import_command(library, *files),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors == [f"error: {DISK_FULL_MESSAGE}"]
    assert "Traceback" not in result.stdout
