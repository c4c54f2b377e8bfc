"""Search means what it says (issue 18): -word and +word, exact phrases that lose
nothing, marks on the phrase itself, type: labels, filed: years and open ranges, NOT
over whole documents."""

from __future__ import annotations

import re

import pytest

from caseorg.errors import BadQuery
from caseorg.library.folder import Library
from caseorg.search.handle import index_of
from core.search.aao_corpus import _docs, _grep, _pages

pytestmark = pytest.mark.corpus

# phrases whose stemmed, stop-word-free form also matches other wordings in the corpus
PHRASES = [
    "the director denied",
    "labor certification",
    "extreme hardship",
    "preponderance of the evidence",
    "in the united states",
    "on the basis of",
]


def _phrase_pattern(phrase: str) -> str:
    """The words in order, anything not a word between them (as the tokenizer splits)."""
    return r"(?<![\w.])" + r"\W+".join(re.escape(w) for w in phrase.split()) + r"(?![\w])"


def test_minus_excludes_and_plus_requires(aao: Library) -> None:
    with_not = _pages(aao, "hardship NOT asylum")
    assert with_not and with_not != _pages(aao, "hardship")
    assert _pages(aao, "hardship -asylum") == with_not
    assert _pages(aao, "-asylum hardship") == with_not
    assert _pages(aao, "hardship +asylum") == _pages(aao, "hardship asylum")
    assert _pages(aao, '+hardship -"extreme hardship"') == _pages(
        aao, 'hardship NOT "extreme hardship"'
    )
    # a hyphen inside a word is not a minus
    assert _pages(aao, "in-absentia") == _pages(aao, "in-absentia")


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_phrase_finds_exactly_the_pages_with_those_words_in_order(
    aao: Library, phrase: str
) -> None:
    expected = _grep(aao, _phrase_pattern(phrase))
    assert expected, phrase
    assert _pages(aao, f'"{phrase}"') == expected
    assert _pages(aao, f'"{phrase.upper()}"') == expected  # case does not matter


def test_stemming_and_stop_words_stay_outside_quotes(aao: Library) -> None:
    # 'the' is part of the phrase, 'denied' is not 'deny'
    assert _docs(aao, '"director denied"') > _docs(aao, '"the director denied"')
    # a phrase of stop words only is still a phrase
    assert _pages(aao, '"to be"') == _grep(aao, _phrase_pattern("to be"))
    assert _pages(aao, '"denied"') == _grep(aao, _phrase_pattern("denied"))
    assert _pages(aao, '"denied"') < _pages(aao, "denied")


def test_snippets_mark_the_phrase_where_it_occurs(aao: Library) -> None:
    for phrase in ("extreme hardship", "labor certification"):
        hits = index_of(aao).search(f'"{phrase}"', limit=100)
        assert hits
        for hit in hits:
            for page in hit.pages:
                marks = re.findall(r"\*\*(.+?)\*\*", page.snippet)
                assert marks, page.snippet
                assert {" ".join(m.lower().split()) for m in marks} == {phrase}
                assert f"<b>{phrase}</b>" in " ".join(page.snippet_html.lower().split())


def test_unquoted_words_are_marked_as_whole_words(aao: Library) -> None:
    for hit in index_of(aao).search("labor hardship", limit=100):
        for page in hit.pages:
            for mark in re.findall(r"\*\*(.+?)\*\*", page.snippet):
                assert re.fullmatch(r"(?i)labou?r\w*|hardships?", mark), mark
            # a mark never starts or stops inside a word
            assert not re.search(r"\w\*\*\w", page.snippet)


def test_a_mixed_query_marks_the_phrase_and_the_single_words(aao: Library) -> None:
    hits = index_of(aao).search('"extreme hardship" qualifying', limit=100)
    assert hits
    marks = {
        " ".join(m.lower().split())
        for hit in hits
        for page in hit.pages
        for m in re.findall(r"\*\*(.+?)\*\*", page.snippet)
    }
    assert "extreme hardship" in marks
    assert "extreme" not in marks and "hardship" not in marks
    assert marks & {"qualifying"}


@pytest.mark.parametrize(
    "spelling",
    ['type:"notice to appear"', 'type:"Notice to Appear"', "type:NTA", "type:notice-to-appear"],
)
def test_type_takes_the_labels_users_see(aao: Library, spelling: str) -> None:
    assert index_of(aao).search(spelling) == index_of(aao).search("type:notice_to_appear")
    assert _docs(aao, 'type:"decision"') == _docs(aao, "type:decision")
    assert _docs(aao, "type:(decision OR other)") == _docs(aao, "type:decision OR type:other")


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("type:briefs", ["briefs", "brief", "notice to appear"]),
        ('type:"notice of appeal"', ["notice of appeal"]),
        ("filed:someday", ["someday", "YYYY-MM-DD"]),
        ("filed:2024-13", ["2024-13"]),
        ("filed:>", ["filed:"]),
    ],
)
def test_field_values_are_checked(aao: Library, query: str, words: list[str]) -> None:
    with pytest.raises(BadQuery) as info:
        index_of(aao).search(query)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_filed_takes_a_year_a_month_a_day_and_open_ranges(aao: Library) -> None:
    assert _docs(aao, "filed:2024") == _docs(aao, "filed:[2024-01-01 TO 2024-12-31]")
    assert _docs(aao, "filed:2024") == {"aao__D12__file139.pdf", "aao__H4__file219.pdf"}
    assert _docs(aao, "filed:2024-03") == {"aao__D12__file139.pdf"}
    assert _docs(aao, "filed:2024-03-15") == {"aao__D12__file139.pdf"}
    assert _docs(aao, "filed:>2024-11-30") == {"aao__B2__file51.pdf"}
    assert _docs(aao, "filed:>=2024-11-30") == {"aao__H4__file219.pdf", "aao__B2__file51.pdf"}
    assert _docs(aao, "filed:<2024") == {"aao__A3__file93.pdf"}
    assert _docs(aao, "filed:<=2024-03") == {"aao__A3__file93.pdf", "aao__D12__file139.pdf"}
    assert _docs(aao, "filed:>2026-11-01") == set()
    assert _docs(aao, "filed:[2024 TO 2024]") == _docs(aao, "filed:2024")
    assert _docs(aao, "hardship -filed:2024") == _docs(aao, "hardship") - _docs(aao, "filed:2024")


def test_not_excludes_whole_documents(aao: Library) -> None:
    asylum = _docs(aao, "asylum")
    assert asylum
    for found in (_docs(aao, "hardship NOT asylum"), _docs(aao, "hardship -asylum")):
        assert found and not found & asylum
