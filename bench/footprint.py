"""Benchmark: vectorized evaluation of random calculator configurations against one by one.

Draws N random configurations (an option per block, each block switched on with probability
0.9), evaluates them all at once with numpy (``evaluate_many``) and one at a time through the
public API (``configure`` then ``estimate``, which checks every input), checks that both give
exactly the same totals, and prints both rates and their ratio.

    .venv/bin/python bench/footprint.py                # 10**6 configurations
    .venv/bin/python bench/footprint.py --count 100000 --json
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time

import numpy as np

from courseware.footprint.estimate import estimate
from courseware.footprint.vectorized import (
    configuration_from_indices,
    evaluate_many,
    random_option_indices,
)

ENABLED_PROBABILITY = 0.9


def measure(count: int, seed: int, repeats: int) -> dict[str, float | int | str]:
    """Return the rates of both ways of evaluating ``count`` configurations, and their ratio."""
    indices = random_option_indices(count, seed=seed)
    enabled = np.random.default_rng(seed + 1).random(indices.shape) < ENABLED_PROBABILITY

    vector_seconds = float("inf")
    totals = np.empty(0)
    for _ in range(repeats):
        started = time.perf_counter()
        totals = evaluate_many(indices, enabled)
        vector_seconds = min(vector_seconds, time.perf_counter() - started)

    rows = indices.tolist()
    flags = enabled.tolist()
    one_by_one = np.empty(count)
    started = time.perf_counter()
    for position in range(count):
        configuration = configuration_from_indices(rows[position], flags[position])
        one_by_one[position] = estimate(configuration).total_kg_co2e_raw
    scalar_seconds = time.perf_counter() - started

    mismatches = int(np.count_nonzero(one_by_one != totals))
    if mismatches:
        raise SystemExit(f"{mismatches} totals differ between the two paths")
    vector_rate = count / vector_seconds
    scalar_rate = count / scalar_seconds
    return {
        "configurations": count,
        "vectorized_seconds": vector_seconds,
        "one_by_one_seconds": scalar_seconds,
        "vectorized_per_second": vector_rate,
        "one_by_one_per_second": scalar_rate,
        "ratio": vector_rate / scalar_rate,
        "identical_totals": "yes",
        "python": platform.python_version(),
        "numpy": np.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10**6, help="configurations (10**6)")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--repeats", type=int, default=5, help="best of N vectorized runs")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeats < 1:
        parser.error("--count and --repeats must be at least 1")
    result = measure(args.count, args.seed, args.repeats)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"footprint: {result['configurations']:,} random configurations")
    print(
        f"  vectorized (numpy): {result['vectorized_seconds']:.4f} s, "
        f"{result['vectorized_per_second']:,.0f} configurations/s (best of {args.repeats})"
    )
    print(
        f"  one by one (configure + estimate): {result['one_by_one_seconds']:.1f} s, "
        f"{result['one_by_one_per_second']:,.0f} configurations/s"
    )
    print(f"  ratio: {result['ratio']:,.0f}x; totals identical: {result['identical_totals']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
