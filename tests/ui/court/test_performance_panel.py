"""The dashboard's performance measures: the hand-made court of the core test, each
measure's cases one click away."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.court.test_performance import build

from caseorg.library.folder import open_library
from caseorg_ui.court.dashboard import Dashboard


def test_the_dashboard_shows_the_measures(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "lib"
    with open_library(path) as lib:
        build(lib)
    reader = open_library(path, read_only=True)
    try:
        board = Dashboard(reader, today=dt.date(2026, 9, 30))
        qtbot.addWidget(board)
        board.resize(1300, 1000)
        board.show()
        board.set_judge("HAL")
        panel = board.performance
        model = panel.model
        rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
        assert rows[0][1:] == ["4", "10 a year; under 8 unsatisfactory", "unsatisfactory"]
        assert rows[3][1] == "50% of 2" and rows[3][3] == "unsatisfactory"
        assert rows[5][1] == "0 of 1 (0%)"  # non-detained within 10 days
        panel.show_cases(model.index(5, 0))
        assert panel.cases.item(0, 0).text() == "A-400-000-002, 15 days — missed"
        board.grab().save(str(tmp_path / "dashboard.png"))
        with qtbot.waitSignal(panel.caseActivated) as opened:
            panel.cases.itemActivated.emit(panel.cases.item(0, 0))
        assert isinstance(opened.args[0], int)
    finally:
        reader.close()
