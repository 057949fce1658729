"""Lab catalogs: a lab's prose as gettext entries, one catalog per lab and language.

A lab (``labs/<id>.py``) is translated like a page: its template is
``locale/templates/labs/<id>.pot`` and each language's catalog
``locale/<lang>/LC_MESSAGES/labs/<id>.po``. The entries are the lab's title, each unit of
each Markdown cell (the cell's Markdown split by ``i18n/paragraphs.py``), and each figure's
alt text and caption. Every entry says where it is: its location is the line of the lab file
(``#: labs/device-footprint.py:42``) and its automatic comment which cell (``cell 3``, the
third Markdown cell, as ``text=3`` numbers it in a prose-only translation; ``figure 2 alt``).

This package does not import the labs package (``tests/test_import_rules.py``): the caller
reads the lab and passes its prose as plain data (:class:`LabProse`), and gets plain data
back (each cell's translated Markdown, each figure's texts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from courseware.errors import Problem
from courseware.i18n.content_catalogs import (
    UNIT_STATES,
    UnitCounts,
    UnitState,
    document_name,
    read_catalog_or_problem,
    unit_state,
)
from courseware.i18n.paragraphs import Unit, split_markdown


@dataclass(frozen=True)
class ProseCell:
    """One Markdown cell of a lab."""

    number: int
    """Its place among the lab's Markdown cells, from 1 (``text=N``)."""
    text: str
    """Its Markdown."""
    line: int
    """The lab file's line of its first Markdown line."""
    is_untranslated: bool = False
    """In a prose-only translation: the translation has no text for this cell."""


@dataclass(frozen=True)
class FigureText:
    """The texts of one figure cell of a lab."""

    number: int
    """Its place among the lab's figure cells, from 1 (``figure=N``)."""
    alt_texts: tuple[str, ...]
    caption: str | None
    line: int
    """The lab file's line of its ``# %%`` marker."""


@dataclass(frozen=True)
class LabProse:
    """What a lab gives translators: its title, Markdown cells and figures' texts."""

    path: str
    """The source lab's project-relative path (``labs/device-footprint.py``)."""
    title: str
    title_line: int
    cells: tuple[ProseCell, ...]
    figures: tuple[FigureText, ...] = ()


LabProseReader = Callable[[Path, str], "LabProse | None"]
"""``(root, project-relative lab path) -> its prose``, None when the lab cannot be read; for a
prose-only translation (``labs/<id>.<lang>.py``), the prose of the merged lab."""


@dataclass(frozen=True)
class LabEntry:
    """One translatable text of a lab, as its catalog has it."""

    text: str
    line: int
    comment: str
    kind: str
    words: int


def lab_entries(prose: LabProse) -> Iterator[LabEntry]:
    """Every translatable text of ``prose``, in the lab's order."""
    yield LabEntry(prose.title, prose.title_line, "title", "title", _words(prose.title))
    for cell in prose.cells:
        for unit in split_markdown(cell.text).units:
            line = cell.line + unit.line - 1
            yield LabEntry(unit.text, line, f"cell {cell.number}", unit.kind, unit.words)
    for figure in prose.figures:
        several = len(figure.alt_texts) > 1
        for index, alt in enumerate(figure.alt_texts, start=1):
            comment = f"figure {figure.number} alt" + (f" {index}" if several else "")
            yield LabEntry(alt, figure.line, comment, "alt", _words(alt))
        if figure.caption:
            comment = f"figure {figure.number} caption"
            yield LabEntry(figure.caption, figure.line, comment, "caption", _words(figure.caption))


def _words(text: str) -> int:
    return Unit(text, 1, "title", " ").words


def build_lab_template(prose: LabProse) -> Catalog:
    """The template of a lab: one entry per distinct text, with its lines and cells."""
    template = Catalog(fuzzy=False, project=document_name(prose.path))
    for entry in lab_entries(prose):
        if not entry.text.strip():
            continue
        existing = template.get(entry.text)
        if existing is not None:
            existing.locations = [*existing.locations, (prose.path, entry.line)]
            if entry.comment not in existing.auto_comments:
                existing.auto_comments = [*existing.auto_comments, entry.comment]
            continue
        template.add(
            entry.text,
            locations=[(prose.path, entry.line)],
            auto_comments=[entry.comment],
            flags=["no-wrap"] if "\n" not in entry.text and entry.kind != "paragraph" else [],
        )
    return template


def _state(catalog: Catalog | None, text: str) -> UnitState:
    return unit_state(catalog, Unit(text, 1, "title", " "))[0]


def count_lab_units(prose: LabProse, catalog: Catalog | None) -> UnitCounts:
    """How many of the lab's texts (and words) are translated, fuzzy and untranslated."""
    units: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
    words: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
    for entry in lab_entries(prose):
        if not entry.text.strip():
            continue
        state = _state(catalog, entry.text)
        units[state] += 1
        words[state] += entry.words
    return UnitCounts(units, words)


@dataclass(frozen=True)
class LabTranslation:
    """A lab's texts in one language, as plain data for the labs package."""

    title: str
    title_is_translated: bool
    cells: dict[int, str] = field(default_factory=dict)
    """Markdown cell number -> its text for downloads: translated units in, the others (and
    fuzzy ones, when the project shows the source for them) as in the source."""
    figures: dict[int, tuple[tuple[str, ...], str | None]] = field(default_factory=dict)
    """Figure number -> its alt texts and caption, each translated where the catalog is."""
    counts: UnitCounts | None = None


def lab_translation(
    prose: LabProse, catalog: Catalog | None, *, fuzzy_shown: str = "previous"
) -> LabTranslation:
    """The lab's texts with its catalog's translations put in (see :class:`LabTranslation`);
    a fuzzy entry gives its previous translation unless ``fuzzy_shown`` is ``source``."""

    def text(source: str) -> str:
        state, message = unit_state(catalog, Unit(source, 1, "title", " "))
        if message is not None and (
            state == "translated" or (state == "fuzzy" and fuzzy_shown == "previous")
        ):
            return str(message.string)
        return source

    cells = {
        cell.number: split_markdown(cell.text).assemble(lambda _, unit: text(unit.text))
        for cell in prose.cells
    }
    figures = {
        figure.number: (
            tuple(text(alt) for alt in figure.alt_texts),
            text(figure.caption) if figure.caption else figure.caption,
        )
        for figure in prose.figures
    }
    return LabTranslation(
        title=text(prose.title),
        title_is_translated=_state(catalog, prose.title) == "translated",
        cells=cells,
        figures=figures,
        counts=count_lab_units(prose, catalog),
    )


def lab_catalog_coverage(
    root: Path, prose: LabProse, language: str
) -> tuple[UnitCounts | None, Problem | None]:
    """How much of the lab its catalog in ``language`` translates (None and the problem when
    the catalog cannot be read)."""
    catalog, problem = read_catalog_or_problem(root, prose.path, language)
    if catalog is None:
        return None, problem
    return count_lab_units(prose, catalog), None
