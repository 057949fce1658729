"""The package map of DESIGN.md holds: nothing imports upward, leaf libraries stay leaves."""

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
    "atomic_files",
    "fingerprints",
    "project_paths",
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
