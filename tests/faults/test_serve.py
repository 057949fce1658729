"""``courseware serve`` under hostile URLs and unlucky edits (issue 20, item 5): a real
server on 127.0.0.1, started as the contributor starts it, and real HTTP requests.

Before: a NUL in the URL was a 500 with a traceback, a request while the content was invalid
hung until the content was fixed, removing ``build/`` left the server rebuilding nothing,
the 404 page was the Arabic one, and no response carried a Content-Security-Policy.
"""

from __future__ import annotations

import html
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from courseware.site.engine.csp import PAGE_POLICY, policy_for

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
REPO = HERE.parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("serve")]


@dataclass
class Served:
    root: Path
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def get(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
        """One request with the path sent exactly as given (no client-side quoting)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            connection.close()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _poll(condition: object, attempts: int = 600) -> bool:
    """Wait for ``condition()`` in a bounded loop (the outcome is asserted, not the time)."""
    assert callable(condition)
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.2)
    return bool(condition())


def _start(tmp_path: Path) -> Iterator[Served]:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "project", root)
    shutil.copytree(FIXTURES / "faults" / "base", root, dirs_exist_ok=True)
    (root / "README.md").unlink()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as stream:
        process = subprocess.Popen(
            [sys.executable, "-c", "from courseware.cli import cli; cli()", "serve"]
            + ["--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
            stdout=stream,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    served = Served(root, port, process, log)

    def answers() -> bool:
        if process.poll() is not None:
            return True
        try:
            return served.get("/")[0] == 200
        except OSError:
            return False

    try:
        assert _poll(answers) and process.poll() is None, served.output()
        yield served
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the requests that change nothing."""
    yield from _start(tmp_path_factory.mktemp("serve"))


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Served]:
    """A server of its own, for a test that edits the project."""
    yield from _start(tmp_path)


BAD_URLS = {
    "nul": "/%00",
    "nul-in-a-page-path": "/catalog/%00index.html",
    "truncated-percent": "/catalog/%E0%A4%A",
    "percent-not-hex": "/%zz/",
    "not-utf-8": "/%ff%fe/",
    "escape-character": "/%1b%5b2J",
}


@pytest.mark.parametrize("path", BAD_URLS.values(), ids=BAD_URLS.keys())
def test_a_malformed_url_is_a_400_without_a_traceback(server: Served, path: str) -> None:
    status, headers, body = server.get(path)
    assert status == 400, body
    assert "Bad request" in body and "Traceback" not in body
    assert headers["content-security-policy"] == PAGE_POLICY
    assert "Traceback" not in server.output()


TRAVERSALS = ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd"]


@pytest.mark.parametrize("path", TRAVERSALS, ids=["dots", "encoded-dots", "encoded-slash"])
def test_a_path_leaving_the_site_is_not_served(server: Served, path: str) -> None:
    status, _, body = server.get(path)
    assert status in (400, 404), body
    assert "root:" not in body


RESPONSES = {
    "page": ("GET", "/", 200),
    "script": ("GET", "/assets/courseware/md-scope.js", 200),
    "stylesheet": ("GET", "/assets/courseware/courseware.css", 200),
    "live-reload-script": ("GET", "/livereload.js?epoch=1&request=2", 200),
    "redirect": ("GET", "/catalog", 302),
    "not-found": ("GET", "/no-such-page/", 404),
    "bad-request": ("GET", "/%00", 400),
    "http-server-error": ("GET", "/" + "a" * 70_000, 414),
}


@pytest.mark.parametrize(("method", "path", "status"), RESPONSES.values(), ids=RESPONSES.keys())
def test_every_response_carries_the_content_security_policy(
    server: Served, method: str, path: str, status: int
) -> None:
    got, headers, _ = server.get(path, method)
    assert got == status
    expected = policy_for(headers.get("content-type", "text/html"))
    assert headers.get("content-security-policy") == expected
    assert headers.get("x-content-type-options") == "nosniff"


def test_the_policy_header_of_a_page_is_its_own_meta(server: Served) -> None:
    """A page's header and its ``<meta>`` say the same, so neither can drift."""
    _, headers, body = server.get("/catalog/")
    [meta] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', body)
    assert headers["content-security-policy"] == html.unescape(meta) == PAGE_POLICY


def test_the_404_page_is_in_the_source_language(server: Served) -> None:
    status, _, body = server.get("/no-such-page/")
    assert status == 404
    assert '<html lang="en"' in body and 'lang="ar"' not in body.split(">", 2)[1]


def test_invalid_content_is_an_error_page_at_once_then_the_site_again(own_server: Served) -> None:
    """While a page has a broken link, every page request answers at once with the problem
    (``file:line``); once fixed, the site is served again."""
    page = own_server.root / "pages" / "index.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[broken](nowhere.md)\n", encoding="utf-8")
    line = len((good + "\n").splitlines()) + 1

    def shows_problem() -> bool:
        return "could not be built" in own_server.get("/catalog/")[2]

    assert _poll(shows_problem), own_server.output()
    status, headers, body = own_server.get("/modules/")
    assert status == 500
    assert f"pages/index.md:{line}: link &#x27;nowhere.md&#x27; does not exist" in body
    assert headers["content-security-policy"] == PAGE_POLICY
    page.write_text(good + "\nFixed again.\n", encoding="utf-8")
    assert _poll(lambda: "Fixed again." in own_server.get("/")[2]), own_server.output()
    assert "Traceback" not in own_server.output()


def test_removing_build_while_serving_recovers(own_server: Served) -> None:
    """``rm -rf build`` while serving: the site is still served, and the next edit puts
    ``build/`` back and shows the change."""
    shutil.rmtree(own_server.root / "build")
    assert own_server.get("/")[0] == 200
    page = own_server.root / "pages" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAfter the removal.\n", "utf-8")
    assert _poll(lambda: "After the removal." in own_server.get("/")[2]), own_server.output()
    assert (own_server.root / "build" / "docs" / "index.md").is_file()
    assert own_server.process.poll() is None
    assert "Traceback" not in own_server.output()


@pytest.mark.browser
def test_live_reload_works_under_the_policy_and_after_an_error_page(
    own_server: Served, browser: Any
) -> None:
    """In Chromium: no policy violation on a served page; an edit reloads it by itself, a
    broken edit shows the problem page, and fixing it brings the page back, all without the
    reader pressing reload (MkDocs' inline poller was blocked by our policy)."""
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text))
    try:
        page.goto(f"http://127.0.0.1:{own_server.port}/")
        page.wait_for_function("document.readyState === 'complete'")
        source = own_server.root / "pages" / "index.md"
        good = source.read_text(encoding="utf-8")
        source.write_text(good + "\nEdited live.\n", encoding="utf-8")
        page.wait_for_selector("text=Edited live.", timeout=120_000)
        source.write_text(good + "\n[broken](nowhere.md)\n", encoding="utf-8")
        page.wait_for_selector("text=The site could not be built", timeout=120_000)
        assert "nowhere.md" in page.inner_text("body")
        source.write_text(good + "\nFixed live.\n", encoding="utf-8")
        page.wait_for_selector("text=Fixed live.", timeout=120_000)
    finally:
        context.close()
    assert not [v for v in violations if "Content Security Policy" in v], violations
