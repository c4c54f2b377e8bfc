"""Page text extraction with PDFium (pypdf for what PDFium refuses), in worker processes
that cannot hurt the caller.

PDFium (Chrome's reader, via pypdfium2) extracts about ten times faster than pypdf's
content-stream parser in Python (issue 15); pypdf stays for passwords and encryption
PDFium will not open, damaged files, right-to-left pages (PDFium returns them in
visual order) and as the fallback. Hostile PDFs (page-tree loops, decompression
bombs, parser bugs) are read in spawned workers with a per-file timeout and an
address-space cap. A worker that hangs is killed, one that dies is replaced; either
way its file is reported with a one-line reason and the import goes on.
"""

from __future__ import annotations

import contextlib
import logging
import mmap
import multiprocessing
import os
import re
import time
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from caseorg.importing import reasons

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048
NO_TEXT_MESSAGE = "scanned — no searchable text"


@dataclass
class Extraction:
    """What a worker learned about one file."""

    status: str  # ok | no_text | encrypted | rejected | failed
    pages: list[str] = field(default_factory=list)
    error: str | None = None  # for the clerk: what is wrong and what to do
    detail: str | None = None  # for the log: the readers' own errors
    title: str | None = None  # the PDF's own title (its metadata), if it has one

    @property
    def page_count(self) -> int:
        return len(self.pages)


def extract_file(path: str, password: str | None = None) -> Extraction:
    """Read every page's text. Runs inside a worker; never raises.

    PDFium reads first; a PDF it cannot open (a password it lacks, damage it cannot
    repair) or none of whose pages it reads is tried with pypdf before it is refused,
    and so are its right-to-left pages. The clerk gets a sentence
    (:mod:`caseorg.importing.reasons`), the log the readers' own errors (``detail``).
    """
    try:
        if os.path.getsize(path) == 0:
            return Extraction("rejected", error=reasons.EMPTY)
        with open(path, "rb") as handle:
            head = handle.read(1024)
        if b"%PDF-" not in head or reasons.other_format(head):
            return Extraction("rejected", error=reasons.not_a_pdf(head))
        if _inflates_past_limit(path):
            return Extraction("rejected", error=reasons.OVERSIZED, detail=BOMB_DETAIL)
        first = _extract_pdfium(path, password)
    except MemoryError:
        return Extraction("failed", error=reasons.TOO_LARGE)
    except Exception as exc:
        first = Extraction("rejected", detail=f"pdfium: {reasons.technical(exc)}")
    if first.status != "rejected":
        return _right_to_left_by_pypdf(first, path, password)
    try:
        second = _extract_pypdf(path, password)
    except MemoryError:
        return Extraction("failed", error=reasons.TOO_LARGE)
    except Exception as exc:  # RecursionError too: a page tree that loops
        detail = "; ".join(filter(None, [first.detail, f"pypdf: {reasons.technical(exc)}"]))
        return Extraction("rejected", error=reasons.unreadable(exc), detail=detail)
    if second.status in ("rejected", "encrypted"):
        second.detail = "; ".join(filter(None, [first.detail, second.detail]))
        return second
    second.detail = "read by pypdf: " + (first.detail or f"pdfium: {first.error}")
    return second


# pypdf refuses a stream that inflates past 75 MB (its LimitReachedError); PDFium has no
# such limit and would parse it under the worker's memory cap, so the worker checks first
INFLATE_LIMIT = 75_000_000
BOMB_DETAIL = "a stream inflates past 75 MB (a decompression bomb)"
_STREAM = re.compile(rb"stream\r?\n")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _inflates_past_limit(path: str, limit: int = INFLATE_LIMIT) -> bool:
    """Does any Flate stream (images aside: text extraction never decodes them) inflate
    past ``limit``? Inflates at most ``limit`` bytes of each; ~1 ms per MB of PDF."""
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        for found in _STREAM.finditer(buf):
            head = buf[max(0, found.start() - 1024) : found.start()]
            if b"/Image" in head[head.rfind(b"obj") + 1 :]:
                continue
            inflater, size, at, pending = zlib.decompressobj(), 0, found.end(), b""
            try:
                while size <= limit and not inflater.eof:
                    if not pending:
                        if at >= len(buf):
                            break
                        pending, at = buf[at : at + 65536], at + 65536
                    size += len(inflater.decompress(pending, 1 << 20))
                    pending = inflater.unconsumed_tail
            except zlib.error:
                continue  # not Flate (or not a stream at all)
            if size > limit:
                return True
    return False


def _right_to_left_by_pypdf(found: Extraction, path: str, password: str | None) -> Extraction:
    """PDFium gives Arabic and Hebrew in visual order (reversed words): pypdf reads those
    pages in logical order. Any trouble with pypdf keeps PDFium's text."""
    pages = [i for i, text in enumerate(found.pages) if _RIGHT_TO_LEFT.search(text)]
    if not pages:
        return found
    try:
        reader = _open_pypdf(path, password)
        if isinstance(reader, Extraction):
            return found  # PDFium opened it, pypdf cannot: PDFium's text stays
        for index in pages:
            text = (reader.pages[index].extract_text() or "").replace("\x00", "")
            if text.strip():
                found.pages[index] = text
    except MemoryError:
        raise
    except Exception as exc:
        found.detail = f"pypdf on right-to-left pages: {reasons.technical(exc)}"
    return found


def _open_pypdf(path: str, password: str | None) -> Any:
    """pypdf's reader, unlocked with the empty password or ``password``; or the
    Extraction that says why it stays locked."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    _install_cmap_cache()
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        opened = False
        for candidate in ("", password):
            if candidate is None:
                continue
            try:
                if reader.decrypt(candidate):
                    opened = True
                    break
            except DependencyError as exc:
                return Extraction(
                    "rejected",
                    error=reasons.UNSUPPORTED_ENCRYPTION,
                    detail=f"pypdf: {reasons.technical(exc)}",
                )
            except Exception:  # noqa: S112 - a bad password path in pypdf; try the next one
                continue
        if not opened:
            reason = reasons.WRONG_PASSWORD if password else reasons.NEEDS_PASSWORD
            return Extraction("encrypted", error=reason)
    return reader


def _extract_pypdf(path: str, password: str | None) -> Extraction:
    reader = _open_pypdf(path, password)
    if isinstance(reader, Extraction):
        return reader
    page_count = len(reader.pages)
    if page_count == 0:
        return Extraction("rejected", error=reasons.NO_PAGES)
    try:
        title = str(reader.metadata.title or "") if reader.metadata else ""
    except Exception:  # a broken Info dictionary: no title, the text still counts
        title = ""
    texts: list[str] = []
    failed_pages = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except MemoryError:
            raise
        except Exception as exc:
            if reasons.hostile(exc):
                raise  # a bomb on this page: the whole file is refused
            text = ""
            failed_pages += 1
        texts.append(text.replace("\x00", ""))
    return _outcome(texts, failed_pages, title)


def _outcome(texts: list[str], failed_pages: int, title: str = "") -> Extraction:
    if failed_pages == len(texts):
        return Extraction("rejected", error=reasons.NO_PAGE_READ)
    if not any(t.strip() for t in texts):
        return Extraction("no_text", pages=texts, error=NO_TEXT_MESSAGE, title=title or None)
    error = f"{failed_pages} page(s) could not be read" if failed_pages else None
    return Extraction("ok", pages=texts, error=error, title=title or None)


def _extract_pdfium(path: str, password: str | None) -> Extraction:
    """The first reader: PDFium (Chrome's), fast and repairing what pypdf cannot parse.

    Raises when it cannot open the file (a wrong or missing password included).
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(path, password=password or None)
    try:
        if len(document) == 0:
            return Extraction("rejected", error=reasons.NO_PAGES)
        texts: list[str] = []
        failed_pages = 0
        for index in range(len(document)):
            try:
                page = document[index]
                text = page.get_textpage().get_text_range()
            except MemoryError:
                raise
            except Exception:
                text, failed_pages = "", failed_pages + 1
            texts.append(_pdfium_text(text))
        try:
            title = str(document.get_metadata_dict().get("Title") or "")
        except Exception:
            title = ""
        return _outcome(texts, failed_pages, title)
    finally:
        document.close()


def _pdfium_text(text: str) -> str:
    """PDFium's page text as pypdf gives it: lines end in \\n; a word hyphenated at a
    line's end (PDFium marks it U+FFFE and joins the lines) keeps its hyphen and break."""
    return text.replace("\r\n", "\n").replace("\ufffe", "-\n").replace("\x00", "")


_CMAP_CACHE_MAX = 16  # a hostile file's huge CMaps must not pile up under RLIMIT_AS


def _install_cmap_cache() -> None:
    """Parse each distinct ToUnicode CMap once per worker, not once per font per page.

    Profiled on the AAO decisions: pypdf re-parsed the same few large CMaps for every
    document that embeds them (22% of extraction time); keyed by the CMap's bytes, the
    result is the same. Skipped if pypdf's private helpers have moved.
    """
    try:
        from pypdf import _cmap
    except ImportError:
        return
    original = getattr(_cmap, "_parse_to_unicode", None)
    prepare = getattr(_cmap, "prepare_cm", None)
    if original is None or prepare is None or getattr(original, "caseorg_cached", False):
        return
    cache: dict[bytes, tuple[dict[Any, Any], list[int]]] = {}

    def parse_to_unicode(ft: Any) -> tuple[dict[Any, Any], list[int]]:
        try:
            key = prepare(ft) if "/ToUnicode" in ft else None
        except Exception:
            key = None
        if not isinstance(key, bytes):
            return original(ft)
        found = cache.get(key)
        if found is None:
            if len(cache) >= _CMAP_CACHE_MAX:
                cache.clear()
            found = cache[key] = original(ft)
        return dict(found[0]), list(found[1])  # copies: callers may change them

    parse_to_unicode.caseorg_cached = True  # type: ignore[attr-defined]
    _cmap._parse_to_unicode = parse_to_unicode


def _failed(reason: str) -> Extraction:
    return Extraction("failed", error=reason)


def _worker_main(
    conn: Connection,
    memory_mb: int,
    job: Callable[..., Any] = extract_file,
    failed: Callable[[str], Any] = _failed,
) -> None:
    """Worker loop: receive a task's arguments, send back ``job(*arguments)``.

    The job is a module-level function (spawn pickles it by name): text extraction
    here, page OCR in :mod:`caseorg.importing.ocrengine`.
    """
    # pypdf logs repairs of damaged files; the report already says what matters
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    try:
        import resource

        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass  # no RLIMIT_AS here (Windows, macOS quirks): the timeout still guards
    with contextlib.suppress(Exception):
        # loaded now, while the parent hashes the first file (~0.3 s off each worker's start)
        if job is extract_file:
            import pypdfium2  # noqa: F401
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result = job(*task)
        except MemoryError:
            result = failed(reasons.TOO_LARGE)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(failed(reasons.TOO_LARGE))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    key: Any = None
    started: float = 0.0


class ExtractionPool:
    """A few spawned workers, each running one task (a file's text, a page's OCR) at a time.

    Use :meth:`imap_unordered`; it yields ``(key, result)`` as tasks finish; a task that
    hangs or kills its worker yields ``failed(reason)``.
    """

    def __init__(
        self,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        *,
        job: Callable[..., Any] = extract_file,
        failed: Callable[[str], Any] = _failed,
        name: str = "caseorg-pdftext",
    ):
        self.size = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.job, self.failed, self.name = job, failed, name
        self._ctx = multiprocessing.get_context("spawn")  # never fork a Qt process
        self._idle: list[_Worker] = []
        self._busy: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, self.memory_mb, self.job, self.failed),
            daemon=True,
            name=self.name,
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _kill(self, worker: _Worker) -> None:
        try:
            worker.process.kill()
            worker.process.join(5)
        finally:
            worker.conn.close()

    def imap_unordered(
        self,
        tasks: Iterable[tuple[Any, ...]],
        should_stop: Any = None,
    ) -> Iterator[tuple[Any, Any]]:
        """Run ``(key, *arguments)`` tasks (for text: ``(key, path, password)``); stop early
        when ``should_stop()``."""
        pending = iter(tasks)
        exhausted = False
        finished: list[tuple[Any, Any]] = []
        while True:
            stopping = bool(should_stop and should_stop())
            while not exhausted and not stopping and len(self._busy) < self.size:
                try:
                    key, *arguments = next(pending)
                except StopIteration:
                    exhausted = True
                    break
                worker = self._idle.pop() if self._idle else self._spawn()
                worker.key, worker.started = key, time.monotonic()
                try:
                    worker.conn.send(tuple(arguments))
                except (OSError, EOFError):
                    self._kill(worker)
                    finished.append((key, self.failed("the PDF reader could not start")))
                    continue
                self._busy.append(worker)
            # results are handed over only after every idle worker has its next file:
            # the caller stores and indexes one document while the workers read the next
            # (profiled: workers otherwise sat idle during each landing, ~15% of an import)
            yield from finished
            finished = []
            if stopping:
                for worker in self._busy:
                    self._kill(worker)
                self._busy.clear()
                return
            if not self._busy:
                if exhausted:
                    return
                continue
            ready = wait([w.conn for w in self._busy], timeout=0.1)
            now = time.monotonic()
            for worker in list(self._busy):
                if worker.conn in ready:
                    self._busy.remove(worker)
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        self._kill(worker)
                        result = self.failed(
                            "the PDF reader crashed on this file (damaged or too large?): "
                            "open it in a PDF viewer and save or print it to a new PDF"
                        )
                    else:
                        self._idle.append(worker)
                    finished.append((worker.key, result))
                elif now - worker.started > self.timeout:
                    self._busy.remove(worker)
                    self._kill(worker)
                    reason = f"reading took longer than {self.timeout:g} s; stopped"
                    finished.append((worker.key, self.failed(reason)))

    def close(self) -> None:
        for worker in self._idle:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._idle + self._busy:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.conn.close()
        self._idle.clear()
        self._busy.clear()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
