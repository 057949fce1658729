"""Forked workers end with their parent: the parent-death signal, and the getppid fallback."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARENT = """
import os, sys, threading, time
from courseware import worker_lifetime
parent = os.getpid()
child = os.fork()
if child == 0:
    if sys.argv[1] == "signal":
        worker_lifetime.die_with_parent(parent)
    else:  # the fallback alone, as where prctl is missing
        threading.Thread(target=worker_lifetime._watch_parent, args=(parent,), daemon=True).start()
    time.sleep(600)
    os._exit(0)
print(child, flush=True)
time.sleep(600)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("way", ["signal", "fallback"])
def test_a_worker_ends_when_its_parent_is_killed(way: str) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, way], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    try:
        assert _running(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(400):  # bounded: the fallback looks every half second
            if not _running(child):
                break
            time.sleep(0.05)
        assert not _running(child), "the worker outlived its parent"
    finally:
        if _running(child):
            subprocess.run(["kill", "-9", str(child)], check=False)
