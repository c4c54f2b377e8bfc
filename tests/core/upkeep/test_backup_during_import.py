"""A backup taken while another process imports restores to a whole, consistent library."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from helpers import exhibit_pdfs, import_command, library_with_one_case

from caseorg.library.folder import open_library
from caseorg.library.store import sha256_of
from caseorg.upkeep.backup import backup_library
from caseorg.upkeep.check import check_library
from caseorg.upkeep.restore import restore_library

pytestmark = pytest.mark.slow

FILES = 30


def _paragraphs(n: int) -> list[str]:
    return [
        f"Exhibit {n}, paragraph {k}: declaration of the respondent's sister about the "
        f"threats received in {1990 + k}."
        for k in range(240)
    ]


def test_backup_while_importing_restores_whole_documents(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    exhibit_pdfs(tmp_path / "in", FILES, _paragraphs)
    library_with_one_case(library)
    importer = subprocess.Popen(
        import_command(library, tmp_path / "in"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    archives = []
    try:
        # snapshots from a read-only opening, as `caseorg backup` takes them beside the app,
        # starting once the first document has landed and going on until the import ends
        while importer.poll() is None and len(archives) < 6:
            with open_library(library, read_only=True) as viewer:
                landed = viewer.db.execute("SELECT count(*) FROM documents").fetchone()[0]
                if landed:
                    archive = tmp_path / f"backup-{len(archives)}.zip"
                    backup_library(viewer, archive)
                    archives.append(archive)
            time.sleep(0.05)
    finally:
        _, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err.decode()

    with open_library(library, read_only=True) as final:
        final_docs = {d["id"]: d for d in final.db.query("SELECT * FROM documents")}
    assert len(final_docs) == FILES
    assert archives, "the import ended before any backup could be taken"
    for n, archive in enumerate(archives):
        target = tmp_path / f"restored-{n}"
        restore_library(archive, target)
        with open_library(target, create=False) as restored:
            assert check_library(restored).ok
            print("restored", restored.db.execute("SELECT count(*) FROM documents").fetchone())
            for doc in restored.db.query("SELECT * FROM documents"):
                assert doc == final_docs[doc["id"]]  # the same record, never a partial one
                pages = restored.db.execute(
                    "SELECT count(*) FROM pages WHERE document_id = ?", [doc["id"]]
                ).fetchone()[0]
                assert pages == doc["page_count"]
                stored = restored.store.path_for(doc["sha256"])
                assert sha256_of(stored) == doc["sha256"]
