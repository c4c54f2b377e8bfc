"""Documents that describe themselves (issue 18, item 5): a filed date for an import,
several documents edited at once."""

from __future__ import annotations

import json
from pathlib import Path

from caseorg.demo.pdfmake import write_text_pdf


def _files(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = tmp_path / f"exhibit{n}.pdf"
        write_text_pdf(path, paragraphs=[f"Exhibit {n}: letters from the respondent's family."])
        paths.append(str(path))
    return paths


def _documents(run) -> list[dict]:
    return json.loads(run("document", "list", "123456789", "--json").output)


def test_import_with_a_filed_date(run, tmp_path: Path) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Diaz")
    result = run("import", "123456789", *_files(tmp_path, 2), "--filed", "2026-11-02")
    assert result.exit_code == 0, result.output
    assert {d["filed_on"] for d in _documents(run)} == {"2026-11-02"}
    assert run("search", "filed:2026-11-02 letters").exit_code == 0
    bad = run("import", "123456789", str(tmp_path / "exhibit0.pdf"), "--filed", "11/02/26")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_edit_several_documents_at_once(run, tmp_path: Path) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Diaz")
    run("import", "123456789", *_files(tmp_path, 3))
    ids = [str(d["id"]) for d in _documents(run)]
    third = _documents(run)[2]["doc_type"]
    result = run("document", "edit", *ids[:2], "--type", "evidence", "--filed", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2
    by_id = {str(d["id"]): d for d in _documents(run)}
    assert [by_id[i]["doc_type"] for i in ids] == ["evidence", "evidence", third]
    assert [by_id[i]["type_guessed"] for i in ids] == [0, 0, 1]  # set: no longer a guess
    assert [by_id[i]["filed_on"] for i in ids] == ["2026-10-01", "2026-10-01", None]
    # an unknown id among them: nothing changes
    result = run("document", "edit", ids[2], "999", "--type", "brief")
    assert result.exit_code != 0 and "999" in result.output
    assert {str(d["id"]): d for d in _documents(run)}[ids[2]]["doc_type"] == third
    assert "(guessed)" in run("document", "list", "123456789").output
