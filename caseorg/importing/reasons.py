"""Why a file was not imported, in words a clerk can act on.

The import report and the app show these sentences; the reader's own exception (the
technical detail a developer wants) goes to the log, never to the clerk.
"""

from __future__ import annotations

EMPTY = "the file is empty (0 bytes): copy it again from where it came from"
DAMAGED = (
    "the PDF is damaged and neither PDF reader could open it: open it in a PDF viewer "
    "and save or print it to a new PDF, then import that"
)
LOOPS = (
    "the PDF's page structure is damaged (it loops or nests too deep): open it in a PDF "
    "viewer and save or print it to a new PDF, then import that"
)
OVERSIZED = (
    "a page of this PDF unpacks to far more than a document holds (damaged, or built to "
    "overwhelm readers): ask the sender for a new copy"
)
NO_PAGES = "the PDF has no pages: check it is the right file"
NO_PAGE_READ = (
    "no page of this PDF could be read: open it in a PDF viewer and save or print it to "
    "a new PDF, then import that"
)
UNSUPPORTED_ENCRYPTION = (
    "the PDF is locked in a way caseorg cannot open: remove the password in a PDF viewer "
    "(or print it to a new PDF), then import that"
)
NEEDS_PASSWORD = "encrypted — needs a password (--password)"
WRONG_PASSWORD = "wrong password for this encrypted PDF"
TOO_LARGE = "too large to read within the memory limit"

# (leading bytes, what the file is, what to do): checked in order
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (Word or Excel)", "save it as PDF first"),
    (b"\xff\xd8\xff", "a JPEG image", "scan or save it as a PDF first"),
    (b"\x89PNG", "a PNG image", "scan or save it as a PDF first"),
    (b"GIF8", "a GIF image", "save it as a PDF first"),
    (b"II*\x00", "a TIFF image", "scan or save it as a PDF first"),
    (b"MM\x00*", "a TIFF image", "scan or save it as a PDF first"),
    (b"{\\rtf", "an RTF document", "save it as PDF first"),
    (b"Rar!", "a RAR archive", "unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive", "unpack it first"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
)


def other_format(head: bytes) -> str | None:
    """What the file is when its first bytes are another format's (a ZIP archive may hold
    a PDF's bytes inside it: still not a PDF), and what to do; None if not known."""
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in head:
            return "this is a Word document, not a PDF: save it as PDF first"
        if b"xl/" in head:
            return "this is an Excel workbook, not a PDF: save it as PDF first"
        return "this is a ZIP archive, not a PDF: unpack it first"
    for signature, what, todo in _SIGNATURES:
        if head.startswith(signature):
            return f"this is {what}, not a PDF: {todo}"
    return None


def not_a_pdf(head: bytes) -> str:
    """What a file that does not start as a PDF is, from its first bytes, and what to do."""
    known = other_format(head)
    if known:
        return known
    start = head.lstrip()[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "this is a web page, not a PDF: print it to PDF first"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and sum(ch.isprintable() or ch in "\r\n\t" for ch in text) > 0.95 * len(text):
        return "this is a text file, not a PDF: print or save it as PDF first"
    return "this is not a PDF (it does not start as one): check it is the right file"


def technical(exc: BaseException) -> str:
    """The exception in one short line, for the log (never quotes a page at length)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    text = text[:160]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def unreadable(exc: BaseException) -> str:
    """The clerk's sentence for a PDF that a reader gave up on with ``exc``."""
    detail = technical(exc).lower()
    if isinstance(exc, RecursionError) or "depth" in detail or "loop" in detail:
        return LOOPS
    if "decompress" in detail or "limit" in detail:
        return OVERSIZED
    return DAMAGED


def hostile(exc: BaseException) -> bool:
    """Did the reader stop at one of its safety limits (a decompression bomb, a loop,
    nesting too deep)? Then the file is refused, not handed to a second reader."""
    return isinstance(exc, RecursionError) or type(exc).__name__ == "LimitReachedError"
