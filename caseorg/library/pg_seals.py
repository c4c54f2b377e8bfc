"""The seals' chain on a court library (PostgreSQL, issue 16): every row of a sealed
table (:data:`caseorg.library.seals.SEALED`) is sealed by the server as it goes in.

A folder library seals on caseorg's own writer connection (a TEMP trigger); a court
library has many writers, so the server seals, in a ``BEFORE INSERT`` trigger on each
sealed table, with the same algorithm: the row's values in SQLite's ``json_array`` form
(PostgreSQL's ``to_json`` writes text and numbers byte for byte the same way; a test
holds the two to it) hashed with SHA-256 after the previous row's seal. One verifier
(:func:`caseorg.library.seals.broken_seals`) walks both backends' chains, and a move
between them copies the seals as they are.

One chain per table, however many clerks insert at once: the trigger takes a
transaction-scoped advisory lock (held to commit), then reads the last seal. One lock
for all the sealed tables, not one each: a transaction adds an audit row and a
reassignment in either order, and two locks taken in opposite orders would deadlock.
A row whose id was drawn before a row that committed first gets the next id instead, so
the chain's order is the ids' order, the order the verifier walks. Reading the last
seal after the lock needs READ COMMITTED (a newer snapshot per statement); an insert in
a stricter transaction is refused in one line rather than forking the chain.

What the seals show on the server: the ``caseorg_clerk`` role cannot UPDATE or DELETE
sealed rows at all; the database's owner can, after disabling the append-only trigger,
and the chain then shows the row changed or deleted (the check says which). A row
inserted by any tool with a clerk's rights is sealed like caseorg's own (the trigger is
the server's, not caseorg's), so unlike a folder library the check cannot tell a
``psql`` insert from caseorg's; a row inserted while the owner disabled the sealing
trigger has no seal and is named. The last rows deleted together with their seals
leave no trace (the chain has no secret and no outside anchor).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caseorg.library.seals import COPYING, SEALED, pg_row_json as row_json, seal

SEALS_SCHEMA = 1  # the server's sealing triggers; bump when they change
VOUCHED_KEY = "seals_vouched"  # meta: the rows already there when sealing began
_LOCK = 16016017  # the sealing's advisory lock (pg_schema's creator lock is 16016016)


def _one_chain(table: str) -> str:
    return f"{table} takes rows in READ COMMITTED transactions only (its seals are one chain)"


def _function(table: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION caseorg_seal_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last_id bigint; last_hash text;
BEGIN
    IF current_setting('{COPYING}', true) = 'on' THEN
        RETURN NEW;  -- a move into this library: its seals are copied as they are
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION '{_one_chain(table)}';
    END IF;
    PERFORM pg_advisory_xact_lock({_LOCK});
    SELECT row_id, hash INTO last_id, last_hash FROM seals
        WHERE tbl = '{table}' ORDER BY row_id DESC LIMIT 1;
    IF NEW.id <= last_id THEN  -- drawn before a row that committed first: the next id
        NEW.id := nextval(pg_get_serial_sequence('{table}', 'id'));
        IF NEW.id <= last_id THEN
            RAISE EXCEPTION '{table}: its id counter is behind its seals (row %)', last_id;
        END IF;
    END IF;
    INSERT INTO seals (tbl, row_id, hash) VALUES ('{table}', NEW.id, encode(sha256(
        convert_to(coalesce(last_hash, '') || E'\\n' || {row_json(table, "NEW.")}, 'UTF8')),
        'hex'));
    RETURN NEW;
END $$;
"""


def trigger_names() -> list[tuple[str, str]]:
    """Each sealing trigger: (table, name)."""
    return [(table, f"{table}_seal") for table in SEALED]


def start_sealing(pg: Any) -> None:
    """Make (or remake) the sealing functions and triggers (``pg``: the owner's psycopg
    connection, in a transaction)."""
    for table, name in trigger_names():
        pg.execute(_function(table))
        pg.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        pg.execute(
            f"CREATE TRIGGER {name} BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION caseorg_seal_{table}()"
        )


def install(pg: Any, version_table: str) -> int:
    """The owner's open of a court library older than the sealing triggers (or a new
    one): make them, and seal once the rows already there that have no seal (after the
    last sealed row: a library moved in from a folder brought its seals). Returns how
    many rows were sealed now; noted in ``meta`` for the check to say."""
    start_sealing(pg)
    had = pg.execute(f"SELECT 1 FROM {version_table} WHERE name LIKE '%%+seals%%'").fetchone()
    if had:
        return 0
    sealed = seal_existing(pg)
    if sealed:
        when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        pg.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [VOUCHED_KEY, f"{sealed} {when}"],
        )
    return sealed


def seal_existing(pg: Any) -> int:
    """Seal, in id order, each table's rows after its last sealed row; how many."""
    count = 0
    for table in SEALED:
        last = pg.execute(
            "SELECT row_id, hash FROM seals WHERE tbl = %s ORDER BY row_id DESC LIMIT 1", [table]
        ).fetchone()
        last_id, previous = last if last else (0, None)
        rows = pg.execute(
            f"SELECT id, {row_json(table)} FROM {table} WHERE id > %s ORDER BY id", [last_id]
        ).fetchall()
        made = []
        for row_id, values in rows:
            previous = seal(previous, values)
            made.append((table, row_id, previous))
        with pg.cursor() as cursor:
            cursor.executemany("INSERT INTO seals (tbl, row_id, hash) VALUES (%s, %s, %s)", made)
        count += len(made)
    return count


def vouched(conn: Any) -> str | None:
    """The check's line about rows sealed when sealing began, if any were."""
    found = conn.execute("SELECT value FROM meta WHERE key = ?", [VOUCHED_KEY]).fetchone()
    if not found:
        return None
    count, _sep, when = str(found[0]).partition(" ")
    return (
        f"seals: {count} rows already in this court library were sealed as they were when "
        f"sealing began ({when}); their seals show changes made after that, not before"
    )
