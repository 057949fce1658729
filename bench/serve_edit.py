"""Edit to preview: how long after a saved edit of one module's text `courseware serve`
shows it in the browser (issue 19, item 2; targets: 1 s on the bundled site, 2 s at 1,000
modules in five languages), and whether the page it serves then is the one a full build
serves.

For each site of `--modules` (0 is the bundled project, N > 0 bench/synthetic_project.py's
project of N modules in five languages, without labs) it copies the project (the bundled
one with its lab cache, so that labs are not run again) into a temporary folder, starts
`courseware serve` there on a free port of 127.0.0.1, opens the module's page in a real
Chromium (Debian's, through Playwright), then for each of `--edits` rounds appends a
paragraph with a fresh marker to the module's `index.md` and measures, from the write, until

- the page fetched over HTTP contains the marker (the served file was rewritten), and
- the browser, which has the page open, has reloaded by itself and shows the marker (the
  same-origin live-reload poller).

Then, the last edit left in place, it starts a second `courseware serve` on a copy of the
edited project, whose first build is a full one, and diffs the edited page (in every
language the site has) between the two servers, the port and the live-reload script's
numbers normalised: `identical` must be true.

It reports the medians, what serve logged for each edit (re-staging by inputs, and the
pages re-rendered warm, with their time), the machine's cores and load. `bench/run_all.py` runs it
as `serve_edit.py --modules 0,1000`.

Usage: python bench/serve_edit.py [--modules 0,1000] [--module ID] [--edits N]
    [--no-browser] [--json]
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
RELOAD_TAG = re.compile(r'<script src="/livereload\.js\?epoch=\d+&amp;request=\d+"></script>')


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


def _serve(root: Path, log_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    courseware = Path(sys.executable).parent / "courseware"
    command = [str(courseware), "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    return process, port


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=120)


def _normalised(body: str, port: int) -> str:
    return RELOAD_TAG.sub("<script reload>", body).replace(f"127.0.0.1:{port}", "127.0.0.1:PORT")


def _page_paths(base: str, module: str) -> list[str]:
    """The module's page in every language the site links to."""
    path = f"/modules/{module}/"
    body = _fetch(base + path) or ""
    codes = sorted(set(re.findall(r'hreflang="([a-z]{2})"', body)))
    paths = [path] + [f"/{code}{path}" for code in codes]
    return [p for p in paths if _fetch(base + p) is not None]


def _identity(root: Path, work: Path, served: dict[str, str]) -> dict[str, Any]:
    """Diff the pages ``served`` (path to normalised body) against a full build's."""
    reference = work / "reference"
    shutil.copytree(root, reference, symlinks=True, ignore=shutil.ignore_patterns("build", "site"))
    process, port = _serve(reference, work / "reference.log")
    try:
        base = f"http://127.0.0.1:{port}"
        first = next(iter(served))
        ready = _wait(
            lambda: process.poll() is not None or _fetch(base + first) is not None,
            START_TIMEOUT,
            0.5,
        )
        if ready is None or process.poll() is not None:
            text = (work / "reference.log").read_text(errors="replace")
            raise SystemExit(f"the reference serve did not start:\n{text}")
        different = [
            path
            for path, body in served.items()
            if _normalised(_fetch(base + path) or "", port) != body
        ]
    finally:
        _stop(process)
    return {"pages_compared": len(served), "different": different, "identical": not different}


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
    log_path = work / "serve.log"
    process, port = _serve(root, log_path)
    url = f"http://127.0.0.1:{port}/modules/{module}/"
    results: dict[str, Any] = {"module": module, "url_path": f"/modules/{module}/"}
    results["site"] = f"synthetic, {synthetic} modules x 5 languages" if synthetic else "bundled"
    served: dict[str, str] = {}
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
        by_inputs = re.findall(r"Re-staged (\d+) part\(s\) for the text of", log_text)
        rendered = re.findall(r"Re-rendered (\d+) changed page\(s\) in ([0-9.]+) s", log_text)
        results["serve_staging_s"] = [float(value) for value in staged[1:]]
        results["restaged_by_inputs"] = f"{len(by_inputs)} of {edits} edits"
        results["serve_rerender"] = [(int(n), float(t)) for n, t in rendered]
        results["edit_to_http_s"] = [round(value, 3) for value in http_times]
        results["edit_to_http_median_s"] = round(statistics.median(http_times), 3)
        if browser_times:
            results["edit_to_browser_s"] = [round(value, 3) for value in browser_times]
            results["edit_to_browser_median_s"] = round(statistics.median(browser_times), 3)
        if playwright is not None:
            playwright.stop()
        base = f"http://127.0.0.1:{port}"
        for path in _page_paths(base, module):
            served[path] = _normalised(_fetch(base + path) or "", port)
    finally:
        _stop(process)
    results["identity"] = _identity(root, work, served)
    shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--modules",
        default="0,1000",
        help="comma-separated sites: 0 for the bundled one, N for N synthetic modules",
    )
    parser.add_argument("--module", default="what-is-tinyml", help="the bundled module edited")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    sizes = [int(size) for size in options.modules.split(",") if size.strip()]
    every = []
    for size in sizes:
        results = run(options.module, options.edits, not options.no_browser, size)
        results["cores"] = os.cpu_count()
        results["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
        every.append(results)
        if not options.json:
            _print(results)
    if options.json:
        print(json.dumps(every, indent=1))
    if not all(r["identity"]["identical"] for r in every):
        sys.exit(1)


def _print(r: dict[str, Any]) -> None:
    load = r["load_average_at_end"]
    print(f"{r['site']} site, module {r['module']} ({r['cores']} cores, load {load})")
    print(f"  first build before serving: {r['first_build_s']} s")
    http = r["edit_to_http_s"]
    print(f"  edit -> page served over HTTP: {http} s (median {r['edit_to_http_median_s']} s)")
    if "edit_to_browser_s" in r:
        shown = r["edit_to_browser_s"]
        print(f"  edit -> browser reloaded: {shown} s (median {r['edit_to_browser_median_s']} s)")
    print(f"  in serve, staging per edit: {r['serve_staging_s']} s")
    print(f"  re-staged by inputs: {r['restaged_by_inputs']}")
    print(f"  in serve, warm re-render (pages, s): {r['serve_rerender']} (none: full builds)")
    identity = r["identity"]
    verdict = "identical" if identity["identical"] else f"DIFFERENT: {identity['different']}"
    print(f"  served pages against a full build's ({identity['pages_compared']}): {verdict}")


if __name__ == "__main__":
    main()
