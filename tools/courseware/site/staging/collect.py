"""Decide every file of the staged site: each stager's part, merged in order, and the
builder's own assets, as a map of relative path to bytes.

Each generated page exists once per declared language with the mkdocs-static-i18n suffix
(``catalog.md``, ``catalog.es.md``, ...), its interface strings from that language's catalog.
"""

from __future__ import annotations

from importlib import resources

from courseware.datasheet import datasheet_print_css
from courseware.i18n.tracking import translation_status
from courseware.registry.load import Registry
from courseware.site.render import track_print_css
from courseware.site.staging.assessment import (
    load_site_assessment,
    stage_self_checks,
    stage_test_forms,
)
from courseware.site.staging.catalog import stage_calculator, stage_catalog
from courseware.site.staging.curriculum import stage_modules, stage_tracks
from courseware.site.staging.datasheets import stage_datasheets
from courseware.site.staging.glossary import stage_glossary
from courseware.site.staging.hand_pages import stage_hand_pages
from courseware.site.staging.home_page import stage_home_page
from courseware.site.staging.lab_catalogs import read_lab_prose
from courseware.site.staging.lab_facts import check_lab_references, read_lab_facts
from courseware.site.staging.labs import stage_labs
from courseware.site.staging.module_files import stage_module_images
from courseware.site.staging.problem_reference import stage_problem_reference
from courseware.site.staging.staged import StagedFiles
from courseware.site.staging.teaching_kits import stage_teaching_kits
from courseware.site.staging.translations import stage_translation_status

STYLESHEET = "courseware.css"
"""The site's one stylesheet, staged with the print styles appended (see
:func:`site_stylesheet`)."""


def collect_site_files(registry: Registry, *, keep_going: bool = False) -> StagedFiles:
    """Assemble every staged file of the site for all declared languages.

    Args:
        keep_going: publish a failing lab's last good output under a dated notice instead
            of stopping the build.
    """
    staged = StagedFiles()
    source = registry.source_language.code
    translations = translation_status(
        registry.root, registry.language_codes, source, read_lab_prose
    )
    hand_pages = stage_hand_pages(registry, translations)
    staged.merge(hand_pages)
    reported = {p.file for p in hand_pages.problems}
    staged.merge(stage_translation_status(registry, translations, reported))
    staged.merge(stage_catalog(registry))
    staged.merge(stage_calculator(registry))
    staged.merge(stage_problem_reference(registry))
    staged.merge(stage_glossary(registry))
    assessment = load_site_assessment(registry)
    staged.problems += assessment.problems
    staged.merge(stage_modules(registry, translations, self_checks=assessment.banks.keys()))
    staged.merge(stage_module_images(registry))
    staged.merge(stage_self_checks(registry, assessment))
    staged.merge(stage_datasheets(registry))
    staged.merge(stage_labs(registry, keep_going=keep_going, report=translations))
    facts = read_lab_facts(registry.root)  # its own problems are stage_labs' to report
    staged.problems += check_lab_references(registry, facts)
    bank_items = {module: bank.items for module, bank in assessment.banks.items()}
    staged.merge(stage_teaching_kits(registry, facts, bank_items))
    staged.merge(stage_tracks(registry, facts=facts, forms=assessment.forms))
    staged.merge(stage_test_forms(registry, assessment))
    # Last: the home page counts the labs and datasheets the site publishes.
    staged.merge(stage_home_page(registry, hand_pages, staged.files))
    for relative, content in package_assets().items():
        staged.add_file(relative, content)
    return staged


def package_assets() -> dict[str, bytes]:
    """The builder's own CSS and JavaScript, shipped inside the package."""
    base = resources.files("courseware.site") / "assets"
    assets = {
        f"assets/courseware/{item.name}": item.read_bytes()
        for item in sorted(base.iterdir(), key=lambda i: i.name)
        if item.is_file() and item.name.endswith(".js")
    }
    assets[f"assets/courseware/{STYLESHEET}"] = site_stylesheet()
    return dict(sorted(assets.items()))


def site_stylesheet() -> bytes:
    """One stylesheet for the whole site (one request): ours, then the print styles."""
    base = resources.files("courseware.site") / "assets" / STYLESHEET
    parts = [base.read_text(encoding="utf-8"), track_print_css(), datasheet_print_css()]
    return "\n".join(parts).encode("utf-8")
