"""Search queries a clerk may mistype."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from caseorg.cli.app import cli
from caseorg.demo.pdfmake import write_text_pdf


def test_malformed_query_is_a_clear_message(run) -> None:
    run("init")
    result = run("search", '"unclosed phrase')
    assert result.exit_code == 2
    assert "quote" in result.output
    result = run("search", "color:red")
    assert result.exit_code == 2 and "unknown field" in result.output


def _import_pages(run, tmp_path: Path, count: int) -> None:
    run("case", "add", "--a-number", "123456789", "--respondent", "Ana Diaz")
    files = []
    for n in range(count):
        path = tmp_path / f"brief{n}.pdf"
        write_text_pdf(path, paragraphs=[f"Extreme hardship, brief {n}."])
        files.append(str(path))
    assert run("import", "A123456789", *files).exit_code == 0


def test_results_say_how_many_and_name_the_document_and_respondent(run, tmp_path) -> None:
    run("init")
    _import_pages(run, tmp_path, 3)
    result = run("search", '"extreme hardship"')
    assert result.exit_code == 0
    lines = result.output.splitlines()
    firsts = [line for line in lines if line.startswith("#")]
    assert len(firsts) == 3
    assert all("A-123-456-789  Ana Diaz" in line for line in firsts)
    assert lines[-1] == "3 documents · 3 matching pages"
    assert "**" not in result.output  # piped: plain text, no markdown marks
    assert "p.1: Extreme hardship, brief" in result.output

    result = run("search", "hardship", "--limit", "2")
    assert len([line for line in result.output.splitlines() if line.startswith("#")]) == 2
    assert result.output.splitlines()[-1] == (
        "2 documents · 2 matching pages — the best 2 shown; more with --limit 4"
    )


def test_marks_are_bold_on_a_terminal(run, tmp_path) -> None:
    run("init")
    _import_pages(run, tmp_path, 1)
    library = str(tmp_path / "lib")
    result = CliRunner().invoke(
        cli, ["--library", library, "search", "hardship"], color=True, catch_exceptions=False
    )
    assert click.style("hardship", bold=True) in result.output


def test_a_case_known_by_its_eoir_id_scopes_and_names_its_hits(run, tmp_path) -> None:
    from .test_eoir import sample

    run("init")
    assert run("import-eoir", str(sample())).exit_code == 1  # one bad row in the sample
    _import_pages(run, tmp_path, 1)  # Ana Diaz, A-123-456-789
    path = tmp_path / "eoir_brief.pdf"
    write_text_pdf(path, paragraphs=["Extreme hardship, the EOIR case's brief."])
    assert run("import", "EOIR-4001003", str(path)).exit_code == 0

    result = run("search", "hardship", "--case", "EOIR-4001003")
    assert result.exit_code == 0, result.output
    firsts = [line for line in result.output.splitlines() if line.startswith("#")]
    assert len(firsts) == 1 and "  EOIR 4001003  Respondent (EOIR 4001003)  ·  " in firsts[0]
    data = json.loads(run("search", "hardship", "--json").output)
    assert sorted(hit["a_number_display"] for hit in data) == ["A-123-456-789", "EOIR 4001003"]
    assert run("search", "hardship", "--case", "A123456789").output.count("#") == 1
    unknown = run("search", "hardship", "--case", "EOIR 999")
    assert unknown.exit_code == 1 and "no case EOIR 999" in unknown.output  # as elsewhere
