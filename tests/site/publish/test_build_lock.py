"""The build lock with real processes: a live owner blocks, a gone one is taken over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from courseware.errors import BuildError
from courseware.site.publish import build_lock
from courseware.site.publish.build_lock import lock_holders, process_start_time

HOLD = """
import os, sys, time
from pathlib import Path
from courseware.site.publish import build_lock
with build_lock(Path(sys.argv[1])):
    if sys.argv[2] == "leave-a-child" and os.fork() == 0:
        time.sleep(600)  # a leftover that never asked to die with its parent
        os._exit(0)
    print("locked", flush=True)
    time.sleep(600)
"""


def _hold(lock: Path, mode: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock), mode], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def _gone(pid: int) -> bool:
    for _ in range(400):
        if process_start_time(pid) is None or _is_zombie(pid):
            return True
        time.sleep(0.05)
    return False


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return True


def test_a_live_owner_blocks_with_its_pid(tmp_path: Path) -> None:
    lock = tmp_path / "build.lock"
    holder = _hold(lock, "alone")
    try:
        with pytest.raises(BuildError) as raised, build_lock(lock):
            pass
    finally:
        holder.kill()
        holder.wait()
    assert str(raised.value) == (
        f"another build holds {lock} (process {holder.pid}); wait for it to finish"
    )


def test_a_killed_owner_is_taken_over_and_its_leftovers_stopped(tmp_path: Path) -> None:
    lock = tmp_path / "build.lock"
    holder = _hold(lock, "leave-a-child")
    leftovers = lock_holders(lock)
    assert holder.pid in leftovers and len(leftovers) == 2
    holder.kill()
    holder.wait()
    (child,) = (pid for pid in leftovers if pid != holder.pid)
    assert lock_holders(lock) == [child]  # the leftover keeps the lock
    said: list[str] = []
    with build_lock(lock, said.append):
        record = json.loads(lock.read_text(encoding="utf-8"))
        assert record == {"pid": os.getpid(), "start": process_start_time(os.getpid())}
    assert said == [
        f"took over the build lock from build {holder.pid}, which is gone; "
        f"stopped the processes it left holding the lock: {child}"
    ]
    assert _gone(child)
    assert lock.read_text(encoding="utf-8") == "", "a released lock holds no record"


def test_a_lock_left_by_a_killed_owner_is_taken_over_with_one_line(tmp_path: Path) -> None:
    lock = tmp_path / "build.lock"
    holder = _hold(lock, "alone")
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    said: list[str] = []
    with build_lock(lock, said.append):
        pass
    assert said == [
        f"took over the build lock from build {holder.pid}, which ended without releasing it"
    ]
    with build_lock(lock, said.append):
        pass
    assert len(said) == 1, "a lock released properly is taken without a word"


def test_a_reused_pid_is_not_mistaken_for_the_owner(tmp_path: Path) -> None:
    """The record names this very process, with another start time: a pid reused since."""
    lock = tmp_path / "build.lock"
    lock.write_text(json.dumps({"pid": os.getpid(), "start": "1"}), encoding="utf-8")
    said: list[str] = []
    with build_lock(lock, said.append):
        pass
    assert said == [
        f"took over the build lock from build {os.getpid()}, which ended without releasing it"
    ]


def test_a_half_written_record_is_taken_over_and_a_symlink_refused(tmp_path: Path) -> None:
    lock = tmp_path / "build.lock"
    lock.write_text('{"pid": 12', encoding="utf-8")
    said: list[str] = []
    with build_lock(lock, said.append):
        pass
    assert said == ["took over the build lock from a build that ended without releasing it"]
    link = tmp_path / "link.lock"
    link.symlink_to(lock)
    with (
        pytest.raises(BuildError, match=r"link\.lock: cannot open the build lock"),
        build_lock(link),
    ):
        pass
