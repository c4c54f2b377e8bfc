"""A throwaway PostgreSQL cluster for the court-mode tests (issue 16).

initdb in a temp folder, the server listening only on a unix socket in that folder (no
TCP: the tests stay offline), one fresh database per test, stopped at the session's end.
As root (CI), the cluster belongs to an unprivileged user (initdb refuses root). When
the binaries are missing or the server cannot start, the court tests skip on a
developer's machine and fail loudly in CI (``CI`` set): a missing part must not pass.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SUPERUSER = "caseorg_admin"


def _bin(name: str) -> str | None:
    """The PostgreSQL program ``name``: on PATH, else in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(os.path.join(folder, name), os.X_OK):
            return os.path.join(folder, name)
    return None


def _owner() -> str | None:
    """Who runs the server: us, unless we are root (then 'postgres', else 'nobody')."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user to own the cluster")


class PgCluster:
    """One server in a temp folder; :meth:`new_database` gives each test its own."""

    def __init__(self) -> None:
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL's initdb/pg_ctl are not installed")
        self.pg_ctl = pg_ctl
        self.owner = _owner()
        self.dir = Path(tempfile.mkdtemp(prefix="caseorg-pg-"))
        self.data = self.dir / "data"
        self._names = itertools.count(1)
        self._template = ""
        if self.owner:
            entry = pwd.getpwnam(self.owner)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        os.chmod(self.dir, 0o755)
        self._run(
            [initdb, "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8"]
            + ["--locale=C", "--no-sync"]
        )
        options = (
            f"-k {self.dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off "
            "-c max_connections=60 -c shared_buffers=32MB"
        )
        self._run(
            [pg_ctl, "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-o", options]
            + ["start"]
        )
        self.host = str(self.dir)

    def _run(self, argv: list[str]) -> None:
        if self.owner:
            argv = ["runuser", "-u", self.owner, "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, cwd=self.dir, check=False)
        if done.returncode != 0:
            log = self.dir / "log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{argv[-1]} failed: {done.stderr.strip()} {tail}")

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """The libpq URL of ``database`` over the cluster's unix socket."""
        return f"postgresql://{user}@/{database}?host={self.host}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """A new empty database; its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def new_library(self) -> str:
        """A new database holding caseorg's schema (copied from a template made once)."""
        if not self._template:
            from caseorg.library import open_library

            url = self.new_database()
            open_library(url).close()
            self._template = url.split("?")[0].rsplit("/", 1)[1]
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {self._template}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def start_or_skip() -> PgCluster:
    """A running cluster, or a skip (a failure when ``CI`` is set)."""
    try:
        import psycopg  # noqa: F401

        return PgCluster()
    except (RuntimeError, ImportError, OSError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"court mode: the PostgreSQL test server could not start: {exc}")
        pytest.skip(f"no PostgreSQL test server: {exc}")
