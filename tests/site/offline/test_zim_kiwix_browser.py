"""A track's ZIM as a Kiwix reader meets it: ``courseware bundle --format zim`` writes it,
kiwix-serve (Debian's kiwix-tools) serves it on loopback, and Chromium walks from the syllabus
to a module, its lab and the calculator (a preset's total), then searches with Kiwix's own
full-text search. Every request is recorded: all go to kiwix-serve, and the copy's relative
links work under kiwix-serve's URL layout (``/<book>/...``, ``/content/<book>/...`` in newer
versions: the book's address is read from its catalog, not assumed)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from courseware.cli import cli
from courseware.footprint.rounding import format_kg
from courseware.footprint.systems import list_named_configurations

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("site-build")]

REPO = Path(__file__).resolve().parents[3]
KIWIX_SERVE = Path(shutil.which("kiwix-serve") or "/usr/bin/kiwix-serve")
_BOOK_LINK = re.compile(r'<link type="text/html" href="(?P<href>[^"]+)"')


@pytest.fixture(scope="module")
def zim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project's English short course as a ZIM, written by the command."""
    folder = tmp_path_factory.mktemp("zim-browser")
    project = folder / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "bundle", project)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    out = folder / "short-course-en.zim"
    arguments = ["bundle", "short-course", "--format", "zim", "--root", str(project)]
    result = CliRunner().invoke(cli, [*arguments, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == f"Wrote {out}: {out.stat().st_size:,} bytes " + (result.output.split(" bytes ", 1)[1])
    )
    print(f"{out.name}: {out.stat().st_size} bytes")
    return out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return None


@pytest.fixture(scope="module")
def kiwix(zim: Path) -> Iterator[tuple[str, str]]:
    """kiwix-serve on 127.0.0.1 serving ``zim``: (its origin, the book's address)."""
    assert KIWIX_SERVE.exists(), f"{KIWIX_SERVE} is missing: apt-get install kiwix-tools"
    origin = f"http://127.0.0.1:{_free_port()}"
    command = [
        str(KIWIX_SERVE),
        "--address=127.0.0.1",
        f"--port={origin.rsplit(':', 1)[1]}",
        f"--attachToProcess={os.getpid()}",  # ends with this test run whatever happens
        str(zim),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        catalog = None
        for _ in range(100):  # at most about ten seconds for the server to listen
            catalog = _get(f"{origin}/catalog/v2/entries")
            if catalog is not None or server.poll() is not None:
                break
            time.sleep(0.1)
        assert catalog is not None, f"kiwix-serve did not start: {server.stderr}"
        match = _BOOK_LINK.search(catalog)
        assert match is not None, catalog
        yield origin, origin + match.group("href").rstrip("/")
    finally:
        server.terminate()
        server.wait(timeout=10)


class _Recorder:
    """Every request of one browser page, and the errors of the copy's own scripts."""

    def __init__(self, page: Any, origin: str) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self._console(message, origin))

    def _console(self, message: Any, origin: str) -> None:
        # kiwix-serve injects its own toolbar (jQuery under /skin/), whose feature tests
        # trip the copy's Content-Security-Policy, and its search page has no favicon:
        # neither is the copy's doing.
        url = str(message.location.get("url", ""))
        if message.type != "error" or url.startswith(f"{origin}/skin/"):
            return
        if url == f"{origin}/favicon.ico":
            return
        self.errors.append(f"{url}: {message.text}")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_reader_walks_the_track_uses_the_calculator_and_searches_in_kiwix(
    kiwix: tuple[str, str], page: Any
) -> None:
    origin, book = kiwix
    recorder = _Recorder(page, origin)
    page.goto(book)
    assert page.url == f"{book}/index.html"
    assert page.locator("article h1").first.inner_text().startswith("A short course")

    page.click("table.cw-syllabus a:text('Footprint')")
    assert page.url == f"{book}/modules/footprint/index.html"
    assert page.locator("article h1").first.inner_text().startswith("Footprint")

    page.click("aside.cw-module-card a:text('bundle-lab')")
    assert page.url == f"{book}/labs/bundle-lab/index.html"
    assert "5 grams of CO2e" in page.inner_text("article")
    notebook = page.locator("a[href$='.ipynb']").first.get_attribute("href")
    assert '"cells"' in (_get(f"{book}/labs/bundle-lab/{notebook}") or "")

    page.click(".md-sidebar--primary a:has-text('calculator')")
    assert page.url == f"{book}/calculator/index.html"
    page.wait_for_selector("#fp-form:not([hidden])")
    preset = next(entry for entry in list_named_configurations() if entry.kind == "preset")
    page.select_option("#fp-start", f"{preset.kind}:{preset.key}")
    total = page.inner_text("#fp-total").strip()
    assert total == format_kg(preset.report.total_kg_co2e_raw)
    print(f"calculator, preset {preset.key}: {total}")

    # Kiwix's own search box, on top of every page kiwix-serve serves.
    page.fill("#kiwixsearchbox", "wombat")
    with page.expect_navigation():
        page.press("#kiwixsearchbox", "Enter")
    assert page.url.startswith(f"{origin}/search?")
    results = page.locator(".results li a")
    assert results.count() == 1
    assert results.first.inner_text().strip() == "Footprint"
    results.first.click()
    assert page.url == f"{book}/modules/footprint/index.html"

    # The lab's title word: the lab comes first (the teaching kit that names the lab after).
    page.goto(f"{origin}/search?content={book.rsplit('/', 1)[1]}&pattern=quokka")
    results = page.locator(".results li a")
    assert results.first.inner_text().strip() == "Counting the quokka grams"
    results.first.click()
    assert page.url == f"{book}/labs/bundle-lab/index.html"

    assert len(recorder.requests) > 20
    assert [url for url in recorder.requests if not url.startswith(f"{origin}/")] == []
    assert recorder.errors == []
