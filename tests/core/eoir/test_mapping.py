"""From EOIR rows to record values: lookups, case values, hearings and their codes, judge
changes (placeholders are not judges), court-to-court transfers."""

from __future__ import annotations

from caseorg.eoir.lookups import Lookups
from caseorg.eoir.mapping import (
    CasePlan,
    Problem,
    case_judges,
    case_values,
    judge_changes,
    plan_hearings,
    transfers,
)
from caseorg.eoir.tables import Row

Problems = list[tuple[int, str]]


def row(line: int, **data: str) -> Row:
    columns = {k.upper(): i for i, k in enumerate(data)}
    return Row("f.csv", line, tuple(data.values()), columns)


def collect(problems: Problems) -> Problem:
    return lambda r, message: problems.append((r.line, message))


def lookups() -> Lookups:
    found = Lookups()
    found.read(
        "judge",
        [
            row(2, judge_code="alb", judge_name="Judge Ana Bautista", judge_city="RIVERTON"),
            row(3, judge_code="vj1", judge_name="VISITING JUDGE 1"),
            row(4, judge_code="all", judge_name="<All Judges>"),
            row(5, judge_code="ctc", judge_name="CLERICAL TRANSFER CODE"),
        ],
    )
    found.read("court", [row(2, base_city_code="rvt", base_city_name="Riverton")])
    found.read("adjournment", [row(2, strcode="99", strdesciption="snow day")])
    found.read(
        "decision",
        [
            row(2, strcasetype="RMV", strdeccode="X", strdectype="C", strdecdescription="Removed"),
            row(3, strcasetype="CFR", strdeccode="X", strdectype="C", strdecdescription="Vacated"),
            row(4, strcasetype="RMV", strdeccode="C", strdectype="O", strdecdescription="Venue"),
        ],
    )
    found.read("notice_code", [row(2, notice_code="U3", notice_disp="Hearing notice")])
    return found


def test_lookups_decode_and_know_placeholders() -> None:
    found = lookups()
    assert found.judges["ALB"].name == "Judge Ana Bautista" and found.is_person("ALB")
    assert not any(found.is_person(c) for c in ("VJ1", "ALL", "CTC"))
    assert found.is_person("NEW")  # a code the lookup lacks is taken to be a judge
    assert found.court("rvt") == "Riverton" and found.court("XYZ") == "XYZ"
    assert found.meaning("adjournment", "99") == "snow day"
    assert found.meaning("adjournment", "01") is None  # the release's table replaces ours
    assert found.decision("RMV", "x") == "Removed" and found.decision("CFR", "X") == "Vacated"
    assert Lookups().meaning("adjournment", "01") == "respondent to seek representation"


def test_case_values_and_details() -> None:
    plan = CasePlan(
        "1",
        case_row=row(2, idncase="1", nat="GT", lang="XYZ", case_type="CFR",
                     casepriority_code="UC", c_birthdate="1990-04", alien_city="A",
                     updated_city="B", address_changedon="2024-03-11 00:00:00.000",
                     date_detained="2024-01-02 00:00:00.000"),
        proceedings=[
            row(2, idnproceeding="1", osc_date="2023-05-10", base_city_code="RVT"),
            row(3, idnproceeding="2", osc_date="2024-01-02", comp_date="2024-09-16",
                dec_code="X", absentia="Y", custody="D", base_city_code="RVT"),
        ],
    )  # fmt: skip
    values = case_values(plan, lookups())
    assert values["a_number"] is None and values["respondent"] is None
    assert (values["nationality"], values["language"]) == ("Guatemala", "XYZ")
    assert (values["custody"], values["opened_on"]) == ("detained", "2023-05-10")
    assert values["case_type"] == "other"  # never defaulted to removal
    assert (values["status"], values["outcome"]) == ("completed", "Vacated in absentia")
    assert values["court"] == "Riverton"
    assert plan.details["case_type_code"] == "CFR" and plan.details["priority_code"] == "UC"
    assert plan.details["address_city"] == "B" and plan.details["birth_date"] == "1990-04"
    assert plan.details["address_changed_on"] == "2024-03-11"
    assert plan.details["date_detained"] == "2024-01-02"


def test_another_completion_never_replaces_a_decision() -> None:
    decided = row(2, idnproceeding="1", osc_date="2023-01-01", comp_date="2023-06-01",
                  dec_code="X", base_city_code="RVT")  # fmt: skip
    venue = row(3, idnproceeding="2", osc_date="2023-07-01", comp_date="2023-08-01",
                other_comp="C", base_city_code="RVT")  # fmt: skip
    plan = CasePlan("1", case_row=row(2, idncase="1", case_type="RMV"))
    plan.proceedings = [decided, venue]
    values = case_values(plan, lookups())
    assert (values["status"], values["outcome"]) == ("completed", "Removed")
    plan.proceedings = [venue]
    values = case_values(plan, lookups())
    assert (values["status"], values["outcome"]) == ("closed", "Venue")


def test_hearings_codes_and_bad_rows() -> None:
    problems: Problems = []
    plan = CasePlan(
        "1",
        proceedings=[row(2, idnproceeding="5", comp_date="2024-09-16", absentia="Y",
                         dec_code="X")],
        schedule=[
            row(2, idnschedule="a", idnproceeding="5", adj_date="2024-09-16",
                adj_time_start="1:00PM", ij_code="alb", notice_code="U3",
                input_date="2024-08-01", cal_type="I", adj_medium="P"),
            row(3, idnschedule="b", idnproceeding="5", adj_date="2024-02-30"),
            row(4, idnschedule="a", idnproceeding="5", adj_date="2024-09-17"),
            row(5, idnschedule="c", idnproceeding="5", adj_date="2024-03-01", adj_rsn="77",
                cal_type="S", adj_medium="H", lang="ENG", ij_code="VJ1"),
        ],
    )  # fmt: skip
    hearings = plan_hearings(plan, lookups(), collect(problems))
    assert [h.key for h in hearings] == ["c", "a"]
    early, decided = hearings
    assert early.values["outcome"] == "continued"
    assert early.values["adjournment_reason"] == "adjournment code 77"
    assert early.values["interpreter_language"] is None  # English
    assert early.values["judge_code"] is None  # a visiting judge is not a judge
    assert early.codes == {
        "ij_code": "VJ1",
        "cal_type": "S",
        "adj_medium": "H",
        "notice_code": None,
        "notice_type": None,
        "notice_on": None,
    }
    assert decided.values["starts_at"] == "2024-09-16 13:00"
    assert decided.values["outcome"] == "in_absentia_order"
    assert decided.values["judge_code"] == "ALB"
    assert decided.codes["notice_type"] == "Hearing notice"  # generated, not served
    assert decided.codes["notice_on"] == "2024-08-01"
    assert [line for line, _m in problems] == [3, 4]
    assert "invalid ADJ_DATE '2024-02-30'" in problems[0][1]
    # a calendar or medium caseorg has no word for is said with its code, never defaulted
    assert (early.values["kind"], early.values["kind_detail"]) == (
        "other",
        "unknown calendar (EOIR code S)",  # no calendar-type lookup here
    )
    assert (early.values["medium"], early.values["medium_detail"]) == (
        "unknown",
        "unknown (EOIR code H)",
    )
    assert (decided.values["kind"], decided.values["medium"]) == ("individual", "in_person")
    assert decided.values["kind_detail"] is None and decided.values["medium_detail"] is None


def test_calendar_types_decode_through_the_release_lookup() -> None:
    from caseorg.eoir.mapping import calendar, hearing_medium

    found = lookups()
    found.read(
        "calendar_type",
        [
            row(2, strcaltypecode="M", strcaltypedescription="Master"),
            row(3, strcaltypecode="I", strcaltypedescription="Individual"),
            row(4, strcaltypecode="S", strcaltypedescription="Special Circumstance"),
        ],
    )
    assert calendar(found, "M") == ("master", None)
    assert calendar(found, "I") == ("individual", None)
    assert calendar(found, "S") == ("other", "Special Circumstance calendar (EOIR code S)")
    assert calendar(found, "Q") == ("other", "unknown calendar (EOIR code Q)")
    assert calendar(found, "") == ("other", "calendar not recorded in EOIR data")
    assert calendar(lookups(), "M") == ("master", None)  # no lookup: caseorg's own codes
    assert hearing_medium("V") == ("video", None)
    assert hearing_medium("T") == ("telephone", None)
    assert hearing_medium("A") == ("unknown", "unknown (EOIR code A)")
    assert hearing_medium("") == ("unknown", "medium not recorded in EOIR data")


def test_judge_changes_skip_visiting_judges_and_courts() -> None:
    plan = CasePlan(
        "1",
        proceedings=[row(2, idnproceeding="5", ij_code="RTO", prev_ij_code="ALB",
                         transfer_date="2025-04-07", base_city_code="RVT")],
        schedule=[
            row(2, idnschedule="a", adj_date="2025-01-06", cal_type="I", ij_code="ALB",
                base_city_code="RVT"),
            row(3, idnschedule="b", adj_date="2025-05-05", ij_code="RTO", base_city_code="RVT"),
            row(4, idnschedule="v", adj_date="2025-05-20", ij_code="VJ1", base_city_code="RVT"),
            row(5, idnschedule="c", adj_date="2025-06-02", ij_code="RTO", base_city_code="RVT"),
            row(6, idnschedule="d", adj_date="2025-07-02", ij_code="DWK", base_city_code="RVT"),
            row(7, idnschedule="e", adj_date="2025-09-02", ij_code="MSF", base_city_code="SFR"),
        ],
    )  # fmt: skip
    found = lookups()
    hearings = plan_hearings(plan, found, collect([]))
    changes = judge_changes(plan, hearings, found)
    assert [(c.from_code, c.to_code, c.effective_on, c.midstream) for c in changes] == [
        ("ALB", "RTO", "2025-04-07", True),  # Judge ALB had begun the individual hearing
        ("RTO", "DWK", "2025-07-02", False),
    ]  # the visiting judge's hearing and the move to SFR are not reassignments
    assert changes[0].key == "1:ALB:RTO:2025-04-07"
    assert case_judges(plan, hearings, changes, found) == ("ALB", "RTO")


def test_transfers_between_courts() -> None:
    plan = CasePlan(
        "1",
        proceedings=[
            row(2, idnproceeding="5", osc_date="2024-01-01", base_city_code="RVT",
                ij_code="DWK", transfer_to="SFR", transfer_status="T",
                comp_date="2025-05-05", other_comp="C"),
            row(3, idnproceeding="6", osc_date="2024-01-01", input_date="2025-05-05",
                base_city_code="SFR", ij_code="MSF", prev_ij_code="DWK",
                prev_hearing_base="RVT", transfer_date="2025-05-05"),
        ],
    )  # fmt: skip
    found = lookups()
    moved = transfers(plan, found)
    assert [(t.key, t.values) for t in moved] == [
        (
            "5",
            {
                "from_court": "Riverton",
                "to_court": "SFR",
                "transferred_on": "2025-05-05",
                "status": "T",
            },
        )
    ]  # the proceeding at SFR says the same move again: once
    assert judge_changes(plan, [], found) == []  # DWK -> MSF came with the transfer
