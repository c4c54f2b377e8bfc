"""The case-life forms (address, counsel, NTA, motion) write what the CLI writes, and the
hearing form judges notice as the core does before an in absentia order (issue 14)."""

from __future__ import annotations

from typing import Any

from caseorg.library import Library
from caseorg.records import (
    add_address,
    add_case,
    add_hearing,
    add_notice,
    list_counsel,
    list_motions,
    list_nta_service,
)
from caseorg_ui.dialogs.case_life_dialogs import CounselDialog, MotionDialog, NtaDialog
from caseorg_ui.dialogs.hearing_dialog import HearingDialog


def test_the_forms_write_counsel_nta_and_a_motion(qtbot: Any, lib: Library) -> None:
    case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
    counsel = CounselDialog(lib, case_id=case.id)
    qtbot.addWidget(counsel)
    counsel.counsel.setText("Maria Ortiz")
    counsel.from_on.set_value("2024-02-01")
    counsel.to_on.set_value("2024-01-20")
    assert counsel.problems() == {"to_on": "before the appearance"}
    counsel.to_on.set_value(None)
    counsel.save_operation()(lib)
    nta = NtaDialog(lib, case_id=case.id)
    qtbot.addWidget(nta)
    nta.served_on.set_value("2024-01-05")
    nta.time_and_place.setChecked(True)
    nta.save_operation()(lib)
    motion = MotionDialog(lib, case_id=case.id)
    qtbot.addWidget(motion)
    motion.filed_on.set_value("2023-12-01")
    assert "before the case was opened (01/10/2024)" in motion.problems()["filed_on"]
    motion.filed_on.set_value("2024-04-01")
    motion.save_operation()(lib)
    assert [c.counsel for c in list_counsel(lib, case.id)] == ["Maria Ortiz"]
    assert [(n.served_on, n.time_and_place) for n in list_nta_service(lib, case.id)] == [
        ("2024-01-05", True)
    ]
    assert [(m.kind, m.ground) for m in list_motions(lib, case.id)] == [
        ("rescind_in_absentia", "lack_of_notice")
    ]


def test_the_hearing_form_warns_of_an_outdated_address_before_the_order(
    qtbot: Any, lib: Library
) -> None:
    case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
    add_address(lib, case.id, "12 Oak St, Oakland CA", "2024-01-05", source="nta")
    add_address(lib, case.id, "40 Pine Ave, Fresno CA", "2024-02-01")
    hearing = add_hearing(lib, case.id, "2024-03-04 09:00")
    add_notice(lib, hearing.id, "2024-02-10", address="12 Oak St, Oakland CA")
    dialog = HearingDialog(lib, case_id=case.id, hearing_id=hearing.id)
    qtbot.addWidget(dialog)
    assert dialog.message("outcome") == ""
    dialog.outcome.set_value("in_absentia_order")
    assert dialog.message("outcome").startswith(
        "Sent to an outdated address (EOIR-33 received 02/01/2024)"
    )
    assert dialog.message_kind("outcome") == "warning"


def test_the_filing_forms_write_a_proceeding_relief_appeal_custody_and_an_exhibit(
    qtbot: Any, lib: Library, tmp_path: Any
) -> None:
    from helpers import make_pdf

    from caseorg.importing import import_files
    from caseorg.records import (
        exhibit_list,
        list_appeals,
        list_custody,
        list_proceedings,
        list_relief,
    )
    from caseorg_ui.dialogs import life_dialogs

    forms = life_dialogs()
    case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
    import_files(lib, case.id, [make_pdf(tmp_path / "I-213.pdf", ["record of deportable alien"])])
    add_hearing(lib, case.id, "2024-03-04 09:00")

    def form(kind: str) -> Any:
        dialog = forms[kind](lib, case_id=case.id)
        qtbot.addWidget(dialog)
        return dialog

    proceeding = form("proceeding")
    proceeding.charges.setText("section 9")
    assert "invalid charge" in proceeding.problems()["charges"]
    proceeding.charges.setText("212(a)(6)(A)(i)")
    proceeding.opened_on.set_value("2024-01-10")
    proceeding.waiver.set_value("2024-01-12")
    assert proceeding.is_valid(), proceeding.problems()
    proceeding.save_operation()(lib)
    relief = form("relief")
    relief.filed_on.set_value("2024-02-01")
    relief.save_operation()(lib)
    appeal = form("appeal")
    appeal.filed_on.set_value("2024-04-01")
    appeal.save_operation()(lib)
    custody = form("custody")
    custody.from_on.set_value("2024-01-02")
    custody.to_on.set_value("2024-01-01")
    assert custody.problems() == {"to_on": "before it began"}
    custody.to_on.set_value("2024-01-04")
    custody.save_operation()(lib)
    exhibit = form("exhibit")
    exhibit.number.setText("1")
    exhibit.document.setCurrentIndex(1)
    exhibit.status.set_value("admitted")
    assert exhibit.is_valid(), exhibit.problems()
    exhibit.save_operation()(lib)

    (made,) = list_proceedings(lib, case.id)
    assert (made.charges, made.ten_day_waiver_on) == ("212(a)(6)(A)(i)", "2024-01-12")
    assert [r.kind for r in list_relief(lib, case.id)] == ["asylum"]
    assert [a.filed_on for a in list_appeals(lib, case.id)] == ["2024-04-01"]
    assert [(c.status, c.to_on) for c in list_custody(lib, case.id)] == [("detained", "2024-01-04")]
    assert [(e["number"], e["offered_by"], e["status"]) for e in exhibit_list(lib, case.id)] == [
        ("1", "dhs", "admitted")
    ]
