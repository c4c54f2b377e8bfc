"""Rebuild Search Index on a court library (issue 16): ``caseorg reindex`` (and the app's
menu item, through the same ``index_of(lib).rebuild``) lists the words afresh from the
pages and REINDEXes the search's indexes, making a missing one; the owner only (a clerk
gets one line and nothing changes); a cancel leaves the word list as it was. Real
PostgreSQL (tests/pgserver.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import make_pdf

from caseorg.cli.app import cli
from caseorg.errors import Cancelled
from caseorg.importing.pipeline import import_files
from caseorg.library import open_library
from caseorg.library.pg_schema import CLERK_ROLE
from caseorg.records import add_case
from caseorg.search import index_of
from caseorg.search.server_rebuild import rebuild_server_search


@pytest.fixture
def court(pg_cluster: Any, tmp_path: Path) -> str:
    """A court library with two documents, whose word list has drifted: a page was
    rewritten (its old words stay listed) and the word list's trigram index is gone."""
    url = pg_cluster.new_library()
    with open_library(url) as lib:
        lib.set_file_store(tmp_path / "files")
        case = add_case(lib, "A-123-456-789", "Ana Lopez")
        pdfs = [
            make_pdf(tmp_path / "brief.pdf", ["The respondent faces extreme hardship."]),
            make_pdf(tmp_path / "motion.pdf", ["Motion to reopen: persecution on return."]),
        ]
        assert import_files(lib, case.id, pdfs, workers=1).count("imported") == 2
        lib.db.execute("UPDATE pages SET text = 'Motion to reopen.' WHERE text LIKE 'Motion%'")
        lib.db.raw.execute("DROP INDEX search_words_trgm")
    return str(url)


def _words(url: str) -> list[str]:
    with open_library(url, read_only=True) as lib:
        return sorted(r[0] for r in lib.db.raw.execute("SELECT word FROM search_words"))


def _page_words(url: str) -> list[str]:
    with open_library(url, read_only=True) as lib:
        sql = "SELECT DISTINCT unnest(tsvector_to_array(words)) FROM pages"
        return sorted(r[0] for r in lib.db.raw.execute(sql))


def _index_files(url: str) -> dict[str, int]:
    with open_library(url, read_only=True) as lib:
        sql = (
            "SELECT relname, relfilenode FROM pg_class WHERE relkind = 'i' "
            "AND relname IN ('pages_words_gin', 'search_words_word', 'search_words_trgm')"
        )
        return dict(lib.db.raw.execute(sql).fetchall())


def test_the_owners_reindex_lists_the_words_afresh_and_rebuilds_the_indexes(court: str) -> None:
    assert "persecut" in _words(court) and "persecut" not in _page_words(court)  # drifted
    before = _index_files(court)
    assert "search_words_trgm" not in before

    done = CliRunner().invoke(cli, ["--library", court, "reindex"])
    assert done.exit_code == 0, done.output
    assert done.output == "index rebuilt on the server: 2 pages (word list and search indexes)\n"
    assert _words(court) == _page_words(court)  # each word once, none a page no longer has
    after = _index_files(court)
    assert set(after) == {"pages_words_gin", "search_words_word", "search_words_trgm"}
    assert after["pages_words_gin"] != before["pages_words_gin"]  # built anew
    assert after["search_words_word"] != before["search_words_word"]
    with open_library(court, read_only=True) as lib:
        index = index_of(lib)
        (hit,) = index.search("hardshp~")  # fuzzy~ reads the new list (trigram-indexed)
        assert hit.matching_pages == [1]
        assert index.search('"extreme hardship"')[0].document_id == hit.document_id
    assert CliRunner().invoke(cli, ["--library", court, "check"]).exit_code == 0


def test_a_clerk_is_told_in_one_line_and_nothing_changes(pg_cluster: Any, court: str) -> None:
    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE clerk1 LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk1")
    clerk = court.replace("caseorg_admin@", "clerk1@")
    words = _words(court)
    refused = CliRunner().invoke(cli, ["--library", clerk, "reindex"])
    assert refused.exit_code == 1
    assert refused.output == (
        "caseorg: only the court library's owner (caseorg_admin) rebuilds its search index; "
        "the server keeps the search current as pages are written, so nothing is missing "
        "meanwhile\n"
    )
    assert _words(court) == words and "search_words_trgm" not in _index_files(court)
    engine = CliRunner().invoke(cli, ["--library", court, "reindex", "--engine", "tantivy"])
    assert engine.exit_code == 2
    assert "a court library is searched by its server: --engine is for a folder" in engine.output


def test_a_cancel_keeps_the_word_list_as_it_was(court: str) -> None:
    words = _words(court)
    asked: list[int] = []

    def cancel_once_listed() -> bool:  # the second question: the words are listed, uncommitted
        asked.append(1)
        return len(asked) >= 2

    texts: list[str] = []
    with open_library(court) as lib, pytest.raises(Cancelled, match="after 0 of 4 steps"):
        rebuild_server_search(
            lib, progress=lambda p: texts.append(p.text), cancelled=cancel_once_listed
        )
    assert texts == ["Listing the words of 2 pages…"]
    assert _words(court) == words  # rolled back
    with open_library(court) as lib:  # and the library is usable at once
        steps: list[tuple[int | None, int | None]] = []
        assert rebuild_server_search(lib, progress=lambda p: steps.append((p.done, p.total))) == 2
        assert steps[0] == (0, 4) and steps[-1] == (4, 4)


def test_an_index_a_failed_rebuild_left_invalid_is_named_and_replaced(court: str) -> None:
    """A CONCURRENTLY build that fails midway leaves an invalid index that every write
    still updates: the court check names it, the owner's rebuild drops it."""
    from caseorg.upkeep.court_check import check_court_library

    with open_library(court) as lib:
        pg = lib.db.raw
        with pytest.raises(Exception, match="could not create unique index"):
            pg.execute("CREATE UNIQUE INDEX CONCURRENTLY pages_half_built ON pages ((1))")
        report = check_court_library(lib, hash_files=False)
        named = [p.detail for p in report.problems if "pages_half_built" in p.detail]
        assert named == [
            "the index pages_half_built is invalid (a rebuild that failed midway); "
            "Rebuild Search Index (the owner's) replaces it"
        ]
        rebuild_server_search(lib)
        assert pg.execute("SELECT to_regclass('pages_half_built')").fetchone()[0] is None
