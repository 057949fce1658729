"""Build integrity: reproducible output, one build at a time, stale temporaries cleaned."""

from __future__ import annotations

import fcntl
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("lab-site")]

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_with_source_date_epoch_are_byte_identical(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "labs" / "good" / "labs", project / "labs")
    # The module the labs name (a lab naming an unknown module is an error).
    shutil.copytree(FIXTURES / "labs" / "good" / "modules", project / "modules")
    shutil.copy(FIXTURES / "labs" / "good" / "topics.yaml", project / "curriculum" / "topics.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    trees = []
    for attempt in ("first", "second"):
        # Nothing carried over: no lab cache, no staged tree.
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "build", ignore_errors=True)
        out = project.parent / attempt
        result = CliRunner().invoke(cli, ["build", "--root", str(project), "--site-dir", str(out)])
        assert result.exit_code == 0, result.output
        trees.append(_digest(out))
    assert trees[0].keys() == trees[1].keys()
    differing = [name for name in trees[0] if trees[0][name] != trees[1][name]]
    assert differing == []
    assert any(name.endswith(".ipynb") for name in trees[0])
    assert ".courseware-site" in trees[0]  # the marker, byte-identical too
    # A folder holding a site of ours may be built into again; one of other files may not.
    again = CliRunner().invoke(
        cli, ["build", "--root", str(project), "--site-dir", str(project.parent / "first")]
    )
    assert again.exit_code == 0, again.output
    for marker in (".courseware-site", ".courseware-build.json"):  # the older sites' marker
        (project.parent / "first" / marker).unlink()
    refused = CliRunner().invoke(
        cli, ["build", "--root", str(project), "--site-dir", str(project.parent / "first")]
    )
    assert refused.exit_code == 2
    assert "which is not empty and is not a site courseware build wrote" in refused.output


def test_a_second_build_refuses_while_the_first_holds_the_lock(project: Path) -> None:
    lock = project / ".cache" / "build.lock"
    lock.parent.mkdir(parents=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert "another build holds" in result.output
    assert not (project / "site").exists()


def test_stale_temporary_folders_of_an_interrupted_build_are_removed(project: Path) -> None:
    stale = project / ".site.tmp-site-424242"
    (stale / "catalog").mkdir(parents=True)
    old = project / ".site.old-site-424242"
    old.mkdir()
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert not stale.exists() and not old.exists()
    assert (project / "site" / "catalog" / "index.html").is_file()


def test_unchanged_rebuild_skips_mkdocs_and_a_one_language_change_rebuilds_that_language(
    project: Path,
) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["build", "--root", str(project)])
    assert first.exit_code == 0, first.output
    before = _digest(project / "site")
    again = runner.invoke(cli, ["build", "--root", str(project)])
    assert "Nothing changed" in again.output
    assert _digest(project / "site") == before
    spanish = project / "pages" / "index.es.md"
    spanish.write_text(spanish.read_text(encoding="utf-8") + "\nOtra frase.\n", encoding="utf-8")
    changed = runner.invoke(cli, ["build", "--root", str(project)])
    assert changed.exit_code == 0, changed.output
    assert "Languages rebuilt: es; unchanged: en, pt, fr, ar" in changed.output
    after = _digest(project / "site")
    assert "Otra frase." in (project / "site" / "es" / "index.html").read_text()
    for name, digest in before.items():
        if not name.startswith("es/") and name != ".courseware-build.json":
            assert after[name] == digest, name


def test_each_language_has_its_own_search_index(project: Path) -> None:
    import json

    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    spanish = json.loads((project / "site" / "es" / "search" / "search_index.json").read_text())
    assert spanish["config"]["lang"] == ["es"]
    titles = {entry["title"] for entry in spanish["docs"]}
    assert "Inicio de prueba" in titles and "Fixture home" not in titles
    english = json.loads((project / "site" / "search" / "search_index.json").read_text())
    assert "Fixture home" in {entry["title"] for entry in english["docs"]}
    assert not any(entry["location"].startswith("es/") for entry in english["docs"])
