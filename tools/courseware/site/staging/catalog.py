"""Stage the catalog of external courses and workshops, one offering page each, and the
footprint calculator, in every language."""

from __future__ import annotations

from courseware.footprint.page import calculator_assets, calculator_page_markdown
from courseware.i18n.catalogs import translator
from courseware.registry.load import Registry
from courseware.site.render import render_catalog_page, render_offering_page
from courseware.site.staging.staged import StagedFiles


def stage_catalog(registry: Registry) -> StagedFiles:
    """``catalog`` and ``offerings/<id>`` for every language."""
    part = StagedFiles()
    source = registry.source_language.code
    for language in registry.language_codes:
        gettext = translator(language)
        catalog = render_catalog_page(
            registry.offerings, language, source, registry.language_codes, gettext
        )
        part.add_generated_page("catalog", language, source, catalog)
        for offering in registry.offerings:
            part.add_generated_page(
                f"offerings/{offering.id}",
                language,
                source,
                render_offering_page(offering, language, source, gettext),
            )
    return part


def stage_calculator(registry: Registry) -> StagedFiles:
    """The footprint calculator page in every language, and its script and data."""
    part = StagedFiles()
    source = registry.source_language.code
    for language in registry.language_codes:
        page = calculator_page_markdown(translator(language), asset_prefix="../", language=language)
        part.add_generated_page("calculator", language, source, page)
    for relative, content in calculator_assets().items():
        part.add_file(relative, content)
    return part
