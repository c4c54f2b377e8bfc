"""Search on the server (issue 16): a court library's pages searched by PostgreSQL's
English full-text search, grouped by document, with page hits and snippets."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.errors import BadQuery
from caseorg.importing.pipeline import import_files
from caseorg.library import move_library, open_library
from caseorg.records import add_case, add_note, add_tag
from caseorg.search import index_of
from core.search.aao_corpus import _names, aao_template as aao_template


@pytest.fixture
def filed(court_lib: Any, tmp_path: Path) -> Any:
    ana = add_case(court_lib, "A-123-456-789", "Ana Lopez")
    bo = add_case(court_lib, "A-222-333-444", "Bo Chen")
    brief = make_pdf(
        tmp_path / "brief.pdf",
        ["Intro page about nothing much.", "The respondent faces extreme hardship if removed."],
    )
    motion = make_pdf(tmp_path / "motion.pdf", ["Motion to reopen: persecution on return."])
    other = make_pdf(tmp_path / "other.pdf", ["Hardship of the children; asylum claim."])
    import_files(court_lib, ana.id, [brief, motion], workers=1)
    import_files(court_lib, bo.id, [other], workers=1)
    return court_lib


def test_words_phrases_prefix_and_or_not(filed: Any) -> None:
    index = index_of(filed)
    (brief, other) = sorted(index.search("hardships"), key=lambda h: h.respondent)  # stemmed
    assert brief.matching_pages == [2] and brief.respondent == "Ana Lopez"
    assert brief.pages[0].snippet.count("**") >= 2 and "<b>" in brief.pages[0].snippet_html
    assert len(index.search('"extreme hardship"')) == 1
    assert len(index.search('"hardship extreme"')) == 0
    assert len(index.search("persec*")) == 1
    assert len(index.search("persecution OR asylum")) == 2
    assert len(index.search("hardship NOT asylum")) == 1
    assert len(index.search("hardship -asylum")) == 1
    assert len(index.search("(asylum OR persecution) AND reopen")) == 1
    assert len(index.search("hardship", case_a_number="A-222-333-444")) == 1
    assert index.page_count() == 4


def test_field_filters_fuzzy_and_snippets_on_the_server(filed: Any) -> None:
    index = index_of(filed)
    (brief,) = index.search("type:brief hardship a:A-123-456-789")
    assert brief.title and brief.matching_pages == [2]
    assert "**hardship**" in brief.pages[0].snippet
    assert [p.page_no for p in brief.pages] == [2]
    assert {h.respondent for h in index.search("hardshp~")} == {"Ana Lopez", "Bo Chen"}
    assert index.search("zqxwv~") == []  # a fuzzy word near no word at all
    assert index.search("type:decision hardship") == []
    (only,) = index.search("a:A-222-333-444")  # document fields alone: every page, a head
    assert only.pages[0].snippet.startswith("Hardship of the children")
    # the planner setting a search makes is its own: the records' statements keep theirs
    assert filed.db.raw.execute("SHOW enable_seqscan").fetchone()[0] == "on"


def test_what_the_server_cannot_search_is_one_line(filed: Any) -> None:
    for query, message in (
        ("title:brief~", "^title: takes words, phrases or prefix"),
        ("(asylum", "^a '\\(' is never closed"),
        ("type:memo", "^unknown document type 'memo'"),
        ("the", "^nothing to search for"),
    ):
        with pytest.raises(BadQuery, match=message):
            index_of(filed).search(query)


# -- the same answers as the embedded engines, on the same library ------------------------

COMPARED = [
    "hardship",
    "hardships",
    '"extreme hardship"',
    '"labor certification" evidence',
    '"preponderance of the evidence"',
    "trafficking AND hardship",
    "trafficking NOT hardship",
    "trafficking OR waiver",
    "(trafficking OR hardship) AND waiver",
    "-trafficking +waiver",
    "inadmiss*",
    "hardshp~",
    "petitionr~",
    "type:decision hardship",
    "type:decision",
    "NOT type:decision AND waiver",
    "a:A-222-222-222 1999",
    "filed:2024",
    "filed:[2024-01-01 TO 2024-06-30]",
    "filed:>2024-05 OR filed:<2024",
    "title:file139 OR title:file219",
    "title:file1*",
    "tag:urgent",
    "tag:urgent hardship",
    "note:interpreter",
    'note:"call the interpreter"',
    "waiver AND NOT (tag:urgent OR type:decision)",
    '"extreme hardship"~3',
    '"hardship"',
    "waiv?r",
    "filed:2024-03-15",
    "type:(decision OR other) trafficking",
    'title:"file139"',
    "the hardship",
    "tag:detain*",
    "(hardship OR title:file93) NOT trafficking",
    "hardship^2 OR trafficking",
]


@pytest.fixture(scope="module")
def both(aao_template: Path, pg_cluster: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The AAO corpus as a folder library (Whoosh) and moved into a court library, with
    tags and notes on some documents (both ways of searching see the same records)."""
    path = tmp_path_factory.mktemp("compare") / "library"
    shutil.copytree(aao_template, path)
    lite = open_library(path)
    names = _names(lite)
    ids = {name: doc for doc, name in names.items()}
    add_tag(lite, "document", ids["aao__D12__file139.pdf"], "urgent")
    add_tag(lite, "document", ids["aao__H4__file219.pdf"], "Urgent")
    other_case = lite.db.execute("SELECT id FROM cases WHERE a_number = '222222222'").fetchone()
    add_tag(lite, "case", other_case[0], "detained")
    add_note(lite, "document", ids["aao__A3__file93.pdf"], "Call the interpreter first.")
    add_note(lite, "case", other_case[0], "Interpreters: Spanish.")
    court = open_library(pg_cluster.new_library())
    move_library(lite, court, with_files=False)
    yield lite, court, names
    court.close()
    lite.close()


def _found(lib: Any, query: str, names: dict[int, str]) -> dict[str, list[int]]:
    return {names[h.document_id]: h.matching_pages for h in index_of(lib).search(query, limit=500)}


@pytest.mark.corpus
@pytest.mark.parametrize("query", COMPARED)
def test_the_server_finds_what_the_embedded_engines_find(both: Any, query: str) -> None:
    """The same documents, and the same pages of each, as the folder library's search."""
    lite, court, names = both
    embedded, server = _found(lite, query, names), _found(court, query, names)
    assert embedded, query  # a query that finds nothing proves nothing
    assert set(server) == set(embedded), query
    assert server == embedded, query
