"""The tiny PDF writer: pypdf reads back what it wrote, on the right pages, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseorg.demo.pdfmake import LINES_PER_PAGE, build_pdf, wrap_text, write_text_pdf
from caseorg.search.handle import index_of


def page_lines(path: Path) -> list[list[str]]:
    reader = PdfReader(path, strict=True)
    return [[line for line in page.extract_text().split("\n") if line] for page in reader.pages]


def title_of(path: Path) -> str | None:
    metadata = PdfReader(path).metadata
    return metadata.title if metadata is not None else None


def test_explicit_pages_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    pages = [
        ["Notice to Appear", "File No. A-123-456-789", "The respondent is removable."],
        ["Second page", "with a few lines"],
    ]
    write_text_pdf(path, pages)
    assert page_lines(path) == pages
    assert title_of(path) is None


def test_title_is_first_line_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "titled.pdf"
    write_text_pdf(path, title="Respondent's Brief (Asylum)", paragraphs=["Body text."])
    assert title_of(path) == "Respondent's Brief (Asylum)"
    assert page_lines(path) == [["Respondent's Brief (Asylum)", "Body text."]]


def test_escaping_and_character_set(tmp_path: Path) -> None:
    path = tmp_path / "escape.pdf"
    lines = [
        "Exhibit (A) and (B)",
        "unbalanced ( paren",
        "closing ) only",
        r"back\slash and \(escaped\) and \\ double",
        "Latin-1: Menjívar, Muñoz, Müller, § 1229a, ¿qué?",
        "WinAnsi: “quoted” — it’s",
    ]
    write_text_pdf(path, [[*lines, "K'iche' ok; 日本語 and Ωmega"]], title="Título (ñ)")
    got = page_lines(path)[0]
    assert got[0] == "Título (ñ)"
    got = got[1:]
    assert got[:-1] == lines
    assert got[-1] == "K'iche' ok; ??? and ?mega"
    assert title_of(path) == "Título (ñ)"


def test_an_ascii_title_is_escaped_in_the_info_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "title.pdf"
    title = r"Brief (Asylum) and a \ back\slash ("
    write_text_pdf(path, [["body"]], title=title)
    assert title_of(path) == title
    assert b"/Title (Brief \\(Asylum\\) and a \\\\ back\\\\slash \\()" in path.read_bytes()


def test_control_characters_do_not_break_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.pdf"
    write_text_pdf(path, [["tab\there", "bell\x07 nul\x00 end", "two\nlines"]])
    assert page_lines(path) == [["tab here", "bell? nul? end", "two", "lines"]]


def test_paragraphs_wrap_onto_several_pages_in_order(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    paragraphs = [
        f"Paragraph {n}: the respondent fears persecution on account of membership in a "
        f"particular social group; country conditions evidence item {n} shows that the "
        "government is unable or unwilling to protect people in that situation. " * 3
        for n in range(40)
    ]
    write_text_pdf(path, title="A long brief", paragraphs=paragraphs)
    pages = page_lines(path)
    assert len(pages) > 3
    words = [word for page in pages for line in page for word in line.split()]
    assert words == ["A", "long", "brief", *" ".join(paragraphs).split()]
    body = [line for page in pages for line in page][1:]
    assert max(len(line) for line in body) <= 100
    assert sum(len(line) > 75 for line in body) > len(body) / 2  # lines are filled, ~90 chars
    for page in pages:
        assert len(page) <= LINES_PER_PAGE
    assert pages[0][0] == "A long brief"
    assert "A long brief" not in pages[1]


def test_each_page_holds_its_own_words(tmp_path: Path) -> None:
    path = tmp_path / "numbered.pdf"
    paragraphs = [f"marker{n:03d} " + "word " * 30 for n in range(60)]
    write_text_pdf(path, paragraphs=paragraphs)
    reader = PdfReader(path)
    seen: list[int] = []
    for page in reader.pages:
        numbers = [int(m) for m in re.findall(r"marker(\d{3})", page.extract_text())]
        assert numbers == sorted(numbers)
        seen += numbers
    assert seen == list(range(60))


def test_long_words_are_split_and_blank_lines_kept(tmp_path: Path) -> None:
    word = "x" * 200
    lines = wrap_text(f"short {word} end\n\nafter")
    assert lines[0] == "short"
    assert lines[-3:-1] == [lines[-3], ""] and lines[-3].endswith(" end")
    assert lines[-1] == "after"
    assert "".join(lines[1:-2]).removesuffix(" end") == word
    assert all(len(line) < 100 for line in lines)
    path = tmp_path / "split.pdf"
    write_text_pdf(path, paragraphs=[f"short {word} end"])
    assert "".join(page_lines(path)[0]) == f"short{word} end"


def test_xref_offsets_point_at_their_objects() -> None:
    data = build_pdf(paragraphs=["one", "two"], title="Offsets")
    start = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[start:].startswith(b"xref\n")
    lines = data[start:].split(b"\n")
    first, count = (int(x) for x in lines[1].split())
    assert first == 0
    entries = lines[2 : 2 + count]
    assert entries[0] == b"0000000000 65535 f "
    for number, entry in enumerate(entries[1:], start=1):
        assert len(entry) + 1 == 20  # each entry is exactly 20 bytes with its EOL
        offset = int(entry[:10])
        assert data[offset:].startswith(f"{number} 0 obj".encode())
    assert b"/Size %d" % count in data
    assert data.endswith(b"%%EOF\n")


def test_output_is_deterministic_and_written_atomically(tmp_path: Path) -> None:
    path = tmp_path / "same.pdf"
    write_text_pdf(path, paragraphs=["the same words"], title="Same")
    first = path.read_bytes()
    path.write_bytes(b"old content")
    write_text_pdf(path, paragraphs=["the same words"], title="Same")
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["same.pdf"]  # no temporary file left


def test_bad_arguments_leave_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    with pytest.raises(ValueError):
        write_text_pdf(path, [["a"]], paragraphs=["b"])
    with pytest.raises(FileNotFoundError):
        write_text_pdf(tmp_path / "missing" / "x.pdf", paragraphs=["b"])
    assert list(tmp_path.iterdir()) == []


def test_empty_document_is_one_blank_page(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    write_text_pdf(path)
    reader = PdfReader(path, strict=True)
    assert len(reader.pages) == 1
    assert reader.pages[0].extract_text().strip() == ""
    assert float(reader.pages[0].mediabox.width) == 612
    assert float(reader.pages[0].mediabox.height) == 792


def test_imported_like_a_real_file(lib: object, case: object, tmp_path: Path) -> None:
    from caseorg.importing.pipeline import import_files

    path = tmp_path / "Respondent_Brief.pdf"
    write_text_pdf(
        path,
        title="Respondent's Brief",
        paragraphs=["The respondent has a well-founded fear of persecution. " * 80],
    )
    report = import_files(lib, case.id, [path], workers=1)  # type: ignore[arg-type,attr-defined]
    assert report.count("imported") == 1
    hits = index_of(lib).search('"well-founded fear"')  # type: ignore[attr-defined]
    assert [h.title for h in hits] == ["Respondent's Brief"]  # its own /Title (issue 18)
    assert hits[0].page_count == 2
    assert hits[0].matching_pages == [1, 2]
