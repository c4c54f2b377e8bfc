"""The first desktop window: opens on a library, lists cases, filters, searches."""

from __future__ import annotations

from pathlib import Path

from caseorg.cases import add_case
from caseorg.importer import import_files
from caseorg.judges import add_judge
from caseorg.pdfmake import write_text_pdf
from ui.app import MainWindow


def test_empty_library_shows_welcome(qtbot, lib) -> None:
    window = MainWindow(lib)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.welcome
    assert "caseorg demo" in window.welcome.toPlainText()


def test_case_list_filter_and_search(qtbot, lib, tmp_path: Path) -> None:
    add_judge(lib, "JRM", "Rosa Martinez")
    first = add_case(lib, "A-111-111-111", "Ana Lopez", judge_code="JRM")
    add_case(lib, "A-222-222-222", "Bo Chen")
    pdf = tmp_path / "brief.pdf"
    write_text_pdf(pdf, paragraphs=["A well-founded fear of persecution on account of religion."])
    import_files(lib, first.id, [pdf])

    window = MainWindow(lib)
    qtbot.addWidget(window)
    assert window.cases.rowCount() == 2
    window.filter_box.setText("Martinez")
    assert window.cases.rowCount() == 1
    assert window.cases.item(0, 0).text() == "A-111-111-111"

    window.search_box.setText('"well-founded fear"')
    window.run_search()
    text = window.results.toPlainText()
    assert "brief" in text and "page(s) 1" in text
    window.search_box.setText('"unclosed')
    window.run_search()
    assert "quote" in window.results.toPlainText()
