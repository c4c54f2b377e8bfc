"""A summary goes into a court file: what is unusual in the records is said on paper, not
printed as if it were ordinary (the hearing summary and the docket)."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from typing import Any

import pytest

from caseorg.records import add_case, add_hearing, add_hearing_row, add_notice
from caseorg.reports import docket_html, hearing_summary_html
from caseorg.reports.summary import hearing_summary_context


def text_of(page: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def odd(lib: Any) -> dict[str, int]:
    """Ana's case, opened 2026-01-10: a hearing of 1999, this hearing with a notice served
    after it, and (as another system's rows bring it) a twin at the same minute."""
    case = add_case(lib, "A-123-456-789", "Ana Lopez", opened_on="2026-01-10")
    this = add_hearing(lib, case.id, "2026-03-14 09:30", courtroom="Courtroom 2")
    add_notice(lib, this.id, "2026-03-20")
    twin = add_hearing_row(lib, case.id, {"starts_at": "2026-03-14 09:30", "courtroom": "2"})
    old = add_hearing(lib, case.id, "1999-05-01 10:00")
    sound = add_case(lib, "A-987-654-321", "Bo Chen", opened_on="2026-01-10")
    plain = add_hearing(lib, sound.id, "2026-03-14 11:00", courtroom="Courtroom 2")
    return {"this": this.id, "twin": twin, "old": old.id, "plain": plain.id}


def test_the_summary_says_what_is_unusual(lib: Any, odd: dict[str, int]) -> None:
    context = hearing_summary_context(lib, odd["this"])
    assert [w["hearing"] for w in context["record_warnings"]] == [
        "This hearing (March 14, 2026)",
        "Hearing of May 1, 1999",
        "Hearing of March 14, 2026",
    ]
    assert [n["served_after"] for n in context["notices"]] == [True]
    text = text_of(hearing_summary_html(lib, odd["this"]))
    assert "RECORD WARNING — unusual entries; check them against the file" in text
    assert (
        f"Record warning: At the same minute as hearing #{odd['twin']} (master) of this case; "
        "notice served 03/20/2026, after the hearing: it is no proof of notice"
    ) in text
    assert "Record warning: Dated before the case was opened (01/10/2026)" in text
    # the twin, listed under later hearings, says it is one
    later = text.split("Later hearings", 1)[1]
    assert f"At the same minute as hearing #{odd['this']} (master) of this case" in later
    # the late notice is marked where it is listed, not just "(this hearing)"
    served = text.split("Notices of hearing served", 1)[1]
    assert "March 20, 2026 after the hearing: no proof of notice" in served
    assert "NOTICE WARNING" not in text  # nothing here is an in absentia order


def test_an_ordinary_summary_has_no_record_warning(lib: Any, odd: dict[str, int]) -> None:
    text = text_of(hearing_summary_html(lib, odd["plain"]))
    assert "RECORD WARNING" not in text and "Record warning" not in text


def test_the_docket_flags_the_unusual_hearings(lib: Any, odd: dict[str, int]) -> None:
    text = text_of(docket_html(lib, dt.date(2026, 3, 14)))
    assert text.count("Record warning:") == 2  # this hearing and its twin; Bo's is plain
    assert "notice served 03/20/2026, after the hearing: it is no proof of notice" in text
    old = text_of(docket_html(lib, dt.date(1999, 5, 1)))
    assert "Record warning: Dated before the case was opened (01/10/2026)" in old
