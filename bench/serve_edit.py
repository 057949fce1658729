"""Edit to preview: how long after a saved edit of one module's text `courseware serve`
serves the edited page (issue 19, item 2; target 1 s on the bundled site).

It copies the bundled project (its content folders, `mkdocs.yml`, and the lab cache when
there is one, so that labs are not run again) into a temporary folder, starts
`courseware serve` there on a free port of 127.0.0.1, waits until the module's page is
served, then for each of `--edits` rounds appends a paragraph with a fresh marker to the
module's `index.md` and measures, from the write, until

- the page fetched over HTTP contains the marker (the served file was rewritten), and
- with `--browser`, a real Chromium (Debian's, through Playwright) that has the page open
  has reloaded by itself and shows the marker (the same-origin live-reload poller).

It reports what serve logged for each edit (staging, and the pages re-rendered warm, with
their time), and times one cold re-staging (`stage_and_check`, then writing the staged
tree) in this process, without serve's warm check cache.

With `--synthetic N` it serves bench/synthetic_project.py's project of N modules in five
languages instead (no labs), and edits its first module.

Usage: python bench/serve_edit.py [--module ID] [--edits N] [--browser] [--synthetic N]
    [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPOSITORY = BENCH.parent
CHROMIUM = Path(os.environ.get("COURSEWARE_CHROMIUM", "/usr/bin/chromium"))
COPIED = ("curriculum", "modules", "labs", "pages", "locale", "mkdocs.yml")
START_TIMEOUT = 1800.0
EDIT_TIMEOUT = 600.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _copy_project(target: Path) -> None:
    for name in COPIED:
        source = REPOSITORY / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, target / name)
    labs_cache = REPOSITORY / ".cache" / "labs"
    if labs_cache.is_dir():
        shutil.copytree(labs_cache, target / ".cache" / "labs", symlinks=True)


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def _wait(condition: Any, timeout: float, interval: float = 0.02) -> float | None:
    """Seconds until ``condition()`` holds, or None after ``timeout``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if condition():
            return time.perf_counter() - started
        time.sleep(interval)
    return None


def _time_restage(root: Path) -> float:
    """Seconds for one re-stage of the project (what serve does before each rebuild)."""
    sys.path.insert(0, str(REPOSITORY / "tools"))
    from courseware.registry.load import load_registry
    from courseware.site.commands.serve import stage_project

    started = time.perf_counter()
    stage_project(root, load_registry(root))
    return time.perf_counter() - started


def run(module: str, edits: int, browser: bool, synthetic: int = 0) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-serve-edit-"))
    root = work / "project"
    if synthetic:
        sys.path.insert(0, str(BENCH))
        from synthetic_project import generate_project

        generate_project(root, REPOSITORY, synthetic, max(1, synthetic // 10), 5)
        module = "module-0000"
    else:
        root.mkdir()
        _copy_project(root)
    page_source = root / "modules" / module / "index.md"
    if not page_source.is_file():
        raise SystemExit(f"{page_source}: no such module text; pass --module with a module id")
    original = page_source.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/modules/{module}/"
    log_path = work / "serve.log"
    courseware = Path(sys.executable).parent / "courseware"
    command = [str(courseware), "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"]
    results: dict[str, Any] = {"module": module, "url_path": f"/modules/{module}/"}
    results["site"] = f"synthetic, {synthetic} modules x 5 languages" if synthetic else "bundled"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        started = time.perf_counter()
        ready = _wait(
            lambda: process.poll() is not None or _fetch(url) is not None, START_TIMEOUT, 0.5
        )
        if ready is None or process.poll() is not None:
            raise SystemExit(f"serve did not start:\n{log_path.read_text(errors='replace')}")
        results["first_build_s"] = round(time.perf_counter() - started, 2)
        page = None
        context = None
        playwright = None
        if browser:
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
            )
            context = chromium.new_context()
            page = context.new_page()
            page.goto(url)
        http_times: list[float] = []
        browser_times: list[float] = []
        for round_number in range(edits):
            marker = f"serve-edit-marker-{round_number}-{time.time_ns()}"
            time.sleep(1.0)  # let the watcher settle after the previous round
            written = time.perf_counter()
            page_source.write_text(f"{original}\n\n{marker}\n", encoding="utf-8")
            seen = _wait(lambda m=marker: m in (_fetch(url) or ""), EDIT_TIMEOUT)
            if seen is None:
                raise SystemExit(
                    f"the edit never reached {url}:\n{log_path.read_text(errors='replace')}"
                )
            http_times.append(seen)
            if page is not None:
                page.wait_for_function(
                    "m => document.body && document.body.innerText.includes(m)",
                    arg=marker,
                    timeout=EDIT_TIMEOUT * 1000,
                    polling=20,
                )
                browser_times.append(time.perf_counter() - written)
        time.sleep(1.0)
        log_text = log_path.read_text(encoding="utf-8", errors="replace")
        staged = re.findall(r"Staged the project in ([0-9.]+) s", log_text)
        rendered = re.findall(r"Re-rendered (\d+) changed page\(s\) in ([0-9.]+) s", log_text)
        results["serve_staging_s"] = [float(value) for value in staged[1:]]
        results["serve_rerender"] = [(int(n), float(t)) for n, t in rendered]
        results["edit_to_http_s"] = [round(value, 3) for value in http_times]
        results["edit_to_http_median_s"] = round(statistics.median(http_times), 3)
        if browser_times:
            results["edit_to_browser_s"] = [round(value, 3) for value in browser_times]
            results["edit_to_browser_median_s"] = round(statistics.median(browser_times), 3)
        if playwright is not None:
            playwright.stop()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=120)
    page_source.write_text(original, encoding="utf-8")
    results["restage_s"] = round(_time_restage(root), 3)
    shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="what-is-tinyml")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--synthetic", type=int, default=0, help="serve bench/synthetic_project.py of N modules"
    )
    options = parser.parse_args()
    results = run(options.module, options.edits, options.browser, options.synthetic)
    results["cores"] = os.cpu_count()
    results["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    if options.json:
        print(json.dumps(results, indent=1))
        return
    r = results
    load = r["load_average_at_end"]
    print(f"{r['site']} site, module {r['module']} ({r['cores']} cores, load {load})")
    print(f"  first build before serving: {r['first_build_s']} s")
    http = r["edit_to_http_s"]
    print(f"  edit -> page served over HTTP: {http} s (median {r['edit_to_http_median_s']} s)")
    if "edit_to_browser_s" in r:
        shown = r["edit_to_browser_s"]
        print(f"  edit -> browser reloaded: {shown} s (median {r['edit_to_browser_median_s']} s)")
    print(f"  in serve, staging per edit: {r['serve_staging_s']} s")
    print(f"  in serve, warm re-render (pages, s): {r['serve_rerender']} (none: full builds)")
    print(f"  a cold re-stage in a fresh process (no check cache): {r['restage_s']} s")


if __name__ == "__main__":
    main()
