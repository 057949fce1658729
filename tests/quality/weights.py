"""What a reader downloads: page visits in a real browser, weighed as a gzip-serving host would.

A visit opens one page with the browser's cache off (a first view), records every request it
makes, and runs axe on the loaded page. Sizes come from the built files: text
(HTML, CSS, JavaScript, JSON, SVG) gzipped at level 6 (zlib's default), as a static host that
compresses sends it; images and archives as they are.

A second view is modelled from the sets of URLs: a reader who has seen the home page and opens
another page downloads that page's HTML and whatever the home page did not load. Material's
assets have hashed names and the others are small and change only with a release, so a browser
keeps them at least for the visit.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page, Request, Route

# Budgets chosen for this project from public figures, in bytes as sent (gzip): TCP's initial
# window of ten segments, about 14.6 KB (RFC 6928), and the 130-170 KB critical path Alex
# Russell gives for a cheap phone on a slow network ("The Performance Inequality Gap").
KB = 1024
MODULE_HTML_BUDGET = 14 * KB  # one TCP initial window: the lesson text arrives in one flight
FIRST_VIEW_BUDGET = 100 * KB  # cold cache, content images excluded
SECOND_VIEW_BUDGET = 15 * KB  # warm cache
SEARCH_INDEX_BUDGET = 100 * KB  # per language, unless it is fetched only when a search starts

COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".ipynb")
SEARCH_INDEX = "search/search_index.json"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


@dataclass(frozen=True)
class Resource:
    """One same-origin file a page loaded."""

    path: str  # below the site root, as requested
    kind: str  # Playwright's resource type: document, stylesheet, script, image, fetch, ...
    sent_bytes: int  # gzip for text, as is for images and archives
    is_content_image: bool  # an image of the page's content (a figure), not of the theme


@dataclass(frozen=True)
class Visit:
    """Everything one page view did: its requests and axe's findings."""

    path: str
    resources: tuple[Resource, ...]
    other_origins: tuple[str, ...]
    missing: tuple[str, ...]  # same-origin requests with no file behind them
    violations: tuple[dict[str, Any], ...]

    @property
    def html(self) -> Resource:
        """The page's own HTML."""
        return next(r for r in self.resources if r.kind == "document")

    @property
    def first_view_bytes(self) -> int:
        """Bytes of a first view, content images excluded."""
        return sum(r.sent_bytes for r in self.resources if not r.is_content_image)

    @property
    def content_image_bytes(self) -> int:
        """Bytes of the page's content images (their own budget, not the page's)."""
        return sum(r.sent_bytes for r in self.resources if r.is_content_image)

    def second_view(self, after: Visit) -> tuple[Resource, ...]:
        """What this page downloads when ``after`` was viewed before it (HTML always)."""
        seen = {r.path for r in after.resources}
        return tuple(
            r
            for r in self.resources
            if not r.is_content_image and (r.kind == "document" or r.path not in seen)
        )

    def fetched(self, path: str) -> bool:
        """Whether the view loaded ``path`` (below the site root)."""
        return any(r.path == path for r in self.resources)


@cache
def sent_size(file: Path) -> int:
    """Bytes a compressing static host sends for ``file``."""
    data = file.read_bytes()
    if file.suffix.lower() in COMPRESSED_TYPES:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def site_file(site: Path, path: str) -> Path:
    """The file behind a URL path below the site root (``x/`` is ``x/index.html``)."""
    relative = unquote(path)
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site / relative


class Visitor:
    """A browser window that opens pages of one site, each as a first view.

    Routing every request (to record it, and to abort any to another origin: the site must
    need none) also turns the browser's cache off, so each visit loads everything again, as
    a reader with an empty cache does; one window serves every visit, which is much faster
    than a new browser context per page.
    """

    def __init__(self, browser: Browser, base_url: str, site: Path, **context: Any) -> None:
        self.base_url = base_url
        self.site = site
        self._origin = urlsplit(base_url)
        self._requests: list[tuple[str, str]] = []
        self._others: list[str] = []
        self._runs_scripts = context.get("java_script_enabled", True)
        self._context = browser.new_context(**context)
        self._context.route("**/*", self._route)
        self._page = self._context.new_page()

    def _route(self, route: Route, request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("data", "blob"):
            route.continue_()
        elif url.netloc != self._origin.netloc:
            self._others.append(request.url)
            route.abort()
        else:
            self._requests.append((url.path, request.resource_type))
            route.continue_()

    def visit(self, path: str) -> Visit:
        """Open ``path`` (below the site root), run axe, and weigh what the page loaded."""
        from axe_playwright_python.sync_playwright import Axe

        self._requests.clear()
        self._others.clear()
        page = self._page
        page.goto(self.base_url + path, wait_until="load")
        # Material sets some attributes from resize observers (focusable code blocks, say):
        # two animation frames let them run before axe looks.
        page.evaluate("new Promise(go => requestAnimationFrame(() => requestAnimationFrame(go)))")
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        # Requests the page starts after load (workers, data, lazily loaded parts) count too.
        page.wait_for_load_state("networkidle")
        figures = page.eval_on_selector_all(
            "article img", "images => images.map(i => new URL(i.currentSrc || i.src).pathname)"
        )
        root = self._origin.path.rstrip("/") + "/"
        resources, missing = [], []
        for url_path, kind in self._requests:
            relative = url_path[len(root) :] if url_path.startswith(root) else url_path
            file = site_file(self.site, relative)
            if not file.is_file():
                missing.append(relative)
                continue
            resources.append(Resource(relative, kind, sent_size(file), url_path in figures))
        return Visit(path, tuple(resources), tuple(self._others), tuple(missing), tuple(violations))

    def open(self, path: str) -> Page:
        """Open ``path`` (below the site root) and let Material's scripts settle; no axe, no
        weighing: for tests that look at the page itself."""
        page = self._page
        page.goto(self.base_url + path, wait_until="load")
        if self._runs_scripts:  # with scripts off, no animation frame ever comes
            page.evaluate(
                "new Promise(go => requestAnimationFrame(() => requestAnimationFrame(go)))"
            )
        return page

    def close(self) -> None:
        """Close the window."""
        self._context.close()


def largest(resources: Iterable[Resource], count: int = 3) -> str:
    """The ``count`` largest resources, for a failure message: ``a.js 34.9 KB, ...``."""
    ranked = sorted(resources, key=lambda r: r.sent_bytes, reverse=True)[:count]
    return ", ".join(f"{r.path or 'index.html'} {kb(r.sent_bytes)}" for r in ranked)


def kb(size: int) -> str:
    """``12.3 KB`` (KB of 1024 bytes)."""
    return f"{size / KB:.1f} KB"


def search_index_sizes(site: Path, languages: dict[str, str]) -> dict[str, int]:
    """gzip bytes of each language's search index.

    Every language is built on its own and has its own index (``es/search/...``), which is
    all a reader of that language ever loads.

    Args:
        languages: language code → its root in the site (``""`` for the default language).
    """
    return {code: sent_size(site / root / SEARCH_INDEX) for code, root in languages.items()}
