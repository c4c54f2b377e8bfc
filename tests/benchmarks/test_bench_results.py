"""bench's own bookkeeping: RESULTS.md keeps what people wrote in it, and the scale sweep's
open check tells a generated library's expected gap (no stored files) from a fault.

Not a speed test: nothing here is timed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo's bench/
import bench.__main__ as cli  # noqa: E402
from bench import b_scale, genlib, scale_child  # noqa: E402

INFO = {"cores": 2, "cpu": "test cpu", "memory_gb": 1.0, "python": "3.11"}


def target(name: str, value: float) -> dict[str, Any]:
    return {"name": name, "value": value, "unit": "ms", "baseline": 10.0, "ratio": value / 10,
            "target": "<= 2x", "met": value <= 20, "runs": 3, "note": "", "extra": {}}  # fmt: skip


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """RESULTS.md, results.json and scale.json in tmp_path, not the repo's."""
    monkeypatch.setattr(cli, "RESULTS_MD", tmp_path / "RESULTS.md")
    monkeypatch.setattr(cli, "RESULTS_JSON", tmp_path / "results.json")
    monkeypatch.setattr(cli, "SCALE_JSON", tmp_path / "scale.json")
    monkeypatch.setattr(b_scale, "SCALE_JSON", tmp_path / "scale.json")
    return tmp_path


def test_notes_written_by_hand_survive_every_rewrite(files: Path) -> None:
    results = files / "RESULTS.md"
    cli.write_results({"search": [target("search p95", 15.0)]}, INFO, {"search": [0.5, 1, 2]})
    first = results.read_text()
    assert cli.HAND_MARK in first and "15.0 ms" in first
    assert "search 20" in first and "(load 0.5 / 1 / 2)" in first  # the load it ran under

    hand = "- The 1,000,000-page row ran at load 3-4; compare engines within a row.\n"
    results.write_text(first + hand)  # a person adds a note
    cli.write_results({"search": [target("search p95", 25.0)]}, INFO)
    cli.write_results({"import": [target("import", 5.0)]}, INFO)  # and another bench runs
    text = results.read_text()
    assert text.count(hand) == 1 and text.endswith(hand)
    assert "25.0 ms" in text and "15.0 ms" not in text  # the generated part is new
    assert text.count(cli.HAND_MARK) == 1 and text.count("## Notes by hand") == 1

    # an edit above the mark is the generator's to rewrite (the header says so)
    results.write_text(text.replace("## Notes\n", "## Notes\n\nlost edit\n"))
    cli.write_results({}, INFO)
    assert "lost edit" not in results.read_text() and results.read_text().endswith(hand)


def test_a_results_file_from_before_the_mark_gets_an_empty_hand_section(files: Path) -> None:
    (files / "RESULTS.md").write_text("# Benchmark results\n\nold table\n")
    cli.write_results({"search": [target("search p95", 15.0)]}, INFO)
    text = (files / "RESULTS.md").read_text()
    assert "old table" not in text
    assert text.endswith(f"## Notes by hand\n\n{cli.HAND_MARK}\n")


def sweep_row(pages: int, check: dict[str, Any]) -> dict[str, Any]:
    return {"pages": pages, "cases": 20, "search": {}, "case_list": {"load_s": 0.1},
            "check_walk": check, "check_clean": check}  # fmt: skip


def test_the_sweep_table_tells_expected_gaps_from_faults() -> None:
    expected = {"seconds": 1.0, "ok": False, "problems": {"missing_file": 9},
                "ok_but_generated": True}  # fmt: skip
    fault = {"seconds": 1.0, "ok": False, "problems": {"missing_file": 9, "database": 1},
             "ok_but_generated": False}  # fmt: skip
    before = {"seconds": 1.0, "ok": False}  # a row measured before kinds were recorded
    sizes = {"1": sweep_row(1, expected), "2": sweep_row(2, fault), "3": sweep_row(3, before)}
    table = b_scale.table({"sizes": sizes})
    rows: dict[str, str] = {}  # the first table: one row per size
    for line in table.splitlines():
        rows.setdefault(line.split(" | ")[0], line)
    assert rows["| 1"].count("ok\\*") == 2 and "FAIL" not in rows["| 1"]
    assert "FAIL (database 1, missing_file 9)" in rows["| 2"]
    assert "ok" not in rows["| 3"] and "FAIL" not in rows["| 3"]
    assert b_scale.OPEN_CHECK_NOTE in table


def test_a_generated_library_has_its_stored_files_and_passes_the_open_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """genlib lays out an (empty) stored file per document, so the check after opening
    walks a real-sized store and finds nothing; a stray file is still a problem."""
    texts = [f"The respondent {n} seeks asylum; the court finds hardship." for n in range(6)]
    monkeypatch.setattr(genlib, "OUT", tmp_path)
    monkeypatch.setattr(genlib, "aao_pages", lambda: {"a.pdf": texts, "b.pdf": texts[:3]})
    folder, meta = genlib.library("lib", 60, 5, with_index=False)
    assert meta["stored_files"] >= 60 // 6
    assert len(list((folder / "files").rglob("*.pdf"))) == meta["stored_files"]
    documents = json.loads(json.dumps(scale_child.open_check(folder)))
    assert documents["ok"] is True and not documents.get("problems")

    (folder / "files").joinpath(next(iter(sorted(p.relative_to(folder / "files")
        for p in (folder / "files").rglob("*.pdf"))))).unlink()  # fmt: skip
    missing = scale_child.open_check(folder)
    assert missing["ok_but_generated"] is True and missing["problems"] == {"missing_file": 1}

    stray = folder / "files" / "ab" / "cd" / ("abcd" + "0" * 60 + ".pdf")
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-1.4 not this library's")
    broken = scale_child.open_check(folder)
    assert broken["ok_but_generated"] is False and broken["problems"]["unknown_file"] == 1


def test_a_failed_measurement_is_kept_as_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    # a file, not a library folder: the child fails; the row gets the reason, the run goes on
    (tmp_path / "not a library").write_text("text")
    result = b_scale.child("open-check", tmp_path / "not a library")
    assert set(result) == {"error"} and result["error"].startswith("exit 1: ")
    assert "\n" not in result["error"] and len(result["error"]) < 220
    row = sweep_row(5, result) | {"case_list": result}
    line = b_scale.table({"sizes": {"5": row}}).splitlines()[2]
    assert line.startswith("| 5 |") and "FAIL" not in line and " ok" not in line


def test_benches_run_on_different_machines_say_which_ran_where(files: Path) -> None:
    other = dict(INFO, cpu="other cpu")
    cli.write_results({"search": [target("search p95", 15.0)]}, INFO)
    cli.write_results({"court": [target("court p95", 5.0)]}, other)
    text = (files / "RESULTS.md").read_text()
    assert "machines: 2 cores, test cpu, 1.0 GB, Python 3.11 (search); " in text
    assert "2 cores, other cpu, 1.0 GB, Python 3.11 (court)" in text
