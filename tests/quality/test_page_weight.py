"""Low-bandwidth budgets on the real site, measured from what Debian's chromium requests.

Budgets (this project's, from the public figures named in ``weights.py``), as gzip bytes:
a module page's HTML ≤ 14 KB; a first view ≤ 100 KB without content images; a second view
≤ 15 KB; the search index fetched only once a search starts, or ≤ 100 KB per language; no
request to another origin. A failure names the page and its largest resources.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.quality.conftest import WEIGHT_PROPERTY
from tests.quality.site_pages import ALL_PAGES, LANGUAGES, SitePage
from tests.quality.weights import (
    FIRST_VIEW_BUDGET,
    MODULE_HTML_BUDGET,
    SEARCH_INDEX,
    SEARCH_INDEX_BUDGET,
    SECOND_VIEW_BUDGET,
    Visit,
    kb,
    largest,
    search_index_sizes,
    sent_size,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("quality")]

Visitor = Callable[[SitePage], Visit]


def previous_page(page: SitePage) -> SitePage:
    """The page a reader saw before: the home page of the language (or its catalog, for home)."""
    return SitePage("catalog" if page.page_type == "home" else "home", page.language)


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.id)
def test_page_weight_within_budgets(
    page: SitePage, page_visit: Visitor, record_property: Callable[[str, object], None]
) -> None:
    current = page_visit(page)
    second = current.second_view(page_visit(previous_page(page)))
    second_bytes = sum(r.sent_bytes for r in second)
    record_property(
        WEIGHT_PROPERTY,
        {
            "page": f"{page.page_type} ({page.language})",
            "language": page.language,
            "html": current.html.sent_bytes,
            "first": current.first_view_bytes,
            "second": second_bytes,
            "images": current.content_image_bytes,
            "requests": len(current.resources),
        },
    )
    assert not current.missing, f"/{page.path} requested files the site lacks: {current.missing}"
    assert current.first_view_bytes <= FIRST_VIEW_BUDGET, (
        f"first view of /{page.path} is {kb(current.first_view_bytes)}, over "
        f"{kb(FIRST_VIEW_BUDGET)}; largest: {largest(current.resources)}"
    )
    assert second_bytes <= SECOND_VIEW_BUDGET, (
        f"second view of /{page.path} (after /{previous_page(page).path}) is "
        f"{kb(second_bytes)}, over {kb(SECOND_VIEW_BUDGET)}; largest: {largest(second)}"
    )


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.id)
def test_no_request_to_another_origin(page: SitePage, page_visit: Visitor) -> None:
    assert page_visit(page).other_origins == ()


def test_every_module_page_html_fits_one_flight(real_site: Path) -> None:
    pages = sorted(real_site.glob("modules/*/index.html"))
    pages += sorted(real_site.glob("*/modules/*/index.html"))
    module_pages = [p for p in pages if p.parent.name != "modules"]
    assert len(module_pages) >= len(LANGUAGES), "no module pages were built"
    over = {
        str(p.relative_to(real_site)): kb(sent_size(p))
        for p in module_pages
        if sent_size(p) > MODULE_HTML_BUDGET
    }
    assert not over, f"module pages over {kb(MODULE_HTML_BUDGET)} of gzip HTML: {over}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_waits_for_a_search_or_fits(
    language: str, real_site: Path, page_visit: Visitor
) -> None:
    pages = [p for p in ALL_PAGES if p.language == language]
    # Each language has its own index, below its own root: that is the one its pages load.
    index = LANGUAGES[language] + SEARCH_INDEX
    assert (real_site / index).is_file()
    fetched_on = [p.path for p in pages if page_visit(p).fetched(index)]
    size = search_index_sizes(real_site, LANGUAGES)[language]
    assert not fetched_on or size <= SEARCH_INDEX_BUDGET, (
        f"the {language} search index ({kb(size)}) is over {kb(SEARCH_INDEX_BUDGET)} "
        f"and is fetched on page load by {fetched_on}"
    )
