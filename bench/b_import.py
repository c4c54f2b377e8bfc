"""Import of the AAO corpus: caseorg end to end against a plain pypdf loop.

caseorg: ``import_files`` into a fresh library (hash, store, extract in worker
processes, rows, index). Baseline: one process, ``PdfReader(f).pages[i].extract_text()``
over the same files, nothing else.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
import warnings
from pathlib import Path

from .common import OUT, Target, aao_files, log, median, ratio_target


def plain_loop(files: list[Path]) -> tuple[int, float]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    pages = 0
    for path in files:
        reader = PdfReader(path)
        for i in range(len(reader.pages)):
            reader.pages[i].extract_text()
            pages += 1
    return pages, time.perf_counter() - started


def caseorg_import(files: list[Path]) -> tuple[int, float]:
    from caseorg.importing import import_files
    from caseorg.library import open_library
    from caseorg.records import add_case

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-import-", dir=OUT))
    try:
        with open_library(folder / "library") as lib:
            case = add_case(lib, "A-200-000-000", "Bench Respondent")
            started = time.perf_counter()
            report = import_files(lib, case.id, files)
            seconds = time.perf_counter() - started
            if report.count("imported") != len(files):
                raise SystemExit(f"bench import went wrong: {report.summary()}")
            pages = sum(o.pages for o in report.outcomes)
        return pages, seconds
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(repeat: int = 3) -> list[Target]:
    files = aao_files()
    ours, plain = [], []
    for i in range(repeat):
        pages, seconds = plain_loop(files)
        plain.append(pages / seconds)
        log(f"import {i + 1}/{repeat}: plain pypdf loop {pages / seconds:.1f} pages/s")
        pages, seconds = caseorg_import(files)
        ours.append(pages / seconds)
        log(f"import {i + 1}/{repeat}: caseorg import {pages / seconds:.1f} pages/s")
    return [
        ratio_target(
            f"import throughput (AAO: {len(files)} PDFs, {pages} pages)",
            round(median(ours), 1),
            round(median(plain), 1),
            "pages/s",
            at_least=4.0,
            runs=repeat,
            note="end to end (hash, store, extract, rows, index) vs one-process pypdf loop",
        )
    ]
