"""Sanitize every page's rendered HTML with an allow-list (nh3), after Markdown ran.

Python-Markdown passes raw HTML through, so a contributed page could carry ``<script>``,
``onerror=`` or ``javascript:`` links. Pages are cleaned here with an explicit allow-list;
the few scripts the builder itself needs are not in page content at all but come from page
metadata through the theme template (see ``staging.page_scripts``).
"""

from __future__ import annotations

import nh3

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

    ``data-*`` and ``aria-*`` attributes are kept (filters and accessibility rely on them);
    ``<script>`` and ``<style>`` are removed with their content; relative links are kept.
    """
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed"},
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
