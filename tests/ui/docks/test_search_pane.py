"""The search pane: search-as-you-type off the UI thread, grouped results, filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case
from caseorg.records.documents import edit_document
from caseorg.records.judges import add_judge
from caseorg.search.follower import SearchRequest
from caseorg.search.handle import index_of
from caseorg_ui.docks.search_pane import SearchPane
from caseorg_ui.docks.search_results import (
    DocumentIdRole,
    HtmlRole,
    KindRole,
    PageRole,
    SearchResultsModel,
)

DEBOUNCE_WAIT = 400  # ms: longer than the pane's pause after typing


def _import(lib: Library, case_id: int, folder: Path, name: str, pages: list[list[str]]) -> int:
    path = folder / name
    write_text_pdf(path, pages)
    report = import_files(lib, case_id, [path])
    document_id = report.outcomes[0].document_id
    assert document_id is not None, report.outcomes
    return document_id


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two cases, three documents; built once for the module, read-only in the tests."""
    root = tmp_path_factory.mktemp("search")
    folder = root / "pdfs"
    folder.mkdir()
    with open_library(root / "library") as lib:
        add_judge(lib, "JRM", "Judge Rosa Martinez", court="San Francisco")
        ana = add_case(lib, "A-123-456-789", "Ana Lopez Garcia", judge_code="JRM")
        bo = add_case(lib, "A-222-333-444", "Bo Chen", judge_code="JRM")
        brief = _import(
            lib,
            ana.id,
            folder,
            "Respondent_Brief.pdf",
            [
                ["The respondent seeks asylum."],
                ["Removal would cause extreme hardship to her children."],
                ["Procedural history of the case."],
                ["Country conditions show hardship for returnees."],
            ],
        )
        edit_document(
            lib, brief, doc_type="brief", title="Respondent's brief", filed_on="2025-02-01"
        )
        letter = _import(
            lib,
            bo.id,
            folder,
            "Hardship_Letter.pdf",
            [["A letter describing the hardship of the family."]],
        )
        edit_document(
            lib, letter, doc_type="evidence", title="Letter from the pastor", filed_on="2024-06-15"
        )
        motion = _import(
            lib, bo.id, folder, "Motion.pdf", [["Motion to continue the asylum hearing."]]
        )
        edit_document(lib, motion, doc_type="motion", title="Motion to continue")
    return {
        "path": root / "library",
        "brief": brief,
        "letter": letter,
        "motion": motion,
        "ana": ana.a_number,
        "bo": bo.a_number,
    }


@pytest.fixture
def read_lib(library: dict[str, Any]) -> Iterator[Library]:
    with open_library(library["path"], read_only=True) as lib:
        yield lib


@pytest.fixture
def pane(qtbot: Any, read_lib: Library) -> Iterator[SearchPane]:
    widget = SearchPane(read_lib)
    qtbot.addWidget(widget)
    widget.resize(640, 700)
    widget.show()
    yield widget
    widget.shutdown()


def documents(pane: SearchPane) -> list[int]:
    model = pane.model
    return [model.index(row, 0).data(DocumentIdRole) for row in range(model.rowCount())]


def pages_of(pane: SearchPane, document_id: int) -> list[tuple[str, int]]:
    model = pane.model
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        if top.data(DocumentIdRole) == document_id:
            return [
                (model.index(r, 0, top).data(KindRole), model.index(r, 0, top).data(PageRole))
                for r in range(model.rowCount(top))
            ]
    raise AssertionError(f"document {document_id} not in the results")


def search(qtbot: Any, pane: SearchPane, text: str) -> None:
    """Type ``text`` as a user would and wait for the answer to be shown."""
    pane.search_box.clear()
    qtbot.keyClicks(pane.search_box, text)
    qtbot.waitUntil(lambda: pane._shown_request is not None or "⚠" in pane.status_label.text())


def test_typing_shows_results_grouped_by_document(
    qtbot: Any, pane: SearchPane, library: dict[str, Any]
) -> None:
    assert pane.stack.currentWidget() is pane.message  # the help, before any search
    assert "extreme hardship" in pane.search_box.placeholderText()

    search(qtbot, pane, "hardship")

    assert sorted(documents(pane)) == sorted([library["brief"], library["letter"]])
    assert pages_of(pane, library["brief"]) == [("page", 2), ("page", 4)]
    assert pages_of(pane, library["letter"]) == [("page", 1)]
    assert pane.stack.currentWidget() is pane.results
    status = pane.status_label.text()
    assert "<b>2</b> documents" in status and "<b>3</b> matching pages" in status

    brief_row = documents(pane).index(library["brief"])
    top = pane.model.index(brief_row, 0)
    header = top.data(HtmlRole)
    assert "Respondent&#x27;s brief" in header or "Respondent's brief" in header
    assert "A-123-456-789 Ana Lopez Garcia" in header
    assert "filed 02/01/2025" in header and "pages 2, 4 of 4" in header
    snippet = pane.model.index(0, 0, top).data(HtmlRole)
    assert "background-color" in snippet and ">hardship</span>" in snippet
    assert pane.results.isExpanded(top)


def test_a_bad_query_is_one_line_instead_of_results(qtbot: Any, pane: SearchPane) -> None:
    search(qtbot, pane, "hardship")
    assert pane.model.rowCount() == 2
    pane.search_box.setText('"extreme hardship')
    qtbot.waitUntil(lambda: "unbalanced quote" in pane.status_label.text())
    assert pane.model.rowCount() == 0
    assert pane.stack.currentWidget() is pane.message

    pane.search_box.setText("colour:red")
    qtbot.waitUntil(lambda: "unknown field" in pane.status_label.text())


def test_no_matches_and_clearing(qtbot: Any, pane: SearchPane) -> None:
    search(qtbot, pane, "zebra")
    assert pane.status_label.text() == "No matches"
    assert "zebra" in pane.message.text()
    pane.search_box.clear()
    assert pane.status_label.text() == ""
    assert "Search the text of every document" in pane.message.text()


def test_activating_a_page_emits_its_document_and_page(
    qtbot: Any, pane: SearchPane, library: dict[str, Any]
) -> None:
    search(qtbot, pane, "hardship")
    top = pane.model.index(documents(pane).index(library["brief"]), 0)
    page_four = pane.model.index(1, 0, top)
    assert page_four.data(PageRole) == 4

    pane.results.setFocus()
    pane.results.setCurrentIndex(page_four)
    with qtbot.waitSignal(pane.hitActivated) as blocker:
        qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    assert blocker.args == [library["brief"], 4, "hardship"]

    page_two = pane.model.index(0, 0, top)
    pane.results.scrollTo(page_two)
    where = pane.results.visualRect(page_two).center()
    with qtbot.waitSignal(pane.hitActivated) as blocker:
        qtbot.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == [library["brief"], 2, "hardship"]

    # a document row opens at its best page
    with qtbot.waitSignal(pane.hitActivated) as blocker:
        pane.results.activated.emit(top)
    assert blocker.args[0] == library["brief"] and blocker.args[1] in (2, 4)


def test_down_arrow_moves_from_the_box_into_the_results(qtbot: Any, pane: SearchPane) -> None:
    search(qtbot, pane, "hardship")
    qtbot.keyClick(pane.search_box, Qt.Key.Key_Down)
    current = pane.results.currentIndex()
    assert current.isValid() and current.data(KindRole) == "page"


def test_filters_by_case_type_and_filed_dates(
    qtbot: Any, pane: SearchPane, library: dict[str, Any]
) -> None:
    search(qtbot, pane, "hardship OR asylum")
    assert len(documents(pane)) == 3

    pane.set_case_filter("A-222-333-444")
    qtbot.waitUntil(lambda: pane._shown_request is not None and pane._shown_request.case_id)
    qtbot.waitUntil(
        lambda: sorted(documents(pane)) == sorted([library["letter"], library["motion"]])
    )
    assert "filtered" in pane.status_label.text()

    pane.type_filter.setCurrentIndex(pane.type_filter.findData("motion"))
    qtbot.waitUntil(lambda: documents(pane) == [library["motion"]])

    pane.reset_filters()
    qtbot.waitUntil(lambda: len(documents(pane)) == 3)
    assert not pane.clear_filters.isEnabled()

    pane.date_filter.setChecked(True)
    assert pane.date_row.isVisibleTo(pane)
    from PySide6.QtCore import QDate

    pane.date_from.setDate(QDate(2025, 1, 1))
    pane.date_to.setDate(QDate(2025, 12, 31))
    qtbot.waitUntil(lambda: documents(pane) == [library["brief"]])
    request = pane.request()
    assert request.query() == "(hardship OR asylum) filed:[2025-01-01 TO 2025-12-31]"

    pane.date_from.setDate(QDate(2026, 1, 1))  # after "to": said, not searched
    qtbot.waitUntil(lambda: "after" in pane.status_label.text())
    assert pane.model.rowCount() == 0

    pane.set_case_filter(None)
    assert pane.case_filter.currentIndex() == 0


def test_an_answer_to_an_older_query_is_dropped(
    qtbot: Any, pane: SearchPane, read_lib: Library
) -> None:
    search(qtbot, pane, "asylum")
    shown = documents(pane)
    stale = index_of(read_lib).search("hardship")
    pane._signals.finished.emit(pane._serial - 1, stale)  # arrives late, as from a thread
    qtbot.wait(50)
    assert documents(pane) == shown

    # typing on while a search runs: only the last text's answer is shown
    pane.search_box.setText("motion")
    pane.search_box.setText("letter")
    qtbot.waitUntil(lambda: pane._shown_request is not None)
    qtbot.waitUntil(lambda: pane._shown_request.text == "letter")
    qtbot.wait(DEBOUNCE_WAIT)
    assert pane._shown_request.text == "letter"


def test_search_runs_on_its_own_thread_and_library(
    qtbot: Any, pane: SearchPane, read_lib: Library
) -> None:
    import threading

    seen: list[int] = []
    original = pane.searcher.search

    def spy(request: SearchRequest) -> Any:
        seen.append(threading.get_ident())
        return original(request)

    pane.searcher.search = spy  # type: ignore[method-assign]
    search(qtbot, pane, "asylum")
    assert seen and threading.get_ident() not in seen
    assert pane.searcher._lib is not None and pane.searcher._lib is not read_lib
    assert pane.searcher._lib.read_only


def test_refresh_sees_new_documents_and_cases(qtbot: Any, lib: Library, tmp_path: Path) -> None:
    add_judge(lib, "JRM", "Judge Rosa Martinez")
    case = add_case(lib, "A-555-666-777", "Dana Ruiz", judge_code="JRM")
    _import(lib, case.id, tmp_path, "one.pdf", [["The first persecution claim."]])
    with open_library(lib.path, read_only=True) as read_lib:
        pane = SearchPane(read_lib)
        qtbot.addWidget(pane)
        search(qtbot, pane, "persecution")
        assert len(documents(pane)) == 1

        other = add_case(lib, "A-888-999-000", "Eli Park", judge_code="JRM")
        _import(lib, other.id, tmp_path, "two.pdf", [["A second persecution claim."]])
        assert pane.case_filter.findData(other.id) < 0
        pane._shown_request = None
        pane.refresh()
        qtbot.waitUntil(lambda: len(documents(pane)) == 2)
        pane.case_filter.showPopup()  # the list of cases is read when it is opened
        assert pane.case_filter.findData(other.id) > 0
        pane.case_filter.hidePopup()
        pane.shutdown()


def test_results_model_passes_the_model_tester(qtmodeltester: Any, read_lib: Library) -> None:
    model = SearchResultsModel()
    model.set_hits(index_of(read_lib).search("hardship OR asylum"), "hardship OR asylum")
    assert model.rowCount() == 3
    assert model.rowCount(model.index(0, 0)) > 0
    qtmodeltester.check(model)
    assert not model.index(0, 1).isValid()
    assert model.parent(model.index(0, 0)) == QModelIndex()


def test_pages_beyond_the_snippets_are_one_more_row(qtbot: Any) -> None:
    from caseorg.search.results import DocumentHit, PageHit

    hit = DocumentHit(
        document_id=7,
        case_id=1,
        a_number="123456789",
        respondent="Ana <Lopez>",
        title="Record of proceedings",
        doc_type="evidence",
        filed_on=None,
        score=1.0,
        page_count=40,
        matching_pages=list(range(1, 15)),
        pages=[PageHit(p, f"p{p} **fear**", f"p{p} <b>fear</b>") for p in range(1, 11)],
    )
    model = SearchResultsModel()
    model.set_hits([hit], "fear")
    top = model.index(0, 0)
    assert model.rowCount(top) == 11
    more = model.index(10, 0, top)
    assert more.data(KindRole) == "more" and more.data(PageRole) == 11
    assert more.data() == "Also on pages 11, 12, 13, 14"
    header = top.data(HtmlRole)
    assert "Ana &lt;Lopez&gt;" in header and "14 of 40 pages" in header and "filed" not in header
    assert model.index(0, 0, top).data() == "Page 1: p1 fear"


def test_a_date_range_with_an_open_end() -> None:
    import datetime as dt

    request = SearchRequest("fear", filed_from=dt.date(2024, 1, 1))
    assert request.query() == "(fear) filed:[2024-01-01 TO ]" and request.filtered
    assert SearchRequest("fear").query() == "fear"


def test_waits_for_an_index_being_built(qtbot: Any, tmp_path: Path) -> None:
    """A read-only library cannot build a missing index: the pane says so and asks
    again until the writer has built it, then shows the results."""
    import shutil

    path = tmp_path / "library"
    with open_library(path) as writer:
        add_judge(writer, "JRM", "Judge Rosa Martinez")
        case = add_case(writer, "A-555-666-777", "Dana Ruiz", judge_code="JRM")
        _import(writer, case.id, tmp_path, "one.pdf", [["A persecution claim."]])
    shutil.rmtree(path / "index")
    with open_library(path, read_only=True) as read_lib:
        pane = SearchPane(read_lib)
        qtbot.addWidget(pane)
        pane._retry.setInterval(50)
        pane.search_box.setText("persecution")
        qtbot.waitUntil(lambda: "being built" in pane.message.text())
        assert pane.model.rowCount() == 0
        with open_library(path) as writer:
            index_of(writer).reconcile()
        qtbot.waitUntil(lambda: len(documents(pane)) == 1)
        pane.shutdown()


def test_case_list_is_read_when_opened_and_only_after_cases_change(
    qtbot: Any, lib: Library
) -> None:
    """refresh() runs after every write: it must not re-read every case each time."""
    from caseorg.records.cases import edit_case

    add_judge(lib, "JRM", "Judge Rosa Martinez")
    first = add_case(lib, "A-555-666-777", "Dana Ruiz", judge_code="JRM")
    with open_library(lib.path, read_only=True) as read_lib:
        pane = SearchPane(read_lib)
        qtbot.addWidget(pane)
        combo = pane.case_filter
        assert combo.count() == 1  # "All cases" until someone opens the list
        combo.showPopup()
        combo.hidePopup()
        assert combo.findData(first.id) == 1

        combo.setItemText(1, "marker")  # shows whether the next opening reads it again
        pane.refresh()
        combo.showPopup()
        combo.hidePopup()
        assert combo.itemText(1) == "marker"  # nothing changed: not read again

        edit_case(lib, first.id, respondent="Dana Ruiz Soto")
        second = add_case(lib, "A-888-999-000", "Eli Park", judge_code="JRM")
        pane.refresh()
        assert combo.count() == 2  # still not read: refresh stays cheap
        pane.show()
        pane.activateWindow()
        combo.setFocus()  # keys walk the list: focusing it reads it too
        qtbot.waitUntil(combo.hasFocus)
        assert combo.itemText(1).endswith("Dana Ruiz Soto")
        assert combo.findData(second.id) == 2
        pane.shutdown()


def test_after_shutdown_nothing_searches(qtbot: Any, pane: SearchPane) -> None:
    pane.search_box.setText("asylum")  # a search waits for the pause after typing
    pane.shutdown()
    assert pane.searcher.closed and pane.searcher._lib is None
    pane.refresh()
    pane._search_now()
    qtbot.wait(DEBOUNCE_WAIT)
    assert pane.searcher.pool.activeThreadCount() == 0
    assert pane._shown_request is None and pane.model.rowCount() == 0


EXIT_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from caseorg.library.folder import open_library
from caseorg_ui.docks.search_pane import SearchPane
lib = open_library(Path(sys.argv[1]), read_only=True)
pane = SearchPane(lib)
pane.search_box.setText("asylum")
pane._search_now()  # a search running or queued as the interpreter exits
if sys.argv[2] == "window-closed":
    pane.shutdown()
    lib.close()
print("done")
"""


@pytest.mark.parametrize("how", ["left-open", "window-closed"])
def test_interpreter_exit_with_a_search_pane_is_quiet(
    library: dict[str, Any], tmp_path: Path, how: str
) -> None:
    """No 'QThreadPool already deleted' (or anything else) on stderr at exit."""
    import os
    import subprocess
    import sys

    script = tmp_path / "exit.py"
    script.write_text(EXIT_SCRIPT)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script), str(library["path"]), how],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"
    noise = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and "propagateSizeHints" not in line  # the offscreen platform's
    ]
    assert noise == []


def test_a_case_known_only_by_its_eoir_id_is_a_filter_and_names_its_hits(
    qtbot: Any, tmp_path: Path
) -> None:
    from caseorg.records.cases import add_case_row

    with open_library(tmp_path / "library") as lib:
        ana = add_case(lib, "A-123-456-789", "Ana Lopez Garcia")
        eoir = add_case_row(
            lib, None, None, {"respondent": "Respondent (EOIR 310000001)"}, "310000001"
        )
        _import(lib, ana.id, tmp_path, "a.pdf", [["Extreme hardship for Ana."]])
        eoir_doc = _import(lib, eoir, tmp_path, "b.pdf", [["Extreme hardship for the other."]])
    with open_library(tmp_path / "library", read_only=True) as read_lib:
        widget = SearchPane(read_lib)
        qtbot.addWidget(widget)
        widget.show()
        try:
            widget.case_filter.showPopup()  # fills the list of cases
            labels = [widget.case_filter.itemText(i) for i in range(widget.case_filter.count())]
            assert "EOIR 310000001  Respondent (EOIR 310000001)" in labels
            widget.case_filter.hidePopup()
            widget.set_case_filter("EOIR-310000001")
            search(qtbot, widget, "hardship")
            qtbot.waitUntil(lambda: documents(widget) == [eoir_doc])
            html = widget.model.index(0, 0).data(HtmlRole)
            assert "EOIR 310000001 Respondent (EOIR 310000001)" in html
            widget.set_case_filter(eoir)  # by id, as "search this case" does
            assert widget.case_filter.currentData() == eoir
        finally:
            widget.shutdown()


def test_many_results_open_out_a_few_documents_per_turn(
    qtbot: Any, pane: SearchPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: the documents' pages are laid out a few documents per turn of the event
    loop (25 at once stalled the window at 1,000,000 pages), yet all open out."""
    from caseorg_ui.docks import search_pane

    monkeypatch.setattr(search_pane, "EXPAND_AT_ONCE", 1)
    search(qtbot, pane, "asylum OR hardship")
    model = pane.model
    assert model.rowCount() == 3
    tops = [model.index(row, 0) for row in range(3)]
    assert pane.results.isExpanded(tops[0])
    qtbot.waitUntil(lambda: all(pane.results.isExpanded(top) for top in tops))


def test_a_rows_size_is_laid_out_again_for_another_width(qtbot: Any, pane: SearchPane) -> None:
    """The delegate keeps each row's size per text and width: the same size when asked
    again, a taller one when the pane gets narrower and the snippet wraps more."""
    search(qtbot, pane, "hardship")
    view = pane.results
    delegate = view.itemDelegate()
    snippet = pane.model.index(0, 0, pane.model.index(0, 0))
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    wide = delegate.sizeHint(option, snippet)
    assert delegate.sizeHint(option, snippet) == wide
    pane.resize(150, 700)
    view.resize(120, 600)
    narrow = delegate.sizeHint(option, snippet)
    assert narrow.height() > wide.height()
