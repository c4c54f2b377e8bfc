"""Small helpers shared by the core tests: real PDFs, audit rows, a fake extraction pool.

Importable as ``helpers`` (pytest puts ``tests/`` on ``sys.path`` for the
conftest), and so also from the spawned workers of :class:`FakeWorkerPool`.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextlib.contextmanager
def common_umask() -> Iterator[None]:
    """The usual umask (0022), under which a plain open() makes a world-readable file: a
    file caseorg writes must be private anyway. (Opening a library for writing tightens
    the process's umask; a read-only open, as ``caseorg backup`` does, leaves it.)"""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


# -- a library being imported into by a real `caseorg import` process (crash, disk-full and
#    backup-during-import tests share it) --------------------------------------------------
IMPORT_CASE = "A-123-456-789"


def exhibit_pdfs(
    folder: Path, count: int, paragraphs: Callable[[int], list[str]], stem: str = "exhibit"
) -> list[Path]:
    """``count`` text PDFs in a new ``folder`` (``stem_00.pdf`` …), paragraphs by number."""
    from caseorg.demo.pdfmake import write_text_pdf

    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"{stem}_{n:02d}.pdf"
        write_text_pdf(path, paragraphs=paragraphs(n))
        paths.append(path)
    return paths


def library_with_one_case(library: Path, respondent: str = "Test Person") -> None:
    """A new library at ``library`` holding the case :data:`IMPORT_CASE`."""
    from caseorg.library.folder import open_library
    from caseorg.records.cases import add_case

    with open_library(library) as lib:
        add_case(lib, IMPORT_CASE, respondent)


def import_command(library: Path, *sources: Path) -> list[str]:
    """The command line of a child `caseorg import` of ``sources`` into that case."""
    return [
        sys.executable,
        "-m",
        "caseorg.cli",
        "--library",
        str(library),
        "import",
        IMPORT_CASE.replace("-", ""),
        *map(str, sources),
    ]


# -- another process holding a library for writing (as the app does) ------------------------
HOLD_LIBRARY = textwrap.dedent(
    """
    import sys
    from caseorg.library.folder import open_library
    lib = open_library(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.read()  # hold the library until the test closes our stdin
    lib.close()
    print("closed", flush=True)
    """
)


@contextmanager
def library_held(library: Path) -> Iterator[subprocess.Popen[str]]:
    """A child process holding ``library`` open for writing until the block ends (or the
    test closes its stdin first: ``proc.communicate(input="")``)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LIBRARY, str(library)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else line
        yield proc
    finally:
        if proc.poll() is None:
            proc.communicate(timeout=30)


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


def raw_pdf(objects: list[bytes], *, root: int = 1, extra_trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object n is objects[n-1]) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, extra_trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
