"""Shared fixtures: a real library in tmp_path, the shared corpus, and no network."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASEORG_USER", "test-clerk")


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """caseorg is offline, always: any attempt to connect fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkBlocked("caseorg tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's library or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CASEORG_LIBRARY", raising=False)


def corpus_dir() -> Path | None:
    value = os.environ.get("CASEORG_CORPUS")
    if not value:
        return None
    path = Path(value).resolve()
    return path if path.is_dir() else None


@pytest.fixture
def corpus() -> Path:
    """The shared corpus ($CASEORG_CORPUS); tests using it skip when it is not set."""
    path = corpus_dir()
    if path is None:
        pytest.skip("CASEORG_CORPUS is not set")
    return path


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL server for the court-mode tests (see tests/pgserver.py)."""
    from pgserver import start_or_skip

    cluster = start_or_skip()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    """The libpq URL of a new, empty database on the test server."""
    return pg_cluster.new_database()  # type: ignore[attr-defined, no-any-return]


@pytest.fixture
def court_lib(pg_cluster: object, tmp_path: Path) -> Iterator[object]:
    """A fresh court library on the test PostgreSQL server (issue 16), its shared file
    store in a temp folder."""
    from caseorg.library.folder import open_library

    library = open_library(pg_cluster.new_library())  # type: ignore[attr-defined]
    library.conn.execute(  # as 'caseorg court-files' does, without its audit row
        "INSERT INTO meta (key, value) VALUES ('file_store', ?)", [str(tmp_path / "court-files")]
    )
    try:
        yield library
    finally:
        library.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def both_lib(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A fresh library on each backend in turn: a folder (SQLite), then a court library
    (PostgreSQL). A test folder's conftest makes it its ``lib`` to run on both."""
    if request.param == "postgresql":
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            pytest.skip(f"not on a court library (PostgreSQL) yet: {marker.args[0]}")
        yield request.getfixturevalue("court_lib")
        return
    from caseorg.library.folder import open_library

    library = open_library(tmp_path / "library")
    try:
        yield library
    finally:
        library.close()


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[object]:
    """A fresh, real library (SQLite + files + Whoosh) in a temporary folder."""
    from caseorg.library.folder import open_library

    library = open_library(tmp_path / "library")
    try:
        yield library
    finally:
        library.close()


@pytest.fixture
def case(lib: object) -> object:
    """A case with a judge, ready to receive documents."""
    from caseorg.records.cases import add_case
    from caseorg.records.judges import add_judge

    add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")  # type: ignore[arg-type]
    return add_case(
        lib,
        "A-123-456-789",
        "Ana Lopez Garcia",
        judge_code="JRM",  # type: ignore[arg-type]
        nationality="Guatemala",
        language="Spanish",
        court="San Francisco",
    )
