"""The reassignment report view: rows for a judge and period, the in absentia flag,
PDF and CSV export (read back), and opening a case."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

import pytest
from fixtures_court_ui import Court, court_fixture, court_template_fixture  # noqa: F401
from helpers import common_umask
from pypdf import PdfReader
from PySide6.QtCore import Qt

from caseorg_ui.court.reassignment_report_view import (
    COLUMNS,
    IN_ABSENTIA,
    RESPONDENT,
    WARNING_BACKGROUND,
    CaseIdRole,
    ReassignmentReportView,
)


@pytest.fixture
def view(qtbot: Any, court: Court) -> ReassignmentReportView:
    widget = ReassignmentReportView(court.reader)
    qtbot.addWidget(widget)
    widget.resize(1400, 400)
    widget.show()
    widget.set_judge("JRM")
    widget.set_period(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    return widget


def table(view: ReassignmentReportView) -> list[dict[str, str]]:
    model = view.model
    return [
        {COLUMNS[c]: model.data(model.index(r, c)) for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def test_rows_for_a_judge_and_period(
    qtmodeltester: Any, view: ReassignmentReportView, court: Court
) -> None:
    qtmodeltester.check(view.model)
    rows = table(view)
    assert [(r["Direction"], r["Respondent"]) for r in rows] == [
        ("Given to", "Bo Chen"),
        ("Taken from", "Carla Diaz"),
    ]
    bo, carla = rows
    assert bo["Effective"] == "02/10/2025"
    assert bo["Other judge"] == "Daniel K. Okafor (DKO)"
    assert bo["Reason"] == "docket rebalancing"
    assert bo["Ordered by"] == "ACIJ Eleanor V. Castellano"
    assert bo["Mid-stream"] == "No"
    assert bo["Next hearing"] == "06/03/2025 10:00 AM Individual (JRM): Pending"
    assert bo["Outcome"] == "Pending (now JRM)"
    assert bo["In absentia"] == ""
    assert carla["Other judge"] == "Daniel K. Okafor (DKO)"
    assert carla["Mid-stream"] == "Yes"
    assert carla["Next hearing"] == "04/21/2025 9:00 AM Master (DKO): In absentia order"
    assert carla["In absentia"] == "Yes 04/21/2025 \N{WARNING SIGN} notice"
    index = view.model.index(1, IN_ABSENTIA)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_BACKGROUND
    assert "no notice" in index.data(Qt.ItemDataRole.ToolTipRole).lower()
    assert index.data(CaseIdRole) == court.cases["carla"]
    assert view.model.index(0, IN_ABSENTIA).data(Qt.ItemDataRole.BackgroundRole) is None
    summary = view.summary.text()
    assert "<b>1</b> taken" in summary and "<b>1</b> given" in summary
    assert "1 without sound proof of notice" in summary


def test_period_and_judge_change_the_rows(view: ReassignmentReportView) -> None:
    view.set_period(dt.date(2025, 3, 1), None)
    assert [r["Respondent"] for r in table(view)] == ["Carla Diaz"]
    view.set_judge("DKO")  # Bo left Judge Okafor in February: out of the period
    assert [(r["Direction"], r["Respondent"]) for r in table(view)] == [("Given to", "Carla Diaz")]
    view.set_judge("SLP")
    assert table(view) == []
    assert "<b>0</b> taken" in view.summary.text()


def test_a_period_that_ends_before_it_starts(view: ReassignmentReportView) -> None:
    view.set_period(dt.date(2025, 6, 1), dt.date(2025, 1, 1))
    assert view.model.rowCount() == 0
    assert "the end of the period is before its start" in view.summary.text()
    assert not view.pdf_button.isEnabled() and not view.csv_button.isEnabled()


def test_pdf_export_reads_back(view: ReassignmentReportView, tmp_path: Path) -> None:
    path = view.export_pdf(tmp_path / "report.pdf")
    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "REASSIGNMENT REPORT" in text
    assert "Julia R. Marsh (JRM)" in text
    assert "January 1, 2025 through June 30, 2025" in text
    assert "Bo Chen" in text and "Carla Diaz" in text
    assert "Judge recused" in text and "Mid-stream" in text
    assert "In absentia order April 21, 2025" in text


def test_csv_export_reads_back(view: ReassignmentReportView, tmp_path: Path) -> None:
    path = view.export_csv(tmp_path / "report.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [(r["direction"], r["a_number_display"], r["midstream"]) for r in rows] == [
        ("given", "A-100-000-002", "no"),
        ("taken", "A-100-000-003", "yes"),
    ]
    assert rows[1]["in_absentia_orders"] == "2025-04-21"
    assert rows[0]["ordered_by"] == "ACIJ Eleanor V. Castellano"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exports_are_private(view: ReassignmentReportView, tmp_path: Path) -> None:
    with common_umask():
        written = [view.export_csv(tmp_path / "r.csv"), view.export_pdf(tmp_path / "r.pdf")]
    assert [oct(p.stat().st_mode & 0o777) for p in written] == ["0o600", "0o600"]


def test_double_click_opens_the_case(
    qtbot: Any, view: ReassignmentReportView, court: Court
) -> None:
    opened: list[int] = []
    view.caseActivated.connect(opened.append)
    where = view.table.visualRect(view.model.index(0, RESPONDENT)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened == [court.cases["bo"]]


def test_render(view: ReassignmentReportView, tmp_path: Path) -> None:
    assert view.grab().save(str(tmp_path / "reassignments.png"))
