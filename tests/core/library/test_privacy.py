"""Asylum records stay private: what caseorg tells the user or logs never quotes a document."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from caseorg.demo.pdfmake import build_pdf
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.search.handle import index_of

SECRET = "Kestrelwood persecution testimony"


def _variants(folder: Path) -> list[Path]:
    """The same confidential text as a good PDF and as several broken ones."""
    folder.mkdir()
    good = build_pdf([[f"{SECRET}, page {n}."] for n in range(1, 4)])
    variants = {
        "good.pdf": good,
        "truncated.pdf": good[: len(good) // 2],
        "no_header.pdf": good.replace(b"%PDF-", b"%XYZ-", 1),
        "garbled_xref.pdf": good.replace(b"xref", b"xrfe"),
        "garbled_stream.pdf": good.replace(b"stream", b"strea", 2),
    }
    paths = []
    for name, data in variants.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def test_messages_and_log_never_quote_document_text(lib, case, tmp_path: Path) -> None:
    files = _variants(tmp_path / "in")
    report = import_files(lib, case.id, files, workers=1)
    assert report.count("imported") >= 1
    for outcome in report.outcomes:
        assert "Kestrelwood" not in (outcome.message or ""), outcome

    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "caseorg.cli",
            "--library",
            str(lib.path.parent / "cli-lib"),
            "case",
            "add",
            "--a-number",
            "A-987-654-321",
            "--respondent",
            "R",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "caseorg.cli",
            "--library",
            str(lib.path.parent / "cli-lib"),
            "import",
            "A987654321",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert "Kestrelwood" not in result.stdout + result.stderr
    logs = [p for p in tmp_path.rglob("*.log")]
    for log in logs:
        assert "Kestrelwood" not in log.read_text(errors="replace")


def test_every_library_path_is_private(tmp_path: Path) -> None:
    files = _variants(tmp_path / "in")
    with open_library(tmp_path / "library") as lib:
        case = add_case(lib, "A-111-222-333", "Private Person")
        import_files(lib, case.id, files, workers=1)
        index_of(lib).search("Kestrelwood")
    for path in [tmp_path / "library", *(tmp_path / "library").rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is readable by others ({oct(mode)})"
