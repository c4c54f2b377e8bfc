"""The GUI's two house rules, checked on the source of every module under ui/ (read as
text and parsed, never imported, so a broken module is still checked):

- the GUI calls the core, never the database: no ``.execute(``, ``.executemany(``,
  ``.query(``, ``.conn``, ``lib.db``, and no SQL statement text in any string;
- Qt comes through one door: PySide6 and shiboken6 are imported only in ui/qt.py.

Each test lists every offending file and line, so one run shows all there is to fix.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
QT_DOOR = {"qt.py"}  # the one module that imports PySide6 (paths relative to ui/)
QT_PACKAGES = ("PySide6", "shiboken6")

DB_CALLS = {"execute", "executemany", "executescript", "query"}
SQL = re.compile(
    r"\bSELECT\b.+?\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b",
    re.DOTALL,
)


def ui_modules() -> list[Path]:
    modules = sorted(UI.rglob("*.py"))
    assert UI / "qt.py" in modules, f"no GUI sources under {UI}"  # never pass on nothing
    return modules


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def where(path: Path, node: ast.AST, root: Path) -> str:
    return f"ui/{path.relative_to(root).as_posix()}:{getattr(node, 'lineno', 0)}"


def last_name(node: ast.expr) -> str:
    """'lib' for ``lib``, ``self.lib``, ``window.read_lib``; '' for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def method_called(node: ast.AST) -> str:
    """'execute' for ``x.execute(...)``; '' for any other node."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def string_text(node: ast.AST) -> str | None:
    """The text of a string expression: a literal, an f-string (its holes as {}), or
    literals joined with +; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = string_text(node.left), string_text(node.right)
        if left is not None or right is not None:
            return (left or "{}") + (right or "{}")
    return None


def database_uses(path: Path, root: Path = UI) -> Iterator[str]:
    """Every place in ``path`` that reaches the database or holds SQL."""
    for node in ast.walk(parsed(path)):
        if method_called(node) in DB_CALLS:
            yield f"{where(path, node, root)}: .{method_called(node)}( call"
        if isinstance(node, ast.Attribute):
            if node.attr == "conn":
                yield f"{where(path, node, root)}: .conn attribute"
            elif node.attr == "db" and last_name(node.value).endswith("lib"):
                yield f"{where(path, node, root)}: lib.db attribute"
        text = string_text(node)
        if text is not None:
            match = SQL.search(text)
            if match:
                snippet = " ".join(match.group(0).split())[:60]
                yield f"{where(path, node, root)}: SQL text {snippet!r}"


def qt_imports(path: Path, root: Path = UI) -> Iterator[str]:
    """Every import of PySide6/shiboken6 in ``path`` (statements and import_module)."""
    for node in ast.walk(parsed(path)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and last_name(node.func) in ("import_module", "__import__")
            and node.args
        ):
            text = string_text(node.args[0])
            names = [text] if text else []
        for name in names:
            if name.split(".")[0] in QT_PACKAGES:
                yield f"{where(path, node, root)}: imports {name}"


def offences(
    check: Callable[[Path, Path], Iterator[str]], modules: list[Path], root: Path = UI
) -> list[str]:
    """Every offence ``check`` finds in ``modules``, by file and line."""
    found: set[str] = set()
    for path in modules:
        found.update(check(path, root))
    return sorted(found, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_the_gui_never_runs_sql() -> None:
    found = offences(database_uses, ui_modules())
    assert not found, "the GUI reaches the database (call a core function):\n" + "\n".join(found)


def test_qt_is_imported_only_through_caseorg_ui_qt() -> None:
    modules = [p for p in ui_modules() if p.relative_to(UI).as_posix() not in QT_DOOR]
    found = offences(qt_imports, modules)
    assert not found, "import Qt names from caseorg_ui.qt:\n" + "\n".join(found)


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    """The rules themselves: each pattern is caught, plain words are not."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import PySide6.QtCore\n"
        "from shiboken6 import isValid\n"
        "lib.conn.execute('x')\n"
        "rows = self.read_lib.db['cases']\n"
        "q = f'SELECT id FROM {table}'\n"
        "s = 'UPDATE cases SET judge_id = ?'\n"
        "t = 'DELETE ' + 'FROM notes'\n"
        "u = 'INSERT INTO tags VALUES (?)'\n"
        "importlib.import_module('PySide6.QtCharts')\n"
    )
    good = tmp_path / "good.py"
    good.write_text("hint = 'Select a case on the left.'\nmenu.exec(point)\n")
    lines = {line.split(": ", 1)[0] for line in offences(database_uses, [bad], tmp_path)}
    assert sorted(lines) == [f"ui/bad.py:{n}" for n in (3, 4, 5, 6, 7, 8)]
    assert len(offences(qt_imports, [bad], tmp_path)) == 3
    assert offences(database_uses, [good], tmp_path) == []
    assert offences(qt_imports, [good], tmp_path) == []
