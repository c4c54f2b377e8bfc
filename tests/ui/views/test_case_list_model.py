"""The lazy case list model: Qt's model checks, 10,000 cases, filter and sort in SQL.

The checks use pytest-qt's Python model tester: with PySide6 6.12, Qt's C++
QAbstractItemModelTester left behind state that crashed the interpreter at exit
(bool_dealloc during final garbage collection) when other UI tests ran after it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from caseorg.library.folder import Library, open_library
from caseorg_ui.qt import Qt
from caseorg_ui.views.case_list_model import BLOCK, CASE_ID_ROLE, COLUMNS, CaseListModel

N_CASES = 10_000
NAMES = ["José Álvarez", "Ana Lopez", "Bo Chen", "Fatima Noor", "Ivan Petrov"]


def fill(lib: Library, n: int = N_CASES) -> None:
    """Cases, judges and hearings straight into SQLite (fast: this tests the list, not
    the domain code)."""
    stamp = "2025-01-01 09:00:00"
    db = lib.db.conn
    with lib.db.atomic():
        db.executemany(
            "INSERT INTO judges (id, code, name, court) VALUES (?, ?, ?, 'Harbor City')",
            [(j, f"J{j:02d}", f"Judge Number{j:02d}") for j in range(1, 21)],
        )
        db.executemany(
            "INSERT INTO cases (id, a_number, respondent, judge_id, status, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    f"{200000000 + i * 7:09d}",
                    f"{NAMES[i % len(NAMES)]} {i}",
                    None if i % 50 == 0 else 1 + i % 20,
                    ("pending", "completed", "closed", "appealed")[i % 4],
                    stamp,
                    stamp,
                )
                for i in range(1, n + 1)
            ],
        )
        today = dt.date.today()
        db.executemany(
            "INSERT INTO hearings (case_id, starts_at, kind) VALUES (?, ?, 'master')",
            [
                (
                    i,
                    f"{today + dt.timedelta(days=i % 90):%Y-%m-%d} 09:30",
                )
                for i in range(1, n + 1, 3)
            ]
            + [(i, "2020-01-02 09:00") for i in range(1, n + 1, 5)],  # past: never "next"
        )


@pytest.fixture
def big_lib(tmp_path: Path) -> Any:
    writer = open_library(tmp_path / "library")
    fill(writer)
    reader = open_library(tmp_path / "library", read_only=True)
    yield reader
    reader.close()
    writer.close()


def column(key: str) -> int:
    return [c.key for c in COLUMNS].index(key)


def texts(model: CaseListModel, col: int, rows: range) -> list[str]:
    return [model.data(model.index(r, col)) for r in rows]


def test_qt_model_checks_on_ten_thousand_cases(qtmodeltester: Any, big_lib: Library) -> None:
    model = CaseListModel(big_lib)
    assert model.rowCount() == N_CASES
    qtmodeltester.check(model, force_py=True)  # see module docstring
    model.set_filter("lopez")
    qtmodeltester.check(model, force_py=True)  # see module docstring


def test_rows_are_fetched_lazily_in_blocks(big_lib: Library) -> None:
    model = CaseListModel(big_lib)
    assert model.fetches == 0 and model.rowCount() == N_CASES
    assert model.data(model.index(0, 0)) == "A-200-000-007"
    assert model.data(model.index(BLOCK - 1, 1)) is not None
    assert model.fetches == 1  # one block serves the first BLOCK rows
    model.data(model.index(N_CASES - 1, 0))
    assert model.fetches == 2
    assert model.data(model.index(5, 0), CASE_ID_ROLE) == 6


def test_filter_by_a_number_in_any_spelling(big_lib: Library) -> None:
    model = CaseListModel(big_lib)
    target = f"{200000000 + 1234 * 7:09d}"  # 200008638
    for spelling in (target, "A-200-008-638", "a 200 008 638", "A200008638", "008-638"):
        model.set_filter(spelling)
        assert model.rowCount() >= 1, spelling
        assert "A-200-008-638" in texts(model, 0, range(model.rowCount())), spelling
    model.set_filter("A-200-008-638")
    assert model.rowCount() == 1
    assert model.case_id(0) == 1234


def test_filter_by_name_judge_accents_and_words(big_lib: Library) -> None:
    model = CaseListModel(big_lib)
    model.set_filter("jose alvarez")  # no accents typed
    assert model.rowCount() == N_CASES // len(NAMES)
    assert all(t.startswith("José Álvarez") for t in texts(model, 1, range(20)))
    model.set_filter("J07")  # judge code
    assert model.rowCount() == len([i for i in range(1, N_CASES + 1) if i % 20 == 6])
    assert set(texts(model, column("judge"), range(model.rowCount()))) == {"Number07"}
    model.set_filter("chen number03")  # two words: respondent AND judge
    rows = range(model.rowCount())
    assert model.rowCount() > 0
    assert all(t.startswith("Bo Chen") for t in texts(model, 1, rows))
    assert set(texts(model, column("judge"), rows)) == {"Number03"}
    model.set_filter("100%")  # LIKE wildcards are literal
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == N_CASES


def test_sort_by_each_column_in_sql(big_lib: Library) -> None:
    model = CaseListModel(big_lib)
    model.sort(column("respondent"), Qt.SortOrder.AscendingOrder)
    first = texts(model, 1, range(3))
    assert all(t.startswith("Ana Lopez") for t in first)
    model.sort(column("respondent"), Qt.SortOrder.DescendingOrder)
    assert texts(model, 1, range(1))[0].startswith("José Álvarez")  # 'jose' > 'ivan'
    model.sort(column("judge"), Qt.SortOrder.AscendingOrder)
    assert texts(model, 2, range(1)) == ["Number01"]
    assert texts(model, 2, range(N_CASES - 1, N_CASES)) == ["—"]  # unassigned last
    model.sort(column("next_hearing"), Qt.SortOrder.AscendingOrder)
    soonest = texts(model, 3, range(5))
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # the soonest the fixture schedules
    assert soonest[0] == f"{tomorrow:%m/%d/%Y}"  # the day; its time is in the tooltip
    assert texts(model, 3, range(N_CASES - 1, N_CASES)) == ["—"]  # none scheduled: last
    model.sort(column("status"), Qt.SortOrder.DescendingOrder)
    assert texts(model, 4, range(1)) == ["pending"]


def test_sort_keeps_selection_on_the_same_case(qtmodeltester: Any, big_lib: Library) -> None:
    from caseorg_ui.qt import QPersistentModelIndex

    model = CaseListModel(big_lib)
    model.set_filter("Petrov")
    keep = QPersistentModelIndex(model.index(3, 0))
    case_id = model.case_id(3)
    model.sort(column("respondent"), Qt.SortOrder.DescendingOrder)
    assert keep.isValid() and model.case_id(keep.row()) == case_id
    qtmodeltester.check(model, force_py=True)  # see module docstring


def test_notice_problems_are_checked_once_for_the_whole_list(lib: Library) -> None:
    from caseorg.records import add_case, add_hearing

    for n in range(3):
        case = add_case(lib, f"A-200-000-00{n}", f"Respondent {n}")
        add_hearing(lib, case.id, f"2025-0{n + 1}-10 09:00", outcome="in_absentia_order")
    model = CaseListModel(lib)
    texts = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert texts == ["⚠ Respondent 0", "⚠ Respondent 1", "⚠ Respondent 2"]
    checked = model.notice_problems
    assert sorted(checked) == sorted(model.case_id(row) for row in range(3))
    model.set_filter("Respondent 1")  # a filter or sort reads no notice again
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.notice_problems is checked
    model.reload()  # after a write: checked afresh, once
    assert model.notice_problems is not checked
