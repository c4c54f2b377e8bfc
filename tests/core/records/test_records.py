"""Cases, judges, hearings, notices, deadlines, reassignments and their audit trail."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import audit_rows, count, make_pdf

from caseorg.errors import InvalidValue, NotFound
from caseorg.importing.pipeline import import_files
from caseorg.library import audit as auditmod
from caseorg.library.audit import history
from caseorg.records.cases import add_case, case_by_a_number, edit_case, find_case, list_cases
from caseorg.records.deadlines import add_deadline, list_deadlines, mark_done
from caseorg.records.exhibits import exhibits_for, link_document
from caseorg.records.hearings import add_hearing, edit_hearing, get_hearing
from caseorg.records.judges import add_judge, list_judges
from caseorg.records.models import Hearing, Notice
from caseorg.records.notices import add_notice, mark_notice_returned, notice_problem, notices_for
from caseorg.records.reassignments import get_reassignment, list_reassignments, reassign
from caseorg.words import us_date

# -- one audit row per write, in the same transaction --------------------------------


def test_add_judge_writes_one_audit_row(lib) -> None:
    judge = add_judge(lib, "jrm", "Judge Rosa Martinez", court="San Francisco")
    assert judge.code == "JRM"
    rows = audit_rows(lib)
    assert len(rows) == 1
    row = rows[0]
    assert (row["action"], row["entity"], row["entity_id"]) == ("create", "judge", judge.id)
    assert row["actor"] == "test-clerk"
    assert row["before"] is None
    assert row["after"]["code"] == "JRM" and row["after"]["name"] == "Judge Rosa Martinez"


def test_add_case_writes_one_audit_row(lib) -> None:
    add_judge(lib, "JRM", "Judge Rosa Martinez")
    before = len(audit_rows(lib))
    case = add_case(lib, "A-123-456-789", "Ana Lopez", judge_code="JRM", language="Spanish")
    rows = audit_rows(lib)[before:]
    assert len(rows) == 1
    assert (rows[0]["action"], rows[0]["entity"], rows[0]["entity_id"]) == (
        "create",
        "case",
        case.id,
    )
    assert rows[0]["after"]["a_number"] == "123456789"
    assert rows[0]["after"]["respondent"] == "Ana Lopez"
    assert case.a_number == "123456789"
    assert case.a_number_display == "A-123-456-789"
    assert case.judge_code == "JRM"


def test_each_write_adds_exactly_one_audit_row(lib, case, tmp_path) -> None:
    def one_more(entity: str, action: str, write):  # type: ignore[no-untyped-def]
        before = count(lib, "audit")
        result = write()
        rows = audit_rows(lib)
        assert len(rows) == before + 1, f"{entity} {action}"
        last = rows[-1]
        assert (last["entity"], last["action"]) == (entity, action)
        assert last["entity_id"] == result.id
        return result, last

    hearing, row = one_more(
        "hearing",
        "create",
        lambda: add_hearing(lib, case.id, "2025-03-14 09:30", kind="individual", courtroom="4"),
    )
    assert row["after"]["starts_at"] == "2025-03-14 09:30"
    assert hearing.judge_code == "JRM"  # the case's judge by default

    notice, row = one_more(
        "notice", "create", lambda: add_notice(lib, hearing.id, "2025-01-10", method="mail")
    )
    assert row["after"]["served_on"] == "2025-01-10"

    deadline, row = one_more(
        "deadline", "create", lambda: add_deadline(lib, case.id, "brief_due", "2025-02-01")
    )
    assert row["after"]["due_on"] == "2025-02-01"

    _, row = one_more("hearing", "update", lambda: edit_hearing(lib, hearing.id, outcome="decided"))
    assert row["before"] == {"outcome": "pending"}
    assert row["after"] == {"outcome": "decided"}

    _, row = one_more("notice", "update", lambda: mark_notice_returned(lib, notice.id))
    assert row["before"] == {"returned_undeliverable": 0}
    assert row["after"] == {"returned_undeliverable": 1}

    _, row = one_more("deadline", "update", lambda: mark_done(lib, deadline.id, "2025-01-30"))
    assert row["before"]["done_on"] is None and row["after"]["done_on"] == "2025-01-30"

    _, row = one_more("case", "update", lambda: edit_case(lib, case.id, custody="detained"))
    assert row["before"]["custody"] == "non_detained"
    assert row["after"]["custody"] == "detained"
    assert "respondent" not in row["after"]  # only what changed

    pdf = make_pdf(tmp_path / "brief.pdf", ["Respondent's brief on the merits."])
    before = count(lib, "audit")
    report = import_files(lib, case.id, [pdf], workers=1)
    assert report.count("imported") == 1
    rows = audit_rows(lib)[before:]
    assert [(r["entity"], r["action"]) for r in rows] == [("document", "import")]


def test_edit_that_changes_nothing_writes_nothing(lib, case) -> None:
    with lib.db.atomic():
        lib.db.execute("UPDATE cases SET updated_at = '2000-01-01 00:00:00'")
    before = count(lib, "audit")
    edit_case(lib, case.id, respondent="Ana Lopez Garcia", language="Spanish")
    edit_case(lib, case.id)
    assert count(lib, "audit") == before
    assert find_case(lib, "123456789").updated_at == "2000-01-01 00:00:00"
    edit_case(lib, case.id, language="Mam")
    assert count(lib, "audit") == before + 1
    assert audit_rows(lib)[-1]["before"] == {
        "language": "Spanish",
        "updated_at": "2000-01-01 00:00:00",
    }


def test_a_failed_audit_write_rolls_the_change_back(lib, case, monkeypatch) -> None:
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    judges = count(lib, "judges")
    audits = count(lib, "audit")
    with monkeypatch.context() as patch:
        patch.setattr(auditmod, "record", broken)
        with pytest.raises(RuntimeError):
            add_judge(lib, "XYZ", "Judge X")
        with pytest.raises(RuntimeError):
            edit_case(lib, case.id, custody="detained")
    assert count(lib, "judges") == judges
    assert count(lib, "audit") == audits
    assert find_case(lib, "123456789").custody == "non_detained"


def test_audit_record_refuses_to_run_outside_a_transaction(lib) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        auditmod.record(lib.db, "x", "create", "case", 1, None, {})


def test_case_history_gathers_everything_in_the_case(lib, case) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-14 09:30")
    add_notice(lib, hearing.id, "2025-01-10")
    add_deadline(lib, case.id, "filing", "2025-02-01")
    add_judge(lib, "OTH", "Judge Other")
    events = history(lib.db, case_id=case.id)
    assert [e.entity for e in events] == ["deadline", "notice", "hearing", "case"]


# -- cases ------------------------------------------------------------------------------


def test_duplicate_a_number_is_refused_in_any_spelling(lib, case) -> None:
    for spelling in ("A-123-456-789", "123456789", "a123456789", "123 456 789"):
        with pytest.raises(InvalidValue, match="A-123-456-789 already exists"):
            add_case(lib, spelling, "Somebody Else")
    assert count(lib, "cases") == 1


def test_duplicate_a_number_is_refused_by_the_database_too(lib, case) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        lib.db.execute(
            "INSERT INTO cases (a_number, respondent, created_at, updated_at)"
            " VALUES ('123456789', 'x', 'now', 'now')"
        )


def test_case_fields_are_validated(lib) -> None:
    with pytest.raises(InvalidValue, match="9 digits"):
        add_case(lib, "12345678", "Ana")
    with pytest.raises(InvalidValue, match="respondent name is required"):
        add_case(lib, "123456789", "  ")
    with pytest.raises(InvalidValue, match="custody"):
        add_case(lib, "123456789", "Ana", custody="jail")
    with pytest.raises(NotFound, match="NOPE"):
        add_case(lib, "123456789", "Ana", judge_code="NOPE")
    assert count(lib, "cases") == 0
    assert count(lib, "audit") == 0


def test_find_and_list_cases(lib, case) -> None:
    add_case(lib, "987654321", "Bernardo Diaz")
    assert case_by_a_number(lib, "A123456789").id == case.id
    assert find_case(lib, "111111111") is None
    with pytest.raises(NotFound, match="A-111-111-111"):
        case_by_a_number(lib, "111-111-111")
    assert [c.respondent for c in list_cases(lib)] == ["Ana Lopez Garcia", "Bernardo Diaz"]
    assert [c.a_number for c in list_cases(lib, text="987-654")] == ["987654321"]
    assert [c.a_number for c in list_cases(lib, judge_code="JRM")] == ["123456789"]


# -- reassignments ------------------------------------------------------------------------


def test_reassignment_moves_the_case_and_is_recorded(lib, case) -> None:
    add_judge(lib, "TKW", "Judge Thomas Kim-Walker")
    before = count(lib, "audit")
    moved = reassign(
        lib,
        case.id,
        "tkw",
        "caseload balancing",
        effective_on="2025-04-01",
        ordered_by="ACIJ Smith",
        midstream=True,
    )
    assert find_case(lib, "123456789").judge_code == "TKW"
    assert (moved.from_judge_code, moved.to_judge_code) == ("JRM", "TKW")
    assert moved.effective_on == "2025-04-01"
    assert moved.midstream and moved.reason == "caseload balancing"
    rows = audit_rows(lib)[before:]
    assert [(r["entity"], r["action"]) for r in rows] == [
        ("reassignment_order", "create"),  # a move made alone is its own order (issue 19)
        ("reassignment", "create"),
        ("case", "reassign"),
    ]
    assert rows[2]["before"] == {"judge_id": case.judge_id}
    assert list_reassignments(lib, case_id=case.id) == [moved]
    assert list_reassignments(lib, judge_code="JRM") == [moved]
    # new hearings follow the new judge
    assert add_hearing(lib, case.id, "2025-05-01 10:00").judge_code == "TKW"


def test_scheduled_hearings_follow_the_case_and_held_ones_keep_their_judge(lib, case) -> None:
    held = add_hearing(lib, case.id, "2025-03-03 09:00", outcome="continued")
    earlier = add_hearing(lib, case.id, "2025-03-20 09:00")  # pending, before the move
    upcoming = add_hearing(lib, case.id, "2025-06-02 09:00")
    add_judge(lib, "TKW", "Judge Thomas Kim-Walker")
    before = count(lib, "audit")
    reassign(lib, case.id, "TKW", "caseload balancing", effective_on="2025-04-01")
    assert get_hearing(lib, held.id).judge_code == "JRM"
    assert get_hearing(lib, earlier.id).judge_code == "JRM"
    assert get_hearing(lib, upcoming.id).judge_code == "TKW"
    rows = audit_rows(lib)[before:]
    assert [(r["entity"], r["action"]) for r in rows] == [
        ("reassignment_order", "create"),
        ("reassignment", "create"),
        ("case", "reassign"),
        ("hearing", "reassign"),
    ]
    assert rows[3]["entity_id"] == upcoming.id


def test_reassignment_to_the_same_judge_or_without_reason_is_refused(lib, case) -> None:
    with pytest.raises(InvalidValue, match="already assigned"):
        reassign(lib, case.id, "JRM", "no reason")
    add_judge(lib, "TKW", "Judge Kim")
    with pytest.raises(InvalidValue, match="reason"):
        reassign(lib, case.id, "TKW", "  ")
    with pytest.raises(NotFound):
        reassign(lib, case.id, "NOBODY", "x")
    assert count(lib, "reassignments") == 0


def test_reassignment_is_atomic(lib, case, monkeypatch) -> None:
    import caseorg.records.reassignments as mod

    add_judge(lib, "TKW", "Judge Kim")
    calls = []

    def second_fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("crash between the two writes")
        return auditmod.record(*args, **kwargs)

    monkeypatch.setattr(mod, "record", second_fails)
    with pytest.raises(RuntimeError):
        reassign(lib, case.id, "TKW", "caseload")
    assert count(lib, "reassignments") == 0
    assert find_case(lib, "123456789").judge_code == "JRM"


def test_a_correction_is_a_new_row_naming_the_one_it_corrects(lib, case) -> None:
    add_judge(lib, "TKW", "Judge Kim")
    add_judge(lib, "LOP", "Judge Lopez")
    wrong = reassign(lib, case.id, "TKW", "caseload", effective_on="2025-04-01")
    fixed = reassign(
        lib, case.id, "LOP", "entered for the wrong judge", effective_on="2025-04-01",
        corrects=wrong.id,
    )  # fmt: skip
    assert fixed.id != wrong.id
    assert fixed.corrects_id == wrong.id
    assert get_reassignment(lib, wrong.id) == wrong  # the mistake is still there, unchanged
    assert [r.id for r in list_reassignments(lib, case_id=case.id)] == [wrong.id, fixed.id]
    assert find_case(lib, "123456789").judge_code == "LOP"


def test_a_correction_must_name_a_reassignment_of_the_same_case(lib, case) -> None:
    add_judge(lib, "TKW", "Judge Kim")
    other = add_case(lib, "987654321", "Bernardo Diaz", judge_code="JRM")
    theirs = reassign(lib, other.id, "TKW", "caseload")
    with pytest.raises(InvalidValue, match="another case"):
        reassign(lib, case.id, "TKW", "x", corrects=theirs.id)
    with pytest.raises(NotFound):
        reassign(lib, case.id, "TKW", "x", corrects=9999)


@pytest.mark.parametrize("table", ["reassignments", "audit"])
@pytest.mark.sqlite_only("a SQLite client on the file (see tests/core/court_mode)")
def test_append_only_tables_refuse_update_and_delete(lib, case, table) -> None:
    add_judge(lib, "TKW", "Judge Kim")
    reassign(lib, case.id, "TKW", "caseload")
    rows_before = list(lib.db.query(f"SELECT * FROM {table} ORDER BY id"))
    column = "reason" if table == "reassignments" else "actor"
    statements = [
        f"UPDATE {table} SET {column} = 'rewritten'",
        f"DELETE FROM {table}",
        f"DELETE FROM {table} WHERE id = 1",
    ]
    for sql in statements:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            lib.db.execute(sql)
    # a plain sqlite3 connection (another tool) is refused too, REPLACE included
    raw = sqlite3.connect(lib.db_path)
    try:
        first = rows_before[0]
        columns = ", ".join(first)
        marks = ", ".join("?" * len(first))
        values = [first[c] for c in first]
        values[list(first).index(column)] = "rewritten"
        for sql, params in [
            *((s, []) for s in statements),
            (f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})", values),
            (f"REPLACE INTO {table} ({columns}) VALUES ({marks})", values),
        ]:
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                raw.execute(sql, params)
            raw.rollback()
    finally:
        raw.close()
    assert list(lib.db.query(f"SELECT * FROM {table} ORDER BY id")) == rows_before


# -- hearings, notices, exhibits, deadlines ------------------------------------------------


def test_hearing_validation(lib, case) -> None:
    with pytest.raises(InvalidValue, match="hearing date and time"):
        add_hearing(lib, case.id, "next tuesday")
    with pytest.raises(InvalidValue, match="hearing kind"):
        add_hearing(lib, case.id, "2025-03-14 09:00", kind="trial")
    with pytest.raises(NotFound):
        add_hearing(lib, 999, "2025-03-14 09:00")
    with pytest.raises(InvalidValue, match="served date"):
        hearing = add_hearing(lib, case.id, "2025-03-14 09:00")
        add_notice(lib, hearing.id, "2025-02-30")
    assert count(lib, "notices") == 0


def test_exhibits_and_deadlines(lib, case, tmp_path) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-14 09:30")
    pdf = make_pdf(tmp_path / "exhibit.pdf", ["Country conditions report."])
    document_id = import_files(lib, case.id, [pdf], workers=1).outcomes[0].document_id
    assert document_id is not None
    before = count(lib, "audit")
    link_document(lib, hearing.id, document_id, "Exh. 3")
    assert count(lib, "audit") == before + 1
    assert [e["exhibit"] for e in exhibits_for(lib, hearing.id)] == ["Exh. 3"]
    with pytest.raises(InvalidValue, match="already linked"):
        link_document(lib, hearing.id, document_id, "Exh. 4")
    other = add_case(lib, "987654321", "Bernardo Diaz")
    their_hearing = add_hearing(lib, other.id, "2025-03-15 09:30")
    with pytest.raises(InvalidValue, match="another case"):
        link_document(lib, their_hearing.id, document_id)

    first = add_deadline(lib, case.id, "brief_due", "2025-02-01", note="merits brief")
    add_deadline(lib, case.id, "decision_due", "2025-06-01")
    mark_done(lib, first.id, "2025-01-31", document_id=document_id)
    assert [d.kind for d in list_deadlines(lib, case_id=case.id, open_only=True)] == [
        "decision_due"
    ]
    done = list_deadlines(lib, case_id=case.id)[0]
    assert (done.done_on, done.document_id) == ("2025-01-31", document_id)
    with pytest.raises(InvalidValue, match="deadline kind"):
        add_deadline(lib, case.id, "someday", "2025-01-01")


# -- proof of notice for in absentia orders -------------------------------------------------


def _hearing(outcome: str = "in_absentia_order", day: str = "2025-03-14") -> Hearing:
    return Hearing(id=1, case_id=1, starts_at=f"{day} 09:00", outcome=outcome)


def _notice(served_on: str, returned: bool = False, notice_id: int = 1) -> Notice:
    return Notice(id=notice_id, hearing_id=1, served_on=served_on, returned_undeliverable=returned)


def test_in_absentia_without_notice_is_flagged() -> None:
    problem = notice_problem(_hearing(), [])
    assert problem is not None and "no notice" in problem


def test_in_absentia_with_returned_notice_is_flagged() -> None:
    problem = notice_problem(_hearing(), [_notice("2025-01-10", returned=True)])
    assert problem is not None
    assert "returned undeliverable" in problem and "01/10/2025" in problem


def test_in_absentia_with_notice_served_after_the_hearing_is_flagged() -> None:
    for served in ("2025-03-20", "2025-03-14"):  # after, or on the day itself
        problem = notice_problem(_hearing(), [_notice(served)])
        assert problem is not None
        assert "not before the hearing" in problem and us_date(served) in problem


def test_in_absentia_with_notice_served_too_late_is_flagged() -> None:
    problem = notice_problem(_hearing(), [_notice("2025-03-09")])
    assert problem is not None
    assert "5 days before" in problem and "at least 10" in problem


def test_proper_notice_is_no_problem() -> None:
    assert notice_problem(_hearing(), [_notice("2025-01-10")]) is None
    assert notice_problem(_hearing(), [_notice("2025-03-04")]) is None  # exactly 10 days
    # one good notice is enough even if another came back
    both = [_notice("2025-01-10", returned=True), _notice("2025-02-01", notice_id=2)]
    assert notice_problem(_hearing(), both) is None


def test_other_outcomes_need_no_proof_of_notice() -> None:
    for outcome in ("pending", "continued", "decided", "cancelled"):
        assert notice_problem(_hearing(outcome), []) is None


def test_hearing_shows_the_notice_warning(lib, case) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-14 09:00")
    assert hearing.notice_warning is None
    hearing = edit_hearing(lib, hearing.id, outcome="in_absentia_order")
    assert hearing.notice_warning is not None and "no notice" in hearing.notice_warning
    notice = add_notice(lib, hearing.id, "2025-01-10", address="123 Main St")
    assert get_hearing(lib, hearing.id).notice_warning is None
    mark_notice_returned(lib, notice.id)
    warning = get_hearing(lib, hearing.id).notice_warning
    assert warning is not None and "returned undeliverable" in warning
    assert [n.returned_undeliverable for n in notices_for(lib, hearing.id)] == [1]


def test_judges_are_listed_by_name(lib) -> None:
    add_judge(lib, "ZZ", "Judge Zed")
    add_judge(lib, "AA", "Judge Abel")
    with pytest.raises(InvalidValue, match="already exists"):
        add_judge(lib, "zz", "Judge Zed Again")
    assert [j.code for j in list_judges(lib)] == ["AA", "ZZ"]
