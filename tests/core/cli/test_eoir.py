"""caseorg import-eoir: the sample release, a .zip, --court, --a-numbers, bad input in one
line, a second run that changes nothing."""

from __future__ import annotations

import json
import shutil
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any


def sample() -> Path:
    return Path(str(resources.files("caseorg_resources").joinpath("samples/eoir")))


def test_import_the_sample_then_again(run: Any) -> None:
    first = run("import-eoir", str(sample()))
    assert first.exit_code == 1  # one bad row in the sample
    assert "skipped tbl_schedule.csv, line 8: invalid ADJ_DATE" in first.output
    assert "9 cases created" in first.output and "1 transfers between courts" in first.output
    again = run("import-eoir", str(sample()), "--json")
    data = json.loads(again.output)
    assert data["counts"]["cases_unchanged"] == 9 and "nothing changed" in data["summary"]
    shown = run("case", "show", "EOIR-4001003", "--json")
    assert json.loads(shown.output)["case"]["a_number_display"] == "EOIR 4001003"
    listed = run("case", "list")
    assert listed.output.splitlines()[0].startswith("EOIR 4001001  Respondent (EOIR 4001001)")


def test_zip_court_and_a_numbers(run: Any, tmp_path: Path) -> None:
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sample().rglob("*"):
            if path.is_file():
                zipped.write(path, path.relative_to(sample()).as_posix())
    numbers = tmp_path / "numbers.tsv"
    numbers.write_text("4001007\tA-240-552-918\n", encoding="utf-8")
    done = run("import-eoir", str(archive), "--court", "RVD", "--a-numbers", str(numbers))
    assert "2 cases created" in done.output  # the detained court only
    shown = run("case", "show", "A-240-552-918")
    assert shown.exit_code == 0 and "Judge David W. Kessler" in shown.output


def test_bad_input_is_one_line(run: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("import-eoir", str(empty))
    assert result.exit_code == 2 and "no EOIR case data files" in result.output
    folder = tmp_path / "copy"
    shutil.copytree(sample(), folder)
    result = run("import-eoir", str(folder), "--since", "yesterday")
    assert result.exit_code == 2 and "invalid --since day 'yesterday'" in result.output
    helped = run("import-eoir", "--help")
    assert "--a-numbers" in helped.output and "EOIR 310000001" in helped.output


def test_case_life_shows_an_imported_case_whole_life(run: Any) -> None:
    run("import-eoir", str(sample()))
    shown = run("case", "life", "EOIR-4001002")
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert "Proceedings (2):" in lines and "Motions (1):" in lines
    assert any("Bond" in line and "EOIR data: a bond matter" in line for line in lines)
    assert any(line.startswith("  To continue") and "EOIR data" in line for line in lines)
    data = json.loads(run("case", "life", "EOIR 4001002", "--json").output)
    custody = next(s for s in data["sections"] if s["title"] == "Custody")
    assert custody["rows"][0][:2] == ["Detained", "08/20/2024 – now"]  # the section as shown
