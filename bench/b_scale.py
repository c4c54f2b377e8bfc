"""``python -m bench scale --pages N``: how caseorg grows with the size of a library.

Per size (generated libraries, ``bench/out/scale-N``, 20,000 cases each so the case
list is the same size throughout): search p50/p95 per query kind for each engine in
:data:`ENGINES`, index size, reindex time, peak RSS and peak temporary disk (the size
of ``index.new``, sampled while the rebuild runs), start-up against a bare Qt window,
the check after opening (after a reindex: the marks are gone and it walks everything;
then a reopen with nothing changed), and the case list of 20,000 cases. Results go to
``bench/scale.json`` (merged over runs), the table into RESULTS.md (``__main__``) and
the growth curves to ``bench/scale.png`` (:mod:`bench.scale_chart`).

Not part of ``python -m bench all``: a 1,000,000-page reindex takes ~20 minutes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import OUT, ROOT, PeakMemory, log, median, p95
from .genlib import library

SCALE_JSON = ROOT / "bench" / "scale.json"
SIZES = (30_000, 100_000, 300_000, 1_000_000)
CASES = 20_000
ROUNDS = 5


def whoosh(lib: Any) -> Any:
    """The default engine: the library's Whoosh index (opened and reconciled)."""
    from caseorg.search import index_of

    return index_of(lib)


# (name, open(lib) -> an object with .search(text) returning document hits): another
# engine (tantivy, a fair FTS5) joins the sweep by adding itself here
ENGINES: list[tuple[str, Callable[[Any], Any]]] = [("whoosh", whoosh)]


def queries() -> list[tuple[str, str]]:
    """(kind, query) as the search bench asks them."""
    from .b_search import QUERIES

    return [(row[0], row[1]) for row in QUERIES]


def folder_size(path: Path) -> int:
    total = 0
    for item in path.rglob("*") if path.exists() else ():
        try:
            if item.is_file():
                total += item.stat().st_size
        except OSError:
            continue
    return total


class PeakDisk:
    """Samples the size of a folder every 0.2 s (a thread); ``peak`` in bytes."""

    def __init__(self, folder: Path):
        self.folder, self.peak = folder, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, folder_size(self.folder))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakDisk:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def reindex(folder: Path) -> dict[str, float]:
    """A full rebuild in a child process: seconds, peak RSS, peak ``index.new``, final size."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.reindex_child", str(folder)], stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    with PeakMemory(proc.pid) as memory, PeakDisk(folder / "index.new") as disk:
        out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"reindex of {folder} failed (exit {proc.returncode})")
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    size = folder_size(folder / "index")
    return {
        "reindex_s": result["seconds"],
        "reindex_peak_mb": round(memory.peak, 1),
        "temp_disk_mb": round(disk.peak / 2**20, 1),
        "index_mb": round(size / 2**20, 1),
        "temp_ratio": round(disk.peak / size, 2) if size else 0.0,
    }


def child(mode: str, folder: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.scale_child", mode, str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"bench.scale_child {mode} failed: {out.stderr[-800:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def search(folder: Path, rounds: int = ROUNDS) -> dict[str, dict[str, dict[str, float]]]:
    """engine -> kind -> {p50, p95} in ms (rounds interleaved over the kinds)."""
    from caseorg.library import open_library

    found: dict[str, dict[str, dict[str, float]]] = {}
    with open_library(folder) as lib:
        for name, opener in ENGINES:
            engine = opener(lib)
            times: dict[str, list[float]] = {}
            for _kind, text in queries():  # warm: the first query opens readers
                engine.search(text)
            for _ in range(rounds):
                for kind, text in queries():
                    started = time.perf_counter()
                    engine.search(text)
                    times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
            found[name] = {
                kind: {"p50": round(median(ms), 1), "p95": round(p95(ms), 1)}
                for kind, ms in times.items()
            }
            every = [t for ms in times.values() for t in ms]
            found[name]["all"] = {"p50": round(median(every), 1), "p95": round(p95(every), 1)}
    return found


def startup(folder: Path, repeat: int = 5) -> dict[str, float]:
    from .b_startup import BARE_QT, _env, _timed, caseorg_command, compile_sources, quit_hook

    compile_sources()
    env = _env()
    hook, value, _note = quit_hook()
    argv = [*caseorg_command(), "--library", str(folder)]
    _timed(argv, dict(env, **{hook: value}))  # warm the file cache, untimed
    ours, bare, peaks = [], [], []
    for _ in range(repeat):
        bare.append(_timed([sys.executable, "-c", BARE_QT], env)[0])
        seconds, peak = _timed(argv, dict(env, **{hook: value}))
        ours.append(seconds)
        peaks.append(peak)
    return {"startup_s": round(median(ours), 3), "bare_qt_s": round(median(bare), 3),
            "startup_peak_mb": round(max(peaks), 1)}  # fmt: skip


def measure(pages: int, *, fresh_reindex: bool = False) -> dict[str, Any]:
    folder, meta = library(f"scale-{pages}", pages, CASES, with_index=False)
    row: dict[str, Any] = {"pages": pages, "cases": CASES}
    if fresh_reindex or "scale_reindex" not in meta:
        log(f"scale {pages}: reindex (child process; memory and index.new sampled)")
        meta["scale_reindex"] = reindex(folder)
        (folder / "bench-meta.json").write_text(json.dumps(meta))
        log(f"scale {pages}: check after open, marks gone (a full walk)")
        row["check_walk"] = child("open-check", folder)
    else:
        row["check_walk"] = meta.get("scale_check_walk")
    meta["scale_check_walk"] = row["check_walk"]
    (folder / "bench-meta.json").write_text(json.dumps(meta))
    row.update(meta["scale_reindex"])
    log(f"scale {pages}: check after open, nothing changed")
    row["check_clean"] = child("open-check", folder)
    log(f"scale {pages}: search, {ROUNDS} rounds of {len(queries())} queries per engine")
    row["search"] = search(folder)
    log(f"scale {pages}: start-up")
    row.update(startup(folder))
    log(f"scale {pages}: case list of {CASES} cases")
    row["case_list"] = child("case-list", folder)
    row["at"] = time.strftime("%Y-%m-%d %H:%M")
    return row


def stored() -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(SCALE_JSON.read_text())
    except (OSError, ValueError):
        data = {}
    return data


def run(sizes: list[int], *, fresh_reindex: bool = False) -> dict[str, Any]:
    """Measure each size, merge into bench/scale.json, redraw bench/scale.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    data = stored()
    rows = data.setdefault("sizes", {})
    for pages in sizes:
        rows[str(pages)] = measure(pages, fresh_reindex=fresh_reindex)
        SCALE_JSON.write_text(json.dumps(data, indent=2) + "\n")
    from .scale_chart import draw

    draw(data, ROOT / "bench" / "scale.png")
    return data


def table(data: dict[str, Any]) -> str:
    """The sweep as a Markdown table (one row per size; Whoosh's search, all kinds)."""
    lines = [
        "| pages | search p50 / p95 ms (whoosh, all kinds) | index MB | reindex s | reindex "
        "peak MB | peak temp disk MB (x index) | start-up s (bare Qt) | start-up peak MB | "
        "open check: full walk s / MB | open check: no change s / MB (its parts) | "
        "case list 20,000 s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for _key, row in sorted(data.get("sizes", {}).items(), key=lambda kv: int(kv[0])):
        whole = row["search"]["whoosh"]["all"]
        walk = row.get("check_walk") or {}
        clean = row["check_clean"]
        lines.append(
            f"| {row['pages']:,} | {whole['p50']:,} / {whole['p95']:,} | {row['index_mb']:,} | "
            f"{row['reindex_s']:,} | {row['reindex_peak_mb']:,} | {row['temp_disk_mb']:,} "
            f"({row['temp_ratio']}x) | {row['startup_s']} ({row['bare_qt_s']}) | "
            f"{row['startup_peak_mb']} | {walk.get('seconds', '—')} / "
            f"{walk.get('added_mb', '—')} | {clean['seconds']} / {clean['added_mb']} "
            f"(index {clean.get('reconcile_s', '—')}, "
            f"quick_check {clean.get('quick_check_s', '—')}) | "
            f"{row['case_list']['load_s']} |"
        )
    lines += ["", "Search per query kind, p50 / p95 ms:", ""]
    sizes = sorted(data.get("sizes", {}).values(), key=lambda r: r["pages"])
    engines = sorted({name for r in sizes for name in r["search"]})
    header = " | ".join(f"{r['pages']:,} {name}" for name in engines for r in sizes)
    lines += [f"| kind | {header} |", "| --- |" + " --- |" * (len(engines) * len(sizes))]
    for kind, _text in [*queries(), ("all", "")]:
        cells = []
        for name in engines:
            for r in sizes:
                cell = r["search"].get(name, {}).get(kind)
                cells.append(f"{cell['p50']} / {cell['p95']}" if cell else "—")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
