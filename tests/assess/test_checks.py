"""Tests of the bank checks on a fixture project whose bank breaks each rule once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseware import problem_codes as codes
from courseware.assess.kit import load_kit
from courseware.errors import ContentError
from courseware.problem_codes import ProblemCode

FIXTURES = Path(__file__).parent.parent / "fixtures" / "assess"
BANK = "modules/alpha/questions.yaml"


@pytest.fixture(scope="module")
def problems() -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_kit(FIXTURES / "broken")
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize(
    ("expected", "code"),
    [
        (
            f"{BANK}:5: items[0].objective: unknown objective 'o-three'; the module's "
            "objectives are o-one, o-two",
            codes.UNKNOWN_OBJECTIVE,
        ),
        (
            f"{BANK}:13: items[1].options: a single-choice item needs exactly one correct "
            "option, found 2",
            codes.CORRECT_OPTION_COUNT,
        ),
        (
            f"{BANK}:21: items[2].options: a single-choice item needs exactly one correct "
            "option, found 0",
            codes.CORRECT_OPTION_COUNT,
        ),
        (f"{BANK}:31: items[3].options[1].text: repeats options[0]", codes.REPEATED_OPTION),
        (f"{BANK}:38: items[4].tolerance: -0.5 is negative", codes.NEGATIVE_TOLERANCE),
        (
            f"{BANK}:45: items[5].value.computed: no computed value 'days-at-2-mw'; did you "
            "mean 'days-at-1-mw'?",
            codes.UNKNOWN_COMPUTED_VALUE,
        ),
        (
            f"{BANK}:55: warning: items[6].translated_from.es: the 'es' translation is stale",
            codes.TRANSLATION_STALE,
        ),
        (
            "modules/alpha/module.yaml:7: warning: learning_objectives[1]: objective 'o-two' "
            f"has 1 item in {BANK}; write at least 2",
            codes.TOO_FEW_ITEMS,
        ),
    ],
)
def test_each_broken_rule_is_reported_with_its_line_and_code(
    problems: list[str], expected: str, code: ProblemCode
) -> None:
    assert any(p.startswith(expected) and p.endswith(f" [{code}]") for p in problems), problems


def test_every_problem_is_reported_in_one_run(problems: list[str]) -> None:
    assert len(problems) == 8


def test_a_stale_translation_names_the_hash_to_record(problems: list[str]) -> None:
    stale = next(p for p in problems if "stale" in p)
    assert stale.endswith(f"then write 856a58ffba3d [{codes.TRANSLATION_STALE}]")


def test_schema_errors_name_the_file_line_and_field() -> None:
    with pytest.raises(ContentError) as raised:
        load_kit(FIXTURES / "invalid")
    assert [str(p) for p in raised.value.problems] == [
        f"{BANK}:3: items[0].options: required field is missing [{codes.MISSING_FIELD}]",
        f"{BANK}:9: items[1].type: 'essay' is not one of single, multiple, true_false, "
        f"numeric, short_answer, ordering [{codes.NOT_A_CHOICE}]",
    ]


def test_the_valid_fixture_and_the_repository_load_without_warnings() -> None:
    assert load_kit(FIXTURES / "project").warnings == ()
    repository = load_kit(Path(__file__).parent.parent.parent)
    assert [str(w) for w in repository.warnings] == []


def test_a_bank_beside_objectives_without_ids_says_to_add_them(tmp_path: Path) -> None:
    project = Path(shutil.copytree(FIXTURES / "project", tmp_path / "project"))
    module = project / "modules" / "alpha" / "module.yaml"
    text = module.read_text(encoding="utf-8")
    start, end = text.index("learning_objectives:"), text.index("prerequisites:")
    module.write_text(
        text[:start] + "learning_objectives:\n  - Explain things.\n" + text[end:], encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_kit(project)
    first = str(raised.value.problems[0])
    assert first == (
        f"{BANK}:5: items[0].objective: unknown objective 'o-one'; give the module's "
        f"learning_objectives ids first [{codes.UNKNOWN_OBJECTIVE}]"
    )
