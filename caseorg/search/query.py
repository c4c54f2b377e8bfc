"""The query language: a user's search text checked and rewritten for Whoosh's parser.

Friendly spellings become what the index holds: ``a:A-123-456-789`` the stored digits,
``type:"notice to appear"`` the stored choice, ``filed:2024`` or ``filed:>2026-11-01`` a
date range, ``-word`` a NOT and ``+word`` a plain (required) word; a quoted phrase is
looked up in the exact-words field (no stemming, no stop words dropped). A value the
index cannot hold (an unknown field, type or date) is a one-line :class:`BadQuery`
rather than a silent miss.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from whoosh import qparser
from whoosh.fields import Schema

from caseorg.choices import DOC_TYPES
from caseorg.errors import BadQuery
from caseorg.values import parse_a_number
from caseorg.words import choice_text, label

EXACT = "exact"  # the field of exact (lower-cased, unstemmed) words, for phrases
FIELD_ALIASES = {"doc_type": ["type"], "a_number": ["a"], "filed_on": ["filed"]}
USER_FIELDS = (
    "type",
    "a",
    "title",
    "filed",
    "content",
    "doc_type",
    "a_number",
    "filed_on",
    "tag",
    "note",
)

_FIELD_PREFIX = re.compile(r'(?<![\w"])([A-Za-z_]+):')
# an A-number in any spelling (spaces only inside it, so 'a:123456789 212' keeps the 212)
_A_FIELD = re.compile(
    r'\b(a|a_number):("?)([Aa]?\s*-?\s*\d{3}[-\s]?\d{3}[-\s]?\d{3}(?![\d-])|[^\s")]+)\2',
    re.IGNORECASE,
)
_TYPE_FIELD = re.compile(r'(?<![\w"])(?:type|doc_type):("[^"]*"|[^\s()"]*)', re.IGNORECASE)
_FILED_FIELD = re.compile(
    r'(?<![\w"])(?:filed|filed_on):(\[[^\]]*\]|\{[^}]*\}|"[^"]*"|[^\s()"]*)', re.IGNORECASE
)
_COMPARE = re.compile(r"(>=|<=|>|<)?\s*(.*)", re.DOTALL)
# -word, -"phrase", -(group), +word: at the start or after a space or '('
_PLUS_MINUS = re.compile(r'(?:^|(?<=[\s(]))([+-])(?=[\w"(])')
# a quoted phrase with no field before it (an optional ~slop after it)
_BARE_PHRASE = re.compile(r'(?:(?<![\w:"])|(?<![\w"])content:)"([^"]*)"', re.IGNORECASE)


def _outside_quotes(text: str, at: int) -> bool:
    return text.count('"', 0, at) % 2 == 0


def _check_balanced(text: str) -> None:
    if text.count('"') % 2:
        raise BadQuery('unbalanced quote: close the phrase with a second "')
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise BadQuery("a ')' has no matching '('")
    if depth:
        raise BadQuery("a '(' is never closed")
    if text.count("[") != text.count("]"):
        raise BadQuery("a date range needs both [ and ], like filed:[2024-01-01 TO 2024-12-31]")


def normalise_query(text: str) -> str:
    """Check a user's query and rewrite friendly spellings for Whoosh.

    ``a:A-123-456-789`` becomes the stored digits; ``type:`` a stored document type;
    ``filed:`` dates, years, months and comparisons a validated range; ``-word`` a NOT.
    An unknown ``field:`` or value is an error rather than a silent miss.
    """
    text = (text or "").strip()
    if not text:
        raise BadQuery("type something to search for")
    _check_balanced(text)
    outside_quotes = re.sub(r'"[^"]*"', " ", text)
    for match in _FIELD_PREFIX.finditer(outside_quotes):
        name = match.group(1)
        if name.lower() not in USER_FIELDS:
            raise BadQuery(
                f"unknown field '{name}:' — use type:, a:, title:, filed:, tag: or note: "
                "(or quote the text)"
            )

    def fix_a(match: re.Match[str]) -> str:
        try:
            return f"a_number:{parse_a_number(match.group(3))}"
        except Exception:
            raise BadQuery(f"a: needs an A-number, not {match.group(3)!r}") from None

    text = _A_FIELD.sub(fix_a, text)
    text = _outside(_TYPE_FIELD, _fix_type, text)
    text = _outside(_FILED_FIELD, lambda m: filed_range(m.group(1)), text)
    return _outside(_PLUS_MINUS, lambda m: "NOT " if m.group(1) == "-" else "", text)


def _outside(pattern: re.Pattern[str], fix: Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub(fix, text)`` for matches outside quoted phrases only."""

    def maybe(match: re.Match[str]) -> str:
        if not _outside_quotes(match.string, match.start()):
            return match.group(0)
        return fix(match)

    return pattern.sub(maybe, text)


def _fix_type(match: re.Match[str]) -> str:
    value = match.group(1)
    if not value and match.string[match.end() : match.end() + 1] == "(":
        return "doc_type:"  # type:(brief OR motion): Whoosh reads the group
    return f"doc_type:{doc_type_of(value)}"


def exact_phrases(text: str) -> str:
    """Quoted phrases without a field (``"extreme hardship"``) as phrases of exact words."""
    return _BARE_PHRASE.sub(lambda m: f'{EXACT}:"{m.group(1)}"', text)


# -- document types ----------------------------------------------------------------


def _type_names() -> dict[str, str]:
    """Every spelling a user sees for a document type -> the stored value."""
    names: dict[str, str] = {}
    for value in DOC_TYPES:
        for spelling in (value, label(value), choice_text(value)):
            names[" ".join(spelling.lower().replace("_", " ").split())] = value
    names["nta"] = "notice_to_appear"
    return names


def doc_type_of(value: str) -> str:
    """``type:`` 's value as the stored choice: 'notice to appear', "Notice to Appear",
    notice_to_appear and NTA are one type; a wildcard is passed on; anything else is a
    BadQuery naming the types."""
    raw = value.strip('"').strip()
    if not raw:
        raise BadQuery("type: needs a document type, like type:decision")
    if any(ch in raw for ch in "*?"):
        return raw.lower()
    key = " ".join(raw.lower().replace("_", " ").replace("-", " ").split())
    found = _type_names().get(key)
    if found is None:
        known = ", ".join(label(t) for t in DOC_TYPES)
        raise BadQuery(f"unknown document type {raw!r} in type: — use one of: {known}")
    return found


# -- filed dates ---------------------------------------------------------------------


def _period(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a year (2024), a month (2024-05) or a day."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if re.fullmatch(r"\d{4}-\d{1,2}", value):
            year, month = (int(p) for p in value.split("-"))
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError:
        raise BadQuery(
            f"invalid date {value!r} in filed: — use YYYY-MM-DD, a year (2024) or a month (2024-05)"
        ) from None


def _range(start: dt.date | None, end: dt.date | None) -> str:
    # an open end is left out: Whoosh reads "[2024-01-01 TO ]" as ending at ""
    parts = [start.isoformat() if start else "", "TO", end.isoformat() if end else ""]
    return "filed_on:[" + " ".join(p for p in parts if p) + "]"


def filed_range(value: str) -> str:
    """``filed:`` 's value as a range of stored dates: a day, a year, a month, a
    comparison (>2026-11-01, <=2024) or [FROM TO UNTIL] with either end open."""
    if value[:1] in "[{":
        inside = value[1:-1]
        parts = [p.strip() for p in re.split(r"\bTO\b", inside, flags=re.IGNORECASE)]
        if len(parts) != 2:
            raise BadQuery("write a date range as filed:[2024-01-01 TO 2024-12-31]")
        start = _period(parts[0])[0] if parts[0] else None
        end = _period(parts[1])[1] if parts[1] else None
        return _range(start, end)
    compare, rest = _COMPARE.fullmatch(value.strip('"')).groups()  # type: ignore[union-attr]
    if not rest.strip():
        raise BadQuery("filed: needs a date, like filed:2024, filed:>2026-11-01 or filed:[… TO …]")
    first, last = _period(rest)
    one_day = dt.timedelta(days=1)
    if compare == ">":
        return _range(last + one_day, None)
    if compare == ">=":
        return _range(first, None)
    if compare == "<":
        return _range(None, first - one_day)
    if compare == "<=":
        return _range(None, last)
    return f"filed_on:{first.isoformat()}" if first == last else _range(first, last)


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser("content", schema)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser
