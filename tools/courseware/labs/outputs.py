"""Put a run's outputs under a lab's current text, and check that every figure is described.

A run is keyed on code cells only, so the prose of a lab (or of one of its translations) may
differ from the notebook that was executed. Outputs are therefore matched to code cells by
order, never by cell index, and the page always shows the current prose.
"""

from __future__ import annotations

import copy

from nbformat import NotebookNode

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.labs.failures import LabProblem, lab_problem
from courseware.labs.source import Lab, lab_notebook

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")


def has_same_code(lab: Lab, executed: NotebookNode) -> bool:
    """Whether ``executed`` ran exactly ``lab``'s code cells."""
    ran = [cell.source for cell in executed.cells if cell.cell_type == "code"]
    return ran == [cell.source for cell in lab.code_cells]


def merge_outputs(lab: Lab, executed: NotebookNode) -> NotebookNode:
    """``lab``'s cells (prose, code, alt text) with the outputs of ``executed``.

    Raises:
        ValueError: if the two do not have the same code cells (a caller bug: the cache key
            covers the code, and a translation takes its code from its source when it is
            read, see :mod:`courseware.labs.translation`).
    """
    if not has_same_code(lab, executed):
        raise ValueError(f"{lab.relative_path}: the executed notebook has other code cells")
    notebook = lab_notebook(lab)
    ran = [cell for cell in executed.cells if cell.cell_type == "code"]
    mine = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for target, source in zip(mine, ran, strict=True):
        target.outputs = copy.deepcopy(source.get("outputs", []))
        target.execution_count = source.get("execution_count")
    notebook.metadata["language_info"] = copy.deepcopy(executed.metadata.get("language_info", {}))
    return notebook


def figure_alt_texts(cell: NotebookNode, figure_count: int) -> list[str | None]:
    """The alt text of each figure of a cell, from the cell's metadata (which
    :func:`lab_notebook` fills from the ``# %%`` line): one ``alt`` for all figures, one per
    figure, or else the ``caption``."""
    alt_texts = list(cell.metadata.get("alt", []))
    if len(alt_texts) == 1:
        return [str(alt_texts[0])] * figure_count
    if alt_texts:
        texts: list[str | None] = [str(text) for text in alt_texts[:figure_count]]
        return texts + [None] * (figure_count - len(texts))
    caption = cell.metadata.get("caption")
    return [str(caption) if caption else None] * figure_count


def figure_count(cell: NotebookNode) -> int:
    return sum(1 for output in cell.get("outputs", []) if is_figure(output))


def is_figure(output: NotebookNode) -> bool:
    data = output.get("data", {})
    return any(kind in data for kind in IMAGE_TYPES)


def check_figures(lab: Lab, notebook: NotebookNode) -> list[Problem]:
    """One error per code cell whose figures lack alt text (``notebook`` from merge_outputs)."""
    problems: list[Problem] = []
    for index, cell in enumerate(notebook.cells):
        count = figure_count(cell) if cell.cell_type == "code" else 0
        if count == 0:
            continue
        alt_count = len(cell.metadata.get("alt", []))
        texts = figure_alt_texts(cell, count)
        missing = [n + 1 for n, text in enumerate(texts) if not (text and text.strip())]
        if alt_count > 1 and alt_count != count:
            message = (
                f"the cell draws {count} figures but alt has {alt_count} texts; give one per figure"
            )
        elif missing:
            which = "the figure" if count == 1 else f"figure {', '.join(map(str, missing))}"
            message = (
                f"{which} has no alt text; describe it on the cell's marker line: "
                '# %% alt="What the figure shows"'
            )
        else:
            continue
        problems.append(_at_marker(lab, index, message))
    return problems


def _at_marker(lab: Lab, index: int, message: str) -> LabProblem:
    line = lab.cells[index].marker_line if index < len(lab.cells) else lab.header_line
    return lab_problem(lab, index, line, message, code=codes.ALT_TEXT_MISSING)
