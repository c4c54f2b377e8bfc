"""The search thread's reader: a read-only library that follows the writer's index."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

import pytest
from helpers import make_pdf

from caseorg.errors import BadQuery, CaseorgError
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.search.follower import (
    IndexFollower,
    IndexNotReady,
    SearchRequest,
    index_ready,
    index_stamp,
)
from caseorg.search.handle import index_of


def _add_document(lib: Library, case_id: int, folder: Path, name: str, text: str) -> None:
    report = import_files(lib, case_id, [make_pdf(folder / name, [text])])
    assert report.outcomes[0].document_id is not None, report.outcomes


@pytest.fixture
def library(lib: Library, tmp_path: Path) -> Library:
    case = add_case(lib, "A-555-666-777", "Dana Ruiz")
    _add_document(lib, case.id, tmp_path, "one.pdf", "A persecution claim.")
    return lib


def test_a_request_is_the_typed_text_and_the_filed_range() -> None:
    assert SearchRequest("fear").query() == "fear"
    ranged = SearchRequest(" fear ", filed_from=dt.date(2024, 1, 1), filed_to=dt.date(2024, 2, 1))
    assert ranged.query() == "(fear) filed:[2024-01-01 TO 2024-02-01]"
    assert (
        SearchRequest("fear", filed_to=dt.date(2024, 2, 1)).query()
        == "(fear) filed:[ TO 2024-02-01]"
    )
    assert not SearchRequest("fear").filtered
    assert SearchRequest("fear", doc_type="brief").filtered
    assert SearchRequest("fear", a_number="555666777").filtered


def test_searches_its_own_read_only_library(library: Library) -> None:
    follower = IndexFollower(library.path, library.index_dir)
    try:
        hits = follower.search(SearchRequest("persecution"))
        assert [hit.respondent for hit in hits] == ["Dana Ruiz"]
        assert follower._lib is not None and follower._lib is not library
        assert follower._lib.read_only
        assert follower.search(SearchRequest("persecution", a_number="A-111-111-111")) == []
        with pytest.raises(BadQuery):
            follower.search(SearchRequest('"persecution'))
    finally:
        follower.close()
    assert follower.closed and follower._lib is None
    with pytest.raises(CaseorgError, match="closed"):
        follower.search(SearchRequest("persecution"))


def test_sees_what_the_writer_added_once_told_to_reopen(library: Library, tmp_path: Path) -> None:
    follower = IndexFollower(library.path)
    try:
        assert len(follower.search(SearchRequest("persecution"))) == 1
        other = add_case(library, "A-888-999-000", "Eli Park")
        _add_document(library, other.id, tmp_path, "two.pdf", "A second persecution claim.")
        first = follower._lib
        follower.reopen()
        assert len(follower.search(SearchRequest("persecution"))) == 2
        assert follower._lib is not first  # opened afresh
        again = follower._lib
        follower.search(SearchRequest("persecution"))
        assert follower._lib is again  # nothing changed: kept open
    finally:
        follower.close()


def test_an_index_being_built_is_not_ready_until_the_writer_has_built_it(
    library: Library,
) -> None:
    path = library.path
    library.close()
    shutil.rmtree(path / "index")
    assert index_stamp(path / "index") is None
    follower = IndexFollower(path)
    try:
        with pytest.raises(IndexNotReady, match="being built"):
            follower.search(SearchRequest("persecution"))
        with open_library(path) as writer:
            index_of(writer).reconcile()
        assert index_stamp(path / "index") is not None
        # a new index on disk: opened again without being told
        assert len(follower.search(SearchRequest("persecution"))) == 1
        assert follower.search(SearchRequest("zebra")) == []  # ready: no match is no match
    finally:
        follower.close()


def test_an_empty_library_is_ready(lib: Library) -> None:
    assert index_ready(lib)
    follower = IndexFollower(lib.path)
    try:
        assert follower.search(SearchRequest("anything")) == []
    finally:
        follower.close()


def test_close_waits_for_a_running_search(library: Library) -> None:
    follower = IndexFollower(library.path)
    follower.search(SearchRequest("persecution"))  # opened
    with follower._lock:  # a search is running
        closer = threading.Thread(target=follower.close)
        closer.start()
        closer.join(0.2)
        assert closer.is_alive() and follower._lib is not None
    closer.join(5)
    assert follower._lib is None and follower.closed
