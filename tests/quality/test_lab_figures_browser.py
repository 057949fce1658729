"""The bundled labs, as published: each page shows its figures, loaded, with alt text."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("quality")]

LABS = ["device-footprint", "fleet-growth", "sensor-datasheet", "data-to-microcontroller"]


@pytest.mark.parametrize("lab", LABS)
@pytest.mark.parametrize("language", ["", "es/"])
def test_lab_page_shows_its_figures_with_alt_text(
    browser: Browser, real_site_url: str, lab: str, language: str
) -> None:
    page = browser.new_page()
    page.goto(f"{real_site_url}{language}labs/{lab}/")
    figures = page.locator("article img")
    assert figures.count() >= 1
    for index in range(figures.count()):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        alt = figure.get_attribute("alt") or ""
        assert len(alt.split()) >= 8, f"figure {index} of {lab}: {alt!r}"
        assert "No description has been provided" not in alt
        loaded = figure.evaluate("img => img.complete && img.naturalWidth > 0")
        assert loaded, f"figure {index} of {lab} did not load"
        assert figure.is_visible()
    page.close()
