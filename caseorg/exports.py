"""What a package offers, loaded on first use: the ``__getattr__`` of every package ``__init__``.

Each package's ``__init__`` names what it offers twice by design: in a ``TYPE_CHECKING``
block (for readers and mypy) and in the map handed to :func:`lazy_exports` (for Python).
Importing a package then costs nothing until a name is used — the app's first window
touches a few names of ``caseorg.library`` and must not load every record module, the
search engine or sqlite-utils with them (tests/core/test_architecture.py holds the two
lists equal).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, offers: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, from ``{module: "name name ..."}``."""
    where = {name: module for module, names in offers.items() for name in names.split()}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # the next use is a plain lookup
        return value

    def __dir__() -> list[str]:
        return sorted(set(where) | set(vars(sys.modules[package])))

    return __getattr__, __dir__
