"""Turn staged pages into fragments of one printed document.

A printed track is a single HTML document, so each staged page (Markdown, as MkDocs would
read it) is converted here with the Markdown extensions ``mkdocs.yml`` declares, cleaned with
the site's own allow-list (``engine.sanitize``: contributed content is data in print too),
and then fitted into the whole:

- every ``id`` gets the page's prefix, so two pages' ``#objectives`` do not clash;
- a link to a page the document holds becomes a link to that page's section (``#p3``), a link
  to a page it does not hold becomes plain text, and an external link is followed by its
  address in brackets, since paper has no hover;
- images are inlined as ``data:`` addresses (the document then needs no folder beside it),
  and an image without a caption gets its alt text as one.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import markdown

from courseware.site.engine import sanitize_html
from courseware.site.staging import split_front_matter

_LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>(.*?)</a>', re.DOTALL)
_ID = re.compile(r'\bid="([^"]*)"')
_FOR = re.compile(r'\b(for|aria-labelledby|aria-describedby|headers)="([^"]*)"')
_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\bsrc="([^"]*)"')
_ALT = re.compile(r'\balt="([^"]*)"')
_LONE_IMAGE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")


@dataclass(frozen=True)
class PrintedPage:
    """One staged page as it stands in the printed document."""

    path: str
    """The staged path (``modules/x/index.md``), in the document's language."""
    anchor: str
    """The ``id`` of the page's section (``p3``); its ids start with ``p3-``."""
    title: str
    """The page's first heading, as plain text (for the table of contents)."""
    body: str
    """The page's HTML."""


def markdown_converter(mkdocs_config: Mapping[str, Any]) -> Callable[[str], str]:
    """A function that converts a page's Markdown as MkDocs would, with the extensions and
    options of ``mkdocs.yml`` (and the three MkDocs always adds); headings get no permalink
    sign (paper cannot follow it)."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in mkdocs_config.get("markdown_extensions") or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, options in entry.items():
                names.append(name)
                configs[name] = dict(options or {})
    # MkDocs always adds these three (mkdocs.config.defaults: markdown_extensions).
    names += [name for name in ("toc", "tables", "fenced_code") if name not in names]
    configs.setdefault("toc", {})["permalink"] = False

    def convert(text: str) -> str:
        converter = markdown.Markdown(extensions=names, extension_configs=configs)
        return str(converter.convert(text))

    return convert


def page_url_folder(path: str) -> str:
    """The folder a page's directory-style address stands for: ``labs/x.md`` is served at
    ``labs/x/``, ``modules/x/index.md`` at ``modules/x/`` (``use_directory_urls``)."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem


def resolve_target(path: str, href: str, files: Mapping[str, bytes]) -> tuple[str, str] | None:
    """The staged file and fragment that a relative ``href`` on page ``path`` points at, or
    None when it leaves the tree or names no file.

    Markdown links (``x.md``) and images are relative to the page's file; the builder's own
    HTML links (``../x/``) are relative to the page's address, so both are tried.
    """
    target, _, fragment = href.partition("#")
    if not target:
        return path, fragment
    for base in (posixpath.dirname(path), page_url_folder(path)):
        joined = posixpath.normpath(posixpath.join(base, target))
        if joined.startswith(".."):
            continue
        candidates = [joined]
        if not posixpath.splitext(joined)[1] or target.endswith("/"):
            candidates = [f"{joined}/index.md", f"{joined}.md"]
        for candidate in candidates:
            if candidate in files:
                return candidate, fragment
    return None


def _data_url(relative: str, content: bytes) -> str:
    kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _first_heading(body: str) -> str:
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", body, re.DOTALL)
    return _plain(match.group(1)) if match else ""


def _caption_images(body: str) -> str:
    """An image standing alone in a paragraph becomes a figure captioned by its alt text."""

    def figure(match: re.Match[str]) -> str:
        image = match.group(1)
        alt = _ALT.search(image)
        caption = f"<figcaption>{alt.group(1)}</figcaption>" if alt and alt.group(1) else ""
        return f"<figure>{image}{caption}</figure>"

    return _LONE_IMAGE.sub(figure, body)


def print_page(
    path: str,
    anchor: str,
    files: Mapping[str, bytes],
    anchors: Mapping[str, str],
    convert: Callable[[str], str],
) -> PrintedPage:
    """The staged page ``path`` as a fragment of the printed document.

    Args:
        files: the staged tree in the document's language (for images and link targets).
        anchors: the section anchor of every page the document holds, by staged path.
        convert: the Markdown converter (``markdown_converter``).
    """
    _, text, _ = split_front_matter(files[path].decode("utf-8"), path)
    body = sanitize_html(convert(text))
    body = _ID.sub(lambda m: f'id="{anchor}-{m.group(1)}"', body)
    body = _FOR.sub(
        lambda m: f'{m.group(1)}="{" ".join(f"{anchor}-{v}" for v in m.group(2).split())}"', body
    )

    def link(match: re.Match[str]) -> str:
        before, href, after, label = match.groups()
        address = html.unescape(href)
        if re.match(r"^[a-z][a-z0-9+.-]*:", address):
            shown = _plain(label)
            spelled = address.removeprefix("mailto:")
            if shown in (address, spelled, address.rstrip("/")):
                return match.group(0)
            url = html.escape(spelled)
            return f'{match.group(0)}<span class="cw-print-url"> ({url})</span>'
        found = resolve_target(path, address, files)
        if found is None or found[0] not in anchors:
            return f"<span{before}{after}>{label}</span>"
        target, fragment = found
        goal = f"{anchors[target]}-{fragment}" if fragment else anchors[target]
        return f'<a{before}href="#{html.escape(goal)}"{after}>{label}</a>'

    body = _LINK.sub(link, body)

    def image(match: re.Match[str]) -> str:
        tag = match.group(0)
        source = _SRC.search(tag)
        if source is None or source.group(1).startswith("data:"):
            return tag
        found = resolve_target(path, html.unescape(source.group(1)), files)
        if found is None:
            return tag
        url = _data_url(found[0], files[found[0]])
        return tag.replace(source.group(0), f'src="{url}"')

    body = _caption_images(_IMG.sub(image, body))
    return PrintedPage(path=path, anchor=anchor, title=_first_heading(body), body=body)
