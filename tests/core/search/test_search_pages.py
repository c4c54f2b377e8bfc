"""Document-level ranking still finds exactly the matching pages; the fast analysis is
the index's analyzer; a parallel rebuild equals a serial one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from whoosh.analysis import StemmingAnalyzer

import caseorg.search.build as indexbuild
import caseorg.search.engine as search_mod
import caseorg.search.seam as seam
from caseorg.library.changes import MARKS_FILE
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.search import pagematch
from caseorg.search.entries import make_schema
from caseorg.search.handle import index_of
from caseorg.search.seam import SearchIndex

PAGES = {
    # document title -> its pages
    "split words": ["The asylum claim is pending.", "Extreme hardship was shown."],
    "together": ["An asylum claim and extreme hardship on one page.", "Nothing else here."],
    "phrase edge": ["The hardship was extreme", "hardship follows on the next page"],
    "negated": ["asylum granted", "asylum and withholding", "withholding only"],
}


def _add_document(lib: Library, case_id: int, title: str, pages: list[str], **fields) -> int:
    with lib.db.atomic():
        cursor = lib.db.execute(
            "INSERT INTO documents (case_id, sha256, title, page_count, imported_at, doc_type,"
            " filed_on) VALUES (?, ?, ?, ?, 'now', ?, ?)",
            [
                case_id,
                os.urandom(32).hex(),
                title,
                len(pages),
                fields.get("doc_type", "other"),
                fields.get("filed_on"),
            ],  # fmt: skip
        )
        doc_id = int(cursor.lastrowid or 0)
        lib.db.conn.executemany(
            "INSERT INTO pages (document_id, page_no, text) VALUES (?, ?, ?)",
            [(doc_id, n, text) for n, text in enumerate(pages, start=1)],
        )
    index_of(lib).index_documents([doc_id])
    return doc_id


@pytest.fixture
def docs(lib: Library, case) -> dict[str, int]:
    return {title: _add_document(lib, case.id, title, pages) for title, pages in PAGES.items()}


def _found(lib: Library, query: str) -> dict[str, list[int]]:
    titles = {r["id"]: r["title"] for r in lib.db.query("SELECT id, title FROM documents")}
    return {titles[h.document_id]: h.matching_pages for h in index_of(lib).search(query, limit=100)}


def test_and_needs_both_words_on_one_page(lib: Library, docs: dict[str, int]) -> None:
    # 'split words' has both words, but never on the same page: it is not a hit
    assert _found(lib, "asylum hardship") == {"together": [1]}
    assert _found(lib, "asylum OR hardship") == {
        "split words": [1, 2],
        "together": [1],
        "phrase edge": [1, 2],
        "negated": [1, 2],
    }


def test_a_phrase_never_spans_two_pages(lib: Library, docs: dict[str, int]) -> None:
    assert _found(lib, '"extreme hardship"') == {"split words": [2], "together": [1]}
    assert "phrase edge" not in _found(lib, '"extreme hardship"')


def test_not_excludes_whole_documents(lib: Library, docs: dict[str, int]) -> None:
    # 'negated' has asylum without withholding on page 1, but withholding elsewhere:
    # NOT excludes the document (issue 18), not just the page
    assert _found(lib, "asylum NOT withholding") == {"split words": [1], "together": [1]}
    assert _found(lib, "asylum -withholding") == {"split words": [1], "together": [1]}
    assert _found(lib, "withholding NOT asylum") == {}
    assert "negated" not in _found(lib, "NOT withholding")
    assert _found(lib, "NOT withholding")["together"] == [1, 2]


def test_snippets_only_for_shown_pages_and_highlight_the_words(
    lib: Library, docs: dict[str, int]
) -> None:
    hits = index_of(lib).search("hardship")
    for hit in hits:
        for page in hit.pages:
            assert page.page_no in hit.matching_pages
            assert "<b>hardship</b>" in page.snippet_html.lower()
            assert "**" in page.snippet


def test_many_pages_get_at_most_ten_snippets_best_pages_first(lib: Library, case) -> None:
    pages = [f"page {n} mentions waiver" + " waiver" * (n % 4) for n in range(1, 31)]
    _add_document(lib, case.id, "long", pages)
    (hit,) = index_of(lib).search("waiver")
    assert hit.matching_pages == list(range(1, 31))
    assert len(hit.pages) == 10
    assert [p.page_no for p in hit.pages] == sorted(p.page_no for p in hit.pages)
    # the most mentions first (n % 4 == 3: four), then ties broken by page number
    assert {p.page_no for p in hit.pages} == {3, 7, 11, 15, 19, 23, 27, 2, 6, 10}


def test_field_only_queries_match_every_page(lib: Library, case) -> None:
    doc = _add_document(lib, case.id, "dated", ["one", "", "three"], doc_type="brief",
                        filed_on="2024-05-01")  # fmt: skip
    assert _found(lib, "type:brief") == {"dated": [1, 3]}  # the empty page is not indexed
    assert _found(lib, "filed:[2024-01-01 TO 2024-12-31]") == {"dated": [1, 3]}
    assert _found(lib, "filed:[2024-01-01 TO 2024-12-31] three") == {"dated": [3]}
    assert _found(lib, "three NOT type:brief") == {}
    assert index_of(lib).page_count() == 2
    assert doc in index_of(lib).indexed_document_ids()


def test_fast_analysis_equals_the_index_analyzer() -> None:
    corpus = os.environ.get("CASEORG_CORPUS")
    texts = [
        "Testing is testing: the A-123-456-789 case, 3.141 big-time under_score ÉCOLE İstanbul",
        "of the and to be", "", "a b c I x", "Straße ΣΊΣΥΦΟΣ naïve café 2024-01-01 re-entry",
    ]  # fmt: skip
    cache = Path(__file__).resolve().parents[2] / "bench" / "out" / "aao_pages.json"
    if corpus and cache.exists():
        texts += [t for pages in json.loads(cache.read_text()).values() for t in pages][:120]
    analyzer = StemmingAnalyzer()
    exact_analyzer = make_schema()["exact"].analyzer
    for text in texts:
        expected: dict[str, list[int]] = {}
        for token in analyzer(text, positions=True):
            expected.setdefault(token.text, []).append(token.pos)
        words, _end = pagematch.analyse(text)
        assert words == expected, text[:80]
        wanted = set(list(expected)[:5])
        relative = pagematch.page_words(text, wanted)
        for word in wanted:
            first = expected[word][0] - relative[word][0]
            assert [p - first for p in expected[word]] == relative[word]
        exact: dict[str, list[int]] = {}
        for token in exact_analyzer(text, positions=True):
            exact.setdefault(token.text, []).append(token.pos)
        assert pagematch.analyse_exact_pages([text]) == exact, text[:80]


def test_parallel_rebuild_equals_serial(lib: Library, case, monkeypatch, engine: str) -> None:
    other = add_case(lib, "987654321", "Bernardo Diaz")
    words = ["asylum", "hardship", "waiver", "persecution", "removal", "evidence"]
    for n in range(40):
        pages = [f"{words[n % 6]} {words[(n + p) % 6]} document{n} page{p}" for p in range(5)]
        _add_document(lib, (case if n % 2 else other).id, f"doc {n}", pages)
    queries = ["asylum hardship", '"waiver persecution"', "document1*", "hardshp~", "removal"]
    before = {q: _found(lib, q) for q in queries}
    monkeypatch.setattr(indexbuild, "PARALLEL_MIN_PAGES", 10)
    seen: list[tuple[int, int]] = []
    assert (
        index_of(lib).rebuild(progress=lambda p: seen.append((p.done, p.total)), workers=2) == 200
    )
    assert seen[-1] == (200, 200)
    if engine == "whoosh":
        with index_of(lib).ix.reader() as reader:  # type: ignore[attr-defined]
            assert len(list(reader.leaf_readers())) == 2, "one segment per worker"
    assert {q: _found(lib, q) for q in queries} == before
    assert index_of(lib).page_count() == 200
    # separate segment files: a compound segment is copied into memory when opened
    assert not list(lib.index_dir.glob("*.seg"))
    assert index_of(lib).reconcile() == (0, 0)


def test_an_emptied_index_of_a_big_library_is_rebuilt_in_one_go(
    lib: Library, case, monkeypatch
) -> None:
    ids = [_add_document(lib, case.id, f"doc {n}", [f"asylum page {n}"]) for n in range(6)]
    index_of(lib).remove_documents(ids)
    (lib.index_dir / MARKS_FILE).unlink()  # an emptied index (lost, new schema) has no marks
    monkeypatch.setattr(seam, "REBUILD_ABOVE", 3)
    rebuilt: list[int] = []
    original = SearchIndex.rebuild

    def spy(self: SearchIndex, **kwargs: object) -> int:
        rebuilt.append(1)
        return original(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "rebuild", spy)
    assert index_of(lib).reconcile() == (6, 0)
    assert rebuilt == [1]
    assert len(index_of(lib).search("asylum")) == 6


def test_a_read_only_window_sees_the_index_once_the_writer_built_it(lib: Library, case) -> None:
    _add_document(lib, case.id, "brief", ["extreme hardship"])
    (lib.index_dir / "caseorg-index.json").write_text('{"schema": 0}')  # an old index
    with open_library(lib.path, read_only=True) as viewer:
        assert index_of(viewer).search("hardship") == []  # nothing usable yet
        index_of(lib).rebuild()
        assert [h.title for h in index_of(viewer).search("hardship")] == ["brief"]


def test_without_a_kept_searcher_as_on_windows(lib: Library, docs, monkeypatch, engine) -> None:
    if engine != "whoosh":
        pytest.skip("tantivy's searchers are cheap: none is kept")
    monkeypatch.setattr(search_mod, "KEEP_SEARCHER_OPEN", False)
    index_of(lib)._drop_searcher()
    assert _found(lib, "asylum hardship") == {"together": [1]}
    assert index_of(lib)._cached is None, "closed after each search"
    index_of(lib).rebuild()
    assert _found(lib, '"extreme hardship"') == {"split words": [2], "together": [1]}
