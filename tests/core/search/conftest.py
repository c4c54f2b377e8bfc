"""The AAO corpus library, imported once for every search test that asks for it."""

from core.search.aao_corpus import aao as aao

__all__ = ["aao"]
