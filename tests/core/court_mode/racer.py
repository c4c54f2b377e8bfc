"""One of the racing writers of tests/core/court_mode/test_races.py, run as its own
process: ``python -m tests.core.court_mode.racer URL WRITER cases ROUNDS`` adds the same
A-numbers as every other racer; ``... import CASE_ID PDF`` imports the same file. Each
outcome is one line on stdout; an unexpected error is a traceback and a failed exit."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(url: str, writer: str, kind: str, *args: str) -> None:
    from caseorg.errors import InvalidValue
    from caseorg.importing.pipeline import import_files
    from caseorg.library import open_library
    from caseorg.records import add_case

    with open_library(url) as lib:
        start = Path(os.environ["WRITERS_GO"])
        start.with_name(f"ready{writer}").touch()
        while not start.exists():
            time.sleep(0.005)
        if kind == "cases":
            for k in range(int(args[0])):
                try:
                    add_case(lib, f"7{k:08d}", f"Racer {writer}", judge_code="JRM")
                    print(f"won {k}")
                except InvalidValue as exc:
                    print(f"lost {k}: {exc}")
        else:
            report = import_files(lib, int(args[0]), [Path(args[1])], workers=1)
            for outcome in report.outcomes:
                print(f"{outcome.status}: {outcome.message or ''}")


if __name__ == "__main__":
    main(*sys.argv[1:])
