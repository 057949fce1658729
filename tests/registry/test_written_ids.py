"""Tests of courseware.registry.written_ids: which ids a broken list file still declares."""

from __future__ import annotations

from courseware.errors import Problem
from courseware.registry.written_ids import ids_as_written
from courseware.yamlsafe import parse_yaml_text

LANGUAGES = "languages:\n  - {code: en, direction: ltr}\n  - {code: ar, direction: rtll}\n"


def _problem(field: str | None) -> Problem:
    return Problem("curriculum/languages.yaml", 3, field, "wrong")


def test_ids_of_a_file_whose_error_is_elsewhere_are_trusted() -> None:
    document = parse_yaml_text(LANGUAGES, "curriculum/languages.yaml")
    problems = [_problem("languages[1].direction")]
    assert ids_as_written(document, "languages", problems, id_key="code") == frozenset({"en", "ar"})


def test_an_error_in_an_id_itself_makes_the_ids_untrusted() -> None:
    document = parse_yaml_text(LANGUAGES, "curriculum/languages.yaml")
    for field in ("languages[1].code", "languages[1]", "languages", None):
        assert ids_as_written(document, "languages", [_problem(field)], id_key="code") is None


def test_a_problem_of_another_file_does_not_count() -> None:
    document = parse_yaml_text(LANGUAGES, "curriculum/languages.yaml")
    other = Problem("curriculum/topics.yaml", 1, None, "wrong")
    assert ids_as_written(document, "languages", [other], id_key="code") == frozenset({"en", "ar"})


def test_ids_that_are_not_text_or_a_list_that_is_not_one_are_untrusted() -> None:
    numbers = parse_yaml_text("topics:\n  - {id: 12}\n", "t.yaml")
    assert ids_as_written(numbers, "topics", []) is None
    mapping = parse_yaml_text("topics: {id: basics}\n", "t.yaml")
    assert ids_as_written(mapping, "topics", []) is None
    assert ids_as_written(None, "topics", []) is None
