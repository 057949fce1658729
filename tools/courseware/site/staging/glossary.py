"""Stage the glossary page in every language, and its TBX download."""

from __future__ import annotations

from courseware.i18n.catalogs import translator
from courseware.registry.glossary import glossary_tbx
from courseware.registry.load import Registry
from courseware.site.render import GLOSSARY_DOWNLOAD, render_glossary_page
from courseware.site.staging.staged import StagedFiles

GLOSSARY_PAGE = "glossary"


def stage_glossary(registry: Registry) -> StagedFiles:
    """The glossary page per language; nothing when the project has no glossary."""
    part = StagedFiles()
    if not registry.glossary:
        return part
    source = registry.source_language.code
    for language in registry.language_codes:
        body = render_glossary_page(
            registry.glossary, language, source, translator(language), root_prefix="../"
        )
        part.add_generated_page(GLOSSARY_PAGE, language, source, body)
    part.add_file(GLOSSARY_DOWNLOAD, glossary_tbx(registry.glossary, source))
    return part
