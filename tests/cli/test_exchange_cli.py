"""``courseware import tinymledu`` and ``courseware export tinymledu`` from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "tinymledu"
REPO = Path(__file__).parents[2]
SAMPLE = FIXTURES / "full_courses.yml"
WORKSHOPS = FIXTURES / "workshops.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "curriculum").mkdir()
    shutil.copy(REPO / "curriculum" / "languages.yaml", tmp_path / "curriculum" / "languages.yaml")
    return tmp_path


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def test_import_of_the_sample_exits_0_and_validates(project: Path) -> None:
    code, out, _ = _run("import", "tinymledu", SAMPLE, "--kind", "course", "--root", project)
    assert code == 0
    assert out.splitlines()[0] == f"Import of {SAMPLE.as_posix()} as courses"
    assert f"{SAMPLE.as_posix()}:79  Harvard CS249r" in out
    assert "  written: curriculum/offerings/harvard-cs249r-2020.yaml" in out
    assert "  normalised    date: 'Sept 2020 - Present' → start 2020-09, ongoing" in out
    assert out.endswith(
        "5 entries: 5 written, 0 unchanged, 0 skipped, 0 numbered drafts, 0 not imported.\n"
        "25 fields normalised, 0 warnings, 0 fields need a human.\n"
        "Nothing needs a human.\n"
    )
    code, out, _ = _run("validate", "--root", project)
    assert code == 0
    assert "5 offerings" in out


def test_something_needing_a_human_exits_1_with_file_and_line(project: Path) -> None:
    code, out, _ = _run("import", "tinymledu", WORKSHOPS, "--kind", "workshop", "--root", project)
    assert code == 1
    needs = out[out.index("Needs a human:") :]
    source = WORKSHOPS.as_posix()
    assert f"  {source}:19  CRESTLEX 3.0\n" in needs
    assert (
        f"    {source}:26: links[0].url: '/CRESTLEX3/' not imported: relative, and no "
        "--base-url was given; kept in notes (import with --base-url to resolve it)\n"
    ) in needs
    assert f"    {source}:69: language_instruction: 'German' is German ('de')" in needs
    assert out.endswith("5 of 6 entries need a human.\n")
    code, _, _ = _run("validate", "--root", project)
    assert code == 0  # what was written is valid even when something needs a human


def test_dry_run_writes_nothing(project: Path) -> None:
    code, out, _ = _run(
        "import", "tinymledu", SAMPLE, "--kind", "course", "--root", project, "--dry-run"
    )
    assert code == 0
    assert "(dry run: nothing written)" in out.splitlines()[0]
    assert "  would write: curriculum/offerings/harvard-cs249r-2020.yaml" in out
    assert not (project / "curriculum" / "offerings").exists()


def test_importing_twice_changes_nothing(project: Path) -> None:
    args = ("import", "tinymledu", SAMPLE, "--kind", "course", "--root", project)
    _run(*args)
    code, out, _ = _run(*args)
    assert code == 0
    assert out.count("unchanged, skipped: curriculum/offerings/") == 5


def test_out_and_base_url(project: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, _ = _run(
        "import", "tinymledu", WORKSHOPS, "--kind", "workshop", "--root", project,
        "--out", out_dir, "--base-url", "https://tinyml.seas.harvard.edu",
    )  # fmt: skip
    assert code == 1  # the German entry, the November date and the mailto: link remain
    assert "'/CRESTLEX3/' → https://tinyml.seas.harvard.edu/CRESTLEX3/" in out
    assert (out_dir / "crestlex-3-0-2021.yaml").is_file()


def test_a_bad_file_is_one_line_per_problem_and_exit_1(project: Path) -> None:
    bad = FIXTURES / "bad" / "unknown_key.yml"
    code, out, err = _run("import", "tinymledu", bad, "--kind", "course", "--root", project)
    assert code == 1
    assert out == ""
    assert f"{bad.as_posix()}:3: [0].audiences: unknown field 'audiences'" in err
    assert "Traceback" not in err
    assert err.endswith("4 problems found.\n")


def test_not_yaml_exits_1(project: Path) -> None:
    bad = FIXTURES / "bad" / "not_yaml.yml"
    code, _, err = _run("import", "tinymledu", bad, "--kind", "course", "--root", project)
    assert code == 1
    assert err.startswith(f"{bad.as_posix()}:")
    assert "not valid YAML" in err


@pytest.mark.parametrize(
    "args",
    [
        ("import", "tinymledu", SAMPLE, "--kind", "seminar"),
        ("import", "tinymledu", SAMPLE),
        ("import", "tinymledu", FIXTURES / "missing.yml", "--kind", "course"),
        ("import", "tinymledu", SAMPLE, "--kind", "course", "--base-url", "http://x.org"),
    ],
)
def test_usage_errors_exit_2(project: Path, args: tuple[str | Path, ...]) -> None:
    code, _, err = _run(*args, "--root", project)
    assert code == 2
    assert "Error" in err


def test_help_says_what_the_exit_codes_mean() -> None:
    code, out, _ = _run("import", "tinymledu", "--help")
    assert code == 0
    assert "0 when nothing needs a human, 1 when something does" in " ".join(out.split())


def test_export_then_import_gives_the_same_files(project: Path, tmp_path: Path) -> None:
    _run("import", "tinymledu", SAMPLE, "--kind", "course", "--root", project)
    code, exported, _ = _run("export", "tinymledu", "--kind", "course", "--root", project)
    assert code == 0
    assert exported.startswith('- title: "ESE3600: Tiny Machine Learning"\n')
    path = tmp_path / "exported.yml"
    path.write_text(exported, encoding="utf-8")
    second = tmp_path / "second"
    (second / "curriculum").mkdir(parents=True)
    shutil.copy(project / "curriculum" / "languages.yaml", second / "curriculum")
    code, _, _ = _run("import", "tinymledu", path, "--kind", "course", "--root", second)
    assert code == 0
    first_files = sorted((project / "curriculum" / "offerings").iterdir())
    second_files = sorted((second / "curriculum" / "offerings").iterdir())
    assert [p.name for p in first_files] == [p.name for p in second_files]
    for a, b in zip(first_files, second_files, strict=True):
        assert a.read_text("utf-8").splitlines()[2:] == b.read_text("utf-8").splitlines()[2:]


def test_export_to_a_file_never_overwrites(project: Path, tmp_path: Path) -> None:
    _run("import", "tinymledu", SAMPLE, "--kind", "course", "--root", project)
    out = tmp_path / "courses.yml"
    code, _, err = _run("export", "tinymledu", "--kind", "course", "--root", project, "--out", out)
    assert code == 0
    assert err == f"Wrote 5 courses to {out}\n"
    code, _, err = _run("export", "tinymledu", "--kind", "course", "--root", project, "--out", out)
    assert code == 2
    assert "already exists; nothing was written" in err
    code, workshops, _ = _run("export", "tinymledu", "--kind", "workshop", "--root", project)
    assert (code, workshops) == (0, "[]\n")


@pytest.mark.parametrize("where", ["project", "above", "outside"])
def test_import_out_outside_the_project_exits_2_and_writes_nothing(
    project: Path, where: str
) -> None:
    out = {"project": project, "above": project.parent, "outside": project.parent / "x"}[where]
    before = sorted(project.parent.rglob("*"))
    code, _, stderr = _run(
        "import", "tinymledu", SAMPLE, "--kind", "course", "--out", out, "--root", project
    )
    assert code == 2
    shown = "the project folder" if where == "project" else str(out)
    assert stderr.splitlines()[-1] == (
        f"Error: --out {out}: refusing to write offering files into {shown}, which is not a "
        "folder inside the project; choose a folder such as curriculum/offerings/"
    )
    assert sorted(project.parent.rglob("*")) == before
