"""Matches of the Find string on OCR pages, from their stored word boxes.

QtPdf searches a page's text layer, and a scanned page has none: its words and
their boxes come from Tesseract and are stored in the library. A match here is a
run of consecutive words (case-insensitive, punctuation trimmed from each word's
ends) read like QtPdf reads a string: a single word may be part of a longer one
(``persecut`` marks "persecuted", as the search's stems do on text pages); in a
phrase, the first word may end and the last may start a longer word, the words
between are whole.

Plain Python (no Qt): the viewer turns these into rectangles on the screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x, y, w, h in page points from the top-left
WordBox = tuple[float, float, float, float, str]
_TRIM = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum()) + "“”‘’«»¿¡…—–·•"


@dataclass(frozen=True)
class Hit:
    """One match in the viewer's list: on a text page (``model_index`` into QtPdf's
    search model) or an OCR page (``boxes``, model_index -1). ``page`` is 0-based."""

    page: int
    y: float  # points from the page's top: the order on the page, and where to scroll
    x: float
    model_index: int = -1
    boxes: tuple[Box, ...] = ()

    @property
    def on_ocr_page(self) -> bool:
        return self.model_index < 0

    def key(self) -> tuple[int, float, float]:
        """Stays the same while the list grows (QtPdf adds matches as it searches)."""
        return (self.page, round(self.y, 1), round(self.x, 1))


def normalize(word: str) -> str:
    """A word as matched: its ends' punctuation trimmed, case folded."""
    return word.strip(_TRIM).casefold()


Prepared = list[tuple[str, Box]]  # a page's words as matched, with their boxes


def prepare(words: Sequence[WordBox]) -> Prepared:
    """A page's words normalized once (when the document is opened, not at each search);
    words of punctuation alone are left out."""
    kept = [(normalize(w[4]), (w[0], w[1], w[2], w[3])) for w in words]
    return [(t, box) for t, box in kept if t]


def find_words(words: Sequence[WordBox], text: str) -> list[tuple[Box, ...]]:
    """Each match of ``text`` among one page's ``words``: the boxes of its words."""
    return find_prepared(prepare(words), text)


def find_prepared(kept: Prepared, text: str) -> list[tuple[Box, ...]]:
    """As :func:`find_words`, on a page's :func:`prepare`-d words."""
    terms = [t for t in (normalize(t) for t in text.split()) if t]
    if not terms:
        return []
    found: list[tuple[Box, ...]] = []
    n, first = len(terms), terms[0]
    i, last = 0, len(kept) - n
    while i <= last:
        word = kept[i][0]
        starts = first in word if n == 1 else word.endswith(first)
        if starts and (n == 1 or _matches([t for t, _ in kept[i : i + n]], terms)):
            found.append(tuple(box for _, box in kept[i : i + n]))
            i += n  # matches do not overlap (as in QtPdf)
        else:
            i += 1
    return found


def _matches(words: list[str], terms: list[str]) -> bool:
    """A phrase: the first word ends with its first term, the last starts with its last."""
    return (
        words[0].endswith(terms[0])
        and words[1:-1] == terms[1:-1]
        and words[-1].startswith(terms[-1])
    )


def ocr_hits(pages: Mapping[int, Prepared], text: str) -> list[Hit]:
    """The matches of ``text`` on every OCR page (``pages``: 0-based page → its
    :func:`prepare`-d words), in reading order."""
    hits = []
    for page, words in pages.items():
        for boxes in find_prepared(words, text):
            hits.append(Hit(page, boxes[0][1], boxes[0][0], -1, boxes))
    return sorted(hits, key=Hit.key)


def merge_hits(text_hits: Sequence[Hit], ocr: Sequence[Hit], ocr_pages: set[int]) -> list[Hit]:
    """One ordered list: QtPdf's matches (except on OCR pages, whose thin text layer the
    stored words replace) and the OCR matches, by page and then down the page."""
    kept = [h for h in text_hits if h.page not in ocr_pages]
    return sorted([*kept, *ocr], key=Hit.key)
