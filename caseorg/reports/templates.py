"""The Jinja2 environment the printed reports are rendered with (autoescaped).

Templates live in ``resources/templates`` (the ``caseorg_resources.templates``
package) and are autoescaped: whatever a clerk typed prints as text, never as
markup. The HTML is written for Qt's ``QTextDocument`` (a small HTML4/CSS subset:
tables with border attributes, headings, inline colours; no external resources),
which ``caseorg_ui.printing.output`` turns into a PDF. It also opens in any browser.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

TEMPLATE_PACKAGE = "caseorg_resources.templates"


def _load_template(name: str) -> str | None:
    resource = resources.files(TEMPLATE_PACKAGE).joinpath(name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8")


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2  # ~30 ms: loaded when the first report is rendered, not with the case view

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_load_template),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, context: dict[str, Any]) -> str:
    """Render one of the report templates (``summary.html``, ``docket.html``, ...)."""
    return _environment().get_template(template).render(**context)
