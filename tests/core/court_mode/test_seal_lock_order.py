"""Sealed rows last in a transaction (issue 16): on a court library sealing holds one
lock until commit, and a clerk's edit locks the case's row before writing its audit row.
A reassignment that sealed first and then updated the case deadlocked with such an edit
(the server aborted one clerk's change); now both go through."""

from __future__ import annotations

import threading
import time
from typing import Any

from caseorg.library import open_library
from caseorg.library.audit import record
from caseorg.library.seals import broken_seals
from caseorg.records import add_case, add_hearing, add_judge, get_case, reassign


def test_a_reassignment_and_an_edit_of_the_same_case_both_go_through(pg_cluster: Any) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as editor, open_library(url) as mover:
        add_judge(editor, "JRM", "Judge Rosa Martinez")
        add_judge(editor, "JTK", "Judge Tom Kline")
        case = add_case(editor, "A-400-000-001", "Crossed Changes", judge_code="JRM")
        add_hearing(editor, case.id, "2031-03-04T09:00", kind="master")
        failed: list[BaseException] = []

        def move() -> None:
            try:
                reassign(mover, case.id, "JTK", "caseload balancing", effective_on="2030-01-02")
            except BaseException as exc:  # noqa: BLE001 - what the clerk would see
                failed.append(exc)

        with editor.db.atomic():  # an edit as update_audited makes it: the row, then audit
            editor.db.execute(
                "UPDATE cases SET respondent = ? WHERE id = ?", ["Crossed Changes Jr", case.id]
            )
            mover_thread = threading.Thread(target=move)
            mover_thread.start()
            time.sleep(1.0)  # the reassignment is waiting (for the case's row, now)
            before, after = {"respondent": "Crossed Changes"}, {"respondent": "Crossed Changes Jr"}
            record(editor.db, editor.actor, "update", "case", case.id, before, after)
        mover_thread.join(30)
        assert failed == []
        moved = get_case(editor, case.id)
        assert moved.respondent == "Crossed Changes Jr" and moved.judge_code == "JTK"
        (judge,) = editor.conn.execute(
            "SELECT j.code FROM hearings h JOIN judges j ON j.id = h.judge_id WHERE h.case_id = ?",
            [case.id],
        ).fetchone()
        assert judge == "JTK"
        assert broken_seals(editor.conn) == []
