"""The calculator page in Chromium, from file://: every preset and system gives the library's total.

The page is built the way a site would use it (Markdown from ``calculator_page_markdown`` plus
the files of ``calculator_assets``), without MkDocs, and opened from disk with no network. The
``browser`` fixture (tests/conftest.py) launches Debian's chromium and fails, never skips, when
it is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import markdown
import pytest
from playwright.sync_api import Browser, Page

from courseware.footprint.estimate import configure, estimate
from courseware.footprint.page import calculator_assets, calculator_page_markdown
from courseware.footprint.rounding import format_kg
from courseware.footprint.systems import list_named_configurations
from courseware.i18n.catalogs import translator

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

pytestmark = pytest.mark.browser


def write_page(folder: Path, language: str | None = None) -> Path:
    """Write a standalone page with the calculator body and its assets; return its path."""
    gettext = translator(language) if language else (lambda text: text)
    source = calculator_page_markdown(gettext, language=language)
    body = markdown.markdown(source, extensions=["md_in_html"])
    page = folder / "footprint" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        f"<title>Footprint</title></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    for relative, content in calculator_assets().items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return page


@pytest.fixture()
def opened(browser: Browser, tmp_path: Path) -> Iterator[tuple[Page, list[str], list[str]]]:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(write_page(tmp_path).as_uri())
    page.wait_for_selector("#fp-form:not([hidden])")
    yield page, requests, errors
    page.close()


def total_shown(page: Page) -> str:
    return page.inner_text("#fp-total").strip()


def test_every_preset_and_system_shows_the_librarys_total(
    opened: tuple[Page, list[str], list[str]],
) -> None:
    page, requests, errors = opened
    entries = list_named_configurations()
    assert len(entries) == 7
    # The start-up state is the calculator's: the Vision preset.
    assert total_shown(page) == "3.24"
    for entry in entries:
        page.select_option("#fp-start", f"{entry.kind}:{entry.key}")
        expected = format_kg(entry.report.total_kg_co2e_raw)
        assert total_shown(page) == expected, entry.key
        footer = page.inner_text("#fp-results tfoot")
        assert expected in footer
        interval = entry.report.interval
        low, high = format_kg(interval.low_kg_co2e), format_kg(interval.high_kg_co2e)
        assert page.inner_text("#fp-interval") == f"Best to worst case: {low} to {high} kg CO2e"
        # The text alternative of the chart names the same total.
        assert f"{expected} kg CO2e in total" in page.inner_text("#fp-chart-caption")
        rects = page.locator("#fp-chart svg rect[data-name]")
        assert rects.count() == 10 + 2
    # Same published totals as the paper.
    shown = {}
    for key in ("kws-best", "kws-typical", "ad-typical", "ic-typical", "ic-worst"):
        page.select_option("#fp-start", f"system:{key}")
        shown[key] = total_shown(page)
    assert shown == {
        "kws-best": "0.89",
        "kws-typical": "2.66",
        "ad-typical": "2.67",
        "ic-typical": "3.41",
        "ic-worst": "7.06",
    }
    foreign = [url for url in requests if urlparse(url).scheme != "file"]
    assert foreign == []
    assert errors == []


def test_changing_options_custom_values_and_switches_matches_the_library(
    opened: tuple[Page, list[str], list[str]],
) -> None:
    page, _, errors = opened
    page.select_option("#fp-start", "preset:anomaly-detection")
    page.select_option("#fp-opt-power_supply", "li-ion-battery-large")
    page.select_option("#fp-opt-processing", "mcu-5-mm2")
    page.fill("#fp-custom-casing", "0.5")
    page.uncheck("#fp-on-transport")
    report = estimate(
        configure(
            preset="anomaly-detection",
            options={"power_supply": "li-ion-battery-large", "processing": "mcu-5-mm2"},
            custom={"casing": 0.5},
            disabled=["transport"],
        )
    )
    assert total_shown(page) == format_kg(report.total_kg_co2e_raw)
    assert page.eval_on_selector("#fp-opt-casing", "e => e.value") == "custom"
    assert "switched off" in page.inner_text("#fp-results tbody tr[data-block='transport']")
    assert errors == []


@pytest.mark.parametrize("bad", ["nan", "Infinity", "-1", "abc", "1e999", "true"])
def test_bad_custom_values_are_refused_visibly(
    opened: tuple[Page, list[str], list[str]], bad: str
) -> None:
    page, _, _ = opened
    page.fill("#fp-custom-pcb", bad)
    assert total_shown(page) == "–"
    assert page.get_attribute("#fp-custom-pcb", "aria-invalid") == "true"
    assert "zero or more" in page.inner_text("#fp-err-pcb")
    page.fill("#fp-custom-pcb", "0.2")
    assert total_shown(page) != "–"


def test_browser_rounding_matches_the_library(
    opened: tuple[Page, list[str], list[str]],
) -> None:
    page, _, _ = opened
    values = [
        0.125,
        0.375,
        -0.125,
        1.005,
        2.675,
        0.8900000000000001,
        3.2399999999999998,
        0.0,
        -0.0,
        -0.001,
        0.005,
        0.015,
        0.025,
        1.125,
        10.145,
        1765000000.0,
    ]
    shown = page.evaluate("vs => vs.map(v => window.CoursewareFootprint.formatKg(v))", values)
    assert shown == [format_kg(value) for value in values]


def test_page_without_javascript_shows_options_and_totals(browser: Browser, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(write_page(tmp_path).as_uri())
    assert not page.is_visible("#fp-form")
    totals = page.inner_text("#fp-totals")
    for entry in list_named_configurations():
        assert format_kg(entry.report.total_kg_co2e_raw) in totals
    assert "MCU 5 mm²" in page.inner_text("#fp-options")
    assert "needs JavaScript" in page.inner_text("body")
    context.close()


def test_a_portuguese_reader_types_and_reads_decimal_commas(
    browser: Browser, tmp_path: Path
) -> None:
    """pt writes 0,5 and reads 0,89 (CLDR's decimal comma), in the script's output and in
    the page's own tables; a point still reads as a decimal point."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(write_page(tmp_path, "pt").as_uri())
    page.wait_for_selector("#fp-form:not([hidden])")
    page.select_option("#fp-start", "system:kws-best")
    assert total_shown(page) == "0,89"
    assert "0,89" in page.inner_text("#fp-totals")
    page.fill("#fp-custom-casing", "0,5")
    with_comma = total_shown(page)
    expected = estimate(configure(system="kws-best", custom={"casing": 0.5}))
    assert with_comma == format_kg(expected.total_kg_co2e_raw).replace(".", ",")
    page.fill("#fp-custom-casing", "0.5")
    assert total_shown(page) == with_comma
    page.fill("#fp-custom-casing", "abc")
    assert page.get_attribute("#fp-custom-casing", "aria-invalid") == "true"
    assert "0,25" in page.inner_text("#fp-err-casing")
    assert not errors, errors
    page.close()
