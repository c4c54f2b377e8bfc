"""HearingDialog and NoticeDialog: defaults, adjournment rule, exhibits, late-notice warning."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fixtures_dialogs import Court, court_fixture, court_template_fixture  # noqa: F401
from PySide6.QtCore import Qt

from caseorg.library.settings import NOTICE_MIN_DAYS, set_setting
from caseorg.records.exhibits import exhibits_for, link_document
from caseorg.records.hearings import add_hearing, get_hearing, list_hearings, same_minute_problem
from caseorg.records.notices import notices_for
from caseorg.words import sentence
from caseorg_ui.dialogs import HearingDialog, NoticeDialog
from caseorg_ui.dialogs.notice_dialog import late_notice


def check(dialog: HearingDialog, document_id: int, on: bool = True) -> None:
    """Tick a document in the exhibit list as a user's click does."""
    table = dialog.exhibits
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item.data(Qt.ItemDataRole.UserRole) == document_id:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(f"document {document_id} not listed")


def test_new_hearing_defaults_and_adjournment_rule(qtbot: Any, court: Court) -> None:
    dialog = HearingDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    assert dialog.judge.code() == "JRM"  # the case's judge
    assert dialog.interpreter.text() == "Spanish"  # the case's language
    assert dialog.starts_at.calendarPopup()
    assert not dialog.reason.isEnabled()
    assert dialog.ok_button.isEnabled()

    dialog.outcome.set_value("continued")
    assert dialog.reason.isEnabled()
    assert dialog.message("adjournment_reason") == "Say why the hearing was continued"
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setText("respondent to seek counsel")
    assert dialog.message("adjournment_reason") == ""
    assert dialog.ok_button.isEnabled()


def test_new_hearing_with_exhibits_is_written(qtbot: Any, court: Court) -> None:
    dialog = HearingDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    assert dialog.exhibits.rowCount() == 4
    dialog.starts_at.set_value(dt.datetime(2025, 3, 3, 10, 30))
    dialog.kind.set_value("individual")
    dialog.judge.set_code("DKO")
    dialog.courtroom.setText("Courtroom 2")
    dialog.medium.set_value("video")
    dialog.notes.setPlainText("Two witnesses.")
    check(dialog, court.documents["brief"])
    check(dialog, court.documents["evidence"])
    assert dialog.values()["exhibits"] == {
        court.documents["brief"]: "Exh. 1",
        court.documents["evidence"]: "Exh. 2",
    }
    before = court.audit_count()

    hearing = dialog.save_operation()(court.writer)

    stored = get_hearing(court.reader, hearing.id)
    assert (stored.starts_at, stored.kind, stored.judge_code, stored.courtroom) == (
        "2025-03-03 10:30",
        "individual",
        "DKO",
        "Courtroom 2",
    )
    assert (stored.medium, stored.interpreter_language, stored.notes) == (
        "video",
        "Spanish",
        "Two witnesses.",
    )
    assert stored.adjournment_reason is None
    exhibits = {row["id"]: row["exhibit"] for row in exhibits_for(court.reader, hearing.id)}
    assert exhibits == {court.documents["brief"]: "Exh. 1", court.documents["evidence"]: "Exh. 2"}
    new_rows = [(r["action"], r["entity"]) for r in court.audit_rows()[before:]]
    assert new_rows == [
        ("create", "hearing"),
        ("link_exhibit", "hearing"),
        ("link_exhibit", "hearing"),
    ]


def test_repeated_exhibit_label_blocks_ok(qtbot: Any, court: Court) -> None:
    dialog = HearingDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    check(dialog, court.documents["brief"])
    check(dialog, court.documents["evidence"])
    for row in range(dialog.exhibits.rowCount()):
        if dialog.exhibits.item(row, 3).text() == "Exh. 2":
            dialog.exhibits.item(row, 3).setText("Exh. 1")
    assert dialog.message("exhibits") == "Two exhibits are labelled 'Exh. 1'"
    assert not dialog.ok_button.isEnabled()


def test_edit_hearing_prefills_and_changes_exhibits(qtbot: Any, court: Court) -> None:
    hearing = add_hearing(
        court.writer,
        court.case_id,
        "2025-03-03 10:30",
        kind="individual",
        courtroom="Courtroom 2",
        interpreter_language="Mam",
        notes="Interpreter confirmed.",
    )
    link_document(court.writer, hearing.id, court.documents["brief"], "Exh. 3")
    link_document(court.writer, hearing.id, court.documents["evidence"], "Exh. 4")

    dialog = HearingDialog(court.reader, case_id=court.case_id, hearing_id=hearing.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit hearing"
    assert dialog.starts_at.value() == dt.datetime(2025, 3, 3, 10, 30)
    assert dialog.day_label.text() == "Monday, March 3, 2025"
    assert (dialog.kind.value(), dialog.courtroom.text(), dialog.interpreter.text()) == (
        "individual",
        "Courtroom 2",
        "Mam",
    )
    assert dialog.notes.toPlainText() == "Interpreter confirmed."
    assert dialog.values()["exhibits"] == {
        court.documents["brief"]: "Exh. 3",
        court.documents["evidence"]: "Exh. 4",
    }

    dialog.outcome.set_value("continued")
    dialog.reason.setText("DHS to file evidence")
    check(dialog, court.documents["evidence"], on=False)
    before = court.audit_count()
    dialog.save_operation()(court.writer)

    stored = get_hearing(court.reader, hearing.id)
    assert (stored.outcome, stored.adjournment_reason) == ("continued", "DHS to file evidence")
    assert [row["id"] for row in exhibits_for(court.reader, hearing.id)] == [
        court.documents["brief"]
    ]
    actions = [r["action"] for r in court.audit_rows()[before:]]
    assert actions == ["update", "unlink_exhibit"]
    assert len(list_hearings(court.reader, court.case_id)) == 1  # edited, not added


def test_hearing_warnings(qtbot: Any, court: Court) -> None:
    dialog = HearingDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    dialog.starts_at.set_value(dt.datetime(2025, 3, 8, 9, 0))
    assert dialog.message("starts_at") == "That is a Saturday: the court does not usually sit"
    assert dialog.message_kind("starts_at") == "warning"
    dialog.outcome.set_value("in_absentia_order")
    assert dialog.message("outcome").startswith(
        "In absentia order with no notice of hearing on record"
    )
    assert dialog.ok_button.isEnabled()  # warnings do not block


def test_the_form_refuses_and_flags_as_the_records_do(qtbot: Any, court: Court) -> None:
    taken = add_hearing(court.writer, court.case_id, "2025-03-03 10:30")
    dialog = HearingDialog(court.reader, case_id=court.case_id)
    qtbot.addWidget(dialog)
    dialog.starts_at.set_value(dt.datetime(2025, 3, 3, 10, 30))
    expected = same_minute_problem(court.reader, court.case_id, "2025-03-03 10:30", "master")
    assert expected is not None and f"(#{taken.id})" in expected
    assert dialog.message("starts_at") == sentence(expected)  # the same sentence
    assert dialog.message_kind("starts_at") == "error" and not dialog.ok_button.isEnabled()
    dialog.kind.set_value("bond")  # another kind at that minute: allowed, and flagged on read
    assert dialog.message("starts_at") == "" and dialog.ok_button.isEnabled()

    dialog.starts_at.set_value(dt.datetime(2024, 6, 10, 9, 0))  # the case opened 2024-06-11
    assert dialog.message("starts_at") == "Dated before the case was opened (06/11/2024)"
    assert dialog.message_kind("starts_at") == "warning" and dialog.ok_button.isEnabled()

    again = HearingDialog(court.reader, case_id=court.case_id, hearing_id=taken.id)
    qtbot.addWidget(again)
    assert again.message("starts_at") == ""  # its own minute is not taken


# -- notices -------------------------------------------------------------------------


def test_late_notice_words() -> None:
    hearing = dt.date(2025, 3, 3)
    assert late_notice(dt.date(2025, 2, 1), hearing) is None
    assert late_notice(dt.date(2025, 2, 21), hearing) is None  # exactly 10 days
    assert late_notice(dt.date(2025, 2, 26), hearing) == (
        "served only 5 days before the hearing (at least 10 required)"
    )
    assert "on the day of" in (late_notice(hearing, hearing) or "")
    assert "after the hearing" in (late_notice(dt.date(2025, 3, 4), hearing) or "")


def test_notice_dialog_warns_and_writes(qtbot: Any, court: Court) -> None:
    hearing = add_hearing(court.writer, court.case_id, "2025-03-03 10:30", courtroom="Room 2")
    dialog = NoticeDialog(court.reader, hearing_id=hearing.id)
    qtbot.addWidget(dialog)
    # today, not a date that happens to satisfy the rule: for a past hearing that warns
    assert dialog.served_on.value() == dt.date.today()
    assert dialog.message("served_on") == "Served after the hearing: it cannot prove notice of it"
    # the hearing notice is offered first among the case's documents
    assert dialog.document.itemData(1) == court.documents["hearing_notice"]

    dialog.served_on.set_value("2025-02-26")
    assert dialog.message("served_on") == (
        "Served only 5 days before the hearing (at least 10 required)"
    )
    assert dialog.message_kind("served_on") == "warning"
    assert dialog.ok_button.isEnabled()  # a late notice is still a fact to record
    dialog.served_on.set_value("2025-03-05")
    assert dialog.message("served_on") == "Served after the hearing: it cannot prove notice of it"

    dialog.served_on.set_value("2025-01-31")
    assert dialog.message("served_on") == ""
    dialog.method.set_value("personal")
    dialog.address.setText("1420 Mission St Apt 3, Harbor City")
    dialog.document.set_id(court.documents["hearing_notice"])
    before = court.audit_count()
    notice = dialog.save_operation()(court.writer)

    stored = notices_for(court.reader, hearing.id)
    assert [n.id for n in stored] == [notice.id]
    assert (stored[0].served_on, stored[0].method, stored[0].address) == (
        "2025-01-31",
        "personal",
        "1420 Mission St Apt 3, Harbor City",
    )
    assert stored[0].document_id == court.documents["hearing_notice"]
    assert not stored[0].returned_undeliverable
    assert court.audit_count() == before + 1
    assert court.last_audit()["entity"] == "notice"


def test_returned_notice_is_flagged(qtbot: Any, court: Court) -> None:
    hearing = add_hearing(court.writer, court.case_id, "2025-03-03 10:30")
    dialog = NoticeDialog(court.reader, hearing_id=hearing.id)
    qtbot.addWidget(dialog)
    dialog.served_on.set_value("2025-01-20")
    assert not dialog.returned_on.isEnabled()
    dialog.returned.setChecked(True)
    assert "does not prove" in dialog.message("returned")
    assert dialog.returned_on.isEnabled() and dialog.returned_on.value() is None
    dialog.returned_on.set_value("2025-01-10")
    assert dialog.message("returned_on") == "A notice cannot come back before it was served"
    assert not dialog.ok_button.isEnabled()
    dialog.returned_on.set_value("2025-02-03")
    assert dialog.ok_button.isEnabled()
    dialog.save_operation()(court.writer)
    stored = notices_for(court.reader, hearing.id)[0]
    assert stored.returned_undeliverable and stored.returned_on == "2025-02-03"


def test_notice_warning_follows_the_library_setting(qtbot: Any, court: Court) -> None:
    set_setting(court.writer, NOTICE_MIN_DAYS, 14)
    hearing = add_hearing(court.writer, court.case_id, "2025-03-03 10:30")
    dialog = NoticeDialog(court.reader, hearing_id=hearing.id)
    qtbot.addWidget(dialog)
    dialog.served_on.set_value("2025-02-17")  # 14 days before
    assert dialog.message("served_on") == ""
    dialog.served_on.set_value("2025-02-21")  # 10 days: enough by default, not here
    assert dialog.message("served_on") == (
        "Served only 10 days before the hearing (at least 14 required)"
    )
