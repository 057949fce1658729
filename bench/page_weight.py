"""Page weight of the real site against the low-bandwidth budgets of ``tests/quality/weights.py``.

Builds the repository's content into a temporary folder (or takes a built site), serves it on
loopback, opens one page of every page type in every language in Debian's chromium with an
empty cache, and prints, per page, the gzip bytes of its HTML, of a first view (content images
apart), of a second view after the home page, and of its content images; then the search
index of each language. The measuring code is the quality tests' own
(``tests/quality/weights.py``), so the table and the tests agree.

    .venv/bin/python bench/page_weight.py                  # build, then measure
    .venv/bin/python bench/page_weight.py --site-dir site  # measure a site already built
    .venv/bin/python bench/page_weight.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the measuring code lives with the tests

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402
from tests.quality.site_pages import (  # noqa: E402
    ALL_PAGES,
    LANGUAGES,
    SitePage,
    build_real_site,
)
from tests.quality.weights import (  # noqa: E402
    FIRST_VIEW_BUDGET,
    SEARCH_INDEX,
    SECOND_VIEW_BUDGET,
    Visit,
    Visitor,
    kb,
    search_index_sizes,
)


def measure(site: Path) -> dict[str, object]:
    """Visit every page of the table and weigh it; also weigh the search index."""
    from playwright.sync_api import sync_playwright

    base_url = serve_directory(site).rstrip("/") + "/"
    visits: dict[str, Visit] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            visitor = Visitor(browser, base_url, site)
            for page in ALL_PAGES:
                visits[page.path] = visitor.visit(page.path)
            visitor.close()
        finally:
            browser.close()
    rows = []
    for page in ALL_PAGES:
        current = visits[page.path]
        before = SitePage("catalog" if page.page_type == "home" else "home", page.language)
        rows.append(
            {
                "page_type": page.page_type,
                "language": page.language,
                "path": page.path,
                "html_bytes": current.html.sent_bytes,
                "first_view_bytes": current.first_view_bytes,
                "second_view_bytes": sum(
                    r.sent_bytes for r in current.second_view(visits[before.path])
                ),
                "content_image_bytes": current.content_image_bytes,
                "requests": len(current.resources),
                "search_index_fetched": current.fetched(LANGUAGES[page.language] + SEARCH_INDEX),
                "other_origins": list(current.other_origins),
            }
        )
    return {"pages": rows, "search_index_bytes": search_index_sizes(site, LANGUAGES)}


def print_table(result: dict[str, object]) -> None:
    """The table of the closing note: one row per page type, one column group per language."""
    rows = result["pages"]
    assert isinstance(rows, list)
    print(
        f"gzip KB; budgets: module HTML 14, first view {kb(FIRST_VIEW_BUDGET)}, "
        f"second view {kb(SECOND_VIEW_BUDGET)}; cells are HTML / first view / second view"
    )
    print(f"{'page type':<18}" + "".join(f"{code:>20}" for code in LANGUAGES))
    for page_type in dict.fromkeys(r["page_type"] for r in rows):
        cells = []
        for code in LANGUAGES:
            row = next(r for r in rows if r["page_type"] == page_type and r["language"] == code)
            cells.append(
                f"{row['html_bytes'] / 1024:.1f} / {row['first_view_bytes'] / 1024:.1f} / "
                f"{row['second_view_bytes'] / 1024:.1f}"
            )
        print(f"{page_type:<18}" + "".join(f"{cell:>20}" for cell in cells))
    fetched = [r["path"] for r in rows if r["search_index_fetched"]]
    others = [o for r in rows for o in r["other_origins"]]
    sizes = result["search_index_bytes"]
    assert isinstance(sizes, dict)
    print(
        "search index: "
        + ", ".join(f"{code} {kb(size)}" for code, size in sizes.items())
        + f"; fetched on page load by {len(fetched)} of {len(rows)} pages"
    )
    images = max(r["content_image_bytes"] for r in rows)
    print(
        f"content images: at most {kb(images)} on one page; "
        f"requests to other origins: {len(others)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="a built site to measure instead of building")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    options = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="page-weight-") as workdir:
        site = options.site_dir.resolve() if options.site_dir else build_real_site(Path(workdir))
        result = measure(site)
    if options.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
