"""The core never loads Qt: every caseorg module imports in a process without PySide6."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib
    import json
    import pkgutil
    import sys

    import caseorg

    names = ["caseorg"]
    for info in pkgutil.walk_packages(caseorg.__path__, "caseorg."):
        importlib.import_module(info.name)
        names.append(info.name)
    gui_roots = ("PySide6", "shiboken6", "caseorg_ui")
    gui = sorted(m for m in sys.modules if m.split(".")[0] in gui_roots)
    print(json.dumps({"imported": names, "gui": gui}))
    """
)


def test_importing_every_core_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    imported = report["imported"]
    assert len(imported) >= 15
    for module in (
        "caseorg.library.folder",
        "caseorg.search.engine",
        "caseorg.importing.pipeline",
        "caseorg.cli.app",
    ):
        assert module in imported
    assert report["gui"] == [], f"the core loaded Qt or the ui package: {report['gui']}"
