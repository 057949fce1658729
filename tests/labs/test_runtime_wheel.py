"""The labs' runtime wheel: what it holds, what it needs, and that it installs and imports in a
fresh environment without the site builder."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from tests.labs.student_env import (
    create_environment,
    download_wheelhouse,
    installed_distributions,
    student_requirements,
)

import courseware
from courseware.errors import BuildError
from courseware.labs.runtime_wheel import (
    DISTRIBUTION,
    RuntimeWheel,
    build_runtime_wheel,
    runtime_dependencies,
    runtime_fingerprint,
    runtime_members,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("runtime-wheel")]

PACKAGE = Path(courseware.__file__).resolve().parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> RuntimeWheel:
    return build_runtime_wheel(tmp_path_factory.mktemp("wheel"))


def wheel_names(wheel: RuntimeWheel) -> list[str]:
    with zipfile.ZipFile(wheel.path) as archive:
        return archive.namelist()


def test_the_wheel_holds_the_libraries_and_nothing_of_the_site_builder(wheel: RuntimeWheel) -> None:
    names = wheel_names(wheel)
    packages = {name.split("/")[1] for name in names if name.startswith("courseware/")}
    assert {"footprint", "datasheet", "errors.py", "__init__.py"} <= packages
    assert not packages & {"site", "cli", "registry", "labs", "i18n"}
    assert "courseware/footprint/data/calculator.yaml" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert wheel.path.stat().st_size < 200_000


def test_its_requirements_are_the_libraries_own_with_the_projects_ranges(
    wheel: RuntimeWheel,
) -> None:
    core, plot = runtime_dependencies()
    assert [r.split("<")[0].split(">")[0].lower() for r in core] == [
        "pyyaml", "numpy", "pydantic",
    ]  # fmt: skip
    # langcodes[data] (about 24 MB of language names) stays with the site builder: the
    # libraries never read a language code.
    assert not [r for r in core if r.lower().startswith("langcodes")]
    assert plot and plot[0].startswith("matplotlib")
    with zipfile.ZipFile(wheel.path) as archive:
        meta = archive.read(
            f"{wheel.path.name.split('-')[0]}-{courseware.__version__}.dist-info/METADATA"
        )
    text = meta.decode()
    assert "mkdocs" not in text.lower() and "click" not in text.lower()
    assert "Requires-Dist: matplotlib" in text and "extra == 'plot'" in text


def test_the_same_files_give_the_same_bytes(wheel: RuntimeWheel, tmp_path: Path) -> None:
    again = build_runtime_wheel(tmp_path)
    assert again.path.read_bytes() == wheel.path.read_bytes()
    assert again.path.name.startswith(DISTRIBUTION.replace("-", "_") + "-")


def test_a_library_reaching_into_the_site_builder_stops_the_build(tmp_path: Path) -> None:
    package = tmp_path / "courseware"
    shutil.copytree(PACKAGE / "footprint", package / "footprint")
    shutil.copytree(PACKAGE / "datasheet", package / "datasheet")
    for module in PACKAGE.glob("*.py"):  # the shared base modules
        shutil.copy(module, package / module.name)
    before = runtime_fingerprint(package)
    (package / "footprint" / "leak.py").write_text("from courseware.site import build\n")
    with pytest.raises(BuildError, match=r"footprint/leak.py imports courseware.site"):
        runtime_members(package)
    (package / "footprint" / "leak.py").write_text("X = 1\n")
    assert runtime_fingerprint(package) != before


def test_it_installs_offline_in_a_fresh_environment_and_every_module_imports(
    wheel: RuntimeWheel, tmp_path: Path
) -> None:
    requirements = student_requirements(["courseware", "numpy"], wheel.path)
    wheelhouse = download_wheelhouse(requirements, wheel.path, tmp_path / "wheelhouse")
    python = create_environment(tmp_path / "env", requirements, wheelhouse)
    installed = installed_distributions(python)
    assert DISTRIBUTION in installed
    assert not installed & {
        "mkdocs", "mkdocs-material", "click", "nbclient", "jupytext", "babel", "langcodes",
        "language-data",
    }  # fmt: skip
    modules = [
        path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")
        for member in wheel.members
        for path in sorted(
            (PACKAGE / member).rglob("*.py") if (PACKAGE / member).is_dir() else [PACKAGE / member]
        )
        if path.name != "plot.py"
    ]
    script = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    result = subprocess.run(
        [str(python), "-c", script, *modules], capture_output=True, text=True, check=False,
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
