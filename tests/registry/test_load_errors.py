"""Every kind of bad registry input gets `file:line: field: message`, all in one run, exit 1."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "registry-bad"

# fixture file name -> where each problem `courseware validate` must print for it is
# (``file:line`` and the field) and its code. Wording is checked only where it is the
# feature (the "did you mean" and "quote it" hints, below).
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "alias.yaml": [("alias.yaml:5", "CW-YAML-003")],
    "duplicate-key.yaml": [("duplicate-key.yaml:4: title", "CW-YAML-007")],
    "unknown-key.yaml": [("unknown-key.yaml:4: titel", "CW-SCH-002")],
    "yaml11-surprises.yaml": [
        ("yaml11-surprises.yaml:11: location.country", "CW-SCH-004"),
        ("yaml11-surprises.yaml:13: topics[0]", "CW-SCH-004"),
        ("yaml11-surprises.yaml:14: topics[1]", "CW-SCH-004"),
        ("yaml11-surprises.yaml:15: topics[2]", "CW-SCH-004"),
        ("yaml11-surprises.yaml:17: links[0].label", "CW-SCH-004"),
    ],
    "wrong-types.yaml": [
        ("wrong-types.yaml:5: organizations", "CW-SCH-008"),
        ("wrong-types.yaml:8: audience[0]", "CW-SCH-005"),
    ],
    "unknown-language.yaml": [
        ("unknown-language.yaml:8: language_of_instruction[0]", "CW-SCH-011"),
    ],
    "undeclared-language.yaml": [
        ("undeclared-language.yaml:9: language_of_materials[0]", "CW-REG-004"),
    ],
    "bad-links.yaml": [
        ("bad-links.yaml:11: links[0].url", "CW-SCH-012"),
        ("bad-links.yaml:13: links[1].url", "CW-SCH-012"),
    ],
    "markup.yaml": [
        ("markup.yaml:4: title", "CW-SCH-013"),
        ("markup.yaml:14: description", "CW-SCH-013"),
    ],
    "empty.yaml": [("empty.yaml:1", "CW-FILE-003")],
    "id-mismatch.yaml": [("id-mismatch.yaml:3: id", "CW-REG-006")],
}

# Lines whose wording is the point: the fix the message offers.
WORDING: dict[str, list[str]] = {
    "unknown-key.yaml": [
        "unknown-key.yaml:4: titel: unknown field 'titel'; did you mean 'title'?"
        " [CW-SCH-002 unknown-field]"
    ],
    "unknown-language.yaml": [
        "unknown-language.yaml:8: language_of_instruction[0]: 'english' is not a language code"
        " such as 'en' or 'pt-BR'; did you mean 'en'? [CW-SCH-011 not-a-language-code]",
    ],
    "yaml11-surprises.yaml": [
        "yaml11-surprises.yaml:11: location.country: 'NO' was read by YAML as the boolean false,"
        ' not text; quote it: "NO" [CW-SCH-004 yaml-misread]',
        "yaml11-surprises.yaml:15: topics[2]: '0755' was read by YAML as the number 493,"
        ' not text; quote it: "0755" [CW-SCH-004 yaml-misread]',
    ],
}


def where_and_code(line: str) -> tuple[str, str]:
    """Split a problem line into the text before its code, and the code."""
    coded = re.match(r"^(?P<rest>.*) \[(?P<code>CW-[A-Z0-9]+-\d{3}) [a-z0-9-]+\]$", line)
    assert coded, f"no problem code at the end of {line!r}"
    return coded["rest"], coded["code"]


def _matches(lines: list[str], expected: list[tuple[str, str]]) -> bool:
    """Each line starts with its expected ``file:line[: field]: `` and ends with its code."""
    found = [where_and_code(line) for line in lines]
    return len(found) == len(expected) and all(
        rest.startswith(f"{prefix}: ") and code == want
        for (rest, code), (prefix, want) in zip(found, expected, strict=True)
    )


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
    expected = [(f"curriculum/offerings/{where}", code) for where, code in EXPECTED[name]]
    assert _matches(lines, expected), lines
    for line in WORDING.get(name, []):
        assert f"curriculum/offerings/{line}" in lines


def test_all_problems_of_all_files_are_reported_in_one_run(
    project: Path, runner: CliRunner
) -> None:
    for name in EXPECTED:
        _with_offering(project, name)
    code, lines = _validate(project, runner)
    assert code == 1
    expected = [
        (f"curriculum/offerings/{where}", code)
        for name in sorted(EXPECTED)
        for where, code in EXPECTED[name]
    ]
    assert _matches(lines, expected), lines


def test_duplicate_ids_across_files(project: Path, runner: CliRunner) -> None:
    original = project / "curriculum" / "offerings" / "unifei-iesti01.yaml"
    copy = original.with_name("zz-copy.yaml")
    copy.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    line = next(
        n for n, t in enumerate(original.read_text().splitlines(), 1) if t.startswith("id:")
    )
    # The copy's id also differs from its file name (CW-REG-006), reported first.
    assert _matches(
        lines,
        [
            (f"curriculum/offerings/zz-copy.yaml:{line}: id", "CW-REG-006"),
            (f"curriculum/offerings/zz-copy.yaml:{line}: id", "CW-REG-007"),
        ],
    )
    assert "is already used by curriculum/offerings/unifei-iesti01.yaml" in lines[1]


def test_oversized_file_is_refused_before_parsing(project: Path, runner: CliRunner) -> None:
    big = project / "curriculum" / "offerings" / "big.yaml"
    big.write_text("id: big\n" + "# padding\n" * 40_000, encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    assert [where_and_code(line) for line in lines] == [
        (
            f"curriculum/offerings/big.yaml: file is {big.stat().st_size} bytes, "
            "over the 262144-byte limit; split it",
            "CW-FILE-002",
        )
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
    assert (f"{folder}/passwd.yaml", "CW-FILE-001") in [
        (rest.split(": ")[0], code) for rest, code in map(where_and_code, lines)
    ]


def test_languages_file_needs_one_source_language(project: Path, runner: CliRunner) -> None:
    languages = project / "curriculum" / "languages.yaml"
    text = languages.read_text(encoding="utf-8")
    languages.write_text(text.replace("    source: true\n", ""), encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    assert _matches(lines, [("curriculum/languages.yaml:1: languages", "CW-REG-003")])


def test_languages_file_needs_valid_codes(project: Path, runner: CliRunner) -> None:
    languages = project / "curriculum" / "languages.yaml"
    text = languages.read_text(encoding="utf-8").replace("code: fr", "code: xx-not-a-tag")
    languages.write_text(text, encoding="utf-8")
    code, lines = _validate(project, runner)
    assert code == 1
    assert (
        "curriculum/languages.yaml:18: languages[3].code: 'xx-not-a-tag' is not a language code"
        " such as 'en' or 'pt-BR'",
        "CW-SCH-011",
    ) in [where_and_code(line) for line in lines]


def test_the_bundled_registry_validates_without_warnings(runner: CliRunner) -> None:
    repo = Path(__file__).resolve().parents[2]
    result = runner.invoke(cli, ["validate", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK:")
    assert "warning" not in result.output
