"""Reassignment orders: several cases moved by one order, the court's reasons, the
successor's certification, and a library from before (each move its own order)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from caseorg.errors import InvalidValue
from caseorg.library.db import connect, wrap
from caseorg.library.folder import DB_NAME, open_library
from caseorg.library.migrations import SCHEMA
from caseorg.library.seals import broken_seals, seal_existing
from caseorg.records.cases import add_case
from caseorg.records.hearings import add_hearing
from caseorg.records.judges import add_judge
from caseorg.records.reassignment_orders import (
    certify_familiarity,
    familiarity_certified,
    get_order,
    order_reasons,
    record_order,
    set_order_reasons,
)
from caseorg.records.reassignments import list_reassignments, reassign


def _court(lib: Any) -> list[int]:
    add_judge(lib, "PHL", "Judge Paul Hale", court="Philadelphia")
    add_judge(lib, "VIS", "Judge Vera Ines", court="Philadelphia")
    return [
        add_case(lib, f"20000000{n}", f"Respondent {n}", judge_code="PHL").id for n in (1, 2, 3)
    ]


def test_one_order_moves_several_cases(lib: Any) -> None:
    ids = _court(lib)
    order = record_order(
        lib,
        ids[:2],
        "VIS",
        "Docket rebalancing",
        reason="after the notice continuance",
        ordered_on="2026-03-05",
        ordered_by="ACIJ Smith",
        ordered_by_role="acij",
        to_judge_role="visiting",
    )
    assert (order.reason_kind, order.ordered_by_role, order.to_judge_role) == (
        "docket rebalancing",
        "acij",
        "visiting",
    )
    assert sorted(m.case_id for m in order.moves) == ids[:2]
    assert {m.order_id for m in order.moves} == {order.id}
    assert {m.reason for m in order.moves} == {"docket rebalancing: after the notice continuance"}
    judges = [r["judge_id"] for r in lib.db.query("SELECT judge_id FROM cases ORDER BY id")]
    vis = lib.db.execute("SELECT id FROM judges WHERE code = 'VIS'").fetchone()[0]
    assert judges[:2] == [vis, vis] and judges[2] != vis
    # a move made alone is an order of its own
    alone = reassign(lib, ids[2], "VIS", "judge asked")
    assert alone.order_id not in (None, order.id)
    assert get_order(lib, alone.order_id or 0).reason_kind == "other"
    assert broken_seals(lib.conn) == []
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        lib.db.execute("UPDATE reassignment_orders SET reason = 'x'")


def test_an_order_is_all_or_nothing(lib: Any) -> None:
    ids = _court(lib)
    reassign(lib, ids[1], "VIS", "earlier")
    with pytest.raises(InvalidValue, match="already with"):
        record_order(lib, ids, "VIS", "recusal")
    with pytest.raises(InvalidValue, match="unknown reason"):
        record_order(lib, [ids[0]], "VIS", "punishment")
    with pytest.raises(InvalidValue, match="twice"):
        record_order(lib, [ids[0], ids[0]], "VIS", "recusal")
    assert len(list_reassignments(lib)) == 1


def test_the_reasons_are_the_courts_to_edit(lib: Any) -> None:
    assert order_reasons(lib)[0] == "docket rebalancing" and order_reasons(lib)[-1] == "other"
    assert set_order_reasons(lib, ["Recusal", "  detail  assignment", "recusal"]) == [
        "recusal",
        "detail assignment",
        "other",
    ]
    ids = _court(lib)
    assert record_order(lib, [ids[0]], "VIS", "detail").reason_kind == "detail assignment"
    with pytest.raises(InvalidValue):
        set_order_reasons(lib, ["other"])


def test_the_successor_certifies_familiarity_on_a_hearing(lib: Any) -> None:
    ids = _court(lib)
    hearing = add_hearing(lib, ids[0], "2026-03-10 09:00", judge_code="VIS")
    certify_familiarity(lib, hearing.id, on="2026-03-10")
    assert familiarity_certified(lib) == {hearing.id: "2026-03-10"}
    with pytest.raises(InvalidValue, match="already"):
        certify_familiarity(lib, hearing.id)


def test_a_library_from_before_gets_one_order_per_move(tmp_path: Path) -> None:
    path = tmp_path / "library"
    path.mkdir()
    conn = connect(path / DB_NAME)
    SCHEMA.apply(wrap(conn), stop_before="m009_reassignment_orders")
    with conn:
        conn.execute("INSERT INTO judges (id, code, name) VALUES (1, 'A', 'A'), (2, 'B', 'B')")
        conn.execute(
            "INSERT INTO cases (id, a_number, respondent, judge_id, created_at, updated_at)"
            " VALUES (1, '111111111', 'One', 2, 'x', 'x'), (2, '222222222', 'Two', 2, 'x', 'x')"
        )
        conn.execute(
            "INSERT INTO reassignments (id, case_id, from_judge_id, to_judge_id, effective_on,"
            " reason, ordered_by, recorded_at) VALUES"
            " (4, 1, 1, 2, '2025-02-01', 'rebalance', 'ACIJ', '2025-02-01T10:00:00'),"
            " (9, 2, 1, 2, '2025-02-01', 'rebalance', NULL, '2025-02-01T10:00:00')"
        )
        seal_existing(conn, ("reassignments",))
    conn.close()
    with open_library(path) as lib:
        moves = list_reassignments(lib)
        assert [(m.id, m.order_id) for m in moves] == [(4, 4), (9, 9)]
        first = get_order(lib, 4)
        assert (first.ordered_on, first.ordered_by, first.reason_kind, first.reason) == (
            "2025-02-01",
            "ACIJ",
            "other",
            "rebalance",
        )
        assert broken_seals(lib.conn) == []
        assert record_order(lib, [1], "A", "recusal").id == 10  # ids never reused


def test_an_order_changed_outside_caseorg_shows_in_check(lib: Any) -> None:
    ids = _court(lib)
    order = record_order(lib, ids[:2], "VIS", "recusal", ordered_on="2026-03-05")
    if lib.backend == "postgresql":  # the owner, with the server's trigger disabled
        lib.db.raw.execute(
            "ALTER TABLE reassignment_orders DISABLE TRIGGER reassignment_orders_append_only"
        )
    else:
        lib.db.execute("DROP TRIGGER reassignment_orders_no_update")
    lib.db.execute("UPDATE reassignment_orders SET reason_kind = 'judge request'")
    assert broken_seals(lib.conn) == [
        f"reassignment_orders row {order.id} was changed outside caseorg"
    ]
