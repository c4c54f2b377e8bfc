"""A court library's schema (issue 16): the same tables and columns as a folder library's,
made from the one migration list; append-only tables refused by trigger to everyone, and
by grant to the clerk role, even from a SQL client."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from caseorg.library import open_library
from caseorg.library.db import LATEST_MIGRATION
from caseorg.library.pg_schema import (
    CLERK_ROLE,
    SERVER_ONLY,
    VERSION_TABLE,
    WORD_LIST,
)
from caseorg.library.seals import APPEND_ONLY
from caseorg.records import add_case, add_judge, reassign


def _sqlite_columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations'"
        )
    ]
    return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}


def _pg_columns(url: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with psycopg.connect(url) as conn:
        for table, column in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name != %s "
            "ORDER BY table_name, ordinal_position",
            [VERSION_TABLE],
        ):
            found.setdefault(table, []).append(column)
    return found


def _without_search(columns: dict[str, list[str]]) -> dict[str, list[str]]:
    """The server's tables and columns less the search's own (SERVER_ONLY, by name)."""
    kept = {}
    for table, names in columns.items():
        if table == WORD_LIST:
            continue
        kept[table] = [n for n in names if n not in SERVER_ONLY.get(table, ())]
    return kept


def test_both_backends_have_the_same_tables_and_columns(tmp_path: Path, pg_url: str) -> None:
    """The same, but for the one deliberate difference: search on the server's own parts."""
    open_library(tmp_path / "lib").close()
    open_library(pg_url).close()
    server = _pg_columns(pg_url)
    assert _without_search(server) == _sqlite_columns(tmp_path / "lib" / "caseorg.db")
    for table, names in SERVER_ONLY.items():
        assert set(names) <= set(server[table]), table


def test_the_pages_words_are_stored_indexed_and_kept_up_to_date(court_lib: Any) -> None:
    """pages.words: the page's English tsvector, made by the server on every insert and
    update (a generated column), searched through a GIN index; its words listed."""
    pg = court_lib.db.raw
    case = add_case(court_lib, "A-123-456-789", "Ana Lopez")
    doc = pg.execute(
        "INSERT INTO documents (case_id, sha256, title, imported_at) "
        "VALUES (%s, 'x', 't', 'now') RETURNING id",
        [case.id],
    ).fetchone()[0]
    pg.execute(
        "INSERT INTO pages (document_id, page_no, text) VALUES (%s, 1, %s)",
        [doc, "The children faced hardships."],
    )
    words = "SELECT words::text FROM pages WHERE document_id = %s"
    assert pg.execute(words, [doc]).fetchone()[0] == "'children':2 'face':3 'hardship':4"
    pg.execute("UPDATE pages SET text = 'Persecution on return' WHERE document_id = %s", [doc])
    assert pg.execute(words, [doc]).fetchone()[0] == "'persecut':1 'return':3"
    listed = {r[0] for r in pg.execute(f"SELECT word FROM {WORD_LIST}")}
    assert {"children", "hardship", "persecut", "return"} <= listed
    (index,) = pg.execute(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'pages' AND indexdef LIKE '%%gin%%'"
    ).fetchone()
    assert "USING gin (words)" in index
    storage = (
        "SELECT attstorage FROM pg_attribute WHERE attrelid = 'pages'::regclass AND attname = %s"
    )
    assert pg.execute(storage, ["words"]).fetchone()[0] == "m"  # in the row: ranking reads it
    pg.execute("SET enable_seqscan = off")
    plan = " ".join(
        r[0]
        for r in pg.execute(
            "EXPLAIN SELECT 1 FROM pages WHERE words @@ to_tsquery('english', 'hardship')"
        )
    )
    pg.execute("RESET enable_seqscan")
    assert "pages_words_gin" in plan


def test_an_older_court_library_gets_the_search_column_when_opened(pg_url: str) -> None:
    """A court library made before the stored words (an expression index, no column, no
    word list, its version row the bare migration): its owner's next open adds them, and
    its pages are searchable at once."""
    with open_library(pg_url) as lib:
        case = add_case(lib, "A-123-456-789", "Ana Lopez")
        lib.db.execute(
            "INSERT INTO documents (case_id, sha256, title, imported_at) "
            "VALUES (?, 'x', 'Brief', 'now')",
            [case.id],
        )
        lib.db.execute(
            "INSERT INTO pages (document_id, page_no, text) "
            "VALUES ((SELECT max(id) FROM documents), 1, 'Extreme hardship on removal.')"
        )
    with psycopg.connect(pg_url, autocommit=True) as conn:  # as the first court libraries were
        conn.execute(f"DROP TABLE {WORD_LIST}")  # type: ignore[arg-type]
        conn.execute("ALTER TABLE pages DROP COLUMN words")
        conn.execute("CREATE INDEX pages_words ON pages USING gin (to_tsvector('english', text))")
        conn.execute(f"DELETE FROM {VERSION_TABLE}")  # type: ignore[arg-type]
        conn.execute(
            f"INSERT INTO {VERSION_TABLE} VALUES (%s)",  # type: ignore[arg-type]
            [LATEST_MIGRATION],
        )
    assert "words" not in _pg_columns(pg_url)["pages"]
    with pytest.raises(Exception, match="older one"):  # a reader cannot upgrade it
        open_library(pg_url, read_only=True)
    with open_library(pg_url) as lib:
        from caseorg.search import index_of

        (hit,) = index_of(lib).search("hardships")
        assert hit.matching_pages == [1]
        assert index_of(lib).search("hardshp~")[0].document_id == hit.document_id  # its words
    assert "words" in _pg_columns(pg_url)["pages"]
    with psycopg.connect(pg_url) as conn:
        names = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes")}
    assert "pages_words_gin" in names and "pages_words" not in names


def test_opening_twice_changes_nothing(pg_url: str) -> None:
    open_library(pg_url).close()
    before = _pg_columns(pg_url)
    with open_library(pg_url) as lib:
        assert lib.backend == "postgresql"
    assert _pg_columns(pg_url) == before


@pytest.fixture
def moved(pg_cluster: Any) -> str:
    """A court library with a judge, a case, a reassignment and their audit rows."""
    url = pg_cluster.new_library()
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        case = add_case(lib, "A-123-456-789", "Ana Lopez", judge_code="JRM")
        reassign(lib, case.id, "TKW", "caseload")
    return url


HAVE_ROWS = ("reassignments", "reassignment_orders", "audit", "seals")


@pytest.mark.parametrize("table", HAVE_ROWS)
def test_even_the_owner_cannot_change_append_only_rows(moved: str, table: str) -> None:
    with psycopg.connect(moved, autocommit=True) as conn:
        for sql in (f"UPDATE {table} SET {_a_column(table)}", f"DELETE FROM {table}"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(sql)  # type: ignore[arg-type]
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            conn.execute(f"TRUNCATE {table} CASCADE")  # type: ignore[arg-type]
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0  # type: ignore[arg-type, index]


def _a_column(table: str) -> str:
    return "hash = hash" if table == "seals" else "id = id"


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_the_clerk_role_is_refused_even_without_the_trigger(
    pg_cluster: Any, moved: str, table: str
) -> None:
    """A clerk logs in as a member of caseorg_clerk: no UPDATE or DELETE on append-only
    tables at all (the grant, not only the trigger, which the owner could drop)."""
    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE clerk_ann LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk_ann")
    dbname = moved.split("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(moved, autocommit=True) as owner:
        owner.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")  # type: ignore[arg-type]
    as_clerk = pg_cluster.url(dbname, user="clerk_ann")
    with psycopg.connect(as_clerk, autocommit=True) as conn:
        conn.execute(f"SELECT count(*) FROM {table}")  # type: ignore[arg-type]
        for sql in (
            f"UPDATE {table} SET {_a_column(table)}",
            f"DELETE FROM {table}",
            f"TRUNCATE {table}",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)  # type: ignore[arg-type]


def test_the_clerk_role_works_the_records(
    pg_cluster: Any, moved: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the grant leaves a clerk: every write caseorg makes, audited under the
    clerk's own database user."""
    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE clerk_bo LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk_bo")
    dbname = moved.split("?")[0].rsplit("/", 1)[1]
    monkeypatch.delenv("CASEORG_USER")
    with open_library(pg_cluster.url(dbname, user="clerk_bo")) as lib:
        (before,) = lib.db.execute("SELECT max(id) FROM audit").fetchone()
        case = add_case(lib, "A-222-333-444", "Bo Chen", judge_code="TKW")
        reassign(lib, case.id, "JRM", "recusal")
        rows = list(lib.db.query("SELECT actor FROM audit WHERE id > ?", [before]))
    assert len(rows) >= 3  # the case, the reassignment (and its order), the case's judge
    assert {r["actor"] for r in rows} == {"clerk_bo"}
