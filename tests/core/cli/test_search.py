"""Search queries a clerk may mistype."""

from __future__ import annotations

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
