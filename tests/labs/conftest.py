"""Fixture projects for the lab tests: fresh copies, so caches never leak between tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "labs"


def copy_lab_project(name: str, destination: Path) -> Path:
    """Copy ``tests/fixtures/labs/<name>`` (a project with a ``labs/`` folder)."""
    return Path(shutil.copytree(FIXTURES / name, destination / name))


@pytest.fixture
def good_project(tmp_path: Path) -> Path:
    return copy_lab_project("good", tmp_path)
