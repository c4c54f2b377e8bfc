"""The two engines behind one seam: the same answers, a switch that rebuilds, and a
one-line message when the chosen engine is not installed."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.errors import InvalidValue
from caseorg.library.folder import Library, open_library
from caseorg.search import chosen as engines
from caseorg.search.chosen import EngineMissing, chosen_engine, engine_class, set_engine
from caseorg.search.handle import index_of, switch_engine
from caseorg.search.seam import SearchIndex, folder_engine
from core.search.aao_corpus import _names

pytestmark = pytest.mark.corpus

QUERIES = [
    '"extreme hardship"',
    "trafficking AND hardship",
    "trafficking NOT hardship",
    "(trafficking OR hardship) AND waiver",
    "inadmiss*",
    "hardshp~",
    "-trafficking +waiver",
    "type:decision hardship",
    "a:A-222-222-222 1999",
    "filed:2024",
    "title:file139 OR title:file219",
    '"labor certification" evidence',
]


def _answers(lib: Library) -> dict[str, set[tuple[str, tuple[int, ...], str]]]:
    """Per query: each document found, its matching pages and its snippets (HTML)."""
    names = _names(lib)
    found = {}
    for query in QUERIES:
        hits = index_of(lib).search(query, limit=1000)
        found[query] = {
            (
                names[h.document_id],
                tuple(h.matching_pages),
                " | ".join(f"{p.page_no}: {p.snippet_html}" for p in h.pages),
            )
            for h in hits
        }
    return found


def test_both_engines_give_the_same_documents_pages_and_snippets(
    aao_template: Path, tmp_path: Path
) -> None:
    answers = {}
    for name in ("whoosh", "tantivy"):
        path = tmp_path / name
        shutil.copytree(aao_template, path)
        with open_library(path) as lib:
            set_engine(lib, name)
            assert type(index_of(lib)).engine == name
            assert folder_engine(lib.index_dir) == name
            answers[name] = _answers(lib)
    for query in QUERIES:
        assert answers["whoosh"][query], query
        assert answers["tantivy"][query] == answers["whoosh"][query], query


def test_switching_engines_rebuilds_and_keeps_the_answers(
    aao_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "library"
    shutil.copytree(aao_template, path)
    with open_library(path) as lib:
        before = _answers(lib)
        pages = index_of(lib).page_count()
        assert folder_engine(lib.index_dir) == "whoosh"
        assert switch_engine(lib, "tantivy") == pages
        assert chosen_engine(lib) == "tantivy"
        assert type(index_of(lib)).engine == "tantivy"
        assert folder_engine(lib.index_dir) == "tantivy"
        assert _answers(lib) == before
        assert index_of(lib).page_count() == pages
    with open_library(path) as lib:  # the choice is kept in the library
        assert type(index_of(lib)).engine == "tantivy"
        assert index_of(lib).reconcile() == (0, 0)
    with open_library(path, read_only=True) as viewer:  # a window searches that index
        assert type(index_of(viewer)).engine == "tantivy"
        assert _answers(viewer) == before
    result = CliRunner().invoke(cli, ["--library", str(path), "reindex", "--engine", "whoosh"])
    assert result.exit_code == 0, result.output
    assert f"index rebuilt: {pages} pages (whoosh)" in result.output
    with open_library(path) as lib:
        assert chosen_engine(lib) == "whoosh" and folder_engine(lib.index_dir) == "whoosh"
        assert _answers(lib) == before
    assert not (path / "index.new").exists() and not (path / "index.old").exists()


def _no_tantivy(name: str) -> ModuleType:
    """An importer on a machine without caseorg[fast]."""
    if name == engines.ENGINES["tantivy"][0]:
        raise ModuleNotFoundError("No module named 'tantivy'", name="tantivy")
    return __import__(name, fromlist=["_"])


def test_a_missing_engine_is_one_line_and_changes_nothing(lib: Library) -> None:
    with pytest.raises(EngineMissing) as info:
        engine_class("tantivy", importer=_no_tantivy)
    message = str(info.value)
    assert "\n" not in message
    assert "tantivy" in message and "caseorg[fast]" in message and "--engine whoosh" in message
    assert isinstance(info.value, InvalidValue)  # exit 2 on the CLI
    before = chosen_engine(lib)
    with pytest.raises(EngineMissing):
        set_engine(lib, "tantivy", importer=_no_tantivy)
    assert chosen_engine(lib) == before
    assert engines.installed_engines() == ["whoosh", "tantivy"]
    without = engines.installed_engines(lambda name: None if name == "tantivy" else name)
    assert without == ["whoosh"]
    with pytest.raises(InvalidValue, match="unknown search engine 'lucene'"):
        set_engine(lib, "lucene")


def test_a_library_set_to_a_missing_engine_searches_with_whoosh(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library copied from a machine with caseorg[fast]: still searchable, and why."""
    lib.db.execute(
        "INSERT INTO meta (key, value) VALUES (?, 'broken') "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [engines.SETTING_KEY],
    )
    monkeypatch.setitem(engines.ENGINES, "broken", ("caseorg.search.no_such_engine", "X"))
    assert chosen_engine(lib) == "broken"
    index = SearchIndex(lib)
    try:
        assert type(index).engine == "whoosh"
        assert lib.index_lag and "broken search engine is not installed" in lib.index_lag
    finally:
        index.close()


def test_reindex_with_a_missing_engine_says_so(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "library"
    open_library(path).close()
    monkeypatch.setitem(engines.ENGINES, "tantivy", ("caseorg.search.no_such_engine", "X"))
    result = CliRunner().invoke(cli, ["--library", str(path), "reindex", "--engine", "tantivy"])
    assert result.exit_code == 2
    assert "tantivy search engine is not installed" in result.output
    assert "Traceback" not in result.output
    with open_library(path) as lib:
        assert chosen_engine(lib) == "whoosh"


# tantivy ranks a fuzzy word with its own fuzzy query, which holds no prefix (word~1/1:
# the first letter kept): wider than Whoosh's rule. The page check narrows it to Whoosh's.
WIDE = [
    "waiver AND cardship~1/1",
    "waiver NOT hardshp~1/1",
    "ardship~2",
    "hardshp~2/1 waiver",
    "waiver NOT hardhsip~",  # a transposition: two plain edits, so nothing to exclude
]


def test_tantivys_wider_fuzzy_ranking_is_narrowed_to_whooshs_answers(
    aao_template: Path, tmp_path: Path
) -> None:
    answers: dict[str, dict[str, set[tuple[int, tuple[int, ...]]]]] = {}
    for name in ("whoosh", "tantivy"):
        path = tmp_path / name
        shutil.copytree(aao_template, path)
        with open_library(path) as lib:
            set_engine(lib, name)
            index = index_of(lib)
            answers[name] = {
                q: {(h.document_id, tuple(h.matching_pages)) for h in index.search(q, limit=1000)}
                for q in WIDE
            }
            if name == "tantivy":  # the ranking itself did find documents for 'cardship~'
                with index._ranking(index.parse(WIDE[0]), []) as ranking:
                    assert ranking.top(50)
    assert answers["whoosh"][WIDE[0]] == set()  # no word 'c?rdship': 'hardship' is one edit away
    assert answers["whoosh"][WIDE[1]] and answers["whoosh"][WIDE[3]]
    for query in WIDE:
        assert answers["tantivy"][query] == answers["whoosh"][query], query
