"""The CMap cache of pypdf (now the fallback reader) changes nothing but the time."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseorg.importing import pdftext


@pytest.mark.corpus
def test_cmap_cache_gives_the_same_text(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import _cmap

    files = sorted((corpus / "aao").glob("aao__B2__*.pdf"))[:3]
    assert files
    plain = [pdftext._extract_pypdf(str(f), None) for f in files]
    monkeypatch.setattr(_cmap, "_parse_to_unicode", _cmap._parse_to_unicode)  # restored after
    calls: list[int] = []
    original = _cmap._parse_to_unicode

    def counting(ft: dict) -> object:
        if "/ToUnicode" in ft:
            calls.append(1)
        return original(ft)

    monkeypatch.setattr(_cmap, "_parse_to_unicode", counting)
    pdftext._install_cmap_cache()
    pdftext._install_cmap_cache()  # once only
    first = [pdftext._extract_pypdf(str(f), None) for f in files]
    parsed = len(calls)
    again = [pdftext._extract_pypdf(str(f), None) for f in files]
    assert [r.pages for r in first] == [r.pages for r in plain]
    assert [r.pages for r in again] == [r.pages for r in plain]
    assert all(r.status == "ok" for r in plain)
    assert parsed and len(calls) == parsed, "the second pass parsed no CMap again"
