"""The source check: every figure a module states names an entry of curriculum/sources.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import copy_project

from courseware import problem_codes as codes
from courseware.cli import cli
from courseware.problem_codes import ProblemCode
from courseware.registry.sources import figures_in

SOURCES = """\
sources:
  - id: talk-2024
    kind: talk
    title: A talk
    authors: A. Speaker
    year: 2024
    url: https://example.org/talk
  - id: our-sum
    kind: derived
    title: Our arithmetic
    derived_from: [talk-2024]
    note: The talk's figure times two.
"""

GOOD_TEXT = """\
## About

The pangolin sensor draws **150 mW**[^talk-2024] and detects pangolins with 88.3%
accuracy[^talk-2024]. Two of them draw 300 mW[^our-sum].

## Key points

- It draws 150 mW[^talk-2024].

[^talk-2024]: A. Speaker, *A talk* (2024).
[^our-sum]: Our arithmetic: 2 × 150 mW.
"""

GOOD_TEXT_ES = """\
---
translation_of: index.md
source_hash: sha256:0000000000000000
---

## Acerca de

El sensor consume **150 mW**[^talk-2024] y acierta un 88,3 %[^talk-2024].

[^talk-2024]: A. Speaker, *A talk* (2024).
"""


def _validate(root: Path, runner: CliRunner) -> tuple[int, list[str]]:
    result = runner.invoke(cli, ["validate", "--root", str(root)])
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if not line.endswith(" found.")]
    return result.exit_code, lines


def _is(line: str, where: str, code: ProblemCode) -> bool:
    """Whether ``line`` reports a problem at ``where`` (file:line: field) with ``code``."""
    return line.startswith(f"{where}: ") and line.endswith(f" [{code}]")


@pytest.fixture
def sourced(tmp_path: Path) -> Path:
    """The bundle fixture with a sources file and a module whose figures are all marked."""
    root = copy_project("bundle", tmp_path)
    (root / "curriculum" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    module = root / "modules" / "intro"
    (module / "index.md").write_text(GOOD_TEXT, encoding="utf-8")
    (module / "index.es.md").write_text(GOOD_TEXT_ES, encoding="utf-8")
    spec = (module / "module.yaml").read_text(encoding="utf-8")
    spec = spec.replace("prerequisites: []", "key_points:\n  - It draws 150 mW.\nprerequisites: []")
    (module / "module.yaml").write_text(spec, encoding="utf-8")
    return root


def test_marked_figures_with_known_sources_pass(sourced: Path, runner: CliRunner) -> None:
    code, lines = _validate(sourced, runner)
    assert code == 0, lines
    assert lines[-1].startswith("OK:")


def test_a_marker_naming_no_entry_is_refused_with_file_line_and_a_suggestion(
    sourced: Path, runner: CliRunner
) -> None:
    text = sourced / "modules" / "intro" / "index.md"
    text.write_text(GOOD_TEXT.replace("accuracy[^talk-2024]", "accuracy[^talk-2042]"))
    code, lines = _validate(sourced, runner)
    assert code == 1
    assert len(lines) == 2
    assert _is(lines[0], "modules/intro/index.md:4: [^talk-2042]", codes.UNKNOWN_SOURCE)
    assert "did you mean 'talk-2024'?" in lines[0]
    assert _is(lines[1], "modules/intro/index.md:4: [^talk-2042]", codes.FOOTNOTE_TEXT_MISSING)
    assert "add a line '[^talk-2042]: <who, what, where, year>' at the end" in lines[1]


def test_a_figure_without_a_marker_is_refused(sourced: Path, runner: CliRunner) -> None:
    text = sourced / "modules" / "intro" / "index.es.md"
    text.write_text(GOOD_TEXT_ES + "\nEn una semana, unos 25,2 Wh.\n", encoding="utf-8")
    code, lines = _validate(sourced, runner)
    assert code == 1
    assert len(lines) == 1
    assert _is(lines[0], "modules/intro/index.es.md:12: figure", codes.UNSOURCED_FIGURE)
    assert "'25,2 Wh' names no source" in lines[0]
    assert "such as 25,2 Wh[^source-id]" in lines[0]


def test_a_key_point_figure_must_be_sourced_in_the_text(sourced: Path, runner: CliRunner) -> None:
    spec = sourced / "modules" / "intro" / "module.yaml"
    spec.write_text(spec.read_text().replace("It draws 150 mW.", "It is 5x cheaper."))
    code, lines = _validate(sourced, runner)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("modules/intro/module.yaml:")
    line_number = int(lines[0].split(":")[1])
    assert spec.read_text().splitlines()[line_number - 1].strip() == "- It is 5x cheaper."
    assert _is(
        lines[0],
        f"modules/intro/module.yaml:{line_number}: key_points[0]",
        codes.UNSOURCED_KEY_POINT,
    )
    assert "'5x' is not stated with a source marker in modules/intro/index.md" in lines[0]


def test_sources_file_problems_are_reported_with_their_lines(
    sourced: Path, runner: CliRunner
) -> None:
    broken = SOURCES.replace("derived_from: [talk-2024]", "derived_from: [talk-2023]")
    broken += "  - id: talk-2024\n    kind: talk\n    title: The same talk again\n"
    (sourced / "curriculum" / "sources.yaml").write_text(broken, encoding="utf-8")
    code, lines = _validate(sourced, runner)
    assert code == 1
    assert len(lines) == 2
    assert _is(
        lines[0], "curriculum/sources.yaml:11: sources[1].derived_from[0]", codes.UNKNOWN_SOURCE
    )
    assert "did you mean 'talk-2024'?" in lines[0]
    assert _is(lines[1], "curriculum/sources.yaml:13: sources[2].id", codes.DUPLICATE_ID)


def test_a_derived_source_must_say_what_it_comes_from(sourced: Path, runner: CliRunner) -> None:
    broken = SOURCES.replace("    derived_from: [talk-2024]\n", "")
    (sourced / "curriculum" / "sources.yaml").write_text(broken, encoding="utf-8")
    code, lines = _validate(sourced, runner)
    assert code == 1
    assert lines[0].startswith("curriculum/sources.yaml:8: sources[1]: ")
    assert "a derived source needs derived_from" in lines[0]


def test_without_a_sources_file_only_markers_are_checked(sourced: Path, runner: CliRunner) -> None:
    (sourced / "curriculum" / "sources.yaml").unlink()
    text = sourced / "modules" / "intro" / "index.md"
    text.write_text("## About\n\nIt draws 150 mW.\n", encoding="utf-8")
    code, lines = _validate(sourced, runner)
    assert code == 1
    assert all(line.startswith("modules/intro/index.es.md:") for line in lines), lines
    assert all(line.endswith(f" [{codes.UNKNOWN_SOURCE}]") for line in lines), lines
    assert "'talk-2024' is not an entry of curriculum/sources.yaml" in lines[0]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("88.3% accuracy and 0,1 % of the spraying", ["88.3%", "0,1 %"]),
        ("between 0.89 and 7.06 kg, 5x to 38x", ["7.06 kg", "5x", "38x"]),
        ("about 250 billion MCUs, unos 250 000 millones", ["250 billion", "250 000 millones"]),
        ("bills of $14.51 and 30,97 $; 3.6 V, 2000 mAh", ["$14.51", "3.6 V", "2000 mAh"]),
        ("in 2023, 500 sensors, a 320 × 320 image", []),
        ("[arXiv 2306.08848](https://arxiv.org/abs/2306.08848)", []),
        ("write `5x[^source-id]` after the figure", []),
    ],
)
def test_what_counts_as_a_figure(text: str, figures: list[str]) -> None:
    assert figures_in(text) == figures
