"""``caseorg check --repair`` on a court library puts back exactly what the schema makes
(:func:`caseorg.library.pg_schema.restore_server_parts`, the one function opening and
repair share), and upgrades an older schema when its owner runs it (a clerk: one line,
nothing changed). Real PostgreSQL (tests/pgserver.py)."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.library import open_library
from caseorg.library.db import LATEST_MIGRATION
from caseorg.library.pg_schema import CLERK_ROLE, VERSION_TABLE, schema_version
from caseorg.records import add_case

_CATALOG = {
    "indexes": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
    "triggers": "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal",
    "grants": (
        "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
        f"WHERE grantee = '{CLERK_ROLE}'"
    ),
}


def _catalog(url: str) -> dict[str, set[tuple[Any, ...]]]:
    """The server parts a repair must put back: indexes, triggers, the clerk's grants."""
    import psycopg

    with psycopg.connect(url) as conn:
        return {
            name: {tuple(row) for row in conn.execute(sql)}  # type: ignore[arg-type]
            for name, sql in _CATALOG.items()
        }


def _dbname(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def _clerk(pg_cluster: Any, url: str) -> str:
    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE clerk1 LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk1")
    return str(pg_cluster.url(_dbname(url), user="clerk1"))


def test_repair_puts_back_what_the_schema_makes_search_indexes_included(
    pg_cluster: Any, tmp_path: Any
) -> None:
    url = pg_cluster.new_library()
    runner = CliRunner()
    assert runner.invoke(cli, ["--library", url, "court-files", str(tmp_path / "f")]).exit_code == 0
    sound = _catalog(url)
    assert {"pages_words_gin", "search_words_word", "search_words_trgm"} <= {
        name for name, _sql in sound["indexes"]
    }
    db = _dbname(url)
    for sql in (
        "DROP INDEX pages_words_gin",
        "DROP INDEX search_words_trgm",
        "DROP TRIGGER audit_append_only ON audit",
        "ALTER TABLE reassignments DISABLE TRIGGER reassignments_append_only",
        f"REVOKE INSERT ON notes FROM {CLERK_ROLE}",
        f"GRANT DELETE ON audit TO {CLERK_ROLE}",
    ):
        pg_cluster.admin(sql, db)
    found = runner.invoke(cli, ["--library", url, "check"])
    assert found.exit_code == 1
    lines = found.output.splitlines()
    assert "PROBLEM  index: the search index pages_words_gin is missing" in lines
    assert "PROBLEM  index: the search index search_words_trgm is missing" in lines
    assert lines[-1] == "checked 0 documents, 0 files: 6 problem(s) remain"

    mended = runner.invoke(cli, ["--library", url, "check", "--repair"])
    assert mended.exit_code == 0, mended.output
    assert "repaired index: the search index pages_words_gin is missing (put back)" in (
        mended.output.splitlines()
    )
    assert _catalog(url) == sound  # the same indexes (definitions), triggers and grants


def _make_older(url: str) -> None:
    """The version row of a court library made by an older caseorg."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DELETE FROM {VERSION_TABLE}")  # type: ignore[arg-type]
        conn.execute(
            f"INSERT INTO {VERSION_TABLE} VALUES (%s)",  # type: ignore[arg-type]
            [LATEST_MIGRATION],
        )
        conn.execute("DROP INDEX pages_words_gin")  # (what the upgrade also brings back)


def _versions(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        sql = f"SELECT name FROM {VERSION_TABLE} ORDER BY name"
        return [r[0] for r in conn.execute(sql)]  # type: ignore[arg-type]


def test_repair_by_the_owner_upgrades_an_older_schema_a_clerk_gets_one_line(
    pg_cluster: Any, tmp_path: Any
) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as lib:
        lib.set_file_store(tmp_path / "files")
        add_case(lib, "A-123-456-789", "Ana Lopez")
    _make_older(url)
    clerk = _clerk(pg_cluster, url)
    runner = CliRunner()

    plain = runner.invoke(cli, ["--library", url, "check"])  # no --repair: it says who mends
    assert plain.exit_code != 0 and "older one: its owner runs" in plain.output

    refused = runner.invoke(cli, ["--library", clerk, "check", "--repair"])
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        f"caseorg: the schema is at {LATEST_MIGRATION}, this caseorg needs {schema_version()}: "
        "only the database's owner (caseorg_admin) can upgrade it, with 'caseorg check "
        "--repair' (nothing was changed)"
    ]
    assert _versions(url) == [LATEST_MIGRATION]

    mended = runner.invoke(cli, ["--library", url, "check", "--repair"])
    assert mended.exit_code == 0, mended.output
    assert mended.output.splitlines()[0] == (
        f"repaired schema: the schema was at {LATEST_MIGRATION}, older than this caseorg: "
        f"upgraded to {schema_version()}"
    )
    assert schema_version() in _versions(url)
    with open_library(clerk) as lib:  # the clerk opens it now, and the search is whole
        assert lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        assert lib.conn.execute("SELECT to_regclass('pages_words_gin')").fetchone()[0]
    assert runner.invoke(cli, ["--library", url, "check"]).exit_code == 0
