"""The demo documents' text files: named sections of paragraphs with {placeholders}.

The wording of every demo document lives in ``resources/samples/demo/*.txt`` so it
can be read and edited as prose, apart from the code that picks the values.
The format (``resources/samples/demo/README.md`` says the same for editors):

* text before the first section is a description for the reader, never printed;
* a line ``## name`` starts a section;
* in a section, blank lines separate paragraphs and the lines of a paragraph are
  printed as separate lines;
* ``{name}`` is replaced by a value; a paragraph that is only ``{name}`` takes a
  list of paragraphs (zero or more), which are inserted as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Values = Mapping[str, str | Sequence[str]]

SECTION_MARK = "## "


class _Strings(dict[str, str]):
    """The values a paragraph's placeholders may take: strings only, each one known."""

    def __init__(self, values: Values, where: str) -> None:
        super().__init__((k, v) for k, v in values.items() if isinstance(v, str))
        self.lists = {k for k, v in values.items() if not isinstance(v, str)}
        self.where = where

    def __missing__(self, key: str) -> str:
        kind = "is a list of paragraphs" if key in self.lists else "has no value"
        raise KeyError(f"{self.where}: {{{key}}} {kind}")


@dataclass(frozen=True)
class TextFile:
    """One parsed text file: its sections' paragraphs, placeholders not yet filled."""

    name: str
    sections: Mapping[str, tuple[str, ...]]

    def raw(self, section: str) -> tuple[str, ...]:
        """The section's paragraphs as written (for choosing or shuffling before filling)."""
        try:
            return self.sections[section]
        except KeyError:
            raise KeyError(f"{self.name} has no section {section!r}") from None

    def paragraphs(self, section: str, values: Values) -> list[str]:
        """The section's paragraphs with the values filled in and lists spliced."""
        return fill_all(self.raw(section), values, f"{self.name} [{section}]")

    def phrase(self, section: str, values: Values) -> str:
        """A one-paragraph section, filled: a phrase that goes into other paragraphs."""
        paragraphs = self.paragraphs(section, values)
        if len(paragraphs) != 1:
            raise ValueError(f"{self.name} [{section}] is not one paragraph")
        return paragraphs[0]


def fill(template: str, values: Values, where: str = "text") -> str:
    """One paragraph with its placeholders replaced by string values."""
    return template.format_map(_Strings(values, where))


def fill_all(templates: Sequence[str], values: Values, where: str = "text") -> list[str]:
    """Paragraphs filled; a paragraph that is only ``{name}`` of a list becomes that list."""
    out: list[str] = []
    for template in templates:
        name = template[1:-1]
        spliced = values.get(name) if template == "{" + name + "}" else None
        if spliced is not None and not isinstance(spliced, str):
            out.extend(spliced)
        else:
            out.append(fill(template, values, where))
    return out


def parse(name: str, text: str) -> TextFile:
    """Read a text file's sections (see the module's docstring for the format)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None  # the paragraphs of the section being read
    lines: list[str] = []  # the paragraph being read

    def end_paragraph() -> None:
        if current is not None and lines:
            current.append("\n".join(lines))
        lines.clear()

    for line in text.splitlines():
        if line.startswith(SECTION_MARK):
            end_paragraph()
            section = line[len(SECTION_MARK) :].strip()
            if not section or section in sections:
                raise ValueError(f"{name}: empty or repeated section name {section!r}")
            current = sections[section] = []
        elif not line.strip():
            end_paragraph()
        else:
            lines.append(line.strip())
    end_paragraph()
    if not sections:
        raise ValueError(f"{name}: no '## section' in the file")
    return TextFile(name, {key: tuple(value) for key, value in sections.items()})
