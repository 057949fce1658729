"""`courseware new offering` writes a template that `validate` refuses until it is filled in."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from courseware import problem_codes as codes
from courseware.cli import cli

FIELDS = (
    "title",
    "organizations[0].name",
    "organizations[0].url",
    "dates.as_published",
    "links[0].url",
    "description",
)


def _validate(root: Path, runner: CliRunner) -> tuple[int, list[str]]:
    result = runner.invoke(cli, ["validate", "--root", str(root)])
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if not line.endswith(" found.")]
    return result.exit_code, lines


def test_a_fresh_template_is_refused_field_by_field(project: Path, runner: CliRunner) -> None:
    created = runner.invoke(cli, ["new", "offering", "my-course", "--root", str(project)])
    assert created.exit_code == 0, created.output
    template = project / "curriculum" / "offerings" / "my-course.yaml"
    source_lines = template.read_text(encoding="utf-8").splitlines()

    code, lines = _validate(project, runner)

    assert code == 1
    assert len(lines) == len(FIELDS)
    for line, field in zip(lines, FIELDS, strict=True):
        path, number, rest = line.split(":", 2)
        assert path == "curriculum/offerings/my-course.yaml"
        assert rest.startswith(f" {field}: ")
        assert rest.endswith(f" [{codes.TEMPLATE_PLACEHOLDER}]")
        # The line named is the one holding the placeholder.
        assert "TODO" in source_lines[int(number) - 1]


def test_the_filled_in_template_passes(project: Path, runner: CliRunner) -> None:
    runner.invoke(cli, ["new", "offering", "my-course", "--root", str(project)])
    template = project / "curriculum" / "offerings" / "my-course.yaml"
    text = template.read_text(encoding="utf-8")
    for placeholder, value in (
        ('"TODO: the course\'s title"', "Tiny Machine Learning"),
        ('"TODO: the university or company"', "Universidad de Ejemplo"),
        ("https://example.org/TODO", "https://tinyml.example.edu/"),
        (
            '"TODO: when it runs, in its organisers\' words; or replace this line by start:"',
            "Spring 2025",
        ),
        ('"TODO: one or two sentences on what the course teaches."', "An introduction."),
    ):
        assert placeholder in text
        text = text.replace(placeholder, value)
    template.write_text(text, encoding="utf-8")

    code, lines = _validate(project, runner)

    assert code == 0, lines
    assert lines[-1].startswith("OK:")


def test_an_example_address_or_a_todo_inside_text_is_not_a_placeholder(
    project: Path, runner: CliRunner
) -> None:
    offering = project / "curriculum" / "offerings" / "real-course.yaml"
    offering.write_text(
        "id: real-course\n"
        "kind: course\n"
        "title: Embedded ML\n"
        "organizations:\n"
        "  - {name: Example University, url: 'https://example.org/'}\n"
        "dates: {start: '2024-09'}\n"
        "audience: [everyone]\n"
        "language_of_instruction: [en]\n"
        "language_of_materials: [en]\n"
        "description: Students keep a TODO list of the boards they need.\n",
        encoding="utf-8",
    )
    code, lines = _validate(project, runner)
    assert code == 0, lines
