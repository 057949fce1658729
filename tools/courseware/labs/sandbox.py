"""The sandbox a lab's kernel runs in: bubblewrap, with new namespaces and almost no files.

Why bubblewrap (``bwrap``, the Debian package ``bubblewrap``, LGPL-2.0-or-later, run as an
external program): it is the small, audited tool Flatpak uses to run untrusted code without
a daemon or root, it is packaged by every distribution, and a sandbox is one command line
(https://github.com/containers/bubblewrap). nsjail does the same but is not packaged by
Debian; ``systemd-run`` needs a running systemd, which CI containers lack.

Inside, a lab sees:

* the Python environment read-only: ``/usr`` (interpreter, shared libraries), the virtual
  environment and the interpreter it was made from, and the ``courseware`` package;
* its working folder ``/lab`` (also its home) and ``/tmp``, both empty, size-capped memory
  file systems that vanish with it; its declared data files bound read-only into ``/lab``;
* the folder of its kernel's IPC sockets and connection file, the only folder it shares
  with the builder; a fresh ``/proc``, a minimal ``/dev``, and ``/etc/fonts`` (for
  matplotlib).

Nothing else: not the project, not the cache, not the site, not the rest of ``/etc``, not
the builder's home or temporary folder. It has new user, PID, IPC, UTS, cgroup and network
namespaces (the network stays shared only for labs whose header says ``connectivity:
required``), no capabilities, and a new terminal session; every process it starts dies with
its kernel.

Where bubblewrap is missing or cannot make its namespaces, :func:`choose_containment` raises
:class:`SandboxUnavailable` with one line naming what is missing, unless the project set
``COURSEWARE_LAB_SANDBOX=off``, the weaker mode (a network namespace and rlimits only) that
the runs then record, so that lab pages can say so.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import courseware
from courseware.errors import BuildError

SANDBOX_SETTING = "COURSEWARE_LAB_SANDBOX"
"""Environment variable: ``off`` runs labs without bubblewrap (the weaker mode)."""

UNCONFINED = "off"

LAB_FOLDER = "/lab"
"""The lab's working folder and home inside the sandbox."""

LAB_TMP = "/tmp"

TMPFS_BYTES = 256 * 1024**2
"""Size of each of the lab's two memory file systems (their pages also count against the
lab's memory limit where a cgroup holds it)."""

_INSTALL = "apt-get install bubblewrap"
_OPT_OUT = (
    f"or set {SANDBOX_SETTING}={UNCONFINED} to run labs unconfined, which their pages then state"
)


class SandboxUnavailable(BuildError):
    """Labs would run, but the sandbox cannot be set up and the project did not opt out."""


@dataclass(frozen=True)
class Containment:
    """How this build's labs are contained: by bubblewrap, or (opted into) without it."""

    sandboxed: bool
    bwrap: str | None
    description: str


@dataclass(frozen=True)
class SandboxPaths:
    """Host folders and files of one run that the sandbox makes visible."""

    ipc_dir: Path
    """Shared read-write, at the same path (the connection file names socket paths)."""
    ipython_startup: Path
    ipython_config: Path
    matplotlibrc: Path
    data_files: tuple[tuple[Path, str], ...]
    """(file on the host, name relative to the lab folder): bound read-only."""


def sandbox_requested() -> bool:
    """False when the project opted into the weaker mode."""
    return os.environ.get(SANDBOX_SETTING, "").strip().lower() != UNCONFINED


def choose_containment() -> Containment:
    """The containment labs get in this build.

    Raises:
        SandboxUnavailable: bubblewrap is not installed or cannot start here, and the
            project did not set ``COURSEWARE_LAB_SANDBOX=off``.
    """
    if not sandbox_requested():
        return Containment(False, None, f"unconfined ({SANDBOX_SETTING}={UNCONFINED})")
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable(
            f"labs need bubblewrap (bwrap), which is not installed: {_INSTALL}; {_OPT_OUT}"
        )
    failure, version = _probe(bwrap)
    if failure:
        raise SandboxUnavailable(
            f"labs need bubblewrap, which cannot start here: {failure}; {_OPT_OUT}"
        )
    return Containment(True, bwrap, version)


def bubblewrap_command(bwrap: str, paths: SandboxPaths, *, share_network: bool) -> list[str]:
    """The ``bwrap`` arguments that put the kernel command after them in the lab's sandbox."""
    # The lab's own folders first: bubblewrap mounts in order, and a project (its virtual
    # environment, the package) may itself live under /tmp, which the tmpfs would hide.
    command = [bwrap, "--size", str(TMPFS_BYTES), "--tmpfs", LAB_TMP]
    command += ["--size", str(TMPFS_BYTES), "--tmpfs", LAB_FOLDER]
    command += [*_system_binds(), *_python_binds()]
    command += ["--proc", "/proc", "--dev", "/dev"]
    command += ["--bind", str(paths.ipc_dir), str(paths.ipc_dir)]
    ipython = f"{LAB_TMP}/ipython/profile_default"
    command += ["--ro-bind", str(paths.ipython_startup), f"{ipython}/startup"]
    command += ["--ro-bind", str(paths.ipython_config), f"{ipython}/ipython_kernel_config.py"]
    command += ["--ro-bind", str(paths.matplotlibrc), f"{LAB_TMP}/matplotlib/matplotlibrc"]
    for source, name in paths.data_files:
        command += ["--ro-bind", str(source), f"{LAB_FOLDER}/{name}"]
    if share_network:
        command += _network_files()
    # ipykernel exits when its parent's pid is not the one jupyter_client gave it, and in a
    # PID namespace it never is; the sandbox dies with its parent instead (--die-with-parent).
    command += ["--unsetenv", "JPY_PARENT_PID"]
    command += ["--remount-ro", "/", "--chdir", LAB_FOLDER, "--hostname", "lab"]
    # --unshare-all only tries a user namespace; --unshare-user makes it required.
    command += ["--unshare-all", "--unshare-user", "--die-with-parent", "--new-session"]
    command += ["--cap-drop", "ALL"]
    if share_network:
        command.append("--share-net")
    return [*command, "--"]


def sandbox_environment(base: dict[str, str]) -> dict[str, str]:
    """The kernel's environment with the folders it has inside the sandbox."""
    return {
        **base,
        "HOME": LAB_FOLDER,
        "TMPDIR": LAB_TMP,
        "MPLCONFIGDIR": f"{LAB_TMP}/matplotlib",
        "IPYTHONDIR": f"{LAB_TMP}/ipython",
    }


def _system_binds() -> list[str]:
    """``/usr`` read-only, and ``/bin``, ``/lib`` ... as on the host (links on merged-/usr
    systems such as Debian 12, folders elsewhere)."""
    binds = ["--ro-bind", "/usr", "/usr"]
    if Path("/etc/fonts").is_dir():  # matplotlib asks fontconfig's fc-list for fonts
        binds += ["--ro-bind", "/etc/fonts", "/etc/fonts"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            binds += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            binds += ["--ro-bind", str(path), str(path)]
    return binds


@functools.cache
def _python_folders() -> tuple[str, ...]:
    """The folders the kernel's Python needs besides ``/usr``: the virtual environment, the
    interpreter's installation, and the ``courseware`` package (an editable install keeps
    it in the project's ``tools/``; only the package folder is shown, not the project)."""
    package = Path(courseware.__file__).resolve().parent
    candidates = {sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix}
    candidates |= {str(Path(path).resolve()) for path in list(candidates)}
    candidates.add(str(package))
    folders: list[str] = []
    for folder in sorted(candidates, key=len):
        inside_usr = folder == "/usr" or folder.startswith("/usr/")
        covered = any(folder == kept or folder.startswith(kept + "/") for kept in folders)
        if not inside_usr and not covered and Path(folder).is_dir():
            folders.append(folder)
    return tuple(folders)


def _python_binds() -> list[str]:
    binds: list[str] = []
    for folder in _python_folders():
        binds += ["--ro-bind", folder, folder]
    return binds


def _network_files() -> list[str]:
    """Name resolution and certificates, for labs that declare they need the network."""
    binds: list[str] = []
    for name in ("resolv.conf", "hosts", "nsswitch.conf", "ssl", "ca-certificates"):
        path = Path("/etc") / name
        if path.exists():
            binds += ["--ro-bind", str(path), str(path)]
    return binds


@functools.cache
def _probe(bwrap: str) -> tuple[str, str]:
    """Start an empty sandbox like a lab's: ("", "bubblewrap 0.8.0") or (bwrap's complaint, "")."""
    command = [bwrap, *_system_binds(), "--proc", "/proc", "--dev", "/dev"]
    command += ["--unshare-all", "--unshare-user", "--die-with-parent", "--new-session"]
    command += ["--cap-drop", "ALL"]
    try:
        done = subprocess.run([*command, "true"], capture_output=True, text=True, timeout=30)
        version = subprocess.run([bwrap, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{bwrap}: {error}", ""
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return (lines[-1] if lines else f"{bwrap} exited with {done.returncode}"), ""
    return "", version.stdout.strip() or "bubblewrap"
