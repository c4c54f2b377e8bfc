"""EOIR-shaped case data: the sample set, re-imports, bad rows, whole cases, scale."""

from __future__ import annotations

import csv
import random
import shutil
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from helpers import count

from caseorg.court.notice_checks import check_notices
from caseorg.eoir import writing as eoir
from caseorg.eoir.importer import EoirImporter, import_eoir
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.importing.pipeline import CancelToken
from caseorg.records.cases import case_by_a_number, edit_case
from caseorg.records.hearings import edit_hearing, list_hearings
from caseorg.records.judges import judge_by_code
from caseorg.records.notices import notices_for
from caseorg.records.reassignments import list_reassignments


def sample_dir() -> Path:
    """The sample set shipped in the package (found the way an installed app finds it)."""
    folder = resources.files("caseorg_resources").joinpath("samples/eoir")
    assert folder.is_dir()
    return Path(str(folder))


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the sample set, free to change."""
    target = tmp_path / "eoir"
    shutil.copytree(sample_dir(), target)
    return target


def rewrite(path: Path, change: Any) -> None:
    """Apply ``change(rows)`` to a CSV/TSV file, keeping its delimiter."""
    delimiter = "\t" if path.suffix in (".tsv", ".txt") else ","
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter))
    change(rows)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows(rows)


# -- the sample set ---------------------------------------------------------------------


def test_sample_import_creates_cases_judges_hearings(lib: Any) -> None:
    report = import_eoir(lib, sample_dir())
    assert report.counts["cases_created"] == 8
    assert report.counts["hearings_created"] == 29  # 30 schedule rows, one bad
    assert report.counts["judges_created"] == 3
    assert count(lib, "cases") == 8 and count(lib, "hearings") == 29
    assert {f["kind"] for f in report.files} == {"case", "proceeding", "schedule", "judge", "court"}

    judge = judge_by_code(lib, "RTO")
    assert (judge.name, judge.court) == ("Judge Ruth T. Okonkwo", "Riverton Immigration Court")

    granted = case_by_a_number(lib, "208-765-431")
    assert granted.respondent == "Maria Fernanda Lopez Ortiz"
    assert (granted.nationality, granted.language) == ("Guatemala", "Spanish")
    assert (granted.status, granted.completed_on, granted.outcome) == (
        "completed",
        "2024-09-16",
        "relief granted",
    )
    assert granted.opened_on == "2023-05-10" and granted.judge_code == "ALB"
    hearings = list_hearings(lib, case_id=granted.id)
    assert [(h.starts_at, h.kind, h.outcome) for h in hearings] == [
        ("2023-08-14 09:00", "master", "continued"),
        ("2024-01-22 09:00", "master", "continued"),
        ("2024-09-16 13:00", "individual", "decided"),
    ]
    assert hearings[0].adjournment_reason == "respondent to seek representation"
    assert hearings[0].interpreter_language == "Spanish"
    assert [n.method for n in notices_for(lib, hearings[2].id)] == ["electronic"]

    detained = case_by_a_number(lib, "214903376")
    assert detained.custody == "detained" and detained.status == "pending"
    times = [h.starts_at for h in list_hearings(lib, case_id=detained.id)]
    assert "2025-02-10 13:00" in times  # '1:00PM'
    assert all(h.medium == "video" for h in list_hearings(lib, case_id=detained.id))


def test_sample_judge_change_becomes_an_inferred_reassignment(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    case = case_by_a_number(lib, "203118842")
    moves = list_reassignments(lib, case_id=case.id)
    assert len(moves) == 1
    move = moves[0]
    assert (move.from_judge_code, move.to_judge_code) == ("ALB", "RTO")
    assert move.effective_on == "2025-04-07"  # TRANS_IN_DATE
    assert move.reason == "inferred from case data"
    assert move.midstream  # Judge Bautista had begun the individual hearing
    assert case.judge_code == "RTO"
    assert [h.judge_code for h in list_hearings(lib, case_id=case.id)] == [
        "ALB",
        "ALB",
        "ALB",
        "RTO",
        "RTO",
    ]
    assert count(lib, "reassignments") == 1  # no other case changed judge


def test_sample_bad_row_is_reported_with_file_and_line(lib: Any) -> None:
    report = import_eoir(lib, sample_dir())
    assert [(p.file, p.line) for p in report.problems] == [("tbl_schedule.csv", 8)]
    assert "2025-02-30" in report.problems[0].message
    assert str(report.problems[0]).startswith("tbl_schedule.csv, line 8:")
    assert not report.ok
    case = case_by_a_number(lib, "214903376")
    assert len(list_hearings(lib, case_id=case.id)) == 4  # the rest of the case is there


def test_sample_in_absentia_orders_are_checked(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    flags = {f.a_number: f.reason for f in check_notices(lib)}
    assert flags == {
        "219447065": "in absentia order, but the notice served 2024-04-15 "
        "was returned undeliverable",
        "231780214": "in absentia order, but notice served 2025-02-26, only 5 days before "
        "the hearing (at least 10 required)",
    }


def test_reimport_is_idempotent(lib: Any) -> None:
    import_eoir(lib, sample_dir())
    tables = {t: count(lib, t) for t in ("cases", "hearings", "notices", "reassignments", "audit")}
    again = import_eoir(lib, sample_dir())
    assert {t: count(lib, t) for t in tables} == tables  # not even an audit row
    assert again.counts["cases_unchanged"] == 8
    assert again.counts["hearings_created"] == again.counts["reassignments_inferred"] == 0


def test_changed_rows_update_only_what_changed(lib: Any, sample: Path) -> None:
    import_eoir(lib, sample)
    case = case_by_a_number(lib, "226015590")
    first = list_hearings(lib, case_id=case.id)[0]
    edit_hearing(lib, first.id, courtroom="Courtroom 3", notes="interpreter booked")
    edit_case(lib, case.id, attorney="Lena Ortiz")

    def change(rows: list[list[str]]) -> None:
        header = rows[0]
        for row in rows[1:]:
            if row[header.index("IDNSCHEDULE")] == "9000501":
                row[header.index("ADJ_RSN")] = "02"  # a different adjournment reason
                row[header.index("ADJ_TIME_START")] = "0900"

    rewrite(sample / "tbl_schedule.csv", change)
    report = import_eoir(lib, sample)
    assert report.counts["hearings_updated"] == 1 and report.counts["hearings_created"] == 0
    hearing = list_hearings(lib, case_id=case.id)[0]
    assert hearing.id == first.id
    assert hearing.starts_at == "2025-06-02 09:00"
    assert hearing.adjournment_reason == "preparation time requested by respondent"
    assert (hearing.courtroom, hearing.notes) == ("Courtroom 3", "interpreter booked")  # kept
    assert case_by_a_number(lib, "226015590").attorney == "Lena Ortiz"


def test_a_new_judge_in_the_data_is_a_new_reassignment(lib: Any, sample: Path) -> None:
    import_eoir(lib, sample)

    def change(rows: list[list[str]]) -> None:
        header = rows[0]
        for row in rows[1:]:
            if row[header.index("IDNCASE")] == "4001008":
                row[header.index("IJ_CODE")] = "DWK"
                row[header.index("PREV_IJ_CODE")] = "RTO"
                row[header.index("TRANS_IN_DATE")] = "2026-03-02"

    rewrite(sample / "B_TblProceeding.tsv", change)
    report = import_eoir(lib, sample)
    assert report.counts["reassignments_inferred"] == 1
    case = case_by_a_number(lib, "237904461")
    assert case.judge_code == "DWK"
    move = list_reassignments(lib, case_id=case.id)[-1]
    assert (move.from_judge_code, move.to_judge_code, move.effective_on) == (
        "RTO",
        "DWK",
        "2026-03-02",
    )
    # Judge Okonkwo had held an individual hearing (2026-01-12) before the move
    assert move.midstream


def test_a_bad_case_row_skips_that_case_only(lib: Any, sample: Path) -> None:
    def change(rows: list[list[str]]) -> None:
        rows[2][1] = "21490337"  # 8 digits: case 4001002, line 3

    rewrite(sample / "A_TblCase.csv", change)
    report = import_eoir(lib, sample)
    problems = {(p.file, p.line): p.message for p in report.problems}
    assert "9 digits" in problems[("A_TblCase.csv", 3)]
    assert "IDNCASE 4001002 skipped" in problems[("A_TblCase.csv", 3)]
    assert count(lib, "cases") == 7
    assert report.counts["cases_created"] == 7


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
    assert count(lib, "cases") == 7
    assert case_by_a_number(lib, "208765431") is not None
    assert not list(lib.db.query("SELECT 1 FROM cases WHERE a_number = '203118842'"))
    assert count(lib, "hearings") == 24  # the case's 5 hearings went with it
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
        if p.done == 3:
            token.cancel()

    report = import_eoir(lib, sample_dir(), progress=progress, cancel=token)
    assert report.cancelled and "(cancelled)" in report.summary()
    assert seen[0] == (0, 8) and seen[-1] == (3, 8)
    assert count(lib, "cases") == 3  # what finished is kept
    rest = import_eoir(lib, sample_dir())
    assert rest.counts["cases_created"] == 5 and count(lib, "cases") == 8


def test_cases_from_other_files_and_unknown_files(lib: Any, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "cases.csv").write_text(
        "IDNCASE;ALIEN_NBR;NAT;SOMETHING_NEW\n77;A-300-100-200;MX;x\n", encoding="utf-8"
    )
    (folder / "sched.txt").write_text(
        "IDNCASE\tADJ_DATE\tADJ_TIME_START\tIJ_CODE\tCAL_TYPE\n"
        "77\t14-MAR-25\t9:30 AM\tzzz\tM\n"
        "78\t2025-03-15\t0900\tZZZ\tM\n"
        "77\t03/20/2025\t1030\tZZZ\tI\textra\n",
        encoding="cp1252",
    )
    (folder / "notes.csv").write_text("hello,world\n1,2\n", encoding="utf-8")
    report = import_eoir(lib, folder)
    messages = [str(p) for p in report.problems]
    assert any(m.startswith("notes.csv, line 1: not EOIR case data") for m in messages)
    assert any(
        m.startswith("sched.txt, line 3: IDNCASE 78 is not in the case file") for m in messages
    )
    assert any(m.startswith("sched.txt, line 4: has 6 fields") for m in messages)
    case = case_by_a_number(lib, "300100200")
    assert case.respondent == "Respondent A-300-100-200" and case.nationality == "Mexico"
    assert case.judge_code == "ZZZ"  # an unknown judge code still gets a judge
    assert [h.starts_at for h in list_hearings(lib, case_id=case.id)] == ["2025-03-14 09:30"]


def test_an_empty_or_missing_folder_is_one_clear_error(lib: Any, tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="no EOIR case data files"):
        import_eoir(lib, tmp_path)
    with pytest.raises(InvalidValue, match="no such folder"):
        import_eoir(lib, tmp_path / "nope")


# -- scale ------------------------------------------------------------------------------------


def write_large_set(folder: Path, cases: int, seed: int = 7) -> int:
    """A synthetic EOIR set: ``cases`` cases, about 8 schedule rows each; returns the rows."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    judges = [f"J{n:02d}" for n in range(12)]
    with open(folder / "tblLookupJudge.txt", "w", encoding="utf-8") as handle:
        handle.write("JUDGE_CODE\tJUDGE_NAME\n")
        for code in judges:
            handle.write(f"{code}\tJudge {code}\n")
    schedule_rows = 0
    with (
        open(folder / "cases.csv", "w", encoding="utf-8") as cases_file,
        open(folder / "proceedings.csv", "w", encoding="utf-8") as procs_file,
        open(folder / "schedule.csv", "w", encoding="utf-8") as schedule_file,
    ):
        cases_file.write("IDNCASE,ALIEN_NBR,ALIEN_NAME,NAT,LANG,CUSTODY,CASE_TYPE\n")
        procs_file.write("IDNPROCEEDING,IDNCASE,OSC_DATE,IJ_CODE,PREV_IJ_CODE,COMP_DATE,ABSENTIA\n")
        schedule_file.write(
            "IDNSCHEDULE,IDNPROCEEDING,IDNCASE,ADJ_DATE,ADJ_TIME_START,CAL_TYPE,IJ_CODE,"
            "ADJ_RSN,NOTICE_CODE,INPUT_DATE\n"
        )
        for number in range(cases):
            idncase = 100000 + number
            judge = rng.choice(judges)
            moved = rng.random() < 0.1
            previous = rng.choice(judges) if moved else ""
            cases_file.write(f"{idncase},{200000000 + number},Person {number},GT,SP,N,RMV\n")
            procs_file.write(f"{idncase},{idncase},2020-01-06,{judge},{previous},,N\n")
            day_number = rng.randrange(0, 2000)
            for hearing in range(8):
                day_number += rng.randrange(14, 90)
                year, rest = divmod(day_number, 336)
                month, day = divmod(rest, 28)
                held_by = previous if moved and hearing < 3 else judge
                reason = "01" if hearing < 7 else ""
                schedule_file.write(
                    f"{idncase * 10 + hearing},{idncase},{idncase},"
                    f"{2018 + year}-{month + 1:02d}-{day + 1:02d},0900,"
                    f"{'M' if hearing < 5 else 'I'},{held_by},{reason},1,2017-12-01\n"
                )
                schedule_rows += 1
    return schedule_rows


@pytest.mark.slow
def test_tens_of_thousands_of_rows(lib: Any, tmp_path: Path) -> None:
    rows = write_large_set(tmp_path / "big", cases=3000)
    assert rows == 24000
    started = time.monotonic()
    report = import_eoir(lib, tmp_path / "big")
    elapsed = time.monotonic() - started
    assert not report.problems
    assert count(lib, "cases") == 3000 and count(lib, "hearings") == 24000
    assert report.counts["reassignments_inferred"] == count(lib, "reassignments") > 200
    again = import_eoir(lib, tmp_path / "big")
    assert again.counts["cases_unchanged"] == 3000 and count(lib, "hearings") == 24000
    print(f"imported {rows} schedule rows in {elapsed:.1f} s")  # speed is measured in bench/


def test_module_names_its_source() -> None:
    assert eoir.SOURCE == "eoir" and eoir.INFERRED_REASON == "inferred from case data"
