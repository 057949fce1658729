"""Tests of scoring a codes file: per-learner and per-objective percentages, bad lines."""

from __future__ import annotations

from pathlib import Path

from courseware.assess.kit import load_kit
from courseware.assess.scoring import read_codes_file, scores_csv

FIXTURES = Path(__file__).parent.parent / "fixtures" / "assess"


def test_pre_codes_are_scored_per_objective() -> None:
    kit = load_kit(FIXTURES / "project")
    scores, problems = read_codes_file(FIXTURES / "codes" / "pre.txt", kit.all_forms)
    assert problems == []
    table = {s.pseudonym: s.objective_percent for s in scores}
    assert table == {
        "ANA": {"alpha/o-one": 0.0, "alpha/o-two": 0.0},
        "BEN": {"alpha/o-one": 50.0, "alpha/o-two": 0.0},
        "CA1": {"alpha/o-one": 50.0, "alpha/o-two": 100.0},  # CAI, with I read as 1
        "DEV": {"alpha/o-one": 100.0, "alpha/o-two": 0.0},
        "": {"alpha/o-one": 100.0, "alpha/o-two": 100.0},
    }
    assert [s.line for s in scores] == [2, 3, 4, 5, 7]


def test_bad_codes_are_reported_one_line_each_and_the_rest_is_scored() -> None:
    kit = load_kit(FIXTURES / "project")
    path = FIXTURES / "codes" / "bad.txt"
    scores, problems = read_codes_file(path, kit.all_forms, track="pilot", letter="A")
    assert [(s.line, s.pseudonym, s.total_percent) for s in scores] == [(2, "0K1", 100.0)]
    assert [p.line for p in problems] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert all(p.file == str(path) for p in problems)
    messages = {p.line: p.message for p in problems}
    assert messages[4] == "4FTW-83JE: the code is from track 'rerun', not 'pilot'"
    assert messages[10] == "43TW-EVTR-EAV: the code is from form B, not A"


def test_the_csv_has_one_column_per_objective() -> None:
    kit = load_kit(FIXTURES / "project")
    scores, _ = read_codes_file(FIXTURES / "codes" / "pre.txt", kit.all_forms)
    lines = scores_csv(scores).splitlines()
    assert lines[0] == "line,pseudonym,track,form,items,correct,percent,alpha/o-one,alpha/o-two"
    assert lines[2] == "3,BEN,pilot,A,3,1,33.3,50.0,0.0"
