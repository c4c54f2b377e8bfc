"""Kill an import with SIGKILL at many moments: every document is whole or absent.

The child is a real `caseorg import` process; after each kill the library is
opened again (which heals what a crash can leave: the index lagging behind
SQLite, a stored file whose record never committed) and must check clean.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers import exhibit_pdfs, import_command, library_with_one_case

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.library.store import sha256_of
from caseorg.search.handle import index_of
from caseorg.upkeep.check import check_library

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

KILLS = 22


def _paragraphs(n: int) -> list[str]:
    return [f"Exhibit {n} in support of the application for asylum."] + [
        f"Paragraph {k} of exhibit {n}: the respondent fears persecution on account of "
        f"political opinion; country conditions evidence item {k * n}."
        for k in range(60)
    ]


def _assert_whole_or_absent(library: Path, files: list[Path]) -> None:
    with open_library(library, create=False) as lib:
        report = check_library(lib)
        assert report.ok, [p.detail for p in report.remaining]
        hashes = {sha256_of(p) for p in files}
        indexed = index_of(lib).indexed_document_ids()
        for doc in lib.db.query("SELECT * FROM documents"):
            assert doc["sha256"] in hashes
            stored = lib.store.path_for(doc["sha256"])
            assert sha256_of(stored) == doc["sha256"]
            pages = lib.db.execute(
                "SELECT count(*) FROM pages WHERE document_id = ?", [doc["id"]]
            ).fetchone()[0]
            assert pages == doc["page_count"] > 0
            assert doc["id"] in indexed
            audited = lib.db.execute(
                "SELECT count(*) FROM audit WHERE entity = 'document' AND entity_id = ?",
                [doc["id"]],
            ).fetchone()[0]
            assert audited == 1
        dupes = lib.db.execute(
            "SELECT count(*) FROM (SELECT sha256 FROM documents GROUP BY case_id, sha256 "
            "HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0


def test_sigkill_during_import_leaves_whole_documents(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    files = exhibit_pdfs(tmp_path / "in", 24, _paragraphs)
    library_with_one_case(library)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = import_command(library, tmp_path / "in")
    for attempt in range(KILLS):
        child = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(0.25 + 0.12 * attempt)  # from start-up to deep inside the batch
        child.send_signal(signal.SIGKILL)
        child.wait()
        _assert_whole_or_absent(library, files)

    with open_library(library) as lib:
        report = import_files(lib, 1, [tmp_path / "in"])
        assert report.count("rejected") == 0
        assert report.count("imported") + report.count("duplicate") == len(files)
        total = lib.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert total == len(files)
    _assert_whole_or_absent(library, files)
