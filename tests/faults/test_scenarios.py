"""The fault suite holds at least the 90 scenarios issue 20 asks for, each of a kind."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _scenarios() -> Any:
    spec = importlib.util.spec_from_file_location("fault_scenarios", HERE / "scenarios.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_suite_counts_at_least_90_scenarios_each_of_a_kind() -> None:
    scenarios = _scenarios()
    counts = scenarios.count_by_kind(scenarios.collected())  # a test without a kind raises
    assert sum(counts.values()) >= 90, counts
    assert all(counts[kind] > 0 for kind in scenarios.KINDS), counts
