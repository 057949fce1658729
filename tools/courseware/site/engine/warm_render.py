"""Re-render only the pages whose staged Markdown changed, in the process that served the
last full build (``courseware serve``; issue 19, item 2).

A full MkDocs build of every language takes many seconds; the edit of one module's text
changes one or a few staged files. MkDocs 1.6 builds a page in two steps
(``mkdocs.commands.build._populate_page``: Markdown to HTML with the plugins' page events;
``_build_page``: the theme's template with the navigation, written to the page's
destination). mkdocs-static-i18n builds every language with the same configuration object,
calling every plugin's ``on_config`` before each language (its own ``on_config`` first
resets the configuration to the original and applies that language's overrides), so a
language's state is the one its build had after ``on_config`` runs again for it.

So during a full build every ``_build_page`` call is recorded with the language being built
and its arguments (the language's Files, Navigation and Jinja environment). On a change:

- the staged tree is compared with the last one (what ``write_staged`` rewrote);
- when only pages' Markdown changed, and each changed file is a page recorded in the last
  build, each such page is rebuilt in each language that shows it (a fallback page is the
  source file shown in several languages) with that language's configuration, files,
  navigation and templates kept from the full build;
- when a rebuilt page's title changed, every recorded page of that language is rebuilt too
  (warm as well): the navigation, and the previous and next links, of every page show it,
  and they hold the same page objects, now with the new title;
- anything else (a file added or removed, a non-page file, or an error) falls back to a full
  build.

The search index and the sitemap are left as the last full build wrote them; the next full
build brings them up to date. A page is assumed to depend on its own staged file and on
other pages' titles only: a Markdown extension that includes other files (``snippets``),
which the project's ``mkdocs.yml`` does not enable, would break that.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from courseware.fingerprints import FileStates, file_states

log = logging.getLogger("courseware.serve")

Snapshot = FileStates

_NO_TITLE = object()
"""A page whose title nothing set before rendering (MkDocs' ``title`` is then computed)."""


def snapshot(docs_dir: Path) -> Snapshot:
    """Each staged file's size, inode and modification time: ``write_staged`` replaces a
    changed file atomically (a new inode) and leaves an unchanged one alone."""
    return file_states(docs_dir)


@dataclass
class _Recorded:
    language: str | None
    page: Any
    files: Any
    """The language's Files, as ``_populate_page`` got them."""
    doc_files: Any
    nav: Any
    env: Any
    excluded: bool
    preset_title: Any = None
    """The title the page had before the full build rendered it (the navigation's, or
    ``_NO_TITLE``): rendering sets it (MkDocs from the first heading, our plugin to plain
    text), so a re-render starts from this one again, as the full build did."""


@dataclass
class WarmSite:
    """What the last full build left to re-render its pages with."""

    config: Any = None
    pages: dict[str, list[_Recorded]] = field(default_factory=dict)
    """Recorded page builds by the absolute path of their staged source."""
    rebuilt: int = 0
    """How many pages the last :meth:`render` built."""
    config_files: Snapshot = field(default_factory=dict)
    """The serving configuration and the ``mkdocs.yml`` it inherits, as the build read them."""

    def changed_pages(self, before: Snapshot, after: Snapshot) -> list[str] | None:
        """The staged sources that changed, when every one is a recorded page and nothing
        was added or removed; none when nothing staged changed and the configuration files
        are as the last full build read them; None when only a full build can show the
        change (also when nothing staged changed but ``mkdocs.yml`` did)."""
        if self.config is None or before.keys() != after.keys():
            return None
        changed = [path for path, stat in after.items() if before[path] != stat]
        if not changed:
            # Nothing staged changed: the site is up to date unless the configuration is not
            # (a second event for one save, seen while the first was being staged).
            same = self.config_files and _stats(self.config_files) == self.config_files
            return [] if same else None
        if any(path not in self.pages for path in changed):
            return None
        return changed

    def render(self, sources: list[str]) -> bool:
        """Rebuild the pages of ``sources`` in every language that shows them, and every
        page of a language where one's title changed (see the module docstring); True when
        done (``rebuilt`` then counts the pages built)."""
        from mkdocs.commands.build import _build_page, _populate_page

        config = self.config
        i18n = config.plugins.get("i18n")
        by_language: dict[str | None, list[_Recorded]] = {}
        for source in sources:
            for recorded in self.pages[source]:
                by_language.setdefault(recorded.language, []).append(recorded)
        self.rebuilt = 0
        for language, recorded_pages in by_language.items():
            if i18n is not None and language is not None:
                i18n.current_language = language
            config = config.plugins.on_config(config)
            files = recorded_pages[0].doc_files
            retitled = False
            for recorded in recorded_pages:
                title = recorded.page.title
                _reset_title(recorded.page, recorded.preset_title)
                _populate_page(recorded.page, config, recorded.files, dirty=False)
                if recorded.page.title != title:
                    retitled = True
                    log.info(
                        f"The title of {recorded.page.file.src_uri} changed"
                        f" ({title!r} to {recorded.page.title!r}): re-rendering every page"
                        f" of {language or 'the site'}"
                    )
            shown = self.pages_of(language) if retitled else recorded_pages
            for recorded in shown:
                _build_page(
                    recorded.page,
                    config,
                    files,
                    recorded.nav,
                    recorded.env,
                    excluded=recorded.excluded,
                )
            self.rebuilt += len(shown)
        self.config = config
        return True

    def pages_of(self, language: str | None) -> list[_Recorded]:
        """Every page the last full build built in ``language``, in its order."""
        return [
            recorded
            for builds in self.pages.values()
            for recorded in builds
            if recorded.language == language
        ]


def config_inputs(config_file: str) -> list[str]:
    """The serving configuration file and the project's ``mkdocs.yml`` it inherits
    (``courseware serve`` writes ``build/mkdocs.serve.yml`` with ``INHERIT: ../mkdocs.yml``)."""
    inherited = os.path.normpath(os.path.join(os.path.dirname(config_file), "..", "mkdocs.yml"))
    return [config_file, inherited]


def _stats(files: Iterable[str]) -> Snapshot:
    result: Snapshot = {}
    for path in files:
        try:
            status = os.stat(path)
        except OSError:
            continue
        result[path] = (status.st_size, status.st_ino, status.st_mtime_ns)
    return result


def _reset_title(page: Any, preset: Any) -> None:
    """Give ``page`` back the title it had before its first render (MkDocs' ``title`` is a
    property that an assignment replaces for good, in the instance's ``__dict__``)."""
    if preset is _NO_TITLE:
        page.__dict__.pop("title", None)
    else:
        page.__dict__["title"] = preset


@contextmanager
def recording(site: WarmSite) -> Iterator[None]:
    """Record every page MkDocs builds inside the block into ``site`` (see the module
    docstring); MkDocs' ``build`` looks ``_build_page`` and ``_populate_page`` up in its
    module at each call, so wrapping the module's names is enough."""
    from mkdocs.commands import build as build_module

    original_build = build_module._build_page
    original_populate = build_module._populate_page
    files_of: dict[int, Any] = {}
    titles_of: dict[int, Any] = {}

    def populate(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        files_of[id(page)] = files
        titles_of[id(page)] = page.__dict__.get("title", _NO_TITLE)
        original_populate(page, config, files, dirty)

    def build_page(
        page: Any,
        config: Any,
        doc_files: Any,
        nav: Any,
        env: Any,
        dirty: bool = False,
        excluded: bool = False,
    ) -> None:
        original_build(page, config, doc_files, nav, env, dirty, excluded)
        if page.file.abs_src_path is None:  # generated by a plugin: only a full build
            return
        i18n = config.plugins.get("i18n")
        language = None if i18n is None else i18n.current_language
        files = files_of.get(id(page))
        preset = titles_of.get(id(page), _NO_TITLE)
        recorded = _Recorded(language, page, files, doc_files, nav, env, excluded, preset)
        site.pages.setdefault(os.path.abspath(page.file.abs_src_path), []).append(recorded)
        if site.config is None and config.config_file_path:
            site.config_files = _stats(config_inputs(config.config_file_path))
        site.config = config

    build_module._populate_page = populate
    build_module._build_page = build_page
    try:
        yield
    finally:
        build_module._populate_page = original_populate
        build_module._build_page = original_build
