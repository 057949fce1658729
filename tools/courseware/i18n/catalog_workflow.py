"""What ``courseware translate`` does with content catalogs: start, update, diff, migrate.

``update`` is the step to run after editing a source (CI can run it too): it rewrites each
document's template and merges it into every language's catalog, so a changed paragraph
becomes one fuzzy entry that keeps its previous source, and ``diff`` shows translators what
changed. Nothing a translator wrote is dropped: entries whose source paragraph is gone stay
in the catalog as obsolete (``#~``), where translation tools offer them as suggestions.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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
from courseware.i18n.migrate import Migration, migrate_translation
from courseware.i18n.reference_catalog import fill_identifiers
from courseware.i18n.tracking import TranslationReport, translation_status


@dataclass(frozen=True)
class UpdateResult:
    """Files ``update_catalogs`` rewrote (relative to the root), and those already current."""

    written: tuple[str, ...]
    unchanged: int


def markdown_sources(report: TranslationReport) -> list[str]:
    """The source documents that catalogs translate: hand pages and module texts."""
    return sorted({entry.source for entry in report.entries if entry.kind in ("page", "module")})


def update_catalogs(root: Path, languages: Sequence[str], source_language: str) -> UpdateResult:
    """Rewrite every document's template, and merge it into each existing catalog."""
    report = translation_status(root, languages, source_language)
    written: list[str] = []
    unchanged = 0
    for source_path in markdown_sources(report):
        text = (root / source_path).read_text(encoding="utf-8")
        template = build_template(source_path, text)
        targets = [(template_path(root, source_path), template)]
        for language in report.languages:
            path = catalog_path(root, source_path, language)
            if path.is_file() and not path.is_symlink():
                merged = merged_catalog(template, read_catalog(path, language), language)
                targets.append((path, fill_identifiers(source_path, merged)))
        for path, catalog in targets:
            if path.is_file() and path.read_bytes() == catalog_bytes(catalog):
                unchanged += 1
                continue
            write_catalog(path, catalog)
            written.append(path.relative_to(root).as_posix())
    return UpdateResult(tuple(written), unchanged)


def start_catalog(root: Path, source_path: str, language: str) -> Path:
    """Write the empty catalog of ``source_path`` in ``language`` (never over an existing one).

    Raises:
        FileExistsError: the catalog exists already.
    """
    path = catalog_path(root, source_path, language)
    if path.exists():
        raise FileExistsError(path)
    text = (root / source_path).read_text(encoding="utf-8")
    fresh = merged_catalog(build_template(source_path, text), None, language)
    write_catalog(path, fill_identifiers(source_path, fresh))
    return path


def diff_lines(root: Path, source_path: str, language: str) -> list[str]:
    """The source paragraphs changed since they were translated, as word-level diffs, then
    how many paragraphs are not translated yet."""
    path = catalog_path(root, source_path, language)
    catalog = read_catalog(path, language)
    lines: list[str] = []
    for before, after, translation in changed_units(catalog):
        where = next((m.locations for m in catalog if m.id == after), [])
        line = f":{where[0][1]}" if where else ""
        lines.append(f"{source_path}{line}: the source changed since it was translated")
        lines += [f"  {part}" for part in _word_diff(before, after)]
        lines.append(f"  translation: {translation}")
        lines.append("")
    untranslated = sum(1 for message in catalog if message.id and not message.string)
    if untranslated:
        lines.append(f"{untranslated} paragraphs of {source_path} are not translated yet")
    if not lines:
        lines.append(f"{path.relative_to(root).as_posix()}: nothing changed, nothing missing")
    return lines


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
    root: Path, languages: Sequence[str], source_language: str, only: str | None = None
) -> list[Migration]:
    """Move every current whole-file Markdown translation into its catalog (see ``migrate``);
    stale ones are left for their translator, who sees the source's change first."""
    report = translation_status(root, languages, source_language)
    done: list[Migration] = []
    for entry in report.entries:
        if entry.kind == "lab" or entry.units is not None or (only and entry.language != only):
            continue
        if entry.state == "missing":
            continue
        if entry.state == "stale":
            done.append(Migration(entry.path, None, "stale: update it to the source first"))
            continue
        source_text = (root / entry.source).read_text(encoding="utf-8")
        done.append(
            migrate_translation(root, entry.source, entry.path, entry.language, source_text)
        )
    return done
