"""``courseware translate ...``: see what is translated, stale or missing, and start one.

Thin: the languages come from ``curriculum/languages.yaml`` alone (not the whole registry, so
a broken module.yaml does not hide the translation status), the rest from
:mod:`courseware.i18n.tracking` and :mod:`courseware.i18n.start`.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import click
from babel.messages.catalog import Catalog

from courseware.cli.options import format_option, root_option
from courseware.errors import ContentError, UsageError, errors_only
from courseware.i18n.content_catalogs import UNIT_STATES
from courseware.i18n.registry_catalogs import TextDocumentUnits
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
from courseware.registry.text_catalogs import TextDocument
from courseware.validation import did_you_mean
from courseware.yamlsafe import read_yaml_file

KIND_PLURALS = {"page": "pages", "module": "modules", "lab": "labs", "text": "texts"}


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
    from courseware.site import read_lab_prose  # reads labs, only for this command

    texts = text_document_units(root, [code for code in codes if code != source])
    report = translation_status(root, codes, source, read_lab_prose, texts)
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
@click.option(
    "--whole-file",
    is_flag=True,
    help="Write a whole translated copy (an adaptation) instead of a paragraph catalog.",
)
@root_option
def start_command(
    path: Path, code: str, translators: tuple[str, ...], whole_file: bool, root: Path
) -> None:
    """Start translating PATH into language CODE.

    PATH is a source file: pages/NAME.md, modules/ID/index.md or labs/ID.py. A page, a
    module's text or a lab's text (its title, Markdown cells and figures' alt text; the code
    stays the source's) is translated paragraph by paragraph in a catalog,
    locale/CODE/LC_MESSAGES/<document>.po, that Poedit, Weblate or Crowdin open; with
    --whole-file (a local adaptation, or a lab's prose-only file), the translation is a file
    beside the source (pages/NAME.CODE.md, labs/ID.CODE.py) with a header that records the
    source's hash, followed by the source text to translate. An existing file is never
    overwritten.
    """
    from courseware.labs import lab_translation_skeleton  # the Jupyter stack, only when used

    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    if path.suffix == ".yaml":
        _start_text_catalog(root, path, code, [lang.code for lang in languages], source)
        return
    if not whole_file and path.suffix in (".md", ".py"):
        _start_catalog(root, path, code, [lang.code for lang in languages], source)
        return
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


def _start_catalog(root: Path, path: Path, code: str, languages: list[str], source: str) -> None:
    from courseware.i18n.catalog_workflow import start_catalog
    from courseware.i18n.start import check_translation_source
    from courseware.site import read_lab_prose

    absolute = path if path.is_absolute() else Path.cwd() / path
    _, relative = check_translation_source(root, absolute, code, languages, source)
    whole = PurePosixPath(relative)
    whole_file = whole.with_name(f"{whole.stem}.{code}{whole.suffix}").as_posix()
    if (root / whole_file).exists():
        raise UsageError(
            f"{whole_file} translates {relative} already (a whole file); keep it, or move it "
            "into a catalog with: courseware translate migrate"
        )
    try:
        written = start_catalog(root, relative, code, read_lab_prose)
    except FileExistsError as error:
        raise UsageError(
            f"{error}: exists already; translate it, or run translate update"
        ) from None
    except ValueError as error:
        raise UsageError(str(error)) from None
    click.echo(f"Wrote {written.relative_to(root)}")
    click.echo(
        "Translate each entry (msgstr) with a PO editor such as Poedit, or on Weblate or "
        "Crowdin; the site shows each translated paragraph as soon as it is there."
    )
    parts = PurePosixPath(relative).parts
    if parts[0] == "modules":
        folder = PurePosixPath(*parts[:-1]).as_posix()
        for document in text_documents(root):
            if PurePosixPath(document.path).parent.as_posix() != folder:
                continue
            try:
                made = _write_text_catalog(root, document.path, code)
            except FileExistsError as error:
                shown = Path(str(error)).relative_to(root)
                click.echo(f"The texts of {document.path} are translated in {shown} (exists)")
                continue
            click.echo(
                f"Wrote {made.relative_to(root)}: the texts of {document.path} (title, "
                "summary, objectives, exercises, instructor notes, questions), to translate "
                "the same way"
            )


def _start_text_catalog(
    root: Path, path: Path, code: str, languages: list[str], source: str
) -> None:
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        relative = absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{path} is not inside the project {root}") from None
    targets = tuple(code for code in languages if code != source)
    if code not in targets:
        raise UsageError(_unknown_language(code, targets, source))
    if not any(document.path == relative for document in text_documents(root)):
        raise UsageError(
            f"{relative} is not a registry document with texts (module.yaml, questions.yaml, "
            "answers.yaml, a track, an offering or curriculum/topics.yaml)"
        )
    try:
        written = _write_text_catalog(root, relative, code)
    except FileExistsError as error:
        raise UsageError(
            f"{error}: exists already; translate it, or run translate update"
        ) from None
    click.echo(f"Wrote {written.relative_to(root)}")
    click.echo(
        "Translate each entry (msgstr) with a PO editor such as Poedit, or on Weblate or "
        "Crowdin; each field's context (msgctxt) says which it is."
    )


def _write_text_catalog(root: Path, relative: str, code: str) -> Path:
    """Start the catalog of one registry document (see ``start_text_catalog``).

    Raises:
        FileExistsError: it exists already.
    """
    from courseware.i18n.catalog_workflow import start_text_catalog

    template = dict(text_templates(root))[relative]
    return start_text_catalog(root, relative, template, code)


@translate.command("update")
@root_option
def update_command(root: Path) -> None:
    """Bring every content catalog up to its source: a changed paragraph becomes fuzzy.

    Run it after editing a page, a module's text or a lab. Templates (locale/templates/*.pot) are
    rewritten; in each language's catalog, an unchanged paragraph keeps its translation, a
    changed one is marked fuzzy with its previous source (see translate diff), and one whose
    source is gone is kept as obsolete."""
    from courseware.i18n.catalog_workflow import update_catalogs

    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    from courseware.site import read_lab_prose

    codes = [lang.code for lang in languages]
    result = update_catalogs(root, codes, source, read_lab_prose, text_templates(root))
    for path in result.written:
        click.echo(f"Updated {path}")
    click.echo(f"{len(result.written)} catalogs updated, {result.unchanged} already current")


@translate.command("diff")
@click.argument("document")
@click.argument("code")
@root_option
def diff_command(document: str, code: str, root: Path) -> None:
    """Show what changed in DOCUMENT's source paragraphs since they were translated into CODE.

    DOCUMENT is the source file, such as modules/what-is-tinyml/index.md."""
    from courseware.i18n.catalog_workflow import diff_lines
    from courseware.i18n.content_catalogs import catalog_path

    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    targets = tuple(lang.code for lang in languages if not lang.source)
    if code not in targets:
        raise UsageError(_unknown_language(code, targets, source))
    if not catalog_path(root, document, code).is_file():
        raise UsageError(
            f"{document} has no catalog in {code!r}; start one with: courseware translate "
            f"start {document} {code}"
        )
    for line in diff_lines(root, document, code):
        click.echo(line)


@translate.command("migrate")
@click.option("--lang", "language", metavar="CODE", help="Only this language.")
@click.option(
    "--registry",
    "registry",
    is_flag=True,
    help="Move the translations of the registry's text fields (module.yaml, question banks, "
    "answer keys, tracks, offerings, topics) from their YAML maps into catalogs instead.",
)
@root_option
def migrate_command(language: str | None, registry: bool, root: Path) -> None:
    """Move whole-file translations of pages and modules, and prose-only lab translations,
    into paragraph catalogs.

    A file is removed only when the page assembled from its catalog has exactly its text;
    one whose blocks do not line up with the source, or that is stale, stays as it is and
    the reason is printed."""
    from courseware.i18n.catalog_workflow import migrate_translations

    if registry:
        _migrate_registry(root, language)
        return
    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    from courseware.site import read_lab_prose

    codes = [lang.code for lang in languages]
    done = migrate_translations(root, codes, source, language, read_lab_prose)
    for migration in done:
        if migration.catalog:
            click.echo(f"{migration.translation} -> {migration.catalog} ({migration.reason})")
        else:
            click.echo(f"{migration.translation}: kept: {migration.reason}")
    moved = sum(1 for migration in done if migration.catalog)
    click.echo(f"{moved} translations moved into catalogs, {len(done) - moved} kept")


def _migrate_registry(root: Path, language: str | None) -> None:
    from courseware.i18n.registry_migrate import migrate_text_document

    moved = 0
    for document in text_documents(root):
        try:
            result = migrate_text_document(
                root,
                document.path,
                document.model,
                document.source_language,
                document.stale,
                only=language,
            )
        except ValueError as error:
            click.echo(f"{document.path}: kept as it is: {error}")
            continue
        for reason in result.kept:
            click.echo(reason)
        if result.moved:
            counts = ", ".join(f"{code} {count}" for code, count in sorted(result.moved.items()))
            click.echo(f"{document.path}: moved into catalogs ({counts})")
            moved += sum(result.moved.values())
    click.echo(f"{moved} translations moved into catalogs; run courseware validate")


@translate.command("glossary")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tbx", "csv"]),
    default="tbx",
    show_default=True,
    help="TBX (every language) or CSV (one language, with --lang).",
)
@click.option("--lang", "language", metavar="CODE", help="The target language of a CSV.")
@root_option
def glossary_command(output_format: str, language: str | None, root: Path) -> None:
    """Print the glossary (curriculum/glossary.yaml) for a translation platform's glossary:
    TBX for Weblate and Crowdin, or one language's CSV (source, target, explanation)."""
    from courseware.registry.glossary import glossary_csv, glossary_tbx, load_glossary

    languages = _declared_languages(root)
    source = next(lang.code for lang in languages if lang.source)
    codes = [lang.code for lang in languages]
    terms, problems, _ = load_glossary(root, codes, source)
    if errors_only(problems):
        raise ContentError(problems)
    if output_format == "tbx":
        click.echo(glossary_tbx(terms, source).decode("utf-8"), nl=False)
        return
    targets = tuple(code for code in codes if code != source)
    if language is None or language not in targets:
        given = language or ""
        message = "--format csv needs --lang CODE" if language is None else ""
        raise UsageError(message or _unknown_language(given, targets, source))
    click.echo(glossary_csv(terms, source, language), nl=False)


def text_documents(root: Path) -> list[TextDocument]:
    """The registry documents whose text fields have catalogs, question banks included."""
    from courseware.assess.bank import bank_text_documents
    from courseware.registry.text_catalogs import registry_text_documents

    return [*registry_text_documents(root), *bank_text_documents(root)]


def text_templates(root: Path) -> list[tuple[str, Catalog]]:
    """Each registry document's template (a file that does not parse is left out)."""
    from courseware.i18n.registry_catalogs import build_text_template

    found = []
    for document in text_documents(root):
        parsed, _ = read_yaml_file(root / document.path, root)
        if parsed is not None:
            template = build_text_template(
                document.path, document.model, parsed, document.source_language
            )
            found.append((document.path, template))
    return found


def text_document_units(root: Path, targets: list[str]) -> list[TextDocumentUnits]:
    """Every registry document's text entries counted per target language (a file that
    does not parse is left out: courseware validate reports it)."""
    from courseware.i18n.registry_catalogs import text_document_units as count_units

    found = []
    for document in text_documents(root):
        parsed, _ = read_yaml_file(root / document.path, root)
        if parsed is not None:
            found.append(
                count_units(root, document.model, parsed, document.source_language, targets)
            )
    return found


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
        catalogs = [entry for entry in report.entries_for(code) if entry.units is not None]
        if catalogs:
            lines.append(f"  {'catalog':<48} {'translated':>16} {'fuzzy':>12} {'untranslated':>14}")
            lines.append(f"  {'':<48} {'units/words':>16} {'units/words':>12} {'units/words':>14}")
        for entry in catalogs:
            units = entry.units
            assert units is not None
            cells = [f"{units.units[s]}/{units.words[s]}" for s in UNIT_STATES]
            lines.append(f"  {entry.path:<48} {cells[0]:>16} {cells[1]:>12} {cells[2]:>14}")
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
