"""An import on a court library holds the seals' lock only for its last statement: the
audit row (sealed under one server-wide advisory lock, kept until commit) is written
after the document's pages, so another clerk's audited write never waits while a long
document's pages go in (issue 16)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.importing import pipeline
from caseorg.library import open_library
from caseorg.library.seals import broken_seals
from caseorg.records import add_case, add_judge


def test_another_clerk_writes_while_an_import_s_pages_go_in(
    pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_cluster.new_library()
    pdf = make_pdf(tmp_path / "brief.pdf", ["Respondent's brief, page one.", "Page two."])
    with open_library(url) as importer, open_library(url) as clerk:
        importer.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('file_store', ?)", [str(tmp_path / "store")]
        )
        add_judge(importer, "JRM", "Judge Rosa Martinez")
        case = add_case(importer, "A-300-000-001", "Importing Now", judge_code="JRM")
        paused, go_on = threading.Event(), threading.Event()
        queue_document = pipeline.queue_document

        def slow_pages(db: Any, doc_id: int, pages: list[str]) -> None:
            queue_document(db, doc_id, pages)
            paused.set()  # the document and its pages written, not yet committed
            go_on.wait(30)

        monkeypatch.setattr(pipeline, "queue_document", slow_pages)
        reports: list[Any] = []
        worker = threading.Thread(
            target=lambda: reports.append(
                pipeline.import_files(importer, case.id, [pdf], workers=1)
            )
        )
        worker.start()
        try:
            assert paused.wait(60)
            written: list[int] = []
            other = threading.Thread(
                target=lambda: written.append(add_case(clerk, "A-300-000-002", "Other Clerk").id)
            )
            other.start()
            other.join(10)
            assert written, "the clerk's audited write waited for the import's transaction"
        finally:
            go_on.set()
            worker.join(60)
        assert reports and reports[0].ok
        actions = [row[0] for row in clerk.conn.execute("SELECT action FROM audit ORDER BY id")]
        assert actions.count("import") == 1
        assert broken_seals(clerk.conn) == []  # the two clerks' rows: one chain
