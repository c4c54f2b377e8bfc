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
import os
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


def whoosh(lib: Any, folder: Path) -> Any:
    """The default engine: the library's Whoosh index (opened and reconciled)."""
    from caseorg.search import index_of

    return index_of(lib)


def tantivy(lib: Any, folder: Path) -> Any:
    """caseorg's tantivy engine, its index built once beside the library (cached; the
    build's seconds and size land in the row as ``tantivy_build``)."""
    from .b_search import tantivy_index

    where = folder / "bench-tantivy" / "index"
    started = time.perf_counter()
    fresh = not (where.parent / "stamp").exists()
    index = tantivy_index(lib, folder, where)
    if fresh:
        BUILDS["tantivy"] = {"seconds": round(time.perf_counter() - started, 1),
                             "mb": round(folder_size(where) / 2**20, 1)}  # fmt: skip
    return index


class _Fair:
    """The fair FTS5 baseline asked as the search bench asks it (its MATCH per query)."""

    def __init__(self, lib: Any, folder: Path):
        from .fair_fts import FairFts, fair_database

        path = folder / "bench-fairfts.db"
        started = time.perf_counter()
        fresh = not path.exists()
        self.fair = FairFts(fair_database(folder, path))
        if fresh:
            BUILDS["fair_fts5"] = {"seconds": round(time.perf_counter() - started, 1),
                                   "mb": round(path.stat().st_size / 2**20, 1)}  # fmt: skip
        from .b_search import QUERIES

        self.rows = {row[1]: row for row in QUERIES}
        for _kind, _query, match, _c, _a in QUERIES:
            self.fair.match_text(match)  # the vocabulary read before the clock

    def search(self, text: str) -> list[dict]:
        _kind, _query, match, condition, args = self.rows[text]
        return self.fair.search(self.fair.match_text(match), condition, args)


# (name, open(lib, folder) -> an object with .search(text) returning document hits)
ENGINES: list[tuple[str, Callable[[Any], Any]]] = [
    ("whoosh", whoosh),
    ("tantivy", tantivy),
    ("fair_fts5", _Fair),
]
BUILDS: dict[str, dict[str, float]] = {}  # engine -> its one-time build (this run)
LOADS: dict[str, list[float]] = {}  # engine -> load average as its search began (this run)


def load_now() -> list[float]:
    """The load average (1 / 5 / 15 min): 2 cores shared, so each figure says how busy."""
    return [round(x, 2) for x in os.getloadavg()]


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
    """One measurement in a fresh process; a failure is kept in the row as ``error``
    (one line) rather than ending the run: a 1,000,000-page row is an hour's work."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.scale_child", mode, str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if out.returncode != 0:
        lines = [line for line in out.stderr.splitlines() if line.strip()] or ["no output"]
        log(f"bench.scale_child {mode} failed (exit {out.returncode}): {out.stderr[-800:]}")
        return {"error": f"exit {out.returncode}: {lines[-1][:200]}"}
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def search(
    folder: Path, rounds: int = ROUNDS, engines: list[str] | None = None
) -> dict[str, dict[str, dict[str, float]]]:
    """engine -> kind -> {p50, p95} in ms (rounds interleaved over the kinds)."""
    from caseorg.library import open_library

    found: dict[str, dict[str, dict[str, float]]] = {}
    with open_library(folder) as lib:
        for name, opener in ENGINES:
            if engines is not None and name not in engines:
                continue
            log(f"scale: {name} searching {folder.name}")
            LOADS[name] = load_now()
            engine = opener(lib, folder)
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
            close = getattr(engine, "close", None)
            if close is not None and name != "whoosh":  # whoosh's is the library's own
                close()
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


def measure(
    pages: int, *, fresh_reindex: bool = False, engines: list[str] | None = None
) -> dict[str, Any]:
    """One size. ``engines`` without whoosh (a 1,000,000-page run short of time): no
    Whoosh rebuild, and so no open check or start-up (both would build its index)."""
    folder, meta = library(f"scale-{pages}", pages, CASES, with_index=False)
    row: dict[str, Any] = {"pages": pages, "cases": CASES}
    row["load"] = load_now()
    with_whoosh = engines is None or "whoosh" in engines
    if with_whoosh and (fresh_reindex or "scale_reindex" not in meta):
        log(f"scale {pages}: reindex (child process; memory and index.new sampled)")
        meta["scale_reindex"] = reindex(folder)
        (folder / "bench-meta.json").write_text(json.dumps(meta))
        log(f"scale {pages}: check after open, marks gone (a full walk)")
        meta["scale_check_walk"] = child("open-check", folder)
        (folder / "bench-meta.json").write_text(json.dumps(meta))
    if with_whoosh:
        row["check_walk"] = meta.get("scale_check_walk")
        row.update(meta["scale_reindex"])
        # an open before this one leaves the marks the next check starts from (a walk
        # cached from an older run may not have): one open untimed, then the one measured
        log(f"scale {pages}: check after open, nothing changed")
        child("open-check", folder)
        row["check_clean"] = child("open-check", folder)
    log(f"scale {pages}: search, {ROUNDS} rounds of {len(queries())} queries per engine")
    BUILDS.clear()
    LOADS.clear()
    row["search"] = search(folder, engines=engines)
    row["search_load"] = dict(LOADS)
    builds = meta.setdefault("scale_builds", {})
    builds.update(BUILDS)
    (folder / "bench-meta.json").write_text(json.dumps(meta))
    row["builds"] = builds
    if with_whoosh:
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


def run(
    sizes: list[int], *, fresh_reindex: bool = False, engines: list[str] | None = None
) -> dict[str, Any]:
    """Measure each size, merge into bench/scale.json, redraw bench/scale.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    data = stored()
    for pages in sizes:
        row = measure(pages, fresh_reindex=fresh_reindex, engines=engines)
        data = stored()  # another run may have written meanwhile: merge into the newest
        rows = data.setdefault("sizes", {})
        old = rows.get(str(pages), {})
        if engines is not None:  # a partial run keeps what it did not measure
            row = {**old, **row, "search": {**old.get("search", {}), **row["search"]},
                   "search_load": {**old.get("search_load", {}), **row["search_load"]}}  # fmt: skip
        rows[str(pages)] = row
        SCALE_JSON.write_text(json.dumps(data, indent=2) + "\n")
    from .scale_chart import draw

    draw(data, ROOT / "bench" / "scale.png")
    return data


def _load(load: list[float] | None) -> str:
    return " / ".join(str(x) for x in load) if load else "—"


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "—" if value is None else f"{value:,}" if isinstance(value, int | float) else str(value)


OPEN_CHECK_NOTE = (
    "Open check verdict: *ok* = no problem; *ok\\** = the only problems are the stored "
    "files a generated library never writes (`missing_file`, one per document: genlib "
    "writes rows, not PDFs), which is expected and not a fault; *FAIL (kinds)* = anything "
    "else; nothing = no verdict recorded (a row from before the kinds were kept, whose "
    "`ok: false` was those missing files too, or a check that failed: its error is in "
    "scale.json)."
)


def verdict(check: dict[str, Any]) -> str:
    """The open check's answer in a table cell (see :data:`OPEN_CHECK_NOTE`)."""
    if not check or "problems" not in check:
        return ""
    if check.get("ok"):
        return " ok"
    if check.get("ok_but_generated"):
        return " ok\\*"
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(check["problems"].items()))
    return f" FAIL ({kinds})"


def table(data: dict[str, Any]) -> str:
    """The sweep as Markdown: one row per size (Whoosh's rebuild and the app's figures),
    the engines' one-time builds, then search p50 / p95 per kind and engine."""
    lines = [
        "| pages | search p50 / p95 ms (whoosh, all kinds) | index MB | reindex s | reindex "
        "peak MB | peak temp disk MB (x index) | start-up s (bare Qt) | start-up peak MB | "
        "open check: full walk s / MB | open check: no change s / MB (its parts) | "
        "case list 20,000 s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = sorted(data.get("sizes", {}).values(), key=lambda r: r["pages"])
    for row in rows:
        whole = row["search"].get("whoosh", {}).get("all")
        walk = row.get("check_walk") or {}
        clean = row.get("check_clean") or {}
        lines.append(
            f"| {row['pages']:,} | "
            + (f"{whole['p50']:,} / {whole['p95']:,}" if whole else "—")
            + f" | {_cell(row, 'index_mb')} | {_cell(row, 'reindex_s')} | "
            f"{_cell(row, 'reindex_peak_mb')} | {_cell(row, 'temp_disk_mb')} "
            f"({_cell(row, 'temp_ratio')}x) | {_cell(row, 'startup_s')} "
            f"({_cell(row, 'bare_qt_s')}) | {_cell(row, 'startup_peak_mb')} | "
            f"{walk.get('seconds', '—')} / {walk.get('added_mb', '—')}{verdict(walk)} | "
            f"{clean.get('seconds', '—')} / {clean.get('added_mb', '—')}{verdict(clean)} "
            f"(index {clean.get('reconcile_s', '—')}, "
            f"quick_check {clean.get('quick_check_s', '—')}) | "
            f"{(row.get('case_list') or {}).get('load_s', '—')} |"
        )
    lines += ["", OPEN_CHECK_NOTE]
    lines += ["", "One-time builds beside the library (tantivy index; fair FTS5 database), "
              "s / MB, and the machine's load average (1 / 5 / 15 min) when the size's last "
              "run began (its reindex, for a run with Whoosh) and as each engine's search "
              "began (rows from before this was kept: the run's load only):", "",
              "| pages | tantivy | fair FTS5 | load: last run began | load: search began "
              "| last run ended |", "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for row in rows:
        builds = row.get("builds") or {}
        cells = [
            f"{b['seconds']:,} / {b['mb']:,}" if (b := builds.get(name)) else "—"
            for name in ("tantivy", "fair_fts5")
        ]
        searched = "; ".join(
            f"{name} {_load(load)}" for name, load in (row.get("search_load") or {}).items()
        )
        lines.append(
            f"| {row['pages']:,} | " + " | ".join(cells)
            + f" | {_load(row.get('load'))} | {searched or '—'} | {row.get('at', '—')} |"
        )  # fmt: skip
    lines += ["", "Search per query kind, p50 / p95 ms:", ""]
    engines = [name for name, _o in ENGINES if any(name in r["search"] for r in rows)]
    header = " | ".join(f"{r['pages']:,} {name}" for name in engines for r in rows)
    lines += [f"| kind | {header} |", "| --- |" + " --- |" * (len(engines) * len(rows))]
    for kind, _text in [*queries(), ("all", "")]:
        cells = []
        for name in engines:
            for r in rows:
                cell = r["search"].get(name, {}).get(kind)
                cells.append(f"{cell['p50']} / {cell['p95']}" if cell else "—")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    if data.get("notes"):  # kept in scale.json: what a reader of the figures must know
        lines += ["", *(f"- {note}" for note in data["notes"])]
    return "\n".join(lines)
