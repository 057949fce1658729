"""Shared fixtures: copies of small project trees, a CLI runner, and a real browser.

Browser tests drive Debian's chromium through Playwright; they never download a browser, and
where chromium is missing they fail rather than skip, so CI cannot pass without them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path(os.environ.get("COURSEWARE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def copy_bundled_content(project: Path) -> Path:
    """Copy the repository's own content into ``project``: every content folder the registry
    reads (``registry.load.CONTENT_FOLDERS``, the translation catalogs in ``locale/``
    included) and mkdocs.yml, without Python's bytecode caches."""
    from courseware.registry.load import CONTENT_FOLDERS

    project.mkdir(parents=True, exist_ok=True)
    for folder in CONTENT_FOLDERS:
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def copy_project(name: str, destination: Path) -> Path:
    """Copy ``tests/fixtures/<name>`` plus the repository's mkdocs.yml into ``destination``."""
    target = destination / name
    shutil.copytree(FIXTURES / name, target, symlinks=True)
    if not (target / "mkdocs.yml").exists():
        shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the small fixture project."""
    return copy_project("project", tmp_path)


@pytest.fixture
def runner() -> CliRunner:
    """A click runner for in-process CLI calls."""
    return CliRunner()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (fails, never skips, when it is missing)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _free_server(directory: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def serve_directory(directory: Path) -> str:
    """Serve ``directory`` over HTTP on loopback for the rest of the session; return its URL."""
    return _free_server(str(directory))[1]


@pytest.fixture(scope="session")
def serve() -> Any:
    """A function that serves a folder on loopback and returns its base URL."""
    return serve_directory


@pytest.fixture
def make_project(tmp_path: Path) -> Any:
    """A function that copies a named fixture project into a fresh temporary folder."""
    return lambda name: copy_project(name, tmp_path)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that asks for the browser as ``browser``, so ``make test-fast`` (which
    leaves out ``browser`` and ``slow`` tests) cannot start chromium by a forgotten marker."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
