"""Session fixtures of the quality checks: the real site, built once, served, and visited once
per page in a real browser (the visits feed both the axe and the page-weight tests).

The page-weight table is printed at the end of the run from the tests' recorded properties,
which pytest-xdist passes from its workers to the main process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser
from tests.quality.site_pages import SitePage, build_real_site
from tests.quality.weights import Visit, Visitor, kb

WEIGHT_PROPERTY = "page_weight"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's content built into a temporary folder, once per session."""
    return build_real_site(tmp_path_factory.mktemp("quality"))


@pytest.fixture(scope="session")
def real_site_url(real_site: Path, serve: Callable[[Path], str]) -> str:
    """The built site served on loopback; ends with a slash."""
    return serve(real_site).rstrip("/") + "/"


@pytest.fixture(scope="session")
def page_visit(
    browser: Browser, real_site: Path, real_site_url: str
) -> Iterator[Callable[[SitePage], Visit]]:
    """Visit a page once per session (a desktop window, empty cache); later calls reuse it."""
    visitor = Visitor(browser, real_site_url, real_site)
    visits: dict[str, Visit] = {}

    def get(page: SitePage) -> Visit:
        if page.path not in visits:
            assert page.file(real_site).is_file(), f"{page.path} was not built"
            visits[page.path] = visitor.visit(page.path)
        return visits[page.path]

    yield get
    visitor.close()


@pytest.fixture(scope="session")
def narrow_visitor(browser: Browser, real_site: Path, real_site_url: str) -> Iterator[Visitor]:
    """A window 360 px wide (a phone, or a desktop zoomed to 400 %), cache off."""
    visitor = Visitor(browser, real_site_url, real_site, viewport={"width": 360, "height": 740})
    yield visitor
    visitor.close()


@pytest.fixture(scope="session")
def narrow_visitor_without_scripts(
    browser: Browser, real_site: Path, real_site_url: str
) -> Iterator[Visitor]:
    """The narrow window with JavaScript off: the site must read without it."""
    visitor = Visitor(
        browser,
        real_site_url,
        real_site,
        viewport={"width": 360, "height": 740},
        java_script_enabled=False,
    )
    yield visitor
    visitor.close()


@pytest.fixture(scope="session")
def desktop_visitor(browser: Browser, real_site: Path, real_site_url: str) -> Iterator[Visitor]:
    """A laptop's window, 1280 x 800 px, cache off."""
    visitor = Visitor(browser, real_site_url, real_site, viewport={"width": 1280, "height": 800})
    yield visitor
    visitor.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the page weights the weight tests recorded, one row per page."""
    stats = terminalreporter.stats
    rows = [
        value
        for report in stats.get("passed", []) + stats.get("failed", [])
        if report.when == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == WEIGHT_PROPERTY
    ]
    if not rows:
        return
    terminalreporter.section(
        "page weight, gzip (budgets: module HTML 14 KB, first view 100 KB, second view 15 KB)"
    )
    terminalreporter.write_line(
        f"{'page':<24}{'HTML':>10}{'first view':>12}{'second view':>13}"
        f"{'images':>10}{'requests':>10}"
    )
    for row in sorted(rows, key=lambda r: (r["language"] != "en", r["language"], r["page"])):
        terminalreporter.write_line(
            f"{row['page']:<24}{kb(row['html']):>10}{kb(row['first']):>12}"
            f"{kb(row['second']):>13}{kb(row['images']):>10}{row['requests']:>10}"
        )
