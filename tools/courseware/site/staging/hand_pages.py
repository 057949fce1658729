"""Read and stage the hand-written pages (``pages/``): home, about, contribute, one file per
language.

A translation is a paragraph catalog (``locale/<lang>/LC_MESSAGES/pages/<name>.po``) or a
whole file ``<name>.<lang>.md`` beside ``<name>.md``. Files are size-capped, must be
UTF-8, and may not be links; a suffix that is not a declared language is an error. A page
not translated into a language is staged in the source language under a notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import catalog_path
from courseware.i18n.tracking import TranslationReport
from courseware.registry.load import Registry
from courseware.site.render import (
    fallback_notice,
    partly_translated_notice,
    stale_notice,
    wrap_in_language,
)
from courseware.site.staging.catalog_pages import document_from_catalog
from courseware.site.staging.front_matter import split_front_matter
from courseware.site.staging.staged import StagedFiles
from courseware.site.staging.translations import is_stale
from courseware.yamlsafe import decode_text, display_path

MAX_PAGE_BYTES = 200 * 1024
"""Markdown over this size is refused before rendering: a limit chosen for this project, as
Python-Markdown has super-linear inputs (see ``render_limits.py``)."""

PAGES_FOLDER = "pages"


@dataclass(frozen=True)
class HandPage:
    """One hand-written page file: its base name, language and text."""

    name: str
    language: str
    path: Path
    text: str


def split_language_suffix(
    stem: str, language_codes: set[str], source: str
) -> tuple[str, str | None]:
    """Split ``index.es`` into (``index``, ``es``); the language is None when not declared."""
    base, dot, suffix = stem.rpartition(".")
    if not dot:
        return stem, source
    if suffix in language_codes and suffix != source:
        return base, suffix
    return base, None


def read_text_file(
    path: Path, root: Path, limit: int = MAX_PAGE_BYTES
) -> tuple[str | None, list[Problem]]:
    """Read a contributed text file, refusing links, oversized and non-UTF-8 files (a
    leading byte order mark is dropped)."""
    relative = display_path(path, root)
    if path.is_symlink():
        message = "symbolic links are not allowed; copy the file"
        return None, [Problem(relative, None, None, message, code=codes.SYMLINK)]
    size = path.stat().st_size
    if size > limit:
        message = f"file is {size} bytes, over the {limit}-byte limit; split it"
        return None, [Problem(relative, None, None, message, code=codes.FILE_TOO_LARGE)]
    return decode_text(path.read_bytes(), relative)


def read_hand_pages(
    root: Path, language_codes: set[str], source: str
) -> tuple[list[HandPage], list[Problem]]:
    """Read every ``pages/*.md`` file with its language."""
    folder = root / PAGES_FOLDER
    pages: list[HandPage] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return pages, problems
    for path in sorted(folder.iterdir()):
        relative = display_path(path, root)
        if path.is_dir() or path.suffix != ".md":
            if not path.is_symlink():
                message = "only .md files belong in pages/"
                problems.append(Problem(relative, None, None, message, code=codes.STRAY_FILE))
            continue
        name, language = split_language_suffix(path.stem, language_codes, source)
        if language is None:
            suffix = path.stem.rpartition(".")[2]
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    f"{suffix!r} is not a language declared in curriculum/languages.yaml; "
                    f"name translations like {name}.es.md",
                    code=codes.TRANSLATION_SUFFIX,
                )
            )
            continue
        text, file_problems = read_text_file(path, root)
        problems += file_problems
        if text is not None:
            pages.append(HandPage(name=name, language=language, path=path, text=text))
    return pages, problems


def stage_hand_pages(registry: Registry, translations: TranslationReport) -> StagedFiles:
    """Copy ``pages/*.md`` into the staged tree, with honest fallbacks and stale notices.

    Orphan translations are skipped here; the translation report names them as errors.
    """
    part = StagedFiles()
    source = registry.source_language.code
    pages, problems = read_hand_pages(registry.root, set(registry.language_codes), source)
    part.problems += problems
    by_name = {p.name: p for p in pages if p.language == source}
    present = {(p.name, p.language) for p in pages}
    for page in pages:
        if page.name not in by_name:
            continue
        relative = display_path(page.path, registry.root)
        metadata, body, problems = split_front_matter(page.text, relative)
        part.problems += problems
        contributed = body
        if (
            page.language != source
            and catalog_path(
                registry.root, f"{PAGES_FOLDER}/{page.name}.md", page.language
            ).is_file()
        ):
            catalog = catalog_path(registry.root, f"{PAGES_FOLDER}/{page.name}.md", page.language)
            shown = catalog.relative_to(registry.root).as_posix()
            message = f"{PAGES_FOLDER}/{page.name}.md is also translated in {shown}; delete one"
            part.problems.append(
                Problem(relative, None, None, message, code=codes.TRANSLATED_TWICE)
            )
        if page.language != source and is_stale(translations, relative):
            body = stale_notice(translator(page.language)) + "\n\n" + body
        path = part.add_page(page.name, page.language, source, body, metadata)
        part.note_source(path, relative, page.text, contributed)
    for name, page in sorted(by_name.items()):
        relative = display_path(page.path, registry.root)
        _, body, _ = split_front_matter(page.text, relative)
        for language in registry.language_codes:
            if language == source or (name, language) in present:
                continue
            gettext = translator(language)
            catalog_file = catalog_path(registry.root, relative, language)
            if catalog_file.is_file() and not catalog_file.is_symlink():
                shown = _from_catalog(registry, catalog_file, body, source, language, part)
                path = part.add_page(name, language, source, shown)
                catalog_name = catalog_file.relative_to(registry.root).as_posix()
                part.note_source(path, catalog_name, shown, shown)
                continue
            fallback = fallback_notice(source, language, gettext) + "\n\n"
            shown = fallback + wrap_in_language(body, source, language)
            path = part.add_page(name, language, source, shown)
            part.note_source(path, relative, page.text, body)
    return part


def _from_catalog(
    registry: Registry,
    catalog_file: Path,
    body: str,
    source: str,
    language: str,
    part: StagedFiles,
) -> str:
    """A hand page in ``language`` assembled from its catalog (the source where the catalog
    cannot be read, with the problem reported)."""
    document = document_from_catalog(registry, catalog_file, body, source, language, part.problems)
    if document.counts.percent == 100:
        return document.markdown
    gettext = translator(language)
    notice = partly_translated_notice(document.counts.percent, source, language, gettext)
    return notice + "\n\n" + document.markdown
