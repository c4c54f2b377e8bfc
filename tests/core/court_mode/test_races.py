"""Two clerks at the same instant on one court library (issue 16): the same A-number
added twice, the same file imported into the same case twice. One wins; the other gets
the one line the folder library gives for a duplicate (never 'unexpected error'), and
no case or document is doubled, no stored file lost."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.errors import InvalidValue
from caseorg.library import open_library
from caseorg.library.pg_schema import CLERK_ROLE
from caseorg.records import add_case, add_judge, add_tag

ROOT = Path(__file__).resolve().parents[3]
RACERS = 4
ROUNDS = 15


def test_a_case_added_while_another_commits_it_is_one_clear_line(pg_cluster: Any) -> None:
    """The check before the insert cannot see a row not yet committed: the unique index
    makes the second insert wait for the first and refuse it, in the folder's words."""
    url = pg_cluster.new_library()
    with open_library(url) as first, open_library(url) as second:
        add_judge(first, "JRM", "Judge Rosa Martinez")
        refused: list[BaseException] = []

        def late() -> None:
            try:
                add_case(second, "A-200-000-001", "Second Clerk", judge_code="JRM")
            except BaseException as exc:  # noqa: BLE001 - what the clerk would see
                refused.append(exc)

        with first.db.atomic():
            add_case(first, "A-200-000-001", "First Clerk", judge_code="JRM")
            racer = threading.Thread(target=late)
            racer.start()
            time.sleep(0.5)  # the second insert is waiting on the first's row
            assert racer.is_alive()
        racer.join(30)
        assert [type(e) for e in refused] == [InvalidValue]
        assert str(refused[0]) == "case A-200-000-001 already exists"
        (count,) = first.conn.execute("SELECT count(*) FROM cases").fetchone()
        assert count == 1


def test_a_tag_put_on_while_another_clerk_commits_it_is_there_once(pg_cluster: Any) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as first, open_library(url) as second:
        add_judge(first, "JRM", "Judge Rosa Martinez")
        case = add_case(first, "A-200-000-002", "Tagged Twice", judge_code="JRM")
        seen: list[Any] = []

        def late() -> None:
            try:
                seen.append(add_tag(second, "case", case.id, "detained"))
            except BaseException as exc:  # noqa: BLE001 - what the clerk would see
                seen.append(exc)

        with first.db.atomic():
            add_tag(first, "case", case.id, "detained")
            racer = threading.Thread(target=late)
            racer.start()
            time.sleep(0.5)
            assert racer.is_alive()  # waiting on the first clerk's row
        racer.join(30)
        assert seen == [["detained"]]
        (count,) = first.conn.execute("SELECT count(*) FROM audit WHERE action = 'tag'").fetchone()
        assert count == 1


def _race(pg_cluster: Any, tmp_path: Path, url: str, args: list[str]) -> list[str]:
    dbname = url.split("?")[0].rsplit("/", 1)[1]
    env = {k: v for k, v in os.environ.items() if k != "CASEORG_USER"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["WRITERS_GO"] = str(tmp_path / "go")
    procs = []
    for n in range(RACERS):
        pg_cluster.admin(
            f"DO $$ BEGIN CREATE ROLE racer{n} LOGIN; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        pg_cluster.admin(f"GRANT {CLERK_ROLE} TO racer{n}")
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.core.court_mode.racer"]
                + [pg_cluster.url(dbname, user=f"racer{n}"), str(n), *args],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready*"))) < RACERS and time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.02)
    (tmp_path / "go").touch()
    done = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * RACERS, [err for _out, err in done]
    return [line for out, _err in done for line in out.splitlines()]


def test_racing_clerks_add_each_a_number_once(pg_cluster: Any, tmp_path: Path) -> None:
    url = pg_cluster.new_library()
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
    lines = _race(pg_cluster, tmp_path, url, ["cases", str(ROUNDS)])
    for k in range(ROUNDS):
        mine = sorted(line for line in lines if line.split(":")[0].split()[1] == str(k))
        assert mine[-1] == f"won {k}", mine
        digits = f"7{k:08d}"
        taken = f"case A-{digits[:3]}-{digits[3:6]}-{digits[6:]} already exists"
        assert mine[:-1] == [f"lost {k}: {taken}"] * (RACERS - 1), mine
    with open_library(url) as lib:
        assert lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == ROUNDS


@pytest.mark.parametrize("rounds", [3])
def test_the_same_file_imported_at_once_is_one_document(
    pg_cluster: Any, tmp_path: Path, rounds: int
) -> None:
    url = pg_cluster.new_library()
    store = tmp_path / "court-files"
    with open_library(url) as lib:
        lib.set_file_store(store)
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        cases = [
            add_case(lib, f"A-300-000-00{k}", "Same File", judge_code="JRM") for k in range(rounds)
        ]
    for k, case in enumerate(cases):
        pdf = make_pdf(tmp_path / f"brief{k}.pdf", [f"Brief number {k} on hardship."])
        go = tmp_path / f"round{k}"
        go.mkdir()
        lines = _race(pg_cluster, go, url, ["import", str(case.id), str(pdf)])
        assert sorted(lines) == ["duplicate: already in this case"] * (RACERS - 1) + [
            "imported: "
        ], lines
    with open_library(url) as lib:
        for case in cases:
            rows = lib.conn.execute(
                "SELECT sha256 FROM documents WHERE case_id = ?", [case.id]
            ).fetchall()
            assert len(rows) == 1 and lib.store.has(rows[0][0])
