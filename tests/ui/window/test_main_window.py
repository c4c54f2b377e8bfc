"""The main window on real libraries: first run, case list and case view, writes through
the worker, drag and drop, read-only when locked, remembered settings."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_pdf

from caseorg.importing.pipeline import import_files
from caseorg.library.folder import open_library
from caseorg.records.cases import add_case, case_by_a_number
from caseorg.records.deadlines import add_deadline
from caseorg.records.hearings import add_hearing, get_hearing
from caseorg.records.judges import add_judge
from caseorg.records.notices import add_notice, notice_problem, notices_for
from caseorg.records.reassignments import reassign
from caseorg.records.tags import add_tag
from caseorg_ui import preferences as settings
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.operations.runner import Session
from caseorg_ui.qt import (
    QApplication,
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QMessageBox,
    QMimeData,
    QPoint,
    QPointF,
    Qt,
    QUrl,
)
from caseorg_ui.views.case_bundle import HearingRow
from caseorg_ui.window.main_window import MainWindow, _windows, open_session_or_ask


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small court: three cases, hearings (one in absentia without notice), a
    deadline and an imported brief. Built once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "library"
    with open_library(path) as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez", court="Harbor City")
        add_judge(lib, "TKW", "Judge Tomas K. Wu", court="Harbor City")
        ana = add_case(
            lib, "A-123-456-789", "Ana Lopez Garcia", judge_code="JRM", nationality="Guatemala"
        )
        bo = add_case(lib, "A-987-654-321", "Bo Chen", judge_code="TKW")
        add_case(lib, "A-555-000-111", "José Álvarez")
        add_hearing(lib, ana.id, "2025-01-10 09:00", outcome="in_absentia_order")
        sound = add_hearing(lib, bo.id, "2025-02-10 09:00", outcome="in_absentia_order")
        add_notice(lib, sound.id, "2025-01-02", method="mail", address="1 Main St")
        add_deadline(lib, ana.id, "brief_due", "2030-01-15", note="closing brief")
        brief = make_pdf(path.parent / "Respondent_Brief.pdf", ["A well-founded fear of harm."])
        import_files(lib, ana.id, [brief])
    return path


@pytest.fixture
def lib_path(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(template, target)
    return target


def open_window(qtbot: Any, path: Path, read_only: bool = False) -> MainWindow:
    window = MainWindow(Session(path, read_only=read_only), restore=False)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: Any, lib_path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, lib_path)
    yield opened
    opened.close()


def select(window: MainWindow, a_number: str) -> int:
    case = case_by_a_number(window.read_lib, a_number)
    window.show_case(case.id)
    assert window.current_case_id() == case.id
    return case.id


def cell(window: MainWindow, tab: str, row: int, title: str, role: int = 0) -> Any:
    model = window.case_view.models[tab]
    column = [c.title for c in model.columns].index(title)
    return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)


def test_first_run_panel_then_new_case(qtbot: Any, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "empty")
    try:
        assert window.stack.currentWidget() is window.welcome
        assert window.welcome.new_case.isEnabled() and window.welcome.demo.isEnabled()
        assert "0 cases" in window.counts_label.text()
        window.welcome.new_case.click()
        dialog: Any = next(
            w for w in window.findChildren(QDialog) if type(w).__name__ == "CaseDialog"
        )
        dialog.a_number.setText("a123456789")
        dialog.respondent.setText("Ana Lopez")
        dialog.accept()
        qtbot.waitUntil(lambda: window.case_model.rowCount() == 1, timeout=5000)
        assert window.stack.currentWidget() is window.splitter
        qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=3000)
        assert "A-123-456-789" in window.case_view.title.text()
        assert "1 cases" in window.counts_label.text()
    finally:
        window.close()


def test_case_view_shows_tabs_and_in_absentia_warning(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.splitter
    assert window.case_model.rowCount() == 3
    case_id = select(window, "A-123-456-789")
    view = window.case_view
    assert "A-123-456-789" in view.title.text() and "Ana Lopez Garcia" in view.title.text()
    assert "Rosa Martinez (JRM)" in view.facts.text() and "Guatemala" in view.facts.text()
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles[:4] == ["Documents 1", "Hearings 1", "Reassignments", "Deadlines 1"]
    assert titles[4].startswith("History ")
    assert cell(window, "documents", 0, "Type") == "Brief (guessed)"  # read from its name
    assert cell(window, "documents", 0, "Text") == "searchable"

    hearing = window.case_view.models["hearings"].record(0)
    assert isinstance(hearing, HearingRow)
    expected = notice_problem(
        get_hearing(window.read_lib, hearing.hearing.id),
        notices_for(window.read_lib, hearing.hearing.id),
    )
    assert expected == "in absentia order with no notice of hearing on record"
    assert cell(window, "hearings", 0, "Notice") == expected
    icon = cell(window, "hearings", 0, "Notice", Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    assert view.banner.isVisibleTo(window) and expected in view.banner.text()
    assert not view.tabs.tabIcon(1).isNull()
    assert "closing brief" in cell(window, "deadlines", 0, "Note")

    # a hearing whose notice was served in time carries no warning
    select(window, "A-987-654-321")
    assert cell(window, "hearings", 0, "Notice") == "1 served"
    assert cell(window, "hearings", 0, "Notice", Qt.ItemDataRole.DecorationRole) is None
    assert not view.banner.isVisibleTo(window)
    assert case_id != window.current_case_id()


def test_filter_as_you_type(qtbot: Any, window: MainWindow) -> None:
    def typed(text: str, expect: list[str]) -> None:
        window.filter_box.clear()
        qtbot.keyClicks(window.filter_box, text)
        qtbot.waitUntil(lambda: window.case_model.filter_text == text, timeout=2000)
        rows = range(window.case_model.rowCount())
        assert [window.case_model.data(window.case_model.index(r, 0)) for r in rows] == expect

    typed("chen", ["A-987-654-321"])
    typed("123 456", ["A-123-456-789"])
    typed("A987654321", ["A-987-654-321"])
    typed("rosa", ["A-123-456-789"])  # the judge's name
    typed("TKW", ["A-987-654-321"])  # the judge's code
    typed("jose", ["A-555-000-111"])  # no accent typed
    assert window.current_case_id() is not None  # one match is shown at once
    assert window.count_label.text() == "1 of 3 cases match"
    typed("nobody", [])
    assert window.case_view.case is None
    window.filter_box.clear()
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 3, timeout=2000)


def test_reassignment_via_worker_shows_in_tabs_without_edit(qtbot: Any, window: MainWindow) -> None:
    case_id = select(window, "A-123-456-789")
    history_before = window.case_view.models["history"].rowCount()

    def op(lib: Any) -> Any:
        return reassign(lib, case_id, "TKW", reason="docket rebalancing", ordered_by="ACIJ Smith")

    changes = Change.REASSIGNMENTS | Change.CASES | Change.HEARINGS  # what the window re-reads
    handle = LibraryOp(window, op, changes).with_progress("Reassigning")
    handle.run_in_background(window.runner)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    model = window.case_view.models["reassignments"]
    assert model.rowCount() == 1
    assert cell(window, "reassignments", 0, "From") == "Rosa Martinez (JRM)"
    assert cell(window, "reassignments", 0, "To") == "Tomas K. Wu (TKW)"
    assert cell(window, "reassignments", 0, "Reason") == "docket rebalancing"
    assert "Tomas K. Wu (TKW)" in window.case_view.facts.text()
    history = window.case_view.models["history"]
    assert history.rowCount() == history_before + 2
    actions = [cell(window, "history", r, "Action") for r in range(2)]
    assert set(actions) == {"reassigned", "added"}
    changes = [cell(window, "history", r, "Changes") for r in range(2)]
    assert any("judge: " in c and "(JRM) → " in c and c.count("(TKW)") for c in changes)
    # the list's judge column follows
    row = window.case_model.row_of(case_id)
    assert row is not None
    assert window.case_model.data(window.case_model.index(row, 2)) == "Wu"  # surname
    # append-only: nothing on this tab edits an entry
    window.case_view.select_row("reassignments", 0)
    texts = [
        a.text().replace("&", "") for a in window.case_view.menu_for("reassignments").actions()
    ]
    assert texts and not any("Edit" in t or "Delete" in t for t in texts)
    assert any("Reassign" in t for t in texts)


def test_drop_pdfs_on_a_case_row_imports_into_that_case(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    select(window, "A-123-456-789")  # the drop target is another row
    folder = tmp_path / "drop"
    make_pdf(folder / "Motion_to_Continue.pdf", ["Respondent moves to continue."])
    make_pdf(folder / "sub" / "Exhibit_A.pdf", ["Declaration of the respondent."])
    loose = make_pdf(tmp_path / "Hearing_Notice.pdf", ["Notice of hearing."])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(loose))])

    bo_row = window.case_model.row_of(case_by_a_number(window.read_lib, "A-987-654-321").id)
    assert bo_row is not None
    rect = window.case_list.visualRect(window.case_model.index(bo_row, 1))
    pos = QPointF(window.case_list.viewport().mapTo(window, rect.center()))
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.import_flow.report_dialog is not None, timeout=30000)
    report = window.import_flow.report_dialog
    assert report is not None
    assert sorted(report.files("imported")) == [
        "Exhibit_A.pdf",
        "Hearing_Notice.pdf",
        "Motion_to_Continue.pdf",
    ]
    assert window.case_view.case is not None and window.case_view.case.a_number == "987654321"
    assert window.case_view.models["documents"].rowCount() == 3
    report.close()


def test_drop_of_nothing_usable_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
    window.case_list.clearSelection()
    assert window.import_dropped([Path(__file__)]) is False  # no case selected


def test_locked_library_offers_read_only_naming_the_pid(
    qtbot: Any, lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = os.getppid()  # a live process that is not us
    (lib_path / "lock").write_text(f"{holder} otherhost\n")
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(_parent: Any, _title: str, text: str, *args: Any) -> Any:
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert open_session_or_ask(None, lib_path) is None
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    session = open_session_or_ask(None, lib_path)
    assert session is not None and session.read_only
    assert all(f"pid {holder}" in text and "read-only" in text for text in asked)
    window = MainWindow(session, restore=False)
    qtbot.addWidget(window)
    try:
        assert window.windowTitle().endswith("(read-only)")
        assert "read-only" in window.index_label.text()
        select(window, "A-123-456-789")
        acts = window.actions_by_name
        assert not acts["new_case"].isEnabled() and not acts["reassign"].isEnabled()
        assert not acts["import"].isEnabled() and acts["search"].isEnabled()
    finally:
        window.close()
    assert (lib_path / "lock").read_text().startswith(str(holder))  # not ours to remove


def test_geometry_splitter_and_recent_libraries_are_remembered(
    qtbot: Any, lib_path: Path, tmp_path: Path
) -> None:
    first = open_window(qtbot, lib_path)
    first.resize(792, 560)  # within the 800x600 offscreen screen: restore clamps
    first.splitter.setSizes([410, 370])
    sizes = first.splitter.sizes()
    first.close()
    assert settings.recent_libraries()[0] == lib_path
    again = MainWindow(Session(lib_path))
    qtbot.addWidget(again)
    try:
        assert (again.width(), again.height()) == (792, 560)
        again.show()
        qtbot.waitExposed(again)
        assert abs(again.splitter.sizes()[0] - sizes[0]) <= 2
        other = again.switch_library(tmp_path / "second", create=True)
        assert other is not None and other is not again
        qtbot.addWidget(other)
        assert other.session.path == tmp_path / "second"
        assert settings.recent_libraries()[:2] == [tmp_path / "second", lib_path]
        other.recent_menu.aboutToShow.emit()
        assert [a.text() for a in other.recent_menu.actions()] == [str(lib_path)]
        other.close()
    finally:
        again.close()


def test_menus_hold_every_action_with_tooltips(window: MainWindow) -> None:
    in_menus = {
        action.text().replace("&", "")
        for menu in window.menus.values()
        for action in menu.actions()
        if not action.isSeparator()
    }
    for wanted in (
        "New Library…",
        "Open Library…",
        "Open Recent",
        "Import Files…",
        "Print Today's Docket…",
        "Export Today's Docket as PDF…",
        "Back Up…",
        "Check Library…",
        "Rebuild Search Index",
        "Quit",
        "New Case…",
        "Edit Case…",
        "Add Hearing…",
        "Add Notice…",
        "Reassign…",
        "Add Deadline…",
        "Mark Deadline Done",
        "Edit Document…",
        "Search",
        "Docket",
        "About caseorg",
        "Search Syntax",
    ):
        assert wanted in in_menus, wanted
    acts = window.actions_by_name
    assert acts["import"].shortcut().toString() == "Ctrl+O"
    assert acts["print"].shortcut().toString() == "Ctrl+P"
    assert acts["new_case"].shortcut().toString() == "Ctrl+N"
    assert acts["search"].shortcut().toString() == "Ctrl+F"
    assert all(a.toolTip() and a.toolTip() != a.text() for a in acts.values())


def test_only_the_parts_that_show_a_change_are_read_again(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(window, "A-123-456-789")
    window.show_docket()
    read: list[str] = []
    for name, target, method in (
        ("list", window.case_model, "reload"),
        ("case", window.case_view, "refresh"),
        ("docket", window.docket_view, "refresh"),
        ("counts", window, "refresh_status"),
    ):
        real = getattr(target, method)
        spy = lambda real=real, name=name, **kw: (read.append(name), real(**kw))  # noqa: E731
        monkeypatch.setattr(target, method, spy)

    window.refresh_changed(Change.TAGS)  # on the case's history tab, nowhere else here
    assert read == ["case"]
    read.clear()
    window.refresh_changed(Change.HEARINGS)
    assert read == ["list", "case", "docket"]
    read.clear()
    window.refresh_changed(Change.SAVED_SEARCHES)
    assert read == []

    # a write on the worker: the runner says what changed, the window re-reads that
    case_id = window.current_case_id()
    task = LibraryOp(window, lambda lib: add_tag(lib, "case", case_id, "urgent"), Change.TAGS)
    task.run_in_background(window.runner)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert read == ["case"]
    assert cell(window, "history", 0, "Action") == "tagged"


@pytest.mark.slow
def test_open_demo_library_builds_it_on_the_worker(qtbot: Any, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "mine")
    demo_path = tmp_path / "demo"
    window.open_demo(demo_path)
    qtbot.waitUntil(lambda: any(w.session.path == demo_path for w in _windows), timeout=120_000)
    demo = next(w for w in _windows if w.session.path == demo_path)
    qtbot.addWidget(demo)
    try:
        assert demo.case_model.rowCount() == 18  # 13 in Harbor City, 5 in Philadelphia
        assert window._closed  # the empty library's window made way
        assert not (tmp_path / "mine" / "lock").exists()
    finally:
        demo.close()
    assert QApplication.instance() is not None


def test_mark_deadline_done_through_its_dialog_and_the_worker(
    qtbot: Any, window: MainWindow
) -> None:
    select(window, "A-123-456-789")
    window.case_view.show_tab("deadlines")
    window.case_view.select_row("deadlines", 0)
    assert window.actions_by_name["mark_done"].isEnabled()
    dialog = window.mark_deadline_done()
    assert dialog is not None and dialog.isVisible()
    dialog.accept()
    qtbot.waitUntil(
        lambda: str(cell(window, "deadlines", 0, "State")).startswith("done "), timeout=5000
    )
    assert not window.actions_by_name["mark_done"].isEnabled()  # already done
    assert cell(window, "history", 0, "Record").startswith("deadline #")


def test_document_opens_in_the_viewer(qtbot: Any, window: MainWindow) -> None:
    pytest.importorskip("caseorg_ui.views.pdf_viewer")
    select(window, "A-123-456-789")
    window.case_view.select_row("documents", 0)
    window.open_selected_document()
    viewer = window.pdf_window
    assert viewer is not None
    qtbot.addWidget(viewer)
    assert viewer.isVisible() and "Respondent Brief" in viewer.windowTitle()
    assert Path(viewer.viewer.path).is_file()


def test_several_documents_edited_at_once(qtbot: Any, lib_path: Path) -> None:
    with open_library(lib_path) as lib:
        case = case_by_a_number(lib, "A-123-456-789")
        motion = make_pdf(lib_path.parent / "Motion_to_Continue.pdf", ["Please continue."])
        import_files(lib, case.id, [motion])
    window = open_window(qtbot, lib_path)
    try:
        select(window, "A-123-456-789")
        view = window.case_view
        view.show_tab("documents")
        view.tables["documents"].selectAll()
        assert len(view.selected_ids("documents")) == 2
        assert window.actions_by_name["edit_document"].isEnabled()
        dialog: Any = window.edit_document()
        assert type(dialog).__name__ == "DocumentsDialog" and dialog.isVisible()
        dialog.filed_on.set_value("2026-11-02")
        dialog.doc_type.set_value("brief")
        dialog.accept()
        qtbot.waitUntil(
            lambda: (
                [cell(window, "documents", r, "Filed") for r in (0, 1)]
                == ["11/02/2026", "11/02/2026"]
            ),
            timeout=5000,
        )
        assert [cell(window, "documents", r, "Type") for r in (0, 1)] == ["Brief", "Brief"]
        assert len(view.selected_ids("documents")) == 2  # still both selected
    finally:
        window.close()


def test_a_case_with_a_notice_problem_is_marked_in_the_list(qtbot: Any, window: MainWindow) -> None:
    model = window.case_model

    def respondent(a_number: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = model.row_of(case_by_a_number(window.read_lib, a_number).id)
        assert row is not None
        return model.data(model.index(row, 1), role)

    # Ana's in absentia order has no notice; Bo's has one served in time (the check
    # runs once the window is ready)
    qtbot.waitUntil(lambda: respondent("A-123-456-789") == "⚠ Ana Lopez Garcia", timeout=3000)
    tip = respondent("A-123-456-789", Qt.ItemDataRole.ToolTipRole)
    assert "⚠ Notice problem — hearing of 01/10/2025: In absentia order with no notice" in tip
    assert respondent("A-987-654-321") == "Bo Chen"
    assert "⚠" not in respondent("A-987-654-321", Qt.ItemDataRole.ToolTipRole)
    window.resize(1440, 900)
    window.case_list.grab().save("/tmp/caseorg-case-list-warning.png")

    # a notice recorded on the worker: the ⚠ goes
    case_id = case_by_a_number(window.read_lib, "A-123-456-789").id
    hearing = window.read_lib.db.query("SELECT id FROM hearings WHERE case_id = ?", [case_id])
    hearing_id = next(iter(hearing))["id"]
    task = LibraryOp(
        window,
        lambda lib: add_notice(lib, hearing_id, "2024-12-01", address="1 Main St"),
        Change.NOTICES,
    )
    task.run_in_background(window.runner)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert respondent("A-123-456-789") == "Ana Lopez Garcia"
