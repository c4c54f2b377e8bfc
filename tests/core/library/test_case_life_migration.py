"""A library written by the release before proceedings (schema up to m005/m006) opens
with one proceeding per case holding all its hearings, and keeps its notices and ids."""

from __future__ import annotations

from pathlib import Path

from caseorg.library.db import connect, wrap
from caseorg.library.folder import DB_NAME, open_library
from caseorg.library.migrations import SCHEMA


def _old_library(path: Path) -> None:
    """What the current release writes: its migrations, then rows as its code stores them."""
    path.mkdir()
    conn = connect(path / DB_NAME)
    SCHEMA.apply(wrap(conn), stop_before="m007_case_life")
    stamp = "2025-01-02T10:00:00"
    with conn:
        conn.execute("INSERT INTO judges (id, code, name, court) VALUES (1, 'JRM', 'Rosa', 'SF')")
        conn.execute(
            "INSERT INTO cases (id, a_number, respondent, custody, case_type, court, judge_id,"
            " opened_on, completed_on, outcome, created_at, updated_at) VALUES"
            " (1, '123456789', 'Ana Lopez', 'detained', 'removal', 'SF', 1, '2024-01-10',"
            " '2024-06-01', 'removal ordered', ?, ?),"
            " (2, '987654321', 'Luis Perez', 'non_detained', 'asylum_only', NULL, NULL,"
            " '2024-05-01', '2024-04-01', NULL, ?, ?)",
            [stamp] * 4,
        )
        conn.execute(
            "INSERT INTO hearings (id, case_id, starts_at, outcome) VALUES"
            " (7, 1, '2024-03-01 09:00', 'continued'),"
            " (8, 1, '2024-05-01 09:00', 'in_absentia_order'),"
            " (9, 2, '2024-06-01 09:00', 'pending')"
        )
        conn.execute(
            "INSERT INTO notices (id, hearing_id, served_on, method, address,"
            " returned_undeliverable, returned_on) VALUES"
            " (5, 8, '2024-03-02', 'mail', '1 Main St', 1, '2024-03-20')"
        )
    conn.close()


def test_an_older_library_gets_one_proceeding_per_case(tmp_path: Path) -> None:
    path = tmp_path / "library"
    _old_library(path)
    with open_library(path) as lib:
        rows = list(lib.db.query("SELECT * FROM proceedings ORDER BY case_id"))
        assert [(r["case_id"], r["court"], r["judge_id"], r["case_type"]) for r in rows] == [
            (1, "SF", 1, "removal"),
            (2, None, None, "asylum_only"),
        ]
        first, second = rows
        assert (first["custody"], first["opened_on"], first["completed_on"]) == (
            "detained",
            "2024-01-10",
            "2024-06-01",
        )
        assert first["absentia"] == 1 and first["decision_note"] == "removal ordered"
        assert second["absentia"] == 0
        assert second["completed_on"] is None  # completed before opened: not carried over
        hearings = {r["id"]: r["proceeding_id"] for r in lib.db.query("SELECT * FROM hearings")}
        assert hearings == {7: first["id"], 8: first["id"], 9: second["id"]}
        (notice,) = lib.db.query("SELECT * FROM notices")
        assert (notice["id"], notice["served_to"], notice["returned_on"]) == (
            5,
            "respondent",
            "2024-03-20",
        )
        assert lib.db.execute("SELECT count(*) FROM addresses").fetchone()[0] == 0


def test_ids_are_never_given_twice(tmp_path: Path) -> None:
    """AUTOINCREMENT: a deleted proceeding's id is not handed to the next one (audit rows
    name ids), and a rebuilt notices table goes on after the old ids."""
    path = tmp_path / "library"
    _old_library(path)
    with open_library(path) as lib, lib.db.conn:
        lib.db.conn.execute("UPDATE hearings SET proceeding_id = NULL WHERE case_id = 2")
        lib.db.conn.execute("DELETE FROM proceedings WHERE case_id = 2")
        cursor = lib.db.conn.execute("INSERT INTO proceedings (case_id) VALUES (2)")
        assert cursor.lastrowid == 3
        cursor = lib.db.conn.execute(
            "INSERT INTO notices (hearing_id, served_on) VALUES (9, '2024-05-01')"
        )
        assert cursor.lastrowid == 6
