"""``caseorg migrate-library`` (issue 16): a laptop's folder library moves into an empty
court library and back, verified by counts and hashes, files and all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from helpers import make_pdf

from caseorg.cli.app import cli
from caseorg.importing.pipeline import import_files
from caseorg.library import history, open_library
from caseorg.library.seals import broken_seals
from caseorg.records import (
    add_case,
    add_hearing,
    add_judge,
    add_note,
    delete_note,
    list_cases,
    reassign,
)


def _laptop(tmp_path: Path) -> Path:
    folder = tmp_path / "laptop"
    with open_library(folder) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        add_judge(lib, "TKW", "Judge T. K. Wong")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        add_hearing(lib, case.id, "2027-03-04 09:00")
        reassign(lib, case.id, "TKW", "caseload")
        gone = add_note(lib, "case", case.id, "deleted: its id is never given again")
        delete_note(lib, gone.id)
        pdf = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship."])
        import_files(lib, case.id, [pdf], workers=1)
    return folder


def test_a_laptop_library_joins_the_court_and_comes_back(tmp_path: Path, pg_cluster: Any) -> None:
    laptop = _laptop(tmp_path)
    court = pg_cluster.new_library()
    store = tmp_path / "court-files"
    runner = CliRunner()
    there = runner.invoke(cli, ["migrate-library", str(laptop), court, "--files", str(store)])
    assert there.exit_code == 0, there.output
    assert "counts and hashes verified" in there.output
    with open_library(court) as lib:
        (case,) = list_cases(lib)
        assert case.respondent == "José Pérez" and case.judge_code == "TKW"
        assert len(history(lib.db, case_id=case.id)) >= 5
        (sha,) = [r[0] for r in lib.conn.execute("SELECT sha256 FROM documents").fetchall()]
        assert lib.store.has(sha) and lib.path == store.resolve()
        # the deleted note's id is not given again
        assert add_note(lib, "case", case.id, "new").id > 1

    back = tmp_path / "back"
    home = runner.invoke(cli, ["migrate-library", court, str(back)])
    assert home.exit_code == 0, home.output
    with open_library(back) as lib:
        assert [c.respondent for c in list_cases(lib)] == ["José Pérez"]
        assert broken_seals(lib.conn) == []
        from caseorg.search import index_of

        assert len(index_of(lib).search("hardship")) == 1


def test_the_target_must_be_empty(tmp_path: Path, pg_cluster: Any) -> None:
    laptop = _laptop(tmp_path)
    court = pg_cluster.new_library()
    with open_library(court) as lib:
        add_judge(lib, "ABC", "Judge Already There")
    result = CliRunner().invoke(cli, ["migrate-library", str(laptop), court])
    assert result.exit_code == 1
    assert result.output == (
        "caseorg: the target library already holds records (judges): move into an empty one\n"
    )
    with open_library(court) as lib:
        assert lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def test_a_court_library_without_a_file_store_says_so_in_one_line(pg_cluster: Any) -> None:
    court = pg_cluster.new_library()
    result = CliRunner().invoke(cli, ["--library", court, "import", "123456789", "x.pdf"])
    assert result.exit_code != 0
    assert result.output.count("\n") == 1 and result.output.startswith("caseorg: ")


def test_tables_larger_than_a_batch_stream_both_ways_and_verify(
    tmp_path: Path, pg_cluster: Any
) -> None:
    """Each table is read, written and hashed a batch at a time (a server-side cursor on
    PostgreSQL): 23 notes in batches of 4 copy whole, verified, with progress per batch."""
    from caseorg.library import move_library
    from caseorg.library.transfer import batches

    laptop = tmp_path / "laptop"
    with open_library(laptop) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez")
        case = add_case(lib, "A-123-456-789", "José Pérez", judge_code="JRM")
        for n in range(23):
            add_note(lib, "case", case.id, f"note {n}")
    court = pg_cluster.new_library()
    seen: list[tuple[str, int | None]] = []
    with open_library(laptop, read_only=True) as old, open_library(court) as new:
        moved = move_library(
            old, new, progress=lambda p: seen.append((p.text, p.done)), with_files=False, batch=4
        )
        assert moved.rows["notes"] == 23
        sizes = [len(rows) for rows in batches(new, "SELECT id FROM notes", 4)]
        assert sizes == [4, 4, 4, 4, 4, 3]
    notes_done = [done for text, done in seen if text == "Copying notes"]
    assert len(notes_done) == 7 and notes_done[-1] - notes_done[0] == 23
    back = tmp_path / "back"
    with open_library(court, read_only=True) as old, open_library(back) as new:
        home = move_library(old, new, with_files=False, batch=4).rows
    assert home == moved.rows  # the seals too: copied as they are, both ways
    with open_library(back) as lib:
        assert lib.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 23
