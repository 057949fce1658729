"""Output paths that cannot destroy: each refusal, and what stays allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.output_folders import (
    EARLIER_SITE_MARKER,
    RefusedOutput,
    check_folder_in_project,
    check_output_file,
    check_site_folder,
)
from courseware.project_paths import SITE_MARKER, SOURCE_DIRS
from courseware.site.publish import MANIFEST


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for folder in SOURCE_DIRS:
        (project / folder).mkdir(parents=True)
    return project


@pytest.mark.parametrize(
    ("folder", "reason"),
    [
        ("curriculum", "refusing to write the site into curriculum/, which holds the project's"),
        (".git", "refusing to write the site into .git/, which holds the project's sources"),
        ("labs/x", "refusing to write the site into labs/x/, inside labs/, which holds"),
        (".", "refusing to write the site into the project folder itself"),
        ("..", "refusing to write the site into a folder that holds the project"),
        ("/", "refusing to write the site into a folder that holds the project"),
        (".cache/site", "refusing to write the site into .cache/site/, inside .cache/, which"),
        ("build", "refusing to write the site into build/, which holds folders the builder fills"),
        ("build/docs", "refusing to write the site into build/docs/, which the builder fills"),
    ],
)
def test_folders_a_site_would_destroy_are_refused(root: Path, folder: str, reason: str) -> None:
    with pytest.raises(RefusedOutput) as refused:
        check_site_folder(root, root / folder)
    assert str(refused.value).startswith(reason)
    assert str(refused.value).endswith("choose a new folder such as site/")


def test_a_folder_of_other_files_is_refused_and_a_site_of_ours_is_not(root: Path) -> None:
    notes = root / "notes"
    notes.mkdir()
    (notes / "plan.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(RefusedOutput, match=r"^refusing to replace notes/, which is not empty"):
        check_site_folder(root, notes)
    (notes / SITE_MARKER).mkdir()  # a folder named like the marker is no marker
    with pytest.raises(RefusedOutput):
        check_site_folder(root, notes)
    for ours in ("site", "older-site"):
        (root / ours).mkdir()
        (root / ours / "index.html").write_text("<p>site</p>", encoding="utf-8")
    (root / "site" / SITE_MARKER).write_text("ours", encoding="utf-8")
    (root / "older-site" / EARLIER_SITE_MARKER).write_text("{}", encoding="utf-8")
    check_site_folder(root, root / "site")
    check_site_folder(root, root / "older-site")
    (root / "empty").mkdir()
    check_site_folder(root, root / "empty")
    check_site_folder(root, root / "new")
    check_site_folder(root, root.parent / "elsewhere")
    check_site_folder(root, root / "build" / "preview")


def test_the_earlier_marker_is_the_build_manifest() -> None:
    assert EARLIER_SITE_MARKER == MANIFEST


def test_a_symbolic_link_is_refused_wherever_it_points(root: Path) -> None:
    (root / "link").symlink_to(root.parent / "new-folder")
    with pytest.raises(RefusedOutput, match=r"^refusing to write the site through link, a sym"):
        check_site_folder(root, root / "link")


def test_a_zip_is_refused_in_sources_through_a_link_and_over_another_file(root: Path) -> None:
    with pytest.raises(RefusedOutput, match=r"^refusing to write the zip into pages/, which"):
        check_output_file(root, root / "pages" / "copy.zip", "zip", "build/bundles/")
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(RefusedOutput, match=r"^refusing to replace notes\.txt, which is not a"):
        check_output_file(root, root / "notes.txt", "zip", "build/bundles/")
    (root / "copy.zip").symlink_to(root / "notes.txt")
    with pytest.raises(RefusedOutput, match=r"^refusing to write the zip through copy\.zip, a"):
        check_output_file(root, root / "copy.zip", "zip", "build/bundles/")
    check_output_file(root, root / "build" / "bundles" / "short-en.zip", "zip", "build/bundles/")
    check_output_file(root, root.parent / "short-en.zip", "zip", "build/bundles/")


def test_imports_stay_inside_the_project(root: Path) -> None:
    args = ("offering files", "curriculum/offerings/")
    check_folder_in_project(root, root / "curriculum" / "offerings", *args)
    for outside in (root, root.parent, root.parent / "other"):
        with pytest.raises(RefusedOutput, match=r"which is not a folder inside the project"):
            check_folder_in_project(root, outside, *args)
