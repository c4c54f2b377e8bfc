"""Many writers at once on one court library (issue 16): eight processes, each logged in
as its own clerk, add cases, hearings (one at a time and many at once), reassignments,
tags and notes — some on the same case — and nothing is lost, nothing is doubled, and
the audit names each clerk's database user."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from caseorg.library import open_library
from caseorg.library.pg_schema import CLERK_ROLE
from caseorg.records import add_case, add_judge

ROOT = Path(__file__).resolve().parents[3]
WRITERS = 8
EACH = 6


def test_eight_writers_lose_nothing_and_double_nothing(pg_cluster: Any, tmp_path: Path) -> None:
    url = pg_cluster.new_library()
    dbname = url.split("?")[0].rsplit("/", 1)[1]
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        shared = add_case(lib, "A-999-999-999", "Shared Case", judge_code="JRM").id
    for n in range(WRITERS):
        pg_cluster.admin(
            f"DO $$ BEGIN CREATE ROLE clerk{n} LOGIN; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk{n}")
    env = {k: v for k, v in os.environ.items() if k != "CASEORG_USER"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["WRITERS_GO"] = str(tmp_path / "go")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.core.court_mode.writer"]
            + [pg_cluster.url(dbname, user=f"clerk{n}"), str(n), str(EACH), str(shared)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    deadline = time.monotonic() + 300
    while len(list(tmp_path.glob("ready*"))) < WRITERS and time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.05)
    (tmp_path / "go").touch()
    errors = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * WRITERS, errors

    with open_library(url) as lib:
        db = lib.db

        def one(sql: str, *params: Any) -> Any:
            return db.execute(sql, list(params)).fetchone()[0]

        assert one("SELECT count(*) FROM cases") == WRITERS * EACH + 1
        assert one("SELECT count(DISTINCT a_number) FROM cases") == WRITERS * EACH + 1
        # each case: its own hearing and two from the many-at-once insert
        assert one("SELECT count(*) FROM hearings WHERE case_id != ?", shared) == (
            WRITERS * EACH * 3
        )
        assert one("SELECT count(*) FROM hearings WHERE case_id = ?", shared) == WRITERS * EACH
        assert one("SELECT count(*) FROM case_tags WHERE case_id = ?", shared) == WRITERS * EACH
        assert one("SELECT count(*) FROM notes WHERE case_id = ?", shared) == WRITERS * EACH
        assert one("SELECT count(*) FROM reassignments") == WRITERS * (EACH // 2)
        assert one("SELECT count(*) FROM cases WHERE judge_id = 2") == WRITERS * (EACH // 2)
        # one audit row per row written, none doubled, each naming its clerk
        for n in range(WRITERS):
            assert (
                one(
                    "SELECT count(*) FROM audit WHERE actor = ? AND entity = 'case' "
                    "AND action = 'create'",
                    f"clerk{n}",
                )
                == EACH
            )
            assert (
                one(
                    "SELECT count(*) FROM audit WHERE actor = ? AND entity = 'hearing' "
                    "AND action = 'create'",
                    f"clerk{n}",
                )
                == EACH * 4
            )
        assert (
            one(
                "SELECT count(*) FROM (SELECT entity, entity_id FROM audit WHERE action = 'create' "
                "GROUP BY entity, entity_id HAVING count(*) > 1) doubled"
            )
            == 0
        )
        assert one("SELECT count(*) FROM audit WHERE entity = 'hearing' AND action = 'create'") == (
            one("SELECT count(*) FROM hearings")
        )
