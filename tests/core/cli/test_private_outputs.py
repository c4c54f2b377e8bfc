"""Every file the command line writes outside the library is private (0600): summaries,
dockets, the reassignment report and the figures' CSV files hold court records."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from helpers import common_umask

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_reports_and_exports_are_written_private(run, tmp_path: Path) -> None:
    run("judge", "add", "JRM", "Rosa Martinez")
    run("judge", "add", "TKW", "Thomas Kwan")
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Lopez", "--judge", "JRM")
    run("hearing", "add", "A-123-456-789", "--at", "2025-03-03 09:00")
    moved = run("reassign", "A-123-456-789", "--to", "TKW", "--reason", "r", "--on", "2025-03-04")
    assert moved.exit_code == 0, moved.output
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "summary.html"  # a world-readable file already there is replaced
    stale.write_text("old")
    os.chmod(stale, 0o644)
    commands = [
        ("summary", "1", "-o", str(out / "summary.html")),
        ("docket", "--date", "2025-03-03", "-o", str(out / "docket.html")),
        ("reassignments", "--judge", "JRM", "-o", str(out / "moves.csv")),
        ("reassignments", "--judge", "JRM", "-o", str(out / "moves.html")),
        ("stats", "--as-of", "2025-03-31", "--csv", str(out / "figures")),
        ("backup", str(out / "b.zip")),
    ]
    for command in commands:
        with common_umask():  # as a command that opens the library read-only finds it
            result = run(*command)
        assert result.exit_code == 0, (command, result.output)
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) >= 10  # four reports, the figures' tables, the backup
    modes = {p.relative_to(out).as_posix(): oct(stat.S_IMODE(p.stat().st_mode)) for p in written}
    assert set(modes.values()) == {"0o600"}, modes
