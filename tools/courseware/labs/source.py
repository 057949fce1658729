"""Read lab sources: ``labs/<id>.py`` (and translations ``labs/<id>.<lang>.py``) in jupytext's
percent format, into frozen :class:`Lab` values that remember the file line of every cell.

Line numbers matter because every later error (an exception in cell 4, a figure without alt
text) is reported at the ``.py`` line a contributor can open, never at a cell-relative line.

A translation carries only prose and alt text; it is read merged into its source lab (see
:mod:`courseware.labs.translation`), so every later step sees a whole lab whose code is the
source's.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import jupytext
from nbformat import NotebookNode

from courseware import problem_codes as codes
from courseware.errors import ContentError, Problem, errors_only
from courseware.labs.cells import CellKind, LabCell
from courseware.labs.header import (
    Connectivity,
    HeaderBlock,
    LabHeader,
    LabTranslationHeader,
    find_header,
    parse_header,
)
from courseware.labs.notebooks import new_cell, new_notebook
from courseware.labs.translation import (
    SKELETON_NOTE,
    cell_key,
    lab_script_text,
    merge_translation,
    translation_skeleton,
)
from courseware.yamlsafe import read_text_file, strip_invisible_prefix

__all__ = [
    "LABS_DIR",
    "MAX_LAB_BYTES",
    "CellKind",
    "Lab",
    "LabCell",
    "discover_lab_paths",
    "discover_labs",
    "lab_notebook",
    "lab_script",
    "lab_translation_skeleton",
    "load_lab",
    "load_labs",
    "read_lab",
    "with_translated_text",
]

LABS_DIR = "labs"
MAX_LAB_BYTES = 512 * 1024
"""A lab is prose and code; anything larger is data that belongs in a declared data file."""

_LAB_NAME = re.compile(
    r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.py$"
)
_CELL_MARKER = re.compile(r"^#\s*%%(?!%)")
_TITLE_LINE = re.compile(r"^#\s*title\s*:")


@dataclass(frozen=True)
class Lab:
    """A lab as read from its source file; translations carry the source lab's settings."""

    id: str
    language: str | None
    path: Path
    relative_path: str
    title: str
    module: str
    duration_minutes: int
    connectivity: Connectivity
    hardware: str
    requirements: tuple[str, ...]
    data_files: tuple[str, ...]
    timeout_seconds: int
    cells: tuple[LabCell, ...]
    header_line: int
    source_sha256: str
    """Hash of the file's bytes (for translation staleness checks)."""
    translated_from_sha256: str | None = None
    """For a translation: the ``source_hash`` its header records, if any."""
    text_from_catalog: bool = False
    """A translation whose text comes from a catalog (see :func:`with_translated_text`):
    ``path`` is the source lab's file."""

    @property
    def is_translation(self) -> bool:
        return self.language is not None

    @property
    def source_relative_path(self) -> str:
        """The path of the source lab (itself, unless this is a translation)."""
        return f"{LABS_DIR}/{self.id}.py"

    @property
    def code_cells(self) -> tuple[LabCell, ...]:
        return tuple(cell for cell in self.cells if cell.kind == "code")

    @property
    def needs_hardware(self) -> bool:
        return self.hardware.strip().lower() != "none"


def discover_lab_paths(root: Path) -> list[Path]:
    """Every lab file directly in ``root/labs`` (sources and translations), sorted."""
    folder = root / LABS_DIR
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.py") if not path.name.startswith(("_", ".")))


def load_lab(path: Path, root: Path) -> tuple[Lab | None, list[Problem]]:
    """Read one lab file, collecting every problem instead of stopping at the first.

    A translation comes back merged into its source lab. The lab is None only when there
    are errors; warnings (a translation cell the merge could not place) come with the lab.
    """
    relative = _relative(path, root)
    match = _LAB_NAME.match(path.name)
    if match is None:
        message = "a lab file is named '<id>.py' or '<id>.<lang>.py' with a lowercase id"
        return None, [Problem(relative, None, None, message, code=codes.LAB_FILE_NAME)]
    language = match.group("lang")
    text, problems = read_text_file(path, relative, MAX_LAB_BYTES, " for a lab")
    if text is None:
        return None, problems
    lines = text.splitlines()
    block, problems = find_header(lines, relative)
    if block is None:
        return None, problems
    header, problems = parse_header(block, relative, is_translation=language is not None)
    cells, cell_problems = _read_cells(text, lines, block, relative, language is not None)
    problems += cell_problems
    if header is None or cells is None:
        return None, problems
    source_header: LabHeader
    if isinstance(header, LabTranslationHeader):
        source, source_problems = _source_lab(path.parent / f"{match['id']}.py", root)
        if source is None:
            return None, problems + source_problems
        source_header = source.header
        cells, merge_problems = merge_translation(
            source.cells, cells, relative, source.relative_path
        )
        problems = sorted([*problems, *merge_problems], key=lambda p: p.line or 0)
    else:
        source_header = header
        problems += _check_data_files(source_header, path.parent, lines, relative, block)
    if errors_only(problems):
        return None, problems
    lab = Lab(
        id=match.group("id"),
        language=language,
        path=path.resolve(),
        relative_path=relative,
        title=header.title,
        module=source_header.module,
        duration_minutes=source_header.duration_minutes,
        connectivity=source_header.connectivity,
        hardware=source_header.hardware,
        requirements=tuple(source_header.requirements),
        data_files=tuple(source_header.data_files),
        timeout_seconds=source_header.timeout_seconds,
        cells=cells,
        header_line=block.first_line,
        source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        translated_from_sha256=(
            header.source_hash if isinstance(header, LabTranslationHeader) else None
        ),
    )
    return lab, problems


def load_labs(root: Path) -> tuple[list[Lab], list[Problem]]:
    """Read every lab under ``root/labs``; return the good ones and all problems at once."""
    labs: list[Lab] = []
    problems: list[Problem] = []
    for path in discover_lab_paths(root):
        lab, found = load_lab(path, root)
        problems += found
        if lab is not None:
            labs.append(lab)
    return labs, problems


def read_lab(path: Path, root: Path) -> Lab:
    """Read one lab (warnings are dropped; :func:`load_lab` returns them).

    Raises:
        ContentError: with every problem of the file.
    """
    lab, problems = load_lab(path, root)
    if lab is None:
        raise ContentError(problems)
    return lab


def discover_labs(root: Path) -> list[Lab]:
    """Read every lab of the project (warnings are dropped; :func:`load_labs` returns them).

    Raises:
        ContentError: with every problem of every lab file, all at once.
    """
    labs, problems = load_labs(root)
    if errors_only(problems):
        raise ContentError(problems)
    return labs


def lab_script(lab: Lab) -> bytes:
    """The ``.py`` a reader downloads: the lab's file, or for a translation the merged lab
    (the translation's header, then the source's cells with the translated text), which runs
    as the source does."""
    if not lab.is_translation:
        return lab.path.read_bytes()
    if lab.text_from_catalog:
        lines = strip_invisible_prefix(lab.path.read_text(encoding="utf-8")).splitlines()
        block, _ = find_header(lines, lab.source_relative_path)
        header = lines[: block.last_line] if block else []
        title = "# title: " + json.dumps(lab.title, ensure_ascii=False)
        header = [title if _TITLE_LINE.match(line) else line for line in header]
        return lab_script_text(header, lab.cells).encode("utf-8")
    lines = strip_invisible_prefix(lab.path.read_text(encoding="utf-8")).splitlines()
    block, _ = find_header(lines, lab.relative_path)
    note = _skeleton_note(PurePosixPath(lab.source_relative_path).name)
    # The note tells a translator the file has no code, which is no longer true here.
    header = [line for line in lines[: block.last_line] if line not in note] if block else []
    return lab_script_text(header, lab.cells).encode("utf-8")


def with_translated_text(
    lab: Lab,
    language: str,
    title: str,
    cells: Mapping[int, tuple[str, str]],
    figures: Mapping[int, tuple[tuple[str, ...], str | None]],
) -> Lab:
    """The source ``lab`` in ``language``, its text given by the caller (a catalog's).

    Args:
        lab: a source lab.
        language: the translation's language.
        title: the translated title.
        cells: Markdown cell number (from 1, as ``text=N``) -> (the text of the downloads,
            the text of the page); a cell not given keeps the source's text.
        figures: figure cell number (from 1, as ``figure=N``) -> its alt texts and caption;
            alt texts are kept from the source when their number differs.
    """
    merged: list[LabCell] = []
    counts = {"text": 0, "figure": 0}
    for cell in lab.cells:
        if cell.kind == "markdown":
            counts["text"] += 1
            given = cells.get(counts["text"])
            if given is not None:
                download, page = given
                shown = page if page != download else None
                cell = replace(cell, source=download, page_source=shown)
        elif cell.is_figure:
            counts["figure"] += 1
            texts = figures.get(counts["figure"])
            if texts is not None:
                alt_texts, caption = texts
                if len(alt_texts) != len(cell.alt_texts):
                    alt_texts = cell.alt_texts
                cell = replace(cell, alt_texts=alt_texts, caption=caption)
        merged.append(cell)
    return replace(
        lab,
        language=language,
        title=title,
        cells=tuple(merged),
        text_from_catalog=True,
        translated_from_sha256=None,
    )


def lab_translation_skeleton(text: str, relative: str) -> str:
    """A new translation of the source lab ``text``: its header, with a note on how to
    translate it, then its Markdown cells and figure entries, numbered (no code).

    Raises:
        ContentError: when the source lab has no header or is not in the percent format.
    """
    lines = text.removeprefix("\ufeff").splitlines()
    block, problems = find_header(lines, relative)
    if block is None:
        raise ContentError(problems)
    cells, problems = _read_cells(text, lines, block, relative, is_translation=False)
    if cells is None:
        raise ContentError(problems)
    note = _skeleton_note(PurePosixPath(relative).name)
    header = [*lines[: block.first_line], *note, *lines[block.first_line : block.last_line]]
    return "\n".join(header) + "\n\n" + translation_skeleton(cells)


def lab_notebook(lab: Lab) -> NotebookNode:
    """The lab as an unexecuted notebook (header dropped, tags and alt text kept)."""
    cells = []
    for cell in lab.cells:
        metadata: dict[str, object] = {}
        if cell.tags:
            metadata["tags"] = list(cell.tags)
        if cell.alt_texts:
            metadata["alt"] = list(cell.alt_texts)
        if cell.caption:
            metadata["caption"] = cell.caption
        cells.append(new_cell(cell.kind, cell.source, metadata))
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return new_notebook(cells, {"kernelspec": kernelspec, "title": lab.title})


def _skeleton_note(source_name: str) -> list[str]:
    """The note for translators, as comment lines of a translation's header."""
    return ["# # " + line.format(source=source_name) for line in SKELETON_NOTE]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_cells(
    text: str, lines: list[str], block: HeaderBlock, relative: str, is_translation: bool
) -> tuple[tuple[LabCell, ...] | None, list[Problem]]:
    """Parse the cells with jupytext, without the header (which jupytext would otherwise
    turn into a raw cell or notebook metadata), and attach each cell's file line (and, in a
    translation, the source cell it stands for)."""
    start = block.last_line
    while start < len(lines) and not lines[start].strip():
        start += 1  # jupytext would turn leading blank lines into an empty cell
    body = lines[start:]
    try:
        notebook = jupytext.reads("\n".join(body) + "\n", fmt="py:percent")
    except Exception as error:  # jupytext raises many types for malformed cell markers
        return None, [
            Problem(
                relative,
                None,
                None,
                f"not a jupytext percent-format lab: {error}",
                code=codes.NOT_JUPYTEXT,
            )
        ]
    markers = [
        i + 1 for i, line in enumerate(lines) if i >= block.last_line and _CELL_MARKER.match(line)
    ]
    starts = _cell_starts(notebook.cells, markers, lines, block.last_line)
    cells: list[LabCell] = []
    problems: list[Problem] = []
    for cell, (marker_line, line) in zip(notebook.cells, starts, strict=True):
        alt_texts, caption, found = _figure_text(cell.metadata, relative, marker_line)
        problems += found
        key, found = (
            cell_key(cell.metadata, relative, marker_line) if is_translation else (None, [])
        )
        problems += found
        tags = cell.metadata.get("tags", [])
        cells.append(
            LabCell(
                kind=cell.cell_type,
                source=cell.source,
                line=line,
                marker_line=marker_line,
                tags=tuple(str(tag) for tag in tags) if isinstance(tags, list) else (),
                alt_texts=alt_texts,
                caption=caption,
                key=key,
            )
        )
    return tuple(cells), problems


def _cell_starts(
    cells: Sequence[NotebookNode], markers: list[int], lines: list[str], after: int
) -> list[tuple[int, int]]:
    """Pair each cell with its (marker line, first body line).

    In the percent format a cell's body starts on the line after its ``# %%`` marker and keeps
    its lines one for one; only code before the first marker has no marker of its own.
    """
    starts: list[tuple[int, int]] = [(marker, marker + 1) for marker in markers]
    if len(cells) == len(markers) + 1:
        first = next((i + 1 for i in range(after, len(lines)) if lines[i].strip()), after + 1)
        starts.insert(0, (first, first))
    while len(starts) < len(cells):  # not expected; keep every cell addressable
        starts.append(starts[-1] if starts else (after + 1, after + 1))
    return starts[: len(cells)]


def _figure_text(
    metadata: dict[str, object], relative: str, marker_line: int
) -> tuple[tuple[str, ...], str | None, list[Problem]]:
    alt = metadata.get("alt")
    caption = metadata.get("caption")
    problems: list[Problem] = []
    alt_texts: tuple[str, ...] = ()
    if isinstance(alt, str):
        alt_texts = (alt,)
    elif isinstance(alt, list) and all(isinstance(item, str) for item in alt):
        alt_texts = tuple(str(item) for item in alt)
    elif alt is not None:
        message = 'alt is a text, or a list of texts (one per figure): # %% alt="..."'
        problems.append(Problem(relative, marker_line, "alt", message, code=codes.CELL_OPTION))
    if caption is not None and not isinstance(caption, str):
        problems.append(
            Problem(relative, marker_line, "caption", "caption is a text", code=codes.CELL_OPTION)
        )
        caption = None
    return alt_texts, caption, problems


@dataclass(frozen=True)
class _Source:
    header: LabHeader
    cells: tuple[LabCell, ...]
    relative_path: str


def _source_lab(path: Path, root: Path) -> tuple[_Source | None, list[Problem]]:
    """The source lab a translation is merged into (its problems are reported when the
    source itself is read, so only a missing source is reported here)."""
    relative = _relative(path, root)
    if not path.is_file():
        message = f"a translation needs its source lab {relative}; add it first"
        return None, [Problem(relative, None, None, message, code=codes.SOURCE_LAB_MISSING)]
    text, _ = read_text_file(path, relative, MAX_LAB_BYTES, " for a lab")
    if text is None:
        return None, []
    lines = text.splitlines()
    block, _ = find_header(lines, relative)
    if block is None:
        return None, []
    header, _ = parse_header(block, relative, is_translation=False)
    cells, _ = _read_cells(text, lines, block, relative, is_translation=False)
    if not isinstance(header, LabHeader) or cells is None:
        return None, []
    return _Source(header, cells, relative), []


def _check_data_files(
    header: LabHeader, folder: Path, lines: list[str], relative: str, block: HeaderBlock
) -> list[Problem]:
    """Data files stay inside ``labs/``: no absolute paths, no ``..``, no links."""
    problems = []
    for name in header.data_files:
        line = next(
            (i for i in range(block.first_line, block.last_line) if name in lines[i - 1]),
            block.first_line,
        )
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name:
            message = f"'{name}' must be a path inside labs/, like 'data/readings.csv'"
            problems.append(
                Problem(relative, line, "data_files", message, code=codes.DATA_FILE_OUTSIDE)
            )
            continue
        target = folder / pure
        steps = [folder.joinpath(*pure.parts[: k + 1]) for k in range(len(pure.parts))]
        if any(step.is_symlink() for step in steps):
            message = f"'{name}' is a symbolic link; copy the file into labs/"
            problems.append(Problem(relative, line, "data_files", message, code=codes.SYMLINK))
        elif not target.is_file():
            message = f"'{name}' does not exist in labs/; add it or remove it from data_files"
            problems.append(
                Problem(relative, line, "data_files", message, code=codes.DATA_FILE_MISSING)
            )
    return problems
