"""Importing PDFs into a case, then finding them by search."""

from __future__ import annotations

import json
from pathlib import Path

from caseorg.demo.pdfmake import write_text_pdf


def test_import_search_and_report(run, tmp_path: Path) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Test Person")
    folder = tmp_path / "docs"
    folder.mkdir()
    write_text_pdf(
        folder / "brief.pdf",
        paragraphs=[
            "Respondent's brief.",
            "The respondent would suffer exceptional and extremely unusual hardship on removal.",
        ],
    )
    (folder / "notes.txt").write_text("not a pdf")
    result = run("import", "A123456789", str(folder), str(folder / "notes.txt"), "--json")
    report = json.loads(result.output)
    statuses = {Path(f["path"]).name: f["status"] for f in report["files"]}
    assert statuses == {"brief.pdf": "imported", "notes.txt": "rejected"}
    assert result.exit_code == 1  # a rejected file is a problem worth an exit code
    again = json.loads(run("import", "A123456789", str(folder / "brief.pdf"), "--json").output)
    assert again["files"][0]["status"] == "duplicate"
    assert again["files"][0]["message"] == "already in this case"

    hits = json.loads(run("search", '"extremely unusual hardship"', "--json").output)
    assert len(hits) == 1
    assert hits[0]["title"] == "brief"
    assert hits[0]["matching_pages"] == [1]
    assert "**extremely unusual hardship**" in hits[0]["pages"][0]["snippet"]  # issue 18
    assert run("search", "nonexistentword").exit_code == 1
