"""The page check's fast paths (issue 15) find exactly what the plain token walk finds.

The page check tokenises each page once and marks snippet words by searching for
their spellings rather than walking every token; these hold both equal to Whoosh's
own tokenizer pattern on awkward text (dots inside words, stars, runs of dots,
letters whose lower case is longer) and on random strings of those characters.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from whoosh.analysis.tokenizers import default_pattern

from caseorg.search import pagematch

AWKWARD = [
    "U.S. v. Smith, 8 U.S.C. 1182(a)(6)(C)(i); the evidence.Evidence ..evidence",
    "a.b.c evidence.. evidence*x *evidence evidenced, EVIDENCE; re-evidence",
    "Straße ΣΊΣΥΦΟΣ naïve café İstanbul evidence 2024-01-01 under_score",
    "evidence",
    "",
    "....",
]


def _texts() -> list[str]:
    rnd = random.Random(15)
    letters = "ev.id*. nce_é1Eİ"
    texts = AWKWARD + [
        "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 60))) for _ in range(3000)
    ]
    cache = Path(__file__).resolve().parents[2] / "bench" / "out" / "aao_pages.json"
    if cache.exists():
        texts += [t for pages in json.loads(cache.read_text()).values() for t in pages][:300]
    return texts


def test_the_token_pattern_finds_whooshs_tokens() -> None:
    whoosh = re.compile(default_pattern.pattern)
    for text in _texts():
        for form in (text, text.lower()):
            assert [m.span() for m in pagematch._TOKEN.finditer(form)] == [
                m.span() for m in whoosh.finditer(form)
            ], form


def test_marked_spans_are_the_tokens_with_those_stems() -> None:
    rnd = random.Random(7)
    whoosh = re.compile(default_pattern.pattern)
    checked = 0
    for text in _texts():
        found = {pagematch._stem_of(m.group().lower()) for m in whoosh.finditer(text)}
        stems = sorted(found - {""})
        for words in ({"evid"}, set(rnd.sample(stems, min(3, len(stems))))):
            expected = [
                m.span()
                for m in whoosh.finditer(text)
                if pagematch._stem_of(m.group().lower()) in words
            ]
            tokens = pagematch.tokens(text)
            assert pagematch._stem_spans(text, words) == expected, (text, words)
            assert pagematch._stem_spans(text, words, set(tokens)) == expected, (text, words)
            checked += bool(expected)
    assert checked > 1000  # most texts had something to mark


def test_page_words_from_given_tokens_equal_its_own() -> None:
    needed = {"evid", "nce", pagematch.EXACT_KEY + "evidence", pagematch.EXACT_KEY + "u.s"}
    for text in _texts():
        assert pagematch.page_words(text, needed, pagematch.tokens(text)) == pagematch.page_words(
            text, needed
        )
