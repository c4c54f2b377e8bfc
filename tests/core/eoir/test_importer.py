"""EOIR's release as published: the sample release, re-imports, bad rows, whole cases,
placeholders and transfers, a .zip, --court, --a-numbers, scale."""

from __future__ import annotations

import shutil
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from helpers import count

from caseorg.eoir import writing as eoir
from caseorg.eoir.importer import EoirImporter, import_eoir
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.importing.pipeline import CancelToken
from caseorg.records import eoir_case_details, eoir_hearing_codes, eoir_transfers
from caseorg.records.cases import add_case, case_by_a_number, edit_case
from caseorg.records.hearings import edit_hearing, list_hearings
from caseorg.records.judges import judge_by_code
from caseorg.records.reassignments import list_reassignments


def sample_dir() -> Path:
    """The sample release shipped in the package (found the way an installed app finds it)."""
    folder = resources.files("caseorg_resources").joinpath("samples/eoir")
    assert folder.is_dir()
    return Path(str(folder))


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the sample release, free to change."""
    target = tmp_path / "eoir"
    shutil.copytree(sample_dir(), target)
    return target


def rewrite(path: Path, change: Any) -> None:
    """Apply ``change(header, rows)`` to a release file (tab-separated, no quoting)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    change(header, rows)
    path.write_text("\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")


def case(lib: Any, idncase: str) -> Any:
    return case_by_a_number(lib, f"EOIR {idncase}")


# -- the sample release -------------------------------------------------------------------


def test_sample_import_creates_cases_judges_hearings(lib: Any) -> None:
    report = import_eoir(lib, sample_dir())
    assert report.counts["cases_created"] == 9
    assert report.counts["hearings_created"] == 32  # 33 schedule rows, one bad
    assert report.counts["judges_created"] == 4  # the visiting judge is not one
    assert count(lib, "cases") == 9 and count(lib, "hearings") == 32
    assert {f["kind"] for f in report.files} >= {
        "case",
        "proceeding",
        "schedule",
        "representation",
        "judge",
        "court",
        "adjournment",
        "decision",
        "notice_code",
        "counts",
    } - {"counts"}

    judge = judge_by_code(lib, "ALB")
    assert judge.name == "Judge Ana L. Bautista Peña"  # a Latin-1 lookup
    assert judge.court == "RIVERTON, CA"
    granted = case(lib, "4001001")
    assert granted.a_number is None and granted.a_number_display == "EOIR 4001001"
    assert granted.respondent == "Respondent (EOIR 4001001)"
    assert (granted.nationality, granted.language) == ("Guatemala", "Spanish")
    assert (granted.status, granted.completed_on, granted.outcome) == (
        "completed",
        "2024-09-16",
        "Relief Granted",
    )
    assert granted.opened_on == "2023-05-10" and granted.judge_code == "ALB"
    assert granted.court == "Riverton Immigration Court"
    hearings = list_hearings(lib, case_id=granted.id)
    assert [(h.starts_at, h.kind, h.outcome) for h in hearings] == [
        ("2023-08-14 09:00", "master", "continued"),
        ("2024-01-22 09:00", "master", "continued"),
        ("2024-09-16 13:00", "individual", "decided"),
    ]
    assert hearings[0].adjournment_reason == "Alien/Respondent to Seek Representation"
    assert hearings[0].interpreter_language == "Spanish"
    details = eoir_case_details(lib, granted.id)
    assert details is not None and details["e28_date"] == "2024-02-12"  # tbl_RepsAssigned

    child = eoir_case_details(lib, case(lib, "4001006").id)
    assert child is not None
    assert (child["priority_code"], child["date_detained"], child["date_released"]) == (
        "UC",
        "2023-09-15",
        "2023-10-02",
    )
    moved = eoir_case_details(lib, case(lib, "4001003").id)
    assert moved is not None
    assert (moved["address_city"], moved["address_zip"], moved["address_changed_on"]) == (
        "RIVERTON",
        "95605",
        "2024-03-11",
    )
    detained = case(lib, "4001002")
    assert detained.custody == "detained" and detained.status == "pending"
    times = [h.starts_at for h in list_hearings(lib, case_id=detained.id)]
    assert "2025-02-10 13:00" in times  # '1:00PM'
    assert all(h.medium == "video" for h in list_hearings(lib, case_id=detained.id))


def test_sample_judge_change_becomes_a_derived_reassignment(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    moved = case(lib, "4001003")
    moves = list_reassignments(lib, case_id=moved.id)
    assert len(moves) == 1
    move = moves[0]
    assert (move.from_judge_code, move.to_judge_code) == ("ALB", "RTO")
    assert move.effective_on == "2025-04-07"  # TRANSFER_DATE
    assert move.reason == "not recorded in EOIR data (judge change derived from EOIR data)"
    assert move.ordered_by is None
    assert move.midstream  # Judge Bautista had begun the individual hearing
    assert moved.judge_code == "RTO"
    assert count(lib, "reassignments") == 1  # no other case changed judge


def test_visiting_judge_and_court_transfer_are_not_reassignments(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    covered = case(lib, "4001008")
    assert not list_reassignments(lib, case_id=covered.id)
    held = list_hearings(lib, case_id=covered.id)
    visited = [h for h in held if h.starts_at.startswith("2025-07-21")]
    assert visited[0].judge_id is None  # VISITING JUDGE 1 is not a person
    codes = eoir_hearing_codes(lib, visited[0].id)
    assert codes is not None and (codes["ij_code"], codes["adj_medium"]) == ("VJ1", "H")
    with pytest.raises(CaseorgError):
        judge_by_code(lib, "VJ1")

    venue = case(lib, "4001009")
    assert not list_reassignments(lib, case_id=venue.id)
    assert venue.judge_code == "MSF" and venue.status == "pending"
    assert [
        (t["from_court"], t["to_court"], t["transferred_on"]) for t in eoir_transfers(lib, venue.id)
    ] == [("Riverton Immigration Court", "San Francisco Immigration Court", "2025-05-05")]
    special = list_hearings(lib, case_id=venue.id)[-1]
    special_codes = eoir_hearing_codes(lib, special.id)
    assert special_codes is not None and special_codes["cal_type"] == "S"  # kept as its code
    # and said on the hearing itself, decoded through the release's tbllookupCal_Type
    assert (special.kind, special.kind_detail) == (
        "other",
        "Special Circumstance calendar (EOIR code S)",
    )
    assert (visited[0].medium, visited[0].medium_detail) == ("unknown", "unknown (EOIR code H)")


def test_notice_code_is_the_notice_generated_not_its_service(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    assert count(lib, "notices") == 0  # EOIR's data does not say how notice was served
    first = list_hearings(lib, case_id=case(lib, "4001001").id)[0]
    codes = eoir_hearing_codes(lib, first.id)
    assert codes is not None
    assert (codes["notice_code"], codes["notice_type"], codes["notice_on"]) == (
        "U3",
        "Notice of Hearing in Removal Proceedings",
        "2023-05-22",
    )


def test_sample_bad_row_is_reported_with_file_and_line(lib: Any) -> None:
    report = import_eoir(lib, sample_dir())
    assert [(p.file, p.line) for p in report.problems] == [("tbl_schedule.csv", 8)]
    assert "2025-02-30" in report.problems[0].message
    assert str(report.problems[0]).startswith("tbl_schedule.csv, line 8:")
    assert not report.ok
    assert len(list_hearings(lib, case_id=case(lib, "4001002").id)) == 4  # the rest is there


def test_reimport_is_idempotent(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    tables = ("cases", "hearings", "reassignments", "audit", "eoir_hearings", "eoir_transfers")
    before = {t: count(lib, t) for t in tables}
    again = import_eoir(lib, sample_dir())
    assert {t: count(lib, t) for t in tables} == before  # not even an audit row
    assert again.counts["cases_unchanged"] == 9
    assert again.counts["hearings_created"] == again.counts["reassignments_inferred"] == 0
    assert "nothing changed" in again.summary()


def test_changed_rows_update_only_what_changed(lib: Any, sample: Path) -> None:
    import_eoir(lib, sample)
    known = case(lib, "4001005")
    first = list_hearings(lib, case_id=known.id)[0]
    edit_hearing(lib, first.id, courtroom="Courtroom 3", notes="interpreter booked")
    edit_case(lib, known.id, attorney="Lena Ortiz", respondent="Oksana P.")

    def change(header: list[str], rows: list[list[str]]) -> None:
        for row in rows:
            if row[header.index("IDNSCHEDULE")] == "9000501":
                row[header.index("ADJ_RSN")] = "02"  # a different adjournment reason
                row[header.index("ADJ_TIME_START")] = "0900"

    rewrite(sample / "tbl_schedule.csv", change)
    report = import_eoir(lib, sample)
    assert report.counts["hearings_updated"] == 1 and report.counts["hearings_created"] == 0
    hearing = list_hearings(lib, case_id=known.id)[0]
    assert hearing.id == first.id
    assert hearing.starts_at == "2025-06-02 09:00"
    assert hearing.adjournment_reason == "Preparation Time Requested by Respondent"
    assert (hearing.courtroom, hearing.notes) == ("Courtroom 3", "interpreter booked")  # kept
    again = case(lib, "4001005")
    assert (again.attorney, again.respondent) == ("Lena Ortiz", "Oksana P.")


def test_a_new_judge_in_the_data_is_a_new_reassignment(lib: Any, sample: Path) -> None:
    import_eoir(lib, sample)

    def change(header: list[str], rows: list[list[str]]) -> None:
        for row in rows:
            if row[header.index("IDNCASE")] == "4001008":
                row[header.index("IJ_CODE")] = "DWK"
                row[header.index("PREV_IJ_CODE")] = "RTO"
                row[header.index("TRANSFER_DATE")] = "2026-03-02 00:00:00.000"

    rewrite(sample / "B_TblProceeding.csv", change)
    report = import_eoir(lib, sample)
    assert report.counts["reassignments_inferred"] == 1
    moved = case(lib, "4001008")
    assert moved.judge_code == "DWK"
    move = list_reassignments(lib, case_id=moved.id)[-1]
    assert (move.from_judge_code, move.to_judge_code, move.effective_on) == (
        "RTO",
        "DWK",
        "2026-03-02",
    )
    assert move.midstream  # Judge Okonkwo had held an individual hearing (2026-01-12)


def test_a_failure_inside_a_case_leaves_nothing_of_it(
    lib: Any, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = EoirImporter._write_change

    def broken(self: EoirImporter, case_id: int, change: Any) -> bool:
        raise CaseorgError("disk trouble while recording the reassignment")

    monkeypatch.setattr(EoirImporter, "_write_change", broken)
    report = import_eoir(lib, sample)
    assert [p.file for p in report.problems] == ["tbl_schedule.csv", "A_TblCase.csv"]
    assert "IDNCASE 4001003 not imported" in report.problems[1].message
    assert count(lib, "cases") == 8
    assert not list(lib.db.query("SELECT 1 FROM cases WHERE eoir_case_id = '4001003'"))
    assert count(lib, "hearings") == 27  # the case's 5 hearings went with it
    assert count(lib, "reassignments") == 0

    monkeypatch.setattr(EoirImporter, "_write_change", real)
    healed = import_eoir(lib, sample)  # nothing half-done was remembered either
    assert healed.counts["cases_created"] == 1 and healed.counts["hearings_created"] == 5
    assert count(lib, "reassignments") == 1


def test_progress_and_cancel(lib: Any) -> None:
    seen: list[tuple[int, int]] = []
    token = CancelToken()

    def progress(p: Any) -> None:
        seen.append((p.done, p.total))
        if p.total and p.done == 0:
            token.cancel()

    report = import_eoir(lib, sample_dir(), progress=progress, cancel=token)
    assert report.cancelled and "(cancelled)" in report.summary()
    assert seen[-1] == (0, 9) and count(lib, "cases") == 0
    rest = import_eoir(lib, sample_dir())
    assert rest.counts["cases_created"] == 9


# -- releases as published, made at test time -------------------------------------------


def write_release(folder: Path, files: dict[str, str], encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
    return folder


SMALL = {
    "A_TblCase.csv": "IDNCASE\tNAT\tCUSTODY\tCASE_TYPE\t\n310000001\tMX\tN\tRMV\t\n"
    "310000002\tGT\tD\tRFR\t\n",
    "B_TblProceeding.csv": "IDNPROCEEDING\tIDNCASE\tOSC_DATE\tBASE_CITY_CODE\tIJ_CODE\n"
    "1\t310000001\t2018-01-09 00:00:00.000\tSFR\tABC\n"
    "2\t310000002\t2019-02-01 00:00:00.000\tLOS\tXYZ\n",
    "tbl_schedule.csv": "IDNSCHEDULE\tIDNPROCEEDING\tIDNCASE\tADJ_DATE\tADJ_TIME_START\tIJ_CODE"
    "\tCAL_TYPE\tADJ_RSN\tADJ_MSG\n"
    '11\t1\t310000001\t2018-03-01 00:00:00.000\t0900\tABC\tM\t01\tsaid "later"\n'
    "12\t1\t310000001\t2018-04-01 00:00:00.000\t0900\tABC\tI\t\tnone\n"
    "21\t2\t310000002\t2019-03-01 00:00:00.000\t1000\tXYZ\tM\t\tx\n",
    "Lookup/tblLookupJudge.csv": "JUDGE_CODE\tJUDGE_NAME\tJUDGE_CITY\tJUDGE_STATE\tblnActive\n"
    "ABC\tJudge Zoë Ñandú\tSAN FRANCISCO\tCA\t1\nXYZ\tJudge Xavier Y.\tLOS ANGELES\tCA\t1\n",
    "Lookup/tblAdjournmentcodes.csv": "strcode\tstrDesciption\n01\tTo seek coun\x00sel\n",
}


def test_a_zip_in_latin1_with_nul_bytes_imports(lib: Any, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "release", SMALL, encoding="latin-1")
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in folder.rglob("*.csv"):
            zipped.write(path, f"FOIA/{path.relative_to(folder).as_posix()}")
    report = import_eoir(lib, archive)
    assert report.ok, report.problems
    assert judge_by_code(lib, "ABC").name == "Judge Zoë Ñandú"
    first = case(lib, "310000001")
    hearings = list_hearings(lib, case_id=first.id)
    assert hearings[0].adjournment_reason == "To seek counsel"  # the NUL byte dropped
    assert case(lib, "310000002").case_type == "other"  # RFR: never defaulted to removal


def test_a_short_file_is_reported_against_the_release_count(lib: Any, tmp_path: Path) -> None:
    files = dict(SMALL, **{"Count.txt": "A_TblCase\t2\ntbl_schedule\t5\n"})
    report = import_eoir(lib, write_release(tmp_path / "r", files))
    assert [str(p) for p in report.problems] == [
        "tbl_schedule.csv, line 0: short file: 3 rows read, the release's count says 5"
    ]
    assert count(lib, "hearings") == 3  # what is there is kept


def test_court_and_judge_keep_only_what_they_name(lib: Any, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "r", SMALL)
    report = import_eoir(lib, folder, court="sfr")
    assert report.counts["cases_created"] == 1 and count(lib, "hearings") == 2
    assert case(lib, "310000001") is not None
    again = import_eoir(lib, folder, judge="XYZ")
    assert again.counts["cases_created"] == 1 and count(lib, "cases") == 2


def test_a_numbers_file_and_an_a_number_added_later(lib: Any, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "r", SMALL)
    numbers = tmp_path / "a-numbers.csv"
    numbers.write_text("IDNCASE,A_NUMBER\n310000001,A-208-765-431\n999,12\n", encoding="utf-8")
    report = import_eoir(lib, folder, a_numbers=numbers)
    assert [str(p) for p in report.problems] == [
        "a-numbers.csv, line 3: invalid A-number '12': it must have 9 digits, this has 2; "
        "line skipped"
    ]
    known = case_by_a_number(lib, "208765431")
    assert known.eoir_case_id == "310000001" and known.a_number_display == "A-208-765-431"

    other = case(lib, "310000002")
    edit_case(lib, other.id, a_number="A-111-222-333")  # the clerk adds it later
    again = import_eoir(lib, folder)  # the same EOIR case: updated, not doubled
    assert count(lib, "cases") == 2 and again.counts["cases_created"] == 0
    assert case_by_a_number(lib, "111222333").id == other.id


def test_a_case_opened_by_hand_is_linked_by_its_a_number(lib: Any, tmp_path: Path) -> None:
    by_hand = add_case(lib, "A-208-765-431", "Maria Lopez")
    numbers = tmp_path / "a.txt"
    numbers.write_text("310000001\t208765431\n", encoding="utf-8")
    import_eoir(lib, write_release(tmp_path / "r", SMALL), a_numbers=numbers)
    linked = case(lib, "310000001")
    assert linked.id == by_hand.id and linked.respondent == "Maria Lopez"
    assert count(lib, "cases") == 2


def test_an_empty_or_missing_folder_is_one_clear_error(lib: Any, tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="no EOIR case data files"):
        import_eoir(lib, tmp_path)
    with pytest.raises(InvalidValue, match="no such folder"):
        import_eoir(lib, tmp_path / "nope")


@pytest.mark.slow
def test_tens_of_thousands_of_rows(lib: Any, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repo's bench/
    from bench.eoir_data import write_release as write_big

    rows = write_big(tmp_path / "big", schedule_rows=24_000)
    report = import_eoir(lib, tmp_path / "big")
    assert not report.problems
    assert count(lib, "hearings") == rows
    assert report.counts["reassignments_inferred"] == count(lib, "reassignments") > 100
    again = import_eoir(lib, tmp_path / "big")
    assert again.counts["cases_created"] == 0 and count(lib, "hearings") == rows


def test_module_names_its_source() -> None:
    assert eoir.SOURCE == "eoir" and eoir.INFERRED_REASON.startswith("not recorded in EOIR data")


def test_imported_cases_in_court_reports_and_checks(lib: Any) -> None:
    from caseorg.court.notice_checks import check_notices
    from caseorg.court.reassignment_report import reassignment_report
    from caseorg.records.oddities import unusual_records

    import_eoir(lib, sample_dir())
    report = reassignment_report(lib, "RTO")
    assert [r.a_number_display for r in report.rows()] == ["EOIR 4001003"]
    flags = {f.a_number_display: f.reason for f in check_notices(lib)}
    assert flags["EOIR 4001004"] == (
        "in absentia order: EOIR's data shows a notice generated (Notice of Hearing in "
        "Removal Proceedings on 04/15/2024); service is not recorded in EOIR data"
    )
    assert unusual_records(lib) == []  # no A-number is not unusual for an EOIR case
