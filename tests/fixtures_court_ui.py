"""The court the court-workflow UI tests work on, and the deadline reminder.

The court is a real library built once with the core API (judges, cases with
opening and completion dates, hearings, notices, reassignments, deadlines) and
copied into each test's tmp_path. ``court.writer`` is the writable Library the
background worker would use, ``court.reader`` the read-only one the views read;
``court.runner`` runs a view's operation on the writer at once, as the main window's
worker would, then calls its ``success`` callback.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.deadlines import add_deadline, mark_done
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.notices import add_notice
from caseorg.records.reassignments import reassign
from caseorg_ui.operations.library_op import LibraryOp

TODAY = dt.date(2025, 6, 11)  # a Wednesday
COURT = "Harbor City Immigration Court"


@dataclass
class Court:
    writer: Library
    reader: Library
    cases: dict[str, int]  # respondent's first name -> case id
    deadlines: dict[str, int]
    hearings: dict[str, int]
    submitted: list[str] = field(default_factory=list)  # names of the operations run

    @property
    def runner(self) -> Court:
        """Runs operations as the main window's runner does, without the thread hop."""
        return self

    def run(self, op: LibraryOp[Any]) -> None:
        self.submitted.append(getattr(op.fn, "__name__", "operation"))
        result = op.fn(self.writer)
        if op.on_success is not None:
            op.on_success(result)


@pytest.fixture(scope="session", name="court_template")
def court_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three judges, six cases (three completed this spring), hearings, two
    reassignments (one mid-stream, followed by an in absentia order without notice),
    and five deadlines around TODAY."""
    root = tmp_path_factory.mktemp("court_ui") / "library"
    with open_library(root) as lib:
        add_judge(lib, "JRM", "Judge Julia R. Marsh", COURT)
        add_judge(lib, "DKO", "Judge Daniel K. Okafor", COURT)
        add_judge(lib, "SLP", "Judge Sandra L. Pereira", COURT)
        ana = add_case(lib, "A-100-000-001", "Ana Lopez", "JRM", opened_on="2025-01-10")
        bo = add_case(lib, "A-100-000-002", "Bo Chen", "DKO", opened_on="2024-03-01")
        carla = add_case(lib, "A-100-000-003", "Carla Diaz", "JRM", opened_on="2022-01-01")
        for a_number, name, judge, opened, completed in (
            ("A-100-000-004", "Dev Patel", "JRM", "2024-01-01", "2025-03-15"),
            ("A-100-000-005", "Eva Novak", "DKO", "2024-06-01", "2025-05-20"),
            ("A-100-000-006", "Femi Ade", "JRM", "2024-11-01", "2025-05-02"),
        ):
            add_case(
                lib,
                a_number,
                name,
                judge,
                opened_on=opened,
                completed_on=completed,
                status="completed",
                outcome="relief granted",
            )
        reassign(
            lib,
            bo.id,
            "JRM",
            "docket rebalancing",
            effective_on="2025-02-10",
            ordered_by="ACIJ Eleanor V. Castellano",
        )
        reassign(lib, carla.id, "DKO", "judge recused", effective_on="2025-04-01", midstream=True)
        hearings = {
            "ana_may": add_hearing(lib, ana.id, "2025-05-12 09:00", outcome="continued").id,
            "ana": add_hearing(lib, ana.id, "2025-06-02 09:00").id,
            "bo": add_hearing(lib, bo.id, "2025-06-03 10:00", kind="individual").id,
            "carla_absentia": add_hearing(
                lib, carla.id, "2025-04-21 09:00", outcome="in_absentia_order"
            ).id,
            "carla": add_hearing(lib, carla.id, "2025-06-04 13:00").id,
            "cancelled": add_hearing(lib, ana.id, "2025-06-05 09:00", outcome="cancelled").id,
        }
        add_notice(lib, hearings["bo"], "2025-04-01", method="personal")
        deadlines = {
            "ana_brief": add_deadline(lib, ana.id, "brief_due", "2025-06-02", "Pre-hearing brief"),
            "bo_filing": add_deadline(lib, bo.id, "filing", "2025-06-10", "Evidence list"),
            "carla_filing": add_deadline(lib, carla.id, "filing", "2025-06-13", "Witness list"),
            "ana_decision": add_deadline(
                lib, ana.id, "decision_due", "2025-06-30", "Written decision"
            ),
            "bo_done": add_deadline(lib, bo.id, "other", "2025-05-01", "Address proof"),
        }
        mark_done(lib, deadlines["bo_done"].id, done_on="2025-04-30")
        meta = {
            "cases": {"ana": ana.id, "bo": bo.id, "carla": carla.id},
            "deadlines": {k: d.id for k, d in deadlines.items()},
            "hearings": hearings,
        }
    (root.parent / "ids.json").write_text(json.dumps(meta), encoding="utf-8")
    return root


@pytest.fixture(name="court")
def court_fixture(court_template: Path, tmp_path: Path) -> Iterator[Court]:
    target = tmp_path / "library"
    shutil.copytree(court_template, target)
    meta = json.loads((court_template.parent / "ids.json").read_text(encoding="utf-8"))
    writer = open_library(target)
    reader = open_library(target, read_only=True)
    try:
        yield Court(writer, reader, meta["cases"], meta["deadlines"], meta["hearings"])
    finally:
        reader.close()
        writer.close()
