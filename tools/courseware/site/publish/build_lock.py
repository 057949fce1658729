"""The build lock: one build of a project at a time, and a lock whose owner is gone is taken
over instead of blocking every later build.

The lock is an ``flock`` on ``.cache/build.lock``; the kernel releases it when every process
holding the file ends. The owner writes its pid and start time (field 22 of
``/proc/<pid>/stat``, so a reused pid is not mistaken for the owner) into the file, and
empties it when it releases the lock. A later build that finds

- the lock free but a record in the file: the owner ended without releasing it (killed);
  it takes the lock and says so;
- the lock held and the recorded owner gone: what holds the lock are processes that build
  left behind (forked before :mod:`courseware.worker_lifetime` made workers end with their
  parent, or forked by code that does not use it). They are stopped (they are found by the
  lock file they hold open, in ``/proc/<pid>/fd``), and the lock is taken over;
- the lock held by a live owner, or with no record: another build runs; it stops.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from courseware.errors import BuildError

PROC = Path("/proc")
RELEASE_ATTEMPTS = 200
RELEASE_POLL_SECONDS = 0.05
"""How long (200 x 50 ms) a take-over waits for stopped leftovers to let the lock go."""


@dataclass(frozen=True)
class LockOwner:
    """The process that holds (or held) the lock: its pid and its start time."""

    pid: int
    start: str | None

    def is_running(self) -> bool:
        """True when this very process (same pid, same start time) still runs."""
        if self.start is not None and PROC.is_dir():
            return process_start_time(self.pid) == self.start
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def process_start_time(pid: int) -> str | None:
    """A process's start time in clock ticks since boot (``/proc/<pid>/stat`` field 22), or
    None when there is no such process (or no ``/proc``)."""
    try:
        stat = (PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None


def _read_owner(fd: int) -> LockOwner | None | str:
    """The recorded owner; None for an empty file; the text itself when it is no record."""
    text = os.pread(fd, 4096, 0).decode("utf-8", errors="replace")
    if not text.strip():
        return None
    try:
        record = json.loads(text)
        pid = record["pid"]
        start = record.get("start")
    except (ValueError, TypeError, KeyError, AttributeError):
        return text
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return text
    return LockOwner(pid, start if isinstance(start, str) else None)


def _write_owner(fd: int) -> None:
    pid = os.getpid()
    record = json.dumps({"pid": pid, "start": process_start_time(pid)})
    os.ftruncate(fd, 0)
    os.pwrite(fd, record.encode("utf-8") + b"\n", 0)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        raise
    return True


def lock_holders(lock_file: Path) -> list[int]:
    """Other processes holding ``lock_file`` open (the ones we may look into)."""
    try:
        wanted = lock_file.stat()
    except OSError:
        return []
    holders = []
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            descriptors = list((entry / "fd").iterdir())
        except OSError:
            continue
        for descriptor in descriptors:
            try:
                opened = descriptor.stat()
            except OSError:
                continue
            if (opened.st_dev, opened.st_ino) == (wanted.st_dev, wanted.st_ino):
                holders.append(int(entry.name))
                break
    return holders


def _stop_leftovers(fd: int, lock_file: Path, owner: LockOwner) -> list[int]:
    """Stop what the gone ``owner`` left holding the lock; return their pids."""
    stopped = lock_holders(lock_file)
    for pid in stopped:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    for _ in range(RELEASE_ATTEMPTS):
        if _try_lock(fd):
            return stopped
        time.sleep(RELEASE_POLL_SECONDS)
    raise BuildError(
        f"{lock_file} is held by processes of build {owner.pid}, which is gone, and they "
        f"did not stop: {', '.join(map(str, lock_holders(lock_file))) or 'unknown'}; "
        "stop them and build again"
    )


@contextlib.contextmanager
def build_lock(lock_file: Path, notice: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock so two builds of one project never interleave.

    Args:
        notice: called with one line when the lock is taken over from a build that is gone.

    Raises:
        BuildError: another build holds the lock.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        raise BuildError(f"{lock_file}: cannot open the build lock: {error.strerror}") from None
    try:
        owner = _read_owner(fd) if _try_lock(fd) else _take_over(fd, lock_file)
        if owner is not None and notice is not None:
            notice(_taken_over(owner))
        _write_owner(fd)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class _Stopped:
    owner: LockOwner
    pids: list[int]


def _take_over(fd: int, lock_file: Path) -> _Stopped:
    """The lock is held: take it over when its owner is gone, else refuse."""
    owner = _read_owner(fd)
    if not isinstance(owner, LockOwner):
        raise BuildError(f"another build holds {lock_file}; wait for it to finish")
    if owner.is_running():
        raise BuildError(
            f"another build holds {lock_file} (process {owner.pid}); wait for it to finish"
        )
    return _Stopped(owner, _stop_leftovers(fd, lock_file, owner))


def _taken_over(previous: LockOwner | _Stopped | str) -> str:
    if isinstance(previous, str):
        return "took over the build lock from a build that ended without releasing it"
    if isinstance(previous, LockOwner):
        return (
            f"took over the build lock from build {previous.pid}, which ended without releasing it"
        )
    stopped = ", ".join(map(str, previous.pids)) or "none left"
    return (
        f"took over the build lock from build {previous.owner.pid}, which is gone; "
        f"stopped the processes it left holding the lock: {stopped}"
    )
