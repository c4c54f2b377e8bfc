"""Files written outside the library are private (0600) and appear whole, or not at all."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import common_umask

from caseorg.errors import CaseorgError
from caseorg.private_files import private_file, write_private

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    with common_umask():
        yield


def test_text_and_bytes_are_written_private(tmp_path: Path) -> None:
    text = write_private(tmp_path / "summary.html", "<p>Ana</p>")
    assert text.read_text(encoding="utf-8") == "<p>Ana</p>" and mode_of(text) == 0o600
    data = write_private(tmp_path / "x.bin", b"\x00\x01")
    assert data.read_bytes() == b"\x00\x01" and mode_of(data) == 0o600
    csv = write_private(tmp_path / "x.csv", "a,b\r\n1,2\r\n", newline="")
    assert csv.read_bytes() == b"a,b\r\n1,2\r\n"


def test_an_open_file_at_the_target_is_replaced_by_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "docket.html"
    target.write_text("old")
    os.chmod(target, 0o644)
    write_private(target, "new")
    assert target.read_text() == "new" and mode_of(target) == 0o600


def test_the_partial_file_is_private_while_it_is_written(tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    with private_file(target) as partial:
        assert partial.parent == tmp_path and partial != target
        assert mode_of(partial) == 0o600
        partial.write_bytes(b"half")
        assert not target.exists()
    assert target.read_bytes() == b"half" and mode_of(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.zip"]


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("previous")
    with pytest.raises(RuntimeError), private_file(target) as partial:
        partial.write_text("half")
        raise RuntimeError("disk trouble")
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_missing_folder_or_a_folder_as_target_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CaseorgError, match="does not exist"):
        write_private(tmp_path / "missing" / "x.html", "x")
    with pytest.raises(CaseorgError, match="is a folder"):
        write_private(tmp_path, "x")
