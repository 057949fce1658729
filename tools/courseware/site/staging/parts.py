"""The staged site as the parts its stagers made, kept so that ``courseware serve`` can make
again only the parts an edit of one module's text feeds (issue 19, item 2).

:func:`collect_site_parts` runs the stagers in the order ``collect_site_files`` always has,
and keeps each one's part; a module's page and teaching kit are parts of their own, one per
module and language, since they are the only staged pages that read the module's text
(``modules/<id>/index.md`` and its translations). Merged in that order, the parts are the
staged site byte for byte, with the problems in the same order.

Given the parts of the last staging and the modules whose text alone changed since, the
parts that read no module's text are taken over (labs, datasheets, catalogues, assessment,
tracks, ...) and the rest are made again: the translation report (a translation's staleness
is its source text's), the hand pages and the translation-status pages that show it, the
changed modules' pages and kits, and the home page (which counts what the others staged).
The caller decides when that is sound (``commands/serve_staging.py``): the registry must be
the same but for what the changed texts feed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from courseware.assess.bank import Item
from courseware.errors import Problem
from courseware.i18n.tracking import translation_status
from courseware.registry.load import Registry
from courseware.registry.modules import Module
from courseware.site.staging.answer_functions import answer_values
from courseware.site.staging.assessment import (
    SiteAssessment,
    load_site_assessment,
    stage_self_checks,
    stage_test_forms,
)
from courseware.site.staging.assets import package_assets
from courseware.site.staging.catalog import stage_calculator, stage_catalog
from courseware.site.staging.curriculum import (
    stage_module_index,
    stage_module_page,
    stage_tracks,
)
from courseware.site.staging.datasheets import stage_datasheets
from courseware.site.staging.glossary import stage_glossary
from courseware.site.staging.hand_pages import stage_hand_pages
from courseware.site.staging.home_page import stage_home_page
from courseware.site.staging.lab_catalogs import read_lab_prose
from courseware.site.staging.lab_facts import LabFacts, check_lab_references, read_lab_facts
from courseware.site.staging.labs import stage_labs
from courseware.site.staging.module_files import stage_module_images
from courseware.site.staging.problem_reference import stage_problem_reference
from courseware.site.staging.staged import StagedFiles
from courseware.site.staging.teaching_kits import stage_kits_index, stage_module_kit
from courseware.site.staging.translations import stage_translation_status

PartKey = tuple[str, str | None, str | None]
"""A part's name, and for a module's own parts its module id and language (else None)."""

_MADE_EVERY_TIME = frozenset({"hand_pages", "translation_status", "home_page"})
"""Parts made again on every staging: they show the translation report (or, the home page,
count what the other parts staged)."""


@dataclass
class SiteParts:
    """Every stager's part of the staged site, in merge order."""

    parts: dict[PartKey, StagedFiles] = field(default_factory=dict)
    assessment: SiteAssessment | None = None
    facts: LabFacts | None = None
    restaged: list[PartKey] = field(default_factory=list)
    """The parts made anew (all of them, unless they were made from an earlier staging)."""

    def merged(self) -> StagedFiles:
        """The staged site: every part merged in order (later files replace earlier ones)."""
        staged = StagedFiles()
        for part in self.parts.values():
            staged.merge(part)
        return staged


def collect_site_parts(
    registry: Registry,
    *,
    keep_going: bool = False,
    previous: SiteParts | None = None,
    changed_texts: Collection[str] = (),
) -> SiteParts:
    """Run every stager for all declared languages, keeping each one's part.

    Args:
        keep_going: publish a failing lab's last good output under a dated notice instead
            of stopping the build.
        previous: the parts of the last staging of this project, to take over every part
            that reads no module text; only when ``changed_texts`` names everything that
            changed since (see the module docstring).
        changed_texts: ids of the modules whose text changed since ``previous``.
    """
    result = SiteParts()
    changed = frozenset(changed_texts)

    def part(
        key: PartKey, make: Callable[..., StagedFiles], *args: Any, **kwargs: Any
    ) -> StagedFiles:
        kept = None if previous is None else previous.parts.get(key)
        if kept is None or key[0] in _MADE_EVERY_TIME or key[1] in changed:
            kept = make(*args, **kwargs)
            result.restaged.append(key)
        result.parts[key] = kept
        return kept

    source = registry.source_language.code
    translations = translation_status(
        registry.root, registry.language_codes, source, read_lab_prose
    )
    hand_pages = part(("hand_pages", None, None), stage_hand_pages, registry, translations)
    reported = {p.file for p in hand_pages.problems}
    part(
        ("translation_status", None, None),
        stage_translation_status,
        registry,
        translations,
        reported,
    )
    part(("catalog", None, None), stage_catalog, registry)
    part(("calculator", None, None), stage_calculator, registry)
    part(("problem_reference", None, None), stage_problem_reference, registry)
    part(("glossary", None, None), stage_glossary, registry)
    assessment = previous.assessment if previous is not None else None
    if assessment is None:
        assessment = load_site_assessment(registry)
    result.assessment = assessment
    part(("assessment", None, None), _problems_part, assessment.problems)
    self_checks = assessment.banks.keys()
    for language in registry.language_codes:
        part(("module_index", None, language), stage_module_index, registry, language)
        for module in registry.modules:
            part(
                ("module_page", module.id, language),
                stage_module_page,
                registry,
                module,
                language,
                translations,
                self_checks,
            )
    part(("module_images", None, None), stage_module_images, registry)
    part(("self_checks", None, None), stage_self_checks, registry, assessment)
    part(("datasheets", None, None), stage_datasheets, registry)
    part(("labs", None, None), stage_labs, registry, keep_going=keep_going, report=translations)
    facts = previous.facts if previous is not None else None
    if facts is None:
        facts = read_lab_facts(registry.root)  # its own problems are stage_labs' to report
    result.facts = facts
    part(("lab_references", None, None), _lab_references_part, registry, facts)
    bank_items = {module: bank.items for module, bank in assessment.banks.items()}
    part(("kits_index", None, None), stage_kits_index, registry, facts, bank_items)
    values: list[dict[str, float]] = []  # the computed answers, once, if a kit is made
    for module in registry.modules:
        part(
            ("module_kit", module.id, None),
            _module_kit,
            registry,
            module,
            facts,
            bank_items,
            values,
        )
    part(("tracks", None, None), stage_tracks, registry, facts=facts, forms=assessment.forms)
    part(("test_forms", None, None), stage_test_forms, registry, assessment)
    # Last: the home page counts the labs and datasheets the site publishes.
    so_far = result.merged().files
    part(("home_page", None, None), stage_home_page, registry, hand_pages, so_far)
    part(("package_assets", None, None), _assets_part)
    return result


def _module_kit(
    registry: Registry,
    module: Module,
    facts: LabFacts,
    bank_items: dict[str, list[Item]],
    values: list[dict[str, float]],
) -> StagedFiles:
    if not values:
        values.append(answer_values(registry.answer_keys, registry.root))
    return stage_module_kit(registry, module, facts, bank_items, values[0])


def _problems_part(problems: list[Problem]) -> StagedFiles:
    made = StagedFiles()
    made.problems += problems
    return made


def _lab_references_part(registry: Registry, facts: LabFacts) -> StagedFiles:
    return _problems_part(check_lab_references(registry, facts))


def _assets_part() -> StagedFiles:
    made = StagedFiles()
    for relative, content in package_assets().items():
        made.add_file(relative, content)
    return made
