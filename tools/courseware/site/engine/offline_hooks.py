"""What an offline copy's MkDocs build does differently: one language, no theme files the
copy never loads, links that work from ``file://``, and its own search index.

The copy keeps the site's layout (``modules/x/index.html``) so that the links the builder
writes into pages (``../../modules/x/``) stay right; but a browser opening ``file://`` does
not turn a folder into its ``index.html``, so every relative link to a folder is rewritten
to name the file. A link to a page outside the copy (the catalog, say) would open an error
page offline, so it keeps its text and loses its target.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from courseware.site.render import INDEX_SCRIPT, SearchEntry, index_script, page_entries

_HREF = re.compile(r'(?P<space>\s)href="(?P<url>[^"]*)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

UNUSED_TEMPLATES = ("404.html", "sitemap.xml")
"""Pages for web servers and crawlers, which a folder on a laptop has no use for."""

UNUSED_THEME_FILES = re.compile(
    r"^assets/javascripts/(lunr|workers)/|\.map$|^(404\.html|sitemap\.xml)$"
)
"""Material's search (lunr and its worker, replaced by ``render.offline_search``), source maps, and
the templates above (no longer templates, they would be copied as they are): about 2 MB
that an offline copy never loads."""


def offline_href(url: str, page_uri: str, existing: frozenset[str]) -> str | None:
    """The link to write in the offline copy for ``url`` found on page ``page_uri``.

    Returns ``url`` unchanged for anchors and other origins, ``x/index.html`` for a folder
    ``x/``, and None for a link to nothing in the copy.

    Args:
        url: an ``href`` as MkDocs wrote it.
        page_uri: the page's file relative to the site root (``tracks/x/index.html``).
        existing: every file of the copy, relative to the site root.
    """
    if not url or url.startswith("#") or _SCHEME.match(url):
        return url
    if url.startswith("/"):
        return None  # from file:// this is the root of the reader's disk
    path, mark, rest = _split_suffix(url)
    if path == "" or path.rpartition("/")[2] in (".", ".."):
        path = f"{path or '.'}/"  # MkDocs writes the home page's folder as "." or "../.."
    if path.endswith("/"):
        path += "index.html"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), unquote(path)))
    if target.startswith("../") or target == ".." or target not in existing:
        return None
    return f"{path}{mark}{rest}"


def _split_suffix(url: str) -> tuple[str, str, str]:
    """``a/b/#c`` → (``a/b/``, ``#``, ``c``); a query is kept with the fragment."""
    for mark in ("?", "#"):
        if mark in url:
            path, _, rest = url.partition(mark)
            return path, mark, rest
    return url, "", ""


def rewrite_links(html: str, page_uri: str, existing: frozenset[str]) -> str:
    """Rewrite every ``href`` of a built page for ``file://`` (see :func:`offline_href`)."""

    def replace(match: re.Match[str]) -> str:
        url = offline_href(match.group("url"), page_uri, existing)
        return "" if url is None else f'{match.group("space")}href="{url}"'

    return _HREF.sub(replace, html)


class OfflineSite:
    """The offline copy's side of the courseware plugin, one instance per build."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.existing: frozenset[str] = frozenset()
        self.entries: list[SearchEntry] = []

    def configure(self, config: Any) -> None:
        """Speak the copy's language (Material's interface strings, ``lang``, ``dir``)."""
        config.theme["language"] = self.language
        for name in UNUSED_TEMPLATES:
            config.theme.static_templates.discard(name)

    def select_files(self, files: Any) -> Any:
        """Leave out theme files the copy never loads; remember what the copy holds."""
        for file in [f for f in files if UNUSED_THEME_FILES.search(f.src_uri)]:
            files.remove(file)
        self.existing = frozenset(f.dest_uri for f in files)
        return files

    def index_page(self, page: Any, content_html: str) -> None:
        """Add a page's sections to the search index (the search page itself excluded).

        The page's title is escaped text (``sanitize.plain_title``); the index holds text,
        which the copy's search shows with ``textContent``.
        """
        location = page.file.dest_uri
        if location.startswith("search/"):
            return
        title = html.unescape(str(page.title or ""))
        self.entries += page_entries(content_html, location, title)

    def rewrite_page(self, output: str, page: Any) -> str:
        """The built page with its links made to work from ``file://``."""
        return rewrite_links(output, page.file.dest_uri, self.existing)

    def write_search_index(self, site_dir: str) -> None:
        """Write the index the search page loads, once every page has been indexed."""
        path = Path(site_dir) / INDEX_SCRIPT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(index_script(self.entries), encoding="utf-8")
