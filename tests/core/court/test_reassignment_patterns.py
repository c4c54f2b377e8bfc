"""The pattern report on a hand-made court: every figure worked out by hand here."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.court import pattern_csv, pattern_report
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.proceedings import add_proceeding
from caseorg.records.reassignment_orders import certify_familiarity, record_order


def build(lib: Any) -> dict[str, int]:
    """Judge Hale (PHL) continues Ana's case on 3 March to verify notice; on 5 March one
    order moves Ana's and Bo's cases to Judge Ines (VIS, visiting). Bo's last hearing
    (1 February) was continued for counsel. Ines orders Ana removed in absentia on
    20 March after certifying familiarity; Bo's next hearing (1 April) has no
    certification. Carla's case stays with Hale; a move in New York is not this court's."""
    add_judge(lib, "PHL", "Judge Paul Hale", court="Philadelphia")
    add_judge(lib, "VIS", "Judge Vera Ines", court="Philadelphia")
    add_judge(lib, "NYC", "Judge Nora Yu", court="New York")
    add_judge(lib, "NYB", "Judge Ned Bay", court="New York")
    ana = add_case(
        lib, "200000001", "Ana", judge_code="PHL", court="Philadelphia", opened_on="2025-10-01"
    ).id
    bo = add_case(
        lib, "200000002", "Bo", judge_code="PHL", court="Philadelphia", opened_on="2025-10-01"
    ).id
    add_case(
        lib, "200000003", "Carla", judge_code="PHL", court="Philadelphia", opened_on="2025-10-01"
    )
    ny = add_case(
        lib, "300000001", "Dan", judge_code="NYC", court="New York", opened_on="2025-10-01"
    ).id
    add_hearing(
        lib, bo, "2026-02-01 09:00", outcome="continued", adjournment_reason="to seek counsel"
    )
    add_hearing(
        lib,
        ana,
        "2026-03-03 09:00",
        outcome="continued",
        adjournment_reason="continued to verify notice",
    )
    ana_next = add_hearing(lib, ana, "2026-03-20 09:00")
    bo_next = add_hearing(lib, bo, "2026-04-01 09:00")
    order = record_order(
        lib,
        [ana, bo],
        "VIS",
        "docket rebalancing",
        ordered_on="2026-03-05",
        ordered_by="ACIJ Smith",
        ordered_by_role="acij",
        to_judge_role="visiting",
    )
    from caseorg.records.hearings import edit_hearing

    edit_hearing(lib, ana_next.id, outcome="in_absentia_order")
    certify_familiarity(lib, ana_next.id, on="2026-03-20")
    add_proceeding(
        lib, ana, judge_code="VIS", decision="removal_ordered", completed_on="2026-03-20"
    )
    record_order(lib, [ny], "NYB", "recusal", ordered_on="2026-03-06")
    return {"ana": ana, "bo": bo, "order": order.id, "bo_next": bo_next.id}


def test_every_figure_by_hand(lib: Any) -> None:
    ids = build(lib)
    report = pattern_report(lib, "philadelphia", "2026-03-01", "2026-03-31")
    assert [m.case for m in report.moves] == ["A-200-000-001", "A-200-000-002"]
    ana, bo = report.moves
    assert (ana.order_id, bo.order_id) == (ids["order"], ids["order"])
    assert (ana.last_action_on, ana.last_action_outcome, ana.last_action_reason) == (
        "2026-03-03",
        "continued",
        "continued to verify notice",
    )
    assert ana.days_since_last_action == 2 and ana.after_notice_continuance
    assert bo.days_since_last_action == 32 and not bo.after_notice_continuance
    assert (ana.to_judge_role, ana.ordered_by_role) == ("visiting", "acij")
    assert ana.familiarity_certified and not bo.familiarity_certified
    assert bo.first_hearing_after_id == ids["bo_next"]
    judges = {j["judge"]: j for j in report.judges}
    assert set(judges) == {"PHL", "VIS"}  # New York's move is not in this court
    hale, ines = judges["PHL"], judges["VIS"]
    assert hale["moved_out"]["count"] == 2 and hale["moved_in"]["count"] == 0
    assert hale["out_by_month_reason"] == [
        {
            "month": "2026-03",
            "reason": "docket rebalancing",
            "count": 2,
            "cases": ["A-200-000-001", "A-200-000-002"],
            "case_ids": [ids["ana"], ids["bo"]],
            "reassignment_ids": [ana.reassignment_id, bo.reassignment_id],
        }
    ]
    outcomes = hale["outcomes"]
    assert (outcomes["continuances"]["before_total"], outcomes["continuances"]["after_total"]) == (
        2,
        0,
    )
    assert outcomes["in_absentia_orders"]["after"]["cases"] == ["A-200-000-001"]
    assert outcomes["removal_orders"]["after_total"] == 1
    assert outcomes["removal_orders"]["before_total"] == 0
    assert hale["after_notice_continuance"]["cases"] == ["A-200-000-001"]
    assert ines["moved_in"]["count"] == 2
    assert ines["without_familiarity"]["cases"] == ["A-200-000-002"]
    # a tighter window: two days are not within 1
    assert (
        pattern_report(lib, "Philadelphia", notice_days=1).judges[0]["after_notice_continuance"][
            "count"
        ]
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(pattern_csv(report))))
    notice = [r for r in rows if r["judge"] == "PHL" and r["figure"] == "after_notice_continuance"]
    assert notice == [
        {
            "judge": "PHL",
            "figure": "after_notice_continuance",
            "month": "",
            "reason": "",
            "count": "1",
            "cases": "A-200-000-001",
        }
    ]


def test_the_command_prints_json_csv_and_pdf(tmp_path, monkeypatch) -> None:
    from caseorg.library.folder import open_library

    path = tmp_path / "lib"
    with open_library(path) as lib:
        build(lib)
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(cli, ["--library", str(path), *args], catch_exceptions=False)

    base = ("reassignment-report", "--court", "Philadelphia", "--from", "2026-03-01")
    data = json.loads(run(*base, "--json").output)
    assert [j["judge"] for j in data["judges"]] == ["PHL", "VIS"]
    assert "A-200-000-001" in run(*base).output
    out = run(*base, "-o", str(tmp_path / "p.pdf"))
    assert out.exit_code == 0, out.output
    assert (tmp_path / "p.pdf").read_bytes()[:4] == b"%PDF"
    bad = run("reassignment-report", "--from", "2026-04-01", "--to", "2026-03-01")
    assert bad.exit_code == 2 and bad.output.count("\n") == 1
