"""Find in the shown PDF: the search's terms in the Find box, the match marked on the
page the search result named, and next/previous through the matches.

A part of :class:`caseorg_ui.views.pdf_viewer.PdfViewer` (a mixin: one widget, with
its finding kept apart from its pages, zoom and files). QtPdf searches one string at
a time: the first term of the query is searched; when it matches nothing, the next
(its single words) is tried.

Scanned pages have no text layer for QtPdf to search: their matches come from the
stored OCR word boxes (:mod:`caseorg_ui.views.ocr_hits`) and are drawn by the view
(:mod:`caseorg_ui.views.ocr_marks`). Both kinds make one list of hits, in page order,
which the hits label, F3/Shift+F3 and the page shown follow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from caseorg_ui.qt import (
    QAction,
    QComboBox,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPdfSearchModel,
    QPointF,
    QStyle,
    QTimer,
)
from caseorg_ui.views.ocr_hits import Hit, Prepared, WordBox, merge_hits, ocr_hits, prepare
from caseorg_ui.views.ocr_marks import MarkedPdfView, page_rects

_MODEL_HAS_STATUS = hasattr(QPdfSearchModel, "statusChanged")  # Qt 6.12 and later
SEARCH_SETTLE_MS = 400
FIND_DELAY_MS = 300  # pause after typing in the Find box before searching the PDF


class PdfFind:
    """The Find box, the hit actions and the marked match of a :class:`PdfViewer`."""

    # made by PdfViewer before _build_find runs
    view: MarkedPdfView
    search_model: QPdfSearchModel
    navigator: Any  # QPdfPageNavigator
    _target_page: int
    _pick_first_hit: bool
    _unshown_hit: bool
    _action: Callable[..., QAction]
    current_page: Callable[[], int]
    _update_page_box: Callable[[], None]

    def _build_find(self) -> None:
        """The Find box, previous/next match and the hits label, wired to the model."""
        self._ocr_pages: dict[int, Prepared] = {}  # 0-based page → its OCR words
        self._ocr_found: list[Hit] = []
        self._text_found: list[Hit] = []  # QtPdf's matches read so far
        self._hits: list[Hit] = []
        self._current = -1
        self.find_box = QComboBox()
        self.find_box.setEditable(True)
        self.find_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.find_box.setMinimumContentsLength(14)
        self.find_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.find_box.setToolTip("Marked in the document (pick another search word here)")
        edit = self.find_box.lineEdit()
        assert edit is not None  # an editable combo box has one
        self.find_edit: QLineEdit = edit
        self.find_edit.setPlaceholderText("Find in document")
        self.find_edit.setClearButtonEnabled(True)
        self.find_box.setAccessibleName("Find in document")
        self._find_timer = QTimer(self, singleShot=True, interval=FIND_DELAY_MS)
        self._find_timer.timeout.connect(self._find_typed)
        self.find_box.editTextChanged.connect(lambda _text: self._find_timer.start())
        self.find_box.activated.connect(lambda _index: self._find_typed())
        self.find_edit.returnPressed.connect(self._find_return)

        self.previous_hit_action = self._action(
            "Previous match (Shift+F3)",
            self.previous_hit,
            "go-previous",
            QStyle.StandardPixmap.SP_ArrowLeft,
        )
        self.previous_hit_action.setShortcut(QKeySequence("Shift+F3"))
        self.next_hit_action = self._action(
            "Next match (F3)", self.next_hit, "go-next", QStyle.StandardPixmap.SP_ArrowRight
        )
        self.next_hit_action.setShortcut(QKeySequence("F3"))
        self.hits_label = QLabel()
        self.hits_label.setMinimumWidth(72)
        self.search_model.countChanged.connect(self._hits_changed)
        self.search_model.searchStringChanged.connect(self._rebuild_hits)
        if _MODEL_HAS_STATUS:
            self.search_model.statusChanged.connect(self._hits_changed)
        else:
            # Qt < 6.12 has no search status: the search counts as finished once its
            # count has not grown for a moment
            self._search_settle = QTimer(self, singleShot=True, interval=SEARCH_SETTLE_MS)
            self._search_settle.timeout.connect(self._hits_changed)
            self.search_model.countChanged.connect(self._search_settle.start)
            self.search_model.searchStringChanged.connect(self._search_settle.start)
        self.view.currentSearchResultIndexChanged.connect(lambda _i: self._update_hits_label())

    def set_ocr_words(self, pages: Mapping[int, Sequence[WordBox]] | None) -> None:
        """The shown document's OCR pages' word boxes (1-based page → words), read once
        when it is opened; their matches join the text layer's."""
        self._ocr_pages = {int(n) - 1: prepare(words) for n, words in (pages or {}).items()}

    def _search(self, text: str) -> None:
        """Search the text layer (QtPdf, in the background) and the OCR pages (here)."""
        self._current = -1
        self._ocr_found = ocr_hits(self._ocr_pages, text) if text else []
        marks: dict[int, list[Any]] = {}
        for hit in self._ocr_found:
            marks.setdefault(hit.page, []).extend(hit.boxes)
        self.view.set_ocr_marks(marks)
        self.view.set_current_ocr_hit(-1, None)
        self.view.setCurrentSearchResultIndex(-1)
        self.search_model.setSearchString(text)
        if text and not _MODEL_HAS_STATUS:  # searching, also when the string is the same
            self._search_settle.start()
        self._rebuild_hits()

    def _rebuild_hits(self, *_args: object) -> None:
        """The one ordered list of hits, the current one kept (QtPdf adds its matches
        a page at a time, at the end: only the new ones are read)."""
        current = self._hits[self._current].key() if 0 <= self._current < len(self._hits) else None
        count = int(self.search_model.count()) if self.search_string() else 0
        known = self._text_found
        if known and (count < len(known) or self._text_hit(len(known) - 1) != known[-1]):
            known.clear()  # a new search, or the same one on another document
        known.extend(self._text_hit(i) for i in range(len(known), count))
        self._hits = merge_hits(known, self._ocr_found, set(self._ocr_pages))
        keys = [hit.key() for hit in self._hits]
        self._current = keys.index(current) if current in keys else -1

    def _text_hit(self, index: int) -> Hit:
        result = self.search_model.resultAtIndex(index)
        where = result.location()
        return Hit(int(result.page()), float(where.y()), float(where.x()), index)

    def _set_current(self, index: int) -> None:
        """Mark hit ``index`` (-1: none): QtPdf frames a text page's, the view an OCR page's."""
        self._current = index
        hit = self._hits[index] if 0 <= index < len(self._hits) else None
        if hit is not None and hit.on_ocr_page:
            self.view.setCurrentSearchResultIndex(-1)
            self.view.set_current_ocr_hit(hit.page, hit.boxes)
        else:
            self.view.set_current_ocr_hit(-1, None)
            self.view.setCurrentSearchResultIndex(hit.model_index if hit else -1)
        self._update_hits_label()

    def current_hit_info(self) -> Hit | None:
        """The marked hit (its page, and its boxes on an OCR page), None when none is."""
        return self._hits[self._current] if 0 <= self._current < len(self._hits) else None

    def _set_terms(self, terms: list[str]) -> None:
        self.find_box.blockSignals(True)
        self.find_box.clear()
        self.find_box.addItems(terms)
        self.find_box.setCurrentIndex(0 if terms else -1)
        self.find_box.setEditText(terms[0] if terms else "")
        self.find_box.blockSignals(False)
        self._find_timer.stop()
        self._pick_first_hit = bool(terms)
        self._unshown_hit = False
        self._search(terms[0] if terms else "")
        self._hits_changed()

    def search_string(self) -> str:
        return str(self.search_model.searchString())

    def _find_typed(self) -> None:
        self._find_timer.stop()
        text = self.find_box.currentText().strip()
        if text == self.search_string():
            return
        self._target_page = self.current_page() - 1
        self._pick_first_hit = bool(text)
        self._unshown_hit = False
        self._search(text)
        self._hits_changed()

    def _find_return(self) -> None:
        if self.find_box.currentText().strip() != self.search_string():
            self._find_typed()
        else:
            self.next_hit()

    def _searching(self) -> bool:
        if _MODEL_HAS_STATUS:
            return bool(self.search_model.status() == QPdfSearchModel.Status.Searching)
        return bool(self._search_settle.isActive())

    def hit_count(self) -> int:
        """Matches in the text layer and on the OCR pages (so far, while searching)."""
        return len(self._hits)

    def current_hit(self) -> int:
        """The marked match's index (0-based) in the list of hits, -1 when none is."""
        return self._current

    def _hit_page(self, index: int) -> int:
        return self._hits[index].page

    def _next_term(self) -> bool:
        """The search's words typed together matched nothing here: mark the next of
        its terms instead (its single words). False when there is none to try."""
        index = self.find_box.currentIndex()
        if not 0 <= index < self.find_box.count() - 1:
            return False
        if self.find_box.currentText().strip() != self.search_string():
            return False  # the user typed something else: theirs stays
        self.find_box.blockSignals(True)
        self.find_box.setCurrentIndex(index + 1)
        self.find_box.blockSignals(False)
        self._search(self.find_box.itemText(index + 1))
        self._hits_changed()
        return True

    def _hits_changed(self, *_args: object) -> None:
        self._rebuild_hits()
        waiting = self._pick_first_hit and not self.hit_count() and not self._searching()
        if waiting and self._next_term():
            return
        if self._pick_first_hit and self.hit_count():
            # the first match on the page the search result named: marked, not jumped to
            on_target = [
                i for i in range(self.hit_count()) if self._hit_page(i) == self._target_page
            ]
            finished = not self._searching()
            if on_target:
                self._set_current(on_target[0])
                self._pick_first_hit = False
                self._unshown_hit = True
                if self.current_page() - 1 == self._target_page:  # the user has not moved
                    self._show_hit(on_target[0])
                    self._unshown_hit = False
            elif finished:  # none on that page: mark the next one, F3 goes there
                after = [
                    i for i in range(self.hit_count()) if self._hit_page(i) >= self._target_page
                ]
                self._set_current(after[0] if after else 0)
                self._pick_first_hit = False
                self._unshown_hit = True
        self._update_hits_label()

    def _step_hit(self, step: int) -> None:
        count = self.hit_count()
        if not count:
            return
        current = -1 if self._unshown_hit else self.current_hit()
        self._unshown_hit = False
        if current < 0:  # from the page shown: the first match at or after it (or before)
            page = self.current_page() - 1
            pages = [self._hit_page(i) for i in range(count)]
            if step > 0:
                target = next((i for i, p in enumerate(pages) if p >= page), 0)
            else:
                target = next((i for i in reversed(range(count)) if pages[i] <= page), count - 1)
        else:
            target = (current + step) % count
        self._pick_first_hit = False
        self._set_current(target)
        self._show_hit(target)
        self._update_hits_label()

    def _show_hit(self, index: int) -> None:
        """Scroll so match ``index`` is in view, a little below the top edge.

        QPdfView's jump goes to the top of a page whatever the location (and nowhere
        when the page is already the current one), so the scroll position is set here
        from where the page is now: its top at the top edge, then down by the match's
        height on it.
        """
        hit = self._hits[index]
        self.navigator.jump(hit.page, QPointF(), self.navigator.currentZoom())
        rect = page_rects(self.view).get(hit.page)
        document = self.view.document()
        if rect is not None and document is not None:
            points = document.pagePointSize(hit.page)
            below_top = int(hit.y * rect.height() / max(1.0, points.height()))
            down = max(0, below_top - self.view.viewport().height() // 4)
            bar = self.view.verticalScrollBar()
            bar.setValue(max(0, min(bar.maximum(), bar.value() + rect.top() + down)))
        self._update_page_box()

    def next_hit(self) -> None:
        self._step_hit(1)

    def previous_hit(self) -> None:
        self._step_hit(-1)

    def _update_hits_label(self) -> None:
        count = self.hit_count()
        searching = self._searching()
        if not self.search_string():
            text = ""
        elif count == 0:
            text = "Searching…" if searching else "No matches"
        elif self.current_hit() >= 0:
            text = f"{self.current_hit() + 1} of {count}{'+' if searching else ''}"
        else:
            text = f"{count}{'+' if searching else ''} match{'es' if count != 1 else ''}"
        self.hits_label.setText(text)
        self.previous_hit_action.setEnabled(count > 0)
        self.next_hit_action.setEnabled(count > 0)
