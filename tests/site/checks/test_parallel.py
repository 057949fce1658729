"""Per-page work shared out to forked workers: same results, in order, and the render time
limit still holds inside a worker."""

from __future__ import annotations

import os
import threading

from courseware.site.checks.parallel import map_on_every_core, worker_count
from courseware.site.checks.render_limits import MarkdownSettings, render_all


def _pid_and_square(number: int) -> tuple[int, int]:
    return os.getpid(), number * number


def test_results_keep_the_order_of_the_items_and_come_from_workers() -> None:
    results = map_on_every_core(_pid_and_square, list(range(100)), workers=2)
    assert [square for _, square in results] == [n * n for n in range(100)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_small_batches_and_other_threads_stay_in_this_process() -> None:
    assert worker_count(3) == 1
    assert {pid for pid, _ in map_on_every_core(_pid_and_square, [1, 2, 3])} == {os.getpid()}
    results: list[tuple[int, int]] = []
    thread = threading.Thread(
        target=lambda: results.extend(map_on_every_core(_pid_and_square, [1, 2], workers=2))
    )
    thread.start()
    thread.join()
    assert results == [(os.getpid(), 1), (os.getpid(), 4)]


def test_a_slow_page_is_stopped_inside_a_worker_and_the_others_render() -> None:
    pages = [f"# Page {n}\n\nText.\n" for n in range(30)]
    results = render_all([*pages, "[" * 50_000], MarkdownSettings(), 0.5, workers=2)
    assert [r.failure for r in results] == [None] * 30 + ["slow"]
    assert results[7].ids == {"page-7"}
