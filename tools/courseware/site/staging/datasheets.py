"""Stage the ML sensor datasheets: one page per datasheet and language, its YAML for
download, and a gallery with each datasheet's finding counts.

The validator's findings are part of what a datasheet page teaches (the published examples
have real inconsistencies), so they are shown, not fatal; a datasheet that does not load
at all stops the build like any other content error.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_decimal

from courseware.datasheet import (
    CheckedDatasheet,
    GalleryEntry,
    check_file,
    compute_environment,
    compute_risk_profile,
    count_by_severity,
    render_datasheet_page,
    render_gallery_page,
)
from courseware.datasheet.environment import EnvironmentInputError
from courseware.errors import Problem
from courseware.i18n.catalogs import plural_translator, translator
from courseware.i18n.formatting import locale_of
from courseware.registry.load import Registry
from courseware.site.staging.hand_pages import read_text_file
from courseware.site.staging.staged import StagedFiles

SENSORS_FOLDER = Path("curriculum/sensors")


def _checked_datasheets(registry: Registry, staged: StagedFiles) -> list[CheckedDatasheet]:
    folder = registry.root / SENSORS_FOLDER
    if not folder.is_dir():
        return []
    checked = []
    for path in sorted(folder.glob("*.yaml")):
        if path.is_symlink():
            continue  # reported by the registry's symlink check
        result = check_file(path, registry.root)
        if result.sheet is None:
            staged.problems += [
                Problem(f.file, f.line, f.field, f.message, code=f.code)
                for f in result.findings
                if f.severity == "error"
            ]
            continue
        checked.append(result)
    return checked


def root_prefix(page: str, language: str, source: str) -> str:
    """The relative path from a staged page's URL to the site root.

    ``sensors/x`` is served at ``sensors/x/`` (two levels), ``sensors/index`` at ``sensors/``;
    translations sit one level deeper, under ``<lang>/``.
    """
    depth = page.count("/") + (0 if page.endswith("/index") else 1)
    if page == "index":
        depth = 0
    return "../" * (depth + (0 if language == source else 1))


def number_format(language: str) -> Callable[[Decimal, str], str]:
    """The page's number format for the validator's messages: Babel's ``format_decimal``
    with a pattern (``#,##0.00``) in the locale of ``language``."""
    locale = locale_of(language)

    def format_number(value: Decimal, pattern: str) -> str:
        return str(format_decimal(value, format=pattern, locale=locale))

    return format_number


def stage_datasheets(registry: Registry) -> StagedFiles:
    """Stage ``sensors/index`` and ``sensors/<id>`` for every language, plus the YAML files."""
    staged = StagedFiles()
    source = registry.source_language.code
    checked = _checked_datasheets(registry, staged)
    for result in checked:
        sheet = result.sheet
        assert sheet is not None
        text, problems = read_text_file(registry.root / result.loaded.path, registry.root)
        staged.problems += problems
        if text is not None:
            staged.add_file(f"sensors/{sheet.id}.yaml", text.encode("utf-8"))
    for language in registry.language_codes:
        gettext = translator(language)
        entries = []
        for result in checked:
            sheet = result.sheet
            assert sheet is not None
            findings = list(result.findings)
            try:
                environment = compute_environment(sheet)
            except EnvironmentInputError:
                environment = None  # reported among the findings by the environment checks
            page_name = f"sensors/{sheet.id}"
            download = f"{root_prefix(page_name, language, source)}sensors/{sheet.id}.yaml"
            body = render_datasheet_page(
                sheet,
                findings,
                compute_risk_profile(sheet, findings),
                download,
                gettext,
                environment=environment,
                language=language,
                ngettext=plural_translator(language),
                number_format=number_format(language),
            )
            staged.add_generated_page(page_name, language, source, body)
            counts = count_by_severity(findings)
            title = sheet.title_page
            entries.append(
                GalleryEntry(
                    page_url=f"{sheet.id}/",
                    sensor_name=title.sensor_name if title and title.sensor_name else sheet.id,
                    sensor_type=(title.sensor_type or "") if title else "",
                    datasheet_version=(title.datasheet_version or "") if title else "",
                    errors=counts["error"],
                    warnings=counts["warning"],
                    infos=counts["info"],
                    illustrative=sheet.illustrative,
                )
            )
        staged.add_generated_page(
            "sensors/index", language, source, render_gallery_page(entries, gettext)
        )
    return staged
