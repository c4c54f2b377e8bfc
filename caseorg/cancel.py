"""Cooperative cancel for long work (imports, reindex, EOIR data): a flag any thread sets.

Its own small module because the app's operation runner hands one to every
background job from the first window on, and :mod:`caseorg.importing.pipeline` is heavy.
"""

from __future__ import annotations

import threading


class CancelToken:
    """Set from any thread; the import stops between files and keeps what finished."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
