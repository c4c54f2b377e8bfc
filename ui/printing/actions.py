"""The app's Print… and Export PDF… commands for hearing summaries and dockets.

Each command renders the core's report HTML (caseorg.reports) and hands it to
caseorg_ui.printing.output: :func:`caseorg_ui.printing.output.print_document`
shows Qt's print preview,
:func:`caseorg_ui.printing.output.write_pdf` writes the file. A problem (no such hearing, an
unwritable folder) is one line in a message box, never a traceback. The
report is laid out on the UI thread behind a busy cursor: a summary or a
day's docket takes well under a second.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.records import get_hearing
from caseorg.reports import docket_html, hearing_summary_html, summary_title
from caseorg.values import case_label
from caseorg.words import date_span, paper_date
from caseorg_ui.printing.output import print_document, write_pdf
from caseorg_ui.qt import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QStandardPaths,
    Qt,
    QWidget,
)

EXPORT_FOLDER_KEY = "export/folder"


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a report is laid out."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _show_error(parent: QWidget | None, what: str, exc: Exception) -> None:
    """One line in a message box: the core's sentence, or the OS's reason for a file."""
    if isinstance(exc, CaseorgError):
        text = str(exc)
    elif isinstance(exc, OSError):
        text = f"{what}: {exc.strerror or exc}"
    else:
        text = f"{what}: {exc}"
    QMessageBox.warning(parent, "caseorg", " ".join(text.split()))


def _export_folder() -> Path:
    """Where the last report was saved, else the user's Documents folder."""
    from caseorg_ui.preferences import settings

    saved = settings().value(EXPORT_FOLDER_KEY, "")
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _remember_folder(folder: Path) -> None:
    from caseorg_ui.preferences import settings

    store = settings()
    store.setValue(EXPORT_FOLDER_KEY, str(folder))
    store.sync()


def _ask_path(parent: QWidget | None, caption: str, file_name: str) -> Path | None:
    """A save dialog for a PDF; None when the user cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(_export_folder() / file_name), "PDF files (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return path


def _safe_name(text: str) -> str:
    """A file-name-safe form of a respondent's name or an A-number ('Núñez' -> 'Nunez')."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-") or "report"


def _run(
    parent: QWidget | None, what: str, action: Callable[[], object], busy: bool = True
) -> tuple[bool, object | None]:
    """Run ``action`` (behind a busy cursor unless it shows a dialog); (False, None)
    after showing its error."""
    try:
        with _busy() if busy else contextlib.nullcontext():
            return True, action()
    except (CaseorgError, OSError, ValueError) as exc:
        _show_error(parent, what, exc)
        return False, None


# -- hearing summary -----------------------------------------------------------------


def _summary_title(read_lib: Library, hearing_id: int) -> tuple[str, str]:
    """The footer title and a default file name for a hearing's summary."""
    hearing = get_hearing(read_lib, hearing_id)
    a_number = case_label(hearing.a_number, hearing.eoir_case_id)
    day = hearing.starts_at[:10]
    title = summary_title(read_lib, hearing_id)
    name = f"hearing-summary-{_safe_name(a_number)}-{_safe_name(hearing.respondent or '')}-{day}"
    return title, name + ".pdf"


def _preview(parent: QWidget | None, html: str, title: str) -> bool:
    """Show the print preview of ready HTML; True when it was printed (failures shown)."""
    ok, printed = _run(
        parent,
        "could not print",
        lambda: print_document(html, parent=parent, title=title),
        busy=False,
    )
    return bool(ok and printed)


def print_hearing_summary(parent: QWidget | None, read_lib: Library, hearing_id: int) -> bool:
    """Show the print preview of a hearing's summary; True when it was printed."""

    def build() -> tuple[str, str]:
        title, _name = _summary_title(read_lib, hearing_id)
        return hearing_summary_html(read_lib, hearing_id), title

    ok, built = _run(parent, "could not prepare the hearing summary", build)
    if not ok or not isinstance(built, tuple):
        return False
    html, title = built
    return _preview(parent, html, title)


def export_hearing_summary_pdf(
    parent: QWidget | None, read_lib: Library, hearing_id: int, path: Path | None = None
) -> Path | None:
    """Write a hearing's summary to ``path`` (asked for when None); the path written,
    or None when cancelled or failed (the failure shown in a message box)."""
    ok, names = _run(
        parent,
        "could not prepare the hearing summary",
        lambda: _summary_title(read_lib, hearing_id),
    )
    if not ok or not isinstance(names, tuple):
        return None
    title, file_name = names
    if path is None:
        path = _ask_path(parent, "Export hearing summary as PDF", file_name)
        if path is None:
            return None
    target = Path(path)

    def export() -> None:
        write_pdf(hearing_summary_html(read_lib, hearing_id), target, title=title)

    ok, _ = _run(parent, f"could not write {target}", export)
    if not ok:
        return None
    _remember_folder(target.parent)
    return target


# -- docket ----------------------------------------------------------------------------


def _docket_names(day: dt.date, judge_code: str | None, until: dt.date | None) -> tuple[str, str]:
    """The footer title and a default file name for a docket."""
    span, shown = day.isoformat(), paper_date(day)
    if until is not None and until > day:
        span, shown = f"{span} to {until.isoformat()}", date_span(day, until)
    judge = f" {judge_code}" if judge_code else ""
    return f"Docket {shown}{judge}", _safe_name(f"Docket {span}{judge}").lower() + ".pdf"


def print_docket(
    parent: QWidget | None,
    read_lib: Library,
    day: dt.date,
    judge_code: str | None = None,
    until: dt.date | None = None,
) -> bool:
    """Show the print preview of ``day``'s docket (through ``until``, for a week)."""
    title, _name = _docket_names(day, judge_code, until)
    ok, html = _run(
        parent,
        "could not prepare the docket",
        lambda: docket_html(read_lib, day, until=until, judge_code=judge_code),
    )
    if not ok or not isinstance(html, str):
        return False
    return _preview(parent, html, title)


def export_docket_pdf(
    parent: QWidget | None,
    read_lib: Library,
    day: dt.date,
    judge_code: str | None = None,
    path: Path | None = None,
    until: dt.date | None = None,
) -> Path | None:
    """Write ``day``'s docket (through ``until``) to ``path`` (asked for when None)."""
    title, file_name = _docket_names(day, judge_code, until)
    if path is None:
        path = _ask_path(parent, "Export docket as PDF", file_name)
        if path is None:
            return None
    target = Path(path)

    def export() -> None:
        html = docket_html(read_lib, day, until=until, judge_code=judge_code)
        write_pdf(html, target, title=title)

    ok, _ = _run(parent, f"could not write {target}", export)
    if not ok:
        return None
    _remember_folder(target.parent)
    return target
