"""Every warning the records build for a person to read writes its dates the screen's
one way (caseorg.words.us_date: 02/10/2024), never as stored (2024-02-10); the date
fields themselves stay ISO, as `--json` prints them (issue 18, item 4)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.court import check_notices
from caseorg.library import Library
from caseorg.records import (
    add_address,
    add_case,
    add_counsel,
    add_custody,
    add_hearing,
    add_motion,
    add_notice,
    add_nta_service,
    get_hearing,
    notice_proof,
    set_respondent_facts,
)
from caseorg.reports import case_life_sections, respondent_line

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_notice_warnings_findings_and_case_life_write_screen_dates(lib: Library) -> None:
    case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
    set_respondent_facts(lib, case.id, born_on="2008-06-01")
    add_address(lib, case.id, "12 Oak St, Oakland CA 94601", "2024-01-05", source="nta")
    add_address(lib, case.id, "40 Pine Ave, Fresno CA 93701", "2024-02-01")
    add_nta_service(lib, case.id, "2024-01-12", "mail")
    add_counsel(lib, case.id, "Maria Ortiz", "2024-01-11")
    add_custody(lib, case.id, "detained", "2024-01-15", facility="Mesa Verde")
    old = add_hearing(lib, case.id, "2023-12-01 09:00")  # before the case was opened
    hearing = add_hearing(lib, case.id, "2024-03-04 09:00", outcome="in_absentia_order")
    notice = add_notice(lib, hearing.id, "2024-02-28", address="12 Oak St, Oakland CA 94601")
    late = add_notice(lib, old.id, "2024-02-01")
    add_motion(lib, case.id, "rescind_in_absentia", "2024-03-11", ground="lack_of_notice")

    said = [f.text for f in notice_proof(lib, hearing.id).findings]
    said += [get_hearing(lib, hearing.id).notice_warning or ""]
    said += [get_hearing(lib, old.id).record_warning or "", late.warning or ""]
    said += [flag.reason for flag in check_notices(lib)]
    said += [
        " ".join(cell for row in s["rows"] for cell in row)
        for s in case_life_sections(lib, case.id)
    ]
    said += [respondent_line(lib, case.id) or ""]
    assert [text for text in said if ISO.search(text)] == []
    joined = "\n".join(said)
    for day in ("02/28/2024", "02/01/2024", "01/11/2024", "01/15/2024", "06/01/2008"):
        assert day in joined
    assert "dated before the case was opened (01/10/2024)" in joined
    assert notice.served_on == "2024-02-28"  # the stored value is ISO


def test_json_keeps_iso_dates_and_text_reads_the_screen_s(tmp_path: Path) -> None:
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--library", str(tmp_path / "lib"), *args])
        return result.output

    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez")
    hearing = json.loads(run("hearing", "add", "123456789", "--at", "2025-03-05 10:00", "--json"))
    text = run("notice", "add", str(hearing["id"]), "--served", "2025-03-20")
    assert "served 03/20/2025" in text and "2025-03-20" not in text
    data = json.loads(run("notice", "add", str(hearing["id"]), "--served", "2025-03-21", "--json"))
    assert data["served_on"] == "2025-03-21"
