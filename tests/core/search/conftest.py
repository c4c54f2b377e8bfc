"""Every search test runs on both engines: the AAO corpus library and a fresh ``lib``
once with Whoosh and once with tantivy (the same query language, pages and snippets)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from caseorg.library.folder import Library, open_library
from caseorg.search.chosen import set_engine
from core.search.aao_corpus import aao as aao, aao_template as aao_template

ENGINES = ["whoosh", "tantivy"]

__all__ = ["aao", "aao_template", "engine", "lib"]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def lib(tmp_path: Path, engine: str) -> Iterator[Library]:
    """A fresh library set to use ``engine`` (before its index is first opened)."""
    library = open_library(tmp_path / "library")
    try:
        set_engine(library, engine)
        yield library
    finally:
        library.close()
