"""Shared pieces: results, medians, the machine, peak memory of a process tree."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def corpus_dir() -> Path:
    """$CASEORG_CORPUS (default ../shared/corpus, as in the README's set-up)."""
    value = os.environ.get("CASEORG_CORPUS") or "../shared/corpus"
    path = Path(value)
    if not path.is_absolute():
        path = (ROOT / path).resolve()
    return path


def aao_files() -> list[Path]:
    folder = corpus_dir() / "aao"
    files = sorted(folder.glob("*.pdf"))
    if not files:
        sys.exit(f"no AAO corpus at {folder}: set CASEORG_CORPUS (see bench/README.md)")
    return files


@dataclass
class Target:
    """One figure with its target. ``ratio`` is value/baseline when there is a baseline."""

    name: str
    value: float
    unit: str
    target: str  # e.g. ">= 1.7x", "<= 2.0x", "<= 500 MB"
    baseline: float | None = None
    ratio: float | None = None
    met: bool = False
    runs: int = 1
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def ratio_target(
    name: str,
    value: float,
    baseline: float,
    unit: str,
    *,
    at_least: float | None = None,
    at_most: float | None = None,
    runs: int = 1,
    note: str = "",
) -> Target:
    ratio = value / baseline if baseline else float("inf")
    if at_least is not None:
        target, met = f">= {at_least:g}x", ratio >= at_least
    else:
        assert at_most is not None
        target, met = f"<= {at_most:g}x", ratio <= at_most
    return Target(name, value, unit, target, baseline, round(ratio, 3), met, runs, note)


def limit_target(
    name: str, value: float, limit: float, unit: str, *, runs: int = 1, note: str = ""
) -> Target:
    return Target(name, value, unit, f"<= {limit:g} {unit}", None, None, value <= limit, runs, note)


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> dict[str, Any]:
    mem_total = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_total = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": mem_total,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants (Linux /proc), in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


class PeakMemory:
    """Samples the summed RSS of a process and its workers every 50 ms (a thread)."""

    def __init__(self, pid: int | None = None, every: float = 0.05):
        self.pid = pid or os.getpid()
        self.every = every
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb(self.pid))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _tree_rss_mb(self.pid))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
