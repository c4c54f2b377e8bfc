"""Tags on cases and documents, notes, and saved searches: stored, audited, filterable."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import audit_rows, count, make_pdf

from caseorg.cli.app import cli
from caseorg.errors import InvalidValue, NotFound
from caseorg.importing.pipeline import import_files
from caseorg.library.audit import history
from caseorg.records.cases import add_case, list_cases
from caseorg.records.hearings import add_hearing
from caseorg.records.notes import add_note, delete_note, edit_note, list_notes, search_notes
from caseorg.records.saved_searches import (
    delete_saved_search,
    get_saved_search,
    list_saved_searches,
    save_search,
)
from caseorg.records.tags import add_tag, all_tags, normalise_tag, remove_tag, tags_of
from caseorg.search.handle import index_of


@pytest.fixture
def document(lib: Any, case: Any, tmp_path: Path) -> int:
    pdf = make_pdf(
        tmp_path / "brief.pdf", ["Respondent's brief: persecution on account of religion."]
    )
    document_id = import_files(lib, case.id, [pdf], workers=1).outcomes[0].document_id
    assert document_id is not None
    return document_id


# -- tags -------------------------------------------------------------------------------


def test_tags_are_normalised_and_validated() -> None:
    assert normalise_tag("  Pro Se ") == "pro-se"
    assert normalise_tag("Detained/Bond") == "detained/bond"
    assert normalise_tag("niño") == "niño"
    for bad in ("", "   ", "a:b", '"quoted"', "x" * 41, "(x)"):
        with pytest.raises(InvalidValue):
            normalise_tag(bad)


def test_case_tags_filter_the_case_list(lib: Any, case: Any) -> None:
    other = add_case(lib, "987654321", "Bernardo Diaz")
    before = count(lib, "audit")
    assert add_tag(lib, "case", case.id, "Pro Se") == ["pro-se"]
    assert add_tag(lib, "case", case.id, "asylum") == ["asylum", "pro-se"]
    assert add_tag(lib, "case", case.id, "pro-se") == ["asylum", "pro-se"]  # already there
    add_tag(lib, "case", other.id, "asylum")
    assert count(lib, "audit") == before + 3
    row = audit_rows(lib)[-1]
    assert (row["entity"], row["entity_id"], row["action"], row["after"]) == (
        "case",
        other.id,
        "tag",
        {"tag": "asylum"},
    )
    assert [c.id for c in list_cases(lib, tag="PRO SE")] == [case.id]
    assert [c.id for c in list_cases(lib, tag="asylum")] == [case.id, other.id]
    assert [c.id for c in list_cases(lib, tag="asylum", text="Bernardo")] == [other.id]
    assert list_cases(lib, tag="nothing-like-it") == []

    assert remove_tag(lib, "case", case.id, "asylum") == ["pro-se"]
    assert [c.id for c in list_cases(lib, tag="asylum")] == [other.id]
    assert audit_rows(lib)[-1]["action"] == "untag"
    with pytest.raises(NotFound, match="no tag 'asylum'"):
        remove_tag(lib, "case", case.id, "asylum")
    with pytest.raises(NotFound):
        add_tag(lib, "case", 999, "x")
    assert [e.action for e in history(lib.db, case_id=case.id)][:2] == ["untag", "tag"]


def test_document_tags_and_the_tag_list(lib: Any, case: Any, document: int) -> None:
    add_tag(lib, "document", document, "key-evidence")
    add_tag(lib, "case", case.id, "key-evidence")
    assert tags_of(lib, "document", document) == ["key-evidence"]
    assert all_tags(lib) == [{"tag": "key-evidence", "cases": 1, "documents": 1}]
    with pytest.raises(InvalidValue, match="case or a document"):
        add_tag(lib, "hearing", 1, "x")


# -- notes ------------------------------------------------------------------------------


def test_notes_on_case_document_and_hearing(lib: Any, case: Any, document: int) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-14 09:30")
    first = add_note(lib, "case", case.id, "Counsel asked for a K'iche' interpreter.")
    on_doc = add_note(lib, "document", document, "Exhibit tabs B-D are missing pages.")
    on_hearing = add_note(lib, "hearing", hearing.id, "DHS will call one witness.")
    assert (first.case_id, on_doc.case_id, on_hearing.case_id) == (case.id, case.id, case.id)
    assert first.author == "test-clerk" and first.created_at
    assert [n.id for n in list_notes(lib, case_id=case.id)] == [first.id, on_doc.id, on_hearing.id]
    assert [n.id for n in list_notes(lib, entity="document", entity_id=document)] == [on_doc.id]

    assert [n.id for n in search_notes(lib, "interpreter")] == [first.id]
    assert [n.id for n in search_notes(lib, "missing tabs")] == [on_doc.id]  # every word
    assert search_notes(lib, "100%") == []  # LIKE wildcards are literal

    edited = edit_note(lib, first.id, "Counsel asked for a Mam interpreter.")
    assert edited.updated_at is not None and "Mam" in edited.text
    delete_note(lib, on_hearing.id)
    assert [n.id for n in list_notes(lib, case_id=case.id)] == [first.id, on_doc.id]
    rows = [r for r in audit_rows(lib) if r["entity"] == "note"]
    assert [r["action"] for r in rows] == ["create", "create", "create", "update", "delete"]
    assert rows[3]["before"]["text"] == "Counsel asked for a K'iche' interpreter."
    assert rows[4]["before"]["text"] == "DHS will call one witness."
    assert "note" in {e.entity for e in history(lib.db, case_id=case.id)}


def test_notes_are_validated(lib: Any, case: Any) -> None:
    with pytest.raises(InvalidValue, match="note text is required"):
        add_note(lib, "case", case.id, "   ")
    with pytest.raises(InvalidValue, match="case, document or hearing"):
        add_note(lib, "judge", 1, "x")
    with pytest.raises(NotFound, match="hearing 99 not found"):
        add_note(lib, "hearing", 99, "x")
    assert count(lib, "notes") == 0


# -- saved searches ---------------------------------------------------------------------


def test_saved_searches_round_trip(lib: Any) -> None:
    saved = save_search(lib, "Pending asylum briefs", "asylum AND brief", {"type": "Brief"})
    assert (saved.name, saved.query, saved.filters) == (
        "Pending asylum briefs",
        "asylum AND brief",
        {"type": "brief"},
    )
    save_search(lib, "CAT claims", '"convention against torture"', {"case": "A-123-456-789"})
    assert [s.name for s in list_saved_searches(lib)] == ["CAT claims", "Pending asylum briefs"]
    replaced = save_search(lib, "pending ASYLUM briefs", "asylum", {"limit": 5})
    assert replaced.id == saved.id and replaced.query == "asylum"
    assert replaced.filters == {"limit": 5}
    assert get_saved_search(lib, "cat claims").filters == {"case": "123456789"}
    rows = [r for r in audit_rows(lib) if r["entity"] == "saved_search"]
    assert [r["action"] for r in rows] == ["create", "create", "update"]
    assert rows[2]["before"]["query"] == "asylum AND brief"
    delete_saved_search(lib, "CAT claims")
    assert [s.name for s in list_saved_searches(lib)] == ["pending ASYLUM briefs"]
    with pytest.raises(NotFound, match="no saved search called 'CAT claims'"):
        get_saved_search(lib, "CAT claims")
    with pytest.raises(InvalidValue, match="unknown search filter"):
        save_search(lib, "x", "y", {"colour": "red"})
    with pytest.raises(InvalidValue, match="document type"):
        save_search(lib, "x", "y", {"type": "memo"})
    with pytest.raises(InvalidValue, match="query is required"):
        save_search(lib, "x", "  ")


# -- the command line -------------------------------------------------------------------


@pytest.fixture
def run(tmp_path: Path) -> Any:
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        return runner.invoke(
            cli, ["--library", str(tmp_path / "lib"), *args], catch_exceptions=False
        )

    return invoke


def test_cli_tags_and_notes(run: Any, tmp_path: Path) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez")
    run("case", "add", "--a-number", "987654321", "--respondent", "Bo Chen")
    added = run("tag", "add", "pro se", "asylum", "--case", "123456789")
    assert added.exit_code == 0 and "tags: asylum, pro-se" in added.output
    listed = json.loads(run("case", "list", "--tag", "pro-se", "--json").output)
    assert [c["a_number"] for c in listed] == ["123456789"]
    assert json.loads(run("tag", "list", "--json").output) == [
        {"tag": "asylum", "cases": 1, "documents": 0},
        {"tag": "pro-se", "cases": 1, "documents": 0},
    ]
    assert json.loads(run("tag", "list", "--case", "123456789", "--json").output) == [
        "asylum",
        "pro-se",
    ]
    removed = run("tag", "remove", "asylum", "--case", "123456789", "--json")
    assert json.loads(removed.output)["tags"] == ["pro-se"]
    missing = run("tag", "remove", "asylum", "--case", "123456789")
    assert missing.exit_code == 1 and missing.output.startswith("caseorg: ")
    both = run("tag", "add", "x", "--case", "123456789", "--document", "1")
    assert both.exit_code == 2
    bad = run("tag", "add", "a:b", "--case", "123456789")
    assert bad.exit_code == 2 and "invalid tag" in bad.output

    note = json.loads(
        run("note", "add", "Client moved to Fresno.", "--case", "987654321", "--json").output
    )
    assert note["entity"] == "case"
    found = json.loads(run("note", "list", "--search", "fresno", "--json").output)
    assert [n["id"] for n in found] == [note["id"]]
    assert run("note", "edit", str(note["id"]), "Client moved to Merced.").exit_code == 0
    assert "Merced" in run("note", "list", "--case", "987654321").output
    assert run("note", "delete", str(note["id"])).exit_code == 0
    assert run("note", "list").output.strip() == "no notes"
    assert run("note", "add", "x").exit_code == 2


def test_cli_saved_search_round_trip(run: Any, tmp_path: Path) -> None:
    from caseorg.demo.pdfmake import write_text_pdf

    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez")
    write_text_pdf(
        tmp_path / "brief.pdf",
        paragraphs=["The respondent fears persecution on account of religion."],
    )
    run("import", "123456789", str(tmp_path / "brief.pdf"))
    first = run("search", "persecution", "--type", "brief", "--save", "Religion")
    assert first.exit_code == 0 and "brief" in first.output
    saved = json.loads(run("saved-search", "list", "--json").output)
    assert [(s["name"], s["query"], s["filters"]) for s in saved] == [
        ("Religion", "persecution", {"type": "brief"})
    ]
    again = json.loads(run("search", "--saved", "religion", "--json").output)
    assert [h["title"] for h in again] == ["brief"]
    other_type = run("search", "--saved", "Religion", "--type", "motion")
    assert other_type.exit_code == 1  # the override applies: no motions match
    assert run("search", "--saved", "nope").exit_code == 1
    assert run("search").exit_code == 2
    assert run("search", "x", "--saved", "Religion").exit_code == 2
    assert run("saved-search", "delete", "Religion").exit_code == 0
    assert run("saved-search", "list").output.strip() == "no saved searches"


# -- search: tag: and note: -------------------------------------------------------------


def _found(lib: Any, query: str) -> list[int]:
    return [hit.document_id for hit in index_of(lib).search(query)]


def test_tags_and_notes_are_searchable(lib: Any, case: Any, document: int, tmp_path: Path) -> None:
    other = add_case(lib, "987654321", "Bernardo Diaz")
    pdf = make_pdf(tmp_path / "motion.pdf", ["Motion to continue: religion of the respondent."])
    theirs = import_files(lib, other.id, [pdf], workers=1).outcomes[0].document_id
    assert set(_found(lib, "religion")) == {document, theirs}
    assert _found(lib, "tag:pro-se") == []

    add_tag(lib, "case", case.id, "Pro Se")
    assert _found(lib, "tag:pro-se") == [document]
    assert _found(lib, "religion AND tag:pro-se") == [document]
    add_tag(lib, "document", theirs, "key-evidence")
    assert _found(lib, "tag:key-evidence") == [theirs]
    assert set(_found(lib, "tag:pro-se OR tag:key-evidence")) == {document, theirs}

    hearing = add_hearing(lib, other.id, "2025-03-14 09:30")
    note = add_note(lib, "hearing", hearing.id, "Interpreter for Mam requested.")
    assert _found(lib, "note:interpreter") == [theirs]
    assert _found(lib, "religion AND note:mam") == [theirs]

    index_of(lib).rebuild()  # the index is a cache: a rebuild from SQLite keeps both
    assert _found(lib, "tag:pro-se") == [document]
    assert _found(lib, "note:interpreter") == [theirs]

    remove_tag(lib, "case", case.id, "pro-se")
    delete_note(lib, note.id)
    assert _found(lib, "tag:pro-se") == [] and _found(lib, "note:interpreter") == []


def test_cli_search_with_tag(run: Any, tmp_path: Path) -> None:
    from caseorg.demo.pdfmake import write_text_pdf

    for number, name in (("123456789", "Ana Lopez"), ("987654321", "Bo Chen")):
        run("case", "add", "--a-number", number, "--respondent", name)
        write_text_pdf(tmp_path / f"{number}.pdf", paragraphs=["Country conditions report."])
        run("import", number, str(tmp_path / f"{number}.pdf"))
    run("tag", "add", "detained", "--case", "987654321")
    hits = json.loads(run("search", "country", "--tag", "Detained", "--json").output)
    assert [h["a_number"] for h in hits] == ["987654321"]
    assert run("search", "country", "--tag", "detained", "--save", "Detained").exit_code == 0
    saved = json.loads(run("saved-search", "list", "--json").output)[0]
    assert saved["filters"] == {"tag": "detained"}
    again = json.loads(run("search", "--saved", "detained", "--json").output)
    assert [h["a_number"] for h in again] == ["987654321"]
    both = json.loads(run("search", "tag:detained OR a:123456789", "--json").output)
    assert len(both) == 2


def test_case_show_includes_tags_and_notes(run: Any) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez")
    run("tag", "add", "pro-se", "--case", "123456789")
    run("note", "add", "Prefers hearings by video.", "--case", "123456789")
    shown = json.loads(run("case", "show", "123456789", "--json").output)
    assert shown["tags"] == ["pro-se"]
    assert [n["text"] for n in shown["notes"]] == ["Prefers hearings by video."]
    text = run("case", "show", "123456789").output
    assert re.search(r"tags: +pro-se", text) and "Prefers hearings by video." in text
