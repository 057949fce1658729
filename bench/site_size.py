"""The built site's size, and what a reader's browser fetches when switching language.

Builds the repository's content into a temporary folder (or takes a built site) and prints:

* the site's size (what ``du -sb`` counts: the bytes of its files), by language tree;
* for a few pages, what Chromium fetches when a reader on the English page picks Spanish in
  the language selector, beyond the Spanish page's HTML: with the browser's cache on, as a
  reader has it. The site is served on loopback by a server that records every request it
  answers with a body; each file is weighed as a compressing static host sends it (gzip for
  text, ``tests/quality/weights.sent_size``), a revalidation answered "304 Not Modified"
  weighs nothing.

With ``--before-site`` a second site (built by an older version, say) is measured the same
way and both are printed.

    .venv/bin/python bench/site_size.py                      # build, then measure
    .venv/bin/python bench/site_size.py --site-dir site      # measure a built site
    .venv/bin/python bench/site_size.py --site-dir site --before-site /tmp/old-site
    .venv/bin/python bench/site_size.py --json
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the measuring code lives with the tests

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.quality.site_pages import LANGUAGES, build_real_site  # noqa: E402
from tests.quality.weights import KB, kb, sent_size, site_file  # noqa: E402

SWITCHED_PAGES = ("", "modules/what-is-tinyml/", "labs/fleet-growth/", "tracks/two-hour-workshop/")
"""English pages whose Spanish version the reader switches to (the home page, a module, a lab
and a track: the page types with the most assets of their own)."""
SWITCH_BUDGET = 15 * KB
"""Issue 19's target for a language switch beyond the new page's HTML, gzip."""


def site_bytes(site: Path) -> dict[str, int]:
    """Bytes of the site as ``du -sb`` counts them (files and folders), in all, outside the
    language folders (``root``), and in each language's folder."""
    sizes = {"site": site.stat().st_size, "root": site.stat().st_size}
    folders = {root.rstrip("/"): code for code, root in LANGUAGES.items() if root}
    sizes |= {code: 0 for code in folders.values()}
    for path in site.rglob("*"):
        if path.is_symlink():
            continue
        size = path.lstat().st_size
        sizes["site"] += size
        sizes[folders.get(path.relative_to(site).parts[0], "root")] += size
    return sizes


class _RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records each path it answered with a body (status 200)."""

    served: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code) == "200":
            self.served.append(urlsplit(self.path).path)


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, list[str], str]:
    served: list[str] = []
    handler = functools.partial(
        type("Handler", (_RecordingHandler,), {"served": served}), directory=str(site)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, served, f"http://127.0.0.1:{server.server_address[1]}/"


def language_switches(site: Path, target: str = "es") -> list[dict[str, Any]]:
    """For each page of ``SWITCHED_PAGES``: open it in English, pick ``target`` in the language
    selector, and weigh what the browser fetched for the new page besides its HTML."""
    from playwright.sync_api import sync_playwright

    server, served, base_url = _serve(site)
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                for path in SWITCHED_PAGES:
                    context = browser.new_context()  # a reader's first visit, cache on
                    page = context.new_page()
                    page.goto(base_url + path, wait_until="load")
                    page.wait_for_load_state("networkidle")
                    served.clear()
                    page.locator(".md-header .md-select").hover()
                    with page.expect_navigation(wait_until="load"):
                        page.locator(f".md-header a.md-select__link[hreflang={target}]").click()
                    page.wait_for_load_state("networkidle")
                    landed = urlsplit(page.url).path
                    fetched = [unquote(p) for p in served if p != landed]
                    weights = {p: sent_size(site_file(site, p.lstrip("/"))) for p in fetched}
                    html = sent_size(site_file(site, landed.lstrip("/")))
                    rows.append(
                        {
                            "from": "/" + path,
                            "to": landed,
                            "html_bytes": html,
                            "beyond_html_bytes": sum(weights.values()),
                            "beyond_html": weights,
                        }
                    )
                    context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
    return rows


def measure(site: Path) -> dict[str, Any]:
    """The site's size and its language switches."""
    return {"bytes": site_bytes(site), "switches": language_switches(site)}


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def print_table(name: str, result: dict[str, Any]) -> None:
    sizes = result["bytes"]
    parts = ", ".join(f"{code} {_mb(size)}" for code, size in sizes.items() if code != "site")
    print(f"{name}: {_mb(sizes['site'])} ({sizes['site']} bytes, as du -sb; {parts})")
    print(
        f"  language switch en → es, gzip, beyond the new page's HTML (target {kb(SWITCH_BUDGET)}):"
    )
    for row in result["switches"]:
        largest = sorted(row["beyond_html"].items(), key=lambda item: -item[1])[:3]
        shown = ", ".join(f"{path} {kb(size)}" for path, size in largest) or "nothing"
        print(
            f"    {row['from']:<28} → {row['to']:<32} HTML {kb(row['html_bytes']):>8}"
            f"  beyond {kb(row['beyond_html_bytes']):>8}  ({shown})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="measure this built site; default: build")
    parser.add_argument("--before-site", type=Path, help="also measure this site, to compare")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="courseware-site-size-") as workdir:
        site = options.site_dir or build_real_site(Path(workdir))
        results = {"site": measure(site)}
        if options.before_site:
            results["before"] = measure(options.before_site)
    if options.json:
        print(json.dumps(results, indent=1))
        return 0
    if "before" in results:
        print_table(f"before ({options.before_site})", results["before"])
    print_table("site" if options.site_dir is None else str(site), results["site"])
    if "before" in results:
        ratio = results["site"]["bytes"]["site"] / results["before"]["bytes"]["site"]
        print(f"site size after / before: {ratio:.2f} (target ≤ 0.33)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
