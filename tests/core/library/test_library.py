"""The library folder: private permissions, one writer at a time, read-only opening."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import count, library_held, make_pdf, stored_files

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.errors import CaseorgError, LibraryLocked, ReadOnlyLibrary
from caseorg.importing.pipeline import import_files
from caseorg.library.db import LATEST_MIGRATION, connect, schema_is_current, wrap
from caseorg.library.folder import DB_NAME, LOCK_NAME, open_library, read_lock_holder
from caseorg.library.migrations import SCHEMA
from caseorg.library.store import sha256_of
from caseorg.records.cases import add_case, edit_case, find_case
from caseorg.records.documents import edit_document
from caseorg.records.judges import add_judge
from caseorg.records.reassignments import reassign
from caseorg.search.handle import index_of
from caseorg.upkeep.check import check_library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and pids")

TRY_OPEN = textwrap.dedent(
    """
    import sys
    from caseorg.errors import LibraryLocked
    from caseorg.library.folder import open_library
    try:
        open_library(sys.argv[1]).close()
    except LibraryLocked as exc:
        print("LOCKED:", exc)
    else:
        print("OPENED")
    """
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def holder(lib) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``lib``'s folder for writing (``lib`` itself is closed)."""
    lib.close()
    with library_held(lib.path) as proc:
        yield proc


def test_folder_and_database_are_private(lib, case, tmp_path: Path) -> None:
    assert _mode(lib.path) == 0o700
    assert _mode(lib.db_path) == 0o600
    assert _mode(lib.store.root) == 0o700
    assert _mode(lib.index_dir) == 0o700
    pdf = make_pdf(tmp_path / "brief.pdf", ["Brief."])
    import_files(lib, case.id, [pdf], workers=1)
    stored = [p for p in lib.store.root.rglob("*")]
    assert stored
    for path in stored:
        assert _mode(path) & 0o077 == 0, path  # nothing readable by group or others
    for path in lib.path.iterdir():
        assert _mode(path) & 0o077 == 0, path


def test_an_existing_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    with open_library(folder) as lib:
        assert _mode(lib.path) == 0o700
        assert _mode(lib.db_path) == 0o600


def test_lock_file_names_the_holder_and_goes_on_close(tmp_path: Path) -> None:
    path = tmp_path / "library"
    lib = open_library(path)
    assert read_lock_holder(path / LOCK_NAME) == os.getpid()
    lib.close()
    assert not (path / LOCK_NAME).exists()


def test_a_second_process_is_refused_naming_the_pid(lib) -> None:
    result = subprocess.run(
        [sys.executable, "-c", TRY_OPEN, str(lib.path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("LOCKED:"), result.stdout + result.stderr
    assert f"pid {os.getpid()}" in result.stdout
    assert "read-only" in result.stdout
    assert "Traceback" not in result.stderr


def test_this_process_is_refused_while_another_holds_it(lib, holder) -> None:
    with pytest.raises(LibraryLocked) as info:
        open_library(lib.path)
    assert f"pid {holder.pid}" in str(info.value)
    holder.communicate(input="", timeout=30)  # let it close
    with open_library(lib.path) as again:
        assert read_lock_holder(lib.path / LOCK_NAME) == os.getpid()
        assert again.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "library"
    open_library(path).close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    dead_pid = int(dead.stdout)
    (path / LOCK_NAME).write_text(f"{dead_pid} some-host\n")
    with open_library(path) as lib:
        assert read_lock_holder(path / LOCK_NAME) == os.getpid()
        add_case(lib, "123456789", "Ana")
    for junk in ("", "not a pid\n"):
        (path / LOCK_NAME).write_text(junk)
        with open_library(path) as lib:
            assert read_lock_holder(path / LOCK_NAME) == os.getpid()


def test_read_only_opening_works_while_locked_and_refuses_writes(lib, case, tmp_path: Path) -> None:
    add_judge(lib, "TKW", "Judge Kim")
    pdf = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship."])
    doc_id = import_files(lib, case.id, [pdf], workers=1).outcomes[0].document_id
    lib.close()
    with library_held(lib.path) as proc, open_library(lib.path, read_only=True) as ro:
        assert ro.read_only
        found = find_case(ro, "A-123-456-789")
        assert found is not None and found.respondent == "Ana Lopez Garcia"
        hits = index_of(ro).search('"extreme hardship"')
        assert [h.document_id for h in hits] == [doc_id]
        audits = count(ro, "audit")
        refused = [
            lambda: add_case(ro, "987654321", "Bernardo Diaz"),
            lambda: edit_case(ro, case.id, custody="detained"),
            lambda: add_judge(ro, "NEW", "Judge New"),
            lambda: reassign(ro, case.id, "TKW", "caseload"),
            lambda: import_files(ro, case.id, [pdf]),
            lambda: edit_document(ro, doc_id, title="New title"),
        ]
        for write in refused:
            with pytest.raises(ReadOnlyLibrary, match="read-only"):
                write()
        with pytest.raises(Exception, match="readonly"):
            ro.db.execute("DELETE FROM cases")
        assert count(ro, "audit") == audits
        assert count(ro, "cases") == 1
    assert proc.returncode == 0


def test_read_only_needs_an_existing_library(tmp_path: Path) -> None:
    with pytest.raises(CaseorgError, match="no caseorg library"):
        open_library(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()
    with pytest.raises(CaseorgError, match="no caseorg library"):
        open_library(tmp_path / "nothing", create=False)


def test_a_reader_is_told_in_one_line_when_the_schema_is_behind(tmp_path: Path) -> None:
    """A reader cannot migrate: a library an older caseorg left (or one being made right
    now) is one line that says what to do, not a missing table mid-command."""
    path = tmp_path / "library"
    path.mkdir()
    conn = connect(path / DB_NAME)
    SCHEMA.apply(wrap(conn), stop_before=LATEST_MIGRATION)
    conn.close()
    with pytest.raises(CaseorgError, match=r"needs an update: run 'caseorg init' once"):
        open_library(path, read_only=True)
    conn = connect(path / DB_NAME, read_only=True)
    assert not schema_is_current(conn)  # left as it was
    conn.close()
    with open_library(path) as lib:  # a writer brings it up to date
        assert schema_is_current(lib.conn)
    open_library(path, read_only=True).close()


def test_reopening_keeps_the_data_and_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "library"
    with open_library(path) as lib:
        add_case(lib, "123456789", "Ana")
    with open_library(path) as lib:
        assert count(lib, "cases") == 1
        names = [r["name"] for r in lib.db.query("SELECT name FROM _sqlite_migrations")]
        assert names == sorted(set(names)), "each migration applied once"
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_what_a_dead_importer_left_in_the_store_is_finished_at_open(tmp_path: Path) -> None:
    """Staged copies are removed; a published copy stays only if its record committed."""
    folder = tmp_path / "lib"
    source = tmp_path / "exhibit.pdf"
    write_text_pdf(source, paragraphs=["Declaration of the respondent."])
    digest = sha256_of(source)
    with open_library(folder) as lib:
        kase = add_case(lib, "A-111-222-333", "Someone")
        # killed while copying: only the staged copy exists
        staged_only = lib.store.stage(source, digest)
        assert staged_only is not None
    with open_library(folder) as lib:
        assert stored_files(lib) == []
        # killed after publishing, before the commit: a copy with no record
        staged = lib.store.stage(source, digest)
        assert staged is not None
        lib.store.publish(staged, digest)
    with open_library(folder) as lib:
        assert stored_files(lib) == []
        # killed after the commit, before the staged name was removed: keep the copy
        import_files(lib, kase.id, [source])
        again = lib.store.staging_path(digest, 4242)
        os.link(lib.store.path_for(digest), again)
    with open_library(folder) as lib:
        assert stored_files(lib) == [lib.store.path_for(digest)]
        assert check_library(lib).ok
    with open_library(folder, read_only=True) as viewer:
        assert stored_files(viewer) == [viewer.store.path_for(digest)]
