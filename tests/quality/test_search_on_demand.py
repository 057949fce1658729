"""Search on demand (assets/search-on-demand.js) in Debian's chromium, on the real site: no
index and no search worker until the reader starts a search, and then search works."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Request
from tests.quality.weights import SEARCH_INDEX

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("quality")]

WORKER = "/assets/javascripts/workers/search."


@pytest.mark.parametrize("path", ["modules/what-is-tinyml/", "ar/"])
def test_search_loads_its_index_when_a_search_starts(
    path: str, browser: Browser, real_site: Path, real_site_url: str
) -> None:
    context = browser.new_context()
    requested: list[str] = []
    errors: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    try:
        page = context.new_page()
        page.on("request", record)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(real_site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        assert not [u for u in requested if u.endswith(SEARCH_INDEX) or WORKER in u], (
            "the search index or worker was fetched before any search"
        )
        with page.expect_request(lambda r: r.url.endswith(SEARCH_INDEX)):
            page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").fill("microcontroller")
        results = page.locator(".md-search-result__item")
        # Building the index of every language takes the worker a while on a busy machine.
        results.first.wait_for(state="attached", timeout=90_000)
        assert results.count() > 0
        assert any(WORKER in u for u in requested), "the search worker never started"
        assert errors == []
    finally:
        context.close()
