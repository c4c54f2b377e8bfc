"""Rebuild Search Index on a court library (PostgreSQL, issue 16): what can be rebuilt there.

The server keeps each page's stored words (``pages.words``) current by itself, so there
is no index to build from the pages as a folder library's is. What can still drift is
what sits beside them: the word list fuzzy~ and wildcard words expand over
(``search_words``, which keeps the words of pages since changed or removed) and the
search's indexes (bloated by years of writes, or dropped). A rebuild lists the words
afresh from the pages and REINDEXes each search index — CONCURRENTLY, so clerks go on
searching and importing meanwhile (their imports wait only while the word list is
rewritten) — and makes any that is missing. The database's owner runs it; a clerk is
told so in one line, before anything is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseorg.errors import Cancelled, CaseorgError
from caseorg.progress import Progress, ProgressCallback

INVALID_INDEXES = """
SELECT c.relname FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
WHERE NOT i.indisvalid AND t.relname IN ('pages', %s) AND t.relnamespace = c.relnamespace
  AND pg_table_is_visible(t.oid)
"""


def rebuild_server_search(
    lib: Any,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Rebuild the court library ``lib``'s word list and search indexes (see the module's
    docstring); the number of pages searched. A cancel stops between steps: what was
    rebuilt stays, the rest is as it was (a cancelled word list is not changed). What the
    server refuses midway (the connection lost, a lock) is one line."""
    import psycopg

    from caseorg.library.pg import _error

    try:
        return _rebuild(lib, progress, cancelled)
    except psycopg.Error as exc:
        raise _error(exc) from None


def _rebuild(
    lib: Any, progress: ProgressCallback | None, cancelled: Callable[[], bool] | None
) -> int:
    from caseorg.library.pg_schema import (
        FILL_WORD_LIST,
        WORD_LIST,
        schema_owner,
        search_indexes,
    )

    lib.require_writable()
    pg = lib.db.raw
    owner, is_owner = schema_owner(pg)
    if not is_owner:
        raise CaseorgError(
            f"only the court library's owner ({owner}) rebuilds its search index; the "
            "server keeps the search current as pages are written, so nothing is missing "
            "meanwhile"
        )
    pages = int(pg.execute("SELECT count(*) FROM pages").fetchone()[0])
    indexes = search_indexes(pg)
    steps = 1 + len(indexes)

    def step(done: int, text: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(
                f"the search index rebuild was cancelled after {done} of {steps} steps; "
                "the search works as before"
            )
        if progress is not None:
            progress(Progress(text, done, steps))

    step(0, f"Listing the words of {pages:,} pages…")
    with pg.transaction():
        # importers' new words wait for this list (their trigger adds to it), readers
        # go on reading the old one until it commits
        pg.execute(f"LOCK TABLE {WORD_LIST} IN EXCLUSIVE MODE")
        pg.execute(f"DELETE FROM {WORD_LIST}")
        pg.execute(FILL_WORD_LIST)
        step(0, f"Listing the words of {pages:,} pages…")  # a cancel here: rolled back
    # a CONCURRENTLY build that failed (a lost connection, a cancel on the server) leaves
    # an invalid index every write still updates: dropped, and made again below
    for (invalid,) in pg.execute(INVALID_INDEXES, [WORD_LIST]).fetchall():
        pg.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{invalid}"')
    for done, (name, create) in enumerate(indexes.items(), start=1):
        step(done, f"Rebuilding the search index {name}…")
        if pg.execute("SELECT to_regclass(%s)", [name]).fetchone()[0] is None:
            pg.execute(
                create.replace(" INDEX IF NOT EXISTS ", " INDEX CONCURRENTLY IF NOT EXISTS ")
            )
        else:
            pg.execute(f"REINDEX INDEX CONCURRENTLY {name}")
    pg.execute(f"VACUUM ANALYZE {WORD_LIST}")  # the old list's rows, and fresh statistics
    if progress is not None:
        progress(Progress(f"Search index rebuilt: {pages:,} pages", steps, steps))
    return pages
