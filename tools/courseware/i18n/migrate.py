"""Move a whole-file Markdown translation into its paragraph catalog, losing nothing.

A translation written as a whole file (``index.es.md``) has the same blocks as its source,
in the same order (CONTRIBUTING asks for that, and ``courseware translate start`` begins it
as a copy). The units of the two files are paired in order and become the catalog's entries.
The file is removed only when the document assembled from the catalog reproduces it, every
character outside the header the same; otherwise nothing is written and the reason is
returned, and the file stays a whole-file translation.

A prose-only lab translation (``labs/<id>.<lang>.py``) moves the same way: its cells pair
with the source lab's by number, and the file is removed only when the lab assembled from the
catalog has exactly its Markdown cells, alt texts and captions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from courseware.i18n.content_catalogs import (
    build_template,
    catalog_path,
    merged_catalog,
    write_catalog,
)
from courseware.i18n.headers import header_style, strip_translation_header
from courseware.i18n.lab_catalogs import LabProse, build_lab_template, lab_translation
from courseware.i18n.paragraphs import split_markdown


@dataclass(frozen=True)
class Migration:
    """What happened to one translation file."""

    translation: str
    catalog: str | None
    """The catalog written (relative to the root), or None when the file was kept."""
    reason: str
    """Why it was kept, or how many entries were written."""


def catalog_from_translation(
    source_path: str, source_text: str, translation_text: str, language: str
) -> tuple[Catalog | None, str]:
    """The catalog pairing the units of a source and its whole-file translation, or None and
    why they cannot be paired."""
    body = strip_translation_header(translation_text, "front_matter")
    source = split_markdown(source_text)
    translated = split_markdown(body)
    if len(source.units) != len(translated.units):
        return None, (
            f"{len(translated.units)} blocks where the source has {len(source.units)}; "
            "keep it as an adaptation or align its blocks with the source"
        )
    for ours, theirs in zip(source.units, translated.units, strict=True):
        if ours.kind != theirs.kind:
            return None, (
                f"line {theirs.line}: a {theirs.kind} where the source has a {ours.kind} "
                f"(source line {ours.line})"
            )
    catalog = merged_catalog(build_template(source_path, source_text), None, language)
    for ours, theirs in zip(source.units, translated.units, strict=True):
        message = catalog.get(ours.text)
        if message is None:
            continue
        if message.string and message.string != theirs.text:
            return None, (
                f"line {theirs.line}: the source's repeated text (line {ours.line}) is "
                "translated in two ways; make them one, or keep the file as an adaptation"
            )
        message.string = theirs.text
    assembled = source.assemble(lambda _, unit: _string(catalog, unit.text))
    if _without_header(assembled) != _without_header(body):
        first = _first_difference(_without_header(assembled), _without_header(body))
        return None, (
            f"line {first}: text outside the blocks differs from the source (code, a table's "
            "layout, HTML); keep it as an adaptation or make that part match the source"
        )
    return catalog, f"{len(catalog)} entries"


def migrate_translation(
    root: Path, source_path: str, translation_path: str, language: str, source_text: str
) -> Migration:
    """Write the catalog of one whole-file translation and remove the file, when lossless.

    ``source_text`` is the source the translation was made from (the current one when the
    translation is current)."""
    translation_file = root / translation_path
    text = translation_file.read_text(encoding="utf-8")
    assert header_style(translation_path) == "front_matter"
    catalog, reason = catalog_from_translation(source_path, source_text, text, language)
    if catalog is None:
        return Migration(translation_path, None, reason)
    target = catalog_path(root, source_path, language)
    if target.exists():
        return Migration(translation_path, None, f"{target.relative_to(root)} already exists")
    write_catalog(target, catalog)
    translation_file.unlink()
    return Migration(translation_path, target.relative_to(root).as_posix(), reason)


def _string(catalog: Catalog, text: str) -> str:
    message = catalog.get(text)
    return str(message.string) if message is not None and message.string else text


def _without_header(text: str) -> str:
    return strip_translation_header(text, "front_matter").strip()


def _first_difference(first: str, second: str) -> int:
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            return first[:index].count("\n") + 1
    return min(first.count("\n"), second.count("\n")) + 1


def catalog_from_lab_translation(
    source: LabProse, translated: LabProse, language: str
) -> tuple[Catalog | None, str]:
    """The catalog pairing a lab's texts with those of its prose-only translation (read
    merged into the lab), or None and why they cannot be paired.

    The translation's Markdown cells pair with the source's by number (``text=N``), their
    units in order; a cell the translation has no text for stays untranslated. The pairing
    is kept only when the lab assembled from the catalog has exactly the translation's
    Markdown cells, alt texts and captions."""
    catalog = merged_catalog(build_lab_template(source), None, language)
    pairs: list[tuple[str, str, str]] = [(source.title, translated.title, "title")]
    theirs_by_number = {cell.number: cell for cell in translated.cells}
    for ours in source.cells:
        theirs = theirs_by_number.get(ours.number)
        if theirs is None or theirs.is_untranslated:
            continue
        mine, yours = split_markdown(ours.text).units, split_markdown(theirs.text).units
        if len(mine) != len(yours):
            return None, (
                f"text={ours.number} has {len(yours)} blocks where the source's cell has "
                f"{len(mine)}; align its blocks with the source's cell"
            )
        for unit, their_unit in zip(mine, yours, strict=True):
            if unit.kind != their_unit.kind:
                return None, (
                    f"text={ours.number}: a {their_unit.kind} where the source's cell has a "
                    f"{unit.kind}"
                )
            pairs.append((unit.text, their_unit.text, f"text={ours.number}"))
    figures = {figure.number: figure for figure in translated.figures}
    for ours_figure in source.figures:
        their_figure = figures.get(ours_figure.number)
        if their_figure is None:
            continue
        pairs += [
            (alt, their_alt, f"figure={ours_figure.number}")
            for alt, their_alt in zip(ours_figure.alt_texts, their_figure.alt_texts, strict=False)
        ]
        if ours_figure.caption and their_figure.caption:
            pairs.append(
                (ours_figure.caption, their_figure.caption, f"figure={ours_figure.number}")
            )
    for msgid, msgstr, where in pairs:
        message = catalog.get(msgid)
        if message is None:
            continue
        if message.string and message.string != msgstr:
            return None, (
                f"{where}: the source's repeated text is translated in two ways; make them "
                "one, then migrate again"
            )
        message.string = msgstr
    assembled = lab_translation(source, catalog)
    wanted_cells = {cell.number: cell.text for cell in translated.cells}
    wanted_figures = {f.number: (f.alt_texts, f.caption) for f in translated.figures}
    for number, text in assembled.cells.items():
        if text.strip("\n") != wanted_cells.get(number, "").strip("\n"):
            return None, (
                f"text={number}: text outside the blocks differs from the source's cell "
                "(code, a table's layout, HTML); make that part match the source"
            )
    for number, texts in assembled.figures.items():
        if texts != wanted_figures.get(number, texts):
            return None, f"figure={number}: its alt texts or caption do not pair with the source's"
    if assembled.title != translated.title:
        return None, "the title does not pair with the source's"
    return catalog, f"{len(catalog)} entries"


def migrate_lab_translation(
    root: Path, source: LabProse, translated: LabProse, translation_path: str, language: str
) -> Migration:
    """Write the catalog of one prose-only lab translation and remove the file, when
    lossless (see :func:`catalog_from_lab_translation`)."""
    catalog, reason = catalog_from_lab_translation(source, translated, language)
    if catalog is None:
        return Migration(translation_path, None, reason)
    target = catalog_path(root, source.path, language)
    if target.exists():
        return Migration(translation_path, None, f"{target.relative_to(root)} already exists")
    write_catalog(target, catalog)
    (root / translation_path).unlink()
    return Migration(translation_path, target.relative_to(root).as_posix(), reason)
