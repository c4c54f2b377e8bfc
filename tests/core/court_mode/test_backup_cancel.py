"""A cancelled backup (the app's Cancel) leaves nothing behind, whichever step it stops
at: no archive, no partial archive beside it, no scratch copy of the records — on a court
library (its snapshot copied into a scratch folder, then archived) and on a folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.errors import Cancelled
from caseorg.importing.pipeline import import_files
from caseorg.progress import Progress
from caseorg.records import add_case
from caseorg.upkeep import backup_library
from caseorg.upkeep.court_backup import backup_court


def _fill(lib: Any, tmp_path: Path) -> None:
    case = add_case(lib, "A-123-456-789", "Ana Lopez")
    pdfs = [make_pdf(tmp_path / f"exhibit{n}.pdf", [f"Exhibit {n}."]) for n in range(4)]
    assert import_files(lib, case.id, pdfs, workers=1).count("imported") == 4


def _left(dest: Path) -> list[Path]:
    scratch = Path(tempfile.gettempdir()).glob(f"caseorg-backup-{os.getpid()}-*")
    return [*dest.parent.glob(f".{dest.stem}.*"), *scratch, *([dest] if dest.exists() else [])]


@pytest.mark.parametrize("stop_at", ["Copying cases", "Verifying pages", "2 of 4 files"])
def test_a_court_backup_cancelled_at_any_step_leaves_nothing(
    court_lib: Any, tmp_path: Path, stop_at: str
) -> None:
    _fill(court_lib, tmp_path)
    dest = tmp_path / "out" / "court.zip"
    seen: list[str] = []

    def progress(report: Progress) -> None:
        seen.append(report.text)

    def cancelled() -> bool:
        return any(text.startswith(stop_at) for text in seen)

    with pytest.raises(Cancelled, match="^the backup was cancelled: no backup was written$"):
        backup_court(court_lib, dest, progress, cancelled)
    assert any(text.startswith(stop_at) for text in seen)
    assert _left(dest) == []
    assert not court_lib.db.in_transaction
    manifest = backup_court(court_lib, dest)  # and the next backup is whole
    assert len(manifest["entries"]) == 5 and _left(dest) == [dest]


def test_a_folder_backup_cancelled_between_files_leaves_nothing(lib: Any, tmp_path: Path) -> None:
    _fill(lib, tmp_path)
    dest = tmp_path / "folder.zip"
    seen: list[str] = []
    with pytest.raises(Cancelled):
        backup_library(lib, dest, lambda p: seen.append(p.text), lambda: len(seen) >= 2)
    assert seen == ["1 of 4 files", "2 of 4 files"] and _left(dest) == []
