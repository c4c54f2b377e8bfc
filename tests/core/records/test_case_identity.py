"""Case identity (issue 13): the A-number when known, else EOIR's case id; both unique;
an A-number given later keeps one case; the migration from a library without the id."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from caseorg.errors import InvalidValue, NotFound
from caseorg.library.db import LATEST_MIGRATION, connect, wrap
from caseorg.library.folder import open_library
from caseorg.library.migrations import SCHEMA
from caseorg.records.case_list import case_list_ids, case_list_rows
from caseorg.records.cases import add_case, add_case_row, case_by_a_number, edit_case, get_case
from caseorg.values import case_label, parse_case_ref, parse_eoir_case_id


def eoir_case(lib: Any, idncase: str = "310000001") -> int:
    return add_case_row(lib, None, None, {"respondent": "Respondent X"}, eoir_case_id=idncase)


def test_case_label_and_refs() -> None:
    assert case_label("123456789", "5") == "A-123-456-789"
    assert case_label(None, "310000001") == "EOIR 310000001"
    assert parse_case_ref("EOIR 310000001") == ("eoir_case_id", "310000001")
    assert parse_case_ref("eoir-0042") == ("eoir_case_id", "42")
    assert parse_case_ref("310000001") == ("a_number", "310000001")  # bare: an A-number
    with pytest.raises(InvalidValue):
        parse_eoir_case_id("EOIR abc")


def test_a_case_known_only_by_eoir_id(lib: Any) -> None:
    case_id = eoir_case(lib)
    case = case_by_a_number(lib, "EOIR 310000001")
    assert case.id == case_id and case.a_number is None
    assert case.a_number_display == "EOIR 310000001"
    with pytest.raises(InvalidValue, match="already exists"):
        eoir_case(lib)
    with pytest.raises(NotFound, match="no case EOIR 9 in this library"):
        case_by_a_number(lib, "EOIR 9")
    with pytest.raises(InvalidValue, match="A-number or an EOIR case id"):
        add_case_row(lib, None, None, {"respondent": "Nobody"})
    rows = case_list_rows(lib, case_list_ids(lib, "31000"))
    assert [(r.a_number, r.eoir_case_id) for r in rows] == [(None, "310000001")]


def test_adding_the_a_number_later_keeps_one_case(lib: Any) -> None:
    case_id = eoir_case(lib)
    edit_case(lib, case_id, a_number="A-222-333-444")
    case = case_by_a_number(lib, "A222333444")
    assert case.id == case_id and case.eoir_case_id == "310000001"
    assert case_by_a_number(lib, "EOIR 310000001").id == case_id
    assert case.a_number_display == "A-222-333-444"
    with pytest.raises(InvalidValue, match="already has an A-number"):
        edit_case(lib, case_id, a_number="A-222-333-445")
    other = eoir_case(lib, "310000002")
    add_case(lib, "A-999-888-777", "Someone Else")
    with pytest.raises(InvalidValue, match="already case A-999-888-777"):
        edit_case(lib, other, a_number="999888777")
    assert get_case(lib, other).a_number is None


def test_cli_names_a_case_by_eoir_id(lib: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from caseorg.cli.app import cli

    eoir_case(lib)
    lib.close()
    runner = CliRunner()
    folder = str(lib.location)
    shown = runner.invoke(cli, ["--library", folder, "case", "show", "EOIR-310000001"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith("EOIR 310000001  Respondent X")
    edited = runner.invoke(
        cli, ["--library", folder, "case", "edit", "EOIR 310000001", "--a-number", "A-1-2"]
    )
    assert edited.exit_code == 2 and "9 digits" in edited.output
    edited = runner.invoke(
        cli,
        ["--library", folder, "case", "edit", "EOIR 310000001", "--a-number", "A-222-333-444"],
    )
    assert edited.exit_code == 0 and "A-222-333-444" in edited.output
    listed = runner.invoke(cli, ["--library", folder, "case", "list", "--json"])
    assert '"eoir_case_id": "310000001"' in listed.output
    helped = runner.invoke(cli, ["case", "show", "--help"])
    assert "EOIR-310000001" in helped.output


def test_migration_keeps_cases_and_allows_no_a_number(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    SCHEMA.apply(wrap(conn), stop_before=LATEST_MIGRATION)  # as the previous release left it
    conn.execute(
        "INSERT INTO cases (a_number, respondent, created_at, updated_at) "
        "VALUES ('123456789', 'Old Case', 'x', 'x')"
    )
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO cases (respondent, created_at, updated_at) VALUES ('n','x','x')")
    conn.rollback()
    SCHEMA.apply(wrap(conn))
    conn.execute(
        "INSERT INTO cases (eoir_case_id, respondent, created_at, updated_at) "
        "VALUES ('7', 'New', 'x', 'x')"
    )
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError):  # one of the two is required
        conn.execute("INSERT INTO cases (respondent, created_at, updated_at) VALUES ('n','x','x')")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    lib = open_library(tmp_path / "fresh")
    lib.close()
