"""EOIR's proceedings, charges, bonds, addresses, EOIR-28s, custody, applications and
motions become the records of a case's life (issue 14's tables), marked as EOIR's,
audited, once: a second import changes nothing and says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import count

from caseorg.eoir.importer import import_eoir
from caseorg.records import (
    list_addresses,
    list_counsel,
    list_custody,
    list_motions,
    list_proceedings,
    list_relief,
    rule_on_motion,
)
from caseorg.records.hearings import list_hearings
from caseorg.reports import case_life_sections

from .test_importer import case, rewrite, sample, sample_dir

__all__ = ["sample"]  # the fixture, used by name

LIFE = ("proceedings", "addresses", "representation", "custody", "relief_applications")


def test_a_case_life_from_the_release(lib: Any) -> None:
    report = import_eoir(lib, sample_dir())
    assert report.counts["life_records_created"] > 0
    assert "case-life records added" in report.summary()
    detained = case(lib, "4001002")

    removal, bond = list_proceedings(lib, detained.id)
    assert (removal.case_type, removal.custody, removal.opened_on) == (
        "removal",
        "detained",
        "2024-09-30",
    )
    assert removal.judge_code == "DWK" and removal.court == "Riverton Immigration Court (detained)"
    assert removal.charges == "212a06Ai, 212a07AiI"  # EOIR's charge codes, as given
    assert removal.origin == "eoir" and "charge codes" in (removal.origin_note or "")
    assert (bond.case_type, bond.completed_on, bond.decision) == ("bond", "2024-10-10", "other")
    assert "initial bond $10000" in (bond.decision_note or "")
    assert "not documented" in (bond.origin_note or "")  # the doubt is said
    hearings = list_hearings(lib, case_id=detained.id)
    assert {h.proceeding_id for h in hearings} == {removal.id}

    (motion,) = list_motions(lib, detained.id)
    assert (motion.kind, motion.filed_on, motion.ruling, motion.ruled_on) == (
        "continue",
        "2024-11-19",
        "granted",
        "2024-11-25",
    )
    assert motion.proceeding_id == removal.id and "filed by code A" in (motion.origin_note or "")
    (application,) = list_relief(lib, detained.id)
    assert application.kind == "other" and "APPL_CODE ZZZ" in (application.origin_note or "")
    (spell,) = list_custody(lib, detained.id)  # A_TblCase's and the history's, once
    assert (spell.status, spell.from_on) == ("detained", "2024-08-20")
    (address,) = list_addresses(lib, detained.id)
    assert address.address == "Riverton, CA 95820" and "no street" in (address.origin_note or "")

    granted = case(lib, "4001001")
    assert [(r.kind, r.outcome, r.decided_on) for r in list_relief(lib, granted.id)] == [
        ("asylum", "granted", "2024-09-16"),
        ("cat", "pending", None),
    ]
    assert [(c.from_on, c.origin) for c in list_counsel(lib, granted.id)] == [
        ("2023-07-01", "eoir"),
        ("2024-02-12", "eoir"),
    ]
    (pretermit,) = list_motions(lib, case(lib, "4001003").id)
    assert pretermit.kind == "other" and pretermit.ruling == "pending"
    assert "decision code M not documented" in (pretermit.origin_note or "")

    # audited as one 'import' row per case and batch (not one per hearing): who imported
    # what, when, by kind and id; the values are the records' own
    (summary,) = lib.db.execute(
        "SELECT after_json FROM audit WHERE action = 'import' AND entity = 'case'"
        " AND entity_id = ?",
        [detained.id],
    ).fetchone()
    said = json.loads(summary)
    assert said["source"] == "EOIR data (IDNCASE 4001002)"
    assert said["motions"] == f"1 added: #{motion.id}"
    assert said["proceedings"] == f"2 added: #{removal.id}–#{bond.id}"
    assert said["hearings"].startswith(f"{len(hearings)} added: #")
    from caseorg.library import history
    from caseorg.reports import history_words

    lines = [history_words(lib).line(e) for e in history(lib.db, case_id=detained.id)]
    assert any(
        "imported case EOIR 4001002" in line and "motions: 1 added" in line for line in lines
    )

    sections = {s["title"]: s for s in case_life_sections(lib, detained.id)}
    motions = sections["Motions"]
    assert motions["columns"][-1] == "Origin"
    assert motions["rows"][0][-1].startswith("EOIR data: motion type MC")


def test_a_second_import_changes_nothing_and_keeps_local_edits(lib: Any, sample: Path) -> None:
    import_eoir(lib, sample)
    before = {table: count(lib, table) for table in (*LIFE, "motions", "audit")}
    again = import_eoir(lib, sample)
    assert again.counts["life_records_created"] == again.counts["life_records_updated"] == 0
    assert "nothing changed" in again.summary()
    assert {table: count(lib, table) for table in before} == before

    pretermit = list_motions(lib, case(lib, "4001003").id)[0]
    rule_on_motion(lib, pretermit.id, "denied", "2025-02-21")  # a clerk's own ruling

    def decided(header: list[str], rows: list[list[str]]) -> None:
        for row in rows:  # EOIR now records the continuance motion as denied
            if row[0] == "8301":
                row[header.index("DEC")] = "D"

    rewrite(sample / "tbl_Court_Motions.csv", decided)
    changed = import_eoir(lib, sample)
    assert changed.counts["life_records_updated"] == 1
    detained = list_motions(lib, case(lib, "4001002").id)[0]
    assert detained.ruling == "denied"
    assert list_motions(lib, case(lib, "4001003").id)[0].ruling == "denied"  # kept
