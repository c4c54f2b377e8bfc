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
from caseorg.library.pg_schema import CLERK_ROLE, VERSION_TABLE
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


def test_both_backends_have_the_same_tables_and_columns(tmp_path: Path, pg_url: str) -> None:
    open_library(tmp_path / "lib").close()
    open_library(pg_url).close()
    assert _pg_columns(pg_url) == _sqlite_columns(tmp_path / "lib" / "caseorg.db")


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


HAVE_ROWS = ("reassignments", "reassignment_orders", "audit")  # seals: none yet on a server


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
