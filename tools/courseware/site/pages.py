"""Decide every file of the staged site: hand pages, catalog and offering pages per language,
and the static assets, as a map of relative path to bytes.

Each generated page exists once per declared language with the mkdocs-static-i18n suffix
(``catalog.md``, ``catalog.es.md``, ...), its interface strings from that language's catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from courseware.errors import Problem
from courseware.footprint.page import calculator_assets, calculator_page_markdown
from courseware.i18n.catalogs import translator
from courseware.registry.load import Registry
from courseware.site.catalog import render_catalog_page, render_offering_page
from courseware.site.curriculum_pages import stage_modules, stage_tracks
from courseware.site.front_matter import split_front_matter, with_front_matter
from courseware.site.hand_pages import read_hand_pages
from courseware.site.page_scripts import PageScripts, extract_scripts
from courseware.site.track_pages import track_print_css
from courseware.yamlsafe import display_path

Translate = Callable[[str], str]


@dataclass
class StagedFiles:
    """The staged tree being assembled, and the problems found while assembling it."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add_page(
        self,
        name: str,
        language: str,
        source: str,
        text: str,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        """Add ``name`` (e.g. ``catalog`` or ``offerings/x``) in ``language``."""
        suffix = "" if language == source else f".{language}"
        page = with_front_matter(metadata or {}, text)
        self.files[f"{name}{suffix}.md"] = page.encode("utf-8")

    def add_generated_page(self, name: str, language: str, source: str, text: str) -> None:
        """Add a page the builder generated; its scripts move into the page metadata."""
        scripts = PageScripts()
        body = extract_scripts(text, scripts)
        self.add_page(name, language, source, body, {"courseware": scripts.as_meta()})

    def add_file(self, relative: str, content: bytes) -> None:
        """Add a non-page file (asset, download) at ``relative``."""
        self.files[relative] = content


def package_assets() -> dict[str, bytes]:
    """The builder's own CSS and JavaScript, shipped inside the package."""
    base = resources.files("courseware.site") / "assets"
    return {
        f"assets/courseware/{item.name}": item.read_bytes()
        for item in sorted(base.iterdir(), key=lambda i: i.name)
        if item.is_file() and item.name.endswith((".css", ".js"))
    }


def stage_hand_pages(staged: StagedFiles, registry: Registry) -> None:
    """Copy ``pages/*.md`` into the staged tree, refusing orphan translations."""
    source = registry.source_language.code
    pages, problems = read_hand_pages(registry.root, set(registry.language_codes), source)
    staged.problems += problems
    sources = {p.name for p in pages if p.language == source}
    for page in pages:
        if page.name not in sources:
            staged.problems.append(
                Problem(
                    display_path(page.path, registry.root),
                    None,
                    None,
                    f"translation without a source page: add pages/{page.name}.md "
                    "or rename this file",
                )
            )
            continue
        relative = display_path(page.path, registry.root)
        metadata, body, problems = split_front_matter(page.text, relative)
        staged.problems += problems
        staged.add_page(page.name, page.language, source, body, metadata)


def collect_site_files(registry: Registry) -> StagedFiles:
    """Assemble every staged file of the site for all declared languages."""
    staged = StagedFiles()
    source = registry.source_language.code
    stage_hand_pages(staged, registry)
    for language in registry.language_codes:
        gettext = translator(language)
        catalog = render_catalog_page(
            registry.offerings, language, source, registry.language_codes, gettext
        )
        staged.add_generated_page("catalog", language, source, catalog)
        for offering in registry.offerings:
            staged.add_generated_page(
                f"offerings/{offering.id}",
                language,
                source,
                render_offering_page(offering, language, source, gettext),
            )
    for language in registry.language_codes:
        page = calculator_page_markdown(translator(language), asset_prefix="../")
        staged.add_generated_page("calculator", language, source, page)
    for relative, content in calculator_assets().items():
        staged.add_file(relative, content)
    stage_modules(staged, registry)
    stage_tracks(staged, registry)
    for relative, content in package_assets().items():
        staged.add_file(relative, content)
    staged.add_file("assets/courseware/courseware.css", site_stylesheet())
    return staged


def site_stylesheet() -> bytes:
    """One stylesheet for the whole site (one request): ours, then the print styles."""
    base = resources.files("courseware.site") / "assets" / "courseware.css"
    parts = [base.read_text(encoding="utf-8"), track_print_css()]
    return "\n".join(parts).encode("utf-8")


def staged_docs_dir(root: Path) -> Path:
    """Where the staged tree lives for a project."""
    return root / "build" / "docs"
