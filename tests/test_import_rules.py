"""The package map of ARCHITECTURE.md holds: nothing imports upward, leaf libraries stay leaves."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "courseware"

# package -> the courseware packages it may import (besides itself and the shared base modules).
ALLOWED: dict[str, set[str]] = {
    "footprint": set(),
    "datasheet": {"footprint"},
    "labs": set(),
    "i18n": set(),
    "registry": set(),
    "site": {"registry", "labs", "i18n", "footprint", "datasheet"},
    "cli": {"site", "registry", "labs", "i18n", "footprint", "datasheet"},
}
BASE_MODULES = {
    "errors",
    "yamlsafe",
    "validation",
    "textfields",
    "problem_codes",
    "problem_reference",
}
FORBIDDEN_THIRD_PARTY = {
    "footprint": {"mkdocs", "click", "matplotlib"},
    "datasheet": {"mkdocs", "click"},
    "registry": {"mkdocs"},
    "labs": {"mkdocs"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_packages_import_only_downward() -> None:
    problems = []
    for package, allowed in ALLOWED.items():
        folder = PACKAGE / package
        files = [folder.with_suffix(".py")] if not folder.is_dir() else sorted(folder.rglob("*.py"))
        for path in files:
            if not path.exists():
                continue
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] != "courseware" or len(parts) < 2:
                    continue
                target = parts[1]
                if target in {package, *allowed, *BASE_MODULES}:
                    continue
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_leaf_libraries_do_not_import_site_tools_at_module_level() -> None:
    problems = []
    for package, forbidden in FORBIDDEN_THIRD_PARTY.items():
        for path in sorted((PACKAGE / package).rglob("*.py")):
            if package == "footprint" and path.name == "plot.py":
                continue  # the plot helper is the one place matplotlib is allowed
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:  # module level only; functions may import lazily
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    if name.split(".")[0] in forbidden:
                        problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


# Packages whose modules import one another without a cycle, TYPE_CHECKING imports included.
# site/ is left out until its rooms are untangled (issue 13).
ACYCLIC = ("registry", "footprint", "datasheet", "labs", "i18n", "cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_graph() -> dict[str, set[str]]:
    """Module -> the courseware modules it imports anywhere in its text.

    ``from package import submodule`` counts as importing the submodule, not the package's
    ``__init__``, which Python runs first for every submodule anyway.
    """
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names if alias.name in paths}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    submodule = f"{node.module}.{alias.name}"
                    if submodule in paths:
                        targets.add(submodule)
                    elif node.module in paths:
                        targets.add(node.module)
        graph[name] = targets - {name}
    return graph


def _cycle_through(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """The shortest import path from ``start`` back to itself, if there is one."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        current = queue.pop(0)
        for target in sorted(graph[current]):
            if target == start:
                return [*paths[current], start]
            if target not in paths:
                paths[target] = [*paths[current], target]
                queue.append(target)
    return None


def test_packages_have_no_import_cycles() -> None:
    graph = _module_graph()
    cycles = set()
    for name in graph:
        if name.split(".")[1:2] and name.split(".")[1] in ACYCLIC:
            cycle = _cycle_through(name, graph)
            if cycle is not None:
                cycles.add(" -> ".join(cycle))
    assert sorted(cycles) == []


def test_cycle_finder_finds_the_loop() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycle_through("a", graph) == ["a", "b", "c", "a"]
    assert _cycle_through("d", graph) is None
