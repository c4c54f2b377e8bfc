"""caseorg desktop app (PySide6). The core in caseorg/ never imports this package."""
