"""``python -m bench.reindex_child LIBRARY``: rebuild its index, print seconds and pages.

Run as a child so the parent can sample this process tree's peak memory.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    from caseorg.library import open_library
    from caseorg.search import SearchIndex

    folder = Path(sys.argv[1])
    with open_library(folder) as lib:
        started = time.perf_counter()
        index = SearchIndex(lib)  # not lib.index: that would reconcile first
        try:
            pages = index.rebuild()
        finally:
            index.close()
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": round(seconds, 2), "pages": pages,
                      "pages_per_s": round(pages / seconds, 1)}))  # fmt: skip


if __name__ == "__main__":
    main()
