"""The OCR queue: pages awaiting OCR, read in parallel in isolated workers, stored one by one.

Each finished page is written in its own short transaction, so a kill loses only the
pages in flight and the next run continues with what still awaits (a finished page is
never read again). A cancel stops between pages (the pages in flight are dropped and
stay awaiting). Documents are reindexed as their pages land, in small batches.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from caseorg.cancel import CancelToken
from caseorg.errors import CaseorgError
from caseorg.importing import ocrstore
from caseorg.importing.ocrengine import (
    DEFAULT_DPI,
    DEFAULT_LANG,
    DEFAULT_PAGE_TIMEOUT,
    PageOcr,
    failed_page,
    find_tesseract,
    install_hint,
    language_hint,
    missing_languages,
    ocr_page,
)
from caseorg.importing.pdftext import DEFAULT_MEMORY_MB, ExtractionPool
from caseorg.library import Library
from caseorg.progress import Progress, ProgressCallback
from caseorg.search import index_of

INDEX_EVERY_PAGES = 20  # reindex the documents touched after this many pages (and at the end)


OCR_QUEUE_LOCK = 0x6361_7365_6F63_72  # the court library's OCR queue ('caseocr')


class OcrBusy(CaseorgError):
    """Another process runs a court library's OCR queue (one line)."""


class OcrUnavailable(CaseorgError):
    """Tesseract or a language pack is missing; the message says what to install."""


def check_engine(lang: str = DEFAULT_LANG) -> str:
    """The tesseract executable, or OcrUnavailable with the one line to show."""
    tesseract = find_tesseract()
    if tesseract is None:
        raise OcrUnavailable(install_hint())
    missing = missing_languages(tesseract, lang)
    if missing:
        raise OcrUnavailable(language_hint(missing))
    return tesseract


@dataclass
class OcrReport:
    """What a run did: pages read, failed (with reasons), still awaiting, and its speed."""

    done: int = 0
    failed: int = 0
    remaining: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return (self.done + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def then(self, turn: OcrReport) -> None:
        """Add the next turn of the same run (the app reads a long queue in turns)."""
        self.done += turn.done
        self.failed += turn.failed
        self.seconds += turn.seconds
        self.failures += turn.failures
        self.remaining = turn.remaining
        self.cancelled = turn.cancelled

    def summary(self) -> str:
        text = f"{self.done} page(s) read"
        if self.failed:
            text += f", {self.failed} failed"
        if self.remaining:
            text += f", {self.remaining} still await OCR"
        text += f" ({self.pages_per_second:.2f} pages/s)"
        return text + (" (cancelled)" if self.cancelled else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "done": self.done,
            "failed": self.failed,
            "remaining": self.remaining,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 2),
            "pages_per_second": round(self.pages_per_second, 3),
            "failures": self.failures,
        }


def progress_text(done: int, total: int, seconds: float) -> Progress:
    """'OCR 12 of 40 pages · 1.6 pages/s · 18 s left' with the bar's done/total."""
    text = f"OCR {done} of {total} pages"
    if done and seconds > 0:
        rate = done / seconds
        left = (total - done) / rate
        when = f"{left:.0f} s" if left < 90 else f"{left / 60:.0f} min"
        text += f" · {rate:.1f} pages/s · {when} left"
    return Progress(text, done, total)


class OcrQueue:
    """Runs the pages awaiting OCR in some documents (None: the whole library)."""

    def __init__(
        self,
        lib: Library,
        document_ids: Iterable[int] | None = None,
        *,
        lang: str = DEFAULT_LANG,
        dpi: int = DEFAULT_DPI,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        workers: int | None = None,
        page_timeout: float = DEFAULT_PAGE_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        turn_seconds: float | None = None,
    ):
        """``turn_seconds``: stop handing out pages after this long (the pages in flight land);
        the app reads a long queue in such turns, so other writes wait seconds, not hours."""
        lib.require_writable()
        self.lib = lib
        self.document_ids = None if document_ids is None else sorted(set(document_ids))
        self.lang, self.dpi = lang, dpi
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self.workers = workers
        self.page_timeout = page_timeout
        self.memory_mb = memory_mb
        self.turn_seconds = turn_seconds
        self._deadline: float | None = None
        self.report = OcrReport()
        self._touched: set[int] = set()
        self._since_index = 0

    def _tasks(
        self, tesseract: str, pages: list[tuple[int, int, str]]
    ) -> Iterator[tuple[Any, ...]]:
        store = self.lib.store
        for handed, (document_id, page_no, sha256) in enumerate(pages):
            if self.cancel.cancelled:
                return
            if handed and self._deadline is not None and time.monotonic() > self._deadline:
                return  # this turn is over (it read a page at least): the rest wait
            path = str(store.path_for(sha256))
            yield (
                (document_id, page_no),
                path,
                page_no - 1,
                tesseract,
                self.lang,
                self.dpi,
                self.page_timeout,
            )

    def _index(self) -> None:
        """Reindex the documents whose pages landed (their OCR pages become searchable)."""
        ids = sorted(self._touched | set(ocrstore.unindexed_documents(self.lib.db)))
        if ids:
            index_of(self.lib).index_documents(ids)
            ocrstore.mark_indexed(self.lib.db, ids)
        self._touched.clear()
        self._since_index = 0

    def _land(self, key: tuple[int, int], result: PageOcr) -> None:
        document_id, page_no = key
        ocrstore.save_page(self.lib.db, document_id, page_no, result, self.lang)
        if result.state == "done":
            self.report.done += 1
            self._touched.add(document_id)
            self._since_index += 1
        else:
            self.report.failed += 1
            self.report.failures.append(
                {"document_id": document_id, "page": page_no, "reason": result.reason}
            )

    def run(self) -> OcrReport:
        tesseract = check_engine(self.lang)
        pages = ocrstore.awaiting_pages(self.lib.db, self.document_ids)
        total = len(pages)
        started = time.monotonic()
        if self.turn_seconds is not None:
            self._deadline = started + self.turn_seconds
        # pages done before a kill but not yet indexed: index them first
        if ocrstore.unindexed_documents(self.lib.db):
            self._index()
        if self.progress:
            self.progress(progress_text(0, total, 0.0))
        # the worker's own timeout: orientation may read a page three times
        timeout = self.page_timeout * 3 + 30
        try:
            with ExtractionPool(
                self.workers,
                timeout=timeout,
                memory_mb=self.memory_mb,
                job=ocr_page,
                failed=failed_page,
                name="caseorg-ocr",
            ) as pool:
                results = pool.imap_unordered(
                    self._tasks(tesseract, pages), should_stop=lambda: self.cancel.cancelled
                )
                for key, result in results:
                    self._land(key, result)
                    if self._since_index >= INDEX_EVERY_PAGES:
                        self._index()
                    if self.progress:
                        done = self.report.done + self.report.failed
                        self.progress(progress_text(done, total, time.monotonic() - started))
        finally:
            self._index()
            self.report.seconds = time.monotonic() - started
        self.report.cancelled = self.cancel.cancelled
        self.report.remaining = len(ocrstore.awaiting_pages(self.lib.db, self.document_ids))
        return self.report


def run_ocr(
    lib: Library,
    document_ids: Iterable[int] | None = None,
    *,
    force: bool = False,
    force_every_page: bool = False,
    **options: Any,
) -> OcrReport:
    """OCR the pages awaiting it in ``document_ids`` (None: the whole library).

    ``force`` first queues failed pages and pages whose text layer is garbage again;
    ``force_every_page`` every page of these documents. See :class:`OcrQueue`.
    """
    with one_queue(lib):
        if force or force_every_page:
            check_engine(options.get("lang", DEFAULT_LANG))  # nothing queued if it cannot run
            ids = None if document_ids is None else list(document_ids)
            ocrstore.requeue(lib.db, ids, every_page=force_every_page)
            document_ids = ids
        return OcrQueue(lib, document_ids, **options).run()


@contextmanager
def one_queue(lib: Library) -> Iterator[None]:
    """One OCR queue at a time on a court library: several clerks' apps and commands
    write to it at once, and two queues would read the same pages twice. A folder
    library has one writer already (its lock). The server's advisory lock is let go
    when the queue ends, or when its process dies (resumable: the next run continues)."""
    if lib.backend != "postgresql":
        yield
        return
    raw = cast(Any, lib.db).raw  # (a PgDatabase: the server's own words, untranslated)
    if not raw.execute("SELECT pg_try_advisory_lock(%s)", [OCR_QUEUE_LOCK]).fetchone()[0]:
        raise OcrBusy(
            "another caseorg is reading this court library's scanned pages (OCR) now; "
            "it reads these too — try again when it has finished"
        )
    try:
        yield
    finally:
        if not raw.closed:
            raw.execute("SELECT pg_advisory_unlock(%s)", [OCR_QUEUE_LOCK])
