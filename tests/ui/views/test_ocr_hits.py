"""Matching the Find string against an OCR page's stored words (no Qt, no Tesseract)."""

from __future__ import annotations

from caseorg_ui.views.ocr_hits import Hit, find_words, merge_hits, ocr_hits, prepare

WORDS = [
    (10.0, 20.0, 30.0, 10.0, "The"),
    (45.0, 20.0, 60.0, 10.0, "Applicant,"),
    (110.0, 20.0, 20.0, 10.0, "a"),
    (135.0, 20.0, 40.0, 10.0, "“Native"),
    (180.0, 20.0, 20.0, 10.0, "and"),
    (205.0, 20.0, 50.0, 10.0, "citizen"),
    (10.0, 40.0, 15.0, 10.0, "—"),
    (30.0, 40.0, 50.0, 10.0, "persecuted."),
    (90.0, 40.0, 60.0, 10.0, "applicants"),
]


def test_a_phrase_is_consecutive_words_case_and_punctuation_aside() -> None:
    assert find_words(WORDS, "native AND citizen") == [tuple(w[:4] for w in WORDS[3:6])]
    assert find_words(WORDS, '"applicant, a native"') == [tuple(w[:4] for w in WORDS[1:4])]
    assert find_words(WORDS, "citizen native") == []
    assert find_words(WORDS, "   ") == []
    assert find_words(WORDS, "citizen persecuted") == [(WORDS[5][:4], WORDS[7][:4])]  # — skipped


def test_a_single_word_matches_inside_longer_words_like_qtpdf() -> None:
    assert [b[0][0] for b in find_words(WORDS, "persecut")] == [30.0]  # a stem
    assert [b[0][0] for b in find_words(WORDS, "applicant")] == [45.0, 90.0]


def test_hits_come_in_page_order_and_ocr_pages_replace_their_text_layer() -> None:
    ocr = ocr_hits({3: prepare(WORDS), 1: prepare(WORDS)}, "applicant")
    assert [(h.page, h.x) for h in ocr] == [(1, 45.0), (1, 90.0), (3, 45.0), (3, 90.0)]
    text = [Hit(0, 100.0, 5.0, 0), Hit(3, 1.0, 1.0, 1), Hit(2, 50.0, 5.0, 2)]
    merged = merge_hits(text, ocr, {1, 3})
    assert [(h.page, h.model_index) for h in merged] == [
        (0, 0),
        (1, -1),
        (1, -1),
        (2, 2),
        (3, -1),
        (3, -1),
    ]
