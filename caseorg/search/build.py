"""Filling a fresh search index from SQLite, on every core.

Whoosh is pure Python, so one writer uses one core. For a large library each
worker process (spawned: never fork a Qt process) indexes a contiguous range of
documents into a segment of its own, reading SQLite read-only; the parent only
waits, reports progress, and writes the index's table of contents naming all
segments. Measured on 2 cores: about twice the pages per second of one writer
(bench: ``python -m bench reindex``). Small libraries are indexed in-process.

Temporary disk: a Whoosh writer sorts its postings in memory up to ``limitmb`` and
spills each full buffer as a sorted run (marshal) into the new index's folder, all
merged into the segment at the end. Plain runs took 5.3x the final index at 30,000
pages (issue 15: the disk a rebuild needs beside the old index). The runs are written
here in zlib blocks (:class:`CompressedPool`): sorted postings repeat their field and
word, and shrink to a fraction; measured 1.45x, and no slower (less to write).
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing
import os
import sqlite3
import time
import zlib
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from whoosh.writing import PostingPool

from caseorg.errors import Cancelled
from caseorg.progress import Progress, ProgressCallback

if TYPE_CHECKING:
    from caseorg.library import Library

PARALLEL_MIN_PAGES = 4000  # below this, starting workers costs more than it saves
WORKER_LIMIT_MB = 48  # each worker's posting buffer: keeps a 100,000-page rebuild small
SERIAL_LIMIT_MB = 96
PROGRESS_EVERY = 250  # pages
# postings per compressed block of a spilled run. The final merge reads up to 128 runs
# at once, a block of each in memory: 4,000 postings (~0.8 MB) a block made that merge
# grow with the library (issue 15: 818 MB peak at 300,000 pages). At 30,000 pages with
# an 8 MB buffer (about 6x the runs), 4,000 -> 500 took the peak from 310 to 200 MB; with the
# usual buffer the time and the runs' disk stayed the same (145 / 131 s, 230 / 224 MB)
RUN_BLOCK = 500
RUN_LEVEL = 1  # zlib's fastest: most of the saving at a fraction of the time


class CompressedPool(PostingPool):
    """Whoosh's posting pool with its spilled runs in zlib blocks (each a length, then
    the compressed marshal of up to :data:`RUN_BLOCK` postings)."""

    def _write_run(self, f: Any, items: Any) -> None:
        block: list[Any] = []
        try:
            for item in items:
                block.append(item)
                if len(block) >= RUN_BLOCK:
                    _write_block(f, block)
                    block = []
            if block:
                _write_block(f, block)
        finally:
            f.close()

    def _read_run(self, path: str) -> Any:
        f = self._open_run(path)
        try:
            while len(head := f.read(4)) == 4:
                yield from marshal.loads(zlib.decompress(f.read(int.from_bytes(head, "little"))))
        finally:
            f.close()
            self._remove_run(path)


def _write_block(f: Any, block: list[Any]) -> None:
    data = zlib.compress(marshal.dumps(block), RUN_LEVEL)
    f.write(len(data).to_bytes(4, "little"))
    f.write(data)


def compressed_runs(writer: Any, limitmb: int) -> Any:
    """``writer`` (a fresh Whoosh SegmentWriter, nothing added yet) spilling compressed
    runs; returns it."""
    writer.pool = CompressedPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    return writer


def pages_progress(done: int, total: int) -> Progress:
    """What an index build says as it goes: pages indexed of all."""
    return Progress(f"Indexed {done:,} of {total:,} pages", done, total)


def pages_to_index(lib: Library) -> int:
    """Pages with text: what a rebuild indexes (its progress total)."""
    return int(lib.db.execute("SELECT count(*) FROM pages WHERE text != ''").fetchone()[0])


class BuildTicker:
    """Counts the pages a one-process build adds; every PROGRESS_EVERY pages it honours a
    cancel and says how far it is (one rule for every engine's build loop)."""

    def __init__(
        self,
        total: int,
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool] | None,
    ):
        self.total, self.progress, self.cancelled = total, progress, cancelled
        self.done = 0
        self._next_report = PROGRESS_EVERY

    def added(self, pages: int) -> None:
        self.done += pages
        if self.done >= self._next_report:
            self._next_report = self.done + PROGRESS_EVERY
            if self.cancelled and self.cancelled():
                raise Cancelled("reindex cancelled; the old index is unchanged")
            if self.progress:
                self.progress(pages_progress(self.done, self.total))

    def finished(self) -> int:
        """The last word on progress; returns the pages added."""
        if self.progress:
            self.progress(pages_progress(self.done, self.total))
        return self.done


def fill_index(
    lib: Library,
    ix: Any,
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> int:
    """Index every page in ``lib``'s SQLite into the empty index ``ix``; returns pages."""
    total = pages_to_index(lib)
    procs = workers if workers is not None else (os.cpu_count() or 1)
    if procs > 1 and total >= PARALLEL_MIN_PAGES:
        ranges = _ranges(lib, procs)
        if len(ranges) > 1:
            done = _fill_parallel(lib, ix, ranges, total, progress, cancelled)
            if done is not None:
                if progress:
                    progress(pages_progress(done, total))
                return done
            # a worker died (out of memory?): do it again in this process
    return _fill_serial(lib, ix, total, progress, cancelled)


def _fill_serial(
    lib: Library,
    ix: Any,
    total: int,
    progress: ProgressCallback | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    from caseorg.search.entries import COMPOUND, iter_entries

    ticker = BuildTicker(total, progress, cancelled)
    writer = compressed_runs(ix.writer(limitmb=SERIAL_LIMIT_MB, compound=COMPOUND), SERIAL_LIMIT_MB)
    try:
        for entry in iter_entries(lib.db):
            writer.add_document(**entry)
            ticker.added(entry["pages"])
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return ticker.finished()


def _ranges(lib: Library, parts: int) -> list[tuple[int, int]]:
    """Contiguous document-id ranges with about the same number of pages each,
    together covering every id."""
    rows = lib.db.execute(
        "SELECT id, page_count FROM documents WHERE page_count > 0 ORDER BY id"
    ).fetchall()
    total = sum(n for _id, n in rows)
    cuts: list[int] = []
    acc = 0
    for doc_id, n in rows[:-1]:
        acc += n
        if len(cuts) < parts - 1 and acc >= total * (len(cuts) + 1) / parts:
            cuts.append(doc_id)
    bounds = [-(2**62), *cuts, 2**62]
    return [(bounds[i] + (1 if i else 0), bounds[i + 1]) for i in range(len(bounds) - 1)]


def _fill_parallel(
    lib: Library,
    ix: Any,
    ranges: list[tuple[int, int]],
    total: int,
    progress: ProgressCallback | None,
    cancelled: Callable[[], bool] | None,
) -> int | None:
    """Run one worker per range; returns pages, or None if a worker failed."""
    ctx = multiprocessing.get_context("spawn")
    parent = ix.writer()  # holds the index lock; commits the segments at the end
    procs: list[tuple[Any, Any]] = []
    segments: list[Any] = []
    done = 0
    ok = False
    try:
        for lo, hi in ranges:
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(
                target=worker_main,
                args=(theirs, str(lib.db_path), ix.storage.folder, lo, hi),
                daemon=True,
                name="caseorg-index",
            )
            proc.start()
            theirs.close()
            procs.append((proc, mine))
        open_conns = {conn for _proc, conn in procs}
        last_report = 0.0
        while open_conns:
            if cancelled and cancelled():
                raise Cancelled("reindex cancelled; the old index is unchanged")
            ready: list[Any] = wait(list(open_conns), timeout=0.2)
            for conn in ready:
                try:
                    kind, value = conn.recv()
                except (EOFError, OSError):
                    return None
                if kind == "pages":
                    done += value
                elif kind == "segment":
                    if value is not None:
                        segments.append(value)
                    open_conns.discard(conn)
                else:  # "error"
                    return None
            now = time.monotonic()
            if progress and now - last_report > 0.2:
                last_report = now
                progress(pages_progress(done, total))
        parent._close_segment()
        parent._commit_toc(segments)
        parent._finish()
        ok = True
        return done
    finally:
        for proc, conn in procs:
            if not ok and proc.is_alive():
                proc.kill()
            proc.join(5)
            conn.close()
        if not ok:
            with contextlib.suppress(Exception):
                parent.cancel()


def worker_main(conn: Connection, db_path: str, index_dir: str, lo: int, hi: int) -> None:
    """Index documents ``lo``..``hi`` into a new segment; send back the segment."""
    try:
        from whoosh import index
        from whoosh.writing import SegmentWriter

        from caseorg.search.entries import COMPOUND, iter_entries

        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        ix = index.open_dir(index_dir)
        writer = SegmentWriter(ix, _lk=False, limitmb=WORKER_LIMIT_MB, compound=COMPOUND)
        compressed_runs(writer, WORKER_LIMIT_MB)
        ids = [
            r[0]
            for r in db.execute(
                "SELECT id FROM documents WHERE id BETWEEN ? AND ? ORDER BY id", [lo, hi]
            )
        ]
        pending = 0
        for start in range(0, len(ids), 500):
            for entry in iter_entries(db, ids[start : start + 500]):
                writer.add_document(**entry)
                pending += entry["pages"]
                if pending >= PROGRESS_EVERY:
                    conn.send(("pages", pending))
                    pending = 0
        conn.send(("pages", pending))
        segment = writer._finalize_segment() if writer._added else None
        if segment is None:
            writer._close_segment()
        db.close()
        conn.send(("segment", segment))
    except BaseException as exc:  # reported; the parent falls back to one process
        with contextlib.suppress(Exception):
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()
