"""The command line's old address, kept for callers not yet moved to :mod:`caseorg.cli.app`.

Tests and scripts of other packages still import ``cli`` from here; once they go through
``caseorg.cli`` this module can be deleted.
"""

from caseorg.cli.app import cli, main, unexpected_error_line

__all__ = ["cli", "main", "unexpected_error_line"]

if __name__ == "__main__":  # pragma: no cover - ``python -m caseorg.cli.main``
    main()
