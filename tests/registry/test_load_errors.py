"""Every kind of bad registry input gets `file:line: field: message`, all in one run, exit 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "registry-bad"

# fixture file name -> the exact problem lines `courseware validate` must print for it.
EXPECTED: dict[str, list[str]] = {
    "alias.yaml": [
        "alias.yaml:5: YAML anchors (&org) are not allowed; write the value out in full"
    ],
    "duplicate-key.yaml": [
        "duplicate-key.yaml:4: title: duplicate key (first given on line 3); keep only one"
    ],
    "unknown-key.yaml": ["unknown-key.yaml:4: titel: unknown field 'titel'; did you mean 'title'?"],
    "yaml11-surprises.yaml": [
        "yaml11-surprises.yaml:11: location.country: 'NO' was read by YAML as the boolean false,"
        ' not text; quote it: "NO"',
        "yaml11-surprises.yaml:13: topics[0]: 'on' was read by YAML as the boolean true,"
        ' not text; quote it: "on"',
        "yaml11-surprises.yaml:14: topics[1]: '1.10' was read by YAML as the number 1.1,"
        ' not text; quote it: "1.10"',
        "yaml11-surprises.yaml:15: topics[2]: '0755' was read by YAML as the number 493,"
        ' not text; quote it: "0755"',
        "yaml11-surprises.yaml:17: links[0].label: '12:30' was read by YAML as the number 750,"
        ' not text; quote it: "12:30"',
    ],
    "wrong-types.yaml": [
        "wrong-types.yaml:5: organizations: expected a valid list",
        "wrong-types.yaml:8: audience[0]: 'students' is not one of everyone, k12, undergraduate,"
        " graduate, professional, educators",
    ],
    "unknown-language.yaml": [
        "unknown-language.yaml:8: language_of_instruction[0]: 'english' is not a language code"
        " such as 'en' or 'pt-BR'; did you mean 'en'?",
    ],
    "undeclared-language.yaml": [
        "undeclared-language.yaml:9: language_of_materials[0]: language 'de' is not declared"
        " in curriculum/languages.yaml",
    ],
    "bad-links.yaml": [
        "bad-links.yaml:11: links[0].url: links must use https;"
        " write 'https://example.org/course' if it works",
        "bad-links.yaml:13: links[1].url: javascript: is not allowed;"
        " links must be absolute https URLs",
    ],
    "markup.yaml": [
        "markup.yaml:4: title: markup is not allowed in plain text (found '<img');"
        " write the text without HTML tags or entities",
        "markup.yaml:14: description: control character U+0007 at position 5; remove it",
    ],
    "empty.yaml": ["empty.yaml:1: file is empty; add the entry or delete the file"],
    "id-mismatch.yaml": [
        "id-mismatch.yaml:3: id: 'another-id' differs from the file name;"
        " rename the file to another-id.yaml or change the id",
    ],
}


def _validate(root: Path, runner: CliRunner) -> tuple[int, list[str]]:
    result = runner.invoke(cli, ["validate", "--root", str(root)])
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if not line.endswith(" found.")]
    return result.exit_code, lines


def _with_offering(project: Path, name: str) -> Path:
    target = project / "curriculum" / "offerings" / name
    target.write_bytes((BAD / name).read_bytes())
    return target


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_input_is_reported_with_file_and_line(
    project: Path, runner: CliRunner, name: str
) -> None:
    _with_offering(project, name)
    code, lines = _validate(project, runner)
    assert code == 1
    assert lines == [f"curriculum/offerings/{line}" for line in EXPECTED[name]]


def test_all_problems_of_all_files_are_reported_in_one_run(
    project: Path, runner: CliRunner
) -> None:
    for name in EXPECTED:
        _with_offering(project, name)
    code, lines = _validate(project, runner)
    assert code == 1
    expected = sorted(
        f"curriculum/offerings/{line}" for lines in EXPECTED.values() for line in lines
    )
    assert sorted(lines) == expected


def test_duplicate_ids_across_files(project: Path, runner: CliRunner) -> None:
    original = project / "curriculum" / "offerings" / "unifei-iesti01.yaml"
    copy = original.with_name("zz-copy.yaml")
    copy.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    line = next(
        n for n, t in enumerate(original.read_text().splitlines(), 1) if t.startswith("id:")
    )
    assert (
        f"curriculum/offerings/zz-copy.yaml:{line}: id: 'unifei-iesti01' is already used by "
        "curriculum/offerings/unifei-iesti01.yaml; ids must be unique"
    ) in lines


def test_oversized_file_is_refused_before_parsing(project: Path, runner: CliRunner) -> None:
    big = project / "curriculum" / "offerings" / "big.yaml"
    big.write_text("id: big\n" + "# padding\n" * 40_000, encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    assert lines == [
        f"curriculum/offerings/big.yaml: file is {big.stat().st_size} bytes, "
        "over the 262144-byte limit; split it"
    ]


@pytest.mark.parametrize("folder", ["curriculum/offerings", "pages", "modules/a", "labs"])
def test_symbolic_links_anywhere_in_content_folders(
    project: Path, runner: CliRunner, folder: str
) -> None:
    place = project / folder
    place.mkdir(parents=True, exist_ok=True)
    os.symlink("/etc/passwd", place / "passwd.yaml")
    code, lines = _validate(project, runner)
    assert code == 1
    assert (
        f"{folder}/passwd.yaml: symbolic links are not allowed in content folders; "
        "replace it with a real file"
    ) in lines


def test_languages_file_needs_one_source_language(project: Path, runner: CliRunner) -> None:
    languages = project / "curriculum" / "languages.yaml"
    text = languages.read_text(encoding="utf-8")
    languages.write_text(text.replace("    source: true\n", ""), encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    assert lines == [
        "curriculum/languages.yaml:1: languages: exactly one language must have source: true"
        " (found 0)"
    ]


def test_languages_file_needs_valid_codes(project: Path, runner: CliRunner) -> None:
    languages = project / "curriculum" / "languages.yaml"
    text = languages.read_text(encoding="utf-8").replace("code: fr", "code: xx-not-a-tag")
    languages.write_text(text, encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    assert (
        "curriculum/languages.yaml:18: languages[3].code: 'xx-not-a-tag' is not a language code"
        " such as 'en' or 'pt-BR'"
    ) in lines


def test_the_bundled_registry_validates_without_warnings(runner: CliRunner) -> None:
    repo = Path(__file__).resolve().parents[2]
    result = runner.invoke(cli, ["validate", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK:")
    assert "warning" not in result.output
