"""Count the fault suite's scenarios by kind, for issue 20's closing note.

A scenario is one collected test (each parametrized case counts) in ``tests/faults/`` and in
``tests/labs/test_sandbox.py``; the table's kinds are the issue's: labs contained, published
content, killed builds, destructive options, weak answers.

    .venv/bin/python tests/faults/scenarios.py
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PATHS = ("tests/faults", "tests/labs/test_sandbox.py")

KINDS = (
    "labs contained",
    "published content",
    "killed builds",
    "destructive options",
    "weak answers",
)

_TABLE_KINDS = {
    range(1, 32): "published content",
    range(46, 47): "published content",
    range(47, 48): "killed builds",
    range(53, 59): "destructive options",
    range(59, 60): "weak answers",
}
"""``test_faults.py::test_fault[NN-...]`` by its scenario number."""

_BY_TEST = {
    "test_failing_labs_are_reported_together": "labs contained",
    "test_runaway_labs_are_stopped_and_secrets_stay_out": "labs contained",
    "test_a_lab_that_tries_each_escape_changes_nothing": "labs contained",
    "test_labs_that_fork_and_allocate_without_end_are_bounded": "labs contained",
    "test_a_build_without_the_sandbox_stops_with_one_line": "labs contained",
    "test_lab_html_output_is_sanitised_and_fallback_is_honest": "published content",
    "test_slow_and_bomb_cases_finish_in_a_subprocess": "published content",
    "test_a_second_build_at_once_is_refused": "killed builds",
    "test_a_killed_build_leaves_no_worker_and_the_next_build_takes_over": "killed builds",
    "test_stale_lab_folders_of_a_killed_run_are_removed_with_a_warning": "killed builds",
    "test_a_bind_mounted_site_is_rebuilt_in_place": "weak answers",
}
"""Tests whose kind is not their file's."""

_BY_FILE = {
    "tests/labs/test_sandbox.py": "labs contained",
    "tests/faults/test_published_gate.py": "published content",
    "tests/faults/test_weak_answers.py": "weak answers",
    "tests/faults/test_serve.py": "weak answers",
    "tests/faults/test_serve_warm.py": "weak answers",
    "tests/faults/test_scenarios.py": None,
}

_NOT_SCENARIOS = {"test_fault_table_covers_forty_scenarios"}
"""Tests about the suite itself."""


def collected() -> list[str]:
    """The node ids pytest collects in :data:`PATHS`."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *PATHS],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if "::" in line]


def kind_of(node: str) -> str | None:
    """The kind of the scenario ``node``, or None for a test that is not a scenario."""
    file, _, test = node.partition("::")
    name = test.split("[", 1)[0]
    if name in _NOT_SCENARIOS:
        return None
    if name in _BY_TEST:
        return _BY_TEST[name]
    if file == "tests/faults/test_faults.py" and name == "test_fault":
        number = int(re.match(r"test_fault\[(\d+)", test).group(1))  # type: ignore[union-attr]
        for numbers, kind in _TABLE_KINDS.items():
            if number in numbers:
                return kind
    if file in _BY_FILE:
        return _BY_FILE[file]
    raise KeyError(f"{node}: no kind; add it to tests/faults/scenarios.py")


def count_by_kind(nodes: list[str]) -> Counter[str]:
    """How many scenarios of each kind ``nodes`` holds."""
    kinds = Counter(kind for kind in map(kind_of, nodes) if kind is not None)
    return Counter({kind: kinds[kind] for kind in KINDS})


def main() -> None:
    nodes = collected()
    counts = count_by_kind(nodes)
    print("| kind | scenarios |\n| --- | ---: |")
    for kind in KINDS:
        print(f"| {kind} | {counts[kind]} |")
    print(f"| **total** | **{sum(counts.values())}** |")


if __name__ == "__main__":
    main()
