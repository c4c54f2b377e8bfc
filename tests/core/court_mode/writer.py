"""One of the many writers of tests/core/court_mode/test_many_writers.py, run as its own
process: ``python -m tests.core.court_mode.writer URL WRITER COUNT SHARED_CASE``."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(url: str, writer: int, count: int, shared_case: int) -> None:
    from caseorg.library import open_library
    from caseorg.records import add_case, add_hearing, add_hearing_rows, add_note, add_tag, reassign

    with open_library(url) as lib:
        start = Path(os.environ["WRITERS_GO"])  # all writers begin together
        start.with_name(f"ready{writer}").touch()
        while not start.exists():
            time.sleep(0.01)
        for k in range(count):
            a_number = f"{writer + 1}{k:08d}"
            case = add_case(lib, a_number, f"Writer {writer} case {k}", judge_code="JRM")
            add_hearing(lib, case.id, f"2027-0{1 + k % 9}-1{writer} 09:00")
            add_hearing_rows(
                lib,
                case.id,
                [{"starts_at": f"2027-10-1{writer} 1{h}:00", "kind": "master"} for h in range(2)],
            )
            if k % 2:
                reassign(lib, case.id, "TKW", "caseload")
            # everyone writes to the same case at once
            add_hearing(lib, shared_case, f"2028-0{1 + writer}-{10 + k} 09:00")
            add_tag(lib, "case", shared_case, f"w{writer}-{k}")
            add_note(lib, "case", shared_case, f"note {writer}/{k}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
