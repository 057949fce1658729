"""Check the links and images of contributed Markdown against the staged site, with lines.

MkDocs (strict, validation raised to warnings) refuses a broken link too, but names only
the staged file and never the line; this check runs first, resolves links exactly as
MkDocs does (relative to the staged page), and names the contributed file, the line, and
the nearest existing pages.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.problem_codes import ProblemCode
from courseware.site.checks.markdown_scan import Link

_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:")
SAFE_SCHEMES = {"https", "mailto"}
"""The URL schemes the sanitizer keeps (``engine.sanitize.URL_SCHEMES``)."""

AnchorsOf = Callable[[str], frozenset[str] | None]
"""The anchors of a staged page, or None when they are unknown (the page did not render)."""


def check_link(
    link: Link, page: str, files: Iterable[str], anchors_of: AnchorsOf, source: str, line: int
) -> list[Problem]:
    """Check one link or image of the staged ``page`` (reported at ``source``:``line``).

    Args:
        files: every staged path (pages, assets, downloads).
        anchors_of: the anchors of a staged page, computed on demand.
    """
    target = link.target.strip()
    what = "image" if link.is_image else "link"
    if not target:
        if link.is_image:
            return []
        return [_error(source, line, "link with no target", codes.LINK_WITHOUT_TARGET)]
    if _SCHEME.match(target) or target.startswith("//"):
        return _check_external(target, what, source, line)
    if link.is_html:
        return []  # raw HTML is resolved against the built URL, not the page file
    parts = urlsplit(target)
    path = unquote(parts.path)
    if "\\" in path or "\x00" in path:
        message = f"{what} {target!r} has a backslash; use '/'"
        return [_error(source, line, message, codes.LINK_BACKSLASH)]
    if not path:
        return _check_anchor(page, parts.fragment, anchors_of, source, line, page)
    if path.startswith("/"):
        message = (
            f"absolute {what} {target!r} does not work once the site is published under a "
            "folder; write it relative to this page"
        )
        return [_error(source, line, message, codes.ABSOLUTE_LINK)]
    folder = posixpath.dirname(page)
    resolved = posixpath.normpath(posixpath.join(folder, path))
    if resolved == ".." or resolved.startswith("../"):
        message = f"{what} {target!r} leaves the site (the path escapes the content root)"
        return [_error(source, line, message, codes.LINK_LEAVES_SITE)]
    known = set(files)
    if resolved in known and not path.endswith("/"):
        if parts.fragment and resolved.endswith(".md"):
            return _check_anchor(resolved, parts.fragment, anchors_of, source, line, target)
        return []
    index = posixpath.join(resolved, "index.md") if resolved != "." else "index.md"
    if index in known:
        written = posixpath.relpath(index, folder)
        message = f"{what} {target!r} points at a folder; link to the page file {written!r}"
        return [_error(source, line, message, codes.LINK_TO_FOLDER)]
    hint = _nearest(path, folder, known)
    message = f"{what} {target!r} does not exist{hint}"
    return [_error(source, line, message, codes.BROKEN_LINK)]


def _check_external(target: str, what: str, source: str, line: int) -> list[Problem]:
    scheme = target.split(":", 1)[0].lower() if not target.startswith("//") else ""
    if scheme in SAFE_SCHEMES:
        return []
    if scheme == "http":
        message = f"{what} {target!r} uses http; use https if the site offers it"
        return [_warning(source, line, message, codes.HTTP_LINK)]
    shown = f"{scheme}:" if scheme else "a scheme-relative URL"
    message = (
        f"{what} {target!r}: {shown} is removed from published pages; "
        "link to an https address instead"
    )
    return [_warning(source, line, message, codes.REMOVED_LINK_SCHEME)]


def _check_anchor(
    page: str, fragment: str, anchors_of: AnchorsOf, source: str, line: int, written: str
) -> list[Problem]:
    if not fragment:
        return []
    anchors = anchors_of(page)
    if anchors is None or unquote(fragment) in anchors:
        return []
    nearest = difflib.get_close_matches(unquote(fragment), sorted(anchors), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join('#' + a for a in nearest)}?" if nearest else ""
    where = "this page" if written == page else repr(written.split("#", 1)[0])
    message = f"anchor '#{fragment}' is not a heading or id of {where}{hint}"
    return [_error(source, line, message, codes.UNKNOWN_ANCHOR)]


def _nearest(path: str, folder: str, known: set[str]) -> str:
    """The three existing targets closest to ``path``, written relative to the page."""
    pages = sorted(
        posixpath.relpath(name, folder or ".")
        for name in known
        if name.endswith(".md") == path.endswith(".md") and not _is_translation(name)
    )
    nearest = difflib.get_close_matches(path, pages, n=3, cutoff=0.5)
    return f"; nearest: {', '.join(nearest)}" if nearest else ""


def _is_translation(name: str) -> bool:
    """``index.es.md`` is a translation (mkdocs-static-i18n suffix); links name ``index.md``."""
    stem = posixpath.basename(name)[: -len(".md")] if name.endswith(".md") else ""
    suffix = stem.rpartition(".")[2] if "." in stem else ""
    return 2 <= len(suffix) <= 3 and suffix.isalpha() and suffix.islower()


def _error(source: str, line: int, message: str, code: ProblemCode) -> Problem:
    return Problem(source, line, None, message, code=code)


def _warning(source: str, line: int, message: str, code: ProblemCode) -> Problem:
    return Problem(source, line, None, message, severity="warning", code=code)
