"""Facts about a library folder that need no opening: is there a library here?"""

from __future__ import annotations

from pathlib import Path

from caseorg.library.folder import is_library, open_library


def test_is_library_says_whether_a_folder_holds_one(tmp_path: Path) -> None:
    assert not is_library(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    assert not is_library(tmp_path / "plain")
    with open_library(tmp_path / "library"):
        pass
    assert is_library(tmp_path / "library")
