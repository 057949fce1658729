"""The ``courseware`` MkDocs plugin: the thin edge between MkDocs events and the builder.

During ``mkdocs serve`` (through ``courseware serve``) it re-stages the site from the
project's sources before every rebuild (the function ``courseware serve`` registered in
``engine.restage``), so contributors see their edits live; content problems become a
``PluginError`` that MkDocs shows without a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from courseware.errors import CoursewareError
from courseware.i18n.catalogs import translator
from courseware.site.engine.config import CoursewarePluginConfig
from courseware.site.engine.csp import PAGE_POLICY
from courseware.site.engine.offline_hooks import OfflineSite
from courseware.site.engine.page_cache import PageCache
from courseware.site.engine.restage import restage
from courseware.site.engine.sanitize import plain_title, sanitize_html, sanitize_page_meta
from courseware.site.engine.shared_files import (
    find_root_copies,
    is_unused_theme_file,
    point_at_root_copies,
    remove_shared_files,
    static_file_language,
)
from courseware.site.engine.template_cache import COMPILED_TEMPLATES

OVERRIDES_DIR = Path(__file__).resolve().parents[1] / "overrides"
"""Our theme overrides (``site/overrides``), in front of Material's templates."""


def existing_nav(nav: list[Any], docs_dir: Path) -> list[Any]:
    """Drop navigation entries whose page this project does not have (a project without a
    contribute page, say), so one mkdocs.yml serves every project."""
    kept: list[Any] = []
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(target, list):
            kept.append({next(iter(entry)): existing_nav(target, docs_dir)})
        elif not isinstance(target, str) or "://" in target or (docs_dir / target).is_file():
            kept.append(entry)
    return kept


def nav_pages(nav: list[Any]) -> set[str]:
    """Every page file a navigation names, at any depth."""
    pages: set[str] = set()
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(target, list):
            pages |= nav_pages(target)
        elif isinstance(target, str):
            pages.add(target)
    return pages


def with_top_pages(nav: list[Any], docs_dir: Path, not_in_nav: Any) -> list[Any]:
    """``nav`` with every top-level page it leaves out appended, titled by its heading.

    A contributor who adds ``pages/new.md`` expects a page, not MkDocs' strict-mode refusal
    ("not included in the nav", once per language and without a file or line): a hand page
    the project's ``mkdocs.yml`` does not place goes at the end of the navigation, unless
    ``not_in_nav`` keeps it out on purpose. Translations (``new.es.md``) follow their page.
    """
    named = nav_pages(nav)
    missing = [
        path.name
        for path in sorted(docs_dir.glob("*.md"))
        if "." not in path.stem
        and path.name not in named
        and not (not_in_nav is not None and not_in_nav.match_file(path.name))
    ]
    return [*nav, *missing]


_SWITCHER_LINK = re.compile(
    r'(<a\b[^>]*?)href="[^"]*"([^>]*?hreflang="(?P<lang>[^"]+)"[^>]*class="md-select__link")'
)


def point_switcher_at_page(output: str, page_url: str, language: str, source: str) -> str:
    """Rewrite the switcher's links to the same page in every language, relative to this page.

    ``page_url`` is the page's URL within its own language's tree (``catalog/``); languages
    other than the source live one folder down (``es/catalog/``).
    """
    depth = page_url.count("/") + (0 if language == source else 1)
    to_root = "../" * depth

    def rewrite(match: re.Match[str]) -> str:
        target = match.group("lang")
        folder = "" if target == source else f"{target}/"
        href = f"{to_root}{folder}{page_url}" or "./"
        return f'{match.group(1)}href="{href}"{match.group(2)}'

    return _SWITCHER_LINK.sub(rewrite, output)


class CoursewarePlugin(BasePlugin[CoursewarePluginConfig]):  # type: ignore[no-untyped-call]
    """Hooks the courseware builder into MkDocs."""

    offline: OfflineSite | None = None
    reader_language: str | None = None
    source_404: str | None = None
    page_cache: PageCache | None = None
    root_copies: dict[str, str] = {}
    """In a language run below the root: its files whose root copy its pages use instead,
    with that copy's path from the root (``engine.shared_files``)."""

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, **kwargs: Any) -> str:
        """Title the "back" links of source footnotes in the language of the text they sit in
        (a fallback page's is the source language's), not always in English.

        MkDocs builds a Markdown converter per page from ``mdx_configs`` after this event.
        Only the metadata keys the builder writes reach the theme (``sanitize_page_meta``).
        """
        page.meta = sanitize_page_meta(page.meta)
        options = config.mdx_configs.get("footnotes")
        if options is not None and self.reader_language:
            marks = (page.meta.get("courseware") or {}).get("text_language") or {}
            g = translator(marks.get("lang") or self.reader_language)
            options["BACKLINK_TITLE"] = g("Jump back to footnote %d in the text")
        if self.page_cache is not None:
            self.page_cache.wrap_render(page)
        return markdown

    def on_config(self, config: Any) -> Any:
        """Put the courseware template overrides in front of Material's templates."""
        overrides = str(OVERRIDES_DIR)
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(0, overrides)
        if config.nav:
            docs_dir = Path(config.docs_dir)
            config.nav = with_top_pages(
                existing_nav(config.nav, docs_dir), docs_dir, config.not_in_nav
            )
        self.reader_language = self.config.language or self.config.offline_language
        self.root_copies = {}
        if "footnotes" in config.markdown_extensions:
            config.mdx_configs.setdefault("footnotes", {})
        language = self.config.offline_language
        self.offline = OfflineSite(language) if language else None
        if self.offline:
            self.offline.configure(config)
        cache = self.config.render_cache
        self.page_cache = PageCache(Path(cache), self.config.language or "") if cache else None
        return config

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """With the page cache on, Material's search reuses the entries it made of a page
        before (``engine.page_cache``)."""
        search = config.plugins.get("material/search")
        index = getattr(search, "search_index", None)
        if self.page_cache is not None and index is not None:
            self.page_cache.wrap_search(index)
        return nav

    def on_env(self, env: Any, **kwargs: Any) -> Any:
        """Reuse the templates this process compiled for an earlier language's build."""
        if self.page_cache is not None:
            env.bytecode_cache = self.page_cache.templates()  # and on disk, for a new process
        else:
            env.bytecode_cache = COMPILED_TEMPLATES
        env.globals["courseware_csp"] = PAGE_POLICY
        return env

    def on_files(self, files: Any, *, config: Any, **kwargs: Any) -> Any:
        """An offline copy leaves out the theme files it never loads; a language of the site
        leaves out the theme files no page loads, and, below the root, notes the files whose
        root copy it uses instead of its own."""
        if self.offline:
            return self.offline.select_files(files)
        if not self.config.language:
            return files
        codes = [entry["code"] for entry in self.config.languages]
        for file in [f for f in files if f.src_dir != config.docs_dir]:
            if is_unused_theme_file(file.src_uri, codes):
                files.remove(file)
        if self.config.language != self.config.source_language:
            statics = [f for f in files if not f.is_documentation_page() and f.abs_src_path]
            owners = {f.dest_uri: static_file_language(f.src_uri, codes) for f in statics}
            self.root_copies = find_root_copies(
                {f.dest_uri: Path(f.abs_src_path) for f in statics if owners[f.dest_uri] is None},
                {
                    f.dest_uri: Path(f.abs_src_path)
                    for f in statics
                    if owners[f.dest_uri] == self.config.language
                },
            )
        return files

    def on_page_content(self, html: str, *, page: Any, **kwargs: Any) -> str:
        """Sanitize every page's HTML with the allow-list, and make its title plain text:
        contributed content is data."""
        html = sanitize_html(html)
        if page.title is not None:
            page.title = plain_title(page.title)
        if self.offline:
            self.offline.index_page(page, html)
        return html

    def on_page_context(self, context: Any, *, page: Any, config: Any, **kwargs: Any) -> Any:
        """When one language is built on its own, the switcher still lists every language."""
        if self.config.language and self.config.languages:
            config.extra["alternate"] = [
                {"name": entry["name"], "lang": entry["code"], "link": page.url or "./"}
                for entry in self.config.languages
            ]
        return context

    def on_post_page(self, output: str, *, page: Any, **kwargs: Any) -> str:
        """Point the language switcher at this page in each language; an offline copy's
        links must work from ``file://``."""
        if self.config.language and self.config.source_language:
            output = point_switcher_at_page(
                output, page.url, self.config.language, self.config.source_language
            )
        if self.root_copies:
            output = point_at_root_copies(output, page.file.dest_uri, self.root_copies)
        return self.offline.rewrite_page(output, page) if self.offline else output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: Any
    ) -> str | None:
        """A language below the root points its templates' pages at the root's shared files
        too. Keep the source language's not-found page: when every language is built in one
        run (``courseware serve``), each writes ``404.html`` at the root, and the last one
        (Arabic) used to win."""
        if self.root_copies and template_name.endswith(".html"):
            return point_at_root_copies(output_content, template_name, self.root_copies)
        source = self.config.source_language
        if template_name != "404.html" or not source or self.config.language:
            return output_content
        if config.theme.get("language") == source:
            self.source_404 = output_content
        return self.source_404 or output_content

    def on_post_build(self, *, config: Any) -> None:
        """An offline copy's search index is complete once every page is built; a language
        below the root drops its copies of the shared files, which MkDocs needed until now
        to check the pages' links."""
        if self.offline:
            self.offline.write_search_index(config.site_dir)
        if self.root_copies:
            remove_shared_files(Path(config.site_dir), self.root_copies)
        if self.page_cache is not None:
            self.page_cache.save_used()

    def on_pre_build(self, *, config: Any) -> None:
        """Re-stage the project before each (re)build while serving."""
        root = self.config.restage_root
        if not root:
            return
        try:
            restage(Path(root))
        except CoursewareError as error:
            raise PluginError(str(error)) from None
