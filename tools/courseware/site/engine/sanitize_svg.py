"""Clean a published SVG file with an allow-list, so that opened on its own it runs nothing
and loads nothing.

An SVG figure (a lab's output, or a file beside a module's text) is published as a file. A
browser that opens it directly runs it as a document of its own: its ``<script>``, ``onload``
handlers, ``javascript:`` links and ``<foreignObject>`` HTML, with no page's
Content-Security-Policy around it (a ``<meta>`` policy inside an SVG is not honoured, and a
static host sends no header). So every SVG keeps only drawing elements and presentation
attributes; links only to its own fragments (``#id``) and embedded raster images; styles
without ``@import`` or ``url()`` of anything but its own fragments. A file that is not
well-formed XML, or that declares entities, is replaced by an empty drawing: a browser shows
a broken file as an error, and entity declarations have no place in a figure.

Parsed with :mod:`xml.etree.ElementTree`, which resolves no external entity and fetches no
DTD; names are compared with their namespace resolved, so a prefix bound to the XHTML
namespace (``<h:script xmlns:h=...>``) is no way round the list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect", "circle",
        "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "clipPath",
        "mask", "pattern", "marker", "linearGradient", "radialGradient", "stop", "image",
        "style", "switch", "filter", "feBlend", "feColorMatrix", "feComponentTransfer",
        "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
        "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    }
)  # fmt: skip
"""SVG 1.1 drawing elements. Not: ``script``, ``foreignObject``, ``a`` (a link out of a
figure), ``animate``/``set`` (which can set an ``href`` to ``javascript:``), ``metadata``,
``iframe``, ``handler``, ``listener``; these are removed with their content."""

_EMBEDDED_IMAGE = re.compile(r"\Adata:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*\Z")
_LOCAL_URL = re.compile(r"url\(\s*(?P<quote>['\"]?)\s*(?P<target>[^)'\"]*)", re.I)
_ACTIVE_STYLE = re.compile(
    r"@import|expression\s*\(|javascript:|behaviou?r\s*:|-moz-binding|\\", re.I
)

ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

EMPTY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree name ``{ns}local``."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _is_safe_style(text: str) -> bool:
    if _ACTIVE_STYLE.search(text):
        return False
    return all(match.group("target").strip().startswith("#") for match in _LOCAL_URL.finditer(text))


def _is_safe_reference(tag: str, value: str) -> bool:
    value = value.strip()
    if value.startswith("#"):
        return True
    return tag in {"image", "feImage"} and bool(_EMBEDDED_IMAGE.match(value))


def _clean_attributes(element: ET.Element, tag: str, removed: list[str]) -> None:
    for name, value in list(element.attrib.items()):
        namespace, local = _local(name)
        keep = True
        if namespace not in {"", XLINK, XML} or local.lower().startswith("on"):
            keep = False
        elif local == "href":
            keep = _is_safe_reference(tag, value)
        elif namespace == XML and local == "base":
            keep = False
        elif "url(" in value.lower() or local == "style":
            keep = _is_safe_style(value)
        elif re.sub(r"[\x00-\x20]+", "", value).lower().startswith(("javascript:", "data:")):
            keep = False
        if not keep:
            removed.append(f"{local}={value[:40]!r} on <{tag}>")
            del element.attrib[name]


def _clean(element: ET.Element, removed: list[str]) -> None:
    for child in list(element):
        namespace, tag = _local(child.tag) if isinstance(child.tag, str) else ("", "")
        if namespace != SVG or tag not in _ELEMENTS:
            if (namespace, tag) != (SVG, "metadata"):  # matplotlib's RDF: dropped, harmless
                removed.append(f"<{tag or 'processing instruction'}>")
            _remove_keeping_tail(element, child)
            continue
        if tag == "style" and not _is_safe_style("".join(child.itertext())):
            removed.append("<style> with a reference outside the file")
            _remove_keeping_tail(element, child)
            continue
        _clean_attributes(child, tag, removed)
        _clean(child, removed)


def _remove_keeping_tail(parent: ET.Element, child: ET.Element) -> None:
    """Remove ``child``; its tail (the text after it) stays, on the previous sibling or the
    parent."""
    if child.tail and child.tail.strip():
        index = list(parent).index(child)
        if index > 0:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def sanitize_svg(data: bytes) -> tuple[bytes, list[str]]:
    """The cleaned SVG file and what was removed (empty for a clean figure, whose drawing is
    unchanged)."""
    if b"<!ENTITY" in data.upper():
        return EMPTY_SVG, ["entity declarations"]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return EMPTY_SVG, [f"not well-formed XML ({error})"]
    removed: list[str] = []
    if root.tag != f"{{{SVG}}}svg":
        return EMPTY_SVG, [f"the root element is {root.tag}, not an SVG <svg>"]
    _clean_attributes(root, "svg", removed)
    _clean(root, removed)
    cleaned = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return cleaned + b"\n", removed
