"""OCR of scanned pages: caseorg's queue end to end against a plain `tesseract` loop.

Scans are made from AAO pages as the tests make them (rendered, turned, blurred,
speckled, JPEG). caseorg: ``run_ocr`` on a library holding them — render in the
workers, recognise, store each page, index — timed alone (the import is not).
Baseline: one process running ``tesseract IMAGE stdout -l eng+spa tsv`` (one thread)
over the same pages already rendered at the same resolution, one after another. Peak RSS of the
process and its workers (and their tesseract) is sampled during caseorg's run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import (
    OUT,
    ROOT,
    PeakMemory,
    Target,
    aao_files,
    limit_target,
    log,
    median,
    ratio_target,
)

SCANS = 6  # AAO files; two pages each
PAGES_PER_SCAN = 2
LANG = "eng+spa"


def make_scans(folder: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    from ocr_scans import make_scan

    files = [f for f in aao_files() if _page_count(f) >= PAGES_PER_SCAN][:SCANS]
    scans = []
    for number, source in enumerate(files):
        target = folder / f"scan{number}.pdf"
        make_scan(source, list(range(PAGES_PER_SCAN)), target, seed=number)
        scans.append(target)
    return scans


def _page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def rendered_pages(scans: list[Path], folder: Path) -> list[Path]:
    """Each scan page rendered as caseorg renders it (grayscale, its DPI), as PNG files."""
    import pypdfium2

    from caseorg.importing.ocrengine import DEFAULT_DPI, render_scale

    images = []
    for scan in scans:
        document = pypdfium2.PdfDocument(str(scan))
        for index in range(len(document)):
            page = document[index]
            scale = render_scale(*page.get_size(), DEFAULT_DPI)
            path = folder / f"{scan.stem}-{index}.png"
            page.render(scale=scale, grayscale=True).to_pil().save(path)
            images.append(path)
        document.close()
    return images


def plain_loop(tesseract: str, images: list[Path]) -> tuple[int, float]:
    # one OpenMP thread, as caseorg runs it: Debian's OpenMP build with its default
    # threads ran 4x slower than this on the shared, loaded machine (measured)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    for image in images:
        subprocess.run(
            [tesseract, str(image), "stdout", "-l", LANG, "tsv"],
            capture_output=True,
            check=True,
            env=env,
        )
    return len(images), time.perf_counter() - started


def caseorg_ocr(scans: list[Path]) -> tuple[int, float, float]:
    from caseorg.importing import import_files, run_ocr
    from caseorg.library import open_library
    from caseorg.records import add_case

    folder = Path(tempfile.mkdtemp(prefix="bench-ocr-", dir=OUT))
    try:
        with open_library(folder / "library") as lib:
            case = add_case(lib, "A-200-000-001", "Bench Respondent")
            import_files(lib, case.id, scans)
            with PeakMemory() as memory:
                started = time.perf_counter()
                report = run_ocr(lib, lang=LANG)
                seconds = time.perf_counter() - started
            if report.failed or report.remaining:
                raise SystemExit(f"bench ocr went wrong: {report.summary()}")
        return report.done, seconds, memory.peak
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(repeat: int = 2) -> list[Target]:
    from caseorg.importing import check_engine

    tesseract = check_engine(LANG)
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-ocr-scans-", dir=OUT))
    try:
        scans = make_scans(work)
        images = rendered_pages(scans, work)
        ours, plain, peaks = [], [], []
        for i in range(repeat):
            pages, seconds = plain_loop(tesseract, images)
            plain.append(pages / seconds)
            log(f"ocr {i + 1}/{repeat}: plain tesseract loop {pages / seconds:.2f} pages/s")
            pages, seconds, peak = caseorg_ocr(scans)
            ours.append(pages / seconds)
            peaks.append(peak)
            log(f"ocr {i + 1}/{repeat}: caseorg {pages / seconds:.2f} pages/s, {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        ratio_target(
            f"OCR throughput ({len(images)} scanned AAO pages)",
            round(median(ours), 2),
            round(median(plain), 2),
            "pages/s",
            at_least=1.8,
            runs=repeat,
            note="render + recognise + store + index, vs sequential tesseract on rendered pages",
        ),
        limit_target(
            "OCR peak RSS (process + workers)", round(max(peaks)), 1500, "MB", runs=repeat
        ),
    ]
