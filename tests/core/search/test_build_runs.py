"""A Whoosh rebuild spills its sorted postings as runs in zlib blocks (issue 15: plain
runs took 5.3x the final index in temporary disk): an index built through many small
compressed runs answers exactly as one built in memory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caseorg.library.folder import open_library
from caseorg.search import build
from caseorg.search.handle import index_of
from core.search.test_engines import QUERIES, _answers

pytestmark = pytest.mark.corpus


def test_an_index_built_through_compressed_runs_answers_the_same(
    aao_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers, runs = {}, []
    original = build.CompressedPool._write_run

    def counted(self: build.CompressedPool, f: object, items: object) -> None:
        runs.append(1)
        original(self, f, items)

    monkeypatch.setattr(build.CompressedPool, "_write_run", counted)
    for name, limit in (("memory", 512), ("spilled", 1)):
        monkeypatch.setattr(build, "SERIAL_LIMIT_MB", limit)  # 1 MB: a run every ~6,000 postings
        monkeypatch.setattr(build, "RUN_BLOCK", 100)  # many blocks per run
        path = tmp_path / name
        shutil.copytree(aao_template, path)
        with open_library(path) as lib:
            pages = index_of(lib).rebuild(workers=1)
            answers[name] = (pages, _answers(lib))
            leftovers = [p.name for p in lib.index_dir.rglob("*") if p.suffix in (".run", ".tmp")]
            assert leftovers == []
        if name == "memory":
            assert runs == [], "the in-memory build spilled nothing"
    assert len(runs) > 3, "the small limit spilled several runs"
    assert answers["spilled"] == answers["memory"]
    assert all(answers["memory"][1][q] for q in QUERIES)
