"""Write a built offline copy as a ZIM file, the format Kiwix reads.

Phones and school hotspots read offline content through Kiwix (Kiwix for Android, kiwix-serve
on a Raspberry Pi), which opens ZIM files (https://wiki.openzim.org/wiki/ZIM_file_format), not
folders or zips. The ZIM holds the same built copy as the zip, file for file under the same
relative paths: kiwix-serve serves an entry ``modules/x/index.html`` at
``/<book>/modules/x/index.html`` (Debian 12's kiwix-serve 3.3) or
``/content/<book>/modules/x/index.html`` (later versions), and the copy's links are all
relative, so they work under either.

Search: every page but the copy's own search page carries its title (the page's ``h1``) and
the text of its article (without navigation, scripts or permalink marks) as libzim index data,
so Kiwix's full-text search (a Xapian index inside the file) and its title suggestions find
pages by what they say, not by the navigation every page repeats.

Licence: the writer is python-libzim (PyPI ``libzim``, https://github.com/openzim/python-libzim),
GPL-3.0-or-later. It is copyleft, so it is an optional extra (``pip install 'courseware[zim]'``)
that the package never requires: without it, ``courseware bundle --format zim`` stops with one
line naming the extra, and ``courseware build`` offers the zip alone.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import sys
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from courseware.errors import UsageError

TAGS = "_ftindex:yes;_pictures:yes;_videos:no;_details:yes"
"""What readers may expect inside (https://wiki.openzim.org/wiki/Tags): a full-text index,
figures, no videos, whole pages; Kiwix shows ``_ftindex:no`` where the file says nothing."""
ZIM_EXTRA = "zim"
"""The optional extra of ``pyproject.toml`` that installs python-libzim."""
ILLUSTRATION_SIZE = 48
"""The illustration Kiwix shows in its library: a 48×48 PNG, ``Illustration_48x48@1``
(https://wiki.openzim.org/wiki/Metadata)."""

_MIMETYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ipynb": "application/x-ipynb+json",
    ".py": "text/x-python",
    ".whl": "application/zip",
    ".txt": "text/plain",
}
"""Types by extension, so that an entry's type does not depend on the machine's mime table
(``mimetypes`` reads ``/etc/mime.types`` where it exists)."""
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
"""Types worth compressing; images, fonts and wheels are compressed already."""
_SKIPPED = {"script", "style", "template", "noscript"}
_BREAKS = {"p", "li", "td", "th", "dt", "dd", "br", "div", "tr", "pre", "blockquote", "h2", "h3"}


class MissingZimWriter(UsageError):
    """python-libzim is not installed: the ZIM format is an optional extra."""

    def __init__(self) -> None:
        super().__init__(
            "the ZIM format needs python-libzim (GPL-3.0), an optional extra: "
            f"pip install 'courseware[{ZIM_EXTRA}]'"
        )


def is_zim_writer_installed() -> bool:
    """True when python-libzim's writer imports (a broken or blocked install counts as
    missing, so the error names the extra rather than showing a traceback)."""
    try:
        import libzim.writer  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True)
class ZimMetadata:
    """The metadata a ZIM carries for the reader's library (https://wiki.openzim.org/wiki/Metadata)."""

    name: str
    """``{project}_{lang}_{selection}``, the same for every edition of the file."""
    title: str
    language: str
    """ISO 639-3, as the ZIM format requires (``eng``, ``spa``, ``ara``)."""
    description: str
    """At most 80 characters."""
    long_description: str | None
    creator: str
    publisher: str
    date: str
    """``YYYY-MM-DD``."""

    def text_entries(self) -> dict[str, str]:
        """The text metadata by ZIM name (the illustration is added on its own)."""
        entries = {
            "Name": self.name,
            "Title": self.title,
            "Language": self.language,
            "Description": self.description,
            "Creator": self.creator,
            "Publisher": self.publisher,
            "Date": self.date,
            "Tags": TAGS,
        }
        if self.long_description:
            entries["LongDescription"] = self.long_description
        return entries


@dataclass(frozen=True)
class PageText:
    """What the full-text index knows of one page."""

    title: str
    text: str


class _PageTextParser(HTMLParser):
    """The first ``h1`` and the text inside ``<article>`` of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.text_parts: list[str] = []
        self.head_title: list[str] = []
        self._article_depth = 0
        self._in_h1 = False
        self._h1_done = False
        self._in_head_title = False
        self._skipped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._skipped or tag in _SKIPPED or "headerlink" in classes:
            self._skipped.append(tag)
            return
        if tag == "title":
            self._in_head_title = True
        elif tag == "article":
            self._article_depth += 1
        elif tag == "h1" and self._article_depth and not self._h1_done:
            self._in_h1 = True
        if tag in _BREAKS:
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skipped:
            if tag == self._skipped[-1]:
                self._skipped.pop()
            return
        if tag == "title":
            self._in_head_title = False
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "h1" and self._in_h1:
            self._in_h1 = False
            self._h1_done = True
        if tag in _BREAKS:
            self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        if self._skipped:
            return
        if self._in_head_title:
            self.head_title.append(data)
        if self._in_h1:
            self.title_parts.append(data)
        elif self._article_depth:
            self.text_parts.append(data)


def _clean(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def page_text(html: str) -> PageText:
    """The title (the article's first ``h1``, else ``<title>``) and the article's text of a
    built page."""
    parser = _PageTextParser()
    parser.feed(html)
    parser.close()
    return PageText(
        title=_clean(parser.title_parts) or _clean(parser.head_title),
        text=_clean(parser.text_parts),
    )


def entry_mimetype(path: str) -> str:
    """The type an entry is served with."""
    suffix = Path(path).suffix.lower()
    return _MIMETYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def _files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file under ``folder`` by relative path, sorted; links are never followed."""
    paths = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    for path in sorted(paths, key=lambda p: p.relative_to(folder).as_posix()):
        yield path.relative_to(folder).as_posix(), path


def write_zim(
    folder: Path,
    metadata: ZimMetadata,
    illustration_png: bytes,
    *,
    main_path: str = "index.html",
    not_indexed: Collection[str] = (),
) -> bytes:
    """Return a ZIM of every file under ``folder`` (a built offline copy), with a full-text
    index in the metadata's language.

    Args:
        illustration_png: the 48×48 PNG Kiwix shows in its library.
        main_path: the entry Kiwix opens first (the copy's syllabus).
        not_indexed: HTML entries left out of search and suggestions (the copy's own
            search page, which has nothing to find).

    Raises:
        MissingZimWriter: python-libzim is not installed.
    """
    if not is_zim_writer_installed():
        raise MissingZimWriter()
    from libzim.writer import Creator

    from courseware.site.offline.zim_entries import FileEntry

    with tempfile.TemporaryDirectory(prefix="courseware-zim-") as temporary, _quiet_stdout():
        target = Path(temporary) / "copy.zim"
        creator = Creator(target).config_verbose(False).config_indexing(True, metadata.language)
        with creator:
            creator.set_mainpath(main_path)
            creator.add_illustration(ILLUSTRATION_SIZE, illustration_png)
            for name, value in metadata.text_entries().items():
                creator.add_metadata(name, value)
            for relative, path in _files(folder):
                content = path.read_bytes()
                mimetype = entry_mimetype(relative)
                text = None
                if mimetype == "text/html" and relative not in not_indexed:
                    text = page_text(content.decode("utf-8", "replace"))
                compress = mimetype.startswith(_COMPRESSED_TYPES)
                creator.add_item(FileEntry(relative, content, mimetype, text, compress))
        return target.read_bytes()


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence what libzim prints on standard output as it finishes a file ("ZIM file is
    ready!", even with ``config_verbose(False)``), which would mix with the command's own
    report. The descriptor is redirected, since libzim writes to it from C++."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
