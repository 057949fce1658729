"""Stage the executable labs: run them (cached), then one page per lab and language with its
figures and downloads, and a lab index.

A lab that fails stops the build by default, leaving the previous site in place; with
``keep_going`` its last good output is published under a dated notice instead. A traceback
is never published: failures are reported as problems, not rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from courseware import problem_codes as codes
from courseware.errors import ContentError, Problem
from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import UnitCounts, catalog_path, read_catalog
from courseware.i18n.formatting import format_size
from courseware.i18n.tracking import TranslationReport
from courseware.labs import (
    Lab,
    LabRun,
    LabSections,
    RunSettings,
    RuntimeOffer,
    RuntimeWheel,
    cached_runtime_wheel,
    execute_labs,
    load_labs,
    needs_runtime,
)
from courseware.labs import render_lab as render_lab_page
from courseware.project_paths import RUNTIME_WHEEL_CACHE_DIR
from courseware.registry.load import Registry
from courseware.site.render import (
    fallback_notice,
    heading_attributes,
    language_marks,
    partly_translated_notice,
    render_lab_index,
    stale_notice,
    wrap_in_language,
)
from courseware.site.staging.lab_catalogs import catalog_lab
from courseware.site.staging.project_settings import ProjectSettings, project_settings
from courseware.site.staging.staged import LabSummary, StagedFiles
from courseware.site.staging.translations import is_stale

Translate = Callable[[str], str]

_LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def _relocate(markdown: str, files: dict[str, bytes], folder: str) -> tuple[str, dict[str, bytes]]:
    """Move a rendered lab's files into ``folder``, rewriting the page's links to them.

    Every page gets its own folder so that translated labs' files never meet
    mkdocs-static-i18n's suffix rules for static files (``x.es.png`` would be taken for the
    Spanish version of ``x.png``).
    """
    names = set(files)

    def rewrite(match: re.Match[str]) -> str:
        target = match.group("target")
        return f"]({folder}/{target})" if target in names else match.group(0)

    return _LINK_TARGET.sub(rewrite, markdown), {
        f"{folder}/{name}": data for name, data in files.items()
    }


def _translations_of(labs: list[Lab]) -> dict[tuple[str, str], Lab]:
    return {(lab.id, lab.language): lab for lab in labs if lab.language is not None}


@dataclass
class _CatalogLabs:
    labs: dict[tuple[str, str], Lab] = field(default_factory=dict)
    """Each lab translated by a catalog, by (lab id, language)."""
    counts: dict[tuple[str, str], UnitCounts] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _catalog_translations(
    registry: Registry,
    sources: list[Lab],
    source: str,
    settings: ProjectSettings,
    prose_files: set[tuple[str, str]],
) -> _CatalogLabs:
    """The source labs in every language that has a catalog for them (``locale/<lang>/
    LC_MESSAGES/labs/<id>.po``) and no prose-only translation, with how much each
    translates."""
    found = _CatalogLabs()
    for lab in sources:
        for language in registry.language_codes:
            path = catalog_path(registry.root, lab.relative_path, language)
            if (lab.id, language) in prose_files or language == source:
                continue
            if not path.is_file() or path.is_symlink():
                continue
            try:
                catalog = read_catalog(path, language)
            except (OSError, ValueError) as error:
                shown = path.relative_to(registry.root).as_posix()
                message = f"not a valid PO file ({error}); fix the entry, or run translate update"
                found.problems.append(
                    Problem(shown, None, None, message, code=codes.CATALOG_UNREADABLE)
                )
                continue
            translated, counts = catalog_lab(
                lab,
                language,
                catalog,
                source_language=source,
                gettext=translator(language),
                fuzzy_shown=settings.fuzzy_translations,
            )
            found.labs[(lab.id, language)] = translated
            found.counts[(lab.id, language)] = counts
    return found


def stage_labs(
    registry: Registry,
    *,
    keep_going: bool = False,
    jobs: int | None = None,
    report: TranslationReport | None = None,
) -> StagedFiles:
    """Execute the labs (or reuse their cache) and stage their pages for every language;
    the part's ``labs`` says what ran.

    A translation is read merged into its source lab, so it shows the source's code and
    outputs; it gets the stale notice when ``report`` says its source changed.
    """
    staged = StagedFiles()
    source = registry.source_language.code
    labs, problems = load_labs(registry.root)
    staged.problems += problems
    sources = [lab for lab in labs if lab.language is None]
    translations = _translations_of(labs)
    runs = execute_labs(sources, registry.root, jobs=jobs) if sources else []
    wheel = None
    if any(needs_runtime(lab) for lab in sources):
        # One copy for every lab and language: the pages link to it beside them.
        wheel = cached_runtime_wheel(registry.root / RUNTIME_WHEEL_CACHE_DIR)
        staged.add_file(f"labs/{wheel.path.name}", wheel.path.read_bytes())
    settings = project_settings(registry.root)
    catalogs = _catalog_translations(registry, sources, source, settings, set(translations))
    staged.problems += catalogs.problems
    translations = {**catalogs.labs, **translations}  # a prose-only file wins over a catalog
    outdated: list[str] = []
    for run in runs:
        if not run.is_ok:
            if not keep_going or run.last_good is None:
                staged.problems += list(run.problems)
                continue
            outdated.append(run.lab.id)
        _stage_lab(
            staged, registry, run, translations, source, report, wheel, settings, catalogs.counts
        )
    listed = {
        key: lab
        for key, lab in translations.items()
        if key not in catalogs.counts or catalogs.counts[key].percent == 100
    }
    _stage_index(staged, registry, [run.lab for run in runs], listed, source)
    staged.labs = LabSummary(
        executed=sum(1 for run in runs if run.status == "executed"),
        cached=sum(1 for run in runs if run.status == "cached"),
        failed=sum(1 for run in runs if not run.is_ok),
        published_outdated=tuple(outdated),
    )
    return staged


def _stage_lab(
    staged: StagedFiles,
    registry: Registry,
    run: LabRun,
    translations: dict[tuple[str, str], Lab],
    source: str,
    report: TranslationReport | None,
    wheel: RuntimeWheel | None,
    settings: ProjectSettings,
    catalog_counts: dict[tuple[str, str], UnitCounts],
) -> None:
    for language in registry.language_codes:
        gettext = translator(language)
        run_settings = _run_settings(wheel, settings, language)
        translation = translations.get((run.lab.id, language))
        shown = translation if translation is not None else run.lab

        def mark(markdown: str, language: str = language) -> str:
            return wrap_in_language(markdown, source, language)

        try:
            rendered = render_lab_page(
                shown, run, gettext=gettext, mark_untranslated=mark, settings=run_settings
            )
        except ContentError as error:
            staged.problems += list(error.problems)
            return
        staged.problems += list(rendered.problems)
        folder = run.lab.id if language == source else f"{run.lab.id}-{language}"
        sections = rendered.sections
        metadata: dict[str, Any] = {}
        if language != source and translation is None:
            sections = _as_fallback(sections, source, language, gettext)
            metadata = {"courseware": _fallback_metadata(sections, source, language)}
        elif (counts := catalog_counts.get((run.lab.id, language))) is not None:
            if counts.percent < 100:
                partly = partly_translated_notice(counts.percent, source, language, gettext)
                sections = replace(sections, notice=_joined(partly, sections.notice))
        elif translation is not None and report and is_stale(report, translation.relative_path):
            sections = replace(sections, notice=_joined(stale_notice(gettext), sections.notice))
        if not run.sandboxed:
            sections = replace(sections, notice=_joined(sections.notice, _unconfined(gettext)))
        markdown, files = _relocate(sections.markdown(), dict(rendered.files), folder)
        staged.add_page(f"labs/{run.lab.id}", language, source, markdown, metadata)
        for name, data in files.items():
            staged.add_file(f"labs/{name}", data)


def _run_settings(
    wheel: RuntimeWheel | None, settings: ProjectSettings, language: str
) -> RunSettings:
    """What the page in ``language`` offers for running the lab elsewhere."""
    offer = None
    if wheel is not None:
        size = format_size(wheel.path.stat().st_size, language)
        offer = RuntimeOffer(filename=wheel.path.name, href=wheel.path.name, size_text=size)
    return RunSettings(
        runtime=offer, repo_url=settings.repo_url, hosted_notebooks=settings.hosted_notebooks
    )


def _unconfined(gettext: Translate) -> str:
    """The notice of a lab run outside the sandbox (the project set COURSEWARE_LAB_SANDBOX)."""
    text = gettext(
        "This lab ran without the lab sandbox, because the project builds its labs "
        "unconfined; its output comes from code that could read the build machine's files."
    )
    return f"> **{gettext('Note')}:** {text}"


def _joined(*notices: str) -> str:
    return "\n\n".join(notice for notice in notices if notice)


def _as_fallback(
    sections: LabSections, source: str, language: str, gettext: Translate
) -> LabSections:
    """An untranslated lab on a page in ``language``: the notice first, the lab's title and
    prose marked as ``source``; the facts, downloads and instructions stay in the reader's
    language, outside the marked parts."""
    title = sections.title.rstrip() + heading_attributes(source, language)
    notice = fallback_notice(source, language, gettext)
    return replace(
        sections,
        title=title,
        facts=f"{notice}\n\n{sections.facts}",
        prose=wrap_in_language(sections.prose, source, language),
    )


def _fallback_metadata(sections: LabSections, source: str, language: str) -> dict[str, Any]:
    """What the templates need to mark the English title (``<title>``, the header) and the
    table of contents' entries of the lab's English headings."""
    marks = language_marks(source, language)
    return {
        "title_language": marks,
        "text_language": marks,
        "interface_anchors": list(sections.interface_anchors),
    }


def _stage_index(
    staged: StagedFiles,
    registry: Registry,
    labs: list[Lab],
    translations: dict[tuple[str, str], Lab],
    source: str,
) -> None:
    for language in registry.language_codes:
        gettext = translator(language)
        body = render_lab_index(
            labs, translations, registry.modules_by_id, language, source, gettext
        )
        staged.add_generated_page("labs/index", language, source, body)
