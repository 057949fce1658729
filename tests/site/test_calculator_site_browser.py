"""The calculator page as the site publishes it (MkDocs, Material, CSP, sanitizer), in Chromium:
every preset and published system shows the library's total, in English and in Arabic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from courseware.footprint.rounding import format_kg
from courseware.footprint.systems import list_named_configurations

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("site-build")]


@pytest.mark.parametrize("language", ["", "ar/"])
def test_site_calculator_matches_library_for_every_preset_and_system(
    built_site: Path, browser: Any, serve: Callable[[Path], str], language: str
) -> None:
    base = serve(built_site)
    page = browser.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/{language}calculator/")
    page.wait_for_selector("#fp-form:not([hidden])")
    for entry in list_named_configurations():
        page.select_option("#fp-start", f"{entry.kind}:{entry.key}")
        assert page.inner_text("#fp-total").strip() == format_kg(entry.report.total_kg_co2e_raw)
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(base).netloc}
    assert errors == []
    page.close()
