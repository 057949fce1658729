"""What ``courseware translate`` does with content catalogs: start, update, diff, migrate.

``update`` is the step to run after editing a source (CI can run it too): it rewrites each
document's template and merges it into every language's catalog, so a changed paragraph
becomes one fuzzy entry that keeps its previous source, and ``diff`` shows translators what
changed. Nothing a translator wrote is dropped: entries whose source paragraph is gone stay
in the catalog as obsolete (``#~``), where translation tools offer them as suggestions.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from courseware.i18n.content_catalogs import (
    build_template,
    catalog_bytes,
    catalog_path,
    changed_units,
    merged_catalog,
    read_catalog,
    template_path,
    write_catalog,
)
from courseware.i18n.lab_catalogs import LabProseReader, build_lab_template
from courseware.i18n.migrate import Migration, migrate_lab_translation, migrate_translation
from courseware.i18n.reference_catalog import fill_identifiers
from courseware.i18n.registry_catalogs import merged_text_catalog
from courseware.i18n.tracking import TranslationReport, translation_status


@dataclass(frozen=True)
class UpdateResult:
    """Files ``update_catalogs`` rewrote (relative to the root), and those already current."""

    written: tuple[str, ...]
    unchanged: int


def markdown_sources(report: TranslationReport) -> list[str]:
    """The source documents that catalogs translate: hand pages and module texts."""
    return sorted({entry.source for entry in report.entries if entry.kind in ("page", "module")})


def lab_sources(report: TranslationReport) -> list[str]:
    """The source labs (``labs/<id>.py``), whose catalogs hold their prose."""
    return sorted({entry.source for entry in report.entries if entry.kind == "lab"})


def update_catalogs(
    root: Path,
    languages: Sequence[str],
    source_language: str,
    lab_prose: LabProseReader | None = None,
    text_templates: Sequence[tuple[str, Catalog]] = (),
) -> UpdateResult:
    """Rewrite every document's template, and merge it into each existing catalog (labs'
    too, when ``lab_prose`` reads them; a lab that does not load is left as it is), and the
    registry documents' ``text_templates`` (source path, template) too, entry by entry."""
    report = translation_status(root, languages, source_language, lab_prose)
    written: list[str] = []
    unchanged = 0
    templates: list[tuple[str, Catalog]] = []
    for source_path in markdown_sources(report):
        text = (root / source_path).read_text(encoding="utf-8")
        templates.append((source_path, build_template(source_path, text)))
    for source_path in lab_sources(report) if lab_prose is not None else []:
        prose = lab_prose(root, source_path) if lab_prose is not None else None
        if prose is not None:
            templates.append((source_path, build_lab_template(prose)))
    for source_path, template in text_templates:
        targets = [
            (template_path(root, source_path), _dated_like_before(root, source_path, template))
        ]
        for language in report.languages:
            path = catalog_path(root, source_path, language)
            if path.is_file() and not path.is_symlink():
                old = read_catalog(path, language)
                targets.append((path, merged_text_catalog(template, old, language)))
        unchanged += _write_changed(root, targets, written)
    for source_path, template in templates:
        template = _dated_like_before(root, source_path, template)
        targets = [(template_path(root, source_path), template)]
        for language in report.languages:
            path = catalog_path(root, source_path, language)
            if path.is_file() and not path.is_symlink():
                merged = merged_catalog(template, read_catalog(path, language), language)
                targets.append((path, fill_identifiers(source_path, merged)))
        unchanged += _write_changed(root, targets, written)
    return UpdateResult(tuple(written), unchanged)


def _dated_like_before(root: Path, source_path: str, template: Catalog) -> Catalog:
    """``template`` with the creation date of the template file it replaces, so that an
    unchanged template is not rewritten for its date alone."""
    path = template_path(root, source_path)
    if path.is_file() and not path.is_symlink():
        with contextlib.suppress(ValueError):  # an unreadable template is simply rewritten
            template.creation_date = read_catalog(path, "en").creation_date
    return template


def start_text_catalog(root: Path, source_path: str, template: Catalog, language: str) -> Path:
    """Write the empty catalog of a registry document in ``language``.

    Raises:
        FileExistsError: the catalog exists already.
    """
    path = catalog_path(root, source_path, language)
    if path.exists():
        raise FileExistsError(path)
    write_catalog(path, merged_text_catalog(template, None, language))
    return path


def _write_changed(root: Path, targets: list[tuple[Path, Catalog]], written: list[str]) -> int:
    """Write each catalog whose bytes differ from its file, adding its path to ``written``;
    return how many were already current."""
    unchanged = 0
    for path, catalog in targets:
        if path.is_file() and path.read_bytes() == catalog_bytes(catalog):
            unchanged += 1
            continue
        write_catalog(path, catalog)
        written.append(path.relative_to(root).as_posix())
    return unchanged


def start_catalog(
    root: Path, source_path: str, language: str, lab_prose: LabProseReader | None = None
) -> Path:
    """Write the empty catalog of ``source_path`` in ``language`` (never over an existing one);
    a lab's (``labs/<id>.py``) needs ``lab_prose`` to read it.

    Raises:
        FileExistsError: the catalog exists already.
        ValueError: a lab that does not load, or no ``lab_prose`` for one.
    """
    path = catalog_path(root, source_path, language)
    if path.exists():
        raise FileExistsError(path)
    if source_path.endswith(".py"):
        prose = lab_prose(root, source_path) if lab_prose is not None else None
        if prose is None:
            raise ValueError(f"{source_path} does not load; run courseware validate")
        template = build_lab_template(prose)
    else:
        text = (root / source_path).read_text(encoding="utf-8")
        template = build_template(source_path, text)
    write_catalog(path, fill_identifiers(source_path, merged_catalog(template, None, language)))
    return path


def diff_lines(root: Path, source_path: str, language: str) -> list[str]:
    """The source paragraphs changed since they were translated, as word-level diffs, then
    how many paragraphs are not translated yet."""
    path = catalog_path(root, source_path, language)
    catalog = read_catalog(path, language)
    lines: list[str] = []
    for before, after, translation, context in _changed(catalog):
        message = next((m for m in catalog if m.id == after and m.context == context), None)
        where = message.locations if message is not None else []
        line = f":{where[0][1]}" if where else ""
        cell = ""
        if source_path.endswith(".py") and message is not None and message.auto_comments:
            cell = f" ({', '.join(message.auto_comments)})"  # which cell of the lab
        elif message is not None and message.context:
            cell = f" ({message.context})"  # which field of a registry document
        lines.append(f"{source_path}{line}{cell}: the source changed since it was translated")
        lines += [f"  {part}" for part in _word_diff(before, after)]
        lines.append(f"  translation: {translation}")
        lines.append("")
    untranslated = sum(1 for message in catalog if message.id and not message.string)
    if untranslated:
        what = "texts" if source_path.endswith((".py", ".yaml")) else "paragraphs"
        lines.append(f"{untranslated} {what} of {source_path} are not translated yet")
    if not lines:
        lines.append(f"{path.relative_to(root).as_posix()}: nothing changed, nothing missing")
    return lines


def _changed(catalog: Catalog) -> list[tuple[str, str, str, str | None]]:
    """``changed_units`` with each entry's context (registry catalogs key entries by it)."""
    contexts = [m.context for m in catalog if m.id and m.fuzzy and m.previous_id]
    return [
        (*change, context) for change, context in zip(changed_units(catalog), contexts, strict=True)
    ]


def _word_diff(before: str, after: str) -> list[str]:
    """``- removed words`` / ``+ added words`` lines, the rest as context."""
    old, new = before.split(), after.split()
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            words = old[a1:a2]
            shown = " ".join(words) if len(words) <= 8 else " ".join([*words[:3], "…", *words[-3:]])
            parts.append(f"  {shown}")
            continue
        if a2 > a1:
            parts.append(f"- {' '.join(old[a1:a2])}")
        if b2 > b1:
            parts.append(f"+ {' '.join(new[b1:b2])}")
    return parts


def migrate_translations(
    root: Path,
    languages: Sequence[str],
    source_language: str,
    only: str | None = None,
    lab_prose: LabProseReader | None = None,
) -> list[Migration]:
    """Move every current whole-file Markdown translation into its catalog (see ``migrate``),
    and every current prose-only lab translation when ``lab_prose`` reads labs; stale ones
    are left for their translator, who sees the source's change first."""
    report = translation_status(root, languages, source_language, lab_prose)
    done: list[Migration] = []
    for entry in report.entries:
        if entry.units is not None or (only and entry.language != only):
            continue
        if entry.state == "missing" or (entry.kind == "lab" and lab_prose is None):
            continue
        if entry.state == "stale":
            done.append(Migration(entry.path, None, "stale: update it to the source first"))
            continue
        if entry.kind == "lab" and lab_prose is not None:
            source, translated = lab_prose(root, entry.source), lab_prose(root, entry.path)
            if source is None or translated is None:
                done.append(Migration(entry.path, None, "does not load; run courseware validate"))
                continue
            done.append(
                migrate_lab_translation(root, source, translated, entry.path, entry.language)
            )
            continue
        source_text = (root / entry.source).read_text(encoding="utf-8")
        done.append(
            migrate_translation(root, entry.source, entry.path, entry.language, source_text)
        )
    return done
