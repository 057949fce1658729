"""Benchmark: what the lab sandbox costs, per lab.

Executes the repository's bundled labs (``labs/*.py``, translations excluded) one at a time,
in bubblewrap with a cgroup per lab (the default) and unconfined
(``COURSEWARE_LAB_SANDBOX=off``), alternating, each ``--repeat`` times into a throw-away
cache, and prints each lab's median execution time both ways. Numbers are reported, never asserted.

    .venv/bin/python bench/lab_sandbox.py            # median of 3
    .venv/bin/python bench/lab_sandbox.py --repeat 5 --json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from courseware.labs import discover_labs, execute_labs
from courseware.labs.cgroups import create_lab_cgroup, describe_cgroup_support
from courseware.labs.isolation import (
    create_workspace,
    data_file_binds,
    launcher_command,
    remove_workspace,
)
from courseware.labs.sandbox import (
    SANDBOX_SETTING,
    UNCONFINED,
    SandboxPaths,
    bubblewrap_command,
    choose_containment,
)

REPO = Path(__file__).resolve().parent.parent
IMPORTS = "import numpy, matplotlib.pyplot"


def time_labs(repeat: int) -> dict[str, dict[str, float]]:
    """Median seconds per lab (kernel start to last cell) in each mode, executing each lab
    alone; the two modes alternate lab by lab, so a change in the machine's load between
    them does not pass for the sandbox's cost."""
    labs = [lab for lab in discover_labs(REPO) if not lab.is_translation]
    times: dict[str, dict[str, list[float]]] = {
        mode: {lab.id: [] for lab in labs} for mode in ("sandboxed", "unconfined")
    }
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-") as cache:
        for _ in range(repeat):
            for lab in labs:
                for mode in times:
                    if mode == "sandboxed":
                        os.environ.pop(SANDBOX_SETTING, None)
                    else:
                        os.environ[SANDBOX_SETTING] = UNCONFINED
                    [run] = execute_labs([lab], REPO, Path(cache), jobs=1, force=True)
                    if run.status == "failed":
                        raise SystemExit(f"{lab.id} failed: {[str(p) for p in run.problems]}")
                    times[mode][lab.id].append(run.duration_seconds)
    os.environ.pop(SANDBOX_SETTING, None)
    return {
        mode: {lab_id: round(statistics.median(values), 2) for lab_id, values in by_lab.items()}
        for mode, by_lab in times.items()
    }


def time_startup(repeat: int) -> dict[str, dict[str, float]]:
    """Median seconds to start a process with and without the sandbox in front of it (the
    launcher, a cgroup made and removed, bubblewrap): the fixed cost, free of what the labs
    themselves do. Both get a fresh matplotlib folder, as a lab does."""
    lab = next(lab for lab in discover_labs(REPO) if not lab.is_translation)
    workspace = create_workspace(lab, copy_data_files=False)
    paths = SandboxPaths(
        workspace.ipc_dir,
        workspace.ipython_startup,
        workspace.ipython_config,
        workspace.matplotlibrc,
        data_file_binds(lab),
    )
    bwrap = choose_containment().bwrap or "bwrap"
    commands = {"true": ["/bin/true"], "numpy+matplotlib": [sys.executable, "-c", IMPORTS]}
    times: dict[str, dict[str, list[float]]] = {
        name: {"sandboxed": [], "unconfined": []} for name in commands
    }
    try:
        for _ in range(repeat):
            for name, command in commands.items():
                with tempfile.TemporaryDirectory() as config:
                    env = {**os.environ, "MPLCONFIGDIR": config}
                    times[name]["unconfined"].append(_seconds(command, env))
                cgroup = create_lab_cgroup(workspace.root.name, 1024**3)
                procs = cgroup.procs_files if cgroup is not None else []
                prefix = launcher_command(1024**3, 600, procs)
                prefix += bubblewrap_command(bwrap, paths, share_network=False)
                env = {**os.environ, "MPLCONFIGDIR": "/tmp/matplotlib"}
                times[name]["sandboxed"].append(_seconds([*prefix, *command], env))
                if cgroup is not None:
                    cgroup.remove()
    finally:
        remove_workspace(workspace)
    return {
        name: {mode: round(statistics.median(values), 3) for mode, values in modes.items()}
        for name, modes in times.items()
    }


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    containment = choose_containment()
    startup = time_startup(args.repeat * 3)
    medians = time_labs(args.repeat)
    sandboxed, unconfined = medians["sandboxed"], medians["unconfined"]
    result = {
        "python": platform.python_version(),
        "sandbox": containment.description,
        "limits": describe_cgroup_support(),
        "repeat": args.repeat,
        "startup": startup,
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
    print(f"{'start-up':<20} {'sandboxed':>10} {'unconfined':>11} {'cost':>7}")
    for name, modes in startup.items():
        cost = modes["sandboxed"] - modes["unconfined"]
        print(
            f"{name:<20} {modes['sandboxed']:>9.3f}s {modes['unconfined']:>10.3f}s {cost:>+6.3f}s"
        )
    print(f"{'lab':<20} {'sandboxed':>10} {'unconfined':>11} {'cost':>7}")
    for lab_id, row in result["labs"].items():
        print(
            f"{lab_id:<20} {row['sandboxed_seconds']:>9.2f}s {row['unconfined_seconds']:>10.2f}s"
            f" {row['cost_seconds']:>+6.2f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
