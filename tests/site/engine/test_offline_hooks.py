"""Links of an offline copy from ``file://``: folders name their index.html, links to pages
outside the copy lose their target, anchors and other origins stay as they are."""

from __future__ import annotations

import pytest

from courseware.site.engine.offline_hooks import UNUSED_THEME_FILES, offline_href, rewrite_links

EXISTING = frozenset(
    {
        "index.html",
        "modules/intro/index.html",
        "modules/footprint/index.html",
        "labs/lab/index.html",
        "labs/lab/lab.ipynb",
        "assets/courseware/courseware.css",
    }
)
PAGE = "modules/footprint/index.html"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("../intro/", "../intro/index.html"),
        ("../intro/#exercise", "../intro/index.html#exercise"),
        ("../intro/?q=x", "../intro/index.html?q=x"),
        ("./", "./index.html"),
        (".", "./index.html"),
        ("", ""),
        ("../..", "../../index.html"),
        ("../../", "../../index.html"),
        ("../../labs/lab/lab.ipynb", "../../labs/lab/lab.ipynb"),
        ("../../assets/courseware/courseware.css", "../../assets/courseware/courseware.css"),
        ("#carbon", "#carbon"),
        ("https://example.org/x/", "https://example.org/x/"),
        ("mailto:a@example.org", "mailto:a@example.org"),
    ],
)
def test_links_inside_the_copy_name_files(url: str, expected: str) -> None:
    assert offline_href(url, PAGE, EXISTING) == expected


@pytest.mark.parametrize(
    "url",
    ["../../catalog/", "../../catalog/index.html", "/modules/intro/", "../../../outside/", "../x/"],
)
def test_links_to_nothing_in_the_copy_are_dropped(url: str) -> None:
    assert offline_href(url, PAGE, EXISTING) is None


def test_rewrite_links_keeps_the_text_of_a_dropped_link() -> None:
    html = (
        '<a href="../intro/">Intro</a> <a class="x" href="../../catalog/">Catalog</a>'
        '<link rel="stylesheet" href="../../assets/courseware/courseware.css">'
    )
    assert rewrite_links(html, PAGE, EXISTING) == (
        '<a href="../intro/index.html">Intro</a> <a class="x">Catalog</a>'
        '<link rel="stylesheet" href="../../assets/courseware/courseware.css">'
    )


@pytest.mark.parametrize(
    ("src_uri", "unused"),
    [
        ("assets/javascripts/lunr/min/lunr.es.min.js", True),
        ("assets/javascripts/workers/search.a7633da7.min.js", True),
        ("assets/javascripts/bundle.a5f9d56c.min.js.map", True),
        ("sitemap.xml", True),
        ("404.html", True),
        ("assets/javascripts/bundle.a5f9d56c.min.js", False),
        ("modules/intro/index.md", False),
    ],
)
def test_theme_files_an_offline_copy_never_loads(src_uri: str, unused: bool) -> None:
    assert bool(UNUSED_THEME_FILES.search(src_uri)) is unused
