"""Tests of courseware.registry.modules: loading modules, their languages and their checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.errors import ContentError, Problem
from courseware.registry.lab_references import check_module_labs
from courseware.registry.licenses import combine_licenses
from courseware.registry.load import load_registry
from courseware.registry.prerequisites import (
    find_cycles,
    format_cycle,
    order_by_prerequisites,
    with_prerequisites,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "curriculum"


def problems_of(project: str) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_registry(FIXTURES / project)
    return list(caught.value.problems)


def test_valid_project_loads_modules_with_their_languages() -> None:
    registry = load_registry(FIXTURES / "valid")
    modules = registry.modules_by_id
    assert sorted(modules) == ["footprint", "intro", "remix"]
    assert modules["intro"].languages == ("en", "es")
    assert modules["footprint"].languages == ("en",)
    assert modules["footprint"].total_minutes == 45
    assert modules["intro"].text_file("es") == "modules/intro/index.es.md"
    assert modules["footprint"].text_file("es") == "modules/footprint/index.md"
    assert [t.id for t in registry.topics] == ["basics", "footprint", "remixing"]
    assert registry.warnings == ()


def test_module_problems_name_file_line_and_field() -> None:
    problems = problems_of("broken-modules")
    found = {(p.file, p.line, p.field, p.code.code) for p in problems}
    assert ("modules/needs-ghost/module.yaml", 6, "prerequisites[1]", "CW-REG-011") in found
    assert ("modules/needs-ghost/module.yaml", 10, "topics[1]", "CW-REG-013") in found
    assert ("modules/misnamed/module.yaml", 1, "id", "CW-REG-006") in found
    assert ("modules/misnamed/index.de.md", None, None, "CW-REG-004") in found
    assert ("modules/no-text/index.md", None, None, "CW-REG-001") in found
    shown = [str(p) for p in problems]
    # The hints are the point of these two messages.
    assert (
        "modules/needs-ghost/module.yaml:6: prerequisites[1]: unknown module 'intr'; "
        "nearest ids: intro [CW-REG-011 unknown-module]"
    ) in shown
    assert (
        "modules/needs-ghost/module.yaml:10: topics[1]: unknown topic 'footprints'; "
        "did you mean 'footprint'? [CW-REG-013 unknown-topic]"
    ) in shown


def test_module_licence_must_keep_the_terms_of_adapted_sources() -> None:
    licence = [p for p in problems_of("broken-modules") if p.field == "license"]
    assert len(licence) == 1
    assert (licence[0].file, licence[0].line) == ("modules/too-open/module.yaml", 12)
    assert licence[0].code.code == "CW-REG-010"
    assert "adapts 'Course slides' (CC BY-NC-SA 4.0" in licence[0].message
    assert "such as CC-BY-NC-SA-4.0" in licence[0].message


def test_prerequisite_cycle_is_reported_once_at_the_module_line() -> None:
    cycles = [p for p in problems_of("broken") if p.file.startswith("modules/")]
    assert [(p.file, p.line, p.field, p.code.code) for p in cycles] == [
        ("modules/loop-a/module.yaml", 6, "prerequisites[0]", "CW-REG-012")
    ]
    assert "prerequisite cycle loop-a → loop-b → loop-a" in cycles[0].message


def test_unknown_labs_are_checked_against_the_labs_found() -> None:
    registry = load_registry(FIXTURES / "valid")
    assert check_module_labs(registry, {"device-footprint"}) == []
    [problem] = check_module_labs(registry, {"device-footprints", "fleet-growth"})
    assert str(problem) == (
        "modules/footprint/module.yaml:11: labs[0]: unknown lab 'device-footprint'; "
        "did you mean 'device-footprints'? [CW-REG-014 unknown-lab]"
    )


def test_cycles_are_found_and_printed_from_their_smallest_member() -> None:
    graph = {"c": ["a"], "a": ["b"], "b": ["c"], "d": ["d"], "e": ["a"]}
    assert find_cycles(graph) == [("a", "b", "c"), ("d",)]
    assert format_cycle(("a", "b", "c")) == "a → b → c → a"


def test_order_keeps_the_given_order_where_it_is_valid() -> None:
    graph = {"intro": [], "footprint": ["intro"], "remix": ["intro"], "extra": []}
    assert order_by_prerequisites(["remix", "extra", "intro"], graph) == [
        "extra",
        "intro",
        "remix",
    ]
    assert with_prerequisites(["footprint"], graph) == ["footprint", "intro"]


@pytest.mark.parametrize(
    ("licences", "expected"),
    [
        (["CC-BY-4.0", "CC0-1.0"], "CC-BY-4.0"),
        (["CC-BY-4.0", "CC-BY-NC-SA-4.0"], "CC-BY-NC-SA-4.0"),
        (["CC-BY-NC-4.0", "CC-BY-SA-4.0"], None),
        (["CC-BY-NC-4.0", "CC-BY-4.0"], "CC-BY-NC-4.0"),
        (["CC0-1.0"], "CC0-1.0"),
    ],
)
def test_combined_licence(licences: list[str], expected: str | None) -> None:
    combined = combine_licenses((f"m{i}", spdx) for i, spdx in enumerate(licences))
    assert combined.spdx == expected
    assert bool(combined.conflicts) == (expected is None)
