"""Reading EOIR's release as published: names, tab or comma, Latin-1, NUL bytes, quotes as
data, trailing blank columns, a .zip, SQL Server dates, the release's row counts."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from caseorg.eoir.tables import Row, open_table, release_members, rows
from caseorg.eoir.values import parse_eoir_date, parse_eoir_time


def test_value_parsers() -> None:
    assert str(parse_eoir_date("2024-03-14 00:00:00.000")) == "2024-03-14"
    assert str(parse_eoir_date("3/4/2024")) == "2024-03-04"
    assert str(parse_eoir_date("14-mar-99")) == "1999-03-14"
    assert parse_eoir_date("  ") is None
    for bad in ("2024-02-30", "yesterday", "14-XYZ-24"):
        with pytest.raises(ValueError):
            parse_eoir_date(bad)
    assert parse_eoir_time("") == "09:00"
    assert parse_eoir_time("830") == "08:30"
    assert parse_eoir_time("12:15 AM") == "00:15"
    assert parse_eoir_time("1:30p.m.".replace("p.m.", "PM")) == "13:30"
    assert parse_eoir_time("13:45:00.000") == "13:45"
    for bad in ("2500", "noon"):
        with pytest.raises(ValueError):
            parse_eoir_time(bad)


def read(folder: Path) -> dict[str, Any]:
    """Every table of a release: kind, rows as dicts, problems."""
    out: dict[str, Any] = {}
    problems: list[Any] = []
    for member in release_members(folder):
        table = open_table(member, problems)
        if table is None:
            continue
        data = [(r.line, r.data) for r in rows(table)]
        out[member.name] = (table.kind, data, [str(p) for p in table.problems])
    out["problems"] = [str(p) for p in problems]
    return out


def test_tab_files_latin1_nul_quotes_and_blank_columns(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    (folder / "Lookup").mkdir(parents=True)
    (folder / "Lookup" / "tblLookupJudge.csv").write_bytes(
        "JUDGE_CODE\tJUDGE_NAME\tJUDGE_CITY\tJUDGE_STATE\tblnActive\r\n"
        'ABC\tJudge Jos\xe9 "Pepe" Pe\xf1a\tRIVERTON\tCA\t1\r\n'.encode("latin-1")
        + b"XYZ\x00\tVISITING JUDGE 1\x00\t\t\t1\r\n"
    )
    (folder / "A_TblCase.csv").write_text(
        "IDNCASE\tNAT\tCASEPRIORITY_CODE\t\t\n310000001\tGT\tUC\t\t\n\n310000002\tHO\t\t\n",
        encoding="utf-8",
    )
    found = read(folder)
    kind, judges, problems = found["Lookup/tblLookupJudge.csv"]
    assert kind == "judge" and not problems
    assert judges[0][1]["JUDGE_NAME"] == 'Judge José "Pepe" Peña'  # a quote is data
    assert judges[1][1]["JUDGE_CODE"] == "XYZ"  # NUL bytes dropped
    kind, cases, problems = found["A_TblCase.csv"]
    assert kind == "case" and not problems
    assert [(line, data["CASEPRIORITY_CODE"]) for line, data in cases] == [
        (2, "UC"),
        (4, ""),
    ]


def test_embedded_tab_and_short_rows_are_problems_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "tbl_schedule.txt").write_text(
        "IDNSCHEDULE\tIDNCASE\tADJ_DATE\tADJ_MSG\n"
        "1\t7\t2018-01-09 00:00:00.000\tok\n"
        "2\t7\t2018-01-10 00:00:00.000\tsplit\tby a tab\n"
        "3\t7\n",
        encoding="utf-8",
    )
    kind, data, problems = read(folder)["tbl_schedule.txt"]
    assert kind == "schedule" and [line for line, _ in data] == [2]
    assert problems == [
        "tbl_schedule.txt, line 3: has 5 fields, the header has 4; row skipped",
        "tbl_schedule.txt, line 4: has 2 fields, the header has 4; row skipped",
    ]


def test_comma_files_with_quotes_and_files_told_by_columns(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "cases.csv").write_text('IDNCASE,NAT\n1,"GT"\n"2","HO, X"\n', encoding="utf-8")
    (folder / "charges.tsv").write_text("IDNPRCDCHG\tIDNCASE\tCHARGE\n1\t1\tX\n", encoding="utf-8")
    (folder / "notes.txt").write_text("hello,world\n1,2\n", encoding="utf-8")
    found = read(folder)
    assert found["cases.csv"][0] == "case"
    assert found["cases.csv"][1][1][1] == {"IDNCASE": "2", "NAT": "HO, X"}
    assert found["charges.tsv"][0] == "charge"  # not a proceeding: it has its own id
    assert found["problems"] == [
        "notes.txt, line 1: not EOIR case data (no IDNCASE or lookup columns); file skipped"
    ]


def test_a_zip_is_read_like_a_folder(tmp_path: Path) -> None:
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("FOIA/A_TblCase.csv", "IDNCASE\tNAT\n5\tMX\n")
        zipped.writestr("FOIA/Lookup/tblAdjournmentcodes.csv", "strcode\tstrDesciption\n01\tX\n")
    found = read(archive)
    assert found["FOIA/A_TblCase.csv"][:2] == ("case", [(2, {"IDNCASE": "5", "NAT": "MX"})])
    assert found["FOIA/Lookup/tblAdjournmentcodes.csv"][0] == "adjournment"


def test_schedule_rows_wait_on_disk_by_case(tmp_path: Path) -> None:
    from caseorg.eoir.spill import RowSpill

    columns = {"IDNCASE": 0, "ADJ_MSG": 1}
    spill = RowSpill()
    try:
        for line in range(2, 30_002):  # past one buffer
            case = str(line % 3)
            spill.add(case, Row("tbl_schedule.csv", line, (case, f"said 'x'\t{line}"), columns))
        back = spill.rows_of("1")
        assert len(back) == 10_000 and back[0].line == 4 and back[0].file == "tbl_schedule.csv"
        assert back[0].get("ADJ_MSG") == "said 'x'\t4" and back[0].get("IDNCASE") == "1"
        assert spill.rows_of("nobody") == []
    finally:
        spill.close()
    assert not spill.path.exists()
