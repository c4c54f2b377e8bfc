"""Generated libraries: real AAO page texts, varied so pages differ but phrases survive.

Rows go straight into ``cases``, ``documents`` and ``pages`` (no audit rows, no
PDFs: the search, reindex and startup benches read only these), then the index
is built with ``SearchIndex.rebuild`` in a child process whose peak memory is
the 100,000-page reindex figure. Libraries are cached under ``bench/out/`` and
rebuilt when :data:`GEN_VERSION` or the index schema changes.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from caseorg.records import DOC_TYPES
from caseorg.search import COMPOUND, INDEX_SCHEMA_VERSION

from .common import OUT, PeakMemory, aao_files, log

GEN_VERSION = 1
FIRST = tuple(
    [
        "Ana",
        "Luis",
        "Maria",
        "Jose",
        "Fatima",
        "Omar",
        "Mei",
        "Arjun",
        "Sofia",
        "Daniel",
        "Amina",
        "Carlos",
        "Elena",
        "Yusuf",
        "Grace",
        "Dmitri",
        "Lucia",
        "Samuel",
        "Nadia",
        "Ivan",
    ]
)
LAST = tuple(
    [
        "Lopez",
        "Garcia",
        "Nguyen",
        "Haddad",
        "Okafor",
        "Singh",
        "Kowalski",
        "Mendez",
        "Chen",
        "Rahman",
        "Diaz",
        "Petrov",
        "Mensah",
        "Alvarez",
        "Kim",
        "Torres",
        "Ali",
        "Cruz",
    ]
)
_SENTENCE = re.compile(r"(?<=[.;:])\s+")
_NUMBER = re.compile(r"\b\d{4,}\b")


def aao_pages() -> dict[str, list[str]]:
    """The import's text of every AAO page (extracted once, two worker processes, cached;
    PDFium's since issue 15: a cache from before keeps pypdf's)."""
    cache = OUT / "aao_pages.json"
    files = aao_files()
    if cache.exists():
        data: dict[str, list[str]] = json.loads(cache.read_text())
        if sorted(data) == sorted(f.name for f in files):
            return data
    from caseorg.importing import ExtractionPool

    log("extracting the AAO corpus once (cached in bench/out/aao_pages.json)")
    data = {}
    with ExtractionPool(2, timeout=120) as pool:
        tasks = ((f.name, str(f), None) for f in files)
        for name, result in pool.imap_unordered(tasks):
            data[name] = result.pages
    OUT.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(data))
    return data


def vary(text: str, rng: random.Random, heading: str) -> str:
    """Drop and swap a few sentences, renumber long numbers, add a heading line."""
    sentences = _SENTENCE.split(text)
    kept = [s for s in sentences if rng.random() > 0.08] or sentences[:1]
    if len(kept) > 3 and rng.random() < 0.6:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    body = " ".join(kept)
    body = _NUMBER.sub(lambda m: str(rng.randrange(1000, 99_999_999)), body)
    return f"{heading}\n{body}"


def _meta_ok(folder: Path, pages: int, cases: int) -> dict[str, Any] | None:
    meta_path = folder / "bench-meta.json"
    try:
        meta: dict[str, Any] = json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return None
    wanted = {"gen": GEN_VERSION, "index": INDEX_SCHEMA_VERSION, "pages": pages, "cases": cases,
              "compound": COMPOUND}  # fmt: skip
    if any(meta.get(k) != v for k, v in wanted.items()):
        return None
    return meta


def library(name: str, pages: int, cases: int, *, with_index: bool = True) -> tuple[Path, dict]:
    """The cached generated library ``bench/out/<name>`` (built if missing or stale)."""
    folder = OUT / name
    meta = _meta_ok(folder, pages, cases)
    if meta is not None and not meta.get("stored_files"):
        meta["stored_files"] = lay_out_store(folder)
        (folder / "bench-meta.json").write_text(json.dumps(meta))
    if meta is not None and (meta.get("indexed") or not with_index):
        return folder, meta
    if meta is None:
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        log(f"generating {name}: {pages} pages, {cases} cases")
        _write_rows(folder, pages, cases)
        meta = {"gen": GEN_VERSION, "index": INDEX_SCHEMA_VERSION, "pages": pages,
                "cases": cases, "compound": COMPOUND,
                "generated_s": round(time.perf_counter() - started, 1),
                "stored_files": lay_out_store(folder)}  # fmt: skip
    if with_index:
        log(f"indexing {name} with SearchIndex.rebuild (child process, memory sampled)")
        meta["reindex"] = reindex_in_child(folder)
        meta["indexed"] = True
    (folder / "bench-meta.json").write_text(json.dumps(meta))
    return folder, meta


def lay_out_store(folder: Path) -> int:
    """An empty stored file for each document's hash, where a real import puts the PDF:
    the check after opening then walks a store the size of a real one (the quick check
    does not hash; ``caseorg check`` would say every one is damaged). How many."""
    from caseorg.library import open_library

    with open_library(folder) as lib:
        hashes = [h for (h,) in lib.conn.execute("SELECT DISTINCT sha256 FROM documents")]
        for digest in hashes:
            path = lib.store.path_for(digest)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
    return len(hashes)


def reindex_in_child(folder: Path) -> dict[str, float]:
    """``SearchIndex.rebuild`` of ``folder`` in a child process: seconds, pages, peak MB."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.reindex_child", str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    with PeakMemory(proc.pid) as peak:
        out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"reindex of {folder} failed (exit {proc.returncode})")
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = round(peak.peak, 1)
    return result


def _write_rows(folder: Path, total_pages: int, n_cases: int) -> None:
    from caseorg.library import open_library

    rng = random.Random(20260314 + total_pages)
    sources = [(name, texts) for name, texts in sorted(aao_pages().items()) if any(texts)]
    now = "2026-01-05 09:00:00"
    with open_library(folder) as lib:
        conn = lib.db.conn
        with lib.db.atomic():
            conn.executemany(
                "INSERT INTO judges (code, name, court) VALUES (?, ?, ?)",
                [(f"J{i:02d}", f"Judge {rng.choice(LAST)} {i}", "SF") for i in range(12)],
            )
            cases = []
            for i in range(n_cases):
                a_number = f"{200_000_000 + i * 37:09d}"
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
                cases.append((i + 1, a_number, name))
            conn.executemany(
                "INSERT INTO cases (id, a_number, respondent, judge_id, status, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        cid,
                        a,
                        n,
                        1 + cid % 12,
                        rng.choice(("pending", "pending", "completed")),
                        now,
                        now,
                    )
                    for cid, a, n in cases
                ],  # fmt: skip
            )
            written = 0
            doc_id = 0
            start_day = date(2018, 1, 1)
            while written < total_pages:
                cid, a_number, name = cases[doc_id % n_cases]
                doc_id += 1
                src_name, texts = rng.choice(sources)
                texts = [t for t in texts if t.strip()][: total_pages - written]
                dashed = f"{a_number[:3]}-{a_number[3:6]}-{a_number[6:]}"
                heading = f"In the matter of {name}, A-{dashed}"
                pages = [vary(t, rng, heading) for t in texts]
                doc_type = rng.choice(DOC_TYPES)
                filed = (start_day + timedelta(days=rng.randrange(8 * 365))).isoformat()
                conn.execute(
                    "INSERT INTO documents (id, case_id, sha256, title, doc_type, filed_on,"
                    " page_count, bytes, original_name, text_status, imported_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?)",
                    [
                        doc_id,
                        cid,
                        hashlib.sha256(str(doc_id).encode()).hexdigest(),
                        f"{doc_type.replace('_', ' ')} {Path(src_name).stem.replace('__', ' ')}",
                        doc_type,
                        filed,
                        len(pages),
                        1000 * len(pages),
                        src_name,
                        now,
                    ],  # fmt: skip
                )
                conn.executemany(
                    "INSERT INTO pages (document_id, page_no, text) VALUES (?, ?, ?)",
                    [(doc_id, n, text) for n, text in enumerate(pages, start=1)],
                )
                written += len(pages)
