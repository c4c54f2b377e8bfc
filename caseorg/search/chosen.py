"""Which search engine a library uses: Whoosh (the default) or tantivy (``caseorg[fast]``).

The choice is a library setting (the ``search_engine`` row of ``meta``), so every
window and the CLI agree. An engine is named here by module and class and imported
only when a library asks for it; a missing one is a one-line :class:`EngineMissing`.
The importer is a parameter so a test can show that message without uninstalling.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from caseorg.errors import InvalidValue

if TYPE_CHECKING:
    from caseorg.library import Library

DEFAULT_ENGINE = "whoosh"
SETTING_KEY = "search_engine"
# name -> (module, class); the module is imported only when the engine is used
ENGINES: dict[str, tuple[str, str]] = {
    "whoosh": ("caseorg.search.engine", "WhooshIndex"),
    "tantivy": ("caseorg.search.fast", "TantivyIndex"),
}
EXTRAS = {"tantivy": "caseorg[fast]"}
PACKAGES = {"whoosh": "whoosh", "tantivy": "tantivy"}  # what each engine needs installed
Importer = Callable[[str], ModuleType]


class EngineMissing(InvalidValue):
    """The library's search engine cannot be imported here (its package is not installed)."""


def check_name(name: str) -> str:
    """``name`` as a known engine name, or InvalidValue listing them."""
    normal = (name or "").strip().lower()
    if normal not in ENGINES:
        raise InvalidValue(f"unknown search engine {name!r}: use {' or '.join(ENGINES)}")
    return normal


def engine_class(name: str, importer: Importer = importlib.import_module) -> Any:
    """The index class of engine ``name``; EngineMissing when its package is not installed."""
    module_name, class_name = ENGINES[check_name(name)]
    try:
        module = importer(module_name)
    except ImportError as exc:
        extra = EXTRAS.get(name, "caseorg")
        raise EngineMissing(
            f"the {name} search engine is not installed ({exc.name or exc}): "
            f"install {extra} (pip install '{extra}') or use --engine {DEFAULT_ENGINE}"
        ) from None
    return getattr(module, class_name)


def chosen_engine(lib: Library) -> str:
    """The engine this library is set to use (the default when unset or unknown)."""
    row = lib.conn.execute("SELECT value FROM meta WHERE key = ?", [SETTING_KEY]).fetchone()
    name = (row[0] if row else "") or DEFAULT_ENGINE
    return name if name in ENGINES else DEFAULT_ENGINE


def set_engine(lib: Library, name: str, importer: Importer = importlib.import_module) -> str:
    """Choose the library's engine (audited like any setting); the index is then rebuilt
    by whoever asks for it. EngineMissing, and nothing stored, when it is not installed."""
    from caseorg.library import audit

    normal = check_name(name)
    engine_class(normal, importer)
    lib.require_writable()
    with lib.db.atomic():
        before = chosen_engine(lib)
        if before == normal:
            return normal
        lib.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [SETTING_KEY, normal],
        )
        audit.record(
            lib.db,
            lib.actor,
            "update",
            "setting",
            None,
            {SETTING_KEY: before},
            {SETTING_KEY: normal},
        )
    return normal


def installed_engines(finder: Callable[[str], Any] = importlib.util.find_spec) -> list[str]:
    """The engines whose package is installed here (for the app's choice: looked up,
    not imported, so showing the choice costs nothing)."""
    return [name for name in ENGINES if finder(PACKAGES[name]) is not None]
