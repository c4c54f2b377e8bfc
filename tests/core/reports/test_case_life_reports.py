"""The printouts carry the notice judgment: the hearing summary's notice-proof table and
the docket's warning; the case's history lists the new records."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    add_address,
    add_case,
    add_hearing,
    add_notice,
    add_nta_service,
    case_history,
)
from caseorg.reports import docket_html, hearing_summary_html

OUTDATED = "Sent to an outdated address (EOIR-33 received 02/01/2024)"


def text_of(page: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def order(lib: Library) -> Any:
    case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
    add_address(lib, case.id, "12 Oak St, Oakland CA", "2024-01-05", source="nta")
    add_address(lib, case.id, "40 Pine Ave, Fresno CA", "2024-02-01")
    add_nta_service(lib, case.id, "2024-01-05", "personal")
    hearing = add_hearing(lib, case.id, "2024-03-04 09:00", outcome="in_absentia_order")
    add_notice(lib, hearing.id, "2024-02-10", address="12 Oak St, Oakland CA")
    return case, hearing


def test_the_summary_prints_the_notice_proof_and_the_docket_the_warning(lib: Library) -> None:
    case, hearing = order(lib)
    summary = text_of(hearing_summary_html(lib, hearing.id))
    assert "Notice proof Notice NOT proven: 1 defect" in summary
    assert f"DEFECT {OUTDATED}" in summary
    assert "INA §239(b)(1): 10 days from NTA service to the first hearing" in summary
    docket = text_of(docket_html(lib, dt.date(2024, 3, 4)))
    assert OUTDATED.lower() in docket.lower()
    entities = {event.entity for event in case_history(lib, case.id)}
    assert {"address", "nta_service", "hearing", "notice"} <= entities
