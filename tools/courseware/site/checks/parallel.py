"""Spread independent per-page work of a build over every core.

The content linter renders and scans every contributed page before MkDocs runs; on one core
that was a third of a cold build of 100 modules in five languages. The pages are independent,
so they are shared out to forked workers, which inherit the loaded Markdown libraries instead
of importing them again.

Forked workers run each task in their own main thread, so the render time limit (an alarm
signal) keeps working there. Where forking is not safe or not possible (not the main thread,
as in ``mkdocs serve``'s rebuilds, or a platform without ``fork``), or the work is too small
to pay for the workers, it runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from courseware.worker_lifetime import die_with_parent

Item = TypeVar("Item")
Result = TypeVar("Result")

ITEMS_PER_WORKER = 24
"""Below this many pages a worker costs more than it saves: starting and stopping a pool of
two forked workers took 7 to 14 ms here, and a module page renders in about 6 ms."""


def worker_count(items: int) -> int:
    """How many worker processes ``items`` independent tasks are worth (1: none)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, items // ITEMS_PER_WORKER))


def can_fork() -> bool:
    """True where this process may fork workers safely: the main thread, on a platform with
    ``fork``."""
    return (
        threading.current_thread() is threading.main_thread()
        and "fork" in multiprocessing.get_all_start_methods()
    )


def map_on_every_core(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int | None = None
) -> list[Result]:
    """``[function(item) for item in items]``, in order, computed on every core.

    Args:
        function: a module-level function (it is sent to the workers by name).
        workers: how many processes to use; default from :func:`worker_count`.
    """
    count = worker_count(len(items)) if workers is None else workers
    if count < 2 or not can_fork():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    # Contiguous chunks: neighbouring pages of one module share nothing, but few large
    # chunks cost fewer round trips than many small ones.
    chunk = max(1, len(items) // (count * 4))
    # die_with_parent: a builder killed while checking leaves no worker holding its lock.
    with context.Pool(count, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        return pool.map(function, items, chunksize=chunk)
