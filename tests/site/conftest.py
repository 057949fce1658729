"""Fixtures of the site tests: the small fixture project, built once per test module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project (tests/fixtures/project) built into a temporary folder."""
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "project", project)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    return project / "site"
