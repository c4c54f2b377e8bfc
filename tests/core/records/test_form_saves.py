"""What the editing forms read and write through the core: a deadline by id, and a
hearing saved with its exhibits in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import audit_rows, make_pdf

from caseorg.errors import InvalidValue, NotFound
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library
from caseorg.records.deadlines import add_deadline, get_deadline, mark_done
from caseorg.records.exhibits import exhibits_for
from caseorg.records.hearings import get_hearing, list_hearings, save_hearing


@pytest.fixture
def docs(lib: Library, case: Any, tmp_path: Path) -> list[int]:
    paths = [make_pdf(tmp_path / f"{name}.pdf", [f"{name} text"]) for name in ("Brief", "Motion")]
    return [o.document_id for o in import_files(lib, case.id, paths).outcomes]


def test_get_deadline_reads_one_or_says_not_found(lib: Library, case: Any) -> None:
    made = add_deadline(lib, case.id, "brief_due", "2025-04-01", "reply brief")
    assert get_deadline(lib, made.id) == made
    done = mark_done(lib, made.id, "2025-03-30")
    assert get_deadline(lib, made.id).done_on == done.done_on == "2025-03-30"
    with pytest.raises(NotFound, match="deadline 999 not found"):
        get_deadline(lib, 999)


def test_save_hearing_schedules_then_edits_with_exhibits(
    lib: Library, case: Any, docs: list[int]
) -> None:
    before = len(audit_rows(lib))
    hearing = save_hearing(
        lib, case.id, None, "2025-03-03 09:00", {docs[0]: "Exh. 1"}, courtroom="Courtroom 2"
    )
    assert hearing.courtroom == "Courtroom 2" and hearing.starts_at.startswith("2025-03-03 09:00")
    assert [(row["id"], row["exhibit"]) for row in exhibits_for(lib, hearing.id)] == [
        (docs[0], "Exh. 1")
    ]
    actions = [row["action"] for row in audit_rows(lib)[before:]]
    assert actions == ["create", "link_exhibit"]

    edited = save_hearing(
        lib, case.id, hearing.id, "2025-03-04 10:00", {docs[1]: None}, outcome="pending"
    )
    assert edited.id == hearing.id and edited.starts_at.startswith("2025-03-04 10:00")
    assert [row["id"] for row in exhibits_for(lib, hearing.id)] == [docs[1]]  # checklist
    assert save_hearing(lib, case.id, hearing.id, "2025-03-04 10:00", {}) == get_hearing(
        lib, hearing.id
    )
    assert exhibits_for(lib, hearing.id) == []  # an edit with none unticks them all


def test_save_hearing_is_all_or_nothing(lib: Library, case: Any, docs: list[int]) -> None:
    with pytest.raises(NotFound, match="document 99999"):
        save_hearing(lib, case.id, None, "2025-03-03 09:00", {docs[0]: "A", 99_999: "B"})
    with pytest.raises(InvalidValue):
        save_hearing(lib, case.id, None, "2025-03-03 09:00", {docs[0]: "A"}, kind="picnic")
    assert list_hearings(lib, case.id) == []  # the hearing went with its bad exhibit
