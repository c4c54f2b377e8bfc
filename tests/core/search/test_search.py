"""Search over real OCR'd AAO decisions: phrases, pages, snippets, operators, fields, filters,
bad queries, and the index as a disposable cache of SQLite."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import make_pdf
from hypothesis import HealthCheck, given, settings, strategies as st

from caseorg.errors import BadQuery, InvalidValue
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.documents import edit_document
from caseorg.search.chosen import set_engine
from caseorg.search.handle import index_of
from caseorg.search.query import normalise_query
from caseorg.search.seam import SearchIndex
from core.search.aao_corpus import CASE_D, _doc_id, _docs, _grep, _import_aao, _names, _pages

pytestmark = pytest.mark.corpus

# (phrase, a document it occurs in, a page of it, the highlighted words in the snippet);
# found by grepping pypdf's text of the corpus; a phrase is marked as one (issue 18)
PHRASES = [
    ("extreme hardship", "aao__D12__file139.pdf", 4, "**extreme hardship**"),
    (
        "preponderance of the evidence",
        "aao__A3__file93.pdf",
        6,
        "**preponderance of the evidence**",
    ),
    ("unlawfully present", "aao__H4__file219.pdf", 2, "**unlawfully present**"),
    (
        "substantial physical or mental abuse",
        "aao__D14__file1.pdf",
        6,
        "**substantial physical or mental abuse**",
    ),
    ("permission to reapply", "aao__H4__file64.pdf", 3, "**permission to reapply**"),
]


# -- phrases: the right document, the right page, a highlighted snippet ----------------


@pytest.mark.parametrize(("phrase", "name", "page", "marked"), PHRASES)
def test_phrase_finds_the_document_page_and_snippet(
    aao: Library, phrase: str, name: str, page: int, marked: str
) -> None:
    hits = index_of(aao).search(f'"{phrase}"', limit=100)
    names = _names(aao)
    mine = [h for h in hits if names[h.document_id] == name]
    assert mine, f"{name} not found for {phrase!r}"
    hit = mine[0]
    assert page in hit.matching_pages
    assert hit.title == re.sub("_+", " ", Path(name).stem)
    page_hit = next(p for p in hit.pages if p.page_no == page)
    assert marked in page_hit.snippet
    assert f"<b>{phrase}</b>" in page_hit.snippet_html
    assert "\x02" not in page_hit.snippet and "\x03" not in page_hit.snippet_html


@pytest.mark.parametrize(("phrase", "name", "page", "marked"), PHRASES)
def test_phrase_pages_are_exactly_the_pages_with_the_phrase(
    aao: Library, phrase: str, name: str, page: int, marked: str
) -> None:
    expected = _grep(aao, re.escape(phrase))
    assert (name, page) in expected
    assert _pages(aao, f'"{phrase}"') == expected


def test_results_are_grouped_by_document_best_first(aao: Library) -> None:
    hits = index_of(aao).search("trafficking", limit=5)
    assert 1 <= len(hits) <= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.document_id for h in hits}) == len(hits)
    for hit in hits:
        assert hit.matching_pages == sorted(set(hit.matching_pages))
        assert [p.page_no for p in hit.pages] == sorted(p.page_no for p in hit.pages)
        assert {p.page_no for p in hit.pages} <= set(hit.matching_pages)
        assert hit.a_number in ("111111111", "222222222")
        assert hit.page_count >= max(hit.matching_pages)


# -- operators, prefix, fuzzy ---------------------------------------------------------------


def test_and_or_not(aao: Library) -> None:
    trafficking = _pages(aao, "trafficking")
    hardship = _pages(aao, "hardship")
    assert trafficking and hardship and trafficking & hardship
    assert _pages(aao, "trafficking AND hardship") == trafficking & hardship
    assert _pages(aao, "trafficking hardship") == trafficking & hardship  # AND by default
    assert _pages(aao, "trafficking OR hardship") == trafficking | hardship
    # NOT excludes documents (issue 18): no page of a document with the word
    without = {p for p in trafficking if p[0] not in {name for name, _ in hardship}}
    assert without and without != trafficking - hardship
    assert _pages(aao, "trafficking NOT hardship") == without
    assert _pages(aao, "trafficking AND NOT hardship") == without
    assert _pages(aao, "(trafficking OR hardship) AND diplomat") == (
        (trafficking | hardship) & _pages(aao, "diplomat")
    )


def test_prefix(aao: Library) -> None:
    found = _pages(aao, "inadmiss*")
    assert found == _grep(aao, r"\binadmiss")
    assert _grep(aao, r"\binadmissible\b") <= found
    assert _grep(aao, r"\binadmissibility\b") <= found
    assert ("aao__D12__file139.pdf", 2) in found


def test_fuzzy(aao: Library) -> None:
    found = _pages(aao, "hardshp~")
    assert _grep(aao, r"\bhardship") <= found
    assert ("aao__D12__file139.pdf", 4) in found
    assert _pages(aao, "hardshp") == set()  # the misspelling alone finds nothing


def test_stemming(aao: Library) -> None:
    # 'trafficked' and 'trafficking' share a stem
    assert _grep(aao, r"\btrafficked\b") <= _pages(aao, "trafficking")


# -- fields -----------------------------------------------------------------------------------


def test_type_field_and_type_filter(aao: Library) -> None:
    names = _names(aao)
    decisions = {n for n in names.values() if "__D" in n}
    others = set(names.values()) - decisions
    assert _docs(aao, "type:decision") == decisions
    assert _docs(aao, "type:Decision") == decisions
    assert _docs(aao, "type:other") == others
    assert _docs(aao, "type:brief") == set()
    hardship = _pages(aao, "hardship")
    filtered = _pages(aao, "hardship", doc_type="decision")
    assert filtered == {p for p in hardship if p[0] in decisions}
    assert filtered and filtered != hardship
    assert _pages(aao, "hardship AND type:decision") == filtered


@pytest.mark.parametrize(
    "spelling",
    [
        "111111111",
        "A111111111",
        "a111111111",
        "111-111-111",
        "A-111-111-111",
        "a-111-111-111",
        '"A 111 111 111"',
        "111 111 111",
    ],
)
def test_a_number_field_in_every_spelling(aao: Library, spelling: str) -> None:
    names = _names(aao)
    decisions = {n for n in names.values() if "__D" in n}
    expected = {p for p in _pages(aao, "hardship") if p[0] in decisions}
    assert expected
    assert _pages(aao, f"a:{spelling} hardship") == expected
    assert _pages(aao, f"hardship AND a:{spelling}") == expected
    assert _pages(aao, "hardship", case_a_number=spelling.strip('"')) == expected


def test_a_number_field_leaves_the_next_words_alone(aao: Library) -> None:
    # '1999' after an A-number is a search word, not the end of the A-number
    expected = {p for p in _pages(aao, "1999") if "__D" in p[0]}
    assert expected
    assert _pages(aao, "a:A-111-111-111 1999") == expected
    assert _pages(aao, "a:111111111 1999") == expected
    assert _pages(aao, "a:111 111 111 1999") == expected


def test_case_filter(aao: Library) -> None:
    everything = _pages(aao, "hardship")
    one = _pages(aao, "hardship", case_a_number=CASE_D)
    two = _pages(aao, "hardship", case_a_number="222-222-222")
    assert one and two
    assert one | two == everything and not one & two
    assert _pages(aao, "hardship", case_a_number=CASE_D, doc_type="other") == set()
    with pytest.raises(InvalidValue):
        index_of(aao).search("hardship", case_a_number="A-12")


def test_title_field(aao: Library) -> None:
    assert _docs(aao, "title:file139") == {"aao__D12__file139.pdf"}
    assert _docs(aao, "title:file139 OR title:file219") == {
        "aao__D12__file139.pdf",
        "aao__H4__file219.pdf",
    }
    assert _docs(aao, "title:D12") == {n for n in _names(aao).values() if "__D12__" in n}


def test_filed_range(aao: Library) -> None:
    in_2024 = {"aao__D12__file139.pdf", "aao__H4__file219.pdf"}
    assert _docs(aao, "filed:[2024-01-01 TO 2024-12-31]") == in_2024
    assert _docs(aao, "filed:[2024-01-01 to 2024-12-31]") == in_2024
    assert _docs(aao, "filed:[20240101 TO 20241231]") == in_2024
    assert _docs(aao, "filed:[2024-06-01 TO]") == {"aao__H4__file219.pdf", "aao__B2__file51.pdf"}
    assert _docs(aao, "filed:[TO 2023-12-31]") == {"aao__A3__file93.pdf"}
    assert _docs(aao, "filed:[2024-01-01 TO 2024-12-31] hardship") == {"aao__D12__file139.pdf"}
    assert _docs(aao, "filed:[2026-01-01 TO 2026-12-31]") == set()


def test_editing_a_document_updates_its_index_entry(aao: Library) -> None:
    doc_id = _doc_id(aao, "aao__H4__file64.pdf")
    try:
        edit_document(aao, doc_id, doc_type="brief", title="Waiver appeal zyxwv")
        assert _docs(aao, "type:brief") == {"aao__H4__file64.pdf"}
        assert _docs(aao, "title:zyxwv") == {"aao__H4__file64.pdf"}
        assert ("aao__H4__file64.pdf", 3) in _pages(aao, '"permission to reapply"')
    finally:
        edit_document(aao, doc_id, doc_type="other", title="aao H4 file64")
    assert _docs(aao, "type:brief") == set()


# -- bad queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"unclosed', ["quote"]),
        ('extreme "hardship', ["quote"]),
        ("(a OR b", ["("]),
        ("a OR b)", [")"]),
        ("foo:bar", ["foo", "type:"]),
        ("filed:[2024-13-45 TO 2024-12-31]", ["2024-13-45", "YYYY-MM-DD"]),
        ("filed:[2024-01-01 2024-12-31]", ["filed:[2024-01-01 TO 2024-12-31]"]),
        ("filed:[2024-01-01 TO 2024-12-31", ["["]),
        ("a:12345", ["A-number", "12345"]),
        ("a:A-123-456-7890", ["A-number"]),
        ("", ["search"]),
        ("   ", ["search"]),
        ("NOT NOT NOT", ["NOT"]),
    ],
)
def test_bad_queries_say_what_is_wrong(aao: Library, query: str, words: list[str]) -> None:
    with pytest.raises(BadQuery) as info:
        index_of(aao).search(query)
    message = str(info.value)
    assert message and "\n" not in message
    for word in words:
        assert word in message
    assert isinstance(info.value, InvalidValue)


def test_quoted_field_like_text_is_fine(aao: Library) -> None:
    assert index_of(aao).search('"In Re: 9044770"') is not None
    assert normalise_query('"foo:bar" extreme') == '"foo:bar" extreme'


# -- any text: results or BadQuery, nothing else ------------------------------------------------

_TOKENS = [
    "a:", "type:", "filed:", "title:", "content:", "(", ")", '"', "[", "]", "{", "}", "TO",
    "AND", "OR", "NOT", "*", "~", "^", "2024-01-01", "123456789", "A-123-456-789", "asylum",
    "hardship", " ", "-", "+", "'", "\\", "/", ":", "~2", "^3", "!", "?", "<b>",
]  # fmt: skip


@pytest.fixture(scope="module", params=["whoosh", "tantivy"])
def small(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("small")
    lib = open_library(folder / "library")
    try:
        set_engine(lib, request.param)
        case = add_case(lib, "123456789", "Ana")
        pdf = make_pdf(folder / "brief.pdf", ["Asylum brief: extreme hardship <b>&amp; fear."])
        import_files(lib, case.id, [pdf], workers=1)
        yield lib
    finally:
        lib.close()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=25),
        st.lists(st.sampled_from(_TOKENS), max_size=8).map("".join),
        st.lists(st.sampled_from(_TOKENS), max_size=8).map(" ".join),
    )
)
def test_any_query_gives_results_or_bad_query(small: Library, query: str) -> None:
    try:
        hits = index_of(small).search(query, limit=5)
    except BadQuery as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        for hit in hits:
            for page in hit.pages:
                # snippets are escaped: the only tags are the highlights
                assert re.sub(r"</?b>", "", page.snippet_html).count("<") == 0


def test_snippets_escape_document_text(small: Library) -> None:
    hits = index_of(small).search("fear")
    snippet = hits[0].pages[0].snippet_html
    assert "&lt;b&gt;" in snippet and "&amp;amp;" in snippet
    assert "<b>fear</b>" in snippet


# -- the index is a cache of SQLite ------------------------------------------------------------

CACHE_DOCS = [
    "aao__D12__file139.pdf",
    "aao__D14__file1.pdf",
    "aao__H4__file219.pdf",
    "aao__H4__file64.pdf",
    "aao__A3__file93.pdf",
]
CACHE_QUERIES = ['"extreme hardship"', "inadmiss*", "a:A-111-111-111 trafficking", "type:other"]


@pytest.fixture(scope="module")
def cache_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small closed library to copy: five decisions, two cases."""
    path = tmp_path_factory.mktemp("cache") / "library"
    with open_library(path) as lib:
        _import_aao(lib, CACHE_DOCS)
    return path


@pytest.fixture
def cached(cache_template: Path, tmp_path: Path, engine: str) -> Path:
    """A copy of the template set to use ``engine`` (its index is built when first opened)."""
    path = tmp_path / "library"
    shutil.copytree(cache_template, path)
    with open_library(path) as lib:
        set_engine(lib, engine)
    return path


def _answers(lib: Library) -> dict[str, set[tuple[str, int]]]:
    return {q: _pages(lib, q) for q in CACHE_QUERIES}


def test_deleted_index_is_rebuilt_on_open_and_by_reconcile(cached: Path) -> None:
    with open_library(cached) as lib:
        before = _answers(lib)
        pages = index_of(lib).page_count()
    assert all(before.values())
    shutil.rmtree(cached / "index")
    with open_library(cached) as lib:
        assert _answers(lib) == before  # opening the index reconciles it
        assert index_of(lib).page_count() == pages
    shutil.rmtree(cached / "index")
    with open_library(cached) as lib:
        bare = SearchIndex(lib)  # what opening finds before it reconciles: nothing
        try:
            assert bare.page_count() == 0
            assert bare.reconcile() == (len(CACHE_DOCS), 0)
            assert bare.page_count() == pages
        finally:
            bare.close()
        index_of(lib).reconcile()
        assert _answers(lib) == before
        assert index_of(lib).reconcile() == (0, 0)  # nothing left to do


def test_corrupt_index_is_rebuilt(cached: Path) -> None:
    with open_library(cached) as lib:
        before = _answers(lib)
    for path in (cached / "index").iterdir():
        if path.is_file() and path.name != "caseorg-index.json":  # every engine's own files
            path.write_bytes(b"\x00garbage" * 64)
    with open_library(cached) as lib:
        assert _answers(lib) == before
    (cached / "index" / "caseorg-index.json").write_text('{"schema": 0}')  # an old version
    with open_library(cached) as lib:
        assert _answers(lib) == before


def test_rebuild_gives_the_same_results(cached: Path) -> None:
    with open_library(cached) as lib:
        before = _answers(lib)
        pages = index_of(lib).page_count()
        seen: list[tuple[int, int]] = []
        done = index_of(lib).rebuild(progress=lambda p: seen.append((p.done, p.total)))
        assert done == pages == index_of(lib).page_count()
        assert seen and seen[-1] == (pages, pages)
        assert _answers(lib) == before
    assert not (cached / "index.new").exists() and not (cached / "index.old").exists()


def test_cancelled_rebuild_keeps_the_old_index(cached: Path) -> None:
    from caseorg.errors import Cancelled

    with open_library(cached) as lib:
        before = _answers(lib)
        # a rebuild looks for a cancel every 500 pages: give it more than that
        case_id = lib.db.execute("SELECT id FROM cases LIMIT 1").fetchone()[0]
        with lib.db.atomic():
            cursor = lib.db.execute(
                "INSERT INTO documents (case_id, sha256, title, imported_at)"
                " VALUES (?, ?, 'filler', 'now')",
                [case_id, "0" * 64],
            )
            filler = cursor.lastrowid
            lib.db.conn.executemany(
                "INSERT INTO pages (document_id, page_no, text) VALUES (?, ?, ?)",
                [(filler, n, f"filler page {n}") for n in range(1, 601)],
            )
        with pytest.raises(Cancelled):
            index_of(lib).rebuild(cancelled=lambda: True)
        assert _answers(lib) == before
        assert _pages(lib, "filler") == set()
    assert not (cached / "index.new").exists()


def test_stale_entries_are_dropped_and_missing_ones_added(cached: Path) -> None:
    with open_library(cached) as lib:
        assert index_of(lib).page_count() > 0  # opened (and reconciled) before the rows go
        gone = _doc_id(lib, "aao__D12__file139.pdf")
        with lib.db.atomic():
            lib.db.execute("DELETE FROM pages WHERE document_id = ?", [gone])
            lib.db.execute("DELETE FROM documents WHERE id = ?", [gone])
        # the index still has it, but search never shows a document SQLite lacks
        assert gone in index_of(lib).indexed_document_ids()
        assert "aao__D12__file139.pdf" not in _docs(lib, '"extreme hardship"')
        assert all(h.document_id != gone for h in index_of(lib).search('"extreme hardship"'))
        assert index_of(lib).reconcile() == (0, 1)
        assert gone not in index_of(lib).indexed_document_ids()

        kept = _doc_id(lib, "aao__H4__file219.pdf")
        # as if a crash came between its pages' commit and its indexing (issue 15: reconcile
        # looks at what the change log names, so the pages are written again, as then)
        index_of(lib).remove_documents([kept])
        with lib.db.atomic():
            lib.db.execute("UPDATE pages SET text = text || ' ' WHERE document_id = ?", [kept])
        assert _pages(lib, '"unlawfully present"') == set()
        assert index_of(lib).reconcile() == (1, 0)
        assert _pages(lib, '"unlawfully present"') == {
            ("aao__H4__file219.pdf", 1),
            ("aao__H4__file219.pdf", 2),
        }
        assert index_of(lib).reconcile() == (0, 0)

    # a stale entry left behind is dropped when the library is next opened
    with open_library(cached) as lib:
        assert index_of(lib).page_count() > 0
        gone = _doc_id(lib, "aao__H4__file64.pdf")
        with lib.db.atomic():
            lib.db.execute("DELETE FROM pages WHERE document_id = ?", [gone])
            lib.db.execute("DELETE FROM documents WHERE id = ?", [gone])
    with open_library(cached) as lib:
        assert gone not in index_of(lib).indexed_document_ids()
        assert index_of(lib).reconcile() == (0, 0)
