"""Small helpers shared by the core tests: real PDFs, audit rows, a fake extraction pool.

Importable as ``helpers`` (pytest puts ``tests/`` on ``sys.path`` for the
conftest), and so also from the spawned workers of :class:`FakeWorkerPool`.
"""

from __future__ import annotations

import json
import os
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from caseorg.importing.pdftext import Extraction, ExtractionPool, _Worker


def make_pdf(path: Path, pages: list[str]) -> Path:
    """Write a real PDF (fpdf2, Helvetica) with one string of text per page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def audit_rows(lib: Any) -> list[dict[str, Any]]:
    """Every audit row, oldest first, with before/after decoded from JSON."""
    rows = []
    for row in lib.db.query("SELECT * FROM audit ORDER BY id"):
        row = dict(row)
        row["before"] = json.loads(row["before_json"]) if row["before_json"] else None
        row["after"] = json.loads(row["after_json"]) if row["after_json"] else None
        rows.append(row)
    return rows


def count(lib: Any, table: str) -> int:
    return int(lib.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def stored_files(lib: Any) -> list[Path]:
    """Every file under the library's store (temporary files included)."""
    root = lib.store.root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


# -- a pool whose workers misbehave on demand ----------------------------------------


def fake_worker_main(conn: Connection, memory_mb: int) -> None:
    """Stands in for pdftext._worker_main: the file NAME says what to do.

    '...hang...' sleeps far past any timeout, '...crash...' exits without
    answering, anything else answers with one page naming the file.
    """
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        path, _password = task
        name = os.path.basename(path)
        if "hang" in name:
            time.sleep(300)
        if "crash" in name:
            os._exit(3)
        conn.send(Extraction("ok", pages=[f"fake text of {name}"]))


class FakeWorkerPool(ExtractionPool):
    """The real pool (scheduling, timeout, kill, replace) around :func:`fake_worker_main`."""

    spawned = 0

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=fake_worker_main, args=(child, self.memory_mb), daemon=True
        )
        process.start()
        child.close()
        FakeWorkerPool.spawned += 1
        return _Worker(process, parent)
