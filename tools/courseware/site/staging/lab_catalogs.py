"""Labs translated by a catalog: the bridge between the labs package and the i18n package.

Neither of the two imports the other (``tests/test_import_rules.py``), so this module reads a
lab with the labs package, hands its prose to the i18n package as plain data
(:class:`~courseware.i18n.lab_catalogs.LabProse`), and gives the translated texts back to the
labs package (:func:`courseware.labs.with_translated_text`), which renders the page and the
downloads from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from babel.messages.catalog import Catalog

from courseware.i18n.content_catalogs import (
    CATALOG_FOLDER,
    UnitCounts,
    catalog_path,
    read_catalog,
)
from courseware.i18n.lab_catalogs import FigureText, LabProse, ProseCell, lab_translation
from courseware.labs import Lab, load_lab, with_translated_text
from courseware.site.render import translated_document

_TITLE_LINE = re.compile(r"^#\s*title\s*:")


def lab_prose(lab: Lab) -> LabProse:
    """The prose of ``lab`` (a merged translation gives its translated prose)."""
    cells: list[ProseCell] = []
    figures: list[FigureText] = []
    for cell in lab.cells:
        if cell.kind == "markdown":
            number = len(cells) + 1
            cells.append(ProseCell(number, cell.source, cell.line, cell.is_untranslated))
        elif cell.is_figure:
            number = len(figures) + 1
            figures.append(FigureText(number, cell.alt_texts, cell.caption, cell.marker_line))
    return LabProse(
        path=lab.source_relative_path,
        title=lab.title,
        title_line=_title_line(lab),
        cells=tuple(cells),
        figures=tuple(figures),
    )


def _title_line(lab: Lab) -> int:
    try:
        lines = lab.path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return lab.header_line
    return next(
        (n for n, line in enumerate(lines, start=1) if _TITLE_LINE.match(line)), lab.header_line
    )


def read_lab_prose(root: Path, relative: str) -> LabProse | None:
    """The prose of the lab file ``relative`` (a :data:`LabProseReader`), None when it does
    not load (its problems are reported where labs are built)."""
    lab, _ = load_lab(root / relative, root)
    return lab_prose(lab) if lab is not None else None


def catalog_lab(
    lab: Lab,
    language: str,
    catalog: Catalog,
    *,
    source_language: str,
    gettext: Callable[[str], str],
    fuzzy_shown: str,
) -> tuple[Lab, UnitCounts]:
    """The source ``lab`` in ``language`` from its catalog, and how much is translated.

    The page shows each Markdown cell as a translated document does (untranslated units in
    the source language marked with ``lang`` and ``dir``, changed ones with the marker or in
    the source language, as the project chooses); the downloads carry the translated text
    without marks."""
    prose = lab_prose(lab)
    plain = lab_translation(prose, catalog, fuzzy_shown=fuzzy_shown)
    shown: Literal["previous", "source"] = "source" if fuzzy_shown == "source" else "previous"
    cells: dict[int, tuple[str, str]] = {}
    for cell in prose.cells:
        page = translated_document(
            cell.text,
            catalog,
            source_language=source_language,
            language=language,
            gettext=gettext,
            fuzzy_shown=shown,
        )
        cells[cell.number] = (plain.cells[cell.number], page.markdown)
    translated = with_translated_text(lab, language, plain.title, cells, plain.figures)
    assert plain.counts is not None
    return translated, plain.counts


def complete_catalog_titles(root: Path, lab: Lab) -> dict[str, str]:
    """The translated title of the source ``lab`` in each language whose catalog translates
    all of it: only there is the lab listed as available in that language."""
    titles: dict[str, str] = {}
    folder = root / CATALOG_FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return titles
    prose = lab_prose(lab)
    for language_folder in sorted(folder.iterdir()):
        language = language_folder.name
        path = catalog_path(root, lab.relative_path, language)
        if not path.is_file() or path.is_symlink():
            continue
        try:
            catalog = read_catalog(path, language)
        except (OSError, ValueError):
            continue  # reported when the lab's pages are staged
        translated = lab_translation(prose, catalog)
        if translated.counts is not None and translated.counts.percent == 100:
            titles[language] = translated.title
    return titles
