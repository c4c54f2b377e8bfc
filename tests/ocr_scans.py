"""Scanned PDFs made at test time from the corpus's born-digital pages.

Each page is rendered with PDFium, turned by up to 1.5°, blurred, given noise, saved
as JPEG and wrapped in an image-only PDF; the original page's text layer is the truth.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

SCAN_DPI = 200


def corpus_or_skip() -> Path:
    """$CASEORG_CORPUS (for module-scoped fixtures, which cannot use ``corpus``)."""
    import pytest

    value = os.environ.get("CASEORG_CORPUS")
    if not value or not Path(value).is_dir():
        pytest.skip("CASEORG_CORPUS is not set")
    return Path(value).resolve()


def page_texts(pdf: Path, pages: list[int]) -> list[str]:
    """The born-digital text of these pages (0-based), by PDFium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        texts = []
        for index in pages:
            textpage = document[index].get_textpage()
            texts.append(textpage.get_text_range())
        return texts
    finally:
        document.close()


def make_scan(
    source: Path,
    pages: list[int],
    target: Path,
    *,
    seed: int = 7,
    turn: int = 0,
    bilevel: bool = False,
) -> list[str]:
    """Write an image-only scan of ``pages`` of ``source`` to ``target``; return their text.
    ``turn``: degrees each page image is turned (90, 180, 270) as if fed sideways;
    ``bilevel``: 1-bit pages (a fax: CCITT G4 in the PDF) instead of JPEG."""
    import pypdfium2
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    document = pypdfium2.PdfDocument(str(source))
    images = []
    try:
        for index in pages:
            image = document[index].render(scale=SCAN_DPI / 72, grayscale=True).to_pil()
            image = image.convert("L").rotate(
                rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, fillcolor=255
            )
            image = image.filter(ImageFilter.GaussianBlur(0.6))
            image = Image.blend(image, Image.effect_noise(image.size, 60), 0.12)
            image = _speckle(image, rng)
            if turn:
                image = image.rotate(-turn, expand=True)
            images.append(image)
    finally:
        document.close()
    if bilevel:
        pages_1bit = [image.convert("1") for image in images]
        pages_1bit[0].save(
            target, "PDF", resolution=SCAN_DPI, save_all=True, append_images=pages_1bit[1:]
        )
        return page_texts(source, pages)
    jpegs = []
    for image in images:
        path = target.with_suffix(f".{len(jpegs)}.jpg")
        image.save(path, "JPEG", quality=70)
        jpegs.append(Image.open(path))
    jpegs[0].save(target, "PDF", resolution=SCAN_DPI, save_all=True, append_images=jpegs[1:])
    for path in target.parent.glob(f"{target.stem}.*.jpg"):
        path.unlink()
    return page_texts(source, pages)


def _speckle(image: object, rng: random.Random) -> object:
    """Dark and light dots on about 0.05% of the pixels (a photocopier's dust)."""
    pixels = image.load()  # type: ignore[attr-defined]
    width, height = image.size  # type: ignore[attr-defined]
    for _ in range(width * height // 2000):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    return image


def phrases(text: str, count: int, rng: random.Random) -> list[str]:
    """Three-word phrases of ordinary words (4+ letters) from a page's true text."""
    words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?|\S+", text)
    found = []
    for i in range(len(words) - 2):
        triple = words[i : i + 3]
        if all(re.fullmatch(r"[A-Za-z]{4,}", w) for w in triple):
            found.append(" ".join(triple))
    rng.shuffle(found)
    return found[:count]
