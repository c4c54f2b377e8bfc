"""EOIR import at full size: ``caseorg import-eoir`` of a generated release against a
plain ``csv`` reader loop that only parses the same files, same run.

The release (``bench/eoir_data.py``) is made at bench time under ``bench/out/eoir``: a
1,000,000-row ``tbl_schedule`` with its cases and proceedings (``EOIR_BENCH_ROWS`` for
another size). caseorg: the command in a child process into a fresh library (read,
decode, validate, write cases, hearings, case-life records, an audit row per case,
keys, derived reassignments);
its peak RSS is sampled. Baseline: ``csv.reader`` (tab, no quoting) over the same
three files, counting rows, nothing else. Rows/s count the rows of those files.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import OUT, ROOT, PeakMemory, Target, limit_target, log, median, ratio_target
from .eoir_data import write_release

FILES = ("A_TblCase.csv", "B_TblProceeding.csv", "tbl_schedule.csv")


def release(rows: int) -> Path:
    """The generated release for ``rows`` schedule rows (made once, then reused)."""
    folder = OUT / f"eoir-{rows}"
    done = folder / "made"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        log(f"eoir: generating a release with {rows:,} schedule rows")
        write_release(folder, rows)
        done.write_text("ok\n")
    return folder


def plain_loop(folder: Path) -> tuple[int, float]:
    started = time.perf_counter()
    rows = 0
    for name in FILES:
        with open(folder / name, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            for _row in reader:
                rows += 1
    return rows, time.perf_counter() - started


def caseorg_import(folder: Path) -> tuple[float, float, dict[str, int]]:
    """Seconds, peak RSS (MB) and counts of ``caseorg import-eoir`` into a fresh library."""
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-eoir-", dir=OUT))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / ".shim")]))
    command = [sys.executable, "-m", "caseorg.cli", "--library", str(work / "library")]
    command += ["import-eoir", str(folder), "--json"]
    try:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        with PeakMemory(child.pid) as memory:
            out, _err = child.communicate()
        seconds = time.perf_counter() - started
        if child.returncode != 0:
            raise SystemExit(f"bench import-eoir failed ({child.returncode}): {out[-500:]}")
        return seconds, memory.peak, json.loads(out)["counts"]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(repeat: int = 1) -> list[Target]:
    size = int(os.environ.get("EOIR_BENCH_ROWS", "1000000"))
    folder = release(size)
    ours, plain, peaks = [], [], []
    rows = 0
    for i in range(repeat):
        rows, seconds = plain_loop(folder)
        plain.append(rows / seconds)
        log(f"eoir {i + 1}/{repeat}: plain csv loop {rows / seconds:,.0f} rows/s")
        seconds, peak, counts = caseorg_import(folder)
        ours.append(rows / seconds)
        peaks.append(peak)
        log(
            f"eoir {i + 1}/{repeat}: import-eoir {rows / seconds:,.0f} rows/s, "
            f"peak {peak:,.0f} MB, {counts['hearings_created']:,} hearings"
        )
    return [
        ratio_target(
            f"import-eoir throughput ({size:,}-row schedule, {rows:,} rows in all)",
            round(median(ours), 1),
            round(median(plain), 1),
            "rows/s",
            at_least=0.25,
            runs=repeat,
            note="read, decode, validate and write (cases, hearings, audit, keys) vs a "
            "csv.reader loop that only parses the same files",
        ),
        limit_target(
            "import-eoir peak RSS (whole release, unfiltered)",
            round(max(peaks), 1),
            500,
            "MB",
            runs=repeat,
        ),
    ]
