"""The reassignment report: cases taken from and given to a judge, and what came next."""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.court.reassignment_report import reassignment_report, report_csv
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case, edit_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.notices import add_notice
from caseorg.records.reassignments import reassign
from caseorg.reports.reassignments import reassignment_report_html

REPO = Path(__file__).resolve().parents[2]


def text_of(page: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def build(lib: Any) -> dict[str, Any]:
    """Judge Martinez (JRM) loses Ana's case mid-stream and receives Bo's; Carla's moved
    before the period; Dora's move to JRM was entered with the wrong date and corrected."""
    add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")
    add_judge(lib, "TKW", "Judge Thomas Kim-Walker", court="San Francisco")
    ana = add_case(lib, "123456789", "Ana Lopez Garcia", judge_code="JRM")
    add_hearing(lib, ana.id, "2025-01-10 09:00", kind="individual", outcome="continued",
                adjournment_reason="testimony partly taken")  # fmt: skip
    taken = reassign(lib, ana.id, "TKW", "caseload balancing", effective_on="2025-02-01",
                     ordered_by="ACIJ Castellano", midstream=True)  # fmt: skip
    absentia = add_hearing(lib, ana.id, "2025-03-03 10:30", kind="individual",
                           outcome="in_absentia_order")  # fmt: skip
    add_notice(lib, absentia.id, "2025-02-05", returned_undeliverable=True)
    add_hearing(lib, ana.id, "2025-05-01 09:00", kind="master")

    bo = add_case(lib, "222333444", "Bo Chen", judge_code="TKW")
    given = reassign(lib, bo.id, "JRM", "recusal of Judge Kim-Walker", effective_on="2025-02-15")
    edit_case(lib, bo.id, status="completed", completed_on="2025-03-20", outcome="asylum granted")

    carla = add_case(lib, "333444555", "Carla Mejia", judge_code="JRM")
    reassign(lib, carla.id, "TKW", "detained docket", effective_on="2024-12-01")

    dora = add_case(lib, "444555666", "Dora Ito", judge_code="TKW")
    wrong = reassign(lib, dora.id, "JRM", "caseload balancing", effective_on="2025-03-01")
    fixed = reassign(lib, dora.id, "JRM", "effective date corrected", effective_on="2025-03-03",
                     corrects=wrong.id)  # fmt: skip
    return {"taken": taken, "given": given, "wrong": wrong, "fixed": fixed, "ana": ana}


def test_rows_for_a_judge_and_period(lib: Any) -> None:
    made = build(lib)
    report = reassignment_report(lib, "jrm", "2025-01-01", "2025-03-31")
    assert [r.reassignment_id for r in report.taken] == [made["taken"].id]
    assert [r.reassignment_id for r in report.given] == [
        made["given"].id,
        made["wrong"].id,
        made["fixed"].id,
    ]
    row = report.taken[0]
    assert (row.direction, row.a_number_display, row.respondent) == (
        "taken",
        "A-123-456-789",
        "Ana Lopez Garcia",
    )
    assert (row.from_judge_code, row.to_judge_code, row.effective_on) == (
        "JRM",
        "TKW",
        "2025-02-01",
    )
    assert (row.reason, row.ordered_by, row.midstream) == (
        "caseload balancing",
        "ACIJ Castellano",
        True,
    )
    assert (row.next_hearing_at, row.next_hearing_kind, row.next_hearing_outcome) == (
        "2025-03-03 10:30",
        "individual",
        "in_absentia_order",
    )
    assert row.hearings_after == 2
    assert row.in_absentia_orders == ["2025-03-03"]
    assert len(row.notice_warnings) == 1 and "returned undeliverable" in row.notice_warnings[0]
    assert (row.case_status, row.current_judge_code) == ("pending", "TKW")

    bo = report.given[0]
    assert (bo.from_judge_code, bo.next_hearing_at, bo.case_status, bo.case_outcome) == (
        "TKW",
        None,
        "completed",
        "asylum granted",
    )
    wrong, fixed = report.given[1:]
    assert (wrong.corrected_by_id, fixed.corrects_id) == (made["fixed"].id, made["wrong"].id)
    assert fixed.from_judge_code == "TKW"  # from the entry it corrects, not JRM->JRM
    json.dumps(report.as_dict())

    everything = reassignment_report(lib, "JRM")
    assert len(everything.taken) == 2  # Carla's move in December too
    tkw = reassignment_report(lib, "TKW", "2025-01-01", "2025-03-31")
    assert [r.reassignment_id for r in tkw.taken] == [
        made["given"].id,
        made["wrong"].id,
        made["fixed"].id,
    ]


def test_csv(lib: Any) -> None:
    build(lib)
    text = report_csv(reassignment_report(lib, "JRM", "2025-01-01", "2025-03-31"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["direction"] for r in rows] == ["taken", "given", "given", "given"]  # by date
    first = rows[0]
    assert first["a_number_display"] == "A-123-456-789"
    assert (first["midstream"], first["ordered_by"], first["in_absentia_orders"]) == (
        "yes",
        "ACIJ Castellano",
        "2025-03-03",
    )
    assert first["next_hearing_outcome"] == "in_absentia_order"
    assert rows[1]["case_outcome"] == "asylum granted" and rows[1]["next_hearing_at"] == ""


def test_html(lib: Any) -> None:
    build(lib)
    page = text_of(reassignment_report_html(lib, "JRM", "2025-01-01", "2025-03-31"))
    assert "REASSIGNMENT REPORT" in page
    assert "Immigration Judge Rosa Martinez (JRM)" in page
    assert "January 1, 2025 through March 31, 2025" in page
    assert "1 case taken from the judge, 3 given to the judge; 1 mid-stream" in page
    assert "Ana Lopez Garcia" in page and "Thomas Kim-Walker (TKW)" in page
    assert "Ordered by ACIJ Castellano" in page and "Mid-stream" in page
    assert "In absentia order March 3, 2025" in page
    assert "Notice warning: In absentia order, but the notice served 02/05/2025" in page
    assert "Completed March 20, 2025: asylum granted" in page
    assert "Corrected by #" in page and "Corrects #" in page
    empty = text_of(reassignment_report_html(lib, "JRM", "2026-01-01", "2026-02-01"))
    assert "No case was taken from the judge in this period." in empty


def test_cli_report_json_csv_and_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    library = tmp_path / "lib"
    with open_library(library) as lib:
        made = build(lib)
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(cli, ["--library", str(library), *args], catch_exceptions=False)

    period = ("--from", "2025-01-01", "--to", "2025-03-31")
    rows = json.loads(run("reassignments", "--judge", "JRM", *period, "--json").output)
    assert [(r["direction"], r["reassignment_id"]) for r in rows][0] == ("taken", made["taken"].id)
    text = run("reassignments", "--judge", "JRM", *period).output
    assert "cases taken from Judge Rosa Martinez (1):" in text
    assert "A-123-456-789 Ana Lopez Garcia to TKW [mid-stream]" in text
    assert "in absentia order 03/03/2025" in text
    printed = run("reassignments", "--judge", "JRM", *period, "--csv").output
    assert printed.splitlines()[0].startswith("direction,reassignment_id,effective_on")
    out = tmp_path / "report.csv"
    assert run("reassignments", "--judge", "JRM", *period, "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == printed
    usage = run("reassignments", "--csv")
    assert usage.exit_code == 2 and "give --judge" in usage.output
    plain = json.loads(run("reassignments", "--case", "123456789", "--json").output)
    assert [r["to_judge_code"] for r in plain] == ["TKW"]  # the plain history is unchanged

    # the PDF goes through Qt (caseorg_ui.printing.output): run the CLI in its own process
    pdf = tmp_path / "report.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "caseorg.cli", "--library", str(library), "reassignments",
         "--judge", "JRM", *period, "-o", str(pdf)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages)
    assert "REASSIGNMENT REPORT" in text
    assert "Ana Lopez Garcia" in text and "Bo Chen" in text
    assert "Mid-stream" in text or "Mid- stream" in text
    assert "Notice warning" in text
