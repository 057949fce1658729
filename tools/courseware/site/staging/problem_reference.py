"""Stage the problem-code reference (``courseware.problem_reference``) as a page of the site.

The page is the same Markdown that ``make problem-codes`` writes to ``docs/problem-codes.md``,
so a contributor who reads ``[CW-SCH-002 unknown-field]`` in a message finds its meaning and
its fix on the site as in the repository. The codes' texts are written in English only; in
every other language the page is shown in English under the usual fallback notice, its title
and text marked as English (WCAG 3.1.2), as an untranslated module is.
"""

from __future__ import annotations

from typing import Any

from courseware.i18n.catalogs import translator
from courseware.problem_reference import problem_codes_markdown
from courseware.registry.load import Registry
from courseware.site.render import (
    fallback_notice,
    heading_attributes,
    language_marks,
    wrap_in_language,
)
from courseware.site.staging.staged import StagedFiles

REFERENCE_PAGE = "problem-codes"
"""The page's name in the staged tree (``problem-codes.md``, ``problem-codes.es.md``, ...)."""

REFERENCE_LANGUAGE = "en"
"""The language the catalogue's summaries, examples and fixes are written in."""


def stage_problem_reference(registry: Registry) -> StagedFiles:
    """The problem-code reference in every declared language."""
    part = StagedFiles()
    source = registry.source_language.code
    title, _, body = problem_codes_markdown().partition("\n")
    for language in registry.language_codes:
        if language == REFERENCE_LANGUAGE:
            part.add_generated_page(REFERENCE_PAGE, language, source, f"{title}\n{body}")
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
