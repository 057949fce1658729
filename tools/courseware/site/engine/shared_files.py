"""Files every language shares, kept once in the site: at its root, in the source language's tree.

Each language is its own MkDocs run (``language_builds``), and every run copies the theme's
assets, ours (``assets/courseware/``), the offline copies (``bundles/``), the labs'
downloads and every other static file into its own tree: the same bytes five times over, and
a reader who switches language fetched every stylesheet and script again under the new
language's folder. A language other than the source one sits one folder below the root
(``es/``), and its static files are the root's, byte for byte, except its own lab folders
(``labs/<id>-es/``), which mostly hold the source lab's figures and downloads again. So its
run points each page's links to such files at the root's copy and removes its own: what is
left in ``es/`` is its pages, its search index and what its labs have of their own.

The links are rewritten in the finished HTML, not in MkDocs' URL computation, because the
pages also carry links the builder wrote itself (a table filter's script, a track's bundle)
and MkDocs checks every Markdown link against the files of the run, which must therefore
still hold them. Absolute URLs (the not-found page's) already point at the root.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from urllib.parse import quote, unquote

_URL_ATTRIBUTE = re.compile(r'(?P<lead>\s(?:href|src)=")(?P<url>[^"]*)"')
_SEARCH_WORKER = re.compile(r'(?P<lead>"search":\s*")(?P<url>[^"]*)"')
_CONFIG_SCRIPT = re.compile(
    r'(?P<open><script id="__config" type="application/json">)(?P<json>.*?)(?P<close></script>)',
    re.DOTALL,
)
"""Material's page configuration, whose ``search`` entry is the search worker's URL."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

_SOURCE_MAP = re.compile(r"\.map$")
_LUNR_LANGUAGE = re.compile(r"^assets/javascripts/lunr/min/lunr\.(?P<code>[a-z]+)\.min\.js$")
_LUNR_HELPERS = {"stemmer", "multi"}
_LUNR_SEGMENTERS = {
    "assets/javascripts/lunr/tinyseg.js": {"ja"},
    "assets/javascripts/lunr/wordcut.js": {"hi", "th"},
}
"""Material's search worker loads ``lunr.<code>.min.js`` for each searched language, after
``lunr.stemmer.support`` (and ``lunr.multi`` for several), plus a word segmenter for
Japanese, Hindi and Thai (``src/templates/assets/javascripts/integrations/search/worker``
of mkdocs-material, ``setupSearchLanguages``)."""


def static_file_language(name: str, codes: Collection[str]) -> str | None:
    """The language a staged static file belongs to, or None when every language uses it.

    Only a lab's translation has a folder of its own (``labs/<id>-<code>/``); every other
    static file (theme assets, ours, bundles, a lab's source downloads, images) is the same
    for every language.
    """
    parts = name.split("/")
    if len(parts) > 2 and parts[0] == "labs":
        folder_language = parts[1].rpartition("-")[2]
        if folder_language in codes:
            return folder_language
    return None


def is_unused_theme_file(name: str, codes: Collection[str]) -> bool:
    """A theme file no page of the site loads: source maps (only a browser's developer tools
    ask for them), and search languages and word segmenters for languages the site does not
    have."""
    if _SOURCE_MAP.search(name):
        return True
    lunr = _LUNR_LANGUAGE.match(name)
    if lunr:
        code = lunr.group("code")
        return code not in _LUNR_HELPERS and code not in codes
    segmenter_languages = _LUNR_SEGMENTERS.get(name)
    return segmenter_languages is not None and not segmenter_languages & set(codes)


def find_root_copies(shared: Mapping[str, Path], own: Mapping[str, Path]) -> dict[str, str]:
    """Which file of the site's root each of a language's files can be replaced by.

    Every shared file is its own root copy. A file of the language's own (a lab folder's)
    whose bytes are a shared file's is replaced by that file, the first by name: an
    untranslated lab shows the source lab's figures and downloads under its language's
    folder, and a translated one the source's figures.

    Args:
        shared: the shared files (``static_file_language`` is None), by their path in the
            language's tree, with where they are on disk.
        own: the language's own static files, likewise.
    """
    copies = {name: name for name in shared}
    sizes = {path.stat().st_size for path in own.values()}
    by_digest: dict[str, str] = {}
    for name in sorted(shared):
        if shared[name].stat().st_size in sizes:
            by_digest.setdefault(_digest(shared[name]), name)
    for name, path in own.items():
        original = by_digest.get(_digest(path)) if by_digest else None
        if original is not None:
            copies[name] = original
    return copies


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def root_url(url: str, page_uri: str, root_copies: Mapping[str, str]) -> str:
    """``url``, found on the page ``page_uri`` of a language tree one folder below the root,
    pointed at the root's copy when it names a file that has one; otherwise unchanged.

    Args:
        url: an ``href`` or ``src`` as the page has it.
        page_uri: the page's file within its language's tree (``labs/x/index.html``).
        root_copies: the language tree's files that have a root copy, with its path from
            the root (``find_root_copies``), both URL-decoded.
    """
    if not url or url.startswith(("#", "/")) or _SCHEME.match(url):
        return url
    cut = min((url.find(mark) for mark in "?#" if mark in url), default=len(url))
    path, rest = url[:cut], url[cut:]
    folder = posixpath.dirname(page_uri)
    target = posixpath.normpath(posixpath.join(folder, path))
    original = None if target.startswith("../") else root_copies.get(unquote(target))
    if original is None:
        return url
    if original != unquote(target):
        target = quote(original)
    depth = folder.count("/") + 1 if folder else 0
    return "../" * (depth + 1) + target + rest


def point_at_root_copies(html: str, page_uri: str, root_copies: Mapping[str, str]) -> str:
    """A built page of a language below the root with every link to a shared file (``href``,
    ``src``, and the search worker in Material's page configuration) pointed at the root's
    copy."""

    def attribute(match: re.Match[str]) -> str:
        return f'{match.group("lead")}{root_url(match.group("url"), page_uri, root_copies)}"'

    def config(match: re.Match[str]) -> str:
        json = _SEARCH_WORKER.sub(attribute, match.group("json"))
        return f"{match.group('open')}{json}{match.group('close')}"

    return _CONFIG_SCRIPT.sub(config, _URL_ATTRIBUTE.sub(attribute, html))


def remove_shared_files(site_dir: Path, replaced: Iterable[str]) -> None:
    """Remove the files a language's run wrote into ``site_dir`` that its pages now take from
    the root, and the folders that leaves empty."""
    folders: set[Path] = set()
    for name in replaced:
        path = site_dir / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
            folders.update(path.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_relative_to(site_dir) and folder != site_dir and not any(folder.iterdir()):
            folder.rmdir()
