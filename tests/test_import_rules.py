"""The package map of ARCHITECTURE.md holds: nothing imports upward, leaf libraries stay leaves,
no module imports itself round a circle, the rooms of ``site/`` keep their layering, and
packages are used through their ``__init__``."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

from courseware.registry.prerequisites import find_cycles, format_cycle

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "courseware"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import_rules"

# package -> the courseware packages it may import (besides itself and the shared base modules).
ALLOWED: dict[str, set[str]] = {
    "footprint": set(),
    "datasheet": {"footprint"},
    "labs": set(),
    "i18n": set(),
    "registry": {"i18n"},
    "assess": {"registry", "footprint"},
    "site": {"registry", "labs", "i18n", "footprint", "datasheet", "assess"},
    "cli": {"site", "registry", "labs", "i18n", "footprint", "datasheet", "assess"},
}
BASE_MODULES = {
    "errors",
    "yamlsafe",
    "validation",
    "textfields",
    "atomic_files",
    "fingerprints",
    "project_paths",
    "worker_lifetime",
    "output_folders",
    "problem_codes",
    "problem_reference",
}
FORBIDDEN_THIRD_PARTY = {
    "footprint": {"mkdocs", "click", "matplotlib"},
    "datasheet": {"mkdocs", "click"},
    "registry": {"mkdocs"},
    "labs": {"mkdocs"},
    "assess": {"mkdocs", "click", "matplotlib"},
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


# room of site/ -> the rooms it may import (besides itself). ARCHITECTURE.md draws it:
# commands on top, render at the bottom, the middle rooms in between.
SITE_LAYERS: dict[str, set[str]] = {
    "commands": {"print", "offline", "engine", "checks", "staging", "publish", "render"},
    "print": {"offline", "engine", "staging", "render"},
    "offline": {"engine", "staging", "publish", "render"},
    "engine": {"staging", "publish", "render"},
    "checks": {"staging", "render"},
    "staging": {"render"},
    "publish": set(),
    "render": set(),
}
PUBLIC_API_PACKAGES = {"site", "labs"}
"""Packages whose ``__init__`` names everything other packages use (``from courseware.site
import build_site``, never ``courseware.site.commands.build``). The registry, i18n, footprint
and datasheet packages do not yet export all the names others use."""


def module_name(path: Path, root: Path) -> str:
    """``root/site/render/html.py`` -> ``<root name>.site.render.html``."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run on import: the body, and inside ``if`` (``TYPE_CHECKING`` included),
    ``try`` and ``with`` blocks; not inside functions or classes."""
    for node in body:
        yield node
        if isinstance(node, ast.If):
            yield from _module_level(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            blocks = node.body + node.orelse + node.finalbody
            yield from _module_level(blocks + [s for h in node.handlers for s in h.body])
        elif isinstance(node, ast.With):
            yield from _module_level(node.body)


def bound_names(tree: ast.Module) -> set[str]:
    """The names a module binds at module level (what ``from it import name`` can take)."""
    names: set[str] = set()
    for node in _module_level(tree.body):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def imported_modules(
    tree: ast.Module, bound: Mapping[str, set[str]], *, module_level_only: bool
) -> set[str]:
    """The modules of ``bound`` (module name -> names it binds) that ``tree`` imports:
    ``from a import b`` takes ``b`` from ``a`` when ``a`` binds it, else the module ``a.b``."""
    nodes = _module_level(tree.body) if module_level_only else ast.walk(tree)
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in bound}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if node.module in bound and alias.name in bound[node.module]:
                    found.add(node.module)
                elif submodule in bound:
                    found.add(submodule)
                elif node.module in bound:
                    found.add(node.module)
    return found


def import_graph(root: Path, *, module_level_only: bool) -> dict[str, set[str]]:
    """Every module under ``root`` (a package folder) and the modules of it that it imports."""
    trees = {
        module_name(path, root): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*.py"))
    }
    bound = {name: bound_names(tree) for name, tree in trees.items()}
    return {
        name: imported_modules(tree, bound, module_level_only=module_level_only) - {name}
        for name, tree in trees.items()
    }


def import_cycles(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Every circle of imports once, as ``a → b → a`` (the registry's cycle finder, which
    reports prerequisite cycles the same way)."""
    cycles = find_cycles({name: sorted(targets) for name, targets in graph.items()})
    return [format_cycle(cycle) for cycle in cycles]


def layering_violations(
    graph: Mapping[str, set[str]], site: str, layers: Mapping[str, set[str]]
) -> list[str]:
    """Imports between rooms of the ``site`` package that its layering does not allow,
    imports of the package's own ``__init__`` from a room, and modules outside any room."""
    problems = []
    prefix = f"{site}."
    for module, targets in sorted(graph.items()):
        if not module.startswith(prefix):
            continue
        room = module[len(prefix) :].split(".")[0]
        if room not in layers:
            problems.append(f"{module} is in no room of {site}")
            continue
        for target in sorted(targets):
            if target == site:
                problems.append(f"{module} imports {site} (the package's own entrance)")
            elif target.startswith(prefix):
                other = target[len(prefix) :].split(".")[0]
                if other != room and other not in layers[room]:
                    problems.append(f"{module} ({room}) imports {target} ({other})")
    return problems


def deep_imports(
    graph: Mapping[str, set[str]], top: str, public: set[str], rooms_of: Mapping[str, set[str]]
) -> list[str]:
    """Imports from one package (or room) into another's modules instead of its
    ``__init__``, for the packages in ``public`` and the rooms in ``rooms_of``. A package's
    own ``__init__`` is its entrance and may import its rooms' modules."""
    problems = []
    for module, targets in sorted(graph.items()):
        if module.count(".") == 1:
            continue
        for target in sorted(targets):
            source_parts, target_parts = module.split("."), target.split(".")
            if len(target_parts) < 3 or target_parts[0] != top:
                continue
            package = target_parts[1]
            if package in public and source_parts[1:2] != [package]:
                problems.append(f"{module} imports {target}: use {top}.{package}")
            elif (
                package in rooms_of
                and source_parts[1:2] == [package]
                and len(target_parts) > 3
                and target_parts[2] in rooms_of[package]
                and source_parts[2:3] != target_parts[2:3]
            ):
                entrance = ".".join(target_parts[:3])
                problems.append(f"{module} imports {target}: use {entrance}")
    return problems


def test_no_module_imports_itself_round_a_circle() -> None:
    assert import_cycles(import_graph(PACKAGE, module_level_only=True)) == []


def test_the_rooms_of_site_keep_their_layering() -> None:
    graph = import_graph(PACKAGE, module_level_only=False)
    assert layering_violations(graph, "courseware.site", SITE_LAYERS) == []


def test_rooms_and_packages_are_used_through_their_init() -> None:
    graph = import_graph(PACKAGE, module_level_only=False)
    rooms = {"site": set(SITE_LAYERS)}
    assert deep_imports(graph, "courseware", PUBLIC_API_PACKAGES, rooms) == []


def test_site_layering_has_no_circle() -> None:
    assert import_cycles(SITE_LAYERS) == []


def test_every_room_has_a_one_line_docstring() -> None:
    for room in SITE_LAYERS:
        tree = ast.parse((PACKAGE / "site" / room / "__init__.py").read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree) or ""
        assert len(docstring.splitlines()) == 1, room


# The rules fail where they should: a small synthetic tree under tests/fixtures.


@pytest.fixture
def synthetic() -> Path:
    return FIXTURES / "pkg"


def test_a_module_cycle_is_found_type_checking_imports_included(synthetic: Path) -> None:
    cycles = import_cycles(import_graph(synthetic, module_level_only=True))
    assert cycles == ["pkg.site.staging.a → pkg.site.staging.b → pkg.site.staging.a"]


def test_a_function_level_import_is_no_cycle_but_breaks_the_layering(synthetic: Path) -> None:
    graph = import_graph(synthetic, module_level_only=False)
    layers = {"staging": {"render"}, "render": set()}
    assert layering_violations(graph, "pkg.site", layers) == [
        "pkg.site.render.card (render) imports pkg.site.staging.a (staging)"
    ]


def test_a_deep_import_across_rooms_is_found(synthetic: Path) -> None:
    graph = import_graph(synthetic, module_level_only=False)
    problems = deep_imports(graph, "pkg", set(), {"site": {"staging", "render"}})
    assert problems == [
        "pkg.site.render.card imports pkg.site.staging.a: use pkg.site.staging",
        "pkg.site.staging.a imports pkg.site.render.card: use pkg.site.render",
    ]


def test_only_the_engine_imports_mkdocs() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "site" / "engine"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            problems += [
                f"{path.relative_to(PACKAGE)} imports {name}"
                for name in names
                if name.split(".")[0] == "mkdocs"
            ]
    assert problems == []
