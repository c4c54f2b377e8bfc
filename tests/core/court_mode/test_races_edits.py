"""Two clerks changing records at the same instant on one court library (issue 16), beyond
adding a case: an A-number given to a case, an EOIR case id linked, a saved search's
name, an exhibit's number. The second clerk's write waits for the first's commit, then
gets the line the folder library gives for the same change a moment later (never an
'unexpected error'), and nothing is doubled. The same lines on both backends, written
one after the other (``both_lib``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from caseorg.errors import InvalidValue
from caseorg.library import open_library
from caseorg.records import (
    add_case,
    add_case_row,
    add_hearing,
    add_judge,
    edit_case,
    link_document,
    link_eoir_case,
    list_saved_searches,
    mark_exhibit,
    save_search,
)


def _while_first_holds(first: Any, write: Callable[[], Any], late: Callable[[], Any]) -> list[Any]:
    """``write`` in the first clerk's open transaction; ``late`` meanwhile in a thread, seen
    waiting on it; what ``late`` gave (a value or the error a clerk would see)."""
    seen: list[Any] = []

    def run() -> None:
        try:
            seen.append(late())
        except BaseException as exc:  # noqa: BLE001 - what the clerk would see
            seen.append(exc)

    with first.db.atomic():
        write()
        racer = threading.Thread(target=run)
        racer.start()
        time.sleep(0.5)
        assert racer.is_alive()  # waiting on the first clerk's row
    racer.join(30)
    return seen


def _eoir_cases(lib: Any) -> tuple[int, int]:
    """Two cases from EOIR's data, neither with an A-number yet."""
    return (
        add_case_row(lib, None, None, {"respondent": "First Resp"}, "310000001"),
        add_case_row(lib, None, None, {"respondent": "Second Resp"}, "310000002"),
    )


def _one_line(seen: list[Any], line: str) -> None:
    assert [type(e) for e in seen] == [InvalidValue]
    assert str(seen[0]) == line


def test_an_a_number_given_meanwhile_is_one_line(pg_cluster: Any) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as first, open_library(url) as second:
        one, two = _eoir_cases(first)
        seen = _while_first_holds(
            first,
            lambda: edit_case(first, one, a_number="A-200-000-003"),
            lambda: edit_case(second, two, a_number="A-200-000-003"),
        )
        _one_line(seen, "A-number A-200-000-003 is already case A-200-000-003 (First Resp)")
        given = "SELECT count(*) FROM cases WHERE a_number IS NOT NULL"
        (n,) = first.conn.execute(given).fetchone()
        assert n == 1


def test_an_eoir_case_id_linked_meanwhile_is_one_line(pg_cluster: Any) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as first, open_library(url) as second:
        add_judge(first, "JRM", "Judge Rosa Martinez")
        one = add_case(first, "A-200-000-004", "First", judge_code="JRM").id
        two = add_case(first, "A-200-000-005", "Second", judge_code="JRM").id
        seen = _while_first_holds(
            first,
            lambda: link_eoir_case(first, one, "EOIR 320000001"),
            lambda: link_eoir_case(second, two, "EOIR 320000001"),
        )
        _one_line(seen, "case EOIR 320000001 already exists")


def test_a_search_saved_under_the_same_new_name_meanwhile_is_replaced(pg_cluster: Any) -> None:
    """Saving under a name that exists replaces it: so does a save that met another
    clerk's same new name at the same instant (as it would a moment later)."""
    url = pg_cluster.new_library()
    with open_library(url) as first, open_library(url) as second:
        seen = _while_first_holds(
            first,
            lambda: save_search(first, "Pending briefs", "brief"),
            lambda: save_search(second, "pending BRIEFS", "brief AND asylum"),
        )
        assert [(s.name, s.query) for s in seen] == [("pending BRIEFS", "brief AND asylum")]
        assert [(s.name, s.query) for s in list_saved_searches(first)] == [
            ("pending BRIEFS", "brief AND asylum")
        ]
        actions = first.conn.execute(
            "SELECT action FROM audit WHERE entity = 'saved_search' ORDER BY id"
        ).fetchall()
        assert [a[0] for a in actions] == ["create", "update"]


def _two_documents(lib: Any) -> tuple[int, int, int]:
    add_judge(lib, "JRM", "Judge Rosa Martinez")
    case = add_case(lib, "A-200-000-006", "Exhibits", judge_code="JRM")
    hearing = add_hearing(lib, case.id, "2027-03-04 09:00")
    docs = []
    for n in (1, 2):
        cursor = lib.db.execute(
            "INSERT INTO documents (case_id, sha256, title, imported_at) VALUES (?, ?, ?, 'now')",
            [case.id, f"{n}" * 64, f"Document {n}"],
        )
        docs.append(int(cursor.lastrowid))
    return hearing.id, docs[0], docs[1]


def test_an_exhibit_number_given_meanwhile_is_one_line(pg_cluster: Any) -> None:
    """No unique index covers a case's exhibit numbers (they live on the hearing's link):
    the case's row is held while one clerk numbers, so the other's check waits and sees.
    (Documents not yet linked would wait anyway: on the seals' lock their audit row takes
    before the check.)"""
    url = pg_cluster.new_library()
    with open_library(url) as first, open_library(url) as second:
        hearing, doc1, doc2 = _two_documents(first)
        for doc in (doc1, doc2):  # linked already: numbering them writes no row before the check
            link_document(first, hearing, doc)
        seen = _while_first_holds(
            first,
            lambda: mark_exhibit(first, hearing, doc1, "1", "dhs"),
            lambda: mark_exhibit(second, hearing, doc2, "1", "respondent"),
        )
        _one_line(seen, f"exhibit 1 is already document {doc1}")
        numbers = first.conn.execute(
            "SELECT exhibit FROM hearing_documents WHERE exhibit IS NOT NULL"
        ).fetchall()
        assert numbers == [("1",)]


def test_the_same_lines_one_after_the_other_on_both_backends(both_lib: Any) -> None:
    lib = both_lib
    one, two = _eoir_cases(lib)
    edit_case(lib, one, a_number="A-200-000-003")
    with pytest.raises(InvalidValue) as taken:
        edit_case(lib, two, a_number="A-200-000-003")
    assert str(taken.value) == "A-number A-200-000-003 is already case A-200-000-003 (First Resp)"
    three = add_case(lib, "A-200-000-007", "Third").id
    with pytest.raises(InvalidValue, match=r"^case EOIR 310000001 already exists$"):
        link_eoir_case(lib, three, "EOIR 310000001")
    save_search(lib, "Pending briefs", "brief")
    assert save_search(lib, "pending BRIEFS", "asylum").query == "asylum"
    assert len(list_saved_searches(lib)) == 1
    hearing, doc1, doc2 = _two_documents(lib)
    mark_exhibit(lib, hearing, doc1, "1", "dhs")
    with pytest.raises(InvalidValue, match=rf"^exhibit 1 is already document {doc1}$"):
        mark_exhibit(lib, hearing, doc2, "1", "respondent")
