"""Partial builds and `courseware merge`: languages built in separate processes, then merged
into exactly the site one build writes; every set of partials that cannot be merged is
refused with one line per reason and leaves the previous site as it was."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import copy_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site-build")]


def _tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _courseware(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, as one CI job per language runs it."""
    command = [str(Path(sys.executable).parent / "courseware"), *arguments, "--root", str(project)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The fixture project built once whole, and once as two partial sites."""
    project = copy_project("project", tmp_path_factory.mktemp("partial") / "project")
    whole = _courseware(project, "build")
    assert whole.returncode == 0, whole.stderr
    first = project.parent / "part-en-es"
    second = project.parent / "part-pt-fr-ar"
    for codes, folder in (("en,es", first), ("pt,fr,ar", second)):
        done = _courseware(project, "build", "--languages", codes, "--partial", str(folder))
        assert done.returncode == 0, done.stderr
    return project, first, second


def test_two_partial_builds_merge_into_the_single_build_byte_for_byte(
    built: tuple[Path, Path, Path],
) -> None:
    project, first, second = built
    assert not (second / "index.html").exists(), "the source language is not in this partial"
    assert (second / "fr" / "index.html").is_file() and not (second / "es").exists()
    merged = project.parent / "merged"
    done = _courseware(project, "merge", str(first), str(second), "--site-dir", str(merged))
    assert done.returncode == 0, done.stderr
    assert _tree(merged) == _tree(project / "site")


def test_a_partial_rebuilt_from_unchanged_sources_does_no_work(
    built: tuple[Path, Path, Path],
) -> None:
    project, first, _ = built
    before = _tree(first)
    again = _courseware(project, "build", "--languages", "en,es", "--partial", str(first))
    assert again.returncode == 0, again.stderr
    assert "Nothing changed" in again.stdout
    assert _tree(first) == before


def test_partials_that_cannot_make_a_site_are_refused_one_line_each(
    built: tuple[Path, Path, Path],
) -> None:
    project, first, second = built
    merged = project.parent / "refused"
    merged.mkdir()
    (merged / "keep.txt").write_text("mine", encoding="utf-8")
    site_before = _tree(project / "site")
    missing = _courseware(project, "merge", str(first), "--site-dir", str(project / "site"))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert "no partial site holds pt, fr, ar" in missing.stderr
    assert _tree(project / "site") == site_before, "a refused merge leaves the site as it was"
    twice = _courseware(project, "merge", str(first), str(first), str(second))
    assert "language en is also in" in twice.stderr and "language es is also in" in twice.stderr
    not_partial = _courseware(project, "merge", str(project / "site"), str(second))
    assert f"{project / 'site'}: not a partial site" in not_partial.stderr
    other = project.parent / "part-other"
    shutil.copytree(second, other)
    record = other / ".courseware-partial.json"
    record.write_text(record.read_text().replace('"fr": "', '"fr": "0'), encoding="utf-8")
    mixed = _courseware(project, "merge", str(first), str(other))
    assert f"{other}: built from other sources than {first}" in mixed.stderr
    into_folder = _courseware(project, "merge", str(first), str(second), "--site-dir", str(merged))
    assert into_folder.returncode == 2 and "refusing" in into_folder.stderr
    assert (merged / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_unknown_languages_and_a_partial_without_languages_are_usage_errors(
    built: tuple[Path, Path, Path],
) -> None:
    project, _, _ = built
    out = project.parent / "part-bad"
    unknown = _courseware(project, "build", "--languages", "es,xx", "--partial", str(out))
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr
    assert "--languages: unknown language codes: xx; the project declares en, es" in unknown.stderr
    alone = _courseware(project, "build", "--partial", str(out))
    assert alone.returncode == 2 and "--languages and --partial go together" in alone.stderr
    assert not out.exists()
