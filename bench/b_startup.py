"""Startup of the app on a big library, and the UI thread's longest stall during an import.

Startup: wall time from starting ``caseorg --library DIR`` (with
``CASEORG_QUIT_WHEN_READY=1``: quit once the window is shown and the case list
filled) to its exit, against a bare PySide6 process that shows an empty
QMainWindow and quits, measured the same way. Peak memory is the app
process's maximum RSS (``wait4``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .common import OUT, ROOT, Target, aao_files, limit_target, log, median, ratio_target
from .genlib import library

BARE_QT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    xdg = OUT / "xdg"
    env["XDG_CONFIG_HOME"] = str(xdg / "config")  # the app's settings stay in bench/out
    env["XDG_DATA_HOME"] = str(xdg / "data")
    env.pop("CASEORG_QUIT_AFTER_MS", None)
    # an installed caseorg has its bytecode (pip compiles it at install; Python writes it
    # on the first run): without this, a shell with PYTHONDONTWRITEBYTECODE=1 (this CI
    # machine's) times the compiling of every module on every start (~80 ms)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# Runs one process and reports its time and peak RSS. A small launcher, because a child
# started straight from the (large) bench process inherits its high-water RSS at exec.
LAUNCHER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_pid, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - started
err = proc.stderr.read().decode(errors="replace")[-500:]
print(json.dumps({"seconds": seconds, "maxrss_mb": usage.ru_maxrss / 1024,
                  "code": os.waitstatus_to_exitcode(status), "stderr": err}))
"""


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from start to exit, peak RSS in MB) of one process."""
    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv], env=env, capture_output=True, text=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({result['code']}): {result['stderr']}")
    return result["seconds"], result["maxrss_mb"]


def caseorg_command() -> list[str]:
    script = Path(sys.executable).with_name("caseorg")
    if script.exists():
        return [str(script)]
    found = shutil.which("caseorg")
    return [found] if found else [sys.executable, "-m", "caseorg.cli"]


def quit_hook() -> tuple[str, str, str]:
    """The env hook that quits when the window is ready (or the stand-in, noted)."""
    app_source = (ROOT / "ui" / "app.py").read_text()
    if "CASEORG_QUIT_WHEN_READY" in app_source:
        return "CASEORG_QUIT_WHEN_READY", "1", ""
    return "CASEORG_QUIT_AFTER_MS", "0", "CASEORG_QUIT_WHEN_READY missing: CASEORG_QUIT_AFTER_MS=0"


def compile_sources() -> None:
    """Byte-compile the app, as installing it does: pip writes .pyc files, but an editable
    install run with PYTHONDONTWRITEBYTECODE=1 (as on these machines) never gets them, and
    every start would compile the sources again (~150 ms) — a cost no clerk pays."""
    import compileall

    for package in ("caseorg", "ui", "resources"):
        compileall.compile_dir(ROOT / package, quiet=1)


def run_startup(repeat: int = 15) -> list[Target]:
    folder, _meta = library("lib100k", 100_000, 10_000)
    compile_sources()
    env = _env()
    hook, value, hook_note = quit_hook()
    app_env = dict(env, **{hook: value})
    argv = [*caseorg_command(), "--library", str(folder)]
    _timed(argv, app_env)  # warm the OS file cache for both, untimed
    _timed([sys.executable, "-c", BARE_QT], env)
    ours, bare, peaks = [], [], []
    for i in range(repeat):
        seconds, _peak = _timed([sys.executable, "-c", BARE_QT], env)
        bare.append(seconds)
        seconds, peak = _timed(argv, app_env)
        ours.append(seconds)
        peaks.append(peak)
        log(f"startup {i + 1}/{repeat}: caseorg {ours[-1]:.2f} s, bare Qt {bare[-1]:.2f} s")
    note = "10,000 cases, 100,000 pages; process start to exit once ready; sources byte-compiled"
    return [
        ratio_target(
            "startup time (10,000 cases, 100,000 pages)",
            round(median(ours), 3),
            round(median(bare), 3),
            "s",
            at_most=1.5,
            runs=repeat,
            note=note + (f"; {hook_note}" if hook_note else ""),
        ),
        limit_target(
            "startup peak memory",
            round(max(peaks), 1),
            400,
            "MB",
            runs=repeat,
            note="max RSS of the app process (wait4), worst run; each run: "
            + ", ".join(f"{p:.0f}" for p in peaks)
            + " MB",
        ),
    ]


def run_stall(repeat: int = 1) -> list[Target]:
    aao_files()
    stalls, methods = [], set()
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-m", "bench.stall"],
            env=_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            raise SystemExit(f"bench.stall failed: {out.stderr[-800:]}")
        result = json.loads(out.stdout.strip().splitlines()[-1])
        stalls.append(result["max_stall_ms"])
        methods.add(result["method"])
        log(f"stall: longest UI-thread gap {result['max_stall_ms']:.1f} ms ({result['method']})")
    return [
        limit_target(
            "longest UI stall during an AAO import",
            round(max(stalls), 1),
            100,
            "ms",
            runs=repeat,
            note="10 ms QTimer heartbeat; import via " + ", ".join(sorted(methods)),
        )
    ]


def run(repeat: int = 15) -> list[Target]:
    return run_startup(repeat) + run_stall()
