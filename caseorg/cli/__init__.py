"""The ``caseorg`` command line: one module per command group, joined by ``app.cli``."""
