"""``caseorg check`` on a court library (issue 16): the shared store's files against the
documents, the append-only triggers, the clerk role's grants and the schema — one line
per problem, exit 1, ``--json``; ``--repair`` by the owner puts triggers and grants back
and quarantines a stray file, and a clerk's ``--repair`` changes nothing and says why."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from helpers import make_pdf

from caseorg.cli.app import cli
from caseorg.importing.pipeline import import_files
from caseorg.library import open_library
from caseorg.library.pg_schema import CLERK_ROLE
from caseorg.records import add_case, add_judge


def _court(pg_cluster: Any, tmp_path: Path) -> tuple[str, Path, list[str]]:
    url = pg_cluster.new_library()
    store = tmp_path / "court-files"
    runner = CliRunner()
    assert runner.invoke(cli, ["--library", url, "court-files", str(store)]).exit_code == 0
    with open_library(url) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        pdfs = [
            make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship."]),
            make_pdf(tmp_path / "motion.pdf", ["Motion to continue."]),
        ]
        assert import_files(lib, case.id, pdfs, workers=1).count("imported") == 2
        hashes = [r[0] for r in lib.conn.execute("SELECT sha256 FROM documents ORDER BY id")]
    return url, store.resolve(), hashes


def test_a_sound_court_library_checks_ok(pg_cluster: Any, tmp_path: Path) -> None:
    url, _store, _hashes = _court(pg_cluster, tmp_path)
    result = CliRunner().invoke(cli, ["--library", url, "check"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "checked 2 documents, 2 files: ok"


def test_tampering_and_store_damage_are_named_and_repaired_by_the_owner(
    pg_cluster: Any, tmp_path: Path
) -> None:
    url, store, hashes = _court(pg_cluster, tmp_path)
    dbname = url.split("?")[0].rsplit("/", 1)[1]
    pg_cluster.admin("DROP TRIGGER audit_append_only ON audit", dbname)
    pg_cluster.admin("ALTER TABLE reassignments DISABLE TRIGGER reassignments_no_truncate", dbname)
    pg_cluster.admin(f"GRANT UPDATE ON reassignments TO {CLERK_ROLE}", dbname)
    with open_library(url) as lib:
        missing, root = lib.store.path_for(hashes[1]), lib.store.root
    missing.chmod(0o600)
    missing.unlink()
    stray = root / "ff" / "ee" / ("f" * 64 + ".pdf")
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4 stray")
    old = time.time() - 3600
    os.utime(stray, (old, old))
    fresh = root / "ee" / "dd" / ("e" * 64 + ".pdf")  # an import in flight
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"%PDF-1.4 in flight")

    runner = CliRunner()
    result = runner.invoke(cli, ["--library", url, "check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "PROBLEM  tampering: append-only trigger audit_append_only is missing (dropped)" in lines
    assert "PROBLEM  tampering: append-only trigger reassignments_no_truncate is disabled" in lines
    assert f"PROBLEM  grant: {CLERK_ROLE} may UPDATE reassignments, which is append-only" in lines
    assert sum(line.startswith("PROBLEM  missing_file: stored copy of") for line in lines) == 1
    stray_line = f"PROBLEM  unknown_file: file with no record: {stray.relative_to(store)}"
    assert stray_line in lines
    assert not any("e" * 64 in line for line in lines)  # in flight: not a problem
    assert lines[-1] == "checked 2 documents, 1 files: 5 problem(s) remain"
    as_json = json.loads(runner.invoke(cli, ["--library", url, "check", "--json"]).output)
    assert as_json["ok"] is False and len(as_json["problems"]) == 5

    # a clerk cannot put a trigger back: nothing changes and each line says why
    pg_cluster.admin(
        "DO $$ BEGIN CREATE ROLE clerk1 LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    pg_cluster.admin(f"GRANT {CLERK_ROLE} TO clerk1")
    clerk = pg_cluster.url(dbname, user="clerk1")
    refused = runner.invoke(cli, ["--library", clerk, "check", "--repair"])
    assert refused.exit_code == 1
    assert "the database's owner runs --repair" in refused.output
    assert "PROBLEM  tampering: append-only trigger audit_append_only" in refused.output

    mended = runner.invoke(cli, ["--library", url, "check", "--repair"])
    assert mended.exit_code == 1  # the missing file needs a backup
    again = runner.invoke(cli, ["--library", url, "check"]).output.splitlines()
    assert [line.split(":")[0] for line in again if line.startswith("PROBLEM")] == [
        "PROBLEM  missing_file"
    ]
    assert list((store / "quarantine").rglob(stray.name)) and fresh.exists()
    with open_library(clerk) as lib:
        refused_edit = lib.conn.raw.execute
        try:
            refused_edit("UPDATE reassignments SET reason = 'x'")
            raise AssertionError("the clerk edited an append-only table")
        except Exception as exc:  # noqa: BLE001 - psycopg's refusal
            assert "permission denied" in str(exc)
