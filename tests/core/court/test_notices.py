"""Proof of notice behind in absentia orders: the reason in words, everywhere it shows."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import audit_rows, make_pdf

from caseorg.cli.app import cli
from caseorg.court.notice_checks import check_notices
from caseorg.errors import InvalidValue
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.library.settings import NOTICE_MIN_DAYS, get_setting, list_settings, set_setting
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing, edit_hearing, get_hearing, list_hearings
from caseorg.records.notices import add_notice, mark_notice_returned
from caseorg.reports.docket import docket_html
from caseorg.reports.summary import hearing_summary_html

RETURNED = (
    "in absentia order, but the notice served 02/05/2025 was returned undeliverable on 03/02/2025"
)
LATE = (
    "in absentia order, but notice served 03/01/2025, only 4 days before the hearing "
    "(at least 10 required)"
)


def text_of(page: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def orders(lib: Any, case: Any) -> dict[str, Any]:
    """Two in absentia orders: one on a returned notice, one on a notice served 4 days
    before; and one sound order on a notice served 30 days before."""
    returned = add_hearing(
        lib, case.id, "2025-03-10 09:00", courtroom="Courtroom 2", outcome="in_absentia_order"
    )
    notice = add_notice(lib, returned.id, "2025-02-05", address="12 Oak St, Oakland CA")
    mark_notice_returned(lib, notice.id, returned_on="2025-03-02")
    other = add_case(lib, "987654321", "Bernardo Diaz", judge_code="JRM")
    late = add_hearing(lib, other.id, "2025-03-05 10:00", outcome="in_absentia_order")
    add_notice(lib, late.id, "2025-03-01", method="personal")
    third = add_case(lib, "555444333", "Carla Mejia", judge_code="JRM")
    sound = add_hearing(lib, third.id, "2025-03-10 11:00", outcome="in_absentia_order")
    add_notice(lib, sound.id, "2025-02-08")
    return {"returned": returned, "late": late, "sound": sound, "notice": notice}


def test_the_reason_is_in_the_hearings_data(lib: Any, orders: dict[str, Any]) -> None:
    assert get_hearing(lib, orders["returned"].id).notice_warning == RETURNED
    assert get_hearing(lib, orders["late"].id).notice_warning == LATE
    assert get_hearing(lib, orders["sound"].id).notice_warning is None
    warnings = {h.id: h.notice_warning for h in list_hearings(lib)}
    assert warnings == {
        orders["returned"].id: RETURNED,
        orders["late"].id: LATE,
        orders["sound"].id: None,
    }


def test_one_day_is_singular(lib: Any, case: Any) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-05 10:00", outcome="in_absentia_order")
    add_notice(lib, hearing.id, "2025-03-04")
    warning = get_hearing(lib, hearing.id).notice_warning
    assert warning is not None and "only 1 day before the hearing" in warning


def test_minimum_days_is_a_library_setting(lib: Any, orders: dict[str, Any]) -> None:
    assert get_setting(lib, NOTICE_MIN_DAYS) == 10
    set_setting(lib, "notice-min-days", "3")
    assert get_hearing(lib, orders["late"].id).notice_warning is None  # 4 days is enough now
    set_setting(lib, "notice_min_days", 30)
    assert get_hearing(lib, orders["sound"].id).notice_warning is None  # exactly 30 is enough
    set_setting(lib, NOTICE_MIN_DAYS, 31)
    assert "only 30 days before" in (get_hearing(lib, orders["sound"].id).notice_warning or "")
    row = audit_rows(lib)[-1]
    assert (row["entity"], row["action"]) == ("setting", "update")
    assert (row["before"], row["after"]) == ({"notice_min_days": "30"}, {"notice_min_days": "31"})
    assert {s["name"]: s["value"] for s in list_settings(lib)}["notice-min-days"] == 31


def test_a_setting_is_validated(lib: Any) -> None:
    with pytest.raises(InvalidValue, match="whole number"):
        set_setting(lib, NOTICE_MIN_DAYS, "ten")
    with pytest.raises(InvalidValue, match="from 0 to 365"):
        set_setting(lib, NOTICE_MIN_DAYS, 400)
    with pytest.raises(InvalidValue, match="unknown setting"):
        set_setting(lib, "colour", 1)
    assert get_setting(lib, NOTICE_MIN_DAYS) == 10
    before = len(audit_rows(lib))
    set_setting(lib, NOTICE_MIN_DAYS, 10)
    set_setting(lib, NOTICE_MIN_DAYS, 10)  # the same value twice: one audit row
    assert len(audit_rows(lib)) == before + 1


def test_check_notices_lists_every_flag_with_its_reason(lib: Any, orders: dict[str, Any]) -> None:
    flags = check_notices(lib)
    assert [(f.hearing_id, f.reason) for f in flags] == [
        (orders["late"].id, LATE),
        (orders["returned"].id, RETURNED),
    ]
    assert flags[0].a_number_display == "A-987-654-321" and flags[0].judge_code == "JRM"
    assert [f.hearing_id for f in check_notices(lib, until="2025-03-06")] == [orders["late"].id]
    assert check_notices(lib, min_days=3) == [flags[1]]
    json.dumps([f.as_dict() for f in flags])


def test_docket_and_summary_show_the_reason(lib: Any, orders: dict[str, Any]) -> None:
    docket = text_of(docket_html(lib, dt.date(2025, 3, 10)))
    assert "1 with a notice warning" in docket
    assert f"Notice warning: I{RETURNED[1:]}" in docket
    summary = text_of(hearing_summary_html(lib, orders["returned"].id))
    assert "NOTICE WARNING" in summary
    assert (
        "This hearing (March 10, 2025): In absentia order, but the notice served 02/05/2025"
        in summary
    )
    assert "Yes — returned undeliverable on March 2, 2025" in summary
    late = text_of(hearing_summary_html(lib, orders["late"].id))
    assert "only 4 days before the hearing (at least 10 required)" in late
    sound = text_of(hearing_summary_html(lib, orders["sound"].id))
    assert "NOTICE WARNING" not in sound


def test_notice_details_are_validated(lib: Any, case: Any, tmp_path: Path) -> None:
    hearing = add_hearing(lib, case.id, "2025-03-10 09:00")
    with pytest.raises(InvalidValue, match="before it was served"):
        add_notice(lib, hearing.id, "2025-02-05", returned_on="2025-02-01")
    notice = add_notice(lib, hearing.id, "2025-02-05", returned_on="2025-02-20")
    assert (notice.returned_undeliverable, notice.returned_on) == (1, "2025-02-20")
    undone = mark_notice_returned(lib, notice.id, returned=False)
    assert (undone.returned_undeliverable, undone.returned_on) == (0, None)
    other = add_case(lib, "987654321", "Bernardo Diaz")
    pdf = make_pdf(tmp_path / "notice.pdf", ["Notice of hearing in removal proceedings."])
    theirs = import_files(lib, other.id, [pdf], workers=1).outcomes[0].document_id
    assert theirs is not None
    with pytest.raises(InvalidValue, match="another case"):
        add_notice(lib, hearing.id, "2025-02-05", document_id=theirs)
    edit_hearing(lib, hearing.id, outcome="in_absentia_order")
    assert get_hearing(lib, hearing.id).notice_warning is None  # the unreturned one counts


def test_cli_check_notices_and_config(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(cli, ["--library", str(library), *args], catch_exceptions=False)

    run("judge", "add", "JRM", "Rosa Martinez")
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez", "--judge", "JRM")
    hearing = json.loads(
        run("hearing", "add", "123456789", "--at", "2025-03-05 10:00", "--json").output
    )
    ok = run("check-notices")
    assert ok.exit_code == 0 and "every in absentia order has sound proof" in ok.output
    run("notice", "add", str(hearing["id"]), "--served", "2025-03-01")
    run("hearing", "edit", str(hearing["id"]), "--outcome", "in_absentia_order")
    flagged = run("check-notices")
    assert flagged.exit_code == 1
    assert f"A-123-456-789 Ana Lopez (IJ JRM): {LATE}" in flagged.output
    data = json.loads(run("check-notices", "--json").output)
    assert [d["reason"] for d in data] == [LATE]
    assert run("config", "set", "notice-min-days", "4").exit_code == 0
    assert run("config", "get", "notice-min-days").output.strip() == "4"
    assert run("check-notices").exit_code == 0
    bad = run("config", "set", "notice-min-days", "400")
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "0 to 365" in bad.output
    listed = json.loads(run("config", "list", "--json").output)
    assert {i["name"]: i["value"] for i in listed} == {
        "notice-min-days": 4,
        "completion-goal": 700,
        "ocr-after-import": 1,  # issue 12: the app runs OCR after an import
    }
    returned = run("notice", "returned", "1", "--on", "2025-03-03")
    assert "returned undeliverable on 03/03/2025" in returned.output
    again = run("check-notices", "--json")
    assert again.exit_code == 1
    assert json.loads(again.output)[0]["reason"].endswith("returned undeliverable on 03/03/2025")
    with open_library(library) as reopened:
        assert get_setting(reopened, NOTICE_MIN_DAYS) == 4
