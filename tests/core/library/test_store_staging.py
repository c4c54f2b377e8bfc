"""The shared store's staged names (issue 16): a court library's store is one folder
every clerk's computer writes to, and pids repeat across computers. Two computers whose
importers have the same pid, staging the same file at once, must not share a staged
file: one losing its race and discarding its copy must not take the other's."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import make_pdf

from caseorg.library.store import FileStore, sha256_of, this_host


def test_a_staged_name_holds_the_host_and_the_pid_and_is_new_each_time(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files", host="clerk-pc-1")
    digest = "ab" * 32
    first, second = store.staging_path(digest, 4242), store.staging_path(digest, 4242)
    assert first != second  # the same pid on the same computer: still two names
    for name in (first.name, second.name):
        assert name.startswith(f"{digest}.clerk-pc-1.4242.") and name.endswith(".tmp")
        assert name.split(".")[0] == digest  # what the sweep of leftovers reads
    other = FileStore(tmp_path / "files", host="clerk-pc-2").staging_path(digest, 4242)
    assert ".clerk-pc-2.4242." in other.name
    assert FileStore(tmp_path / "files").host == this_host() != ""
    assert "." not in FileStore(tmp_path / "x", host=None).host  # a name with dots is one part


def test_two_computers_with_the_same_pid_stage_the_same_file_apart(tmp_path: Path) -> None:
    shared = tmp_path / "court-files"
    source = make_pdf(tmp_path / "brief.pdf", ["Brief on extreme hardship."])
    digest = sha256_of(source)
    one, two = FileStore(shared, host="clerk-pc-1"), FileStore(shared, host="clerk-pc-2")
    staged_one = one.stage(source, digest)  # both in this process: the same pid
    staged_two = two.stage(source, digest)
    assert staged_one is not None and staged_two is not None and staged_one != staged_two
    assert sorted(p.name for p in (shared / ".staging").iterdir()) == sorted(
        [staged_one.name, staged_two.name]
    )
    two.discard(staged_two)  # the second computer lost its race (a duplicate): it gives up
    assert staged_one.exists() and sha256_of(staged_one) == digest  # the first's is whole
    published = one.publish(staged_one, digest)
    one.release(staged_one, digest)
    assert sha256_of(published) == digest and not any((shared / ".staging").iterdir())
    assert os.stat(published).st_mode & 0o777 == 0o400
