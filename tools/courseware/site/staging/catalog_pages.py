"""A contributed document in a reader's language, assembled from its content catalog: the one
place that reads the catalog (reporting an unreadable one), applies the project's choice for
changed paragraphs, and hands back the Markdown with its counts; each stager then places the
partly-translated notice where its page wants it."""

from __future__ import annotations

from pathlib import Path

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import read_catalog
from courseware.registry.load import Registry
from courseware.site.render import TranslatedDocument, translated_document
from courseware.site.staging.project_settings import project_settings


def document_from_catalog(
    registry: Registry,
    catalog_file: Path,
    text: str,
    source_language: str,
    language: str,
    problems: list[Problem],
) -> TranslatedDocument:
    """``text`` (the source document) in ``language`` from ``catalog_file``; an unreadable
    catalog is one problem in ``problems`` and the document is then shown untranslated."""
    try:
        catalog = read_catalog(catalog_file, language)
    except (OSError, ValueError) as error:
        shown = catalog_file.relative_to(registry.root).as_posix()
        message = f"not a valid PO file ({error}); fix the entry"
        problems.append(Problem(shown, None, None, message, code=codes.CATALOG_UNREADABLE))
        catalog = None
    fuzzy = project_settings(registry.root).fuzzy_translations
    return translated_document(
        text,
        catalog,
        source_language=source_language,
        language=language,
        gettext=translator(language),
        fuzzy_shown="source" if fuzzy == "source" else "previous",
    )
