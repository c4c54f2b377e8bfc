"""The words of a search query the PDF viewer marks: phrases first, then words typed
side by side, then single words cut to their stems; filters and NOT-ed words left out."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

from caseorg.search import highlight
from caseorg.search.highlight import highlight_terms


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("asylum", ["asylum"]),
        ('"extreme hardship" AND persecuted', ["extreme hardship", "persecut"]),
        ("type:brief title:motion a:A-123-456-789 fear", ["fear"]),
        ("filed:[2024-01-01 TO 2024-12-31] removal", ["remov"]),
        ("persec* hardship~2 gangs^2", ["persec", "hardship", "gangs"]),
        ("asylum NOT (gang OR cartel) -withholding", ["asylum"]),
        ("the OF and a", []),
        ('"well founded"~3 content:fear', ["well founded", "fear"]),
        ("Asylum asylum", ["Asylum"]),
        ("extreme hardship", ["extreme hardship", "extreme", "hardship"]),
        ("fear of persecution", ["fear of persecution", "fear", "persecut"]),
        ("", []),
    ],
)
def test_highlight_terms(query: str, terms: list[str]) -> None:
    assert highlight_terms(query) == terms


def test_the_examples_in_the_docstring() -> None:
    assert doctest.testmod(highlight).failed == 0


def test_stop_words_are_whoosh_s() -> None:
    from whoosh.analysis import STOP_WORDS

    assert highlight._STOP_WORDS == STOP_WORDS


def test_importing_it_does_not_load_whoosh() -> None:
    """The viewer imports this as it opens: whoosh waits until a word needs stemming."""
    code = "import sys, caseorg.search.highlight; print('whoosh' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
