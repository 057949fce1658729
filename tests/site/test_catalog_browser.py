"""The built catalog in a real browser: filtering by language, and no other origin contacted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("site-build")]


def test_filter_by_language_shows_only_matching_rows(
    built_site: Path, browser: Any, serve: Callable[[Path], str]
) -> None:
    base = serve(built_site)
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/catalog/")
    form = page.locator("form.cw-filter")
    assert form.is_visible()
    rows = page.locator("table[data-filterable] tbody tr")
    assert rows.count() == 3
    page.select_option("form.cw-filter select[name=language]", "es")
    visible = page.locator("table[data-filterable] tbody tr:visible")
    assert visible.count() == 1
    assert "Artificial Intelligence and its Integration" in visible.first.inner_text()
    assert "es" in (visible.first.get_attribute("data-language") or "").split()
    page.select_option("form.cw-filter select[name=language]", "pt")
    assert visible.count() == 1
    assert "UNIFEI" in visible.first.inner_text()
    page.select_option("form.cw-filter select[name=language]", "")
    assert visible.count() == 3
    origins = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert origins == {urlsplit(base).netloc}
    page.close()


def test_catalog_is_complete_without_javascript(built_site: Path, browser: Any, serve: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{serve(built_site)}/catalog/")
    assert page.locator("table[data-filterable] tbody tr:visible").count() == 3
    assert not page.locator("form.cw-filter").is_visible()
    context.close()


def test_the_filter_status_takes_the_plural_form_of_the_page_language(
    built_site: Path, browser: Any, serve: Callable[[Path], str]
) -> None:
    """French puts 0 and 1 in the singular; Arabic's status reads the same for every count
    (its phrase has no noun to agree); English counts through its own two forms."""
    base = serve(built_site)
    page = browser.new_page()
    page.goto(f"{base}/fr/catalog/")
    status = page.locator("form.cw-filter .cw-filter-status")
    assert status.inner_text() == "3 sur 3 affichés"
    page.select_option("form.cw-filter select[name=language]", "es")
    assert status.inner_text() == "1 sur 3 affiché"
    page.goto(f"{base}/ar/catalog/")
    page.select_option("form.cw-filter select[name=language]", "es")
    assert page.locator("form.cw-filter .cw-filter-status").inner_text() == "يُعرض 1 من 3"
    page.close()
