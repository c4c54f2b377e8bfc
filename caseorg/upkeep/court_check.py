"""``caseorg check`` on a court library (PostgreSQL, issue 16).

The server keeps its own pages and files consistent; what can still go wrong is what
someone with the owner's rights did outside caseorg, and the shared file store: an
append-only trigger dropped or disabled, a grant to ``caseorg_clerk`` that lets a clerk
edit the reassignments or the audit, a schema older than this caseorg, a table or column
missing, a search index gone, and the stored files against the documents (the folder
library's own check, :func:`caseorg.upkeep.check.check_store`). ``--repair`` upgrades an
older schema (:func:`upgrade_older_schema`), puts triggers, grants and the search
indexes back as the schema makes them (:func:`caseorg.library.pg_schema.
restore_server_parts`) — the database's owner only: a clerk is told so in one line — and
quarantines unknown files older than :data:`SETTLING` seconds (younger ones may be
another clerk's import between its file and its commit).
"""

from __future__ import annotations

from typing import Any

from caseorg.library import pg_seals
from caseorg.library.seals import APPEND_ONLY
from caseorg.progress import ProgressCallback
from caseorg.records import unusual_records
from caseorg.upkeep.check import CheckReport, Problem, check_store
from caseorg.upkeep.court_seals import check_seals

SETTLING = 15 * 60.0  # seconds a stored file with no record is taken for an import in flight


def check_court_library(
    lib: Any,
    *,
    repair: bool = False,
    hash_files: bool = True,
    progress: ProgressCallback | None = None,
) -> CheckReport:
    """Check a court library (see the module's docstring); with ``repair``, mend what the
    owner can mend safely; ``hash_files`` False: the stored files are not re-hashed."""
    from caseorg.library.pg_schema import CLERK_ROLE, VERSION_TABLE, WORD_LIST, search_indexes
    from caseorg.search.server_rebuild import INVALID_INDEXES

    report = CheckReport()
    pg = lib.db.raw
    found = _schema_problems(pg, VERSION_TABLE)
    found += _trigger_problems(pg)
    found += _grant_problems(pg, CLERK_ROLE)
    for index in search_indexes(pg):
        if not _one(pg, "SELECT to_regclass(%s) IS NOT NULL", [index]):
            found.append(Problem("index", f"the search index {index} is missing"))
    for (invalid,) in pg.execute(INVALID_INDEXES, [WORD_LIST]).fetchall():
        found.append(
            Problem("index", f"the index {invalid} is invalid (a rebuild that failed midway); "
                    "Rebuild Search Index (the owner's) replaces it")
        )  # fmt: skip
    report.problems += found
    mendable = [p for p in found if p.kind in ("tampering", "grant", "index")]
    if mendable and repair:
        _mend(lib, mendable)
    elif mendable:
        report.plan.append(
            "--repair (run by the database's owner) puts the triggers, grants and search indexes "
            "back"
        )
    check_seals(lib, report)
    check_store(
        lib, report, repair=repair, hash_files=hash_files, progress=progress, settling=SETTLING
    )
    report.unusual = unusual_records(lib)
    return report


def upgrade_older_schema(url: str) -> Problem | None:
    """``check --repair`` on a court library whose schema is older than this caseorg:
    upgraded as its owner's opening does (:func:`caseorg.library.pg_schema.ensure_schema`),
    reported as a repaired problem; None when the schema is current (or there is none:
    ``init`` makes one). A clerk cannot upgrade it: one line, nothing changed."""
    from caseorg.errors import CaseorgError
    from caseorg.library.pg import PgDatabase
    from caseorg.library.pg_schema import (
        ensure_schema,
        schema_owner,
        schema_version,
        schema_versions,
    )

    database = PgDatabase(url)
    try:
        pg = database.raw
        found = schema_versions(pg)
        if not found or schema_version() in found:
            return None
        older = found[-1]
        owner, is_owner = schema_owner(pg)
        if not is_owner:
            raise CaseorgError(
                f"the schema is at {older}, this caseorg needs {schema_version()}: only the "
                f"database's owner ({owner}) can upgrade it, with 'caseorg check --repair' "
                "(nothing was changed)"
            )
        try:
            ensure_schema(pg)
        except Exception as exc:  # the server's refusal, in its first line
            raise CaseorgError(
                f"cannot upgrade the schema from {older} ({str(exc).splitlines()[0]}); "
                "nothing was changed"
            ) from None
        return Problem(
            "schema",
            f"the schema was at {older}, older than this caseorg: upgraded to {schema_version()}",
            repaired=True,
        )
    finally:
        database.close()


def _one(pg: Any, sql: str, params: list[Any] | None = None) -> Any:
    return pg.execute(sql, params or []).fetchone()[0]


def _schema_problems(pg: Any, version_table: str) -> list[Problem]:
    """The schema's version, and each table and column this caseorg's schema has."""
    from caseorg.library.pg_schema import schema_version, sqlite_schema, tables_in_order

    problems = []
    newest = [r[0] for r in pg.execute(f"SELECT name FROM {version_table} ORDER BY name")]
    if schema_version() not in newest:
        problems.append(
            Problem(
                "schema",
                f"the schema is at {newest[-1] if newest else 'no version'}, this caseorg "
                f"needs {schema_version()}: the owner runs 'caseorg init --library URL'",
            )
        )
    lite = sqlite_schema()
    for table, _sql in tables_in_order(lite):
        there = {
            r[0]
            for r in pg.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s",
                [table],
            )
        }
        if not there:
            problems.append(Problem("schema", f"table {table} is missing"))
            continue
        for (column,) in [(r[1],) for r in lite.execute(f"PRAGMA table_info({table})")]:
            if column not in there:
                problems.append(Problem("schema", f"column {table}.{column} is missing"))
    return problems


def _trigger_problems(pg: Any) -> list[Problem]:
    """Each append-only table's two triggers and each sealed table's sealing trigger:
    there, and enabled."""
    state = {
        name: enabled
        for name, enabled in pg.execute(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal"
        )
    }
    wanted = [
        *((f"append-only trigger {name}", name)
          for table in APPEND_ONLY for name in (f"{table}_append_only", f"{table}_no_truncate")),
        *((f"sealing trigger {name}", name) for _table, name in pg_seals.trigger_names()),
    ]  # fmt: skip
    problems = []
    for said, name in wanted:
        if name not in state:
            problems.append(Problem("tampering", f"{said} is missing (dropped)"))
        elif state[name] == "D":
            problems.append(Problem("tampering", f"{said} is disabled"))
    return problems


def _grant_problems(pg: Any, clerk: str) -> list[Problem]:
    """``caseorg_clerk`` may read and add everywhere, and change nothing append-only."""
    if not _one(pg, "SELECT count(*) FROM pg_roles WHERE rolname = %s", [clerk]):
        return [Problem("grant", f"the role {clerk} is missing")]
    problems = []
    for (table,) in pg.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall():
        for right in ("SELECT", "INSERT"):
            wanted = table != "caseorg_schema" or right == "SELECT"
            if wanted and not _one(
                pg, "SELECT has_table_privilege(%s, %s, %s)", [clerk, table, right]
            ):
                problems.append(Problem("grant", f"{clerk} cannot {right} on {table}"))
        if table in (*APPEND_ONLY, "caseorg_schema"):
            for right in ("UPDATE", "DELETE", "TRUNCATE"):
                if _one(pg, "SELECT has_table_privilege(%s, %s, %s)", [clerk, table, right]):
                    problems.append(
                        Problem("grant", f"{clerk} may {right} {table}, which is append-only")
                    )
    return problems


def _mend(lib: Any, problems: list[Problem]) -> None:
    """Put triggers, grants and the search indexes back, as the schema makes them
    (:func:`caseorg.library.pg_schema.restore_server_parts`); a login without the owner's
    rights changes nothing and gets one line saying so."""
    import psycopg

    from caseorg.library.pg_schema import restore_server_parts

    pg = lib.db.raw
    try:
        with pg.transaction():
            restore_server_parts(pg)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0]
        for problem in problems:
            problem.detail += f" (not repaired: {first}; the database's owner runs --repair)"
        return
    for problem in problems:
        problem.repaired = True
        problem.detail += " (put back)"
