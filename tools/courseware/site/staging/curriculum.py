"""Stage the module pages, the module index, the track pages and the track index.

A module page is its title, its card, then its text (``modules/<id>/index.md``, or the
translation ``index.<lang>.md``); a missing translation falls back honestly.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from courseware.assess.forms import Form
from courseware.errors import Problem
from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import catalog_path
from courseware.i18n.tracking import TranslationReport
from courseware.registry.load import Registry
from courseware.registry.modules import Module
from courseware.site.render import (
    TrackDownload,
    TrackPrint,
    fallback_notice,
    heading_attributes,
    language_marks,
    markdown_text,
    partly_translated_notice,
    render_module_card,
    render_module_index,
    render_self_check_link,
    render_teacher_plan,
    render_track_download,
    render_track_index,
    render_track_page,
    render_track_prints,
    render_track_tests,
    stale_notice,
    wrap_in_language,
)
from courseware.site.staging.assessment import load_site_assessment
from courseware.site.staging.catalog_pages import document_from_catalog
from courseware.site.staging.front_matter import split_front_matter
from courseware.site.staging.hand_pages import read_text_file
from courseware.site.staging.lab_facts import LabFacts, read_lab_facts
from courseware.site.staging.staged import StagedFiles
from courseware.site.staging.translations import is_stale
from courseware.textfields import text_in, text_language


def _module_text(
    module: Module, language: str, registry: Registry, staged: StagedFiles
) -> tuple[str, bool, str, str] | None:
    """The Markdown body for ``language``, whether it is a fallback to the source, and the
    file the page's source map names with its whole text."""
    relative = module.text_file(language)
    text, problems = read_text_file(registry.root / relative, registry.root)
    staged.problems += problems
    if text is None:
        return None
    _, body, problems = split_front_matter(text, relative)
    staged.problems += problems
    if language in module.catalog_languages:
        assembled = _from_catalog(registry, relative, body, module.spec.source_language, language)
        # The page's text comes from the catalog: its checks name the catalog (with the
        # line of the assembled text, which follows the source's blocks in order).
        catalog = catalog_path(registry.root, relative, language).relative_to(registry.root)
        return assembled, False, assembled, catalog.as_posix()
    return body, relative == module.text_file(registry.source_language.code), text, relative


def _from_catalog(
    registry: Registry, source_path: str, body: str, source_language: str, language: str
) -> str:
    """The module's text in ``language`` assembled from its catalog, under a notice saying
    how much is translated when that is not all of it (the registry has already reported an
    unreadable catalog, so none reaches here)."""
    catalog_file = catalog_path(registry.root, source_path, language)
    problems: list[Problem] = []
    document = document_from_catalog(
        registry, catalog_file, body, source_language, language, problems
    )
    if document.counts.percent == 100:
        return document.markdown
    gettext = translator(language)
    notice = partly_translated_notice(document.counts.percent, source_language, language, gettext)
    return notice + "\n\n" + document.markdown


def stage_modules(
    registry: Registry, translations: TranslationReport, self_checks: Collection[str] = ()
) -> StagedFiles:
    """Stage ``modules/index`` and one ``modules/<id>/index`` page per module and language.

    Args:
        self_checks: the modules that have a self-check page; their pages end with a link
            to it.
    """
    staged = StagedFiles()
    for language in registry.language_codes:
        staged.merge(stage_module_index(registry, language))
        for module in registry.modules:
            staged.merge(stage_module_page(registry, module, language, translations, self_checks))
    return staged


def stage_module_index(registry: Registry, language: str) -> StagedFiles:
    """``modules/index`` in ``language``: from the registry alone (no module's text)."""
    staged = StagedFiles()
    gettext = translator(language)
    index_title = gettext("Teaching modules")
    intro = gettext(
        "Modules are the pieces educators assemble into a course of their own. Each one "
        "says how long it takes, what it assumes, and which languages it is available in."
    )
    body = f"# {markdown_text(index_title)}\n\n{markdown_text(intro)}\n\n"
    body += render_module_index(registry, language, gettext)
    staged.add_generated_page("modules/index", language, registry.source_language.code, body)
    return staged


def stage_module_page(
    registry: Registry,
    module: Module,
    language: str,
    translations: TranslationReport,
    self_checks: Collection[str] = (),
) -> StagedFiles:
    """``modules/<id>/index`` of ``module`` in ``language``: the one part of
    :func:`stage_modules` that reads the module's text (``courseware serve`` re-stages it
    alone when only that text changed)."""
    staged = StagedFiles()
    source = registry.source_language.code
    gettext = translator(language)
    text = _module_text(module, language, registry, staged)
    if text is None:
        return staged
    content, is_fallback, source_text, source_file = text
    if is_fallback and language != source:
        content = fallback_notice(source, language, gettext) + "\n\n"
        content += wrap_in_language(text[0], source, language)
    elif language != source and is_stale(translations, module.text_file(language)):
        content = stale_notice(gettext) + "\n\n" + content
    title = text_in(module.spec.title, language, source)
    title_language = text_language(module.spec.title, language, source)
    page = f"# {markdown_text(title)}{heading_attributes(title_language, language)}\n\n"
    page += render_module_card(module, registry, language, gettext) + "\n\n"
    marks: dict[str, Any] = {}
    if title_language != language:
        marks["title_language"] = language_marks(title_language, language)
    if is_fallback and language != source:
        marks["text_language"] = language_marks(source, language)
    staged.add_generated_page(f"modules/{module.id}/index", language, source, page, **marks)
    # The module's own text is contributed Markdown: appended after script extraction.
    key = f"modules/{module.id}/index{'' if language == source else '.' + language}.md"
    if module.id in self_checks:
        content += "\n\n" + render_self_check_link(gettext)
    staged.files[key] = staged.files[key] + f"\n{content}\n".encode()
    staged.note_source(key, source_file, source_text, text[0])
    return staged


def stage_tracks(
    registry: Registry,
    downloads: Mapping[str, TrackDownload] | None = None,
    *,
    facts: LabFacts | None = None,
    prints: Mapping[str, Sequence[TrackPrint]] | None = None,
    forms: Mapping[str, tuple[Form, Form]] | None = None,
) -> StagedFiles:
    """Stage ``tracks/index`` and one ``tracks/<id>`` page per track and language, each with
    its teacher's plan (the labs' durations from their headers) and, where the track has
    them, its pre/post test forms.

    Args:
        downloads: each track's offline copy by track id, once built; its page and the
            index then offer it for download with its size.
        facts: the labs' headers, if already read.
        prints: each track's printed PDFs by track id, once printed; its page offers them.
        forms: each track's forms A and B, if already built.
    """
    staged = StagedFiles()
    source = registry.source_language.code
    downloads = downloads or {}
    facts = facts if facts is not None else read_lab_facts(registry.root)
    forms = forms if forms is not None else load_site_assessment(registry).forms
    for language in registry.language_codes:
        gettext = translator(language)
        labs = {m.id: facts.kit_labs(registry, m.id, language) for m in registry.modules}
        body = render_track_index(registry, language, gettext, downloads)
        staged.add_generated_page("tracks/index", language, source, body)
        for track in registry.tracks:
            page = f"# {markdown_text(text_in(track.spec.title, language, source))}\n\n"
            if track.id in downloads:
                page += render_track_download(downloads[track.id], language, gettext)
            page += render_track_prints((prints or {}).get(track.id, ()), language, gettext)
            page += render_track_page(track, registry, language, gettext)
            page += "\n\n" + render_teacher_plan(track, registry, language, gettext, labs)
            if track.id in forms:
                page += "\n\n" + render_track_tests(track.id, forms[track.id], gettext)
            staged.add_generated_page(f"tracks/{track.id}", language, source, page)
    return staged
