"""The one gate of everything the site publishes from content: page HTML, page titles and
metadata, and SVG files (issue 20).

- **Page HTML** (contributed pages, generated pages, lab output and error text, registry
  text: everything MkDocs renders) is cleaned with an allow-list (nh3), after Markdown ran.
  Python-Markdown passes raw HTML through, so a contributed page could carry ``<script>``,
  ``onerror=`` or ``javascript:`` links. The few scripts the builder itself needs are not in
  page content at all but come from page metadata through the theme template (see
  ``staging.page_scripts``). Ids and attributes the theme keeps for itself
  (``render.theme_names``) are removed too; the content linter has already refused them in
  contributed text, with file and line.
- **Metadata**: the theme prints ``page.meta.title``, ``description`` and the template named by
  ``template`` unescaped into the head; only the keys the builder writes survive.
- **Titles**: MkDocs takes a page's title from its first heading with the tags stripped and
  the character references decoded, so ``&lt;img onerror=...`` in a heading became markup in
  the navigation, the header and the search index; titles are made plain text, escaped.
- **SVG files** (figures of labs and of content) run as documents of their own when opened
  directly, where no page's Content-Security-Policy applies: :mod:`.sanitize_svg`.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import nh3
from markupsafe import Markup

from courseware.site.engine.sanitize_svg import sanitize_svg
from courseware.site.render import is_reserved_attribute

__all__ = [
    "PAGE_META_KEYS",
    "plain_title",
    "sanitize_html",
    "sanitize_page_meta",
    "sanitize_staged_files",
    "sanitize_svg",
]

_EXTRA_TAGS = {
    "section", "form", "fieldset", "legend", "label", "select", "option", "optgroup", "input",
    "button", "output", "meter", "progress", "tfoot", "textarea",
}  # fmt: skip
ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS) - {"center", "strike", "tt", "acronym"}

_GLOBAL_ATTRIBUTES = {"id", "class", "lang", "dir", "title", "role", "hidden", "tabindex"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "data": {"value"},
    "label": {"for"},
    "select": {"name", "multiple", "required", "disabled"},
    "option": {"value", "selected", "disabled"},
    "input": {"name", "type", "value", "min", "max", "step", "checked", "disabled", "required",
              "inputmode", "placeholder", "size", "maxlength", "pattern", "autocomplete"},
    "textarea": {"name", "rows", "cols", "maxlength", "placeholder", "required", "disabled"},
    "button": {"type", "name", "value", "disabled"},
    "output": {"for", "name"},
    "form": {"name", "novalidate"},
    "fieldset": {"name", "disabled"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "progress": {"value", "max"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}  # fmt: skip

URL_SCHEMES = {"https", "mailto"}


def sanitize_html(fragment: str) -> str:
    """Return ``fragment`` with only allow-listed tags, attributes and URL schemes.

    ``data-*`` and ``aria-*`` attributes are kept (filters and accessibility rely on them),
    except the theme's (``data-md-*``, and ids such as ``__config``); ``<script>`` and
    ``<style>`` are removed with their content; relative links are kept.
    """
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed"},
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
    if "data-md-" not in cleaned and '="__' not in cleaned:
        return cleaned  # the usual page: no theme name to look for
    return _ATTRIBUTE.sub(_without_theme_name, cleaned)


_ATTRIBUTE = re.compile(r' (?P<name>[a-z][a-z0-9_:.-]*)="(?P<value>[^"]*)"')
"""An attribute as nh3 (html5ever) writes it: lower-case name, double-quoted value with
``"`` and ``&`` escaped; a text ``"`` is never written raw, so this finds attributes only.
Checked after cleaning rather than with nh3's ``attribute_filter``, which calls Python for
every attribute of every page: on an 18 KB catalog article, 6.2 ms against 3.9 ms for nh3
alone and 5.0 ms for this (best of five, one machine, December 2026)."""


def _without_theme_name(match: re.Match[str]) -> str:
    value = html.unescape(match.group("value"))
    return "" if is_reserved_attribute(match.group("name"), value) else match.group(0)


PAGE_META_KEYS = frozenset({"courseware", "translation_of", "source_hash", "translators"})
"""The page metadata keys the builder writes (``staging.front_matter``): the contributed
translation keys and the builder's own ``courseware`` block. Material reads others
(``title``, ``description``, ``template``, ``hide``, ...) and prints them unescaped."""


def sanitize_page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """``meta`` with only the keys the builder writes (:data:`PAGE_META_KEYS`)."""
    return {key: value for key, value in meta.items() if key in PAGE_META_KEYS}


def plain_title(title: str) -> Markup:
    """A page title as MkDocs made it (tags stripped, character references decoded) turned
    into escaped text that templates may print as they are: ``{{ page.title }}`` and
    ``{{ page.title | e }}`` both show the text, never markup."""
    text = html.unescape(nh3.clean(title, tags=set(), strip_comments=True))
    return Markup.escape(" ".join(text.split()))


def sanitize_staged_files(files: dict[str, bytes]) -> None:
    """Replace every SVG file and every notebook of a staged tree (``StagedFiles.files``) by
    its cleaned copy: every output (the site, offline copies, and what else is made from the
    staged tree) publishes only what the gate keeps.

    A downloaded notebook's outputs are cleaned as the page's are: SVG figures by
    :func:`sanitize_svg`, HTML by :func:`sanitize_html`, JavaScript outputs dropped (the
    page shows their text form).
    """
    for path, data in files.items():
        suffix = path.lower().rpartition(".")[2]
        if suffix == "svg":
            files[path], _ = sanitize_svg(data)
        elif suffix == "ipynb":
            files[path] = _sanitize_notebook(data)


def _sanitize_notebook(data: bytes) -> bytes:
    try:
        notebook = json.loads(data)
        cells = notebook.get("cells", [])
    except (ValueError, AttributeError):
        return data  # not a notebook the builder wrote; published as the file it is
    changed = False
    for cell in cells:
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            bundle = output.get("data") if isinstance(output, dict) else None
            if isinstance(bundle, dict):
                changed = _sanitize_bundle(bundle) or changed
    if not changed:
        return data
    # As nbformat writes a notebook (``labs.notebooks.notebook_bytes``).
    return (json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _sanitize_bundle(bundle: dict[str, Any]) -> bool:
    """Clean one output's data in place; whether anything changed."""
    changed = False
    for kind in list(bundle):
        value = bundle[kind]
        text = "".join(value) if isinstance(value, list) else str(value)
        if kind == "image/svg+xml":
            cleaned, removed = sanitize_svg(text.encode("utf-8"))
            if removed:
                bundle[kind] = cleaned.decode("utf-8")
        elif kind == "text/html":
            bundle[kind] = sanitize_html(text)
            removed = [text] if bundle[kind] != text else []
        elif "javascript" in kind:
            del bundle[kind]
            removed = [kind]
        else:
            continue
        changed = changed or bool(removed)
    return changed
