"""Benchmark: what the lab sandbox costs, per lab.

Executes the repository's bundled labs (``labs/*.py``, translations excluded) one at a time,
first in bubblewrap with a cgroup per lab (the default), then unconfined
(``COURSEWARE_LAB_SANDBOX=off``), each ``--repeat`` times into a throw-away cache, and
prints each lab's median execution time both ways. Numbers are reported, never asserted.

    .venv/bin/python bench/lab_sandbox.py            # median of 3
    .venv/bin/python bench/lab_sandbox.py --repeat 5 --json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

from courseware.labs import discover_labs, execute_labs
from courseware.labs.cgroups import describe_cgroup_support
from courseware.labs.sandbox import SANDBOX_SETTING, UNCONFINED, choose_containment

REPO = Path(__file__).resolve().parent.parent


def time_labs(sandboxed: bool, repeat: int) -> dict[str, float]:
    """Median seconds per lab (kernel start to last cell), executing each lab alone."""
    if sandboxed:
        os.environ.pop(SANDBOX_SETTING, None)
    else:
        os.environ[SANDBOX_SETTING] = UNCONFINED
    labs = [lab for lab in discover_labs(REPO) if not lab.is_translation]
    times: dict[str, list[float]] = {lab.id: [] for lab in labs}
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-") as cache:
        for _ in range(repeat):
            for lab in labs:
                [run] = execute_labs([lab], REPO, Path(cache), jobs=1, force=True)
                if run.status == "failed":
                    raise SystemExit(f"{lab.id} failed: {[str(p) for p in run.problems]}")
                times[lab.id].append(run.duration_seconds)
    return {lab_id: round(statistics.median(values), 2) for lab_id, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    containment = choose_containment()
    sandboxed = time_labs(True, args.repeat)
    unconfined = time_labs(False, args.repeat)
    result = {
        "python": platform.python_version(),
        "sandbox": containment.description,
        "limits": describe_cgroup_support(),
        "repeat": args.repeat,
        "labs": {
            lab_id: {
                "sandboxed_seconds": sandboxed[lab_id],
                "unconfined_seconds": unconfined[lab_id],
                "cost_seconds": round(sandboxed[lab_id] - unconfined[lab_id], 2),
            }
            for lab_id in sandboxed
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{containment.description}; {result['limits']}; median of {args.repeat}")
    print(f"{'lab':<20} {'sandboxed':>10} {'unconfined':>11} {'cost':>7}")
    for lab_id, row in result["labs"].items():  # type: ignore[union-attr]
        print(
            f"{lab_id:<20} {row['sandboxed_seconds']:>9.2f}s {row['unconfined_seconds']:>10.2f}s"
            f" {row['cost_seconds']:>+6.2f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
