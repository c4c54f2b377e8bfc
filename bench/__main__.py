"""``python -m bench {import,search,reindex,startup,ocr,eoir,court,all} [--json] [--repeat N]``;
``python -m bench scale --pages N [--pages M ...] [--reindex] [--json]`` (not in ``all``).

Every target is a ratio against a baseline run in the same process, in the
same run (the machine is shared and noisy), or an absolute memory/latency
limit. Prints a table (or JSON with ``--json``) and records the results in
``bench/RESULTS.md`` (and ``bench/results.json``, which it is built from).
See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from .common import ROOT, Target, log, machine

RESULTS_MD = ROOT / "bench" / "RESULTS.md"
RESULTS_JSON = ROOT / "bench" / "results.json"
SCALE_JSON = ROOT / "bench" / "scale.json"
ORDER = ("import", "search", "reindex", "startup", "ocr", "eoir", "court")


def _run(name: str, repeat: int | None) -> list[Target]:
    kwargs: dict[str, Any] = {} if repeat is None else {"repeat": repeat}
    if name == "import":
        from . import b_import

        return b_import.run(**kwargs)
    if name == "search":
        from . import b_search

        return b_search.run(**({"repeat": max(3, repeat)} if repeat else {}))
    if name == "reindex":
        from . import b_reindex

        return b_reindex.run(**kwargs)
    if name == "ocr":
        from . import b_ocr

        return b_ocr.run(**kwargs)
    if name == "court":
        from . import b_court

        return b_court.run(**kwargs)
    if name == "eoir":
        from . import b_eoir

        return b_eoir.run(**kwargs)
    from . import b_startup

    return b_startup.run(**kwargs)


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.3g}" if abs(value) < 10 else f"{value:,.1f}"


def table(results: dict[str, list[dict[str, Any]]], info: dict[str, Any]) -> str:
    lines = [
        f"machine: {info['cores']} cores, {info['cpu']}, {info['memory_gb']} GB, "
        f"Python {info['python']}",
        "",
        "| bench | target | value | baseline | ratio | goal | met | runs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for bench in ORDER:
        for t in results.get(bench, []):
            ratio = f"{t['ratio']:.2f}x" if t["ratio"] is not None else "—"
            lines.append(
                f"| {bench} | {t['name']} | {_fmt(t['value'])} {t['unit']} | "
                f"{_fmt(t['baseline'])} | {ratio} | {t['target']} | "
                f"{'yes' if t['met'] else 'NO'} | {t['runs']} |"
            )
    return "\n".join(lines)


def _machine(info: dict[str, Any]) -> str:
    return f"{info['cores']} cores, {info['cpu']}, {info['memory_gb']} GB, Python {info['python']}"


def machines(benches: dict[str, Any]) -> str:
    """The header's machine line; benches run on different machines say which ran where."""
    where: dict[str, list[str]] = {}
    for bench in ORDER:
        if bench in benches:
            where.setdefault(_machine(benches[bench]["machine"]), []).append(bench)
    if len(where) == 1:
        return f"machine: {next(iter(where))}"
    return "machines: " + "; ".join(f"{m} ({', '.join(b)})" for m, b in where.items())


def _load(entry: dict[str, Any]) -> str:
    load = entry.get("load")
    return f" (load {' / '.join(str(x) for x in load)})" if load else ""


def write_results(
    results: dict[str, list[dict[str, Any]]],
    info: dict[str, Any],
    loads: dict[str, list[float]] | None = None,
) -> None:
    """Merge ``results`` into results.json and rebuild RESULTS.md from it (``loads``: each
    bench's load average, 1 / 5 / 15 min, when it began; the machine is shared)."""
    stored: dict[str, Any] = {}
    if RESULTS_JSON.exists():
        try:
            stored = json.loads(RESULTS_JSON.read_text())
        except ValueError:
            stored = {}
    benches = stored.get("benches", {})
    when = time.strftime("%Y-%m-%d %H:%M")
    for bench, targets in results.items():
        benches[bench] = {"at": when, "machine": info, "targets": targets}
        if loads and bench in loads:
            benches[bench]["load"] = loads[bench]
    stored = {"benches": benches}
    RESULTS_JSON.write_text(json.dumps(stored, indent=2) + "\n")

    merged = {b: v["targets"] for b, v in benches.items()}
    latest = max(benches.values(), key=lambda v: v["at"])
    notes = []
    for bench in ORDER:
        for t in merged.get(bench, []):
            if t.get("note"):
                notes.append(f"- **{t['name']}**: {t['note']}")
            for kind, row in (t.get("extra") or {}).get("per_query_median", {}).items():
                more = (
                    f", tantivy {row['tantivy_ms']} ms, fair FTS5 {row['fair_fts5_ms']} ms"
                    if "tantivy_ms" in row
                    else ""
                )
                notes.append(
                    f"  - {kind}: caseorg {row['caseorg_ms']} ms, FTS5 {row['fts5_ms']} ms{more} "
                    f"(median; {row['documents']} / {row['fts5_documents']} documents)"
                )
            for side, row in (t.get("extra") or {}).get("p50_p95", {}).items():
                notes.append(f"  - {side}: p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms")
    runs = ", ".join(f"{b} {benches[b]['at']}{_load(benches[b])}" for b in ORDER if b in benches)
    sweep = ""
    if SCALE_JSON.exists():
        from .b_scale import stored, table as sweep_table

        sweep = (
            "\n## Scale sweep\n\n`python -m bench scale --pages N` (bench/b_scale.py; curves in "
            "bench/scale.png): generated libraries of 20,000 cases; the open check is what "
            "the app runs after opening (index reconcile + quick library check), once after a "
            "reindex (no marks: a full walk) and once with nothing changed.\n\n"
            + sweep_table(stored())
            + "\n"
        )
    by_hand = hand_written(RESULTS_MD.read_text() if RESULTS_MD.exists() else "")
    RESULTS_MD.write_text(
        "# Benchmark results\n\n"
        "Written by `python -m bench` (see bench/README.md); each value is the median of "
        "the runs shown, each baseline measured in the same process and run. Everything "
        "above the last section is rewritten on each run; write notes by hand in that "
        "section, below its marker line, and they are kept.\n\n"
        f"Runs (and the load average, 1 / 5 / 15 min, when each began): {runs}.\n\n"
        + "\n".join([machines(benches), *table(merged, latest["machine"]).splitlines()[1:]])
        + "\n\n## Notes\n\n"
        + "\n".join(notes)
        + "\n"
        + sweep
        + f"\n## Notes by hand\n\n{HAND_MARK}\n"
        + by_hand
    )


# RESULTS.md is rebuilt from results.json and scale.json on every run; what follows this
# line in it (explanations, before/after figures, the load a row was measured under) is
# written by people and carried over as it is.
HAND_MARK = "<!-- Written by hand below this line: python -m bench keeps it as it is. -->"


def hand_written(text: str) -> str:
    """The part of an existing RESULTS.md after :data:`HAND_MARK` ("" when none)."""
    _before, mark, after = text.partition(HAND_MARK)
    return after.lstrip("\n") if mark else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("bench", choices=[*ORDER, "all", "scale"])
    parser.add_argument(
        "--pages", type=int, action="append", help="scale: library size(s), e.g. 30000"
    )
    parser.add_argument("--reindex", action="store_true", help="scale: rebuild even if cached")
    parser.add_argument(
        "--engine", action="append", help="scale: only these engines (whoosh, tantivy, fair_fts5)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--repeat", type=int, help="runs per figure (default: per bench)")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    args = parser.parse_args(argv)
    info = machine()
    if args.bench == "scale":
        from . import b_scale

        data = b_scale.run(args.pages or [30_000], fresh_reindex=args.reindex, engines=args.engine)
        if not args.no_write:
            write_results({}, info)
        print(json.dumps(data, indent=2) if args.json else b_scale.table(data))
        return 0
    names = list(ORDER) if args.bench == "all" else [args.bench]
    started = time.perf_counter()
    results: dict[str, list[dict[str, Any]]] = {}
    loads: dict[str, list[float]] = {}
    for name in names:
        log(f"{name}: running")
        loads[name] = [round(x, 2) for x in os.getloadavg()]
        results[name] = [t.as_json() for t in _run(name, args.repeat)]
    elapsed = round(time.perf_counter() - started, 1)
    if not args.no_write:
        write_results(results, info, loads)
    if args.json:
        print(json.dumps({"machine": info, "seconds": elapsed, "results": results}, indent=2))
    else:
        print(table(results, info))
        print(f"\n({elapsed} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
