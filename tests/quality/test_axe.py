"""axe-core in Debian's chromium over one page of every page type in every language.

Rules: every axe rule tagged WCAG 2.0, 2.1 or 2.2 level A or AA (wcag22aa is what turns on
target-size). A narrow window (360 px, as a phone or a desktop zoomed to 400 %) runs too for
the English pages: the layout changes there (drawer navigation, tables and code that scroll
sideways).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.quality.site_pages import ALL_PAGES, PAGE_TYPES, SitePage
from tests.quality.weights import Visit, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("quality")]


def describe(violations: tuple[dict[str, Any], ...]) -> str:
    """One line per failing element: rule, WCAG tags, selector, axe's summary."""
    lines = []
    for violation in violations:
        tags = ",".join(t for t in violation["tags"] if t.startswith("wcag"))
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"  {violation['id']} ({tags}) {node['target']}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.id)
def test_no_axe_violations(page: SitePage, page_visit: Callable[[SitePage], Visit]) -> None:
    violations = page_visit(page).violations
    assert not violations, f"axe found on /{page.path}:\n{describe(violations)}"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations_in_a_narrow_window(page_type: str, narrow_visitor: Visitor) -> None:
    page = SitePage(page_type, "en")
    violations = narrow_visitor.visit(page.path).violations
    assert not violations, f"axe found on /{page.path} at 360 px:\n{describe(violations)}"
