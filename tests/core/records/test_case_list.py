"""The case list's reads: ids filtered and sorted in SQL, rows by id, the count, and a
light import (the app's first window waits for this module)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest

from caseorg.records.case_list import (
    SORTS,
    CaseListRow,
    case_list_ids,
    case_list_rows,
    count_cases,
    filter_sql,
    fold,
)
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def cases(lib: Any) -> dict[str, int]:
    add_judge(lib, "JRM", "Judge Rosa Martinez")
    add_judge(lib, "JAB", "Judge Ángel Borges")
    ids = {
        "jose": add_case(lib, "A-200-000-003", "José Álvarez", judge_code="JRM").id,
        "ana": add_case(lib, "A-200-000-001", "Ana Lopez", judge_code="JAB").id,
        "bo": add_case(lib, "A-200-000-002", "Bo Chen").id,
    }
    add_hearing(lib, ids["ana"], "2026-03-10 09:00", kind="master")
    add_hearing(lib, ids["ana"], "2026-01-05 09:00", kind="master")  # past: not "next"
    add_hearing(lib, ids["jose"], "2026-03-04 13:30", kind="master")
    return ids


def test_fold_drops_case_and_accents() -> None:
    assert fold("José ÁLVAREZ") == "jose alvarez"
    assert fold(None) == ""


def test_filter_sql_is_parameterised() -> None:
    where, params = filter_sql("x' OR 1=1 --")
    assert "OR 1=1" not in where and any("1=1" in str(v) for v in params.values())
    assert filter_sql("   ") == ("", {})


def test_ids_filter_by_a_number_name_judge_and_accents(lib: Any, cases: dict[str, int]) -> None:
    assert case_list_ids(lib, "a 200-000 002", today=TODAY) == [cases["bo"]]
    assert case_list_ids(lib, "jose", today=TODAY) == [cases["jose"]]
    assert case_list_ids(lib, "angel", today=TODAY) == [cases["ana"]]  # the judge's name
    assert case_list_ids(lib, "jrm", today=TODAY) == [cases["jose"]]  # the judge's code
    assert case_list_ids(lib, "lopez jab", today=TODAY) == [cases["ana"]]  # every word
    assert case_list_ids(lib, "100%", today=TODAY) == []  # LIKE wildcards are literal
    assert case_list_ids(lib, today=TODAY) == [cases["ana"], cases["bo"], cases["jose"]]


def test_ids_sort_by_every_key(lib: Any, cases: dict[str, int]) -> None:
    def order(sort: str, descending: bool = False) -> list[str]:
        names = {v: k for k, v in cases.items()}
        return [names[i] for i in case_list_ids(lib, "", sort, descending, TODAY)]

    assert sorted(SORTS) == sorted(["a_number", "respondent", "judge", "next_hearing", "status"])
    assert order("a_number", descending=True) == ["jose", "bo", "ana"]
    assert order("respondent") == ["ana", "bo", "jose"]
    assert order("judge") == ["ana", "jose", "bo"]  # Ángel before Rosa; none last
    assert order("next_hearing") == ["jose", "ana", "bo"]  # none scheduled: last
    assert order("status") == ["ana", "bo", "jose"]  # all pending: by A-number


def test_rows_of_some_ids(lib: Any, cases: dict[str, int]) -> None:
    rows = {row.id: row for row in case_list_rows(lib, [cases["ana"], cases["bo"]], TODAY)}
    assert set(rows) == {cases["ana"], cases["bo"]}
    ana = rows[cases["ana"]]
    assert isinstance(ana, CaseListRow)
    assert (ana.a_number, ana.respondent, ana.judge_name, ana.judge_code) == (
        "200000001",
        "Ana Lopez",
        "Judge Ángel Borges",
        "JAB",
    )
    assert ana.next_hearing == "2026-03-10 09:00"
    assert (ana.status, ana.custody) == ("pending", "non_detained")
    assert rows[cases["bo"]].judge_name is None and rows[cases["bo"]].next_hearing is None
    assert case_list_rows(lib, [], TODAY) == []


def test_count_cases(lib: Any, cases: dict[str, int]) -> None:
    assert count_cases(lib) == 3


def test_reads_work_on_a_read_only_library(lib: Any, cases: dict[str, int]) -> None:
    from caseorg.library.folder import open_library

    with open_library(lib.location, read_only=True) as reader:
        assert case_list_ids(reader, "lopez", today=TODAY) == [cases["ana"]]


def test_importing_it_loads_no_heavy_module() -> None:
    """The first window imports this: no sqlite-utils, whoosh, jinja2 or click yet."""
    code = (
        "import json, sys; import caseorg.records.case_list; print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert not loaded & {"sqlite_utils", "whoosh", "jinja2", "click", "pypdf"}


def test_fold_is_the_accent_free_casefold_of_any_text() -> None:
    """Issue 15: ASCII takes a short cut and accented names are remembered; both give
    what NFKD without combining marks, case-folded, gives."""
    import string
    import unicodedata

    def slow(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

    samples = [string.printable, "José GARCÍA", "Straße", "ΣΊΣΥΦΟΣ", "İstanbul", "ﬁle", "Ǆ", ""]
    samples += [chr(code) for code in range(0, 0x2000)]
    for text in samples:
        assert fold(text) == slow(text), repr(text)
        assert fold(text) == slow(text), repr(text)  # (remembered the second time)
    assert fold(None) == ""
