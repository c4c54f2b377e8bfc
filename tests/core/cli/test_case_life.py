"""The command line of a case's life (issue 14), as the issue names it: address, counsel,
nta, proceeding, relief, motion, appeal, custody, respondent, exhibit(s); --json; bad
input one line, exit 2, nothing written; check-notices states the outdated address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseorg.library.folder import open_library

A = "A-200-300-400"


def count(library: Path, table: str) -> int:
    with open_library(library, read_only=True) as lib:
        return int(lib.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def opened(run) -> None:
    assert run("judge", "add", "JRM", "Rosa Martinez", "--court", "San Francisco").exit_code == 0
    result = run(
        "case",
        "add",
        "--a-number",
        A,
        "--respondent",
        "Rosa Nunez",
        "--judge",
        "JRM",
        "--opened",
        "2024-01-10",
    )
    assert result.exit_code == 0, result.output


def test_the_issue_s_commands_record_a_case_s_life(run, opened) -> None:
    assert (
        run(
            "address",
            "add",
            A,
            "12 Oak St, Oakland CA",
            "--received",
            "2024-01-05",
            "--source",
            "nta",
        ).exit_code
        == 0
    )
    result = run("address", "add", A, "40 Pine Ave, Fresno CA", "--received", "2024-02-01")
    assert result.exit_code == 0 and "EOIR-33" in result.output
    result = run(
        "counsel", "add", A, "Maria Ortiz", "--from", "2024-01-11", "--eoir-id", "AB1", "--json"
    )
    assert json.loads(result.output)["eoir_id"] == "AB1"
    result = run(
        "nta", "add", A, "--served", "2024-01-05", "--method", "personal", "--no-time-and-place"
    )
    assert result.exit_code == 0 and "did NOT state time and place" in result.output
    result = run(
        "proceeding", "add", A, "--charges", "212(a)(6)(A)(i), 212(a)(7)(A)(i)(I)", "--json"
    )
    proceeding = json.loads(result.output)
    assert proceeding["charges"] == "212(a)(6)(A)(i), 212(a)(7)(A)(i)(I)"
    assert proceeding["judge_code"] == "JRM" and proceeding["opened_on"] == "2024-01-10"
    assert run("relief", "add", A, "asylum", "--filed", "2024-02-15").exit_code == 0
    assert (
        run(
            "motion",
            "add",
            A,
            "rescind_in_absentia",
            "--filed",
            "2024-03-10",
            "--ground",
            "lack_of_notice",
        ).exit_code
        == 0
    )
    result = run("motion", "rule", "1", "granted", "--on", "2024-03-20")
    assert "[granted 03/20/2024]" in result.output
    assert run("appeal", "add", A, "--filed", "2024-04-01").exit_code == 0
    assert (
        "[remanded 05/01/2024]"
        in run("appeal", "decide", "1", "remanded", "--on", "2024-05-01").output
    )
    assert (
        run("custody", "add", A, "detained", "--from", "2024-01-02", "--to", "2024-01-04").exit_code
        == 0
    )
    assert run("respondent", A, "--born", "2008-06-01", "--unaccompanied").exit_code == 0
    listed = json.loads(run("address", "list", A, "--json").output)
    assert [a["received_on"] for a in listed] == ["2024-01-05", "2024-02-01"]
    for group in ("proceeding", "counsel", "nta", "relief", "motion", "appeal", "custody"):
        rows = json.loads(run(group, "list", A, "--json").output)
        assert len(rows) == 1, group

    # an in absentia order whose notice went to the old address: check-notices says so
    run("hearing", "add", A, "--at", "2024-03-04 09:00", "--outcome", "in_absentia_order")
    run("notice", "add", "1", "--served", "2024-02-10", "--address", "12 Oak St, Oakland CA")
    result = run("check-notices")
    assert result.exit_code == 1
    assert "sent to an outdated address (EOIR-33 received 02/01/2024)" in result.output
    assert "counsel of record Maria Ortiz" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["address", "add", A, "x", "--received", "2024-02-01"], "is not an address"),
        (
            ["address", "add", A, "40 Pine Ave, Fresno", "--received", "2023-12-01"],
            "change of address received 12/01/2023 is before the case was opened (01/10/2024)",
        ),
        (
            ["motion", "add", A, "reopen", "--filed", "2024-03-10", "--ruled", "2024-03-01"],
            "decided 03/01/2024 is before the motion was filed 03/10/2024",
        ),
        (
            ["counsel", "add", A, "Ortiz", "--from", "2024-03-01", "--to", "2024-02-01"],
            "withdrawal 02/01/2024 is before the appearance 03/01/2024",
        ),
        (
            ["relief", "add", A, "amnesty", "--filed", "2024-03-10"],
            "invalid kind 'amnesty': choose one of asylum",
        ),
        (["proceeding", "add", A, "--charges", "section 9"], "invalid charge 'section'"),
        (["proceeding", "add", A, "--decision", "banished"], "invalid decision 'banished'"),
        (["nta", "add", A, "--served", "2024-13-01", "--method", "mail"], "invalid NTA service"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    run, opened, tmp_path: Path, args: list[str], message: str
) -> None:
    before = count(tmp_path / "lib", "audit")
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert count(tmp_path / "lib", "audit") == before


def test_exhibits_in_record_of_proceedings_order(run, opened, tmp_path: Path) -> None:
    from helpers import make_pdf

    for name in ("nta", "i213", "letter"):
        make_pdf(tmp_path / f"{name}.pdf", [f"{name} page"])
    assert (
        run("import", A, *(str(tmp_path / f"{n}.pdf") for n in ("nta", "i213", "letter"))).exit_code
        == 0
    )
    run("hearing", "add", A, "--at", "2024-03-04 09:00")
    run("hearing", "add", A, "--at", "2024-05-04 09:00", "--kind", "individual")
    assert (
        run("exhibit", "mark", "2", "3", "--number", "10", "--offered-by", "respondent").exit_code
        == 0
    )
    run("exhibit", "mark", "1", "2", "--number", "2", "--offered-by", "dhs")
    run("exhibit", "mark", "2", "1", "--number", "9", "--offered-by", "dhs", "--status", "admitted")
    assert "now excluded" in run("exhibit", "status", "2", "3", "excluded").output
    rows = json.loads(run("exhibits", A, "--json").output)
    assert [(r["number"], r["status"]) for r in rows] == [
        ("2", "marked"),
        ("9", "admitted"),
        ("10", "excluded"),
    ]
    out = tmp_path / "list.html"
    assert run("exhibits", A, "-o", str(out)).exit_code == 0
    page = out.read_text()
    titles = [r["title"] for r in rows]
    assert sorted(titles, key=lambda title: page.index(f">{title}<")) == titles
    taken = run("exhibit", "mark", "2", "2", "--number", "9", "--offered-by", "dhs")
    assert taken.exit_code == 2 and "exhibit 9 is already document 1" in taken.output


def test_serving_counsel_by_certified_mail_answers_the_counsel_finding(run, opened) -> None:
    run("address", "add", A, "40 Pine Ave, Fresno CA", "--received", "2024-01-12")
    run("counsel", "add", A, "Maria Ortiz", "--from", "2024-01-11")
    run("hearing", "add", A, "--at", "2024-03-04 09:00", "--outcome", "in_absentia_order")
    run("notice", "add", "1", "--served", "2024-02-10", "--address", "40 Pine Ave, Fresno CA")
    flagged = json.loads(run("check-notices", "--json").output)
    assert "Maria Ortiz (EOIR-28 from 01/11/2024) was not served" in flagged[0]["reason"]
    added = run(
        "notice",
        "add",
        "1",
        "--served",
        "2024-02-10",
        "--method",
        "certified_mail",
        "--to",
        "counsel",
    )
    assert added.output.startswith(
        "recorded notice #2 for hearing #1, served 02/10/2024 by certified mail to counsel"
    )
    result = run("check-notices")
    assert result.exit_code == 0, result.output
    assert "every in absentia order has sound proof of notice" in result.output


def test_a_hearing_joins_the_proceeding_named_or_the_latest(run, opened) -> None:
    run("proceeding", "add", A, "--type", "bond", "--opened", "2024-01-12")
    run("proceeding", "add", A, "--opened", "2024-02-01", "--charges", "237(a)(1)(B)")
    latest = json.loads(run("hearing", "add", A, "--at", "2024-03-04 09:00", "--json").output)
    assert latest["proceeding_id"] == 2
    bond = run(
        "hearing",
        "add",
        A,
        "--at",
        "2024-01-20 09:00",
        "--kind",
        "bond",
        "--proceeding",
        "1",
        "--json",
    )
    assert json.loads(bond.output)["proceeding_id"] == 1
    other = run("proceeding", "add", A, "--completed", "2023-01-01")
    assert (
        other.exit_code == 2 and "completed 01/01/2023 is before opened 01/10/2024" in other.output
    )
