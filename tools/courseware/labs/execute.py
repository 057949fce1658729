"""Execute labs: from the cache when nothing changed, otherwise each in its own sandbox
(:mod:`courseware.labs.sandbox`) with limits on the whole lab (:mod:`courseware.labs.cgroups`),
several at once, and report every lab's status, time and problems.

Only the builder writes the cache, from the notebook its worker assembled out of the
kernel's messages; the lab's own folders are thrown away.

Execution never raises for a lab's own failure: a failed lab is a :class:`LabRun` with
``status == "failed"``, its problems, and (for ``--keep-going``) its last good cache entry,
so that one broken lab never hides the state of the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Literal

import courseware
from courseware import problem_codes as codes
from courseware.errors import Problem, errors_only
from courseware.labs.cache import (
    CacheEntry,
    ExecutionSettings,
    KernelEnvironment,
    LabCache,
    cache_key,
    describe_environment,
)
from courseware.labs.cgroups import (
    LabCgroup,
    create_lab_cgroup,
    describe_cgroup_support,
    remove_stale_cgroups,
)
from courseware.labs.failures import LabProblem, problems_from_outcome, wall_timeout_problem
from courseware.labs.isolation import (
    DEFAULT_MEMORY_LIMIT_BYTES,
    Workspace,
    create_workspace,
    data_file_binds,
    kernel_command_prefix,
    kernel_environment,
    launcher_command,
    remove_stale_workspaces,
    remove_workspace,
)
from courseware.labs.notebooks import read_notebook, write_notebook
from courseware.labs.outputs import check_figures, merge_outputs
from courseware.labs.protocol import WorkerOutcome, WorkerRequest
from courseware.labs.sandbox import (
    Containment,
    SandboxPaths,
    bubblewrap_command,
    choose_containment,
    sandbox_environment,
    sandbox_requested,
)
from courseware.labs.source import Lab, lab_notebook
from courseware.labs.worker import kill_process_group
from courseware.project_paths import LAB_CACHE_DIR

RunStatus = Literal["executed", "cached", "failed"]

UNCONFINED_CACHE = "unconfined"
"""Sub-folder of the cache for runs made without the sandbox (``COURSEWARE_LAB_SANDBOX=off``),
so that their outputs are never taken for sandboxed ones, nor the other way round."""

DEFAULT_MAX_OUTPUT_CHARS = 100_000
"""Output kept per cell: this project's choice, ample for a lab's tables and messages."""

STARTUP_ALLOWANCE_SECONDS = 60
"""Time allowed on top of the per-cell limits before a whole lab is killed (kernel start
is 1 to 2 s; the margin covers a loaded CI machine)."""


@dataclass(frozen=True)
class LabRun:
    """What happened to one lab in one build.

    ``entry`` is the cache entry of this run (None when it failed before producing one);
    ``last_good`` is, for a failed lab, its most recent successful entry whatever its key.
    """

    lab: Lab
    status: RunStatus
    duration_seconds: float
    cache_key: str
    entry: CacheEntry | None
    problems: tuple[Problem, ...]
    last_good: CacheEntry | None = None
    sandboxed: bool = True
    """False when the project opted out of the sandbox: the lab page must say it ran
    unconfined."""

    @property
    def is_ok(self) -> bool:
        return self.status != "failed"

    @property
    def notebook_path(self) -> Path | None:
        """The executed notebook in the cache, when this run succeeded."""
        return self.entry.notebook_path if self.entry is not None and self.is_ok else None

    @property
    def executed_at(self) -> datetime | None:
        return self.entry.executed_at if self.entry is not None and self.is_ok else None


StartCallback = Callable[[Lab], None]
FinishCallback = Callable[[LabRun], None]


def execute_labs(
    labs: Iterable[Lab],
    root: Path,
    cache_dir: Path | None = None,
    *,
    jobs: int | None = None,
    memory_limit_bytes: int = DEFAULT_MEMORY_LIMIT_BYTES,
    max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
    force: bool = False,
    on_start: StartCallback | None = None,
    on_finish: FinishCallback | None = None,
) -> list[LabRun]:
    """Bring every source lab's executed notebook up to date.

    Translations are not executed (they share the source lab's code cells and its run), so
    they are left out of the result; render them with the source lab's run.

    Args:
        labs: labs from :func:`~courseware.labs.source.discover_labs`.
        root: the project root (labs' messages name files relative to it).
        cache_dir: defaults to ``root/.cache/labs``.
        jobs: labs run at once; defaults to the number of cores.
        memory_limit_bytes: address-space limit of each kernel.
        max_output_chars: output kept per cell; the rest is replaced by a notice.
        force: execute even when the cache has the lab.
        on_start: called (from a worker thread) when a lab starts executing.
        on_finish: called (in the calling thread) as each lab finishes, cached ones first.

    Returns:
        One run per source lab, in the order given.
    """
    sandboxed = sandbox_requested()
    cache = _cache(root, cache_dir, sandboxed)
    settings = ExecutionSettings(memory_limit_bytes, max_output_chars)
    environment = describe_environment()
    sources = _unique_sources(labs)
    runs: dict[str, LabRun] = {}
    pending: list[tuple[Lab, str]] = []
    for lab in sources:
        started = time.monotonic()
        key = cache_key(lab, environment, settings)
        missing = _missing_requirements(lab)
        entry = None if force else cache.lookup(key)
        if missing:
            runs[lab.id] = _failed(lab, key, started, missing, cache)
        elif entry is not None:
            runs[lab.id] = _from_entry(lab, entry, "cached", started, cache)
        else:
            pending.append((lab, key))
            continue
        if on_finish is not None:
            on_finish(runs[lab.id])
    if pending:
        containment = choose_containment()
        _remove_leftovers()
        workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {
                pool.submit(_execute_one, lab, key, cache, settings, containment, on_start): lab
                for lab, key in pending
            }
            for future in as_completed(futures):
                run = future.result()
                runs[run.lab.id] = run
                if on_finish is not None:
                    on_finish(run)
    return [dataclasses.replace(runs[lab.id], sandboxed=sandboxed) for lab in sources]


def describe_lab_containment() -> str:
    """How labs run in this build, in words, for the build's log and ``labs list``: e.g.
    ``bubblewrap 0.8.0; cgroup v1 (cpu, memory, pids) per lab``.

    Raises:
        SandboxUnavailable: as :func:`execute_labs` would.
    """
    return f"{choose_containment().description}; {describe_cgroup_support()}"


def kernel_environment_fingerprint() -> KernelEnvironment:
    """The fingerprint the cache keys use (exposed for ``courseware labs list``)."""
    return describe_environment()


def is_cached(lab: Lab, root: Path, cache_dir: Path | None = None) -> bool:
    """Whether a build would take ``lab`` from the cache with the default limits."""
    cache = _cache(root, cache_dir, sandbox_requested())
    settings = ExecutionSettings(DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_MAX_OUTPUT_CHARS)
    return cache.lookup(cache_key(lab, describe_environment(), settings)) is not None


def _cache(root: Path, cache_dir: Path | None, sandboxed: bool) -> LabCache:
    folder = cache_dir if cache_dir is not None else root / LAB_CACHE_DIR
    return LabCache(folder if sandboxed else folder / UNCONFINED_CACHE)


def _remove_leftovers() -> None:
    """Remove the folders and cgroups of lab runs whose builder was killed, saying so."""
    removed = remove_stale_workspaces()
    for folder in removed:
        print(
            f"warning: removed the lab folder {folder} left by an interrupted build",
            file=sys.stderr,
        )
    remove_stale_cgroups({folder.name for folder in removed})


def _unique_sources(labs: Iterable[Lab]) -> list[Lab]:
    seen: dict[str, Lab] = {}
    for lab in labs:
        if not lab.is_translation:
            seen.setdefault(lab.id, lab)
    return list(seen.values())


def _missing_requirements(lab: Lab) -> list[Problem]:
    problems: list[Problem] = []
    for requirement in lab.requirements:
        name = requirement.split("[", 1)[0]
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            message = (
                f"requirements: '{name}' is not installed; add it to the project's "
                "dependencies in pyproject.toml and run make again"
            )
            problems.append(
                LabProblem(
                    lab.relative_path,
                    lab.header_line,
                    None,
                    message,
                    code=codes.LAB_DEPENDENCY_MISSING,
                )
            )
    return problems


def _from_entry(
    lab: Lab, entry: CacheEntry, status: RunStatus, started: float, cache: LabCache
) -> LabRun:
    """A run backed by a cache entry, after checking the figures against today's alt text."""
    executed = read_notebook(entry.notebook_path)
    figure_problems = check_figures(lab, merge_outputs(lab, executed))
    duration = entry.duration_seconds if status == "executed" else time.monotonic() - started
    if figure_problems:
        problems = (*entry.warnings, *figure_problems)
        return LabRun(lab, "failed", duration, entry.key, entry, problems, cache.last_good(lab.id))
    cache.mark_good(entry)
    return LabRun(lab, status, duration, entry.key, entry, entry.warnings)


def _failed(
    lab: Lab, key: str, started: float, problems: Sequence[Problem], cache: LabCache
) -> LabRun:
    duration = time.monotonic() - started
    return LabRun(lab, "failed", duration, key, None, tuple(problems), cache.last_good(lab.id))


def _execute_one(
    lab: Lab,
    key: str,
    cache: LabCache,
    settings: ExecutionSettings,
    containment: Containment,
    on_start: StartCallback | None,
) -> LabRun:
    if on_start is not None:
        on_start(lab)
    started = time.monotonic()
    workspace = create_workspace(lab, copy_data_files=not containment.sandboxed)
    cgroup = create_lab_cgroup(workspace.root.name, settings.memory_limit_bytes)
    try:
        wall_seconds = STARTUP_ALLOWANCE_SECONDS + lab.timeout_seconds * max(1, len(lab.code_cells))
        env, prefix = _kernel_launch(lab, workspace, settings, containment, cgroup, wall_seconds)
        request = WorkerRequest(
            notebook_path=str(workspace.root / "input.ipynb"),
            output_path=str(workspace.root / "output.ipynb"),
            outcome_path=str(workspace.root / "outcome.json"),
            workdir=str(workspace.workdir),
            ipc_path=str(workspace.ipc_path),
            pgid_file=str(workspace.pgid_file),
            env=env,
            command_prefix=prefix,
            timeout_seconds=lab.timeout_seconds,
            max_output_chars=settings.max_output_chars,
        )
        write_notebook(lab_notebook(lab), request.notebook_path)
        request.write(workspace.root / "request.json")
        timed_out = _run_worker(workspace.root, wall_seconds)
        kill_process_group(workspace.pgid_file)
        if cgroup is not None:
            cgroup.kill()
        duration = time.monotonic() - started
        if timed_out:
            return _failed(lab, key, started, [wall_timeout_problem(lab, wall_seconds)], cache)
        outcome_path = Path(request.outcome_path)
        if not outcome_path.is_file():
            return _failed(lab, key, started, [_runner_problem(lab, workspace.root)], cache)
        outcome = WorkerOutcome.read(outcome_path)
        problems = problems_from_outcome(lab, outcome, settings.memory_limit_bytes)
        if errors_only(problems):
            return _failed(lab, key, started, problems, cache)
        executed = read_notebook(request.output_path)
        entry = cache.store(
            lab.id, key, executed, datetime.now(UTC), duration, warnings=tuple(problems)
        )
        return _from_entry(lab, entry, "executed", started, cache)
    finally:
        if cgroup is not None:
            cgroup.remove()
        remove_workspace(workspace)


def _kernel_launch(
    lab: Lab,
    workspace: Workspace,
    settings: ExecutionSettings,
    containment: Containment,
    cgroup: LabCgroup | None,
    wall_seconds: int,
) -> tuple[dict[str, str], list[str]]:
    """The kernel's environment and the command in front of it: the launcher (cgroup,
    rlimits) then bubblewrap, or in the weaker mode the launcher behind ``unshare --net``."""
    env = kernel_environment(workspace)
    share_network = lab.connectivity == "required"
    procs = cgroup.procs_files if cgroup is not None else []
    if not containment.sandboxed or containment.bwrap is None:
        memory = settings.memory_limit_bytes
        return env, kernel_command_prefix(memory, not share_network, wall_seconds, procs)
    paths = SandboxPaths(
        ipc_dir=workspace.ipc_dir,
        ipython_startup=workspace.ipython_startup,
        ipython_config=workspace.ipython_config,
        matplotlibrc=workspace.matplotlibrc,
        data_files=data_file_binds(lab),
    )
    launcher = launcher_command(settings.memory_limit_bytes, wall_seconds, procs)
    sandbox = bubblewrap_command(containment.bwrap, paths, share_network=share_network)
    return sandbox_environment(env), [*launcher, *sandbox]


def _run_worker(folder: Path, wall_seconds: int) -> bool:
    """Run the worker process; return True if it had to be killed for taking too long."""
    env = dict(os.environ)
    package_root = str(Path(courseware.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "courseware.labs.worker", str(folder / "request.json")]
    with open(folder / "worker.log", "wb") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        try:
            process.wait(timeout=wall_seconds)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return True
    return False


def _runner_problem(lab: Lab, folder: Path) -> LabProblem:
    try:
        log = (folder / "worker.log").read_text("utf-8", errors="replace").strip()
    except OSError:
        log = ""
    last = log.splitlines()[-1] if log else "no output"
    message = f"the lab runner stopped unexpectedly: {last}"
    return LabProblem(
        lab.relative_path, lab.header_line, None, message, code=codes.LAB_RUNNER_STOPPED
    )
