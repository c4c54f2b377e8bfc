"""The "Court patterns" tab of the reassignment report: the judges' figures, every move,
a figure's cases one click away, and the PDF it prints."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.court.test_reassignment_patterns import build

from caseorg.library.folder import open_library
from caseorg_ui.court.reassignment_report_view import ReassignmentReportView


def test_the_court_patterns_tab(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "lib"
    with open_library(path) as lib:
        build(lib)
    reader = open_library(path, read_only=True)
    try:
        view = ReassignmentReportView(reader)
        qtbot.addWidget(view)
        view.resize(1400, 520)
        view.tabs.setCurrentIndex(1)
        view.show()
        patterns = view.patterns
        patterns.court.setCurrentIndex(patterns.court.findData("Philadelphia"))
        patterns.set_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
        judges = patterns.judges
        cells = [
            [judges.index(r, c).data() for c in range(judges.columnCount())]
            for r in range(judges.rowCount())
        ]
        assert cells == [["PHL", "2", "0", "1", "0"], ["VIS", "0", "2", "0", "1"]]
        assert patterns.moves.rowCount() == 2
        first = [patterns.moves.index(0, c).data() for c in range(patterns.moves.columnCount())]
        assert first[2] == "A-200-000-001" and "continued to verify notice" in first[8]
        assert first[9] == "2"
        view.grab().save(str(tmp_path / "patterns.png"))
        # the notice figure's one case, one click away
        patterns.show_figure(judges.index(0, 3))
        assert patterns.moves.rowCount() == 1
        with qtbot.waitSignal(view.caseActivated) as opened:
            patterns._activate(patterns.moves.index(0, 0))
        assert opened.args == [lib_case_id(reader, "200000001")]
        pdf = patterns.export(tmp_path / "p.pdf")
        assert pdf.read_bytes()[:4] == b"%PDF"
        assert "after_notice_continuance" in patterns.export(tmp_path / "p.csv").read_text()
    finally:
        reader.close()


def lib_case_id(lib: Any, a_number: str) -> int:
    from caseorg.records import case_by_a_number

    return case_by_a_number(lib, a_number).id
