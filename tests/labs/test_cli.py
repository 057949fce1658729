"""``courseware labs list`` and ``courseware labs run`` through click."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

from .conftest import copy_lab_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("labs-kernels")]


def test_run_executes_then_takes_labs_from_the_cache(good_project: Path) -> None:
    first = CliRunner().invoke(cli, ["labs", "run", "--root", str(good_project)])
    assert first.exit_code == 0, first.stderr
    assert "labs: executed 2" in first.stderr and "cached 0" in first.stderr
    listing = CliRunner().invoke(cli, ["labs", "list", "--root", str(good_project)])
    assert listing.exit_code == 0
    assert listing.stdout.splitlines()[1].split() == [
        "fit",
        "Fitting",
        "a",
        "line",
        "basics",
        "10",
        "none",
        "yes",
    ]
    second = CliRunner().invoke(cli, ["labs", "run", "hello", "--root", str(good_project)])
    assert second.exit_code == 0
    assert "labs: executed 0 (0.0 s), cached 1" in second.stderr


def test_run_exits_1_with_the_lab_message(tmp_path: Path) -> None:
    root = copy_lab_project("broken", tmp_path)
    result = CliRunner().invoke(cli, ["labs", "run", "raising", "--root", str(root)])
    assert result.exit_code == 1
    assert "labs/raising.py:14 (cell 2): ZeroDivisionError: division by zero" in result.stderr
    assert "Traceback" not in result.stderr and "\x1b[" not in result.stderr
    unknown = CliRunner().invoke(cli, ["labs", "run", "nope", "--root", str(root)])
    assert unknown.exit_code == 2
