"""A court library's connection that the server ended (issue 16: a restart, a DBA's
``pg_terminate_backend``): the next statement outside a transaction connects again, once,
with the session's settings said again; inside a transaction it fails in one line and
nothing of the transaction is kept or run again."""

from __future__ import annotations

from typing import Any

import pytest

from caseorg.errors import CaseorgError
from caseorg.library import open_library
from caseorg.library.pg import CONNECTION_CLOSED
from caseorg.library.seals import broken_seals
from caseorg.records import add_case, add_judge, list_cases


def _end(pg_cluster: Any, lib: Any) -> None:
    """The server ends ``lib``'s session, as a DBA (or a restart) would."""
    pid = lib.db.raw.info.backend_pid
    pg_cluster.admin(f"SELECT pg_terminate_backend({pid}, 5000)")


def _setting(lib: Any, name: str) -> str:
    return str(lib.db.raw.execute(f"SHOW {name}").fetchone()[0])


def test_a_reader_connects_again_with_its_settings(pg_cluster: Any) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_case(lib, "A-123-456-789", "Ana Lopez", judge_code="JRM")
    with open_library(url, read_only=True) as lib:
        lib.limit_waits(1.5)
        first = lib.db.raw.info.backend_pid
        _end(pg_cluster, lib)
        assert [c.a_number for c in list_cases(lib)] == ["123456789"]
        assert lib.db.reconnects == 1 and lib.db.raw.info.backend_pid != first
        assert _setting(lib, "default_transaction_read_only") == "on"
        assert (_setting(lib, "statement_timeout"), _setting(lib, "lock_timeout")) == (
            "1500ms",
            "1500ms",
        )
        _end(pg_cluster, lib)  # again: each time the server ends it, once
        assert lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        assert lib.db.reconnects == 2


def test_a_transaction_the_server_ended_fails_in_one_line(pg_cluster: Any) -> None:
    with open_library(pg_cluster.new_library()) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        with pytest.raises(CaseorgError) as refused, lib.db.atomic():
            lib.db.execute("INSERT INTO judges (code, name) VALUES ('TKW', 'Judge Wong')")
            _end(pg_cluster, lib)
            lib.db.execute("INSERT INTO judges (code, name) VALUES ('ABC', 'Judge Abc')")
        assert str(refused.value) == CONNECTION_CLOSED
        assert lib.db.reconnects == 0  # nothing of it was run again
        # the next statement, outside a transaction, connects again: the first half is gone
        codes = [r[0] for r in lib.conn.execute("SELECT code FROM judges ORDER BY code")]
        assert codes == ["JRM"] and lib.db.reconnects == 1


def test_a_transaction_begun_after_the_server_ended_the_session_runs(pg_cluster: Any) -> None:
    with open_library(pg_cluster.new_library()) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        _end(pg_cluster, lib)
        case = add_case(lib, "A-123-456-789", "Ana Lopez", judge_code="JRM")  # atomic()
        assert lib.db.reconnects == 1
        assert [c.id for c in list_cases(lib)] == [case.id]
        assert lib.conn.execute("SELECT count(*) FROM audit WHERE entity = 'case'").fetchone()[0]
        _end(pg_cluster, lib)  # a server-side cursor's transaction (the seals' walk) too
        assert broken_seals(lib.conn) == [] and lib.db.reconnects == 2
