"""Stage the translation status page, and say which translations are stale.

The status page exists in every language; its problems (orphan translations, suffixes that
are no declared language) are content errors, reported once per file.
"""

from __future__ import annotations

from collections.abc import Collection

from courseware.i18n.catalogs import translator
from courseware.i18n.status_page import TranslationCredit, render_status_page
from courseware.i18n.tracking import TranslationReport
from courseware.registry.load import Registry
from courseware.site.staging.staged import StagedFiles
from courseware.textfields import text_in


def is_stale(report: TranslationReport, translation_path: str) -> bool:
    """True when the translation at ``translation_path`` is out of date or unverified."""
    return any(e.path == translation_path and e.state == "stale" for e in report.entries)


def stage_translation_status(
    registry: Registry, report: TranslationReport, reported: Collection[str]
) -> StagedFiles:
    """The translation status page, per language, with the report's problems about files
    not in ``reported`` (files whose problems another stager already names)."""
    part = StagedFiles()
    source = registry.source_language.code
    part.problems += [p for p in report.problems if p.file not in reported]
    for language in registry.language_codes:
        credits = {
            declared.code: TranslationCredit(
                text_in(declared.translated_by, language, source)
                if declared.translated_by
                else None,
                declared.reviewed_by,
            )
            for declared in registry.languages
        }
        page = render_status_page(report, language, translator(language), credits=credits)
        part.add_generated_page("status", language, source, page)
    return part
