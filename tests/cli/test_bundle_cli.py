"""``courseware bundle`` refuses unknown tracks and undeclared languages with exit code 2
and a hint, before building anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bundle"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "bundle"))


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


def test_unknown_track_exits_2_with_did_you_mean(project: Path) -> None:
    code, stderr = _run("bundle", "short-cours", "--root", str(project))
    assert code == 2
    assert stderr == "Error: unknown track 'short-cours'; did you mean 'short-course'?\n"


def test_unknown_track_without_a_near_name_lists_the_tracks(project: Path) -> None:
    code, stderr = _run("bundle", "zzz", "--root", str(project))
    assert code == 2
    assert "the tracks are: curso-corto, short-course" in stderr


@pytest.mark.parametrize(
    ("language", "hint"),
    [("e", "; did you mean 'es'?"), ("de", "; declared: en, es, ar")],
)
def test_undeclared_language_exits_2(project: Path, language: str, hint: str) -> None:
    code, stderr = _run("bundle", "short-course", "--lang", language, "--root", str(project))
    assert code == 2
    assert stderr == (
        f"Error: language {language!r} is not declared in curriculum/languages.yaml{hint}\n"
    )
    assert not (project / "build").exists()


def test_out_into_sources_or_over_another_file_exits_2_in_one_line(project: Path) -> None:
    (project / "notes.txt").write_text("mine\n", encoding="utf-8")
    for out, reason in (
        (
            "pages/copy.zip",
            "refusing to write the zip into pages/, which holds the project's "
            "sources; choose a path such as build/bundles/",
        ),
        (
            "notes.txt",
            "refusing to replace notes.txt, which is not a zip; choose a path such as "
            "build/bundles/",
        ),
    ):
        code, stderr = _run(
            "bundle", "short-course", "--out", str(project / out), "--root", str(project)
        )
        assert code == 2
        assert stderr.splitlines()[-1] == f"Error: --out {project / out}: {reason}"
    assert (project / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not (project / "pages" / "copy.zip").exists()
    assert not (project / "build").exists()


def test_zim_out_over_a_file_that_is_not_a_zim_exits_2_in_one_line(project: Path) -> None:
    (project / "notes.zim").write_text("mine\n", encoding="utf-8")
    out = project / "notes.zim"
    code, stderr = _run(
        "bundle", "short-course", "--format", "zim", "--out", str(out), "--root", str(project)
    )
    assert code == 2
    assert stderr.splitlines()[-1] == (
        f"Error: --out {out}: refusing to replace notes.zim, which is not a zim; choose a "
        "path such as build/bundles/"
    )
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert not (project / "build").exists()
