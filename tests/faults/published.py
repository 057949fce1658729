"""Everything in a built ``site/`` that would run in a browser, whatever the file type.

The fault suite's first check looked for scripts inside ``<article>`` only, so markup that
reached a page's head, an attribute, the search index or a published SVG went unnoticed
(issue 20). This scanner reads every file of a site and reports, with the file and what was
found:

- HTML (and the HTML inside the JSON of the search index and of every other JSON file, which
  Material's search puts into the page as markup): an inline ``<script>`` or one whose
  source is not a script we ship, any ``on*`` attribute, a ``javascript:``, ``vbscript:`` or
  ``data:text/html`` URL in any attribute, ``srcdoc``, a refresh to such a URL, ``<base>``,
  ``<object>`` and ``<embed>``. The tags are read by :class:`html.parser.HTMLParser`, which
  tokenises like a browser's tokenizer for these cases (unquoted and minified attributes,
  ``<img/src=x/onerror=...>``, character references in URLs).
- SVG and XML: the same, plus ``<foreignObject>`` and a reference to anything outside the
  file (``href`` other than ``#...`` or an embedded raster image, ``url(...)`` or
  ``@import`` in styles): an SVG opened directly runs as a document of its own, which no
  page's Content-Security-Policy covers.
- JavaScript: every ``.js`` or ``.mjs`` file must be byte-identical to one we ship (our
  ``assets/`` and Material's), so a contributed script file is found wherever it lands.
- Zip and ZIM files (offline copies) are opened and their members scanned the same way.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import material

import courseware

_ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application/xhtml")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
"""What a browser removes from a URL before it reads the scheme (the URL standard strips
leading C0 controls and spaces, and removes tabs and newlines anywhere)."""

_PACKAGE = Path(courseware.__file__).parent
_SHIPPED_SCRIPT_FOLDERS = (
    _PACKAGE / "site" / "assets",
    _PACKAGE / "site" / "offline",
    _PACKAGE / "footprint" / "assets",
    Path(material.__file__).parent / "templates" / "assets",
)
_DATA_SCRIPT = re.compile(
    r"\A(?:/\*[^*]*\*/\s*)?window\.[A-Za-z_]\w*\s*=\s*(?P<json>.*?);?\s*\Z", re.S
)
"""A script the builder generates: one assignment of JSON data to a global (the
calculator's numbers, an offline copy's search index); its strings are scanned as HTML."""
_SVG_ELEMENTS_NEVER = {"script", "foreignobject", "iframe", "embed", "object", "handler"}
_EMBEDDED_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.I)
_STYLE_REFERENCE = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)", re.I)


def _shipped_script_digests() -> frozenset[str]:
    return frozenset(
        hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in _SHIPPED_SCRIPT_FOLDERS
        for path in folder.rglob("*")
        if path.suffix in {".js", ".mjs"} and path.is_file()
    )


SHIPPED_SCRIPTS = _shipped_script_digests()


def is_active_url(value: str) -> bool:
    """Whether ``value`` (an attribute's text, character references already decoded) runs
    script when followed."""
    return _INVISIBLE.sub("", value).lower().startswith(_ACTIVE_SCHEMES)


class _ActiveMarkup(HTMLParser):
    """Collects what would run: scripts, handlers, active URLs (and, for SVG, anything
    that reaches outside the file)."""

    def __init__(self, *, is_svg: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.is_svg = is_svg
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        local = tag.rpartition(":")[2].lower()
        values = {name.lower(): value or "" for name, value in attrs}
        if local == "script":
            kind = values.get("type", "").lower()
            if "json" in kind and not self.is_svg:
                pass  # data, not code (JSON-LD, Material's configuration)
            elif self.is_svg or "src" not in values:
                self.found.append(f"<{tag}> (inline script)")
        if local in {"object", "embed", "base", "applet"}:
            self.found.append(f"<{tag}>")
        if self.is_svg and local in _SVG_ELEMENTS_NEVER:
            self.found.append(f"<{tag}> in an SVG")
        if local == "style":
            self._in_style = True
        is_refresh = local == "meta" and values.get("http-equiv", "").lower() == "refresh"
        if is_refresh and is_active_url(values.get("content", "").partition("url=")[2]):
            self.found.append(f"<{tag} http-equiv=refresh> to {values['content']!r}")
        for name, value in values.items():
            local_name = name.rpartition(":")[2]
            if local_name.startswith("on"):
                self.found.append(f"<{tag} {name}=...> (event handler)")
            elif local_name == "srcdoc":
                self.found.append(f"<{tag} srcdoc=...>")
            elif is_active_url(value):
                self.found.append(f"<{tag} {name}={value!r}>")
            target = value.strip()
            is_inside = target.startswith("#") or bool(_EMBEDDED_IMAGE.match(target))
            if self.is_svg and local_name == "href" and target and not is_inside:
                self.found.append(f"<{tag} {name}={value!r}> (a reference outside the SVG)")
            if self.is_svg and name == "style" and _STYLE_REFERENCE.search(value):
                self.found.append(f"<{tag} style={value!r}> (a reference outside the SVG)")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.rpartition(":")[2].lower() == "style":
            self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag.rpartition(":")[2].lower() == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self.is_svg and self._in_style and _STYLE_REFERENCE.search(data):
            self.found.append(f"<style> with {data.strip()[:60]!r} (a reference outside the SVG)")

    def handle_decl(self, decl: str) -> None:
        if "<!ENTITY" in decl.upper() or "ENTITY" in decl.upper():
            self.found.append(f"<!{decl[:60]}> (entity declarations)")


def scan_markup(text: str, *, is_svg: bool = False) -> list[str]:
    """What would run in ``text`` (an HTML document or fragment, or an SVG)."""
    finder = _ActiveMarkup(is_svg=is_svg)
    finder.feed(text)
    finder.close()
    return finder.found


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def scan_json(text: str, *, as_markup: bool = True) -> list[str]:
    """What would run if each string of the JSON ``text`` became markup (``as_markup``:
    Material's search puts its index's titles and texts into the page as HTML), or a link.
    Our own data scripts' strings are shown with ``textContent`` (``bundle_search.js``),
    so for them only links count."""
    try:
        document = json.loads(text)
    except ValueError:
        return ["not JSON: " + text[:60]] + scan_markup(text)
    found = []
    for string in _strings(document):
        if as_markup:
            found += scan_markup(string)
        if is_active_url(string):
            found.append(f"a {string[:80]!r} URL")
    return found


_NOTEBOOK_MARKUP = {"text/html": False, "image/svg+xml": True}
"""Output kinds of a notebook that Jupyter shows as markup (SVG: a document of its own)."""


def scan_notebook(text: str) -> list[str]:
    """What a downloaded notebook's outputs would run when opened: its code and prose are
    text, its HTML and SVG outputs markup, a JavaScript output a script."""
    try:
        notebook = json.loads(text)
    except ValueError:
        return ["not a notebook: " + text[:60]]
    found = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            for kind, value in output.get("data", {}).items():
                content = "".join(value) if isinstance(value, list) else str(value)
                if kind in _NOTEBOOK_MARKUP:
                    found += scan_markup(content, is_svg=_NOTEBOOK_MARKUP[kind])
                elif "javascript" in kind:
                    found.append(f"a {kind} output")
    return found


def scan_file(name: str, data: bytes) -> list[str]:
    """What would run in the published file ``name`` with the bytes ``data``."""
    suffix = Path(name).suffix.lower()
    if suffix in {".js", ".mjs"}:
        if hashlib.sha256(data).hexdigest() in SHIPPED_SCRIPTS:
            return []
        generated = _DATA_SCRIPT.match(data.decode("utf-8", errors="replace"))
        if generated is None:
            return ["a script file courseware does not ship"]
        return scan_json(generated.group("json"), as_markup=False)
    if suffix == ".zim":
        return _scan_zim(data)
    if suffix == ".gz":
        return scan_file(name[: -len(".gz")], gzip.decompress(data))
    if suffix == ".zip":
        found = []
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                found += [f"{member}: {item}" for item in scan_file(member, archive.read(member))]
        return found
    text = data.decode("utf-8", errors="replace")
    if suffix in {".html", ".htm", ".xhtml"}:
        return scan_markup(text)
    if suffix in {".svg", ".svgz", ".xml", ".xsl", ".xslt"}:
        return scan_markup(text, is_svg=suffix != ".xml" or "<svg" in text)
    if suffix == ".ipynb":
        return scan_notebook(text)
    if suffix in {".json", ".webmanifest", ".map"}:
        return scan_json(text)
    if b"<" in data and suffix not in {".py", ".txt", ".csv", ".md", ".png", ".jpg"}:
        return scan_markup(text)
    return []


def _scan_zim(data: bytes) -> list[str]:
    """Each entry of a ZIM file (an offline copy for Kiwix), scanned by its path as a file
    of the site is; libzim's reader needs a file."""
    from libzim.reader import Archive  # test dependency (GPL-3.0-or-later, as the zim extra)

    found = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "copy.zim"
        path.write_bytes(data)
        archive = Archive(path)
        for number in range(archive.entry_count):
            entry = archive._get_entry_by_id(number)
            if entry.is_redirect:
                continue
            content = bytes(entry.get_item().content)
            found += [f"{entry.path}: {item}" for item in scan_file(entry.path, content)]
    return found


def active_content(site: Path) -> list[str]:
    """Every ``file: what`` in ``site`` that would run in a browser."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(site).as_posix()
            found += [f"{relative}: {item}" for item in scan_file(relative, path.read_bytes())]
    return found


def assert_nothing_active(site: Path) -> None:
    """No file in ``site`` holds a script, handler or active URL we did not ship."""
    found = active_content(site)
    assert not found, "active content in the published site:\n" + "\n".join(found[:40])
