"""`caseorg exhibits A_NUMBER -o list.pdf`: the exhibit list as a real PDF, in
record-of-proceedings order (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from helpers import make_pdf
from pypdf import PdfReader

from caseorg.cli.app import cli
from caseorg.library.folder import open_library
from caseorg.records import add_case, add_hearing, list_documents, mark_exhibit


def test_exhibits_print_to_pdf(qapp: Any, tmp_path: Path) -> None:
    from caseorg.importing import import_files

    folder = tmp_path / "lib"
    with open_library(folder) as lib:
        case = add_case(lib, "A-200-300-400", "Rosa Nunez", opened_on="2024-01-10")
        files = [make_pdf(tmp_path / f"{n}.pdf", [f"{n} text"]) for n in ("Notice", "Letter")]
        import_files(lib, case.id, files)
        docs = {d.title: d.id for d in list_documents(lib, case.id)}
        first = add_hearing(lib, case.id, "2024-03-04 09:00")
        later = add_hearing(lib, case.id, "2024-05-04 09:00", kind="individual")
        notice, letter = (next(i for t, i in docs.items() if n in t) for n in ("Notice", "Letter"))
        mark_exhibit(lib, later.id, letter, "10", "respondent", "admitted")
        mark_exhibit(lib, first.id, notice, "2", "dhs")
    target = tmp_path / "list.pdf"
    result = CliRunner().invoke(
        cli, ["--library", str(folder), "exhibits", "A-200-300-400", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join((PdfReader(target).pages[0].extract_text() or "").split())
    assert "EXHIBIT LIST" in text and "Rosa Nunez" in text
    assert text.index("Notice") < text.index("Letter")
    assert "Admitted" in text and "DHS" in text
