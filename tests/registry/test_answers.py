"""Tests of answer keys (courseware.registry.answers), of the checks between labs and modules
(courseware.registry.lab_references) and of the instructor notes a stable module needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseware import problem_codes as codes
from courseware.errors import ContentError, Problem
from courseware.registry.answers import check_answer_functions, marked_exercises
from courseware.registry.lab_references import LabReference, check_lab_modules
from courseware.registry.load import load_registry

FIXTURES = Path(__file__).parent.parent / "fixtures" / "curriculum"

KEY = """\
exercises:
  - exercise: count-it
    parts:
      - answer:
          en: "There are {value} of them."
          es: "Hay {value}."
        computed: count-function
      - answer: Answers differ.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(FIXTURES / "valid", tmp_path / "valid"))
    text = root / "modules" / "footprint" / "index.md"
    text.write_text(
        "## About\n\nText.\n\n## Exercise: count it {#count-it .answer-key}\n\nCount.\n\n"
        "## Exercise: think {#think}\n\nThink.\n",
        encoding="utf-8",
    )
    return root


def _problems(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_registry(root)
    return list(caught.value.problems)


def test_marked_exercises_reads_ids_and_the_answered_class_outside_code() -> None:
    text = (
        "## Exercise: one {#one .answer-key}\n\n```\n## not {#fenced .answer-key}\n```\n\n"
        "### Two {: #two }\n\n## Plain heading\n"
    )
    found = marked_exercises(text)
    assert [(e.id, e.title, e.line, e.answered) for e in found] == [
        ("one", "Exercise: one", 1, True),
        ("two", "Two", 7, False),
    ]


def test_a_key_loads_and_names_its_computed_functions(project: Path) -> None:
    (project / "modules" / "footprint" / "answers.yaml").write_text(KEY, encoding="utf-8")
    registry = load_registry(project)
    key = registry.answer_keys["footprint"]
    exercise = key.exercise("count-it")
    assert exercise is not None and exercise.parts[0].computed == "count-function"
    assert registry.warnings == ()
    [problem] = check_answer_functions(
        registry.answer_keys, registry.documents, ["count-functions", "other"]
    )
    assert str(problem) == (
        "modules/footprint/answers.yaml:7: exercises[0].parts[0].computed: unknown answer "
        "function 'count-function'; did you mean 'count-functions'? "
        "[CW-REG-046 answer-function-unknown]"
    )
    assert (
        check_answer_functions(registry.answer_keys, registry.documents, ["count-function"]) == []
    )


def test_a_marked_exercise_the_key_lacks_is_a_warning_naming_the_heading(project: Path) -> None:
    registry = load_registry(project)
    [warning] = registry.warnings
    assert warning.code == codes.ANSWER_MISSING
    assert str(warning).startswith(
        "modules/footprint/index.md:5: warning: exercise 'count-it' is marked {.answer-key} "
        "but modules/footprint/answers.yaml has no answer for it"
    )


def test_key_errors_name_file_line_and_the_nearest_exercise(project: Path) -> None:
    broken = KEY.replace("count-it", "count-itt").replace(
        "      - answer: Answers differ.", "      - answer: Only {value} here."
    )
    broken = broken.replace('es: "Hay {value}."', 'es: "Hay muchos."')
    (project / "modules" / "footprint" / "answers.yaml").write_text(broken, encoding="utf-8")
    problems = [str(p) for p in _problems(project)]
    assert (
        "modules/footprint/answers.yaml:2: exercises[0].exercise: no exercise 'count-itt' is "
        "marked in modules/footprint/index.md; did you mean 'count-it'? "
        "[CW-REG-045 answer-unknown-exercise]"
    ) in problems
    assert (
        "modules/footprint/answers.yaml:6: exercises[0].parts[0].answer.es: the text of a "
        "computed answer must show the value with {value} [CW-REG-047 answer-value-placeholder]"
    ) in problems
    assert (
        "modules/footprint/answers.yaml:8: exercises[0].parts[1].answer: {value} shows a "
        "computed value; add computed: or remove it [CW-REG-047 answer-value-placeholder]"
    ) in problems
    # The exercise the key misnamed is still reported as unanswered.
    assert any("warning: exercise 'count-it' is marked" in p for p in problems)


def test_a_key_with_a_schema_error_names_its_line(project: Path) -> None:
    (project / "modules" / "footprint" / "answers.yaml").write_text(
        "exercises:\n  - exercise: count-it\n    parts: []\n", encoding="utf-8"
    )
    [problem] = [p for p in _problems(project) if p.severity == "error"]
    assert problem.file == "modules/footprint/answers.yaml"
    assert problem.line == 3
    assert problem.field == "exercises[0].parts"


def test_a_stable_module_without_instructor_notes_is_an_error(project: Path) -> None:
    metadata = project / "modules" / "footprint" / "module.yaml"
    text = metadata.read_text(encoding="utf-8")
    start = text.index("instructor:")
    end = text.index("last_reviewed:")
    metadata.write_text(text[:start] + text[end:], encoding="utf-8")
    [problem] = [p for p in _problems(project) if p.severity == "error"]
    assert problem.code == codes.INSTRUCTOR_NOTES_REQUIRED
    assert str(problem).startswith(
        "modules/footprint/module.yaml:16: life_cycle: a stable module needs instructor: notes"
    )
    metadata.write_text(
        text[:start] + text[end:].replace("life_cycle: stable", "life_cycle: beta"),
        encoding="utf-8",
    )
    assert load_registry(project).modules_by_id["footprint"].spec.instructor is None


def test_labs_and_modules_must_name_each_other() -> None:
    registry = load_registry(FIXTURES / "valid")
    good = LabReference("device-footprint", "labs/device-footprint.py", 3, "footprint")
    assert check_lab_modules(registry, [good]) == []
    unknown = LabReference("device-footprint", "labs/device-footprint.py", 3, "footprnt")
    stray = LabReference("stray", "labs/stray.py", 3, "intro")
    problems = [str(p) for p in check_lab_modules(registry, [unknown, stray])]
    assert problems == [
        "labs/device-footprint.py:3: module: unknown module 'footprnt'; nearest ids: "
        "footprint [CW-REG-040 lab-module-unknown]",
        "labs/stray.py:3: module: 'intro' does not list this lab; add stray to labs: in "
        "modules/intro/module.yaml, or name the module that lists it "
        "[CW-REG-041 lab-not-listed]",
        "modules/footprint/module.yaml:11: labs[0]: lab 'device-footprint' belongs to "
        "'footprnt' (labs/device-footprint.py:3); remove it here, or change the lab's module: "
        "[CW-REG-042 lab-of-other-module]",
    ]
