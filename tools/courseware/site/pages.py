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

from courseware.datasheet import datasheet_print_css
from courseware.errors import Problem
from courseware.footprint.page import calculator_assets, calculator_page_markdown
from courseware.i18n.catalogs import translator
from courseware.i18n.status_page import render_status_page
from courseware.i18n.tracking import TranslationReport, translation_status
from courseware.registry.lab_references import check_module_labs
from courseware.registry.load import Registry
from courseware.site.catalog import render_catalog_page, render_offering_page
from courseware.site.curriculum_pages import is_stale, stage_modules, stage_tracks
from courseware.site.datasheet_pages import stage_datasheets
from courseware.site.fallback import fallback_notice, stale_notice, wrap_in_language
from courseware.site.front_matter import split_front_matter, with_front_matter
from courseware.site.hand_pages import read_hand_pages
from courseware.site.lab_pages import LabSummary, stage_labs
from courseware.site.page_scripts import PageScripts, extract_scripts
from courseware.site.source_map import StagedSource
from courseware.site.track_pages import track_print_css
from courseware.yamlsafe import display_path

Translate = Callable[[str], str]


@dataclass
class StagedFiles:
    """The staged tree being assembled, and the problems found while assembling it."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    labs: LabSummary | None = None
    sources: dict[str, StagedSource] = field(default_factory=dict)
    """Staged page → the contributed Markdown it holds, so checks name the source file:line."""

    def add_page(
        self,
        name: str,
        language: str,
        source: str,
        text: str,
        metadata: dict[str, Any] | None = None,
    ) -> str:
        """Add ``name`` (e.g. ``catalog`` or ``offerings/x``) in ``language``; return its path."""
        suffix = "" if language == source else f".{language}"
        page = with_front_matter(metadata or {}, text)
        path = f"{name}{suffix}.md"
        self.files[path] = page.encode("utf-8")
        return path

    def note_source(self, staged_path: str, source: str, text: str, body: str) -> None:
        """Record that the staged page holds ``body``, the part of ``source`` (whose whole
        text is ``text``) after its front matter."""
        self.sources[staged_path] = StagedSource.of(source, text, body)

    def add_generated_page(
        self, name: str, language: str, source: str, text: str, **courseware: Any
    ) -> None:
        """Add a page the builder generated; its scripts move into the page metadata.

        Args:
            courseware: more ``courseware`` metadata for the templates, such as
                ``title_language`` (see ``site/localized.py``).
        """
        scripts = PageScripts()
        body = extract_scripts(text, scripts)
        meta = {**scripts.as_meta(), **courseware}
        self.add_page(name, language, source, body, {"courseware": meta})

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


def stage_hand_pages(
    staged: StagedFiles, registry: Registry, translations: TranslationReport
) -> None:
    """Copy ``pages/*.md`` into the staged tree, with honest fallbacks and stale notices.

    Orphan translations are skipped here; the translation report names them as errors.
    """
    source = registry.source_language.code
    pages, problems = read_hand_pages(registry.root, set(registry.language_codes), source)
    staged.problems += problems
    by_name = {p.name: p for p in pages if p.language == source}
    present = {(p.name, p.language) for p in pages}
    for page in pages:
        if page.name not in by_name:
            continue
        relative = display_path(page.path, registry.root)
        metadata, body, problems = split_front_matter(page.text, relative)
        staged.problems += problems
        contributed = body
        if page.language != source and is_stale(translations, relative):
            body = stale_notice(translator(page.language)) + "\n\n" + body
        path = staged.add_page(page.name, page.language, source, body, metadata)
        staged.note_source(path, relative, page.text, contributed)
    for name, page in sorted(by_name.items()):
        relative = display_path(page.path, registry.root)
        _, body, _ = split_front_matter(page.text, relative)
        for language in registry.language_codes:
            if language == source or (name, language) in present:
                continue
            gettext = translator(language)
            fallback = fallback_notice(source, language, gettext) + "\n\n"
            shown = fallback + wrap_in_language(body, source, language)
            path = staged.add_page(name, language, source, shown)
            staged.note_source(path, relative, page.text, body)


def stage_translation_status(
    staged: StagedFiles, registry: Registry, report: TranslationReport
) -> None:
    """The translation status page, per language; orphans and bad suffixes are errors."""
    source = registry.source_language.code
    reported = {p.file for p in staged.problems}
    staged.problems += [p for p in report.problems if p.file not in reported]
    for language in registry.language_codes:
        page = render_status_page(report, language, translator(language))
        staged.add_generated_page("status", language, source, page)


def collect_site_files(registry: Registry, *, keep_going: bool = False) -> StagedFiles:
    """Assemble every staged file of the site for all declared languages.

    Args:
        keep_going: publish a failing lab's last good output under a dated notice instead
            of stopping the build.
    """
    staged = StagedFiles()
    source = registry.source_language.code
    translations = translation_status(registry.root, registry.language_codes, source)
    stage_hand_pages(staged, registry, translations)
    stage_translation_status(staged, registry, translations)
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
        page = calculator_page_markdown(translator(language), asset_prefix="../", language=language)
        staged.add_generated_page("calculator", language, source, page)
    for relative, content in calculator_assets().items():
        staged.add_file(relative, content)
    stage_modules(staged, registry, translations)
    stage_datasheets(staged, registry)
    staged.labs = stage_labs(staged, registry, keep_going=keep_going, report=translations)
    staged.problems += check_module_labs(registry, _lab_ids(registry))
    stage_tracks(staged, registry)
    for relative, content in package_assets().items():
        staged.add_file(relative, content)
    staged.add_file("assets/courseware/courseware.css", site_stylesheet())
    return staged


def site_stylesheet() -> bytes:
    """One stylesheet for the whole site (one request): ours, then the print styles."""
    base = resources.files("courseware.site") / "assets" / "courseware.css"
    parts = [base.read_text(encoding="utf-8"), track_print_css(), datasheet_print_css()]
    return "\n".join(parts).encode("utf-8")


def staged_docs_dir(root: Path) -> Path:
    """Where the staged tree lives for a project."""
    return root / "build" / "docs"


def _lab_ids(registry: Registry) -> set[str]:
    """Ids of the lab sources on disk (a failing lab is still a lab modules may name)."""
    folder = registry.root / "labs"
    if not folder.is_dir():
        return set()
    return {path.stem for path in folder.glob("*.py") if "." not in path.stem}
