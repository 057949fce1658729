"""Tests of the problem record of courseware.errors: one format, both ways, every field."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from courseware.errors import RECORD_FIELDS, Problem, problem_from_record, problem_record
from courseware.labs import LabProblem


def test_a_record_round_trips_through_json_with_every_field() -> None:
    problem = LabProblem("labs/x.py", 7, None, "ZeroDivisionError: boom", cell=2)
    record = json.loads(json.dumps(problem_record(problem)))
    assert set(record) == {f.name for f in fields(Problem)}
    back = problem_from_record(record, LabProblem)
    assert back == problem
    assert str(back) == "labs/x.py:7 (cell 2): ZeroDivisionError: boom"


def test_every_field_of_a_problem_has_a_record_format() -> None:
    assert {f.name for f in fields(Problem)} <= set(RECORD_FIELDS)


@pytest.mark.parametrize(
    "record",
    [
        {"line": 1, "field": None, "message": "m"},  # no file
        {"file": "a.md", "line": "1", "field": None, "message": "m"},
        {"file": "a.md", "line": 1, "field": None, "message": "m", "severity": "fatal"},
        {"file": "a.md", "line": True, "field": None, "message": "m"},
        ["a.md", 1],
    ],
)
def test_a_malformed_record_is_refused_with_a_value_error(record: object) -> None:
    with pytest.raises(ValueError):
        problem_from_record(record, Problem)  # type: ignore[arg-type]
