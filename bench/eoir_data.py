"""A generated EOIR release in the published layout (tab-separated ``.csv`` files, SQL
Server dates, the release's full column lists, lookups in ``Lookup/``): about eight
scheduled hearings per case, one proceeding per case, one case in ten moved between
judges. Invented values; made at bench (or slow test) time, never committed."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

CASE_COLUMNS = [
    "IDNCASE",
    "ALIEN_CITY",
    "ALIEN_STATE",
    "ALIEN_ZIPCODE",
    "UPDATED_ZIPCODE",
    "UPDATED_CITY",
    "NAT",
    "LANG",
    "CUSTODY",
    "SITE_TYPE",
    "E_28_DATE",
    "ATTY_NBR",
    "CASE_TYPE",
    "UPDATED_SITE",
    "LATEST_HEARING",
    "LATEST_TIME",
    "LATEST_CAL_TYPE",
    "UP_BOND_DATE",
    "UP_BOND_RSN",
    "CORRECTIONAL_FAC",
    "RELEASE_MONTH",
    "RELEASE_YEAR",
    "INMATE_HOUSING",
    "DATE_OF_ENTRY",
    "C_ASY_TYPE",
    "C_BIRTHDATE",
    "C_RELEASE_DATE",
    "UPDATED_STATE",
    "ADDRESS_CHANGEDON",
    "ZBOND_MRG_FLAG",
    "GENDER",
    "DATE_DETAINED",
    "DATE_RELEASED",
    "LPR",
    "DETENTION_DATE",
    "DETENTION_LOCATION",
    "DCO_LOCATION",
    "DETENTION_FACILITY_TYPE",
    "CASEPRIORITY_CODE",
]
PROCEEDING_COLUMNS = [
    "IDNPROCEEDING",
    "IDNCASE",
    "OSC_DATE",
    "INPUT_DATE",
    "BASE_CITY_CODE",
    "HEARING_LOC_CODE",
    "IJ_CODE",
    "TRANSFER_DATE",
    "PREV_HEARING_LOC",
    "PREV_HEARING_BASE",
    "PREV_IJ_CODE",
    "TRANS_NBR",
    "HEARING_DATE",
    "HEARING_TIME",
    "DEC_TYPE",
    "DEC_CODE",
    "DEP1",
    "DEP2",
    "OTHER_COMP",
    "APPEAL_RSVD",
    "APPEAL_NOT_FILED",
    "COMP_DATE",
    "ABSENTIA",
    "VENUE_CHG_GRANTED",
    "TRANSFER_TO",
    "DATE_APPEAL_DUE_STATUS",
    "TRANSFER_STATUS",
    "CUSTODY",
    "CASE_TYPE",
    "NAT",
    "LANG",
    "SCHEDULED_HEAR_LOC",
    "CORRECTIONAL_FAC",
    "CRIM_IND",
    "IHP",
    "AGGRAVATE_FELON",
    "DATE_DETAINED",
    "DATE_RELEASED",
]
SCHEDULE_COLUMNS = [
    "IDNSCHEDULE",
    "IDNPROCEEDING",
    "IDNCASE",
    "OSC_DATE",
    "GENERATION",
    "SUB_GENERATION",
    "REC_TYPE",
    "LANG",
    "HEARING_LOC_CODE",
    "BASE_CITY_CODE",
    "IJ_CODE",
    "INTERPRETER_CODE",
    "INPUT_DATE",
    "INPUT_TIME",
    "UPDATE_DATE",
    "UPDATE_TIME",
    "ASSIGNMENT_PATH",
    "CAL_TYPE",
    "ADJ_DATE",
    "ADJ_TIME_START",
    "ADJ_TIME_STOP",
    "ADJ_RSN",
    "ADJ_MEDIUM",
    "ADJ_MSG",
    "ADJ_ELAP_DAYS",
    "LNGSESSNID",
    "SCHEDULE_TYPE",
    "NOTICE_CODE",
    "BLNCLOCKOVERRIDE",
    "EOIRATTORNEYID",
]
HEARINGS_PER_CASE = 8


def _day(start: dt.date, offset: int) -> str:
    return f"{(start + dt.timedelta(days=offset)).isoformat()} 00:00:00.000"


def write_release(folder: Path, schedule_rows: int, seed: int = 13) -> int:
    """Write a release with ``schedule_rows`` hearings (rounded to whole cases) into
    ``folder``; returns the number of schedule rows written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Lookup").mkdir(exist_ok=True)
    judges = [f"J{n:02d}" for n in range(40)]
    with open(folder / "Lookup" / "tblLookupJudge.csv", "w", encoding="utf-8") as handle:
        handle.write("JUDGE_CODE\tJUDGE_NAME\tJUDGE_CITY\tJUDGE_STATE\tblnActive\r\n")
        for code in judges:
            handle.write(f"{code}\tJudge {code} Example\tRIVERTON\tCA\t1\r\n")
        handle.write("VJ1\tVISITING JUDGE 1\t\t\t1\r\n")
    cases = max(1, schedule_rows // HEARINGS_PER_CASE)
    epoch = dt.date(2016, 1, 4)
    blank_case = [""] * len(CASE_COLUMNS)
    blank_proc = [""] * len(PROCEEDING_COLUMNS)
    blank_sched = [""] * len(SCHEDULE_COLUMNS)
    ci = {c: i for i, c in enumerate(CASE_COLUMNS)}
    pi = {c: i for i, c in enumerate(PROCEEDING_COLUMNS)}
    si = {c: i for i, c in enumerate(SCHEDULE_COLUMNS)}
    written = 0
    with (
        open(folder / "A_TblCase.csv", "w", encoding="utf-8") as case_file,
        open(folder / "B_TblProceeding.csv", "w", encoding="utf-8") as proc_file,
        open(folder / "tbl_schedule.csv", "w", encoding="utf-8") as sched_file,
    ):
        case_file.write("\t".join(CASE_COLUMNS) + "\r\n")
        proc_file.write("\t".join(PROCEEDING_COLUMNS) + "\r\n")
        sched_file.write("\t".join(SCHEDULE_COLUMNS) + "\r\n")
        for number in range(cases):
            idncase = str(300_000_000 + number)
            judge = rng.choice(judges)
            previous = rng.choice(judges) if rng.random() < 0.1 else ""
            opened = rng.randrange(0, 2500)
            row = list(blank_case)
            row[ci["IDNCASE"]], row[ci["NAT"]], row[ci["LANG"]] = idncase, "GT", "SP"
            row[ci["CUSTODY"]], row[ci["CASE_TYPE"]] = "N", "RMV"
            row[ci["ALIEN_CITY"]], row[ci["ALIEN_STATE"]] = "RIVERTON", "CA"
            row[ci["C_BIRTHDATE"]] = f"{1960 + number % 45}-{1 + number % 12:02d}"
            row[ci["DATE_OF_ENTRY"]] = _day(epoch, opened - 90)
            case_file.write("\t".join(row) + "\r\n")
            row = list(blank_proc)
            row[pi["IDNPROCEEDING"]], row[pi["IDNCASE"]] = idncase, idncase
            row[pi["OSC_DATE"]], row[pi["INPUT_DATE"]] = _day(epoch, opened), _day(epoch, opened)
            row[pi["BASE_CITY_CODE"]] = row[pi["HEARING_LOC_CODE"]] = "RVT"
            row[pi["IJ_CODE"]], row[pi["PREV_IJ_CODE"]] = judge, previous
            row[pi["CUSTODY"]], row[pi["CASE_TYPE"]] = "N", "RMV"
            row[pi["NAT"]], row[pi["LANG"]], row[pi["CRIM_IND"]] = "GT", "SP", "N"
            proc_file.write("\t".join(row) + "\r\n")
            day = opened
            for hearing in range(HEARINGS_PER_CASE):
                entered = day
                day += rng.randrange(14, 90)
                row = list(blank_sched)
                row[si["IDNSCHEDULE"]] = str(int(idncase) * 10 + hearing)
                row[si["IDNPROCEEDING"]], row[si["IDNCASE"]] = idncase, idncase
                row[si["OSC_DATE"]], row[si["INPUT_DATE"]] = (
                    _day(epoch, opened),
                    _day(epoch, entered),
                )
                row[si["BASE_CITY_CODE"]] = row[si["HEARING_LOC_CODE"]] = "RVT"
                row[si["IJ_CODE"]] = previous if previous and hearing < 3 else judge
                row[si["LANG"]] = row[si["INTERPRETER_CODE"]] = "SP"
                row[si["CAL_TYPE"]] = "M" if hearing < 5 else "I"
                row[si["ADJ_DATE"]] = _day(epoch, day)
                row[si["ADJ_TIME_START"]], row[si["ADJ_TIME_STOP"]] = "0900", "0930"
                row[si["ADJ_RSN"]] = "01" if hearing < HEARINGS_PER_CASE - 1 else ""
                row[si["ADJ_MEDIUM"]], row[si["NOTICE_CODE"]] = "P", "U3"
                row[si["GENERATION"]], row[si["SUB_GENERATION"]] = str(hearing + 1), "1"
                sched_file.write("\t".join(row) + "\r\n")
                written += 1
    return written
