"""From EOIR rows to record values: grouping by case, hearings and notices, judge changes."""

from __future__ import annotations

from pathlib import Path

from caseorg.eoir.mapping import (
    CasePlan,
    Lookups,
    Problem,
    case_judges,
    case_values,
    judge_changes,
    plan_cases,
    plan_hearings,
)
from caseorg.eoir.tables import Row, Table

Problems = list[tuple[int, str]]


def row(line: int, **data: str) -> Row:
    return Row("f.csv", line, {k.upper(): v for k, v in data.items()})


def collect(problems: Problems) -> Problem:
    return lambda r, message: problems.append((r.line, message))


def table(kind: str, *rows: Row) -> Table:
    return Table(kind, Path("f.csv"), list(rows))


def test_rows_are_grouped_by_case_and_bad_ones_reported() -> None:
    problems: Problems = []
    cases = table("case", row(2, idncase="1"), row(3, idncase="1"), row(4, idncase=""))
    schedule = table("schedule", row(2, idncase="1"), row(3, idncase="2"))
    plans = plan_cases([cases, schedule], collect(problems))
    assert sorted(plans) == ["1", "2"]
    assert plans["1"].case_row is not None and plans["1"].case_row.line == 2
    assert len(plans["1"].schedule) == 1 and plans["2"].case_row is None
    assert [line for line, _m in problems] == [3, 4]
    assert "appears again (first on line 2 of f.csv)" in problems[0][1]


def test_lookups_fill_judges_courts_and_reasons() -> None:
    lookups = Lookups()
    lookups.read(table("judge", row(2, judge_code="alb", base_city_code="RVT")))
    lookups.read(table("court", row(2, base_city_code="rvt", base_city_name="Riverton")))
    lookups.read(table("adjournment", row(2, adj_rsn="99", adj_desc="snow day")))
    assert lookups.judge_names == {"ALB": ("Judge ALB", "RVT")}
    assert lookups.courts == {"RVT": "Riverton"}
    assert lookups.adjournments["99"] == "snow day"
    assert lookups.adjournments["01"] == "respondent to seek representation"  # EOIR's own


def test_case_values_use_the_latest_proceeding() -> None:
    plan = CasePlan(
        "1",
        case_row=row(2, idncase="1", alien_nbr="A208765431", nat="GT", lang="XYZ"),
        proceedings=[
            row(2, idnproceeding="1", osc_date="2023-05-10", base_city_code="RVT"),
            row(3, idnproceeding="2", osc_date="2024-01-02", comp_date="2024-09-16",
                dec_code="X", absentia="Y", custody="D"),
        ],
    )  # fmt: skip
    values = case_values(plan, {"RVT": "Riverton"})
    assert values["a_number"] == "208765431" and values["respondent"] is None
    assert (values["nationality"], values["language"]) == ("Guatemala", "XYZ")
    assert (values["custody"], values["opened_on"]) == ("detained", "2023-05-10")
    assert (values["status"], values["outcome"]) == ("completed", "removal ordered in absentia")
    assert values["court"] is None  # the latest proceeding names no court


def test_hearings_notices_and_bad_rows() -> None:
    problems: Problems = []
    plan = CasePlan(
        "1",
        proceedings=[row(2, idnproceeding="5", comp_date="2024-09-16", absentia="Y")],
        schedule=[
            row(2, idnschedule="a", idnproceeding="5", adj_date="2024-09-16",
                adj_time_start="1:00PM", ij_code="alb", notice_code="R", input_date="2024-08-01"),
            row(3, idnschedule="b", idnproceeding="5", adj_date="2024-02-30"),
            row(4, idnschedule="a", idnproceeding="5", adj_date="2024-09-17"),
            row(5, idnschedule="c", idnproceeding="5", adj_date="2024-03-01", adj_rsn="77",
                cal_type="I", lang="ENG"),
        ],
    )  # fmt: skip
    hearings = plan_hearings(plan, {}, collect(problems))
    assert [h.key for h in hearings] == ["c", "a"]
    early, decided = hearings
    assert early.values["outcome"] == "continued"
    assert early.values["adjournment_reason"] == "adjournment code 77"
    assert early.values["interpreter_language"] is None and early.notice is None  # English
    assert decided.values["starts_at"] == "2024-09-16 13:00"
    assert decided.values["outcome"] == "in_absentia_order"
    assert decided.values["judge_code"] == "ALB"
    assert decided.notice == {
        "served_on": "2024-08-01",
        "method": "mail",
        "returned_undeliverable": 1,
    }
    assert [line for line, _m in problems] == [3, 4]
    assert "invalid ADJ_DATE '2024-02-30'" in problems[0][1]


def test_judge_changes_from_proceedings_and_hearings() -> None:
    plan = CasePlan(
        "1",
        proceedings=[row(2, idnproceeding="5", ij_code="RTO", prev_ij_code="ALB",
                         trans_in_date="2025-04-07")],
        schedule=[
            row(2, idnschedule="a", adj_date="2025-01-06", cal_type="I", ij_code="ALB"),
            row(3, idnschedule="b", adj_date="2025-05-05", ij_code="RTO"),
            row(4, idnschedule="c", adj_date="2025-06-02", ij_code="DWK"),
        ],
    )  # fmt: skip
    hearings = plan_hearings(plan, {}, collect([]))
    changes = judge_changes(plan, hearings)
    assert [(c.from_code, c.to_code, c.effective_on, c.midstream) for c in changes] == [
        ("ALB", "RTO", "2025-04-07", True),  # Judge ALB had begun the individual hearing
        ("RTO", "DWK", "2025-06-02", False),
    ]
    assert changes[0].key == "1:ALB:RTO:2025-04-07"
    assert case_judges(plan, hearings, changes) == ("ALB", "RTO")  # the proceeding's judge
