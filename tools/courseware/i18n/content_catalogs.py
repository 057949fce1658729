"""Content catalogs: one gettext catalog per source document and language, entry by paragraph.

A document's units (``i18n/paragraphs.py``) are the entries of its template,
``locale/templates/<document>.pot``; each language's translations live in
``locale/<lang>/LC_MESSAGES/<document>.po``, where ``<document>`` is the source's path
without ``.md`` (``modules/what-is-tinyml/index``). That is the layout Sphinx writes and the
one Weblate's and Crowdin's file discovery find on their own (a language code as a folder,
one catalog per component), so translators can use those platforms, Poedit or Lokalize, with
their translation memories.

Catalogs are read and written with Babel (BSD-3-Clause, already the interface catalogs'
library). When a source paragraph changes, ``update_catalogs`` merges the new template the
way ``msgmerge`` does: the changed entry becomes fuzzy and keeps the previous source as
``#| msgid``, so the translator sees what changed; every other entry stays as it was.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, denormalize, read_po, write_po

from courseware import problem_codes as codes
from courseware.atomic_files import write_atomically
from courseware.errors import Problem
from courseware.i18n.paragraphs import MarkdownUnits, Unit, split_markdown

CATALOG_FOLDER = "locale"
"""Top-level folder of the content catalogs (a source folder: contributors write in it)."""

TEMPLATES = "templates"

UnitState = Literal["translated", "fuzzy", "untranslated"]
UNIT_STATES: tuple[UnitState, ...] = ("translated", "fuzzy", "untranslated")

_WIDTH = 100


def document_name(source_path: str) -> str:
    """``modules/what-is-tinyml/index.md`` -> ``modules/what-is-tinyml/index``."""
    path = PurePosixPath(source_path)
    return path.with_suffix("").as_posix()


def catalog_path(root: Path, source_path: str, language: str) -> Path:
    """Where the catalog of ``source_path`` in ``language`` lives."""
    name = document_name(source_path)
    return root / CATALOG_FOLDER / language / "LC_MESSAGES" / f"{name}.po"


def template_path(root: Path, source_path: str) -> Path:
    """Where the template of ``source_path`` lives."""
    return root / CATALOG_FOLDER / TEMPLATES / f"{document_name(source_path)}.pot"


def catalog_languages(root: Path, source_path: str, languages: Iterable[str]) -> list[str]:
    """The languages among ``languages`` that have a catalog for ``source_path``."""
    return [
        code
        for code in languages
        if (path := catalog_path(root, source_path, code)).is_file() and not path.is_symlink()
    ]


def build_template(source_path: str, text: str) -> Catalog:
    """The template of a document: one entry per distinct unit, with its lines and kind."""
    template = Catalog(fuzzy=False, project=document_name(source_path))
    for unit in split_markdown(text).units:
        _add_unit(template, unit, source_path)
    return template


def _add_unit(catalog: Catalog, unit: Unit, source_path: str) -> None:
    existing = catalog.get(unit.text)
    if existing is not None:
        existing.locations = [*existing.locations, (source_path, unit.line)]
        return
    catalog.add(
        unit.text,
        locations=[(source_path, unit.line)],
        auto_comments=[unit.kind],
        flags=["no-wrap"] if "\n" not in unit.text and unit.kind != "paragraph" else [],
    )


def read_catalog(path: Path, language: str) -> Catalog:
    """Read a catalog.

    Raises:
        ValueError: with Babel's reason, when the file is not a valid PO file.
    """
    try:
        raw = path.read_bytes()
        catalog = read_po(io.BytesIO(raw), locale=language, abort_invalid=True)
        previous = _previous_sources(raw.decode("utf-8"))
    except (PoFileError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from None
    for (msgid, context), before in previous.items():
        message = catalog.get(msgid, context)
        if message is not None and message.fuzzy:
            message.previous_id = [before]
    return catalog


def read_catalog_shared(path: Path, language: str) -> Catalog:
    """``read_catalog`` for callers that only read: the same ``Catalog`` while the file is
    unchanged (same modification time and size), so the catalogs one registry load reads
    more than once (the glossary check, then each document's texts) are parsed once. Never
    change what it returns; ``read_catalog`` gives a catalog of one's own.

    Raises:
        ValueError: with Babel's reason, when the file is not a valid PO file.
        OSError: when the file cannot be read.
    """
    status = path.stat()
    return _cached_catalog(str(path), status.st_mtime_ns, status.st_size, language)


@functools.lru_cache(maxsize=1024)
def _cached_catalog(path: str, modified: int, size: int, language: str) -> Catalog:
    return read_catalog(Path(path), language)


def _previous_sources(text: str) -> dict[tuple[str, str | None], str]:
    """(msgid, msgctxt) -> the previous source its ``#| msgid`` comment keeps.

    Babel writes these comments but its reader drops them, so a second update would lose
    what the translator needs to see; they are read back here."""
    found: dict[tuple[str, str | None], str] = {}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        previous = [line[2:].strip() for line in lines if line.startswith("#| ")]
        if not previous or not previous[0].startswith("msgid "):
            continue
        current: list[str] = []
        for line in lines:
            if line.startswith("msgid "):
                current = [line]
            elif current and line.startswith('"'):
                current.append(line)
            elif current:
                break
        if not current:
            continue
        before = denormalize("\n".join([previous[0][len("msgid ") :], *previous[1:]]))
        after = denormalize("\n".join([current[0][len("msgid ") :], *current[1:]]))
        found[(after, _context_of(lines))] = before
    return found


def _context_of(lines: list[str]) -> str | None:
    """The ``msgctxt`` of an entry's lines (registry catalogs key entries by it), or None."""
    context: list[str] = []
    for line in lines:
        if line.startswith("msgctxt "):
            context = [line[len("msgctxt ") :]]
        elif context and line.startswith('"'):
            context.append(line)
        elif context:
            break
    return denormalize("\n".join(context)) if context else None


def catalog_bytes(catalog: Catalog) -> bytes:
    """The PO text of ``catalog``, previous sources of fuzzy entries included."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=_WIDTH, include_previous=True, sort_output=False)
    return buffer.getvalue()


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write ``catalog`` to ``path`` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, catalog_bytes(catalog), durable=False)


def merged_catalog(template: Catalog, old: Catalog | None, language: str) -> Catalog:
    """``old`` brought up to ``template``: unchanged entries kept, changed ones fuzzy with
    their previous source, removed ones obsolete (``#~``)."""
    if old is None:
        fresh = Catalog(locale=language, project=template.project, fuzzy=False)
        for message in template:
            if message.id:
                fresh.add(
                    message.id,
                    locations=message.locations,
                    auto_comments=message.auto_comments,
                    flags=message.flags,
                )
        return fresh
    old.update(template, no_fuzzy_matching=False, update_header_comment=False)
    return old


@dataclass(frozen=True)
class UnitCounts:
    """Units and words of one document in one language, by state (like ``pocount``)."""

    units: dict[UnitState, int]
    words: dict[UnitState, int]

    @property
    def total_units(self) -> int:
        return sum(self.units.values())

    @property
    def percent(self) -> int:
        """Translated units in percent, rounded down (100 only when all are translated)."""
        total = self.total_units
        return 100 if total == 0 else (100 * self.units["translated"]) // total


def unit_state(catalog: Catalog | None, unit: Unit) -> tuple[UnitState, Message | None]:
    """The state of ``unit`` in ``catalog``, and its entry there."""
    message = catalog.get(unit.text) if catalog is not None else None
    if message is None or not message.string:
        return "untranslated", message
    if message.fuzzy:
        return "fuzzy", message
    return "translated", message


def count_units(document: MarkdownUnits, catalog: Catalog | None) -> UnitCounts:
    """How many units (and words of the source) are translated, fuzzy and untranslated."""
    units: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
    words: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
    for unit in document.units:
        state, _ = unit_state(catalog, unit)
        units[state] += 1
        words[state] += unit.words
    return UnitCounts(units, words)


def changed_units(catalog: Catalog) -> list[tuple[str, str, str]]:
    """The fuzzy entries as (previous source, current source, translation)."""
    found = []
    for message in catalog:
        if message.id and message.fuzzy and message.previous_id:
            previous = message.previous_id
            before = previous[0] if isinstance(previous, (list, tuple)) else str(previous)
            found.append((before, str(message.id), str(message.string or "")))
    return found


def catalog_coverage(
    root: Path, source_path: str, language: str, source_text: str
) -> tuple[UnitCounts | None, Problem | None]:
    """How much of ``source_path`` its catalog in ``language`` translates (None and the
    problem when the catalog cannot be read)."""
    catalog, problem = read_catalog_or_problem(root, source_path, language)
    if catalog is None:
        return None, problem
    return count_units(split_markdown(source_text), catalog), None


def read_catalog_or_problem(
    root: Path, source_path: str, language: str, *, shared: bool = False
) -> tuple[Catalog | None, Problem | None]:
    """The catalog of ``source_path`` in ``language``, or None and why it cannot be read
    (``shared``: one that the caller only reads, see ``read_catalog_shared``)."""
    path = catalog_path(root, source_path, language)
    shown = path.relative_to(root).as_posix()
    try:
        reader = read_catalog_shared if shared else read_catalog
        return reader(path, language), None
    except (OSError, ValueError) as error:
        line = _line_of(str(error))
        message = (
            f"not a valid PO file ({error}); fix the entry, or run courseware translate "
            "update to rewrite the catalog"
        )
        return None, Problem(shown, line, None, message, code=codes.CATALOG_UNREADABLE)


def _line_of(reason: str) -> int | None:
    """The line number Babel's error names ("... on 12"), if any."""
    words = reason.replace(":", " ").split()
    numbers = [int(word) for word in words if word.isdigit()]
    return numbers[-1] if numbers else None


def translated_text(root: Path, source_path: str, text: str, language: str) -> str:
    """``text`` (the source document) with every translated unit of its catalog in
    ``language`` put in, and the rest as in the source: for readers of the text (such as the
    teaching kit's exercise titles), not for pages, which mark what is untranslated."""
    try:
        catalog = read_catalog(catalog_path(root, source_path, language), language)
    except (OSError, ValueError):
        return text

    def text_of(_: int, unit: Unit) -> str:
        state, message = unit_state(catalog, unit)
        return str(message.string) if state == "translated" and message is not None else unit.text

    return split_markdown(text).assemble(text_of)
