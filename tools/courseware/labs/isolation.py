"""What a lab's kernel may see and use: a reduced environment, a fresh folder, resource limits,
no network where the system allows it, and fixed seeds.

Contributed labs are code from strangers. nbclient starts kernels with the builder's full
environment, folder and network (it launches ``python -m ipykernel_launcher`` as a child
process, which inherits them); here the kernel gets an allow-listed environment (no tokens),
its own temporary folder as cwd and HOME, an address space limit set with ``setrlimit`` before
``ipykernel`` starts, and its own empty network namespace when ``unshare`` can make one.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from courseware.labs.source import Lab

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

_LIMIT_WRAPPER = (
    "import os,resource,sys;"
    "a,f=int(sys.argv[1]),int(sys.argv[2]);"
    "resource.setrlimit(resource.RLIMIT_AS,(a,a));"
    "resource.setrlimit(resource.RLIMIT_FSIZE,(f,f));"
    "resource.setrlimit(resource.RLIMIT_CORE,(0,0));"
    "os.execv(sys.argv[3],sys.argv[3:])"
)
"""Runs before the kernel and replaces itself with it (``execv`` keeps the pid, so the
kernel manager still watches the real kernel and sees its exit code)."""

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


def create_workspace(lab: Lab) -> Workspace:
    """Make a fresh folder for one lab: its working folder (with the declared data files
    copied in), IPython startup seeds and a matplotlibrc.

    The folder lives in the system temporary directory with a short name because the
    kernel's IPC socket paths must fit in 107 bytes.
    """
    root = Path(tempfile.mkdtemp(prefix="cw-lab-"))
    workdir = root / "work"
    workdir.mkdir()
    for name in lab.data_files:
        target = workdir / PurePosixPath(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(lab.path.parent / PurePosixPath(name), target)
    startup = root / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-courseware-seeds.py").write_text(_STARTUP, encoding="utf-8")
    (startup.parent / "ipython_kernel_config.py").write_text(_IPYTHON_CONFIG, encoding="utf-8")
    (root / "matplotlib").mkdir()
    (root / "matplotlib" / "matplotlibrc").write_text(_MATPLOTLIBRC, encoding="utf-8")
    return Workspace(root=root, workdir=workdir, ipc_path=root / "k", pgid_file=root / "pgid")


def remove_workspace(workspace: Workspace) -> None:
    shutil.rmtree(workspace.root, ignore_errors=True)


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


def kernel_command_prefix(memory_limit_bytes: int, isolate_network: bool) -> list[str]:
    """The command put in front of the kernel's: rlimits, and a network namespace if asked
    and available (see :func:`network_isolation_command`)."""
    network = network_isolation_command() if isolate_network else []
    limits = [sys.executable, "-I", "-S", "-c", _LIMIT_WRAPPER]
    return [*network, *limits, str(memory_limit_bytes), str(MAX_FILE_BYTES)]


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
