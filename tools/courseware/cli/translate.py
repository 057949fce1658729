"""``courseware translate ...``: see what is translated, stale or missing, and start one.

Thin: the languages come from ``curriculum/languages.yaml`` alone (not the whole registry, so
a broken module.yaml does not hide the translation status), the rest from
:mod:`courseware.i18n.tracking` and :mod:`courseware.i18n.start`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from courseware.cli.options import format_option, root_option
from courseware.errors import ContentError, UsageError, errors_only
from courseware.i18n.start import start_translation
from courseware.i18n.tracking import (
    KINDS,
    STATES,
    TranslationReport,
    report_as_dict,
    translation_status,
)
from courseware.registry.load import load_languages
from courseware.registry.models import Language
from courseware.validation import did_you_mean

KIND_PLURALS = {"page": "pages", "module": "modules", "lab": "labs"}


@click.group()
def translate() -> None:
    """Track translations of pages, modules and labs, and start new ones."""


@translate.command("status")
@click.option("--lang", "language", metavar="CODE", help="Show only this language.")
@format_option("Text for people, JSON for tools.")
@root_option
def status_command(language: str | None, output_format: str, root: Path) -> None:
    """Show per language what is translated, stale (source changed since) and missing.

    Exits 0 however much is left to translate; orphan translations (no source) and file
    suffixes that are no declared language are errors (exit 1).
    """
    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    codes = [lang.code for lang in languages]
    report = translation_status(root, codes, source)
    if language is not None:
        if language not in report.languages:
            raise UsageError(_unknown_language(language, report.languages, source))
        report = report.only(language)
    if output_format == "json":
        click.echo(json.dumps(report_as_dict(report), indent=2, ensure_ascii=False))
    else:
        names = {lang.code: lang.native_name for lang in languages}
        for line in status_lines(report, names):
            click.echo(line)
    if report.problems:
        raise ContentError(report.problems)


@translate.command("start")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("code")
@click.option("--translator", "translators", multiple=True, help="Your name; repeat for more.")
@root_option
def start_command(path: Path, code: str, translators: tuple[str, ...], root: Path) -> None:
    """Start translating PATH into language CODE.

    PATH is a source file: pages/NAME.md, modules/ID/index.md or labs/ID.py. The translation
    is written beside it (pages/NAME.CODE.md), with a header that records the source's hash,
    followed by the source text to translate (for a lab, only its Markdown cells and its
    figures' alt text: the code stays the source's). An existing file is never overwritten.
    """
    from courseware.labs import lab_translation_skeleton  # the Jupyter stack, only when used

    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    written = start_translation(
        root,
        path if path.is_absolute() else Path.cwd() / path,
        code,
        [lang.code for lang in languages],
        source,
        translators,
        lab_skeleton=lab_translation_skeleton,
    )
    click.echo(f"Wrote {written}")
    click.echo("Translate the text below the header and keep the header as it is.")


def status_lines(report: TranslationReport, names: dict[str, str]) -> list[str]:
    """The text report: per language, a table of counts per kind, then the files per state."""
    lines = [f"Translation status (source language: {report.source_language})"]
    for code in report.languages:
        total = report.counts(code)
        lines += [
            "",
            f"{code} ({names.get(code, code)}): {total.translated} translated, "
            f"{total.stale} stale, {total.missing} missing",
            f"  {'':<8} {'translated':>10} {'stale':>6} {'missing':>8}",
        ]
        for kind in KINDS:
            counts = report.counts(code, kind)
            lines.append(
                f"  {KIND_PLURALS[kind]:<8} {counts.translated:>10} {counts.stale:>6} "
                f"{counts.missing:>8}"
            )
        for state in STATES:
            entries = [entry for entry in report.entries_for(code) if entry.state == state]
            if entries:
                lines.append(f"  {state}:")
            for entry in entries:
                detail = f": {entry.reason}" if state == "stale" else ""
                lines.append(f"    {entry.path}{detail}")
    if any(entry.state == "missing" for entry in report.entries):
        lines += ["", "Start a missing translation with: courseware translate start SOURCE CODE"]
    return lines


def _declared_languages(root: Path) -> list[Language]:
    languages, problems, _ = load_languages(root)
    if errors_only(problems) or not languages:
        raise ContentError(problems)
    return languages


def _unknown_language(language: str, targets: tuple[str, ...], source: str) -> str:
    if language == source:
        return f"{language!r} is the source language; choose one of: {', '.join(targets)}"
    return (
        f"{language!r} is not a language declared in curriculum/languages.yaml"
        f"{did_you_mean(language, targets)}"
    )


COMMANDS: list[click.Command] = [translate]
