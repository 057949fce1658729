"""File-level rules for content folders: file names, file sizes, and URL collisions.

MkDocs maps ``foo.md`` and ``foo/index.md`` to the same URL and silently keeps one; pairs
that differ only in case or Unicode normalisation clobber each other on macOS, Windows and
case-insensitive hosts; ``#``, ``?`` and ``%`` in a name break every link to it; invisible
characters make two names look alike (``tests/faults/cases.py`` has a case of each).
"""

from __future__ import annotations

import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.load import CONTENT_FOLDERS
from courseware.site.staging import MAX_PAGE_BYTES, StagedSource
from courseware.yamlsafe import MAX_FILE_BYTES, display_path

MAX_IMAGE_BYTES = 300 * 1024
"""Images over this size are refused (a limit chosen for this project: pages stay light on
slow, metered connections)."""

MAX_OTHER_BYTES = 1024 * 1024
"""Any other content file (data sets, downloads); larger ones belong on a data host."""

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}
_SIZE_LIMITS = {".md": MAX_PAGE_BYTES, ".yaml": MAX_FILE_BYTES, ".yml": MAX_FILE_BYTES}
_NAME_CHARACTERS = {
    " ": "a space (use '-' between words)",
    "#": "'#', which starts a link's anchor",
    "?": "'?', which starts a link's query",
    "%": "'%', which starts an escaped character in a link",
    "\\": "a backslash",
    ":": "':', which Windows does not allow",
    "*": "'*', which Windows does not allow",
    '"': "'\"', which Windows does not allow",
    "<": "'<', which Windows does not allow",
    ">": "'>', which Windows does not allow",
    "|": "'|', which Windows does not allow",
}
_SKIPPED_SUFFIXES = {".py"}
"""Labs are size-checked by the lab reader (``labs.source.MAX_LAB_BYTES``)."""


def printable_path(path: str) -> str:
    """``path`` with invisible and control characters written as ``\\u202e``."""
    return "".join(f"\\u{ord(c):04x}" if _is_invisible(c) else c for c in path)


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} or (
        char.isspace() and char != " "
    )


def check_content_files(root: Path) -> list[Problem]:
    """File names and sizes of everything in the content folders (links are not followed;
    ``find_symlinks`` reports them)."""
    problems: list[Problem] = []
    for folder in CONTENT_FOLDERS:
        base = root / folder
        if base.is_symlink() or not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
            dirnames.sort()
            for name in sorted(dirnames + filenames):
                path = Path(dirpath, name)
                relative = printable_path(display_path(path, root))
                problems += check_file_name(name, relative)
                if name in filenames and not path.is_symlink():
                    problems += _check_size(path, relative)
    return problems


def check_file_name(name: str, relative: str) -> list[Problem]:
    """Names become URLs: refuse characters that break links or hide what a name says."""
    for char in name:
        if char in _NAME_CHARACTERS:
            message = f"file name contains {_NAME_CHARACTERS[char]}; rename it"
            return [Problem(relative, None, None, message, code=codes.UNSAFE_FILE_NAME)]
        if _is_invisible(char):
            message = (
                f"file name contains the invisible character U+{ord(char):04X}; "
                "rename it with visible letters, digits and '-'"
            )
            return [Problem(relative, None, None, message, code=codes.UNSAFE_FILE_NAME)]
    return []


def _check_size(path: Path, relative: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix in _SKIPPED_SUFFIXES:
        return []
    size = path.lstat().st_size
    if suffix in _SIZE_LIMITS:
        limit = _SIZE_LIMITS[suffix]
        advice = "split it"
    elif suffix in IMAGE_SUFFIXES:
        limit = MAX_IMAGE_BYTES
        advice = "compress or scale it down (an 800-pixel-wide WebP or PNG is plenty)"
    else:
        limit = MAX_OTHER_BYTES
        advice = "host it elsewhere (a data repository such as Zenodo) and link to it"
    if size <= limit:
        return []
    message = f"file is {size} bytes, over the {limit}-byte limit; {advice}"
    return [Problem(relative, None, None, message, code=codes.FILE_TOO_LARGE)]


def check_url_collisions(
    files: Iterable[str], sources: Mapping[str, StagedSource], languages: Iterable[str]
) -> list[Problem]:
    """Report staged pages that would be published at the same URL.

    URLs are compared case-folded and NFC-normalised, because hosts and checkouts on macOS
    and Windows do not tell those apart.
    """
    language_codes = set(languages)
    by_url: dict[str, list[str]] = defaultdict(list)
    for name in sorted(files):
        if name.endswith(".md"):
            by_url[_url_key(name, language_codes)].append(name)
    problems: dict[str, Problem] = {}
    for url, names in sorted(by_url.items(), key=lambda item: (item[0].count("/"), item[0])):
        if len(names) < 2:
            continue
        origins = [sources[n].source if n in sources else f"the generated page {n}" for n in names]
        blamed = next((sources[n].source for n in names if n in sources), origins[0])
        others = ", ".join(sorted({o for o in origins if o != blamed})) or "another page"
        message = (
            f"becomes the same address /{url} as {others}; rename one of them "
            "(addresses ignore case and accents' encoding)"
        )
        # Once per file (at its source-language address), not once per language.
        problem = Problem(printable_path(blamed), None, None, message, code=codes.URL_COLLISION)
        problems.setdefault(blamed, problem)
    return list(problems.values())


def _url_key(name: str, language_codes: set[str]) -> str:
    """The address a staged page is published at (``foo.md`` and ``foo/index.md``: ``foo/``)."""
    stem = name[: -len(".md")]
    base, dot, suffix = stem.rpartition(".")
    prefix = ""
    if dot and suffix in language_codes:
        stem, prefix = base, f"{suffix}/"
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return unicodedata.normalize("NFC", prefix + stem).casefold()
