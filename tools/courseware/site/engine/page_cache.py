"""Pages MkDocs converted in an earlier build, or for an earlier language of this build, kept
under ``.cache/pages/`` and reused instead of converting their Markdown again.

A language whose inputs changed is rebuilt by a fresh MkDocs run (``language_builds``), in a
new process; without this cache every page of it was converted from Markdown again, though
one page changed. Converting is about half of MkDocs' time per page (profile of a cold build
of ``bench/synthetic_project.py``: 16.6 s of 37.6 s in ``Page.render``, 7.4 s in Material's
search indexing of the HTML). Both are kept here:

- a page's conversion (``Page.render``: its HTML, table of contents, title from the first
  heading and anchors), keyed by everything the conversion reads: the Markdown body after
  every plugin's ``on_page_markdown``, the page's place (source, destination, URL), the
  Markdown extensions and their settings (the footnotes' back-link title, set per page, is
  one), the link validation settings, our code and every installed package's version;
- the search entries Material's index makes of a converted page, keyed by the page's HTML,
  table of contents, URL, title and metadata.

Links: the conversion resolves each relative link against the other files of the run; what
every lookup found (the target's source and URL, or nothing) is kept with the entry and
compared before reusing it, so a page whose link target appeared, vanished or moved is
converted again even though its own text did not change. What MkDocs logged while converting
(a broken link's warning) is kept too and logged again on reuse, so a strict build fails the
same way with or without the cache. A body shown by several languages (a fallback page, an
untranslated lab) has the same key in each language's run, so it is converted once and
reused by the others.

Layout (one cache infrastructure with the others under ``.cache/``, written atomically)::

    .cache/pages/entries/<key>.json.z   zlib-compressed JSON, a few variants per key
    .cache/pages/used/<code>.json       keys the last run of that language used, and the
                                        pages it converted (for tests and the bench)
    .cache/pages/templates/             the theme's templates compiled by Jinja (its own
                                        bytecode cache, checked against each source)

After a full build, entries no language used in its last run are removed (``prune``).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from courseware.atomic_files import write_atomically
from courseware.fingerprints import Fingerprint
from courseware.project_paths import CACHE_DIR
from courseware.site.engine.template_cache import COMPILED_TEMPLATES

PAGE_CACHE_DIR = CACHE_DIR / "pages"
CACHE_VERSION = "page-render-1"
"""Bumped when what an entry holds, or how it is restored, changes."""
VARIANTS_KEPT = 4
"""Variants of one key (the same body with its links resolving differently, as in two
languages' runs) kept side by side, so the languages do not evict each other's entry."""
_ENTRIES = "entries"
_TEMPLATES = "templates"
_NOTICES = re.compile(r'\A\s*(?:<p class="cw-notice[^"<>]*" role="note">[^<]*</p>\n\n)+')
_NOTICE = re.compile(r"<p [^\n]*</p>")
"""The notices a page opens with (``render.notices``: "shown in English", in the reader's
language); their text is escaped, so holds no ``<``."""
_USED = "used"


@functools.cache
def _salt() -> str:
    """What every entry depends on besides its page: our code and the installed packages
    (Python-Markdown, MkDocs, Material, pymdown-extensions)."""
    return Fingerprint(CACHE_VERSION).add_code().add_packages().hexdigest()


def _plain(value: Any) -> Any:
    """``value`` as JSON: MkDocs' nested ``Config`` objects as dicts, sets sorted."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(str(item) for item in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _file_identity(file: Any) -> list[str] | None:
    """What a link lookup found, as far as the converted HTML can depend on it."""
    if file is None:
        return None
    return [file.src_uri, file.dest_uri, file.url, file.inclusion.name]


class _RecordingFiles:
    """MkDocs' ``Files`` as the conversion sees them, noting every lookup and its answer."""

    def __init__(self, files: Any) -> None:
        self._files = files
        self.lookups: dict[str, list[str] | None] = {}

    def get_file_from_path(self, path: str) -> Any:
        found = self._files.get_file_from_path(path)
        self.lookups[path] = _file_identity(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


class _LogRecorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[list[Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])


@contextmanager
def _recorded_logs() -> Iterator[list[list[Any]]]:
    """What MkDocs logs inside the block, as ``[logger, level, message]``."""
    recorder = _LogRecorder()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(recorder)
    try:
        yield recorder.records
    finally:
        logger.removeHandler(recorder)


def _toc_items(items: Any) -> list[dict[str, Any]]:
    return [
        {"title": i.title, "id": i.id, "level": i.level, "children": _toc_items(i.children)}
        for i in items
    ]


def _toc_from_items(items: list[dict[str, Any]]) -> Any:
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    def link(item: dict[str, Any]) -> Any:
        anchor = AnchorLink(item["title"], item["id"], item["level"])
        anchor.children = [link(child) for child in item["children"]]
        return anchor

    return TableOfContents([link(item) for item in items])


class CompiledTemplates(BytecodeCache):
    """Compiled templates in this process (``template_cache.COMPILED_TEMPLATES``, shared by
    the languages one worker builds), else on disk, so that a new process does not compile
    Material's templates again (1.5 s of a one-language rebuild, profiled). Jinja keys each
    by the template's name and checks its source's hash, so an edited template is compiled
    afresh."""

    def __init__(self, folder: Path) -> None:
        self.memory = COMPILED_TEMPLATES
        self.disk = FileSystemBytecodeCache(str(folder))
        folder.mkdir(parents=True, exist_ok=True)

    def load_bytecode(self, bucket: Bucket) -> None:
        self.memory.load_bytecode(bucket)
        if bucket.code is None:
            self.disk.load_bytecode(bucket)
            if bucket.code is not None:
                self.memory.dump_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory.dump_bytecode(bucket)
        with suppress(OSError):
            self.disk.dump_bytecode(bucket)


class PageCache:
    """One MkDocs run's view of the cache: reads entries, writes new ones, notes what it used.

    Args:
        folder: the cache folder (``root/.cache/pages``).
        language: the run's language, naming its record of used keys.
    """

    def __init__(self, folder: Path, language: str) -> None:
        self.folder = folder
        self.language = language
        self.used: set[str] = set()
        self.pages: dict[str, str] = {}
        """Each page's conversion key: one key for a body that several languages show."""
        self.converted: list[str] = []
        """Source paths of the pages this run converted (not restored)."""
        self.restored = 0

    def templates(self) -> CompiledTemplates:
        """The bytecode cache for this run's Jinja environment."""
        return CompiledTemplates(self.folder / _TEMPLATES)

    def _path(self, key: str) -> Path:
        return self.folder / _ENTRIES / f"{key}.json.z"

    def _read(self, key: str) -> list[dict[str, Any]]:
        try:
            data = json.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, ValueError, zlib.error):
            return []
        return data if isinstance(data, list) else []

    def _write(self, key: str, variants: list[dict[str, Any]]) -> None:
        data = zlib.compress(json.dumps(variants, ensure_ascii=False).encode("utf-8"), 1)
        # A cache that cannot be written costs a conversion next time, nothing more.
        with suppress(OSError):
            write_atomically(self._path(key), data, durable=False)

    def page_key(self, page: Any, config: Any, body: str) -> str:
        """Everything a page's conversion reads, except the link lookups (checked apart) and
        the notices before ``body``."""
        file = page.file
        extensions = _plain(config["mdx_configs"])
        if "[^" not in body and isinstance(extensions.get("footnotes"), dict):
            # No footnote: the back-links' title, set per page in the reader's language,
            # appears nowhere, and a body several languages show gets one key.
            extensions["footnotes"].pop("BACKLINK_TITLE", None)
        return (
            Fingerprint("page", _salt())
            .add_text(body)
            .add_json(
                _plain(
                    [
                        file.src_uri,
                        file.dest_uri,
                        file.url,
                        file.inclusion.name,
                        page.meta,
                        config["markdown_extensions"],
                        extensions,
                        config["use_directory_urls"],
                        config["validation"],
                        logging.getLogger("mkdocs").getEffectiveLevel(),
                    ]
                )
            )
            .hexdigest()
        )

    def wrap_render(self, page: Any) -> None:
        """Make ``page.render`` restore the page from the cache when it can, and otherwise
        convert it and keep the result."""
        original = page.render

        def render(config: Any, files: Any) -> None:
            notices = _NOTICES.match(page.markdown)
            prefix = notices.group(0) if notices else ""
            # Python-Markdown passes a raw HTML block through as it is, one line per block.
            notices_html = "".join(f"{notice}\n" for notice in _NOTICE.findall(prefix))
            key = self.page_key(page, config, page.markdown[len(prefix) :])
            self.used.add(key)
            self.pages[page.file.src_uri] = key
            variants = self._read(key)
            for variant in variants:
                if variant.get("notices") in (None, prefix) and all(
                    _file_identity(files.get_file_from_path(path)) == found
                    for path, found in variant["lookups"].items()
                ):
                    _restore(page, variant, files, notices_html)
                    self.restored += 1
                    return
            recording = _RecordingFiles(files)
            with _recorded_logs() as records:
                original(config, recording)
            self.converted.append(page.file.src_uri)
            variant = _variant(page, recording.lookups, records)
            if variant["content"].startswith(notices_html):
                # The body's HTML without the notices: the same in every language that
                # shows this body, so the others reuse it.
                variant["content"] = variant["content"][len(notices_html) :]
            else:
                variant["notices"] = prefix  # reused only under the very same notices
            self._write(key, [variant, *variants][:VARIANTS_KEPT])

        page.render = render

    def wrap_search(self, index: Any) -> None:
        """Make Material's ``SearchIndex.add_entry_from_context`` reuse the entries it made
        of the same converted page before."""
        original = index.add_entry_from_context

        def add_entry_from_context(page: Any) -> None:
            key = (
                Fingerprint("search", _salt())
                .add_text(page.content or "")
                .add_json(_plain([page.url, page.title, page.meta, _toc_items(page.toc)]))
                .hexdigest()
            )
            self.used.add(key)
            found = self._read(key)
            if found and isinstance(found[0], dict) and "entries" in found[0]:
                index.entries.extend(found[0]["entries"])
                return
            before = len(index.entries)
            original(page)
            added = index.entries[before:]
            try:
                json.dumps(added)
            except (TypeError, ValueError):
                return  # an entry JSON cannot hold is recomputed every time
            self._write(key, [{"entries": added}])

        index.add_entry_from_context = add_entry_from_context

    def save_used(self) -> None:
        """Record the keys this run used, so that ``prune`` keeps them."""
        record = {
            "keys": sorted(self.used),
            "converted": sorted(self.converted),
            "pages": self.pages,
        }
        with suppress(OSError):
            write_atomically(
                self.folder / _USED / f"{self.language}.json",
                json.dumps(record).encode("utf-8"),
                durable=False,
            )


def _variant(page: Any, lookups: dict[str, Any], records: list[list[Any]]) -> dict[str, Any]:
    links = page.links_to_anchors
    return {
        "lookups": lookups,
        "logs": records,
        "content": page.content,
        "toc": _toc_items(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": None
        if links is None
        else [[target.src_uri, dict(found)] for target, found in links.items()],
    }


def _restore(page: Any, variant: dict[str, Any], files: Any, notices_html: str) -> None:
    """Set what ``Page.render`` sets, from an entry, and log what the conversion logged."""
    for name, level, message in variant["logs"]:
        logging.getLogger(name).log(level, message)
    split = variant.get("notices") is None
    page.content = (notices_html if split else "") + variant["content"]
    page.toc = _toc_from_items(variant["toc"])
    page._title_from_render = variant["title"]
    page.present_anchor_ids = set(variant["anchors"])
    links = variant["links_to_anchors"]
    if links is not None:
        page.links_to_anchors = {files.get_file_from_path(source): found for source, found in links}


def _record(folder: Path, language: str) -> dict[str, Any] | None:
    try:
        record = json.loads((folder / _USED / f"{language}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def converted_pages(folder: Path, language: str) -> list[str] | None:
    """The pages the last run of ``language`` converted (None: no record)."""
    record = _record(folder, language)
    return None if record is None else list(record.get("converted", []))


def conversion_keys(folder: Path, language: str) -> dict[str, str]:
    """Each page's conversion key in the last run of ``language``: a page of two languages
    with the same key was converted once (or restored by both)."""
    record = _record(folder, language) or {}
    return dict(record.get("pages", {}))


def prune(folder: Path, languages: list[str]) -> None:
    """Remove the entries none of ``languages``' last runs used, and the records of other
    languages (a language no longer declared)."""
    keep: set[str] = set()
    used = folder / _USED
    if not used.is_dir():
        return
    for record in used.glob("*.json"):
        if record.stem not in languages:
            record.unlink(missing_ok=True)
            continue
        try:
            keep.update(json.loads(record.read_text(encoding="utf-8")).get("keys", []))
        except (OSError, ValueError):
            return  # cannot tell what is used: keep everything
    entries = folder / _ENTRIES
    if not entries.is_dir():
        return
    for entry in entries.iterdir():
        if entry.name.endswith(".json.z") and entry.name[: -len(".json.z")] not in keep:
            entry.unlink(missing_ok=True)
