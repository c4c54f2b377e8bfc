"""Render the app's main screens to PNG files: ``python -m caseorg_ui.screenshots OUTDIR [WxH]``.

Builds the demo court in a temporary folder (settings and data folders are
temporary too, so nothing of the user's is read or changed), opens the main
window offscreen and saves: the first-run panel, the main window with a case
selected, each case tab, search results, the PDF viewer at a hit, the docket,
and the dialogs. The library is read through core functions, as the app reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caseorg.search import index_of

WIDTH, HEIGHT = 1440, 900


def _prepare_environment(scratch: Path, size: tuple[int, int]) -> None:
    """Temporary data/config folders and offscreen rendering on a screen of ``size``
    (windows are kept inside their screen), before Qt starts."""
    home = scratch / "home"  # the status bar then shows ~/… paths, as on a user's machine
    os.environ["HOME"] = str(home)
    for name, place in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        os.environ[name] = str(home / place)
    os.environ.pop("CASEORG_LIBRARY", None)
    screen = {"name": "shots", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    config = scratch / "screen.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")
    os.environ.setdefault("CASEORG_USER", "clerk")


class Shooter:
    """Saves numbered PNGs and says which were skipped (nothing to show them for)."""

    def __init__(self, outdir: Path):
        self.outdir = outdir
        self.count = 0
        self.saved: list[Path] = []
        self.skipped: list[str] = []

    def wait(self, ms: int = 60) -> None:
        from caseorg_ui.qt import QTest

        QTest.qWait(ms)

    def until(self, test: Callable[[], bool], timeout_ms: int = 60_000) -> bool:
        waited = 0
        while not test():
            if waited >= timeout_ms:
                return False
            self.wait(50)
            waited += 50
        return True

    def save(self, widget: Any, name: str) -> Path:
        self.wait(80)
        self.count += 1
        path = self.outdir / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)
        print(f"saved {path}", file=sys.stderr)
        return path

    def dialog(self, dialog: Any, name: str) -> None:
        dialog.show()
        self.wait(100)
        self.save(dialog, name)
        dialog.close()

    def skip(self, what: str) -> None:
        self.skipped.append(what)
        print(f"skipped {what}", file=sys.stderr)


def _moves_by_case(lib: Any) -> Counter[int]:
    from caseorg.records import list_reassignments

    return Counter(r.case_id for r in list_reassignments(lib))


def _case_to_show(lib: Any) -> int:
    """A case with the most to see: an in absentia warning, a reassignment, documents."""
    from caseorg.records import (
        list_cases,
        list_documents,
        list_hearings,
        notice_problem,
        notices_for,
    )

    moves = _moves_by_case(lib)
    scores: dict[int, int] = {}
    for case_id in sorted(case.id for case in list_cases(lib)):
        scores[case_id] = moves[case_id] * 3 + min(len(list_documents(lib, case_id)), 6)
    for hearing in list_hearings(lib):
        if notice_problem(hearing, notices_for(lib, hearing.id)):
            scores[hearing.case_id] = scores.get(hearing.case_id, 0) + 10
    return max(scores, key=lambda case_id: scores[case_id])


def _case_with_reassignments(lib: Any) -> int | None:
    """The case moved most often (the lowest id of those)."""
    moves = _moves_by_case(lib)
    return min(moves, key=lambda case_id: (-moves[case_id], case_id)) if moves else None


def _busiest_day(lib: Any) -> dt.date:
    """The day from today on with the most hearings (the earliest of those)."""
    from caseorg.records import list_hearings

    today = dt.date.today()
    days = Counter(h.starts_at[:10] for h in list_hearings(lib) if h.starts_at >= str(today))
    if not days:
        return today
    return dt.date.fromisoformat(min(days, key=lambda day: (-days[day], day)))


def take_screenshots(outdir: Path, size: tuple[int, int] = (WIDTH, HEIGHT)) -> list[Path]:
    """Build the demo in a temporary folder and save the screens into ``outdir``, the
    main window filling a screen of ``size`` (a 1366x768 laptop, say)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="caseorg-shots-") as tmp:
        scratch = Path(tmp)
        _prepare_environment(scratch, size)
        return _shoot(outdir, scratch, size)


def _shoot(outdir: Path, scratch: Path, size: tuple[int, int]) -> list[Path]:
    from caseorg.demo import create_demo
    from caseorg.library import default_library_path, open_library
    from caseorg_ui.qt import QApplication
    from caseorg_ui.qt_messages import install_message_handler

    install_message_handler()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("caseorg")
    shots = Shooter(outdir)

    demo_path = scratch / "home" / "Documents" / "Court library (demo)"
    print("building the demo library…", file=sys.stderr)
    with open_library(demo_path) as lib:
        create_demo(lib)

    from caseorg_ui.operations import Session
    from caseorg_ui.window import MainWindow

    # -- first run ----------------------------------------------------------------------
    empty = MainWindow(Session(default_library_path()), restore=False)  # a first start
    empty.resize(*size)
    empty.show()
    shots.save(empty, "first-run")
    empty.close()

    window = MainWindow(Session(demo_path), restore=False)
    window.resize(*size)
    window.show()
    shots.wait(200)
    window.check_after_open()
    shots.until(lambda: window.runner.idle)

    lib = window.read_lib
    case_id = _case_to_show(lib)
    window.show_case(case_id)
    shots.save(window, "main-window")
    moved = _case_with_reassignments(lib)
    for tab in ("documents", "hearings", "reassignments", "deadlines", "history"):
        empty_tab = not window.case_view.models[tab].rowCount()
        if tab == "reassignments" and empty_tab and moved is not None:
            window.show_case(moved)  # a case whose judge changed, to show the history
        window.case_view.show_tab(tab)
        shots.save(window.case_view, f"case-{tab}")
        window.show_case(case_id)
    window.case_view.show_tab("hearings")

    # -- search and the viewer at a hit ----------------------------------------------------------
    pane = window.search_pane
    window.show_search()
    pane.search_box.setText('"extreme hardship"')
    shots.until(lambda: pane.model.rowCount() > 0, 20_000)
    shots.wait(300)
    pane.results.expandAll()
    shots.save(window, "search-results")
    hit = _first_hit(window)
    if hit is None:
        shots.skip("PDF viewer (no search hit)")
    else:
        window.open_hit(*hit)
        viewer = window.pdf_window
        viewer.resize(980, 900)
        shots.wait(600)
        shots.save(viewer, "pdf-viewer-at-hit")
        viewer.close()
    window.search_dock.hide()

    # -- docket ----------------------------------------------------------------------------------
    window.docket_view.set_day(_busiest_day(lib))
    window.show_docket()
    shots.save(window, "docket")
    window.docket_dock.hide()

    # -- court features (deadlines, dashboard…) --------------------------------------------------
    dock = window.court_features.deadlines_dock
    dock.show()
    dock.raise_()
    shots.save(window, "deadlines-dock")
    dock.hide()

    # -- dialogs --------------------------------------------------------------------------------
    _dialogs(window, shots, case_id)
    window.close()
    print(
        f"{len(shots.saved)} screenshots in {outdir}"
        + (f"; skipped: {', '.join(shots.skipped)}" if shots.skipped else ""),
        file=sys.stderr,
    )
    return shots.saved


def _first_hit(window: Any) -> tuple[int, int, str] | None:
    try:
        hits = index_of(window.read_lib).search('"extreme hardship"', limit=1)
    except Exception:
        return None
    if not hits:
        return None
    page = hits[0].matching_pages[0] if hits[0].matching_pages else 1
    return hits[0].document_id, page, '"extreme hardship"'


def _dialogs(window: Any, shots: Shooter, case_id: int) -> None:
    from caseorg.importing import FileOutcome, ImportReport
    from caseorg.progress import Progress
    from caseorg.upkeep import CheckReport, Problem
    from caseorg_ui.dialogs import (
        CaseDialog,
        DeadlineDialog,
        DocumentDialog,
        DocumentsDialog,
        HearingDialog,
        JudgeDialog,
        JudgeListDialog,
        MarkDoneDialog,
        NoticeDialog,
        ReassignmentDialog,
    )
    from caseorg_ui.operations import ImportReportDialog, ProgressDialog

    lib = window.read_lib
    view = window.case_view
    hearing = next(iter(view.models["hearings"].records), None)
    document = next(iter(view.models["documents"].records), None)
    deadline = next(iter(view.models["deadlines"].records), None)
    contexts: list[tuple[type[Any], str, dict[str, Any]]] = [
        (CaseDialog, "dialog-new-case", {}),
        (CaseDialog, "dialog-edit-case", {"case_id": case_id}),
        (
            HearingDialog,
            "dialog-hearing",
            {"case_id": case_id, "hearing_id": hearing.hearing.id if hearing else None},
        ),
        (NoticeDialog, "dialog-notice", {"hearing_id": hearing.hearing.id if hearing else None}),
        (ReassignmentDialog, "dialog-reassign", {"case_id": case_id}),
        (DeadlineDialog, "dialog-deadline", {"case_id": case_id}),
        (MarkDoneDialog, "dialog-mark-done", {"deadline_id": deadline.id if deadline else None}),
        (DocumentDialog, "dialog-document", {"document_id": document.id if document else None}),
        (  # several documents at once: their type and filed date
            DocumentsDialog,
            "dialog-documents",
            {"document_ids": [d.id for d in view.models["documents"].records[:4]] or None},
        ),
        (JudgeDialog, "dialog-judge", {}),
    ]
    for cls, shot, context in contexts:
        if any(value is None for value in context.values()):
            shots.skip(f"{cls.__name__} (nothing to show it for)")
            continue
        shots.dialog(cls(lib, window, **context), shot)
    # the window's runner lets the list offer Add (nothing is added here)
    shots.dialog(JudgeListDialog(lib, window, runner=window.runner), "dialog-judges")

    progress = ProgressDialog(
        "Importing into A-201-873-645 Luis Fernando Ortega Ruiz…", True, window
    )
    progress.update_progress(
        Progress("3 of 12 files · 41 pages · Hardship_Evidence_Exhibit_4.pdf", 3, 12)
    )
    shots.dialog(progress, "dialog-progress")

    report = ImportReport(
        [
            FileOutcome("/home/clerk/lopez/Respondent_Brief.pdf", "imported", None, 1, 14),
            FileOutcome("/home/clerk/lopez/Exhibit_A_Declaration.pdf", "imported", None, 2, 3),
            FileOutcome("/home/clerk/lopez/Scanned_Birth_Certificate.pdf", "no_text", None, 3, 1),
            FileOutcome(
                "/home/clerk/lopez/Medical_Records.pdf",
                "encrypted",
                "encrypted: the password did not open it",
                4,
                0,
            ),
            FileOutcome(
                "/home/clerk/lopez/Respondent_Brief (1).pdf",
                "duplicate",
                "already in this case",
                1,
                0,
            ),
            FileOutcome(
                "/home/clerk/lopez/notes.docx",
                "rejected",
                "not a PDF (it starts with 'PK')",
                None,
                0,
            ),
        ]
    )
    shots.dialog(
        ImportReportDialog(report, "A-201-873-645 Luis Fernando Ortega Ruiz", window),
        "dialog-import-report",
    )

    check = CheckReport(
        [
            Problem("index", "2 document(s) missing from the search index"),
            Problem("unknown_file", "file with no record: files/ab/cd/abcd…pdf"),
        ]
    )
    box = window.offer_repair(check)
    shots.dialog(box, "dialog-repair")
    shots.dialog(window.about(), "dialog-about")
    shots.dialog(window.search_syntax(), "dialog-search-syntax")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    size = (WIDTH, HEIGHT)
    if len(args) == 2 and re.fullmatch(r"\d{3,5}x\d{3,5}", args[1]):
        width, height = args.pop().split("x")
        size = (int(width), int(height))
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m caseorg_ui.screenshots OUTDIR [WIDTHxHEIGHT]", file=sys.stderr)
        return 2
    take_screenshots(Path(args[0]).expanduser(), size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
