"""The house rules of design.md §1, read from the source (nothing here imports the app).

- no import circles between modules of caseorg/ or ui/ — counting every import, also the
  ones inside functions and under TYPE_CHECKING (a lazy import hides a circle, it does
  not remove it);
- the core's packages import only downward, in the order of ``LAYERS``;
- the core never imports Qt or the GUI, except in its composition roots;
- no module over ``MAX_LINES`` without a one-line reason at its top;
- every package says its job in its ``__init__`` docstring;
- the wheel installs only caseorg's own import names.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# import name -> folder in the source tree
TREES = {"caseorg": ROOT / "caseorg", "caseorg_ui": ROOT / "ui"}

# The core, low to high: a module may import from its own layer and the ones before it.
LAYERS: list[set[str]] = [
    {
        "errors",
        "values",
        "cancel",
        "progress",
        "choices",
        "rows",
        "words",
        "exports",
        "private_files",
    },
    {"library"},
    {"search"},
    {"records"},
    {"importing", "upkeep"},
    {"court", "eoir", "reports"},
    {"demo"},
    {"cli"},
    {"launch"},
]
# The only core modules that may reach the GUI (lazily): they start the app or print.
COMPOSITION_ROOTS = {"caseorg.launch", "caseorg.cli.app", "caseorg.cli.printing"}
GUI_ROOTS = ("PySide6", "shiboken6", "caseorg_ui")
MAX_LINES = 600
SIZE_REASON = "# size:"  # a module over MAX_LINES says why on a line starting with this


def modules() -> Iterator[tuple[str, Path]]:
    for top, folder in TREES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join([top, *parts]), path


MODULES = dict(modules())


def offered(package: str) -> dict[str, str]:
    """What a package's ``__init__`` offers, name -> module, read from its TYPE_CHECKING block."""
    names: dict[str, str] = {}
    for node in ast.walk(ast.parse(MODULES[package].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(package + "."):
            for alias in node.names:
                names[alias.asname or alias.name] = node.module or ""
    return names


def lazily_offered(package: str) -> dict[str, str]:
    """The same, from the map the ``__init__`` hands to :func:`caseorg.exports.lazy_exports`."""
    names: dict[str, str] = {}
    tree = ast.parse(MODULES[package].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "lazy_exports"
            and isinstance(node.args[1], ast.Dict)
        ):
            for key, value in zip(node.args[1].keys, node.args[1].values, strict=True):
                module = ast.literal_eval(key)  # type: ignore[arg-type]
                for name in ast.literal_eval(value).split():
                    names[name] = f"{package}.{module}"
    return names


PACKAGES = sorted(n for n, p in MODULES.items() if p.name == "__init__.py")
OFFERS = {package: offered(package) for package in PACKAGES}


def imported_names(name: str, path: Path) -> Iterator[str]:
    """Every module this one imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            if base not in OFFERS or node.level:
                yield base
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:  # `from package import module`
                    yield f"{base}.{alias.name}"
                elif alias.name in OFFERS.get(base, {}):  # a name the package offers
                    yield OFFERS[base][alias.name]
                elif base in OFFERS:
                    yield base


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = set()
        for imported in imported_names(name, path):
            # `import caseorg.records.cases` also runs caseorg/__init__ and records/__init__;
            # those are not edges worth a circle: count the module itself
            if imported in MODULES and imported != name:
                targets.add(imported)
        edges[name] = targets
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            # a package's __init__ importing its own modules is how it names what it offers
            if node == nxt.rpartition(".")[0]:
                continue
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_graph_reader_sees_a_circle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circles() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "caseorg" or len(parts) < 2:
        return None
    for number, layer in enumerate(LAYERS):
        if parts[1] in layer:
            return number
    raise AssertionError(f"{module}: its package is in no layer of LAYERS; place it there")


def test_core_imports_only_downward() -> None:
    wrong = []
    for name, targets in graph().items():
        here = layer_of(name)
        if here is None:
            continue
        for target in targets:
            there = layer_of(target)
            if there is not None and there > here:
                wrong.append(f"{name} imports {target} (a higher layer)")
    assert wrong == []


def test_core_never_imports_the_gui_outside_its_composition_roots() -> None:
    wrong = []
    for name, path in MODULES.items():
        if not name.startswith("caseorg.") and name != "caseorg":
            continue
        if any(name == root or name.startswith(root + ".") for root in COMPOSITION_ROOTS):
            continue
        for imported in imported_names(name, path):
            if imported.split(".")[0] in GUI_ROOTS:
                wrong.append(f"{name} imports {imported}")
    assert wrong == []


def test_no_module_over_the_size_rule_without_a_reason() -> None:
    too_long = []
    for path in MODULES.values():
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > MAX_LINES and not any(line.startswith(SIZE_REASON) for line in lines[:30]):
            too_long.append(f"{path.relative_to(ROOT)}: {len(lines)} lines")
    assert too_long == []


@pytest.mark.parametrize("name", PACKAGES)
def test_every_package_says_its_job_and_what_it_offers(name: str) -> None:
    doc = ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8")))
    assert doc, f"{name}/__init__.py has no docstring"
    assert doc != "TODO"
    assert OFFERS[name] == lazily_offered(name), "the TYPE_CHECKING block and the lazy map differ"
    for offer, module in OFFERS[name].items():
        assert module in MODULES, f"{name} offers {offer} from {module}, which does not exist"
        assert offer in defined_names(MODULES[module]), f"{module} does not define {offer}"


def defined_names(path: Path) -> set[str]:
    """Top-level names a module defines or imports."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def test_other_packages_import_through_the_package() -> None:
    """Code outside a package imports what the package offers from the package itself."""
    private = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            package = node.module.rpartition(".")[0]
            inside = name == package or name.startswith(package + ".")
            if package in OFFERS and node.module in MODULES and not inside:
                offers = OFFERS[package]
                wanted = [a.name for a in node.names if a.name in offers]
                if wanted:
                    private.append(f"{name}: from {node.module} import {', '.join(wanted)}")
    assert private == []


def test_the_wheel_installs_only_caseorg_names() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setup = config["tool"]["setuptools"]
    packages = set(setup["packages"])
    assert {p.split(".")[0] for p in packages} <= {"caseorg", "caseorg_ui", "caseorg_resources"}
    folders = {top: str(folder.relative_to(ROOT)) for top, folder in TREES.items()}
    assert setup["package-dir"]["caseorg_ui"] == folders["caseorg_ui"]
    # every package folder in the tree is installed (a missing one imports from a checkout only)
    in_tree = {n for n, p in MODULES.items() if p.name == "__init__.py"}
    assert in_tree <= packages
