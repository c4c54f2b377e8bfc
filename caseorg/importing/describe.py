"""What an imported document says about itself: its title, its type, its date.

A file's name ("aao A3 file320") says little; the PDF's metadata title or the heading on
its first page says what it is. The type is guessed from that heading and the top of the
page (stored as a guess, for the clerk to confirm), and a labelled date near the top
("Date: JUNE 16, 2020", "Filed: 11/02/2026") becomes the filed date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TOP_CHARS = 1500  # the part of page one that describes the document
MAX_TITLE = 120

# a line that is letterhead or caption, not the document's own heading
_BOILERPLATE = re.compile(
    r"department of|executive office|immigration court|citizenship|immigration services"
    r"|^services$|^and immigration|^u\.\s?s\.|in re\b|in the matter of|file no|subject id"
    r"|respondent\W*$|in removal proceedings|immigration judge:|address|suite\b|^date\b"
    r"|^page \d|^\W*$|^(detained|non-detained)$",
    re.IGNORECASE,
)
_JOINING = re.compile(r"\b(of|the|and|to|for|in|on|a|an|with|under)$|[,-]$", re.IGNORECASE)
_JUNK_TITLE = re.compile(
    r"\.(docx?|pdf|rtf|odt|wpd|txt)$|^microsoft|^untitled|^document\d*$|^[\W\d_]*$",
    re.IGNORECASE,
)

# (pattern, type): the earliest match in the heading, then in the top of page one, wins
_TYPE_PATTERNS = (
    (r"\bnotice to appear\b", "notice_to_appear"),
    (r"\bnotice of (?:\w+ ){0,3}hearing\b|\bhearing notice\b", "hearing_notice"),
    (r"\bmotion (?:to|for)\b|\bmotion\b", "motion"),
    (r"\bbrief\b", "brief"),
    (r"\bdecision\b", "decision"),
    (r"\border of the immigration judge\b|\border\b", "order"),
    (r"\bexhibits?\b|\bevidence\b|\bdeclaration\b|\baffidavit\b", "evidence"),
    (r"\bdear\b|\bletter\b", "correspondence"),
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DATE = (
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<y2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<mm>\d{1,2})/(?P<dd>\d{1,2})/(?P<yyyy>\d{4})"
)
_LABELLED_DATE = re.compile(
    r"\b(?:date(?: of (?:this )?(?:notice|decision|order))?|dated|filed(?: on)?|decided"
    r"|issued(?: on)?|served(?: on)?|submitted(?: on)?)\s*[:.]?\s*(?:" + _DATE + ")",
    re.IGNORECASE,
)


@dataclass
class Description:
    """What the first page (and the metadata) say; None where they say nothing."""

    title: str | None = None
    doc_type: str | None = None  # a guess, stored as one
    filed_on: str | None = None  # YYYY-MM-DD


def describe(first_page: str, metadata_title: str | None = None) -> Description:
    """The title, a guessed type and a filed date of a document from its first page."""
    top = first_page[:TOP_CHARS]
    title = _clean_title(metadata_title) or _heading(top)
    return Description(title=title, doc_type=guess_type(title or "", top), filed_on=_date(top))


def _clean_title(text: str | None) -> str | None:
    title = " ".join((text or "").split())
    if len(title) < 4 or len(title.split()) < 2 or _JUNK_TITLE.search(title):
        return None
    return _shorten(title)


def _shorten(title: str) -> str:
    if title.isupper():  # a shouted heading reads as a sentence
        title = title[0] + title[1:].lower()
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _heading(top: str) -> str | None:
    """The first line of the page that reads as a heading (not letterhead, not a
    sentence), with the line it runs on into ('… Decision of the' + 'Appeals Office')."""
    lines = [" ".join(line.split()) for line in top.splitlines()]
    for i, line in enumerate(lines):
        words = line.split()
        if (
            not 2 <= len(words) <= 16
            or _BOILERPLATE.search(line)
            or line.endswith((".", ";", ":"))
            or not line[0].isupper()
            or "_" in line  # a file name or a code, not words someone headed a page with
            or sum(ch.isdigit() for ch in line) > len(line) / 4
        ):
            continue
        heading = line
        for following in lines[i + 1 : i + 3]:
            if not _JOINING.search(heading) or not following:
                break
            heading = f"{heading} {following}"
        return _clean_title(heading)
    return None


def guess_type(heading: str, top: str) -> str | None:
    """The document type its heading (else the top of its first page) names, or None."""
    for text in (heading, top):
        found = [
            (match.start(), doc_type)
            for pattern, doc_type in _TYPE_PATTERNS
            if (match := re.search(pattern, text, re.IGNORECASE))
        ]
        if found:
            return min(found)[1]
    return None


def _date(top: str) -> str | None:
    """The first labelled date near the top of the page ('Date: JUNE 16, 2020')."""
    for match in _LABELLED_DATE.finditer(top):
        day = _to_date(match)
        if day is not None:
            return day.isoformat()
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    try:
        if parts["iso"]:
            return dt.date.fromisoformat(parts["iso"])
        if parts["yyyy"]:
            return dt.date(int(parts["yyyy"]), int(parts["mm"]), int(parts["dd"]))
        month_name, day, year = (
            (parts["month"], parts["day"], parts["year"])
            if parts["month"]
            else (parts["m2"], parts["d2"], parts["y2"])
        )
        month = _MONTHS.get(month_name.lower().rstrip("."))
        return dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None
