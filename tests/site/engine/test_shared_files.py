"""Files every language shares exist once, at the site's root: the pure rules
(``engine/shared_files.py``), then a real build of the fixture project, its structure and a
language switch in Chromium."""

from __future__ import annotations

import functools
import http.server
import posixpath
import re
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from courseware.site.engine.shared_files import (
    find_root_copies,
    is_unused_theme_file,
    point_at_root_copies,
    remove_shared_files,
    root_url,
    static_file_language,
)

CODES = ("en", "es", "fr")


def test_only_a_labs_translation_folder_belongs_to_one_language() -> None:
    assert static_file_language("labs/fleet-growth-es/plot.png", CODES) == "es"
    assert static_file_language("labs/fleet-growth/plot.png", CODES) is None
    assert static_file_language("labs/runtime.whl", CODES) is None
    assert static_file_language("assets/courseware/quiz.js", CODES) is None
    assert static_file_language("bundles/two-hour-workshop-es.zip", CODES) is None


def test_source_maps_and_other_languages_search_files_are_unused() -> None:
    assert is_unused_theme_file("assets/javascripts/bundle.1234.min.js.map", CODES)
    assert is_unused_theme_file("assets/javascripts/lunr/min/lunr.de.min.js", CODES)
    assert is_unused_theme_file("assets/javascripts/lunr/wordcut.js", CODES)
    assert not is_unused_theme_file("assets/javascripts/lunr/min/lunr.es.min.js", CODES)
    assert not is_unused_theme_file(
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", CODES
    )
    assert not is_unused_theme_file("assets/javascripts/lunr/min/lunr.multi.min.js", CODES)
    assert not is_unused_theme_file("assets/javascripts/lunr/tinyseg.js", (*CODES, "ja"))
    assert not is_unused_theme_file("assets/javascripts/bundle.1234.min.js", CODES)


COPIES = {
    "assets/main.css": "assets/main.css",
    "bundles/a b.zip": "bundles/a b.zip",
    "labs/x-es/plot.png": "labs/x/plot.png",
}


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("assets/main.css", "index.html", "../assets/main.css"),
        ("../../assets/main.css", "modules/m/index.html", "../../../assets/main.css"),
        ("../../bundles/a%20b.zip", "tracks/t/index.html", "../../../bundles/a%20b.zip"),
        ("../x-es/plot.png?v=1#top", "labs/x/index.html", "../../../labs/x/plot.png?v=1#top"),
        ("../catalog/", "modules/index.html", "../catalog/"),
        ("../../../assets/main.css", "modules/m/index.html", "../../../assets/main.css"),
        ("/assets/main.css", "404.html", "/assets/main.css"),
        (
            "https://example.org/assets/main.css",
            "index.html",
            "https://example.org/assets/main.css",
        ),
        ("#assets", "index.html", "#assets"),
    ],
)
def test_a_link_to_a_shared_file_points_at_the_root_copy(
    url: str, page: str, expected: str
) -> None:
    assert root_url(url, page, COPIES) == expected


def test_a_page_has_every_attribute_and_the_search_worker_pointed_at_the_root() -> None:
    html = (
        '<link rel="stylesheet" href="../assets/main.css">'
        '<script id="__config" type="application/json">{"base": "..", '
        '"search": "../assets/main.css"}</script>'
        '<img alt="" src="../labs/x-es/plot.png"><a href="../catalog/">c</a>'
        '<p>"search": "../assets/main.css"</p>'
    )
    rewritten = point_at_root_copies(html, "modules/index.html", COPIES)
    assert 'href="../../assets/main.css"' in rewritten
    assert '"search": "../../assets/main.css"}</script>' in rewritten
    assert 'src="../../labs/x/plot.png"' in rewritten
    assert 'href="../catalog/"' in rewritten
    assert '"base": ".."' in rewritten
    assert '<p>"search": "../assets/main.css"</p>' in rewritten, "only Material's configuration"


def test_a_languages_own_file_with_a_shared_files_bytes_is_replaced_by_it(tmp_path: Path) -> None:
    files = {
        "labs/x/plot.png": b"same figure",
        "labs/x/other.png": b"same figure",
        "labs/x-es/plot.png": b"same figure",
        "labs/x-es/x.es.ipynb": b"translated notebook",
        "labs/x/x.ipynb": b"source notebook",
    }
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    shared = {name: tmp_path / name for name in files if "-es/" not in name}
    own = {name: tmp_path / name for name in files if "-es/" in name}
    copies = find_root_copies(shared, own)
    assert copies["labs/x-es/plot.png"] == "labs/x/other.png", "the first by name"
    assert "labs/x-es/x.es.ipynb" not in copies
    assert all(copies[name] == name for name in shared)


def test_removing_the_replaced_files_removes_the_folders_left_empty(tmp_path: Path) -> None:
    for name in ("assets/js/a.js", "assets/b.css", "labs/x-es/plot.png", "labs/x-es/x.ipynb"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    remove_shared_files(tmp_path, ["assets/js/a.js", "assets/b.css", "labs/x-es/plot.png"])
    assert not (tmp_path / "assets").exists()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "labs",
        "labs/x-es",
        "labs/x-es/x.ipynb",
    ]


# A real build of the fixture project.

LANGUAGE_FOLDERS = ("es", "pt", "fr", "ar")
_URL = re.compile(r'\s(?:href|src)="(?P<url>[^"]*)"|"search":\s*"(?P<worker>[^"]*)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _linked_files(site: Path, page: Path) -> list[tuple[str, str]]:
    """(URL, file below the site root it names) for every relative link of ``page``."""
    uri = page.relative_to(site).as_posix()
    links = []
    for match in _URL.finditer(page.read_text(encoding="utf-8")):
        url = match.group("url") if match.group("url") is not None else match.group("worker")
        if not url or url.startswith(("#", "/")) or _SCHEME.match(url):
            continue
        path = re.split(r"[?#]", url)[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), unquote(path)))
        if path.endswith("/") or path.rpartition("/")[2] in ("", ".", ".."):
            target = posixpath.join(target, "index.html")
        links.append((url, target))
    return links


@pytest.mark.slow
@pytest.mark.xdist_group("site-build")
def test_no_language_folder_holds_its_own_copy_of_the_shared_files(built_site: Path) -> None:
    assert (built_site / "assets" / "courseware" / "courseware.css").is_file()
    assert list(built_site.glob("assets/javascripts/bundle.*.min.js"))
    assert not list(built_site.rglob("*.map")), "source maps are for developer tools only"
    for code in LANGUAGE_FOLDERS:
        tree = built_site / code
        assert (tree / "index.html").is_file()
        assert not (tree / "assets").exists(), f"{code}/ has its own theme assets"
        assert not (tree / "bundles").exists(), f"{code}/ has its own offline copies"
        others = sorted(
            path.relative_to(tree).as_posix()
            for path in tree.rglob("*")
            if path.is_file() and path.suffix != ".html"
        )
        assert all(
            name.startswith(("search/", "sitemap.xml")) or f"-{code}/" in name for name in others
        ), f"{code}/ holds files every language shares: {others}"


@pytest.mark.slow
@pytest.mark.xdist_group("site-build")
def test_every_link_of_every_page_names_a_file_of_the_site(built_site: Path) -> None:
    missing = [
        f"{page.relative_to(built_site)}: {url}"
        for page in sorted(built_site.rglob("*.html"))
        for url, target in _linked_files(built_site, page)
        if target.startswith("../") or not (built_site / target).is_file()
    ]
    assert not missing, "\n".join(missing[:20])
    spanish = _linked_files(built_site, built_site / "es" / "index.html")
    assert any(target.startswith("assets/") for _, target in spanish), "es/ uses the root's"


class _Recording(http.server.SimpleHTTPRequestHandler):
    served: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code) == "200":
            self.served.append(urlsplit(self.path).path)


@pytest.mark.slow
@pytest.mark.xdist_group("site-build")
def test_a_language_switch_fetches_only_the_new_page(built_site: Path, browser: Any) -> None:
    """With the cache on, as a reader has it: picking Spanish on the English home page loads
    the Spanish page and nothing else (its stylesheets and scripts are the ones just used)."""
    served: list[str] = []
    handler = functools.partial(
        type("Handler", (_Recording,), {"served": served}), directory=str(built_site)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="load")
        page.wait_for_load_state("networkidle")
        assert any(path.startswith("/assets/") for path in served)
        served.clear()
        page.locator(".md-header .md-select").hover()
        with page.expect_navigation(wait_until="load"):
            page.locator(".md-header a.md-select__link[hreflang=es]").click()
        page.wait_for_load_state("networkidle")
        assert urlsplit(page.url).path == "/es/"
        assert served == ["/es/"], f"fetched again: {served}"
    finally:
        context.close()
        server.shutdown()
