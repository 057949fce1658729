"""The labs' runtime: the footprint and datasheet libraries as a wheel of their own.

A student who downloads a lab needs the libraries it calls, not the site builder: the wheel
holds ``courseware.footprint``, ``courseware.datasheet`` and the few shared modules they
import, and depends only on what those need. It is built from this installed package's own
files (so the site offers exactly the code it ran the labs with), by hatchling through pip's
standard build interface (PEP 517), and is reproducible: hatchling writes fixed timestamps,
so the same files give the same bytes.
"""

from __future__ import annotations

import ast
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import courseware
from courseware.errors import BuildError
from courseware.labs.source import Lab

DISTRIBUTION = "tinyml-courseware-labs"
"""The wheel's name on disk and in ``pip list``."""

PROVIDES = "courseware"
"""The requirement a lab header names for these libraries (``requirements: [courseware]``)."""

LIBRARIES = ("footprint", "datasheet")
"""The packages of ``courseware`` that labs call."""

_THIRD_PARTY = {
    "numpy": "numpy",
    "yaml": "PyYAML",
    "pydantic": "pydantic",
    "langcodes": "langcodes",
}
"""Top-level module the libraries import at module level → the distribution providing it.

A module not listed here stops the wheel build, so a new dependency cannot be left out."""

PLOT_EXTRA = "plot"
_PLOT_DISTRIBUTIONS = ("matplotlib",)
"""Only ``footprint.plot`` draws; it is an optional extra, as a lab without figures needs none."""

_PACKAGE_DIR = Path(courseware.__file__).resolve().parent


@dataclass(frozen=True)
class RuntimeWheel:
    """A built wheel and what it holds."""

    path: Path
    members: tuple[str, ...]
    """Paths inside ``courseware/`` that the wheel includes (files and package folders)."""

    @property
    def filename(self) -> str:
        return self.path.name


def needs_runtime(lab: Lab) -> bool:
    """Whether ``lab`` imports the course's libraries (its header names :data:`PROVIDES`)."""
    return PROVIDES in lab.requirements


def runtime_members(package_dir: Path = _PACKAGE_DIR) -> tuple[str, ...]:
    """The libraries plus every shared module they import, found by reading their imports.

    Reading the imports (not a hand-kept list) keeps the wheel complete when a library starts
    using another shared module, and refuses, with a clear error, a library that reaches into
    the site builder.

    Raises:
        BuildError: when a library imports a ``courseware`` package that is not a library.
    """
    members: set[str] = set(LIBRARIES)
    pending = [package_dir / name for name in LIBRARIES]
    while pending:
        path = pending.pop()
        files = _member_files(path)
        for source in (f for f in files if f.suffix == ".py"):
            for name in _courseware_imports(source):
                if name in members:
                    continue
                module = package_dir / f"{name}.py"
                if not module.is_file():
                    raise BuildError(
                        f"{source.relative_to(package_dir.parent)} imports courseware.{name}, "
                        "which the labs' runtime does not ship; keep the libraries free of the "
                        "site builder"
                    )
                members.add(name)
                pending.append(module)
    return tuple(sorted(m if m in LIBRARIES else f"{m}.py" for m in members))


def runtime_dependencies() -> tuple[list[str], list[str]]:
    """The wheel's requirements and its plot extra, with the ranges courseware itself pins.

    Taking the ranges from courseware's own metadata keeps one copy of each pin
    (``pyproject.toml``).
    """
    pinned = {_requirement_name(r): r for r in metadata.requires("courseware") or []}
    needed = sorted({_THIRD_PARTY[m] for m in _third_party_imports()})
    missing = [name for name in (*needed, *_PLOT_DISTRIBUTIONS) if name.lower() not in pinned]
    if missing:
        raise BuildError(f"pyproject.toml pins no range for {', '.join(missing)}")
    core = [pinned[name.lower()] for name in needed]
    plot = [pinned[name.lower()] for name in _PLOT_DISTRIBUTIONS]
    return core, plot


def runtime_fingerprint(package_dir: Path = _PACKAGE_DIR) -> str:
    """A hash of every file the wheel would hold, its version and its requirements."""
    digest = hashlib.sha256()
    digest.update(courseware.__version__.encode())
    digest.update(repr(runtime_dependencies()).encode())
    for member in runtime_members(package_dir):
        for path in _member_files(package_dir / member):
            digest.update(str(path.relative_to(package_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_runtime_wheel(out_dir: Path, package_dir: Path = _PACKAGE_DIR) -> RuntimeWheel:
    """Build the wheel into ``out_dir`` and return it.

    Raises:
        BuildError: when hatchling is missing or the build fails (its output is in the message).
    """
    members = runtime_members(package_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cw-runtime-") as scratch:
        project, wheels = Path(scratch, "project"), Path(scratch, "wheels")
        project.mkdir()
        (project / "pyproject.toml").write_text(_pyproject(package_dir, members), "utf-8")
        (project / "README.md").write_text(_README, encoding="utf-8")
        command = [
            sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
            "--no-build-isolation", "--wheel-dir", str(wheels), str(project),
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        built = sorted(wheels.glob("*.whl"))
        if result.returncode != 0 or len(built) != 1:
            output = (result.stderr or result.stdout).strip().splitlines()
            hint = "; pip install hatchling" if "hatchling" in " ".join(output) else ""
            raise BuildError(
                f"could not build the labs' runtime wheel{hint}: {' '.join(output[-3:])}"
            )
        path = out_dir / built[0].name
        built[0].replace(path)
    return RuntimeWheel(path=path, members=members)


def cached_runtime_wheel(cache_dir: Path, package_dir: Path = _PACKAGE_DIR) -> RuntimeWheel:
    """The wheel for the current files, built once per fingerprint of them into ``cache_dir``.

    A build that changed no library file reuses the wheel (building one starts pip, about two
    seconds); a changed file gets a new folder, and older folders are removed.
    """
    fingerprint = runtime_fingerprint(package_dir)
    folder = cache_dir / fingerprint[:16]
    found = sorted(folder.glob("*.whl")) if folder.is_dir() else []
    if len(found) == 1:
        return RuntimeWheel(path=found[0], members=runtime_members(package_dir))
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".building-"))
    try:
        built = build_runtime_wheel(scratch, package_dir)
        for old in cache_dir.iterdir():
            if old.is_dir() and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        scratch.rename(folder)  # one rename: a folder is complete or absent
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return RuntimeWheel(path=folder / built.path.name, members=built.members)


_README = """\
# tinyml-courseware-labs

The footprint and datasheet libraries that the labs of the courseware TinyML course call,
without the site builder. Install the downloaded file with
`pip install tinyml_courseware_labs-*.whl` (add `[plot]` for the labs' figures).
"""


def _pyproject(package_dir: Path, members: tuple[str, ...]) -> str:
    core, plot = runtime_dependencies()
    files = [package_dir / "__init__.py"]
    for member in members:
        files += _member_files(package_dir / member)
    # Each file by name: force-include copies whole folders as they are, caches included.
    include = "\n".join(
        f'"{path.as_posix()}" = "courseware/{path.relative_to(package_dir).as_posix()}"'
        for path in files
    )
    return f"""\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "{DISTRIBUTION}"
version = "{courseware.__version__}"
description = "The footprint and datasheet libraries of the courseware TinyML labs"
readme = "README.md"
license = "Apache-2.0"
requires-python = ">=3.11"
dependencies = {_toml_list(core)}

[project.optional-dependencies]
{PLOT_EXTRA} = {_toml_list(plot)}

[tool.hatch.build.targets.wheel]
bypass-selection = true

[tool.hatch.build.targets.wheel.force-include]
{include}
"""


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def _member_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _courseware_imports(path: Path) -> set[str]:
    """The ``courseware.X`` names a module imports, anywhere in it (lazy imports too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "courseware" and len(parts) > 1:
                names.add(parts[1])
    return names


def _third_party_imports(package_dir: Path = _PACKAGE_DIR) -> set[str]:
    """Third-party top-level modules the runtime imports at module level (plot aside)."""
    found: set[str] = set()
    for member in runtime_members(package_dir):
        for path in _member_files(package_dir / member):
            if path.suffix != ".py" or path.name == "plot.py":
                continue
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    top = {node.module.split(".")[0]}
                elif isinstance(node, ast.Import):
                    top = {alias.name.split(".")[0] for alias in node.names}
                else:
                    continue
                found |= top - set(sys.stdlib_module_names) - {"courseware"}
    unknown = sorted(found - set(_THIRD_PARTY))
    if unknown:
        raise BuildError(
            f"the labs' runtime imports {', '.join(unknown)}, which it does not declare; "
            "add the distribution to _THIRD_PARTY in courseware/labs/runtime_wheel.py"
        )
    return found


def _requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    return match.group(0).lower() if match else requirement.lower()
