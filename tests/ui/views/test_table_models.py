"""The shared flat-table base (caseorg_ui.views.table_models) and a model built on it."""

from __future__ import annotations

from typing import Any

from caseorg.court.notice_checks import NoticeFlag
from caseorg_ui.court.court_panels import NOTICE_COLUMNS, NoticeFlagsModel
from caseorg_ui.qt import QModelIndex, Qt
from caseorg_ui.views.table_models import RowsModel


def _flag(hearing_id: int, respondent: str) -> NoticeFlag:
    return NoticeFlag(
        hearing_id=hearing_id,
        case_id=hearing_id,
        a_number="123456789",
        a_number_display="123-456-789",
        respondent=respondent,
        starts_at="2026-03-02T09:00",
        kind="master",
        judge_code="JR",
        judge_name="Judge Ruiz",
        reason="no notice served",
        notices=0,
    )


class _Words(RowsModel[str]):
    """The smallest subclass: the base leaves data() to its subclasses."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        word = self.row_at(index.row()) if index.isValid() else None
        if word is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return word if index.column() == 0 else word.upper()


def test_rows_model_counts_headers_and_bounds(qapp: Any, qtmodeltester: Any) -> None:
    model = _Words(("A", "B"))
    qtmodeltester.check(model)
    model.set_rows(["x", "y", "z"])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.row_at(2) == "z" and model.row_at(3) is None and model.row_at(-1) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "B"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(model.index(1, 1)) == "Y"


def test_notice_flags_model_keeps_its_api(qapp: Any, qtmodeltester: Any) -> None:
    model = NoticeFlagsModel()
    model.set_flags([_flag(1, "Carla Diaz"), _flag(2, "Ana Ruiz")])
    qtmodeltester.check(model)
    assert model.columnCount() == len(NOTICE_COLUMNS)
    assert model.flag_at(1) is model.flags_[1] and model.flag_at(1).respondent == "Ana Ruiz"  # type: ignore[union-attr]
    assert model.data(model.index(0, 3)) == "Carla Diaz"
    assert model.data(model.index(0, 5)) == "No notice served"
