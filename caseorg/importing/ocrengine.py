"""One page's OCR: render with PDFium, read with the Tesseract command line. Runs in a worker.

Tesseract 5 through its command line, not a binding: the Debian, Windows (UB Mannheim)
and Homebrew packages all ship the same executable and language files, and no binding
installs from PyPI without a compiler. Each call runs with a timeout (killed past it)
and one thread (the pool gives each core a page). Rendering happens here, inside the
isolated worker (address-space cap, the pool's own timeout), never in the app: a huge
or hostile page costs at most this page, with a one-line reason.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

DEFAULT_DPI = 300
DEFAULT_LANG = "eng+spa"
DEFAULT_PAGE_TIMEOUT = 90.0  # seconds for one tesseract run (killed past it)
MAX_PIXELS = 12_000_000  # a letter page at 300 dpi is 8.4 MP; bigger pages are scaled down
MAX_SIDE = 8_000  # pixels on the longer side (Tesseract's own limit is 32,767)
LOW_CONFIDENCE = 60.0  # mean word confidence below which orientation is checked
WordBox = tuple[float, float, float, float, str]  # x, y, w, h in page points (top-left), word


@dataclass
class PageOcr:
    """What one page's OCR gave: ``state`` done (text, words, confidence) or failed (reason)."""

    state: str  # done | failed
    text: str = ""
    words: list[WordBox] = field(default_factory=list)
    confidence: float | None = None
    reason: str | None = None
    rotated: int = 0  # degrees the page image was turned (clockwise) before reading


def failed_page(reason: str) -> PageOcr:
    return PageOcr("failed", reason=reason)


_WINDOWS_PLACES = (
    r"C:\Program Files\Tesseract-OCR\tesseract.exe",
    r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe",
)


def find_tesseract() -> str | None:
    """The tesseract executable: $CASEORG_TESSERACT, then PATH, then the Windows installer's
    folder (it does not add itself to PATH)."""
    named = os.environ.get("CASEORG_TESSERACT")
    if named:
        return named if os.path.isfile(named) else None
    found = shutil.which("tesseract")
    if found:
        return found
    if sys.platform == "win32":
        return next((p for p in _WINDOWS_PLACES if os.path.isfile(p)), None)
    return None


def install_hint() -> str:
    """One line: what to install on this platform."""
    if sys.platform == "win32":
        how = "install it from https://github.com/UB-Mannheim/tesseract/wiki (with Spanish)"
    elif sys.platform == "darwin":
        how = "install it with `brew install tesseract tesseract-lang`"
    else:
        how = "install it with `sudo apt-get install tesseract-ocr tesseract-ocr-spa`"
    return f"OCR needs Tesseract, which is not installed: {how}"


def missing_languages(tesseract: str, lang: str) -> list[str]:
    """The language packs in ``lang`` (eng+spa) that Tesseract lacks."""
    try:
        run = subprocess.run(
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []  # the first page will say what is wrong
    have = {line.strip() for line in (run.stdout or "").splitlines()[1:]}
    return [code for code in lang.split("+") if code and code not in have]


def language_hint(codes: list[str]) -> str:
    packages = " ".join(f"tesseract-ocr-{c.replace('_', '-').lower()}" for c in codes)
    return (
        f"Tesseract has no language pack for {', '.join(codes)}: install {packages} "
        "(Windows and macOS: the language files in tessdata)"
    )


def _tesseract_env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"  # the pool runs one page per core already
    return env


def _run(tesseract: str, image: bytes, args: list[str], timeout: float) -> str:
    """Run tesseract on an image given on stdin; its stdout, or RuntimeError with a reason."""
    try:
        run = subprocess.run(
            [tesseract, "stdin", "stdout", *args],
            input=image,
            capture_output=True,
            timeout=timeout,
            env=_tesseract_env(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(
            f"Tesseract took longer than {timeout:g} s on this page; stopped"
        ) from None
    except OSError as exc:
        raise RuntimeError(f"Tesseract could not start ({exc.strerror or exc})") from None
    if run.returncode != 0:
        lines = [x for x in run.stderr.decode("utf-8", "replace").splitlines() if x.strip()]
        detail = lines[-1][:120] if lines else f"exit code {run.returncode}"
        if run.returncode < 0:
            detail = f"crashed (signal {-run.returncode})"
        raise RuntimeError(f"Tesseract failed on this page: {detail}")
    return run.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str, scale: float) -> tuple[str, list[WordBox], float | None]:
    """Text (lines and paragraphs kept), word boxes in points, mean word confidence."""
    words: list[WordBox] = []
    confidences: list[float] = []
    lines: list[str] = []
    current: list[str] = []
    last_key: tuple[str, ...] | None = None
    last_block: tuple[str, ...] | None = None
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        word = cells[11].strip()
        if not word:
            continue
        key, block = tuple(cells[1:5]), tuple(cells[1:4])
        if key != last_key and current:
            lines.append(" ".join(current))
            current = []
            if block != last_block:
                lines.append("")
        last_key, last_block = key, block
        current.append(word)
        left, top, width, height = (int(c) / scale for c in cells[6:10])
        words.append((round(left, 1), round(top, 1), round(width, 1), round(height, 1), word))
        with contextlib.suppress(ValueError):
            confidences.append(max(0.0, float(cells[10])))
    if current:
        lines.append(" ".join(current))
    text = "\n".join(lines).strip()
    confidence = round(sum(confidences) / len(confidences), 1) if confidences else None
    return text, words, confidence


def _orientation(tesseract: str, image: bytes, dpi: int, timeout: float) -> int:
    """Degrees to turn the image clockwise (0 when unsure or too little text)."""
    try:
        out = _run(tesseract, image, ["--dpi", str(dpi), "--psm", "0"], timeout)
    except RuntimeError:
        return 0  # "too few characters": read it as it is
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confident = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not confident or float(confident.group(1)) < 2.0:
        return 0
    return int(rotate.group(1)) % 360


def _unturn(words: list[WordBox], turned: int, width: float, height: float) -> list[WordBox]:
    """Boxes read on the image turned ``turned`` degrees clockwise, back on the page
    (``width`` × ``height`` points, as shown)."""
    back: list[WordBox] = []
    for x, y, w, h, text in words:
        if turned == 90:  # turned clockwise: the page's left edge is now the top
            box = (y, height - x - w, h, w)
        elif turned == 180:
            box = (width - x - w, height - y - h, w, h)
        elif turned == 270:
            box = (width - y - h, x, h, w)
        else:
            box = (x, y, w, h)
        back.append((*(round(v, 1) for v in box), text))  # type: ignore[arg-type]
    return back


_PIL_TURN = {90: 4, 180: 3, 270: 2}  # Image.Transpose: ROTATE_270, ROTATE_180, ROTATE_90


def render_scale(width: float, height: float, dpi: int) -> float:
    """Pixels per point: ``dpi`` unless the page would pass the pixel or side caps."""
    scale = dpi / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (width * height))
    if max(width, height) * scale > MAX_SIDE:
        scale = MAX_SIDE / max(width, height)
    return scale


_OPEN: dict[str, Any] = {}  # this worker's last opened PDF: consecutive pages share it


def _document(path: str) -> Any:
    import pypdfium2

    if path not in _OPEN:
        for old in _OPEN.values():
            old.close()
        _OPEN.clear()
        _OPEN[path] = pypdfium2.PdfDocument(path)
    return _OPEN[path]


def _encode(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PPM")  # uncompressed: nothing to spend on encoding
    return buffer.getvalue()


def _read(
    tesseract: str, image: Any, lang: str, dpi: int, timeout: float, scale: float
) -> tuple[str, list[WordBox], float | None]:
    args = ["--dpi", str(dpi), "-l", lang, "--psm", "3", "tsv"]
    return parse_tsv(_run(tesseract, _encode(image), args, timeout), scale)


def ocr_page(
    path: str,
    page_index: int,
    tesseract: str,
    lang: str = DEFAULT_LANG,
    dpi: int = DEFAULT_DPI,
    timeout: float = DEFAULT_PAGE_TIMEOUT,
) -> PageOcr:
    """OCR page ``page_index`` (0-based) of the PDF at ``path``. Never raises."""
    try:
        try:
            document = _document(path)
        except Exception as exc:
            name = type(exc).__name__
            return failed_page(f"PDFium could not open the file ({name}: {str(exc)[:80]})")
        if not 0 <= page_index < len(document):
            return failed_page("the page is not in the file")
        page = document[page_index]
        left, bottom, right, top = page.get_mediabox()
        if right - left < 1 or top - bottom < 1:  # PDFium would draw it as a blank Letter page
            return failed_page(f"the page has no size ({right - left:g} × {top - bottom:g} points)")
        width, height = page.get_size()
        scale = render_scale(width, height, dpi)
        image = page.render(scale=scale, grayscale=True).to_pil()
        page.close()
        used_dpi = max(1, round(scale * 72))
        text, words, confidence = _read(tesseract, image, lang, used_dpi, timeout, scale)
        turned = 0
        if (confidence or 0.0) < LOW_CONFIDENCE:
            turned = _orientation(tesseract, _encode(image), used_dpi, timeout)
            if turned:
                upright = image.transpose(_PIL_TURN[turned])
                again = _read(tesseract, upright, lang, used_dpi, timeout, scale)
                if (again[2] or 0.0) > (confidence or 0.0):
                    text, words, confidence = (
                        again[0],
                        _unturn(again[1], turned, width, height),
                        again[2],
                    )
                else:
                    turned = 0
        reason = None if text else "no text found on the page"
        return PageOcr("done", text, words, confidence, reason, turned)
    except MemoryError:
        return failed_page("the page is too large to read within the memory limit")
    except RuntimeError as exc:
        return failed_page(str(exc))
    except Exception as exc:
        return failed_page(
            f"the page could not be rendered ({type(exc).__name__}: {str(exc)[:80]})"
        )
