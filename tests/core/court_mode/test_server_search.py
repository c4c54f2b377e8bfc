"""Search on the server (issue 16): a court library's pages searched by PostgreSQL's
English full-text search, grouped by document, with page hits and snippets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.errors import BadQuery
from caseorg.importing.pipeline import import_files
from caseorg.records import add_case
from caseorg.search import index_of


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


def test_what_the_server_cannot_search_yet_is_one_line(filed: Any) -> None:
    with pytest.raises(BadQuery, match="^type:brief: field filters and fuzzy~ are not supported"):
        index_of(filed).search("type:brief hardship")
    with pytest.raises(BadQuery, match="^cannot understand the search"):
        index_of(filed).search("(asylum")
