"""Every table sorts by a click on any column header; the documents list starts in the
order documents were filed, undated last (issue 18, item 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import make_pdf

from caseorg.importing import import_files
from caseorg.library import Library
from caseorg.records import add_case
from caseorg.records.documents import edit_document
from caseorg_ui.qt import Qt
from caseorg_ui.views.case_view import CaseView


def titles(view: CaseView) -> list[str]:
    model = view.models["documents"]
    return [model.record(row).title for row in range(model.rowCount())]


def test_documents_start_in_filed_order_and_sort_by_any_column(
    qtbot: Any, lib: Library, tmp_path: Path
) -> None:
    case = add_case(lib, "A-123-456-789", "Ana Lopez")
    pages = {"brief": 2, "motion": 10, "notice": 9, "undated": 1}
    files = [
        make_pdf(tmp_path / f"{n}.pdf", [f"{n} page {i}" for i in range(k)])
        for n, k in pages.items()
    ]
    import_files(lib, case.id, files)
    ids = {d["title"]: d["id"] for d in lib.db.query("SELECT id, title FROM documents")}
    edit_document(lib, ids["motion"], filed_on="2026-03-02")
    edit_document(lib, ids["brief"], filed_on="2026-05-20")
    edit_document(lib, ids["notice"], filed_on="2025-11-30")
    view = CaseView(lib)
    qtbot.addWidget(view)
    view.set_case(case.id)
    view.show_tab("documents")
    view.show()

    assert titles(view) == ["notice", "motion", "brief", "undated"]  # filed order
    table = view.tables["documents"]
    header = table.horizontalHeader()
    assert table.isSortingEnabled()
    assert header.sortIndicatorSection() == view.models["documents"].titles.index("Filed")

    pages_column = view.models["documents"].titles.index("Pages")
    view.select_row("documents", titles(view).index("motion"))
    table.sortByColumn(pages_column, Qt.SortOrder.DescendingOrder)
    assert titles(view) == ["motion", "notice", "brief", "undated"]  # 10 > 9 > 2 > 1, as numbers
    selected = table.selectionModel().selectedRows()
    assert [view.models["documents"].record(i.row()).title for i in selected] == ["motion"]

    edit_document(lib, ids["brief"], filed_on="2026-01-01")
    view.set_case(case.id)  # a refresh keeps the order chosen
    assert titles(view) == ["motion", "notice", "brief", "undated"]

    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Title, without case
    assert titles(view) == ["brief", "motion", "notice", "undated"]
