"""A published SVG opened directly in Chromium, from a static host (no header of ours):
the hostile original runs its script, the cleaned copy runs nothing and loads nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from courseware.site.engine.sanitize import sanitize_svg

pytestmark = pytest.mark.browser

HOSTILE = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="100" height="100" onload="window.ran = (window.ran || 0) + 1">'
    "<script>window.ran = (window.ran || 0) + 1; fetch('/ran-script')</script>"
    '<circle cx="50" cy="50" r="40" fill="red"/>'
    '<image href="/loaded-image.png" width="1" height="1"/>'
    '<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml">'
    '<img src="/loaded-from-html.png"/></body></foreignObject>'
    "</svg>"
)


def _open(browser: Any, url: str) -> tuple[Any, list[str]]:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    ran = page.evaluate("window.ran || 0")
    page.close()
    return ran, [url_ for url_ in requested if not url_.endswith(".svg")]


def test_a_cleaned_svg_runs_and_loads_nothing_when_opened(
    browser: Any, serve: Any, tmp_path: Path
) -> None:
    (tmp_path / "hostile.svg").write_text(HOSTILE, encoding="utf-8")
    cleaned, removed = sanitize_svg(HOSTILE.encode("utf-8"))
    (tmp_path / "cleaned.svg").write_bytes(cleaned)
    base = serve(tmp_path)
    ran, requested = _open(browser, f"{base}/hostile.svg")
    assert ran == 2 and requested, "the test must see what a hostile SVG does"
    ran, requested = _open(browser, f"{base}/cleaned.svg")
    assert ran == 0 and requested == [], requested
    assert removed
    assert b"<circle" in cleaned
