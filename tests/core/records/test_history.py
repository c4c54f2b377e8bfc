"""A case's history: everything in the case, newest first, limited, other cases left out."""

from __future__ import annotations

from typing import Any

from caseorg.records.cases import add_case, edit_case
from caseorg.records.deadlines import add_deadline
from caseorg.records.hearings import add_hearing
from caseorg.records.history import case_history
from caseorg.records.notes import add_note
from caseorg.records.notices import add_notice


def test_case_history_gathers_the_case_and_what_it_holds(lib: Any, case: Any) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-14 09:30")
    add_notice(lib, hearing.id, "2025-01-10")
    add_deadline(lib, case.id, "filing", "2025-02-01")
    add_note(lib, "hearing", hearing.id, "Interpreter confirmed.")
    other = add_case(lib, "987654321", "Bernardo Diaz")
    add_hearing(lib, other.id, "2025-04-01 09:00")
    events = case_history(lib, case.id)
    assert [e.entity for e in events] == ["note", "deadline", "notice", "hearing", "case"]
    assert all(e.action == "create" for e in events)


def test_case_history_is_newest_first_and_limited(lib: Any, case: Any) -> None:
    edit_case(lib, case.id, respondent="Maria Lopez Garcia")
    events = case_history(lib, case.id)
    assert [e.action for e in events] == ["update", "create"]
    assert [e.action for e in case_history(lib, case.id, limit=1)] == ["update"]
