"""The problem-code catalogue: well-formed, unique, every code in use, every problem coded."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from courseware import problem_codes as codes
from courseware.datasheet.checks import CHECKS
from courseware.errors import Problem
from courseware.problem_codes import CODES, UNCODED, code_by_slug, problem_code

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "courseware"

PROBLEM_TYPES = {"Problem", "LabProblem", "InputProblem"}
# The datasheet validator's Finding is a report of its own; TinyMLedu's importer has another
# Finding (what it normalised), which is no problem record.
DATASHEET_TYPES = PROBLEM_TYPES | {"Finding"}


def _constants() -> dict[str, codes.ProblemCode]:
    return {
        name: value
        for name, value in vars(codes).items()
        if isinstance(value, codes.ProblemCode) and name.isupper()
    }


def test_codes_and_slugs_are_well_formed_and_unique() -> None:
    assert len({entry.slug for entry in CODES.values()}) == len(CODES)
    for code, entry in CODES.items():
        assert code == entry.code
        assert re.fullmatch(r"CW-[A-Z0-9]+-\d{3}", code)
        assert entry.area in codes.AREAS
        assert entry.summary.endswith(".") and entry.fix.endswith((".", ")"))
        assert entry.example and "[CW-" not in entry.example
    assert sorted(_constants().values()) == sorted(CODES.values())


def test_codes_are_looked_up_by_code_and_slug() -> None:
    assert problem_code("CW-SCH-002") is codes.UNKNOWN_FIELD
    assert code_by_slug("unknown-field") is codes.UNKNOWN_FIELD
    assert str(codes.UNKNOWN_FIELD) == "CW-SCH-002 unknown-field"
    with pytest.raises(KeyError):
        problem_code("CW-SCH-999")


def test_a_problem_shows_its_code_after_the_message() -> None:
    problem = Problem(
        "curriculum/offerings/x.yaml", 7, "titel", "unknown field", code=codes.UNKNOWN_FIELD
    )
    assert str(problem) == (
        "curriculum/offerings/x.yaml:7: titel: unknown field [CW-SCH-002 unknown-field]"
    )
    warning = Problem("a.yaml", None, None, "old", severity="warning", code=codes.RETIRED_MODULE)
    assert str(warning) == "a.yaml: warning: old [CW-REG-016 retired-module]"
    assert str(Problem("a.yaml", 1, None, "not coded yet")) == "a.yaml:1: not coded yet"
    assert Problem("a.yaml", 1, None, "x").code is UNCODED


def test_every_datasheet_check_has_its_own_code() -> None:
    datasheet_codes = {entry.slug for entry in CODES.values() if entry.area == "DS"}
    assert datasheet_codes == set(CHECKS)
    assert all(check.code.slug == check.id for check in CHECKS.values())


def test_every_code_is_used() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    used = set(re.findall(r"\bcodes\.([A-Z][A-Z0-9_]+)\b", text))
    unused = {
        name
        for name, entry in _constants().items()
        if entry.area != "DS" and entry is not UNCODED and name not in used
    }
    assert unused == set()


def _uncoded_calls(path: Path, types: set[str] = PROBLEM_TYPES) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in types
        and not any(keyword.arg in {"code", None} for keyword in node.keywords)
    ]


def test_every_problem_has_a_code() -> None:
    uncoded = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "problem_codes.py":
            continue
        types = DATASHEET_TYPES if relative.startswith("datasheet/") else PROBLEM_TYPES
        uncoded += [f"{relative}:{line}" for line in _uncoded_calls(path, types)]
    assert uncoded == []


def test_the_scan_finds_a_problem_without_a_code(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        "Problem('a', 1, None, 'x')\n"
        "Problem('a', 1, None, 'x', code=codes.SYMLINK)\n"
        "LabProblem('a', 1, None, 'x', cell=2)\n",
        encoding="utf-8",
    )
    assert _uncoded_calls(source) == [1, 3]
