"""The case view flags an unusual record where it shows: the hearing's row and a line
above the tabs, apart from the notice banner (a notice problem is another matter)."""

from __future__ import annotations

from typing import Any

from caseorg.library import Library
from caseorg.records import add_case, add_hearing, add_notice
from caseorg_ui.qt import Qt
from caseorg_ui.views.case_view import CaseView


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

    assert "⚠ dated before the case was opened (2026-01-10)" in cell(
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
        "⚠ Hearing of 05/01/1999 10:00 AM: dated before the case was opened (2026-01-10)",
        "⚠ Hearing of 03/14/2026 9:30 AM: notice served 2026-03-20, after the hearing: "
        "it is no proof of notice",
    ]
    assert not view.banner.isVisibleTo(view)  # no in absentia order: no notice problem
    view.grab().save("/tmp/caseorg-case-view-flags.png")

    other = add_case(lib, "A-987-654-321", "Bo Chen", opened_on="2026-01-10")
    add_hearing(lib, other.id, "2026-02-02 09:00")
    view.set_case(other.id)
    assert not view.flags.isVisibleTo(view)
