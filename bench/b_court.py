"""Court mode (issue 16): search p95 on PostgreSQL against the embedded library on the same
pages, and import pages/s with 1, 2 and 4 importers at once on one court library.

A throwaway PostgreSQL cluster (tests/pgserver.py: a temp folder, a unix socket) holds a
copy of the generated library (``caseorg migrate-library``'s code, records only); the
queries are those of ``bench search``, every kind (field filters, date ranges and fuzzy
too), each side's p95 per kind in the note. ``BENCH_COURT_PAGES`` sets the library's size,
or sizes (``10000,100000``; default 100,000 pages).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from caseorg.search import index_of

from .b_search import QUERIES
from .common import ROOT, Target, log, p95, ratio_target
from .genlib import library

SIZES = [int(n) for n in os.environ.get("BENCH_COURT_PAGES", "100000").split(",")]
SERVER_QUERIES = [(kind, q) for kind, q, *_ in QUERIES]
SIDES = ("court", "embedded")
IMPORT_PDFS, IMPORT_PAGES = 6, 5  # per importer: 6 PDFs of 5 pages


def _search(repeat: int, pages: int) -> list[Target]:
    from caseorg.library import move_library, open_library
    from tests.pgserver import PgCluster

    folder, _meta = library(f"lib{pages // 1000}k", pages, max(1, pages // 10))
    cluster = PgCluster()
    try:
        url = cluster.new_library()
        started = time.perf_counter()
        with open_library(folder, read_only=True) as lite, open_library(url) as court:
            move_library(lite, court, with_files=False)
        log(f"court: {pages} pages moved to PostgreSQL in {time.perf_counter() - started:.0f} s")
        with open_library(url) as court:  # what autovacuum does a minute after a bulk copy
            court.db.raw.execute("VACUUM ANALYZE")
        times: dict[str, dict[str, list[float]]] = {
            side: {kind: [] for kind, _q in SERVER_QUERIES} for side in SIDES
        }
        found: dict[str, dict[str, int]] = {side: {} for side in SIDES}
        with open_library(folder, read_only=True) as lite, open_library(url) as court:
            indexes = {"court": index_of(court), "embedded": index_of(lite)}
            for kind, query in SERVER_QUERIES:  # warm both (and count what each finds)
                for name, index in indexes.items():
                    found[name][kind] = len(index.search(query))
            for _round in range(repeat):
                for kind, query in SERVER_QUERIES:
                    for name, index in indexes.items():
                        began = time.perf_counter()
                        index.search(query)
                        times[name][kind].append((time.perf_counter() - began) * 1000)
    finally:
        cluster.stop()
    every = {side: [t for ts in times[side].values() for t in ts] for side in SIDES}
    kinds = []
    for kind, _query in SERVER_QUERIES:
        court_ms, lite_ms = p95(times["court"][kind]), p95(times["embedded"][kind])
        log(
            f"court search {kind:13s} server {court_ms:8.1f} ms  embedded {lite_ms:8.1f} ms"
            f"  (p95; {found['court'][kind]} / {found['embedded'][kind]} documents)"
        )
        kinds.append(
            f"{kind} {court_ms:.0f} / {lite_ms:.0f} ms"
            f" ({found['court'][kind]} / {found['embedded'][kind]} docs)"
        )
    target = ratio_target(
        f"court search p95 latency ({pages:,} pages)",
        round(p95(every["court"]), 1),
        round(p95(every["embedded"]), 1),
        "ms",
        at_most=2.0,
        runs=repeat,
        note=(
            f"{len(SERVER_QUERIES)} queries x {repeat}; baseline the embedded library "
            f"(Whoosh); p95 per kind, server / embedded: {'; '.join(kinds)}"
        ),
    )
    target.extra = {
        "per_kind_p95_ms": {
            kind: {side: round(p95(times[side][kind]), 1) for side in SIDES}
            for kind, _q in SERVER_QUERIES
        },
        "documents": found,
    }
    return [target]


def _imports() -> list[Target]:
    from caseorg.library import open_library
    from tests.helpers import make_pdf
    from tests.pgserver import PgCluster

    cluster = PgCluster()
    rates: dict[int, float] = {}
    try:
        for writers in (1, 2, 4):
            url = cluster.new_library()
            work = Path(tempfile.mkdtemp(prefix="court-bench-"))
            with open_library(url) as lib:
                lib.set_file_store(work / "files")  # type: ignore[attr-defined]
            for n in range(writers):
                for k in range(IMPORT_PDFS):
                    pages = [
                        f"Importer {n} file {k} page {p}: brief on hardship."
                        for p in range(IMPORT_PAGES)
                    ]
                    make_pdf(work / f"w{n}" / f"f{k}.pdf", pages)
            procs = [
                subprocess.Popen(
                    [sys.executable, "-m", "bench.court_writer", url, str(work / f"w{n}"), str(n)],
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                for n in range(writers)
            ]
            while len(list(work.glob("w*/ready*"))) < writers:
                time.sleep(0.02)
            started = time.perf_counter()
            (work / "go").touch()
            pages = sum(int(p.communicate()[0].strip() or 0) for p in procs)
            seconds = time.perf_counter() - started
            rates[writers] = pages / seconds
            log(f"court import: {writers} importer(s), {pages} pages, {rates[writers]:.1f} pages/s")
    finally:
        cluster.stop()
    return [
        Target(
            f"court import, {n} importer(s) at once",
            round(rates[n], 1),
            "pages/s",
            "measured",
            met=True,
            note=f"{n} x {IMPORT_PDFS} PDFs of {IMPORT_PAGES} pages, one court library",
        )
        for n in (1, 2, 4)
    ]


def run(repeat: int = 5) -> list[Target]:
    try:
        return _imports() + [t for pages in SIZES for t in _search(repeat, pages)]
    except RuntimeError as exc:  # no PostgreSQL on this machine (tests/pgserver.py)
        log(f"court: skipped: {exc}")
        return []
