"""The words of a search query worth marking in a PDF (the viewer's Find box).

A Whoosh query is not a PDF search string, so :func:`highlight_terms` turns one
into the plain words and phrases worth marking: field filters, operators, NOT-ed
words, wildcards and fuzziness stripped; a word cut to its stem so "persecuted"
also marks "persecution". Plain Python on the query's text (the viewer must not
wait for an index); whoosh's Porter stemmer is loaded only when a word needs it.
"""

from __future__ import annotations

import re

# whoosh's STOP_WORDS, written out so the viewer need not load whoosh (a test holds
# the two equal)
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "for",
        "from",
        "have",
        "if",
        "in",
        "is",
        "it",
        "may",
        "not",
        "of",
        "on",
        "or",
        "tbd",
        "that",
        "the",
        "this",
        "to",
        "us",
        "we",
        "when",
        "will",
        "with",
        "yet",
        "you",
        "your",
    ]
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_NON_TEXT_FIELDS = {"type", "doc_type", "a", "a_number", "filed", "filed_on", "title"}
_TOKEN = re.compile(
    r"""(?P<field>[A-Za-z_]+):(?=\S)      # a field prefix, glued to what follows
      | (?P<phrase>"[^"]*"(?:~\d*)?)       # a phrase, maybe with slop
      | (?P<range>[\[{][^\]}]*[\]}])       # a range
      | (?P<open>\() | (?P<close>\))
      | (?P<word>[^\s()"\[\]{}]+)""",
    re.VERBOSE,
)


def _stemmed(word: str) -> str:
    """A word cut to its stem when the stem is a long enough prefix of it
    ('persecuted' -> 'persecut', so the mark also finds 'persecution')."""
    try:
        from whoosh.lang.porter import stem
    except ImportError:  # pragma: no cover - whoosh is a dependency
        return word
    root = stem(word.lower())
    if word.lower() == root + "e":  # 'extreme' already finds 'extremely'; 'extrem' looks wrong
        return word
    return word[: len(root)] if len(root) >= 5 and word.lower().startswith(root) else word


def _clean_word(word: str) -> str:
    word = re.sub(r"\^[\d.]+$", "", word)  # boost
    fuzzy = "~" in word
    word = word.split("~", 1)[0]
    wildcard = "*" in word or "?" in word
    word = re.split(r"[*?]", word, maxsplit=1)[0]
    word = word.strip(".,;:!'+-")
    if len(word) < 2 or word.lower() in _STOP_WORDS:
        return ""
    return word if (wildcard or fuzzy) else _stemmed(word)


def _plain_word(text: str) -> str:
    """``text`` as typed when it is a plain word that can sit in a phrase ('' if not:
    a wildcard, a fuzzy or boosted term, an excluded -word)."""
    if any(ch in text for ch in "*?~^") or text.startswith("-"):
        return ""
    return text.strip(".,;:!'+")


def _run_phrase(run: list[str]) -> str:
    """Words typed one after another ('extreme hardship') as a phrase worth marking
    first: without stop words at its ends, and only if two different words remain."""
    while run and run[0].lower() in _STOP_WORDS:
        run = run[1:]
    while run and run[-1].lower() in _STOP_WORDS:
        run = run[:-1]
    if len({word.lower() for word in run if word.lower() not in _STOP_WORDS}) < 2:
        return ""
    return " ".join(run)


def highlight_terms(query: str) -> list[str]:
    """The words and phrases of a search query worth marking in a PDF, best first.

    Quoted phrases come first, then words typed side by side (the viewer marks
    those together when the page has them so, else falls back to the single
    words), then the single words, cut to their stems.

    >>> highlight_terms('type:brief "extreme hardship" AND persecuted NOT gang*')
    ['extreme hardship', 'persecut']
    >>> highlight_terms("extreme hardship")
    ['extreme hardship', 'extreme', 'hardship']
    """
    terms: list[str] = []
    runs: list[str] = []
    run: list[str] = []

    def end_run() -> None:
        phrase = _run_phrase(run)
        if phrase:
            runs.append(phrase)
        run.clear()

    tokens = [(m.lastgroup, m.group(m.lastgroup or 0)) for m in _TOKEN.finditer(query or "")]
    skip_depth = 0  # inside a NOT-ed or non-text group: nothing there is marked
    depth = 0
    skip_next = False  # after NOT or a non-text field: skip one unit
    field_skip = False
    for kind, text in tokens:
        if kind == "open":
            end_run()
            depth += 1
            if (skip_next or field_skip) and not skip_depth:
                skip_depth = depth
            skip_next = field_skip = False
            continue
        if kind == "close":
            end_run()
            if skip_depth and depth == skip_depth:
                skip_depth = 0
            depth = max(0, depth - 1)
            continue
        if kind == "field":
            end_run()
            field_skip = text.lower() in _NON_TEXT_FIELDS
            continue
        if kind == "word" and text in _OPERATORS:
            end_run()
            skip_next = text in {"NOT", "ANDNOT"}
            continue
        skipped = skip_depth or skip_next or field_skip
        skip_next = field_skip = False
        if skipped or kind == "range":
            end_run()
            continue
        if kind == "word" and text.startswith("-") and len(text) > 1:
            end_run()
            continue  # -word excludes it
        if kind == "phrase":
            end_run()
            phrase = re.sub(r"~\d*$", "", text).strip('"')
            term = " ".join(phrase.split())
        else:
            plain = _plain_word(text)
            if plain:
                run.append(plain)
            else:
                end_run()
            term = _clean_word(text)
        if term and term.lower() not in {t.lower() for t in terms}:
            terms.append(term)
    end_run()
    phrases = [t for t in terms if " " in t]
    for phrase in runs:
        if phrase.lower() not in {t.lower() for t in phrases}:
            phrases.append(phrase)
    return phrases + [t for t in terms if " " not in t]
