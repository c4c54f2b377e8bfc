"""Court mode (issue 16): search p95 on PostgreSQL against the embedded library on the same
pages, and import pages/s with 1, 2 and 4 importers at once on one court library.

A throwaway PostgreSQL cluster (tests/pgserver.py: a temp folder, a unix socket) holds a
copy of the generated library (``caseorg migrate-library``'s code, records only); the
queries are those of ``bench search`` the server's search takes (no field filters, no
fuzzy). ``BENCH_COURT_PAGES`` sets the library's size (default 100,000 pages).
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

PAGES = int(os.environ.get("BENCH_COURT_PAGES", "100000"))
SERVER_QUERIES = [(kind, q) for kind, q, *_ in QUERIES if ":" not in q and "~" not in q]
IMPORT_PDFS, IMPORT_PAGES = 6, 5  # per importer: 6 PDFs of 5 pages


def _search(repeat: int) -> list[Target]:
    from caseorg.library import move_library, open_library
    from tests.pgserver import PgCluster

    folder, _meta = library(f"lib{PAGES // 1000}k", PAGES, max(1, PAGES // 10))
    cluster = PgCluster()
    try:
        url = cluster.new_library()
        started = time.perf_counter()
        with open_library(folder, read_only=True) as lite, open_library(url) as court:
            move_library(lite, court, with_files=False)
        log(f"court: {PAGES} pages moved to PostgreSQL in {time.perf_counter() - started:.0f} s")
        times: dict[str, list[float]] = {"court": [], "embedded": []}
        with open_library(folder, read_only=True) as lite, open_library(url) as court:
            indexes = {"court": index_of(court), "embedded": index_of(lite)}
            for _kind, query in SERVER_QUERIES:  # warm both
                for index in indexes.values():
                    index.search(query)
            for _round in range(repeat):
                for _kind, query in SERVER_QUERIES:
                    for name, index in indexes.items():
                        began = time.perf_counter()
                        index.search(query)
                        times[name].append((time.perf_counter() - began) * 1000)
    finally:
        cluster.stop()
    return [
        ratio_target(
            f"court search p95 latency ({PAGES:,} pages)",
            round(p95(times["court"]), 1),
            round(p95(times["embedded"]), 1),
            "ms",
            at_most=2.0,
            runs=repeat,
            note=f"{len(SERVER_QUERIES)} queries x {repeat}; baseline the embedded library",
        )
    ]


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
        return _imports() + _search(repeat)
    except RuntimeError as exc:  # no PostgreSQL on this machine (tests/pgserver.py)
        log(f"court: skipped: {exc}")
        return []
