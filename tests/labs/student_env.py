"""Fresh virtual environments as a student makes them: only a lab's requirements and the
labs' runtime wheel, installed from local files with no package index.

The third-party wheels are fetched once per test session into a local folder (``pip
download``, served from pip's cache after the first run); the install itself then runs with
``--no-index``, as it would from a USB stick or a downloaded offline bundle.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from courseware.labs.runtime_wheel import PROVIDES

NOTEBOOK_KERNEL = "ipykernel"
"""What Jupyter needs to run a notebook in the environment (the student's Jupyter or VS Code
provides the rest)."""


def student_requirements(lab_requirements: list[str], wheel: Path) -> list[str]:
    """The pip arguments for a lab: its third-party requirements, and the wheel where the lab
    asks for the course's libraries."""
    third_party = [name for name in lab_requirements if name != PROVIDES]
    return sorted(third_party) + ([str(wheel)] if PROVIDES in lab_requirements else [])


def download_wheelhouse(requirements: list[str], wheel: Path, folder: Path) -> Path:
    """Fetch the wheels ``requirements`` (and the runtime wheel's own dependencies) need."""
    folder.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary", ":all:"]
    command += ["--dest", str(folder), *requirements]
    subprocess.run(command, check=True, capture_output=True, text=True)
    return folder


def create_environment(folder: Path, requirements: list[str], wheelhouse: Path) -> Path:
    """A new virtual environment holding ``requirements`` only; returns its Python."""
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    python = folder / "bin" / "python"
    command = [str(python), "-m", "pip", "install", "--quiet", "--no-index"]
    command += ["--find-links", str(wheelhouse), *requirements]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return python


def installed_distributions(python: Path) -> set[str]:
    """Lower-case names of what ``pip list`` shows in the environment."""
    result = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return {line.split("==")[0].lower() for line in result.stdout.splitlines() if "==" in line}
