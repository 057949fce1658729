"""Stage the assessment kit's pages: every module's self-check and both forms of every
track's pre/post test, once per declared language.

The banks are read and checked here as ``courseware assess check`` does, so a bank error
stops the build with its ``file:line`` like any other content error, and a warning (an
objective with one item) is listed. A page whose questions are not all in the reader's
language shows each untranslated text marked with its language, and a self-check of a module
that does not exist in the reader's language gets the fallback notice, as its module page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from courseware.assess.bank import Bank, load_banks
from courseware.assess.forms import Form, bank_entries, build_forms
from courseware.assess.kit import check_banks
from courseware.errors import Problem, errors_only
from courseware.i18n.catalogs import translator
from courseware.registry.load import Registry
from courseware.site.render import (
    SELF_CHECK_PAGE,
    fallback_notice,
    form_page,
    heading_attributes,
    language_marks,
    markdown_text,
    render_form_page,
    render_self_check_page,
)
from courseware.site.staging.staged import StagedFiles
from courseware.textfields import text_in, text_language


@dataclass(frozen=True)
class SiteAssessment:
    """The banks by module id and the forms by track id that the site shows."""

    banks: Mapping[str, Bank] = field(default_factory=dict)
    forms: Mapping[str, tuple[Form, Form]] = field(default_factory=dict)
    """Only tracks whose forms have items (a track of modules without banks has none)."""
    problems: tuple[Problem, ...] = ()


def load_site_assessment(registry: Registry) -> SiteAssessment:
    """Read and check every module's bank and build every track's forms; with an error in
    any bank, nothing is shown and the problems say why."""
    banks, problems = load_banks(registry.root, list(registry.modules))
    problems += check_banks(registry, banks)
    if errors_only(problems):
        return SiteAssessment(problems=tuple(problems))
    forms = {track.id: build_forms(track, banks) for track in registry.tracks}
    shown = {track: pair for track, pair in forms.items() if pair[0].items}
    return SiteAssessment(banks, shown, tuple(problems))


def _directions(registry: Registry) -> dict[str, str]:
    return {language.code: language.direction for language in registry.languages}


def stage_self_checks(registry: Registry, assessment: SiteAssessment) -> StagedFiles:
    """Stage ``modules/<id>/self-check`` for every module with a bank, in every language."""
    staged = StagedFiles()
    source = registry.source_language.code
    directions = _directions(registry)
    for module in registry.modules:
        bank = assessment.banks.get(module.id)
        if bank is None:
            continue
        entries = bank_entries(bank)
        for language in registry.language_codes:
            gettext = translator(language)
            title = text_in(module.spec.title, language, module.spec.source_language)
            title_language = text_language(module.spec.title, language, source)
            heading = gettext("Self-check: {title}").format(title=title)
            page = f"# {markdown_text(heading)}{heading_attributes(title_language, language)}\n\n"
            if language not in module.languages:
                page += fallback_notice(source, language, gettext) + "\n\n"
            page += render_self_check_page(
                module.id,
                title,
                entries,
                language,
                directions[language],
                gettext,
                title_language=title_language,
            )
            marks = {}
            if title_language != language:
                marks["title_language"] = language_marks(title_language, language)
            staged.add_generated_page(
                f"modules/{module.id}/{SELF_CHECK_PAGE}", language, source, page, **marks
            )
    return staged


def stage_test_forms(registry: Registry, assessment: SiteAssessment) -> StagedFiles:
    """Stage ``tracks/<id>/form-a`` and ``form-b`` for every track with forms, in every
    language."""
    staged = StagedFiles()
    source = registry.source_language.code
    directions = _directions(registry)
    for track in registry.tracks:
        forms = assessment.forms.get(track.id)
        if forms is None:
            continue
        for language in registry.language_codes:
            gettext = translator(language)
            title = text_in(track.spec.title, language, source)
            title_language = text_language(track.spec.title, language, source)
            for form in forms:
                heading = gettext("Pre/post test, form {letter}: {title}").format(
                    letter=form.letter, title=title
                )
                marked = heading_attributes(title_language, language)
                page = f"# {markdown_text(heading)}{marked}\n\n"
                page += render_form_page(form, language, directions[language], gettext)
                marks = {}
                if title_language != language:
                    marks["title_language"] = language_marks(title_language, language)
                staged.add_generated_page(
                    form_page(track.id, form.letter), language, source, page, **marks
                )
    return staged
