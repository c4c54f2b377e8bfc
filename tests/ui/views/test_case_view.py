"""The case view flags an unusual record where it shows: the hearing's row and a line
above the tabs, apart from the notice banner (a notice problem is another matter)."""

from __future__ import annotations

from typing import Any

from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401

from caseorg.library import Library
from caseorg.records import add_case, add_hearing, add_notice, edit_document
from caseorg_ui.qt import QItemSelectionModel, Qt
from caseorg_ui.views.case_view import MUTED_COLOR, CaseView


def test_an_unusual_hearing_is_flagged_in_the_case_view(qtbot: Any, lib: Library) -> None:
    case = add_case(lib, "A-123-456-789", "Ana Lopez", opened_on="2026-01-10")
    old = add_hearing(lib, case.id, "1999-05-01 10:00")
    usual = add_hearing(lib, case.id, "2026-02-02 09:00")
    late = add_hearing(lib, case.id, "2026-03-14 09:30")
    add_notice(lib, late.id, "2026-03-20")
    view = CaseView(lib)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.set_case(case.id)
    view.show_tab("hearings")
    view.show()

    model = view.models["hearings"]
    rows = {model.record(row).hearing.id: row for row in range(model.rowCount())}
    when = 0  # the "When" column

    def cell(hearing_id: int, role: Qt.ItemDataRole) -> Any:
        return model.data(model.index(rows[hearing_id], when), role)

    assert "⚠ dated before the case was opened (01/10/2026)" in cell(
        old.id, Qt.ItemDataRole.ToolTipRole
    )
    assert not cell(old.id, Qt.ItemDataRole.DecorationRole).isNull()
    assert "after the hearing: it is no proof of notice" in cell(
        late.id, Qt.ItemDataRole.ToolTipRole
    )
    assert cell(usual.id, Qt.ItemDataRole.DecorationRole) is None
    assert "⚠" not in cell(usual.id, Qt.ItemDataRole.ToolTipRole)

    assert view.flags.isVisibleTo(view)
    assert view.flags.text().split("<br>") == [
        "⚠ Hearing of 05/01/1999 10:00 AM: dated before the case was opened (01/10/2026)",
        "⚠ Hearing of 03/14/2026 9:30 AM: notice served 03/20/2026, after the hearing: "
        "it is no proof of notice",
    ]
    assert not view.banner.isVisibleTo(view)  # no in absentia order: no notice problem
    view.grab().save("/tmp/caseorg-case-view-flags.png")

    other = add_case(lib, "A-987-654-321", "Bo Chen", opened_on="2026-01-10")
    add_hearing(lib, other.id, "2026-02-02 09:00")
    view.set_case(other.id)
    assert not view.flags.isVisibleTo(view)


def test_guessed_types_show_as_guesses_and_several_documents_select(
    qtbot: Any, court: Court
) -> None:
    edit_document(court.writer, court.documents["brief"], doc_type="brief")  # confirmed
    view = CaseView(court.reader)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_case(court.case_id)
    view.show()
    model = view.models["documents"]
    column = model.titles.index("Type")
    rows = {model.record(row).id: row for row in range(model.rowCount())}

    def cell(document: str, role: Qt.ItemDataRole) -> Any:
        return model.data(model.index(rows[court.documents[document]], column), role)

    assert cell("notice_to_appear", Qt.ItemDataRole.DisplayRole) == ("Notice to Appear (guessed)")
    assert cell("notice_to_appear", Qt.ItemDataRole.FontRole).italic()
    assert cell("notice_to_appear", Qt.ItemDataRole.ForegroundRole).color() == MUTED_COLOR
    assert "Read from the document's text at import" in cell(
        "notice_to_appear", Qt.ItemDataRole.ToolTipRole
    )
    assert cell("brief", Qt.ItemDataRole.DisplayRole) == "Brief"  # confirmed: no mark
    assert cell("brief", Qt.ItemDataRole.FontRole) is None
    view.grab().save("/tmp/caseorg-case-view-guessed.png")

    table = view.tables["documents"]
    view.select_row("documents", rows[court.documents["brief"]])
    index = model.index(rows[court.documents["evidence"]], 0)
    table.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    selected = {court.documents["brief"], court.documents["evidence"]}
    assert set(view.selected_ids("documents")) == selected
    view.refresh()  # after a write: the same documents stay selected
    assert set(view.selected_ids("documents")) == selected
