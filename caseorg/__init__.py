"""caseorg core: the case library, import, search and reports — no Qt here."""

__version__ = "0.1.0"
