"""Forked workers that end with the process that forked them.

A build forks workers (the content checks, the languages' MkDocs runs) while it holds the
build lock, and a forked worker inherits that lock. When the builder was killed
(``kill -9``, or SIGTERM, whose default action ends Python without running ``finally``),
its workers kept running with parent 1, waiting for work that never came, and kept the
lock: every later build was refused. Each worker therefore asks the kernel, as it starts,
to kill it when its parent ends: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux
(prctl(2): the signal is sent when the *thread* that forked the worker ends, so workers
must be forked from a thread that lives as long as the pool; ``ProcessPoolExecutor`` with
the fork context and ``multiprocessing.Pool`` fork them in the calling thread). Where
prctl is not available, a daemon thread in the worker polls ``os.getppid()`` and ends the
worker once its parent is gone. Either way, a worker whose parent died before the signal
was set ends at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import threading
import time

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 0.5
"""How often the fallback looks for the parent (only where prctl is missing)."""


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` (the pid that forked it) ends: a pool initializer.

    Args:
        parent: the forking process's pid, taken before the fork (``os.getpid()`` there).
    """
    if not _set_parent_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)  # the parent ended before the signal was set: nobody waits for us


def _set_parent_death_signal() -> bool:
    """SIGKILL this process when its parent ends (Linux prctl); False where unavailable."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return False
    return bool(prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)
