"""The dashboard's performance measures (the fiscal year, as EOIR measures them): one row
per measure for the court or the judge chosen, with the standard and the rating; a click
on a row lists the cases behind it, and a double-click on a case opens it.

The figures are ``Stats.performance`` (:mod:`caseorg.court.performance`): completions
credited to the judge who decided each proceeding, so a reassignment does not move them.
"""

from __future__ import annotations

from typing import Any

from caseorg_ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import RowsModel

COLUMNS = ("Measure", "Figure", "Standard", "Rating")
BENCHMARKS = (
    ("detained_decisions", "Detained decisions within 3 days of the merits hearing"),
    ("non_detained_decisions", "Non-detained decisions within 10 days"),
    ("motions", "Motions ruled on within 20 days"),
    ("custody_first_setting", "Custody cases completed at the first setting"),
    ("merits_first_setting", "Merits completed at the first setting"),
)


def measure_rows(perf: dict[str, Any]) -> list[dict[str, Any]]:
    """The measures as rows: name, figure, standard, rating and the cases behind them."""
    if not perf:
        return []
    remand = perf["remand_rate"]
    rate = "—" if remand["percent"] is None else f"{remand['percent']:g}%"
    rows = [
        {
            "measure": f"Completions, fiscal year {perf['fiscal_year']}",
            "figure": str(perf["completions"]),
            "standard": f"{perf['goal']} a year; under {perf['unsatisfactory_below']:g} "
            "unsatisfactory",
            "rating": perf["goal_rating"],
            "cases": perf["decisions"]["cases"] + perf["other_completions"]["cases"],
        },
        {
            "measure": "   decisions",
            "figure": str(perf["decisions"]["count"]),
            "standard": "",
            "rating": "",
            "cases": perf["decisions"]["cases"],
        },
        {
            "measure": "   other completions (closure, venue, transfer)",
            "figure": str(perf["other_completions"]["count"]),
            "standard": "",
            "rating": "",
            "cases": perf["other_completions"]["cases"],
        },
        {
            "measure": "Remand rate (BIA appeals decided)",
            "figure": f"{rate} of {remand['appeals_decided']['count']}",
            "standard": "under 15% satisfactory; over 20% unsatisfactory",
            "rating": remand["rating"] or "",
            "cases": remand["remanded"]["cases"],
        },
    ]
    for key, words in BENCHMARKS:
        bench = perf["benchmarks"][key]
        percent = "" if bench["percent"] is None else f" ({bench['percent']:g}%)"
        rows.append(
            {
                "measure": words,
                "figure": f"{bench['met']} of {bench['total']}{percent}",
                "standard": "",
                "rating": "",
                "cases": [dict(c, missed=True) for c in bench["missed_cases"]] + bench["met_cases"],
            }
        )
    return rows


class MeasureModel(RowsModel[dict[str, Any]]):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return row[("measure", "figure", "standard", "rating")[index.column()]]


class PerformancePanel(QWidget):
    """The measures table and, beside it, the cases behind the row clicked."""

    caseActivated = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = MeasureModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Performance measures")
        self.cases = QTableWidget(0, 1)
        self.cases.setHorizontalHeaderLabels(["Case"])
        self.cases.horizontalHeader().setStretchLastSection(True)
        self.cases.verticalHeader().hide()
        self.cases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases.setAccessibleName("Cases behind the measure")
        self.caption = QLabel("Click a measure to list its cases.")
        self.caption.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.caption)
        side.addWidget(self.cases, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 1)
        self.table.clicked.connect(self.show_cases)
        self.cases.itemActivated.connect(
            lambda item: self.caseActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )  # double-click or Enter opens the case

    def show_measures(self, perf: dict[str, Any]) -> None:
        self.model.set_rows(measure_rows(perf))
        self.cases.setRowCount(0)
        self.table.resizeColumnsToContents()

    def show_cases(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        self.cases.setRowCount(0)
        if row is None:
            return
        self.caption.setText(f"{row['measure'].strip()}: {len(row['cases'])} case(s)")
        for case in row["cases"]:
            note = " — missed" if case.get("missed") else ""
            days = f", {case['days']} days" if case.get("days") is not None else ""
            kind = f" ({case['kind'].replace('_', ' ')})" if case.get("kind") else ""
            item = QTableWidgetItem(f"{case['case']}{kind}{days}{note}")
            item.setData(Qt.ItemDataRole.UserRole, case["case_id"])
            self.cases.insertRow(self.cases.rowCount())
            self.cases.setItem(self.cases.rowCount() - 1, 0, item)
