"""What a lab's kernel is given: a reduced environment, a fresh folder, resource limits and
fixed seeds.

Contributed labs are code from strangers. nbclient starts kernels with the builder's full
environment, folder and network (it launches ``python -m ipykernel_launcher`` as a child
process, which inherits them); here the kernel gets an allow-listed environment (no tokens),
its own temporary folder, and a launcher that joins the lab's cgroup
(:mod:`courseware.labs.cgroups`) and sets per-process rlimits (address space, file size, CPU
time) before the sandbox (:mod:`courseware.labs.sandbox`) starts. In the weaker mode a project
can opt into, the launcher runs the kernel directly, in its own empty network namespace when
``unshare`` can make one.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from courseware.labs.cgroups import CGROUP_PREFIX, MAX_LAB_TASKS
from courseware.labs.source import Lab

WORKSPACE_PREFIX = CGROUP_PREFIX
"""``cw-lab-``: a run's temporary folder and its cgroup share their name."""

DEFAULT_MEMORY_LIMIT_BYTES = 1024**3
"""1 GiB of address space: a kernel with numpy and matplotlib imported maps about 340 MiB,
and a 1 GiB limit turns ``bytearray(3 GiB)`` into a clean MemoryError (as
``tests/labs/test_execute.py`` checks)."""

MAX_FILE_BYTES = 256 * 1024**2
"""Largest file a lab may write (RLIMIT_FSIZE), so a runaway loop cannot fill the disk."""

LAB_SOURCE_DATE_EPOCH = "946684800"
"""2000-01-01T00:00:00Z. Fixed rather than taken from the builder, so that a lab's outputs
depend only on what the cache key covers (a commit date would re-execute every lab)."""

SEED = 0

_LAUNCHER = """\
import os, resource, sys
memory, file_size, cpu_seconds, tasks, groups = (int(value) for value in sys.argv[1:6])
for procs in sys.argv[6 : 6 + groups]:
    with open(procs, "w") as stream:
        stream.write(str(os.getpid()))
for limit, value in (
    (resource.RLIMIT_AS, memory),
    (resource.RLIMIT_FSIZE, file_size),
    (resource.RLIMIT_CPU, cpu_seconds),
    (resource.RLIMIT_CORE, 0),
):
    resource.setrlimit(limit, (value, value))
if tasks:
    resource.setrlimit(resource.RLIMIT_NPROC, (tasks, tasks))
command = sys.argv[6 + groups :]
os.execv(command[0], command)
"""
"""Runs before the sandbox and replaces itself with it (``execv`` keeps the pid, so the
kernel manager still watches the real process and sees its exit code). It joins the lab's
cgroup first, so that everything the lab starts is counted there."""

_STARTUP = f"""\
# Written by courseware: fixed seeds so that a lab prints the same numbers on every build.
# They are set just before the first cell runs, not here: until then the kernel draws from
# `random` itself (IPython picks a banner tip for every kernel_info request, and on a loaded
# machine the client asks more often while it waits for the kernel), which would spend a
# varying part of seeds set at startup.
def _courseware_seeder():
    seeded = []

    def seed(*_event):
        if seeded:
            return
        seeded.append(True)
        import random
        random.seed({SEED})
        try:
            import numpy
        except ImportError:
            return
        numpy.random.seed({SEED})

    return seed


get_ipython().events.register("pre_run_cell", _courseware_seeder())
del _courseware_seeder
"""

_IPYTHON_CONFIG = """\
# Written by courseware: no random banner tip (it draws from the lab's `random`).
c.InteractiveShell.enable_tip = False
"""

_MATPLOTLIBRC = """\
# Written by courseware: stable ids in SVG output (matplotlib otherwise draws them at random).
svg.hashsalt: courseware-labs
"""


@dataclass(frozen=True)
class Workspace:
    """The temporary folders of one lab run (``root`` is removed afterwards)."""

    root: Path
    workdir: Path
    ipc_path: Path
    pgid_file: Path
    lock_fd: int = -1
    """Held (``flock``) while the run lives, so that a later build can tell a folder left by
    a killed run from one in use by a build running at the same time."""

    @property
    def ipc_dir(self) -> Path:
        """The only folder a sandboxed kernel shares with the builder."""
        return self.ipc_path.parent

    @property
    def ipython_startup(self) -> Path:
        return self.root / "ipython" / "profile_default" / "startup"

    @property
    def ipython_config(self) -> Path:
        return self.root / "ipython" / "profile_default" / "ipython_kernel_config.py"

    @property
    def matplotlibrc(self) -> Path:
        return self.root / "matplotlib" / "matplotlibrc"


def create_workspace(lab: Lab, *, copy_data_files: bool = True) -> Workspace:
    """Make a fresh folder for one lab: its working folder (with the declared data files
    copied in, unless the sandbox binds them read-only instead), IPython startup seeds and a
    matplotlibrc.

    The folder lives in the system temporary directory with a short name because the
    kernel's IPC socket paths must fit in 107 bytes.
    """
    root = Path(tempfile.mkdtemp(prefix=WORKSPACE_PREFIX))
    lock_fd = os.open(root / "lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    fcntl.flock(lock_fd, fcntl.LOCK_EX)
    workdir = root / "work"
    workdir.mkdir()
    (root / "ipc").mkdir(mode=0o700)
    for name in lab.data_files if copy_data_files else ():
        target = workdir / PurePosixPath(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(lab.path.parent / PurePosixPath(name), target)
    startup = root / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-courseware-seeds.py").write_text(_STARTUP, encoding="utf-8")
    (startup.parent / "ipython_kernel_config.py").write_text(_IPYTHON_CONFIG, encoding="utf-8")
    (root / "matplotlib").mkdir()
    (root / "matplotlib" / "matplotlibrc").write_text(_MATPLOTLIBRC, encoding="utf-8")
    return Workspace(
        root=root,
        workdir=workdir,
        ipc_path=root / "ipc" / "k",
        pgid_file=root / "pgid",
        lock_fd=lock_fd,
    )


def remove_workspace(workspace: Workspace) -> None:
    shutil.rmtree(workspace.root, ignore_errors=True)
    if workspace.lock_fd >= 0:
        with contextlib.suppress(OSError):
            os.close(workspace.lock_fd)


def data_file_binds(lab: Lab) -> tuple[tuple[Path, str], ...]:
    """The lab's declared data files as (file, name in the lab folder), for read-only binds.

    The header check already confined them to ``labs/``; a link is refused here as well,
    because bubblewrap would follow it.
    """
    binds: list[tuple[Path, str]] = []
    for name in lab.data_files:
        source = lab.path.parent / PurePosixPath(name)
        if source.is_symlink() or not source.is_file():
            continue
        binds.append((source, PurePosixPath(name).as_posix()))
    return tuple(binds)


def remove_stale_workspaces(older_than_seconds: float = 3600) -> list[Path]:
    """Remove the folders of lab runs whose builder was killed; return them.

    A live run holds the lock of its folder; a folder whose lock nobody holds (or, from
    before there were locks, that has none and is over an hour old) is left over.
    """
    removed: list[Path] = []
    for folder in sorted(Path(tempfile.gettempdir()).glob(WORKSPACE_PREFIX + "*")):
        if folder.is_symlink() or not folder.is_dir() or not _is_stale(folder, older_than_seconds):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _is_stale(folder: Path, older_than_seconds: float) -> bool:
    try:
        descriptor = os.open(folder / "lock", os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        try:
            return time.time() - folder.stat().st_mtime > older_than_seconds
        except OSError:
            return False
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a build running now holds it
    finally:
        os.close(descriptor)
    return True


def kernel_environment(workspace: Workspace) -> dict[str, str]:
    """The whole environment of the kernel: an allow-list, nothing inherited from the builder.

    ``MPLBACKEND`` is matplotlib-inline (itself Agg-based) rather than plain ``Agg``: with
    ``Agg`` ``plt.show()`` draws nothing and the notebook would have no figures. Thread counts
    are pinned so that parallel labs do not oversubscribe the cores and sums stay bit-stable.
    """
    return {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(workspace.workdir),
        "TMPDIR": str(workspace.workdir),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "SOURCE_DATE_EPOCH": LAB_SOURCE_DATE_EPOCH,
        "PYTHONHASHSEED": str(SEED),
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "MPLCONFIGDIR": str(workspace.root / "matplotlib"),
        "IPYTHONDIR": str(workspace.root / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "MALLOC_ARENA_MAX": "2",
    }


def launcher_command(
    memory_limit_bytes: int, cpu_seconds: int, cgroup_procs: list[str]
) -> list[str]:
    """The command put first in front of the kernel's: join the lab's cgroup (when there is
    one), set the rlimits, then run the rest.

    Without a cgroup ``RLIMIT_NPROC`` bounds the processes instead. It counts every task of
    the builder's user, so the lab gets :data:`MAX_LAB_TASKS` on top of those running now;
    root is exempt from it, which is why the cgroup comes first.
    """
    tasks = 0 if cgroup_procs or os.getuid() == 0 else _user_tasks() + MAX_LAB_TASKS
    numbers = [memory_limit_bytes, MAX_FILE_BYTES, cpu_seconds, tasks, len(cgroup_procs)]
    return [sys.executable, "-I", "-S", "-c", _LAUNCHER, *map(str, numbers), *cgroup_procs]


def kernel_command_prefix(
    memory_limit_bytes: int,
    isolate_network: bool,
    cpu_seconds: int = 86_400,
    cgroup_procs: list[str] | None = None,
) -> list[str]:
    """The prefix of the weaker mode: a network namespace if asked and available (see
    :func:`network_isolation_command`), then the launcher (cgroup, rlimits)."""
    network = network_isolation_command() if isolate_network else []
    return [*network, *launcher_command(memory_limit_bytes, cpu_seconds, cgroup_procs or [])]


def _user_tasks() -> int:
    """Tasks (processes and threads) of this user now, as ``RLIMIT_NPROC`` counts them."""
    uid = os.getuid()
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(entry / "task"))
    return count


@functools.cache
def network_isolation_command() -> tuple[str, ...]:
    """The ``unshare`` command that gives the kernel an empty network namespace, or ``()``
    where the system refuses (e.g. unprivileged user namespaces disabled).

    The kernel talks to its manager over IPC sockets (files), which work across network
    namespaces, so only the lab loses the network.
    """
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    for command in ([unshare, "--net", "--map-current-user"], [unshare, "--net"]):
        try:
            probe = subprocess.run([*command, "true"], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return tuple(command)
    return ()


def describe_memory_limit(limit_bytes: int) -> str:
    """``1 GiB`` or ``512 MiB``: the form messages use."""
    if limit_bytes % 1024**3 == 0:
        return f"{limit_bytes // 1024**3} GiB"
    return f"{limit_bytes // 1024**2} MiB"
