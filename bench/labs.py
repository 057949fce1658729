"""Benchmark: lab execution cold, warm with no change, and after a prose-only edit.

Copies the fixture project ``tests/fixtures/labs/good`` (a numpy + matplotlib lab with a data
file and a figure, a one-cell lab, and a translation) plus N copies of the numpy lab, then
times ``execute_labs`` three times on the same cache: cold (every lab executes), warm
(nothing changed: every lab comes from the cache) and after editing only the prose of one
lab (still nothing executes). Each phase also renders every page, as a build would.

    .venv/bin/python bench/labs.py              # 4 extra labs, 2 jobs
    .venv/bin/python bench/labs.py --copies 8 --jobs 2 --json
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from courseware.labs import discover_labs, execute_labs, render_lab

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "labs" / "good"


def build(root: Path, jobs: int) -> dict[str, float]:
    """One build's lab work: discover, execute (or take from the cache), render every page."""
    started = time.perf_counter()
    labs = discover_labs(root)
    runs = {run.lab.id: run for run in execute_labs(labs, root, jobs=jobs)}
    for lab in labs:
        render_lab(lab, runs[lab.id])
    statuses = [run.status for run in runs.values()]
    if "failed" in statuses:
        raise SystemExit(f"a lab failed: {[str(p) for r in runs.values() for p in r.problems]}")
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "executed": statuses.count("executed"),
        "cached": statuses.count("cached"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="extra copies of the numpy lab")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-labs-") as folder:
        root = Path(shutil.copytree(FIXTURE, Path(folder) / "project"))
        source = (root / "labs" / "fit.py").read_text(encoding="utf-8")
        for index in range(args.copies):
            # A different print per copy gives each its own cache key, as distinct labs have.
            text = source.replace('print("seeded:"', f'print("copy {index}", "seeded:"')
            (root / "labs" / f"fit-copy-{index}.py").write_text(text, encoding="utf-8")
        cold = build(root, args.jobs)
        warm = build(root, args.jobs)
        path = root / "labs" / "fit.py"
        path.write_text(source.replace("We fit a line", "We fit one line"), encoding="utf-8")
        prose = build(root, args.jobs)
    result = {
        "labs": 2 + args.copies,
        "jobs": args.jobs,
        "python": platform.python_version(),
        "cold": cold,
        "warm": warm,
        "after_prose_edit": prose,
        "warm_over_cold": round(warm["seconds"] / cold["seconds"], 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['labs']} labs (+1 translation), {args.jobs} jobs")
        for phase in ("cold", "warm", "after_prose_edit"):
            data = result[phase]
            assert isinstance(data, dict)
            print(
                f"  {phase:<17} {data['seconds']:7.2f} s  "
                f"executed {data['executed']}, cached {data['cached']}"
            )
        print(f"  warm / cold       {result['warm_over_cold']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
