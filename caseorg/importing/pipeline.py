"""The import pipeline: hash, dedupe, extract (workers), store + rows (one transaction), index.

Each document lands whole or not at all. The caller gets a progress callback
and may cancel; what finished before a cancel is kept (and indexed).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from caseorg.cancel import CancelToken
from caseorg.errors import DiskFull, is_disk_full
from caseorg.importing.describe import describe
from caseorg.importing.ocrstore import queue_document
from caseorg.importing.pdftext import DEFAULT_TIMEOUT, Extraction, ExtractionPool
from caseorg.library import Library, audit, now_iso, sha256_of
from caseorg.progress import Progress, ProgressCallback
from caseorg.records import DOC_TYPES, get_row, guess_doc_type, title_from_name, unique_failed
from caseorg.search import index_of
from caseorg.values import parse_choice, parse_date

# small batches: documents are indexed while the workers read the next files, not all
# at the end (profiled: a 2000-page batch left a serial tail of ~1 s on the AAO import)
INDEX_BATCH_PAGES = 150
log = logging.getLogger(__name__)
DISK_FULL_MESSAGE = "the disk is full; free some space and import the rest again"


@dataclass
class FileOutcome:
    """One line of the import report."""

    path: str
    status: str  # imported | duplicate | encrypted | no_text | rejected
    message: str | None = None
    document_id: int | None = None
    pages: int = 0


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # why the import stopped early (a full disk), if it did

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.stopped and self.count("rejected") == 0

    def summary(self) -> str:
        parts = [
            f"{self.count(s)} {s.replace('_', ' ')}"
            for s in ("imported", "duplicate", "encrypted", "no_text", "rejected")
            if self.count(s)
        ]
        text = ", ".join(parts) or "nothing to import"
        if self.stopped:
            return f"{text} — stopped: {self.stopped}"
        return text + (" (cancelled)" if self.cancelled else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "cancelled": self.cancelled,
            "stopped": self.stopped,
            "files": [asdict(o) for o in self.outcomes],
        }


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly (any extension: a non-PDF is rejected with a reason) and the
    PDFs inside named folders, recursively, in name order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
            )
        else:
            found.append(path)
    return found


@dataclass
class _Pending:
    path: Path
    sha256: str
    size: int
    replace_id: int | None = None  # an encrypted document now opened with a password


class Importer:
    """Imports files into one case. Create, then call :meth:`run`."""

    def __init__(
        self,
        lib: Library,
        case_id: int,
        *,
        doc_type: str | None = None,
        filed_on: str | None = None,
        password: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ):
        lib.require_writable()
        self.lib = lib
        self.case_id = get_row(lib.db, "cases", case_id, "case")["id"]
        self.doc_type = parse_choice(doc_type, DOC_TYPES, "document type") if doc_type else None
        self.filed_on = parse_date(filed_on, "filed date").isoformat() if filed_on else None
        self.password = password
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self.workers = workers
        self.timeout = timeout
        self.report = ImportReport()
        self._done_pages = 0
        self._total = 0
        self._to_index: list[int] = []
        self._pending_index_pages = 0

    # -- stage 1: hash and dedupe (runs as the pool asks for more work) ---------------------
    def _tasks(
        self, files: list[Path], seen: set[str]
    ) -> Iterator[tuple[_Pending, str, str | None]]:
        for path in files:
            if self.cancel.cancelled:
                return
            self._report_progress(path.name)
            outcome = self._precheck(path, seen)
            if isinstance(outcome, FileOutcome):
                self._add(outcome)
                continue
            yield outcome, str(path), self.password

    def _precheck(self, path: Path, seen: set[str]) -> _Pending | FileOutcome:
        if not path.exists():
            return FileOutcome(str(path), "rejected", "no such file")
        if not path.is_file():
            return FileOutcome(str(path), "rejected", "not a file")
        try:
            digest = sha256_of(path)
            size = path.stat().st_size
        except OSError as exc:
            return FileOutcome(str(path), "rejected", f"cannot read the file ({exc.strerror})")
        if digest in seen:
            return FileOutcome(str(path), "duplicate", "same file as another in this import")
        seen.add(digest)
        existing = list(
            self.lib.db.query(
                "SELECT id, text_status FROM documents WHERE case_id = ? AND sha256 = ?",
                [self.case_id, digest],
            )
        )
        if existing:
            row = existing[0]
            if row["text_status"] == "encrypted" and self.password:
                return _Pending(path, digest, size, replace_id=row["id"])
            return FileOutcome(str(path), "duplicate", "already in this case", row["id"])
        return _Pending(path, digest, size)

    # -- stage 3: land one document in one transaction -------------------------------------
    def _land(self, item: _Pending, result: Extraction) -> FileOutcome:
        path = item.path
        if result.detail:  # the readers' own words: for whoever reads the log
            log.info("%s: %s (%s)", path.name, result.status, result.detail)
        if result.status in ("rejected", "failed"):
            return FileOutcome(str(path), "rejected", result.error)
        store = self.lib.store
        try:
            staged = store.stage(path, item.sha256)
        except OSError as exc:
            if is_disk_full(exc):
                raise DiskFull(DISK_FULL_MESSAGE) from None
            reason = exc.strerror or str(exc)
            return FileOutcome(str(path), "rejected", f"could not store the file ({reason})")
        try:
            doc_id = self._write_rows(item, result, staged)
        except BaseException as exc:
            shared = self.lib.backend == "postgresql"  # another clerk may be committing it
            if staged and store.has(item.sha256) and not shared and not self._recorded(item.sha256):
                # published, then the commit failed: no record holds the copy (a court
                # library's shared copy stays: 'check --repair' moves it once it settles)
                with contextlib.suppress(OSError):
                    store.remove(item.sha256)
            store.discard(staged)
            if is_disk_full(exc):
                raise DiskFull(DISK_FULL_MESSAGE) from None
            if unique_failed(exc, "documents", "case_id, sha256"):
                # another import of the same file into this case committed meanwhile
                return FileOutcome(str(path), "duplicate", "already in this case")
            raise
        store.release(staged, item.sha256)  # committed: the staged name has done its job
        status = "imported" if result.status == "ok" else result.status
        if result.status == "ok":
            self._to_index.append(doc_id)
            self._pending_index_pages += result.page_count
            if self._pending_index_pages >= INDEX_BATCH_PAGES:
                self._flush_index()
        return FileOutcome(str(path), status, result.error, doc_id, result.page_count)

    def _recorded(self, sha256: str) -> bool:
        """Whether a committed document holds the stored file ``sha256``."""
        try:
            found = self.lib.db.execute(
                "SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", [sha256]
            )
            return found.fetchone() is not None
        except Exception:  # noqa: BLE001 - the database is failing: as before, no record
            return False

    def _write_rows(self, item: _Pending, result: Extraction, staged: Path | None) -> int:
        """Rows, pages and (last) audit in one transaction; the staged copy is published last,
        inside it, so a crash leaves either the whole document or none of it."""
        path = item.path
        db = self.lib.db
        with db.atomic():
            if item.replace_id is not None:
                doc_id = item.replace_id
                db.execute(
                    "UPDATE documents SET text_status = ?, error = ?, page_count = ? WHERE id = ?",
                    [result.status, result.error, result.page_count, doc_id],
                )
                db.execute("DELETE FROM pages WHERE document_id = ?", [doc_id])
                said_by_audit: tuple[str, dict[str, Any] | None, dict[str, Any]] = (
                    "unlock",
                    {"text_status": "encrypted"},
                    {"text_status": result.status},
                )
            else:
                # what the document says of itself, else its file name; the type a guess
                said = describe(result.pages[0] if result.pages else "", result.title)
                values = {
                    "case_id": self.case_id,
                    "sha256": item.sha256,
                    "title": said.title or title_from_name(path.name),
                    "doc_type": self.doc_type or said.doc_type or guess_doc_type(path.name),
                    "type_guessed": int(self.doc_type is None),
                    "filed_on": self.filed_on or said.filed_on,
                    "page_count": result.page_count,
                    "bytes": item.size,
                    "original_name": path.name,
                    "text_status": result.status,
                    "error": result.error,
                    "imported_at": now_iso(),
                }
                cursor = db.execute(
                    f"INSERT INTO documents ({', '.join(values)}) "
                    f"VALUES ({', '.join('?' * len(values))})",
                    list(values.values()),
                )
                doc_id = int(cursor.lastrowid or 0)
                said_by_audit = ("import", None, values)
            db.conn.executemany(
                "INSERT INTO pages (document_id, page_no, text) VALUES (?, ?, ?)",
                [(doc_id, n, text) for n, text in enumerate(result.pages, start=1)],
            )
            queue_document(db, doc_id, result.pages)  # pages without a text layer await OCR
            # the audit row last: on a court library sealing it holds the seal lock until
            # commit, so every other clerk's audited write waits for this one statement,
            # not for a long document's pages
            action, before, after = said_by_audit
            audit.record(db, self.lib.actor, action, "document", doc_id, before, after)
            if staged is not None:
                self.lib.store.publish(staged, item.sha256)
        return doc_id

    def _flush_index(self) -> None:
        try:
            if self._to_index:
                index_of(self.lib).index_documents(self._to_index)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            # SQLite holds the pages; the index catches up when the library next opens
            self.report.stopped = self.report.stopped or DISK_FULL_MESSAGE
        self._to_index = []
        self._pending_index_pages = 0

    def _open_index(self) -> None:
        """Open (and so reconcile) the index before any document lands: opened later, its
        reconcile indexed this import's documents and the flush did them again (profiled).
        It may replace a missing or corrupt index: safe, as an Importer's library is open
        for writing, so this process holds the write lock."""
        try:
            _ = index_of(self.lib)
        except OSError as exc:
            if not is_disk_full(exc):
                raise  # a full disk is reported when the flush meets it

    # -- driving -------------------------------------------------------------------------
    def _add(self, outcome: FileOutcome) -> None:
        self.report.outcomes.append(outcome)
        self._done_pages += outcome.pages

    def _report_progress(self, current: str) -> None:
        """Files done of total, pages so far and the file just finished."""
        if self.progress:
            done = len(self.report.outcomes)
            text = f"{done} of {self._total} files · {self._done_pages:,} pages"
            self.progress(Progress(f"{text} · {current}" if current else text, done, self._total))

    def run(self, paths: Iterable[Path | str]) -> ImportReport:
        """Import ``paths`` (files and folders); returns the per-file report."""
        files = collect_files(paths)
        self._total = len(files)
        seen: set[str] = set()
        self._open_index()
        try:
            with ExtractionPool(self.workers, timeout=self.timeout) as pool:
                results = pool.imap_unordered(
                    self._tasks(files, seen), should_stop=lambda: self.cancel.cancelled
                )
                for item, extraction in results:
                    try:
                        outcome = self._land(item, extraction)
                    except DiskFull as exc:
                        self.report.stopped = str(exc)
                        self._add(FileOutcome(str(item.path), "rejected", str(exc)))
                        break
                    self._add(outcome)
                    self._report_progress(item.path.name)
        finally:
            self._flush_index()  # what landed in SQLite is searchable, even after a cancel
        self.report.cancelled = self.cancel.cancelled
        self._report_progress("")
        return self.report


def import_files(
    lib: Library, case_id: int, paths: Iterable[Path | str], **options: Any
) -> ImportReport:
    """Import files and folders into a case; see :class:`Importer` for the options."""
    return Importer(lib, case_id, **options).run(paths)
