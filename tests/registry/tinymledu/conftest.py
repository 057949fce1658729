"""Shared fixtures: the TinyMLedu fixture files and a small project to import into."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[2] / "fixtures" / "tinymledu"
REPO = Path(__file__).parents[3]

DECLARED = {"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "ar": "Arabic"}
"""The languages of the repository's curriculum/languages.yaml, code → English name."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder holding only the repository's languages file."""
    (tmp_path / "curriculum").mkdir()
    shutil.copy(REPO / "curriculum" / "languages.yaml", tmp_path / "curriculum" / "languages.yaml")
    return tmp_path
