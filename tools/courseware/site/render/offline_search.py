"""Search for offline copies: a page with a search box, and the index as a JavaScript file.

Material's search runs in a Web Worker, which browsers refuse to start from ``file://``; its
offline plugin works around that with the ``iframe-worker`` shim fetched from unpkg.com, which
is another origin. An offline copy is small (one track, one language), so a plain substring
search over an index loaded with an ordinary ``<script src>`` is enough, works from
``file://`` under the site's Content-Security-Policy, and needs nothing downloaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from courseware.i18n.catalogs import plural_forms
from courseware.site.render.html import escape
from courseware.site.render.markdown_text import markdown_text

Translate = Callable[[str], str]

SEARCH_PAGE = "search.md"
INDEX_SCRIPT = "assets/courseware/search-index.js"
SEARCH_SCRIPT = "assets/courseware/bundle-search.js"

_SECTION_HEADINGS = {"h2", "h3"}
_SKIPPED = {"script", "style", "template", "h1"}
"""Not text of the page: code that never shows, and the title (every entry names it)."""
_BREAKS = {"p", "li", "td", "th", "dt", "dd", "br", "div", "tr", "pre", "blockquote"}
"""Elements whose edges separate words even where the HTML has no space."""


@dataclass(frozen=True)
class SearchEntry:
    """One searchable part of a page: the page itself, or one of its sections."""

    location: str
    """Relative to the site root, such as ``modules/x/index.html#objectives``."""
    title: str
    text: str

    def as_json(self) -> dict[str, str]:
        """The short keys the search script reads (the index ships in every copy)."""
        return {"l": self.location, "t": self.title, "x": self.text}


class _Sections(HTMLParser):
    """Split a page's content HTML into text sections at ``h2`` and ``h3`` headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str | None, list[str], list[str]]] = [(None, [], [])]
        self._in_heading: str | None = None
        self._skipped: list[str] = []
        """The elements being skipped, innermost last (the permalink ``¶`` is one)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.handle_data(" ")
        values = dict(attrs)
        if tag in _SKIPPED or "headerlink" in (values.get("class") or "").split():
            self._skipped.append(tag)
        elif tag in _SECTION_HEADINGS and values.get("id"):
            self.sections.append((values["id"], [], []))
            self._in_heading = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.handle_data(" ")
        if self._skipped and tag == self._skipped[-1]:
            self._skipped.pop()
        elif tag == self._in_heading:
            self._in_heading = None

    def handle_data(self, data: str) -> None:
        if self._skipped:
            return
        _, heading, text = self.sections[-1]
        (heading if self._in_heading else text).append(data)


def _clean(parts: Iterable[str]) -> str:
    return " ".join("".join(parts).split())


def page_entries(content_html: str, location: str, page_title: str) -> list[SearchEntry]:
    """The entries of one page: its opening text under the page title, then each section.

    Args:
        content_html: the page's content (after sanitizing), as MkDocs hands it to plugins.
        location: the page's file relative to the site root (``modules/x/index.html``).
        page_title: the page's title, shown before each section title.
    """
    parser = _Sections()
    parser.feed(content_html)
    parser.close()
    entries = []
    for anchor, heading, text in parser.sections:
        body = _clean(text)
        if anchor is None:
            if body:
                entries.append(SearchEntry(location, page_title, body))
            continue
        title = f"{page_title} › {_clean(heading)}"
        entries.append(SearchEntry(f"{location}#{anchor}", title, body))
    return entries


def index_script(entries: Iterable[SearchEntry]) -> str:
    """The index as a script that sets one global, loadable from ``file://``."""
    data = json.dumps([e.as_json() for e in entries], ensure_ascii=False, separators=(",", ":"))
    return f"window.cwSearchIndex = {data};\n"


def search_page(gettext: Translate, language: str) -> str:
    """The search page of an offline copy (at ``search/``), its scripts still inline here
    for ``extract_scripts`` to move into page metadata.

    Without JavaScript the form submits to itself and nothing happens; the pages stay
    readable and linked from the navigation.
    """
    title = gettext("Search")
    label = gettext("Search this offline copy")
    status = {
        "data-none": gettext("No page matches."),
        "data-count": json.dumps(
            plural_forms(language, "{count} result", "{count} results"), ensure_ascii=False
        ),
    }
    status_attributes = "".join(f' {name}="{escape(value)}"' for name, value in status.items())
    return (
        f"# {markdown_text(title)}\n\n"
        '<form class="cw-search" role="search" data-cw-search="">\n'
        f'<label for="cw-search-input">{escape(label)}</label>\n'
        '<input id="cw-search-input" name="q" type="search" size="30">\n'
        f'<button type="submit">{escape(title)}</button>\n'
        "</form>\n"
        f'<p id="cw-search-status" role="status" aria-live="polite"{status_attributes}></p>\n'
        '<ol id="cw-search-results" class="cw-search-results" data-root="../"></ol>\n'
        f'<script src="../{INDEX_SCRIPT}"></script>\n'
        f'<script src="../{SEARCH_SCRIPT}"></script>\n'
    )
