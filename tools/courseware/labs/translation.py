"""Prose-only lab translations: ``labs/<id>.<lang>.py`` carries a lab's text, never its code.

A translation is a jupytext percent-format file like any lab, holding only what a translator
changes: the translated title in its header, each Markdown cell, and the alt text (and
caption) of each figure. The ``# %%`` line of each cell says which cell of the source lab it
stands for, counted in the source lab from the top::

    # %% [markdown] text=3
    # ## 1. Diez bloques, una suma
    # ...

    # %% figure=1 alt="Gráfico de barras horizontales ..."

``text=3`` is the source's third Markdown cell, ``figure=1`` its first figure cell (a code cell
with ``alt`` or ``caption`` on its ``# %%`` line); a figure entry has no code under it. When
the lab is read, the translation is merged into its source: the source's cells in order,
Markdown from the translation, code always from the source, alt text and captions from the
translation. So a change to the source's code never breaks a translation: the translation
only becomes stale (its header records the hash of the source it was made from).

When the source gains a Markdown cell or a figure that the translation has no entry for, the
merged lab shows that cell in the source language, flagged ``is_untranslated`` so that the
page can declare its language. Entries the merge cannot place (a number the source does not
have, a repeated number, a cell without a number, code in a translation) are warnings at
their ``file:line:``, never a failed build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import jupytext
from nbformat import NotebookNode

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.labs.cells import CellKey, KeyKind, LabCell
from courseware.labs.notebooks import new_cell, new_notebook

KEY_KINDS: tuple[KeyKind, ...] = ("text", "figure")

_CELL_MARKER = re.compile(r"^#\s*%%(?!%)")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')

SKELETON_NOTE = (
    "This translation holds only the lab's text. Translate each Markdown cell, and the",
    'alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the',
    '"# %%" lines as they are: they say which cell of {source} each one translates.',
    'The code always comes from {source}. See CONTRIBUTING.md, "Translating a lab".',
)
"""The comment ``courseware translate start`` writes into a new lab translation's header."""


def cell_key(
    metadata: Mapping[str, object], relative: str, marker_line: int
) -> tuple[CellKey | None, list[Problem]]:
    """The ``text=N`` or ``figure=N`` of a translation cell's ``# %%`` line, if valid."""
    if "incorrectly_encoded_metadata" in metadata:  # jupytext could not read the line
        message = (
            "this '# %%' line cannot be read; write its texts in double quotes, with \\\" "
            'for a quote inside: # %% figure=1 alt="A \\"quoted\\" word"'
        )
        return None, [_warning(relative, marker_line, None, message)]
    found = [(kind, metadata[kind]) for kind in KEY_KINDS if kind in metadata]
    if not found:
        return None, []
    if len(found) > 1:
        message = "a cell is either text=N (a Markdown cell) or figure=N (a figure), not both"
        return None, [_warning(relative, marker_line, None, message)]
    kind, value = found[0]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        message = f"{kind}={value!r} is not a cell number; write {kind}=1 for the first"
        return None, [_warning(relative, marker_line, kind, message)]
    return (kind, value), []


def merge_translation(
    source_cells: Sequence[LabCell],
    translated_cells: Sequence[LabCell],
    relative: str,
    source_relative: str,
) -> tuple[tuple[LabCell, ...], list[Problem]]:
    """The source lab's cells with the translation's text in place of its own.

    Args:
        source_cells: The cells of the source lab.
        translated_cells: The cells of the translation file, with their keys.
        relative: The translation's path, for warnings.
        source_relative: The source lab's path, for warnings.

    Returns:
        The merged cells, and a warning for every translation cell that was not used.
    """
    entries, problems = _entries(translated_cells, relative, source_relative)
    merged: list[LabCell] = []
    counts = {"text": 0, "figure": 0}
    for cell in source_cells:
        kind: KeyKind | None = (
            "text" if cell.kind == "markdown" else "figure" if cell.is_figure else None
        )
        if kind is None:
            merged.append(cell)
            continue
        counts[kind] += 1
        entry = entries.pop((kind, counts[kind]), None)
        if entry is None:
            merged.append(replace(cell, is_untranslated=True))
        elif kind == "text":
            merged.append(replace(entry, key=None))
        else:
            alt_texts = entry.alt_texts or cell.alt_texts
            if len(alt_texts) != len(cell.alt_texts):
                # The source's figure draws another number of figures now: an alt text
                # describing the wrong figure is worse than one in the source language.
                message = (
                    f"figure={counts[kind]} has {len(alt_texts)} alt texts and its figure in "
                    f"{source_relative}:{cell.marker_line} has {len(cell.alt_texts)}; give one "
                    "per figure (the source's are shown meanwhile)"
                )
                problems.append(_warning(relative, entry.marker_line, "alt", message))
                alt_texts = cell.alt_texts
            merged.append(
                replace(
                    cell,
                    alt_texts=alt_texts,
                    caption=entry.caption if entry.caption is not None else cell.caption,
                    marker_line=entry.marker_line,
                )
            )
    for (kind, number), entry in sorted(entries.items(), key=lambda item: item[1].marker_line):
        what = "Markdown cells" if kind == "text" else "figure cells"
        message = (
            f"{source_relative} has {counts[kind]} {what}, so {kind}={number} translates "
            f"nothing; renumber this cell or delete it"
        )
        problems.append(_warning(relative, entry.marker_line, kind, message))
    return tuple(merged), sorted(problems, key=lambda problem: problem.line or 0)


def translation_skeleton(source_cells: Sequence[LabCell]) -> str:
    """The cells of a new translation: each Markdown cell and figure entry of the source,
    numbered, with the source's text for the translator to replace (no code)."""
    cells: list[NotebookNode] = []
    counts = {"text": 0, "figure": 0}
    for cell in source_cells:
        if cell.kind == "markdown":
            counts["text"] += 1
            cells.append(new_cell("markdown", cell.source, {"text": counts["text"]}))
        elif cell.is_figure:
            counts["figure"] += 1
            metadata: dict[str, Any] = {"figure": counts["figure"], **_figure_metadata(cell)}
            cells.append(new_cell("code", "", metadata))
    return percent_text(cells)


def lab_script_text(header_lines: Sequence[str], cells: Sequence[LabCell]) -> str:
    """A whole lab as a percent-format script: ``header_lines`` (the ``# ---`` block), then
    every cell with its tags, alt text and caption. The download of a translated lab."""
    notebook_cells = []
    for cell in cells:
        metadata: dict[str, Any] = {}
        if cell.tags:
            metadata["tags"] = list(cell.tags)
        metadata.update(_figure_metadata(cell))
        notebook_cells.append(new_cell(cell.kind, cell.source, metadata))
    return "\n".join(header_lines) + "\n\n" + percent_text(notebook_cells)


def percent_text(cells: list[NotebookNode]) -> str:
    """``cells`` in jupytext's percent format, without a notebook header.

    jupytext writes the metadata of a ``# %%`` line as ASCII-only JSON (``Gr\\u00e1fico``);
    a translator reads and edits alt text there, so its strings are written back as the
    characters they are.
    """
    notebook = new_notebook(cells, {"jupytext": {"notebook_metadata_filter": "-all"}})
    text: str = jupytext.writes(notebook, fmt="py:percent")
    lines = [
        _JSON_STRING.sub(_unescaped, line) if _CELL_MARKER.match(line) else line
        for line in text.split("\n")
    ]
    return "\n".join(lines)


def _unescaped(match: re.Match[str]) -> str:
    return json.dumps(json.loads(match.group(0)), ensure_ascii=False)


def _figure_metadata(cell: LabCell) -> dict[str, Any]:
    """``alt`` as one text when the cell has one (as contributors write it), else a list."""
    metadata: dict[str, Any] = {}
    if len(cell.alt_texts) == 1:
        metadata["alt"] = cell.alt_texts[0]
    elif cell.alt_texts:
        metadata["alt"] = list(cell.alt_texts)
    if cell.caption is not None:
        metadata["caption"] = cell.caption
    return metadata


def _entries(
    cells: Sequence[LabCell], relative: str, source_relative: str
) -> tuple[dict[CellKey, LabCell], list[Problem]]:
    """The translation's cells by key; every cell that cannot be one is a warning."""
    entries: dict[CellKey, LabCell] = {}
    problems: list[Problem] = []
    for cell in cells:
        problem = _entry_problem(cell, entries, relative, source_relative)
        if problem is not None:
            problems.append(problem)
        if cell.key is not None and cell.key not in entries and _fits(cell):
            entries[cell.key] = cell
    return entries, problems


def _fits(cell: LabCell) -> bool:
    """Whether a cell has a key of its own kind: text=N on Markdown, figure=N on code."""
    if cell.key is None or cell.kind == "raw":
        return False
    return (cell.key[0] == "text") == (cell.kind == "markdown")


def _entry_problem(
    cell: LabCell, entries: Mapping[CellKey, LabCell], relative: str, source_relative: str
) -> Problem | None:
    line = cell.marker_line
    if cell.kind == "raw":
        return _warning(relative, line, None, "a translation has no raw cells; delete it")
    if cell.key is None and cell.kind == "markdown":
        message = (
            "this Markdown cell says no cell it translates; start it with "
            f"'# %% [markdown] text=N', N counting the Markdown cells of {source_relative}"
        )
        return _warning(relative, line, None, message)
    if cell.key is None and cell.source.strip():
        message = (
            f"a translation carries no code (the code comes from {source_relative}); "
            'delete this cell, or make it a figure entry: # %% figure=N alt="..."'
        )
        return _warning(relative, line, None, message)
    if cell.key is None and cell.is_figure:
        message = (
            "this figure entry says no figure it translates; write '# %% figure=N alt=...', "
            f"N counting the figure cells of {source_relative}"
        )
        return _warning(relative, line, None, message)
    if cell.key is None:
        return None  # an empty cell (or one whose number was already reported)
    kind, number = cell.key
    if not _fits(cell):
        right = "# %% [markdown] text=N" if cell.kind == "markdown" else "# %% figure=N"
        message = f"{kind}={number} is on the wrong kind of cell; this one is {right}"
        return _warning(relative, line, kind, message)
    if cell.key in entries:
        first = entries[cell.key].marker_line
        message = f"{kind}={number} is already translated at line {first}; this cell is unused"
        return _warning(relative, line, kind, message)
    if cell.kind == "code" and cell.source.strip():
        message = (
            f"the code under a figure entry is ignored (it comes from {source_relative}); "
            "delete it and keep the '# %%' line"
        )
        return _warning(relative, cell.line, kind, message)
    return None


def _warning(relative: str, line: int, field: str | None, message: str) -> Problem:
    return Problem(relative, line, field, message, severity="warning", code=codes.TRANSLATION_CELL)
