"""A backup holds every asylum and removal record of the library: it is private (0600),
and so is every file written on the way (the partial archive, the database snapshot)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import common_umask

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.importing.pipeline import import_files
from caseorg.library import LAST_BACKUP_FILE
from caseorg.progress import Progress
from caseorg.upkeep.backup import backup_library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask(lib) -> Iterator[None]:
    """Set after the library is open, as in ``caseorg backup`` (a read-only open)."""
    with common_umask():
        yield


def test_backup_and_everything_written_on_the_way_is_private(
    lib, case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_text_pdf(tmp_path / "brief.pdf", paragraphs=["a well-founded fear of persecution"])
    assert import_files(lib, case.id, [tmp_path / "brief.pdf"]).count("imported") == 1
    scratch = tmp_path / "scratch"  # where the database snapshot is made
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out"
    out.mkdir()
    seen: dict[str, int] = {}

    def look(_progress: Progress) -> None:  # called while the archive is being written
        for path in [*out.iterdir(), *scratch.rglob("*")]:
            if path.is_file():
                seen[path.name] = mode_of(path)

    backup_library(lib, out / "b.zip", progress=look)
    assert any(name.endswith(".part.zip") for name in seen), seen
    assert any(name == "caseorg.db" for name in seen), seen
    assert all(mode == 0o600 for mode in seen.values()), seen
    assert mode_of(out / "b.zip") == 0o600
    assert mode_of(lib.path / LAST_BACKUP_FILE) == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["b.zip"]


def test_an_existing_world_readable_backup_is_replaced_by_a_private_one(
    lib, case, tmp_path: Path
) -> None:
    target = tmp_path / "b.zip"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    backup_library(lib, target)
    assert mode_of(target) == 0o600
