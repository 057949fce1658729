"""One control group per lab run: limits on the memory, the number of tasks and the CPU of
everything the lab starts, together.

Resource limits set with ``setrlimit`` hold per process, so four children of 512 MiB each
pass a 1 GiB limit that their lab as a whole breaks; and ``RLIMIT_NPROC`` does not hold for
root at all. A cgroup counts the whole lab. The group is made as a child of the builder's
own group in each hierarchy (so the limits the machine puts on the builder still hold),
the kernel's launcher moves itself into it before it starts the sandbox, and the builder
kills what is left and removes the group afterwards (kernel documentation:
``admin-guide/cgroup-v1/memory.rst``, ``pids.rst``, ``admin-guide/cgroup-v2.rst``).

Where no cgroup can be made (no writable hierarchy, or a cgroup v2 tree whose controllers
are not delegated to the builder's group) :func:`create_lab_cgroup` returns ``None`` and the
launcher's rlimits are all there is; :func:`describe_cgroup_support` says which applies.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

CGROUP_PREFIX = "cw-lab-"
"""Folder names of lab groups (the same as their workspaces', so stale ones can be matched)."""

MAX_LAB_TASKS = 128
"""Processes and threads of one lab together. A kernel with numpy and matplotlib runs about
a dozen threads; 128 leaves room for a lab's own subprocesses while stopping a fork bomb."""

CPU_PERIOD_MICROSECONDS = 100_000
"""The lab may use one core's worth of time per period: so the wall-time limit of a lab also
bounds the CPU time of all its processes, and parallel labs cannot starve the builder."""

_CONTROLLERS = ("memory", "pids", "cpu")
_REQUIRED = ("memory", "pids")


@dataclass(frozen=True)
class LabCgroup:
    """The group folders of one lab run: one per v1 hierarchy, or one v2 folder."""

    folders: tuple[Path, ...]
    version: int

    @property
    def procs_files(self) -> list[str]:
        """The files the launcher writes its pid into to join the group."""
        return [str(folder / "cgroup.procs") for folder in self.folders]

    def pids(self) -> set[int]:
        found: set[int] = set()
        for folder in self.folders:
            with contextlib.suppress(OSError, ValueError):
                text = (folder / "cgroup.procs").read_text(encoding="ascii")
                found |= {int(line) for line in text.split()}
        return found

    def kill(self, patience_seconds: float = 5.0) -> None:
        """SIGKILL every process in the group until it is empty (new ones may still be forked
        while the first are killed)."""
        deadline = time.monotonic() + patience_seconds
        while (pids := self.pids()) and time.monotonic() < deadline:
            for pid in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.02)

    def remove(self) -> None:
        """Kill what is left and remove the folders (a group with processes cannot go)."""
        self.kill()
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)  # the last tasks are still exiting


@dataclass(frozen=True)
class _Hierarchy:
    version: int
    controllers: frozenset[str]
    base: Path
    """The builder's own group in this hierarchy; lab groups are made inside it."""


def create_lab_cgroup(name: str, memory_bytes: int) -> LabCgroup | None:
    """Make the group ``name`` with the lab limits, or return None where it cannot be made.

    Memory is limited to ``memory_bytes`` for the lab's processes together (with no swap on
    top where the system accounts it), tasks to :data:`MAX_LAB_TASKS`, CPU to one core.
    """
    hierarchies = _usable_hierarchies()
    if not hierarchies:
        return None
    made: list[Path] = []
    try:
        if hierarchies[0].version == 2:
            folder = hierarchies[0].base / name
            folder.mkdir()
            made.append(folder)
            _write(folder / "memory.max", str(memory_bytes))
            _write_optional(folder / "memory.swap.max", "0")
            _write(folder / "pids.max", str(MAX_LAB_TASKS))
            _write_optional(
                folder / "cpu.max", f"{CPU_PERIOD_MICROSECONDS} {CPU_PERIOD_MICROSECONDS}"
            )
            return LabCgroup((folder,), 2)
        for hierarchy in hierarchies:
            folder = hierarchy.base / name
            folder.mkdir()
            made.append(folder)
            if "memory" in hierarchy.controllers:
                _write(folder / "memory.limit_in_bytes", str(memory_bytes))
                _write_optional(folder / "memory.memsw.limit_in_bytes", str(memory_bytes))
            if "pids" in hierarchy.controllers:
                _write(folder / "pids.max", str(MAX_LAB_TASKS))
            if "cpu" in hierarchy.controllers:
                _write(folder / "cpu.cfs_period_us", str(CPU_PERIOD_MICROSECONDS))
                _write(folder / "cpu.cfs_quota_us", str(CPU_PERIOD_MICROSECONDS))
        return LabCgroup(tuple(made), 1)
    except OSError:
        LabCgroup(tuple(made), hierarchies[0].version).remove()
        return None


def describe_cgroup_support() -> str:
    """Which limits hold for a lab as a whole on this machine, for logs and reports."""
    hierarchies = _usable_hierarchies()
    if not hierarchies:
        return "per-process rlimits only (no writable cgroup with memory and pids)"
    controllers = sorted(set().union(*(h.controllers for h in hierarchies)) & set(_CONTROLLERS))
    return f"cgroup v{hierarchies[0].version} ({', '.join(controllers)}) per lab"


def remove_stale_cgroups(left_by_killed_builds: set[str], older_than_seconds: float = 3600) -> None:
    """Remove the lab groups of killed builds: those named in ``left_by_killed_builds`` (the
    workspaces this builder found abandoned), and empty ones over ``older_than_seconds`` old.

    A group whose workspace this builder cannot see is not stale for that reason: a build
    with another temporary folder (``TMPDIR``) may be running its lab in it right now, and a
    group is empty for a moment between its creation and the launcher joining it.
    """
    for hierarchy in _usable_hierarchies():
        with contextlib.suppress(OSError):
            for folder in hierarchy.base.iterdir():
                if not folder.name.startswith(CGROUP_PREFIX):
                    continue
                group = LabCgroup((folder,), hierarchy.version)
                if folder.name in left_by_killed_builds or _abandoned(group, older_than_seconds):
                    group.remove()


def _abandoned(group: LabCgroup, older_than_seconds: float) -> bool:
    """True for a group with no process in it that was made over ``older_than_seconds`` ago."""
    try:
        age = time.time() - group.folders[0].stat().st_mtime
    except OSError:
        return False
    return age > older_than_seconds and not group.pids()


@functools.cache
def _usable_hierarchies() -> tuple[_Hierarchy, ...]:
    """The hierarchies to make lab groups in: v1 ones holding memory, pids and cpu when the
    first two are there and writable, else a v2 tree with memory and pids delegated."""
    try:
        mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        membership = Path("/proc/self/cgroup").read_text(encoding="utf-8")
    except OSError:
        return ()
    paths: dict[str, str] = {}
    for line in membership.splitlines():
        number, controllers, path = line.split(":", 2)
        for controller in controllers.split(",") if number != "0" else ["<v2>"]:
            paths[controller] = path
    v1: dict[str, _Hierarchy] = {}
    v2: _Hierarchy | None = None
    for line in mountinfo.splitlines():
        fields = line.split()
        separator = fields.index("-")
        fstype, options = fields[separator + 1], fields[separator + 3].split(",")
        mount_root, mount_point = fields[3], Path(_unescape(fields[4]))
        if fstype == "cgroup":
            for controller in set(options) & set(_CONTROLLERS):
                if controller in paths and controller not in v1:
                    base = _join(mount_point, mount_root, paths[controller])
                    found = frozenset(set(options) & set(_CONTROLLERS))
                    v1[controller] = _Hierarchy(1, found, base)
        elif fstype == "cgroup2" and "<v2>" in paths and v2 is None:
            base = _join(mount_point, mount_root, paths["<v2>"])
            with contextlib.suppress(OSError):
                delegated = (base / "cgroup.subtree_control").read_text(encoding="ascii").split()
                v2 = _Hierarchy(2, frozenset(delegated) & set(_CONTROLLERS), base)
    if all(controller in v1 for controller in _REQUIRED):
        unique = {h.base: h for h in v1.values()}
        if all(os.access(h.base, os.W_OK) for h in unique.values()):
            return tuple(unique.values())
    if v2 is not None and set(_REQUIRED) <= v2.controllers and os.access(v2.base, os.W_OK):
        return (v2,)
    return ()


def _join(mount_point: Path, mount_root: str, path: str) -> Path:
    """The folder of cgroup ``path`` under a mount of the hierarchy whose root is ``mount_root``."""
    if mount_root != "/" and (path == mount_root or path.startswith(mount_root + "/")):
        path = path[len(mount_root) :]
    return mount_point / path.lstrip("/")


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")


def _write(path: Path, value: str) -> None:
    path.write_text(value, encoding="ascii")


def _write_optional(path: Path, value: str) -> None:
    """Settings that some kernels lack (swap accounting off, no cpu controller)."""
    with contextlib.suppress(OSError):
        _write(path, value)
