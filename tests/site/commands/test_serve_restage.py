"""``courseware serve`` re-stages by inputs (issue 19, item 2): an edit of one module's text
makes again only that module's parts, and the staged tree is then byte for byte the one a
full staging of the edited project writes; anything else takes the full path.

Real registry, real stagers, real checks and real files: the reference is
``stage_project`` (what ``courseware build`` stages) run on a copy of the edited project.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, REPO

from courseware.errors import ContentError
from courseware.project_paths import STAGED_DOCS_DIR
from courseware.site.commands.serve import stage_project
from courseware.site.commands.serve_staging import ServeStaging

EVERY_TIME = {"hand_pages", "translation_status", "home_page"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The serve tests' project: the fixture project with two modules, intro and sensing."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "project", target)
    shutil.copytree(FIXTURES / "faults" / "base", target, dirs_exist_ok=True)
    (target / "README.md").unlink()
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _full_staging(root: Path, work: Path) -> dict[str, bytes]:
    """What a full staging of ``root`` as it is now writes."""
    copy = work / "reference"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("build", ".cache"))
    stage_project(copy)
    return _tree(copy / STAGED_DOCS_DIR)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def test_an_edited_module_text_restages_that_module_alone_as_a_full_staging_would(
    root: Path, tmp_path: Path
) -> None:
    staging = ServeStaging(root.resolve())
    staging.stage()
    assert staging.last_was_full
    before = _tree(root / STAGED_DOCS_DIR)
    _append(root / "modules" / "intro" / "index.md", "A paragraph added while serving.")

    staging.stage()

    assert not staging.last_was_full
    restaged = {(name, module) for name, module, _ in staging.last_restaged}
    assert {name for name, module in restaged if module is None} == EVERY_TIME
    assert {(name, module) for name, module in restaged if module is not None} == {
        ("module_page", "intro"),
        ("module_kit", "intro"),
    }
    after = _tree(root / STAGED_DOCS_DIR)
    assert after == _full_staging(root, tmp_path)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "modules/intro/index.md" in changed
    assert not any(path.startswith("modules/sensing/") for path in changed), changed
    staging.stage()  # a second event for the same save: nothing to make again
    assert not staging.last_was_full and _tree(root / STAGED_DOCS_DIR) == after


def test_other_edits_restage_everything(root: Path, tmp_path: Path) -> None:
    """A module.yaml (its title shows on other pages), then a new file: the full path."""
    staging = ServeStaging(root.resolve())
    staging.stage()
    metadata = root / "modules" / "sensing" / "module.yaml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(text.replace("title:", "title: Retitled", 1), encoding="utf-8")
    staging.stage()
    assert staging.last_was_full
    (root / "modules" / "intro" / "index.fr.md").write_text("# Intro\n\nBonjour.\n", "utf-8")
    staging.stage()
    assert staging.last_was_full
    assert _tree(root / STAGED_DOCS_DIR) == _full_staging(root, tmp_path)


def test_an_edit_that_breaks_a_text_reports_what_a_full_staging_reports(
    root: Path, tmp_path: Path
) -> None:
    staging = ServeStaging(root.resolve())
    staging.stage()
    text = root / "modules" / "intro" / "index.md"
    good = text.read_text(encoding="utf-8")
    _append(text, "[a broken link](no-such-page.md)")
    with pytest.raises(ContentError) as served:
        staging.stage()
    with pytest.raises(ContentError) as full:
        stage_project(root)
    assert [str(p) for p in served.value.problems] == [str(p) for p in full.value.problems]
    text.write_text(good + "\nFixed.\n", encoding="utf-8")
    staging.stage()  # after a failure the full path runs, then edits are fast again
    assert staging.last_was_full
    _append(text, "Once more.")
    staging.stage()
    assert not staging.last_was_full
    assert _tree(root / STAGED_DOCS_DIR) == _full_staging(root, tmp_path)
