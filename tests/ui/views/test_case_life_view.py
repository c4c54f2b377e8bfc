"""The case view's "Case life" tab and the one-panel notice proof (issue 14)."""

from __future__ import annotations

from typing import Any

from caseorg.library import Library
from caseorg.records import (
    add_address,
    add_case,
    add_counsel,
    add_hearing,
    add_motion,
    add_notice,
    add_nta_service,
    add_proceeding,
    add_relief,
)
from caseorg_ui.views.case_view import CaseView
from caseorg_ui.views.notice_proof_view import NoticeProofPanel

OLD = "12 Oak St, Oakland CA 94601"
NEW = "40 Pine Ave, Fresno CA 93701"


def outdated(lib: Library) -> tuple[Any, Any]:
    case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
    add_proceeding(lib, case.id, charges="212(a)(6)(A)(i)")
    add_address(lib, case.id, OLD, "2024-01-05", source="nta")
    add_address(lib, case.id, NEW, "2024-02-01")
    add_nta_service(lib, case.id, "2024-01-05", "personal")
    add_counsel(lib, case.id, "Maria Ortiz", "2024-03-20", eoir_id="AB1")
    hearing = add_hearing(lib, case.id, "2024-03-04 09:00", outcome="in_absentia_order")
    add_notice(lib, hearing.id, "2024-02-10", address=OLD)
    add_motion(lib, case.id, "rescind_in_absentia", "2024-03-25", ground="lack_of_notice")
    add_relief(lib, case.id, "asylum", "2024-03-30")
    return case, hearing


def test_the_case_life_tab_lists_the_case_s_life(qtbot: Any, lib: Library) -> None:
    case, hearing = outdated(lib)
    view = CaseView(lib)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_case(case.id)
    view.tabs.setCurrentWidget(view.life)
    view.show()
    assert view.current_tab() == "life"
    text = view.life.browser.toPlainText()
    for heading in (
        "Proceedings (1)",
        "Addresses (2)",
        "Counsel of record (EOIR-28) (1)",
        "NTA service (1)",
        "Relief applications (1)",
        "Motions (1)",
        "Appeals to the BIA (0)",
        "Exhibits (0)",
    ):
        assert heading in text
    assert "02/01/2024 EOIR-33 40 Pine Ave, Fresno CA 93701" in " ".join(text.split())
    assert "notice NOT proven: 1 defect; 1 flag to see" in text
    view.grab().save("/tmp/caseorg-case-life.png")

    # the warning above the tabs says it, and links to the proof
    assert view.banner.isVisibleTo(view)
    assert "sent to an outdated address (EOIR-33 received 02/01/2024)" in view.banner.text()
    with qtbot.waitSignal(view.life.proofRequested) as signal:
        view.life._clicked(_url(hearing.id))
    assert signal.args == [hearing.id]
    view.banner.linkActivated.emit(str(hearing.id))
    dialog = view.proof_dialog
    qtbot.addWidget(dialog)
    assert "Notice NOT proven: 1 defect" in dialog.panel.text.text()
    dialog.grab().save("/tmp/caseorg-notice-proof.png")


def _url(hearing_id: int) -> Any:
    from caseorg_ui.qt import QUrl

    return QUrl(f"proof:{hearing_id}")


def test_the_notice_proof_panel_reads_problems_first(qtbot: Any, lib: Library) -> None:
    _case, hearing = outdated(lib)
    panel = NoticeProofPanel(lib)
    qtbot.addWidget(panel)
    panel.resize(760, 520)
    panel.show_hearing(hearing.id)
    text = panel.text.text()
    verdict = text.index("Notice NOT proven")
    defect = text.index("Sent to an outdated address (EOIR-33 received 02/01/2024)")
    flag = text.index("Motion to rescind the in absentia order filed 03/25/2024 is pending")
    sound = text.index("A notice of this hearing was served 02/10/2024")
    assert verdict < defect < flag < sound
    panel.grab().save("/tmp/caseorg-notice-proof-panel.png")
