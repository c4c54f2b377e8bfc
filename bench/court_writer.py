"""One importer of ``python -m bench court``: ``python -m bench.court_writer URL FOLDER N``
imports FOLDER's PDFs into case N's of the court library at URL, after the go file."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(url: str, folder: Path, writer: int) -> None:
    from caseorg.importing.pipeline import import_files
    from caseorg.library import open_library
    from caseorg.records import add_case

    with open_library(url) as lib:
        case = add_case(lib, f"{writer + 1}{0:08d}", f"Bench importer {writer}")
        (folder / f"ready{writer}").touch()
        while not (folder.parent / "go").exists():
            time.sleep(0.01)
        report = import_files(lib, case.id, sorted(folder.glob("*.pdf")), workers=1)
        print(sum(o.pages for o in report.outcomes if o.pages))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
