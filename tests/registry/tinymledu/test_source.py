"""Reading and checking the shape of a TinyMLedu file."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.errors import ContentError
from courseware.registry.tinymledu.source import read_source

from .conftest import FIXTURES


def test_reads_the_sample_with_lines() -> None:
    items = read_source(FIXTURES / "full_courses.yml", FIXTURES)
    assert [item.line for item in items] == [1, 26, 47, 61, 79]
    assert items[0].path == "full_courses.yml"
    assert items[0].entry.title == "edX tinyML Specialization"
    assert items[0].line_of(("links", 1, "url")) == 10
    assert items[3].line_of(("language_instruction",)) == 65


def test_reads_the_4d_flag_and_a_bare_year() -> None:
    items = read_source(FIXTURES / "workshops.yaml", FIXTURES)
    assert items[0].entry.event_4d == 1
    assert items[1].entry.event_4d is None


def _problems(name: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_source(FIXTURES / "bad" / name, FIXTURES)
    return [str(problem) for problem in caught.value.problems]


def test_not_yaml() -> None:
    (problem,) = _problems("not_yaml.yml")
    assert problem.startswith("bad/not_yaml.yml:")
    assert "not valid YAML" in problem


def test_not_a_list() -> None:
    assert _problems("not_a_list.yml") == [
        "bad/not_a_list.yml:1: expected a list of entries (- title: ...), found a mapping"
    ]


def test_unknown_keys_and_wrong_types_are_all_reported_with_lines() -> None:
    assert _problems("unknown_key.yml") == [
        "bad/unknown_key.yml:3: [0].audiences: unknown field 'audiences'; did you mean 'audience'?",
        "bad/unknown_key.yml:8: [0].links[0].titel: unknown field 'titel'; did you mean 'title'?",
        "bad/unknown_key.yml:9: [1].title: '2022' was read by YAML as the number 2022, not text; "
        'quote it: "2022"',
        "bad/unknown_key.yml:10: [2]: expected an entry (title: ..., date: ...), "
        "found 'just a line of text'",
    ]


def test_duplicate_keys() -> None:
    (problem,) = _problems("duplicate_key.yml")
    assert problem.startswith("bad/duplicate_key.yml:3: [0].date: duplicate key")


def test_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ContentError, match="empty.yml:1: file is empty"):
        read_source(tmp_path / "empty.yml", tmp_path)
