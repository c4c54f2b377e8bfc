"""What forms and filters offer back: the case list, its stamp, spellings already used."""

from __future__ import annotations

import pytest

from caseorg.errors import InvalidValue
from caseorg.library.folder import Library
from caseorg.records.cases import add_case, edit_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.lookups import (
    case_choices,
    cases_stamp,
    court_names,
    courtrooms,
    used_case_values,
)


def test_case_choices_by_a_number_and_a_stamp_that_moves_with_any_change(lib: Library) -> None:
    empty = cases_stamp(lib)
    assert case_choices(lib) == []
    second = add_case(lib, "A-222-333-444", "Bo Chen")
    first = add_case(lib, "A-123-456-789", "Ana Lopez")
    assert case_choices(lib) == [
        (first.id, "A-123-456-789", "Ana Lopez"),
        (second.id, "A-222-333-444", "Bo Chen"),
    ]
    stamp = cases_stamp(lib)
    assert stamp != empty and cases_stamp(lib) == stamp  # reading changes nothing
    edit_case(lib, second.id, respondent="Bo Chen Li")
    assert cases_stamp(lib)[2] >= stamp[2]  # the latest edit (to the second)
    add_case(lib, "A-333-444-555", "Carla Diaz")
    assert cases_stamp(lib) != stamp


def test_values_already_used_are_offered_once_each(lib: Library) -> None:
    add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")
    add_judge(lib, "ABR", "Judge Alan Brooks")
    ana = add_case(lib, "A-123-456-789", "Ana Lopez", language="Spanish", court="Oakland")
    add_case(lib, "A-222-333-444", "Bo Chen", language="Spanish", nationality="China")
    add_case(lib, "A-333-444-555", "Carla Diaz", language="Mam")
    assert used_case_values(lib, "language") == ["Mam", "Spanish"]
    assert used_case_values(lib, "nationality") == ["China"]
    assert used_case_values(lib, "dhs_counsel") == []
    with pytest.raises(InvalidValue):
        used_case_values(lib, "respondent; DROP TABLE cases")
    assert court_names(lib) == ["Oakland", "San Francisco"]
    add_hearing(lib, ana.id, "2025-03-03 09:00", courtroom="Courtroom 2")
    add_hearing(lib, ana.id, "2025-03-04 09:00", courtroom="Courtroom 2")
    add_hearing(lib, ana.id, "2025-03-05 09:00")
    assert courtrooms(lib) == ["Courtroom 2"]


def test_case_choices_put_eoir_only_cases_after_a_numbers_in_id_order(lib: Library) -> None:
    """Sorted in Python (issue 15: SQLite's sort was 4x the read at 20,000 cases) in the
    order the query used to give: A-numbers first, then cases named by EOIR's id."""
    from caseorg.records.cases import add_case_row

    late = add_case_row(lib, None, None, {"respondent": "Eve"}, eoir_case_id="310000009")
    early = add_case_row(lib, None, None, {"respondent": "Dan"}, eoir_case_id="310000001")
    second = add_case(lib, "A-222-333-444", "Bo Chen")
    first = add_case(lib, "A-023-456-789", "Ana Lopez")
    assert case_choices(lib) == [
        (first.id, "A-023-456-789", "Ana Lopez"),
        (second.id, "A-222-333-444", "Bo Chen"),
        (early, "EOIR 310000001", "Dan"),
        (late, "EOIR 310000009", "Eve"),
    ]
    ordered = lib.db.execute(
        "SELECT id FROM cases ORDER BY a_number IS NULL, a_number, eoir_case_id"
    ).fetchall()
    assert [row[0] for row in ordered] == [c[0] for c in case_choices(lib)]
