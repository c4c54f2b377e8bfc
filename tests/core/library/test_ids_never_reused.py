"""Ids of audited rows are never given again (issue 20 item 5).

SQLite gives a new row the largest id + 1: delete the newest note on case A, add one on
case B, and B's note took A's id, so B's history showed A's note texts and A's lost its
note's edit and deletion. A library the released caseorg wrote is migrated, and ids it
already used and freed are not given again either.
"""

from __future__ import annotations

import json
from pathlib import Path

from caseorg.library import DB_NAME, history, open_library
from caseorg.library.db import connect, wrap
from caseorg.library.migrations import SCHEMA
from caseorg.library.seals import broken_seals
from caseorg.records import add_case, add_note, delete_note, edit_note


def texts(events: list) -> list[str]:
    return [
        json.loads(e.after_json or e.before_json).get("text", "")
        for e in events
        if e.entity == "note"
    ]


def test_a_deleted_notes_id_is_not_given_to_another_cases_note(tmp_path: Path) -> None:
    path = tmp_path / "library"
    path.mkdir()
    conn = connect(path / DB_NAME)
    SCHEMA.apply(wrap(conn), stop_before="m006_ids_never_reused")  # as the release left it
    conn.close()
    with open_library(path) as lib:
        a = add_case(lib, "123456789", "Ana")
        b = add_case(lib, "987654321", "Ben")
        first = add_note(lib, "case", a.id, "interpreter: Mixteco")
        edit_note(lib, first.id, "interpreter: Mixteco Alto")
        delete_note(lib, first.id)
        second = add_note(lib, "case", b.id, "counsel withdrew")
        assert second.id != first.id
        assert texts(history(lib.db, case_id=b.id)) == ["counsel withdrew"]
        assert len(texts(history(lib.db, case_id=a.id))) == 3  # added, edited, deleted
    with open_library(path) as lib:  # reopened: the sequence holds
        delete_note(lib, second.id)
        third = add_note(lib, "case", a.id, "again")
        assert third.id not in (first.id, second.id)
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ids_a_released_library_already_freed_are_not_given_again(tmp_path: Path) -> None:
    path = tmp_path / "library"
    path.mkdir()
    conn = connect(path / DB_NAME)
    db = wrap(conn)
    SCHEMA.apply(db, stop_before="m006_ids_never_reused")  # the released schema
    with conn:  # what the released caseorg wrote: a note added, then deleted (id 1 freed)
        conn.execute(
            "INSERT INTO cases (id, a_number, respondent, created_at, updated_at) "
            "VALUES (1, '123456789', 'A', 'x', 'x')"
        )
        conn.execute(
            "INSERT INTO notes (id, case_id, entity, entity_id, text, author, created_at) "
            "VALUES (1, 1, 'case', 1, 'gone', 'clerk', '2026-01-01')"
        )
        conn.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id, before_json) "
            "VALUES ('2026-01-01', 'clerk', 'delete', 'note', 1, '{\"case_id\": 1}')"
        )
        conn.execute("DELETE FROM notes")
    conn.close()
    with open_library(path) as lib:  # migrates: the rows it had are sealed as they are
        assert add_note(lib, "case", 1, "new").id == 2
        assert broken_seals(lib.conn) == []
