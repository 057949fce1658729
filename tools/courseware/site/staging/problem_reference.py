"""Stage the problem-code reference (``courseware.problem_reference``) as a page of the site.

The page is the same Markdown that ``make problem-codes`` writes to ``docs/problem-codes.md``,
so a contributor who reads ``[CW-SCH-002 unknown-field]`` in a message finds its meaning and
its fix on the site as in the repository. That file is the source document of a paragraph
catalog per language (``locale/<lang>/LC_MESSAGES/docs/problem-codes.po``, brought up to date
by ``courseware translate update``): where a language has one, its page is assembled from it
as a hand page is (untranslated units in English, marked, under the "partly translated"
notice while the catalog is incomplete). The example messages stay in English in their code
blocks, as the command line prints them, and each code's heading carries a written id, so
that a link to a code's anchor works in every language. A language without a catalog (a
course project that has none) is shown the English page under the usual fallback notice,
its title and text marked as English (WCAG 3.1.2).
"""

from __future__ import annotations

from typing import Any

from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import catalog_path
from courseware.problem_reference import REFERENCE_FILE, problem_codes_markdown
from courseware.registry.load import Registry
from courseware.site.render import (
    fallback_notice,
    heading_attributes,
    language_marks,
    partly_translated_notice,
    wrap_in_language,
)
from courseware.site.staging.catalog_pages import document_from_catalog
from courseware.site.staging.staged import StagedFiles

REFERENCE_PAGE = "problem-codes"
"""The page's name in the staged tree (``problem-codes.md``, ``problem-codes.es.md``, ...)."""

REFERENCE_LANGUAGE = "en"
"""The language the catalogue's summaries, examples and fixes are written in."""


def stage_problem_reference(registry: Registry) -> StagedFiles:
    """The problem-code reference in every declared language."""
    part = StagedFiles()
    source = registry.source_language.code
    markdown = problem_codes_markdown()
    title, _, body = markdown.partition("\n")
    for language in registry.language_codes:
        if language == REFERENCE_LANGUAGE:
            part.add_generated_page(REFERENCE_PAGE, language, source, f"{title}\n{body}")
            continue
        catalog_file = catalog_path(registry.root, REFERENCE_FILE.as_posix(), language)
        if catalog_file.is_file() and not catalog_file.is_symlink():
            page = _from_catalog(registry, markdown, language, part)
            part.add_generated_page(REFERENCE_PAGE, language, source, page)
            continue
        marks: dict[str, Any] = {
            "title_language": language_marks(REFERENCE_LANGUAGE, language),
            "text_language": language_marks(REFERENCE_LANGUAGE, language),
        }
        page = f"{title}{heading_attributes(REFERENCE_LANGUAGE, language)}\n\n"
        page += fallback_notice(REFERENCE_LANGUAGE, language, translator(language)) + "\n\n"
        page += wrap_in_language(body, REFERENCE_LANGUAGE, language)
        part.add_generated_page(REFERENCE_PAGE, language, source, page, **marks)
    return part


def _from_catalog(registry: Registry, markdown: str, language: str, part: StagedFiles) -> str:
    """The reference in ``language`` assembled from its catalog, the partly-translated notice
    under its title while the catalog is incomplete (the English page where the catalog
    cannot be read, with the problem reported)."""
    catalog_file = catalog_path(registry.root, REFERENCE_FILE.as_posix(), language)
    document = document_from_catalog(
        registry, catalog_file, markdown, REFERENCE_LANGUAGE, language, part.problems
    )
    if document.counts.percent == 100:
        return document.markdown
    title, _, body = document.markdown.partition("\n")
    notice = partly_translated_notice(
        document.counts.percent, REFERENCE_LANGUAGE, language, translator(language)
    )
    return f"{title}\n\n{notice}\n{body}"
