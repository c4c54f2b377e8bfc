"""One progress value for all long core work (import, reindex, EOIR data, checks).

Core functions report through a ``ProgressCallback``; the app's progress dialog and the
command line's progress bar read the same three fields, whatever the work is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Progress(NamedTuple):
    """Free text (what is being worked on) plus an optional done/total for a bar."""

    text: str = ""
    done: int | None = None
    total: int | None = None


ProgressCallback = Callable[[Progress], None]
