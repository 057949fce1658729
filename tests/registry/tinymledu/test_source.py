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


def _located(name: str) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(ContentError) as caught:
        read_source(FIXTURES / "bad" / name, FIXTURES)
    return [(p.file, p.line, p.field, p.code.code) for p in caught.value.problems]


def test_not_yaml() -> None:
    (problem,) = _problems("not_yaml.yml")
    assert problem.startswith("bad/not_yaml.yml:")
    assert "not valid YAML" in problem
    assert _located("not_yaml.yml")[0][3] == "CW-YAML-001"


def test_not_a_list() -> None:
    assert _located("not_a_list.yml") == [("bad/not_a_list.yml", 1, None, "CW-REG-022")]


def test_unknown_keys_and_wrong_types_are_all_reported_with_lines() -> None:
    assert _located("unknown_key.yml") == [
        ("bad/unknown_key.yml", 3, "[0].audiences", "CW-SCH-002"),
        ("bad/unknown_key.yml", 8, "[0].links[0].titel", "CW-SCH-002"),
        ("bad/unknown_key.yml", 9, "[1].title", "CW-SCH-004"),
        ("bad/unknown_key.yml", 10, "[2]", "CW-REG-022"),
    ]
    # The suggestion is the point of the first message.
    assert _problems("unknown_key.yml")[0] == (
        "bad/unknown_key.yml:3: [0].audiences: unknown field 'audiences'; "
        "did you mean 'audience'? [CW-SCH-002 unknown-field]"
    )


def test_duplicate_keys() -> None:
    (problem,) = _problems("duplicate_key.yml")
    assert problem.startswith("bad/duplicate_key.yml:3: [0].date: duplicate key")
    assert _located("duplicate_key.yml") == [
        ("bad/duplicate_key.yml", 3, "[0].date", "CW-YAML-007")
    ]


def test_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ContentError, match="empty.yml:1: file is empty"):
        read_source(tmp_path / "empty.yml", tmp_path)
