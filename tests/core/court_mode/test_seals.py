"""The seals' chain on a court library (issue 16): the server seals every row of the
append-only tables as the folder library's writer does — byte for byte the same seal, so
one verifier checks both and a move keeps them verifying — one chain however many clerks
insert at once, and what the owner changes with a trigger disabled shows in the check."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.library import move_library, open_library
from caseorg.library.pg_schema import CLERK_ROLE, VERSION_TABLE
from caseorg.library.pg_seals import VOUCHED_KEY
from caseorg.library.seals import SEALED, broken_seals, pg_row_json, seal
from caseorg.records import add_case, add_judge, reassign

ROOT = Path(__file__).resolve().parents[3]
TRICKY = [
    "",
    'a "quoted" back\\slash',
    "tab\tnew\nline\rcr\b\f",
    "\x01\x1f\x7f",
    "José 漢字 😀 \u2028\u2029",
    "it's 100% /slash",
]


def _dbname(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def _audit(lib: Any, actor: str, after: str | None = None) -> None:
    with lib.db.atomic():
        lib.db.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id, before_json, after_json) "
            "VALUES ('2026-01-01T00:00:00', ?, 'create', 'note', -7, NULL, ?)",
            [actor, after],
        )


def test_the_server_s_seal_is_the_folder_s_seal(court_lib: Any) -> None:
    """The server writes a row's values as SQLite's json_array does (quotes, escapes,
    control characters, accents, emoji, big and negative numbers, NULL) and its seal is
    the one Python computes."""
    lite = sqlite3.connect(":memory:")
    pg = court_lib.db.raw
    for text in TRICKY:
        for number in (0, -5, 2**62, None):
            ours = lite.execute("SELECT json_array(?, ?, NULL)", [number, text]).fetchone()[0]
            theirs = pg.execute(
                "SELECT '[' || coalesce(to_json(%s::bigint)::text, 'null') || ',' || "
                "coalesce(to_json(%s::text)::text, 'null') || ',null]'",
                [number, text],
            ).fetchone()[0]
            assert theirs == ours
        _audit(court_lib, text, text)
    rows = court_lib.conn.execute(
        f"SELECT a.id, {pg_row_json('audit', 'a.')}, s.hash FROM audit a "
        "JOIN seals s ON s.tbl = 'audit' AND s.row_id = a.id ORDER BY a.id"
    ).fetchall()
    assert len(rows) == len(TRICKY)
    previous = None
    for _id, values, stored in rows:
        columns = ", ".join(SEALED["audit"])
        assert (
            values
            == lite.execute(
                f"SELECT json_array({columns}) FROM (SELECT ? AS id, ? AS at, ? AS actor, ? AS "
                "action, ? AS entity, ? AS entity_id, ? AS before_json, ? AS after_json)",
                list(
                    court_lib.conn.execute(
                        f"SELECT {columns} FROM audit WHERE id = ?", [_id]
                    ).fetchone()
                ),
            ).fetchone()[0]
        )
        assert stored == seal(previous, values)
        previous = stored
    assert broken_seals(court_lib.conn) == []


def _court_with_rows(pg_cluster: Any, store: Path) -> str:
    url = pg_cluster.new_library()
    assert CliRunner().invoke(cli, ["--library", url, "court-files", str(store)]).exit_code == 0
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        reassign(lib, case.id, "TKW", "caseload")
        reassign(lib, case.id, "JRM", "back")
    return url


def _problems(url: str, *extra: str) -> list[str]:
    result = CliRunner().invoke(cli, ["--library", url, "check", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return [line for line in result.output.splitlines() if line.startswith(("PROBLEM", "repaired"))]


def test_what_the_owner_changes_behind_a_disabled_trigger_shows_in_the_check(
    pg_cluster: Any, tmp_path: Path
) -> None:
    url = _court_with_rows(pg_cluster, tmp_path / "files")
    assert _problems(url) == []
    db = _dbname(url)
    pg_cluster.admin("ALTER TABLE reassignments DISABLE TRIGGER reassignments_append_only", db)
    pg_cluster.admin("UPDATE reassignments SET reason = 'rewritten' WHERE id = 1", db)
    pg_cluster.admin("ALTER TABLE reassignments ENABLE TRIGGER reassignments_append_only", db)
    pg_cluster.admin("ALTER TABLE audit DISABLE TRIGGER audit_append_only", db)
    pg_cluster.admin("DELETE FROM audit WHERE id = 2", db)
    pg_cluster.admin("ALTER TABLE audit ENABLE TRIGGER audit_append_only", db)
    pg_cluster.admin("ALTER TABLE audit DISABLE TRIGGER audit_seal", db)
    pg_cluster.admin(
        "INSERT INTO audit (at, actor, action, entity) VALUES ('2020-01-01', 'ghost', 'x', 'y')",
        db,
    )
    with open_library(url) as lib:
        (ghost,) = lib.conn.execute("SELECT id FROM audit WHERE actor = 'ghost'").fetchone()
    assert _problems(url) == [
        "PROBLEM  tampering: sealing trigger audit_seal is disabled",
        "PROBLEM  tampering: audit row 2 was deleted outside caseorg",
        f"PROBLEM  tampering: audit row {ghost} was added outside caseorg (it has no seal)",
        "PROBLEM  tampering: reassignments row 1 was changed outside caseorg",
    ]
    # a clerk cannot put the trigger back; the owner can, and the rows stay named
    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE sealclerk LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO sealclerk")
    clerk = pg_cluster.url(db, user="sealclerk")
    refused = _problems(clerk, "--repair")
    assert refused[0].startswith("PROBLEM  tampering: sealing trigger audit_seal is disabled")
    assert refused[0].endswith("the database's owner runs --repair)")
    mended = _problems(url, "--repair")
    assert mended[0] == "repaired tampering: sealing trigger audit_seal is disabled (put back)"
    assert len(_problems(url)) == 3
    with open_library(clerk) as lib:  # sealing again: the next row is sealed
        _audit(lib, "sealclerk")
        assert len(broken_seals(lib.conn)) == 3
        with pytest.raises(Exception, match="permission denied"):
            lib.db.raw.execute("UPDATE audit SET actor = 'x'")


def test_a_row_a_clerk_adds_with_psql_is_sealed_by_the_server(
    pg_cluster: Any, tmp_path: Path
) -> None:
    """Unlike a folder library, the server seals a row whatever tool inserted it: the check
    cannot tell a clerk's psql insert from caseorg's (see caseorg.library.pg_seals)."""
    url = _court_with_rows(pg_cluster, tmp_path / "files")
    pg_cluster.admin(
        "INSERT INTO audit (at, actor, action, entity) VALUES ('2020-01-01', 'psql', 'x', 'y')",
        _dbname(url),
    )
    assert _problems(url) == []


def test_a_stricter_transaction_is_refused_in_one_line(court_lib: Any) -> None:
    pg = court_lib.db.raw
    refused = pytest.raises(psycopg.errors.RaiseException, match="READ COMMITTED transactions")
    with refused, pg.transaction():
        pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        pg.execute("INSERT INTO audit (at, actor, action, entity) VALUES ('x', 'y', 'z', 'w')")


_WRITER = """
import sys
from pathlib import Path
import time
from caseorg.library import open_library
url, writer, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
with open_library(url) as lib:
    go.with_name(f"ready{writer}").touch()
    while not go.exists():
        time.sleep(0.005)
    for k in range(count):
        try:
            with lib.db.atomic():
                for n in range(1 + k % 3):  # one, two or three rows in a transaction
                    lib.db.execute(
                        "INSERT INTO audit (at, actor, action, entity, entity_id) "
                        "VALUES ('2026-01-01', ?, 'create', 'note', ?)", [writer, k * 10 + n])
                if k % 7 == 3:
                    raise KeyError("rolled back")
        except KeyError:
            pass
"""


def test_four_clerks_inserting_at_once_make_one_unbroken_chain(
    pg_cluster: Any, tmp_path: Path
) -> None:
    url = pg_cluster.new_library()
    writers, each = 4, 60
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, url, str(n), str(each), str(tmp_path / "go")],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready*"))) < writers and time.monotonic() < deadline:
        time.sleep(0.02)
    (tmp_path / "go").touch()
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * writers, errors
    kept = sum(1 + k % 3 for k in range(each) if k % 7 != 3)
    with open_library(url) as lib:
        one = lib.conn.execute
        assert one("SELECT count(*) FROM audit WHERE entity = 'note'").fetchone()[0] == (
            writers * kept
        )
        assert (
            one("SELECT count(*) FROM seals WHERE tbl = 'audit'").fetchone()[0]
            == (one("SELECT count(*) FROM audit").fetchone()[0])
        )
        assert broken_seals(lib.conn) == []


def test_an_older_court_library_is_sealed_once_when_its_owner_opens_it(
    pg_url: str, tmp_path: Path
) -> None:
    """A court library from before the server sealed (rows, no seals, no sealing triggers,
    its version row without +seals): the owner's open seals its rows once, and the check
    says they were sealed as they were then."""
    with open_library(pg_url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        reassign(lib, add_case(lib, "A-123-456-789", "Ana", judge_code="JRM").id, "TKW", "x")
        version = lib.conn.execute(f"SELECT name FROM {VERSION_TABLE}").fetchone()[0]
    with psycopg.connect(pg_url, autocommit=True) as conn:  # as court libraries were
        for table in SEALED:
            conn.execute(f"DROP TRIGGER {table}_seal ON {table}")  # type: ignore[arg-type]
        conn.execute("ALTER TABLE seals DISABLE TRIGGER seals_append_only")
        conn.execute("DELETE FROM seals")
        conn.execute("ALTER TABLE seals ENABLE TRIGGER seals_append_only")
        conn.execute(f"DELETE FROM {VERSION_TABLE}")  # type: ignore[arg-type]
        old = version.replace("+seals1", "")
        conn.execute(f"INSERT INTO {VERSION_TABLE} VALUES (%s)", [old])  # type: ignore[arg-type]
        conn.execute(
            "INSERT INTO audit (at, actor, action, entity) VALUES ('2020-01-01', 'old', 'x', 'y')"
        )
        rows = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SEALED)  # type: ignore[arg-type,index]
    with pytest.raises(Exception, match="older one"):
        open_library(pg_url, read_only=True)
    with open_library(pg_url) as lib:
        lib.set_file_store(tmp_path / "files")
    result = CliRunner().invoke(cli, ["--library", pg_url, "check"])
    assert result.exit_code == 0, result.output
    assert f"seals: {rows} rows already in this court library were sealed as they were" in (
        result.output
    )
    open_library(pg_url).close()  # once: a second open seals nothing again
    with open_library(pg_url) as lib:
        # the rows sealed then, and the file store's audit row, sealed as it went in
        assert lib.conn.execute("SELECT count(*) FROM seals").fetchone()[0] == rows + 1
        assert lib.conn.execute("SELECT value FROM meta WHERE key = ?", [VOUCHED_KEY]).fetchone()
        _audit(lib, "new")
        assert broken_seals(lib.conn) == []


def test_seals_verify_after_a_move_both_ways_and_keep_what_they_showed(
    tmp_path: Path, pg_cluster: Any
) -> None:
    folder = tmp_path / "laptop"
    with open_library(folder) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        reassign(lib, case.id, "TKW", "caseload")
        for text in TRICKY:
            _audit(lib, "laptop", text)
        assert broken_seals(lib.conn) == []
    court = pg_cluster.new_library()
    with open_library(folder, read_only=True) as old, open_library(court) as new:
        move_library(old, new, files=tmp_path / "court-files", with_files=False)
        assert broken_seals(new.conn) == []
        reassign(new, case.id, "JRM", "back on the court")  # the server chains on
        _audit(new, "court")
        assert broken_seals(new.conn) == []
    back = tmp_path / "back"
    with open_library(court, read_only=True) as old, open_library(back) as new:
        move_library(old, new, with_files=False)
        assert broken_seals(new.conn) == []
        _audit(new, "laptop again")  # the folder's writer chains on
        assert broken_seals(new.conn) == []
        new.db.execute("DROP TRIGGER audit_no_update")
        new.db.execute("UPDATE audit SET actor = 'someone else' WHERE id = 3")
        assert broken_seals(new.conn) == ["audit row 3 was changed outside caseorg"]
    again = pg_cluster.new_library()  # the edit made on the laptop shows on the court too
    with open_library(back, read_only=True) as old, open_library(again) as new:
        move_library(old, new, files=tmp_path / "court-files", with_files=False)
        assert broken_seals(new.conn) == ["audit row 3 was changed outside caseorg"]
