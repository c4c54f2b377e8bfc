"""The window's and the operations' modules keep the house rules: they run no SQL (they
call the core), they reach Qt only through caseorg_ui.qt, and each stays small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[3] / "ui"
MODULES = sorted(
    [*UI.joinpath("window").glob("*.py"), *UI.joinpath("operations").glob("*.py")]
    + [UI / "app.py", UI / "screenshots.py"]
)
SQL = re.compile(
    r"\.(execute|executemany|query)\(|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b"
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_sql_no_direct_qt_and_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert not SQL.search(source), "the GUI calls core functions, never the database"
    assert not re.search(r"^\s*(from|import) PySide6", source, re.M), "import Qt from caseorg_ui.qt"
    assert len(source.splitlines()) <= 600
