"""A tiny PDF writer for plain text documents (tests, the demo, sample files).

No dependencies beyond the standard library: the text is set in the standard
Type1 fonts Helvetica (11 pt) and Helvetica-Bold (the title) on US Letter
pages, with a correct cross-reference table, so pypdf (and any viewer) reads
the words back in order. The text is WinAnsi (Windows-1252: Latin-1 plus curly
quotes, dashes and the euro sign); any other character is written as ``?``.

Two ways to call :func:`write_text_pdf`:

* ``pages=[["line", ...], ...]`` — each inner list is one page, each string
  one line, written as given (no wrapping);
* ``paragraphs=["text", ...]`` — word-wrapped to the page width (about 90
  characters a line) and flowed onto as many pages as needed (about 50 lines
  a page), with a blank line between paragraphs; a newline inside a paragraph
  is a line break.

The output is the same bytes for the same input (no timestamps), and the file
is written atomically: a temporary file beside it, fsynced, then renamed.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import zlib
from pathlib import Path

PAGE_WIDTH = 612  # US Letter, in points
PAGE_HEIGHT = 792
MARGIN = 72  # one inch at the sides
TOP_MARGIN = 60  # top and bottom: room for 50 lines
FONT_SIZE = 11
TITLE_SIZE = 14
LEADING = 13
LINES_PER_PAGE = 50
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN  # 468 pt: ~90 characters of 11 pt Helvetica

# Advance widths (1/1000 em) of the printable ASCII characters 32..126, from
# Adobe's Core 14 AFM metrics for Helvetica and Helvetica-Bold. Two fonts' tables,
# alike only in shape: each is kept whole, as Adobe publishes it, so it can be
# checked against its AFM file.
_HELVETICA = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_HELVETICA_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)  # fmt: skip
_OTHER_WIDTH = 667  # accented capitals and symbols: err on the wide side


def clean_text(text: str) -> str:
    """The text as it will be printed: tabs become spaces, other control characters
    and anything outside WinAnsi (Windows-1252) become '?'."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif ch < " " or "\x7f" <= ch < "\xa0":
            out.append("?")
        elif ch < "\x7f":
            out.append(ch)
        else:
            try:
                ch.encode("cp1252")
            except UnicodeEncodeError:
                out.append("?")
            else:
                out.append(ch)
    return "".join(out)


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """Width in points of cleaned ``text`` set in Helvetica (or Helvetica-Bold)."""
    table = _HELVETICA_BOLD if bold else _HELVETICA
    units = 0
    for ch in text:
        code = ord(ch)
        units += table[code - 32] if 32 <= code <= 126 else _OTHER_WIDTH
    return units * size / 1000


def wrap_text(
    text: str, width: float = TEXT_WIDTH, size: float = FONT_SIZE, bold: bool = False
) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (words longer than a
    line are split); newlines in ``text`` are kept as line breaks."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = clean_text(raw).split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while text_width(word, size, bold) > width:  # a very long "word": split it
                cut = len(word) - 1
                while cut > 1 and text_width(word[:cut], size, bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def _literal(data: bytes) -> bytes:
    """A PDF literal string of ``data``: ( ) and \\ escaped."""
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_string(text: str) -> bytes:
    """A PDF literal string for cleaned ``text``, in WinAnsi bytes."""
    return _literal(clean_text(text).encode("cp1252", errors="replace"))


def _info_string(text: str) -> bytes:
    """A text string for the document information dictionary (any Unicode)."""
    if all(" " <= ch < "\x7f" for ch in text):
        return _literal(text.encode("ascii"))
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _flow(paragraphs: list[str], first_page_lines: int) -> list[list[str]]:
    """Wrap paragraphs and cut the lines into pages."""
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")  # a blank line between paragraphs
        lines.extend(wrap_text(paragraph))
    pages: list[list[str]] = []
    capacity = first_page_lines
    while lines:
        page, lines = lines[:capacity], lines[capacity:]
        while lines and not lines[0]:  # no blank line at the top of a page
            lines.pop(0)
        pages.append(page)
        capacity = LINES_PER_PAGE
    return pages or [[]]


def _split_lines(page: list[str]) -> list[str]:
    """An explicit page's lines, cleaned; a string with newlines is several lines."""
    return [clean_text(line) for text in page for line in (text.splitlines() or [""])]


def _content(lines: list[str], title_lines: list[str]) -> bytes:
    """The content stream of one page: an optional bold title, then the lines."""
    top = PAGE_HEIGHT - TOP_MARGIN - FONT_SIZE
    ops: list[bytes] = [b"BT", f"{MARGIN} {top} Td".encode()]
    if title_lines:
        ops += [f"/F2 {TITLE_SIZE} Tf {TITLE_SIZE + 3} TL".encode()]
        for n, line in enumerate(title_lines):
            if n:
                ops.append(b"T*")
            ops.append(_pdf_string(line) + b" Tj")
        ops.append(f"0 -{TITLE_SIZE + LEADING} Td".encode())
    ops.append(f"/F1 {FONT_SIZE} Tf {LEADING} TL".encode())
    for n, line in enumerate(lines):
        if n:
            ops.append(b"T*")
        if line:
            ops.append(_pdf_string(line) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def build_pdf(
    pages: list[list[str]] | None = None,
    *,
    title: str | None = None,
    paragraphs: list[str] | None = None,
) -> bytes:
    """The bytes of the PDF that :func:`write_text_pdf` writes."""
    if pages is not None and paragraphs is not None:
        raise ValueError("give either pages or paragraphs, not both")
    title_lines = wrap_text(title.replace("\n", " "), size=TITLE_SIZE, bold=True) if title else []
    title_lines = [line for line in title_lines if line]
    if pages is None:
        shift = (len(title_lines) - 1) * (TITLE_SIZE + 3) + TITLE_SIZE + LEADING
        reserved = math.ceil(shift / LEADING) if title_lines else 0
        pages = _flow(paragraphs or [], max(1, LINES_PER_PAGE - reserved))
    else:
        pages = [_split_lines(page) for page in pages] or [[]]

    # objects: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info,
    # then a page and its content stream for each page
    objects: list[bytes] = []
    kids = " ".join(f"{6 + 2 * n} 0 R" for n in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for name in ("Helvetica", "Helvetica-Bold"):
        objects.append(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} "
            "/Encoding /WinAnsiEncoding >>".encode()
        )
    info = b"<< /Producer (caseorg pdfmake)"
    if title:
        info += b" /Title " + _info_string(title)
    objects.append(info + b" >>")
    for n, page in enumerate(pages):
        content_id = 7 + 2 * n
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                f"/Contents {content_id} 0 R >>"
            ).encode()
        )
        stream = zlib.compress(_content(page, title_lines if n == 0 else []), 9)
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)


def write_text_pdf(
    path: Path | str,
    pages: list[list[str]] | None = None,
    *,
    title: str | None = None,
    paragraphs: list[str] | None = None,
) -> None:
    """Write a text PDF to ``path`` atomically.

    :param path: the file to write (its folder must exist); replaced if present.
    :param pages: explicit pages, each a list of lines written as given.
    :param title: a bold line at the top of the first page, and the PDF's /Title.
    :param paragraphs: text to word-wrap onto Letter pages (instead of ``pages``).
    """
    data = build_pdf(pages, title=title, paragraphs=paragraphs)
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
