"""Core support the editing dialogs need: a deadline's document, a hearing's exhibit list."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import audit_rows, make_pdf

from caseorg.errors import InvalidValue, ReadOnlyLibrary
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case
from caseorg.records.deadlines import add_deadline, list_deadlines
from caseorg.records.exhibits import exhibits_for, link_document, set_exhibits
from caseorg.records.hearings import add_hearing


@pytest.fixture
def docs(lib, case, tmp_path: Path) -> list[int]:
    """Three real documents in the case (and one in another case, last)."""
    paths = [
        make_pdf(tmp_path / f"{name}.pdf", [f"{name} text"])
        for name in ("Respondent_Brief", "DHS_Motion", "Declaration")
    ]
    report = import_files(lib, case.id, paths)
    other = add_case(lib, "A-987-654-321", "Bo Chen")
    stray = import_files(lib, other.id, [make_pdf(tmp_path / "stray.pdf", ["stray"])])
    ids = [o.document_id for o in report.outcomes]
    return [*ids, stray.outcomes[0].document_id]


def test_deadline_keeps_its_document(lib, case, docs) -> None:
    before = len(audit_rows(lib))
    deadline = add_deadline(lib, case.id, "brief_due", "2025-04-01", "reply", document_id=docs[0])
    assert deadline.document_id == docs[0]
    assert list_deadlines(lib, case.id)[0].document_id == docs[0]
    rows = audit_rows(lib)[before:]
    assert [(r["action"], r["entity"]) for r in rows] == [("create", "deadline")]
    assert rows[0]["after"]["document_id"] == docs[0]


def test_deadline_refuses_another_cases_document(lib, case, docs) -> None:
    with pytest.raises(InvalidValue, match="another case"):
        add_deadline(lib, case.id, "filing", "2025-04-01", document_id=docs[-1])
    assert list_deadlines(lib, case.id) == []


def test_set_exhibits_links_unlinks_and_relabels(lib, case, docs) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-03 09:00")
    link_document(lib, hearing.id, docs[0], "Exh. 1")
    link_document(lib, hearing.id, docs[1], "Exh. 2")
    before = len(audit_rows(lib))

    set_exhibits(lib, hearing.id, {docs[1]: "Exh. 2A", docs[2]: " Exh. 3 "})

    assert {e["id"]: e["exhibit"] for e in exhibits_for(lib, hearing.id)} == {
        docs[1]: "Exh. 2A",
        docs[2]: "Exh. 3",
    }
    rows = audit_rows(lib)[before:]
    assert sorted(r["action"] for r in rows) == [
        "link_exhibit",
        "relabel_exhibit",
        "unlink_exhibit",
    ]
    assert all(r["entity"] == "hearing" and r["entity_id"] == hearing.id for r in rows)
    unlink = next(r for r in rows if r["action"] == "unlink_exhibit")
    assert unlink["before"] == {"document_id": docs[0], "exhibit": "Exh. 1"}

    before = len(audit_rows(lib))
    set_exhibits(lib, hearing.id, {docs[1]: "Exh. 2A", docs[2]: "Exh. 3"})  # no change
    assert len(audit_rows(lib)) == before


def test_set_exhibits_is_all_or_nothing(lib, case, docs) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-03 09:00")
    link_document(lib, hearing.id, docs[0], "Exh. 1")
    before = len(audit_rows(lib))
    with pytest.raises(InvalidValue, match="another case"):
        set_exhibits(lib, hearing.id, {docs[1]: "Exh. 2", docs[-1]: "Exh. 9"})
    assert [e["id"] for e in exhibits_for(lib, hearing.id)] == [docs[0]]
    assert len(audit_rows(lib)) == before


def test_set_exhibits_needs_a_writable_library(lib, case, docs) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-03 09:00")
    with (
        open_library(lib.location, read_only=True) as reader,
        pytest.raises(ReadOnlyLibrary),
    ):
        set_exhibits(reader, hearing.id, {docs[0]: "Exh. 1"})
