"""Stage the home page: the hand page ``pages/index.md`` (the project's own introduction, in
each language, with its fallback or stale notice) and, below it, the sections generated from
the registry and the staged site (``render/home_page.py``).

The sections count what the site actually holds, so they are staged after every other page;
a build stages them again once the offline copies exist, so that they offer the copies too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from courseware.i18n.catalogs import translator
from courseware.i18n.tracking import translation_status
from courseware.registry.load import Registry
from courseware.site.render import (
    ASSEMBLE_ANCHOR,
    KITS_INDEX,
    HomeFacts,
    TrackDownload,
    render_home_sections,
)
from courseware.site.staging.hand_pages import stage_hand_pages
from courseware.site.staging.lab_catalogs import read_lab_prose
from courseware.site.staging.staged import StagedFiles

HOME_PAGE = "index"
_ASSEMBLE_HEADING = re.compile(rf"^#+ .*\{{:? *#{ASSEMBLE_ANCHOR} *\}}[ \t]*$", re.MULTILINE)
"""A heading with the id the home page links (``## Assemble a course {#assemble}``)."""


def _source_pages(files: Mapping[str, bytes], folder: str) -> int:
    """How many pages ``folder/`` holds in the source language, its index not counted
    (``labs/<id>.md``; a translation is ``labs/<id>.<lang>.md``)."""
    page = re.compile(rf"{re.escape(folder)}/([^/.]+)\.md")
    return sum(1 for path in files if (m := page.fullmatch(path)) and m[1] != "index")


def _targets(files: Mapping[str, bytes], language: str, source: str) -> frozenset[str]:
    """The pages the home page in ``language`` may link (named as in the source language),
    and the contribute page's ``courseware assemble`` section where that page has it."""
    suffix = "" if language == source else f".{language}"
    targets = set()
    for path in files:
        if path.endswith(f"{suffix}.md"):
            name = path.removesuffix(f"{suffix}.md")
            if suffix or "." not in name.rpartition("/")[2]:
                targets.add(f"{name}.md")
    contribute = files.get(f"contribute{suffix}.md", b"").decode("utf-8", "replace")
    if _ASSEMBLE_HEADING.search(contribute):
        targets.add(f"contribute.md#{ASSEMBLE_ANCHOR}")
    return frozenset(targets)


def home_facts(
    files: Mapping[str, bytes],
    language: str,
    source: str,
    downloads: Mapping[str, TrackDownload] | None = None,
) -> HomeFacts:
    """What the home page in ``language`` counts and links, from the staged files."""
    targets = _targets(files, language, source)
    kits = f"{KITS_INDEX}.md"
    return HomeFacts(
        lab_count=_source_pages(files, "labs"),
        datasheet_count=_source_pages(files, "sensors"),
        targets=targets,
        downloads=downloads or {},
        teaching_kits_page=kits if kits in targets else None,
    )


def stage_home_page(
    registry: Registry,
    hand_pages: StagedFiles,
    files: Mapping[str, bytes],
    downloads: Mapping[str, TrackDownload] | None = None,
) -> StagedFiles:
    """The home page in every declared language: the staged hand page with the generated
    sections appended (the part replaces the hand page's files of the same path).

    Args:
        hand_pages: the hand pages' part, holding ``index.md`` and its translations (or
            fallbacks); a project without ``pages/index.md`` gets the sections alone.
        files: the staged site so far, for the counts.
        downloads: each track's offline copy by track id, once built.
    """
    part = StagedFiles()
    source = registry.source_language.code
    for language in registry.language_codes:
        facts = home_facts(files, language, source, downloads)
        path = f"{HOME_PAGE}.md" if language == source else f"{HOME_PAGE}.{language}.md"
        sections = render_home_sections(registry, facts, language, translator(language))
        if path in hand_pages.files:
            page = hand_pages.files[path].decode("utf-8").rstrip("\n")
            part.add_file(path, f"{page}\n\n{sections}".encode())
            if path in hand_pages.sources:
                part.sources[path] = hand_pages.sources[path]
        else:
            part.add_generated_page(HOME_PAGE, language, source, sections)
    return part


def restage_home_page(
    registry: Registry, files: Mapping[str, bytes], downloads: Mapping[str, TrackDownload]
) -> StagedFiles:
    """The home page staged again, now offering the offline copies in ``downloads``.

    The hand pages are read again (a few small files) rather than carried through the build;
    their problems were reported by the first staging, so they are not repeated.
    """
    source = registry.source_language.code
    translations = translation_status(
        registry.root, registry.language_codes, source, read_lab_prose
    )
    hand_pages = stage_hand_pages(registry, translations)
    return stage_home_page(registry, hand_pages, files, downloads)
