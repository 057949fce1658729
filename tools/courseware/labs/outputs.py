"""Put a run's outputs under a lab's current text, and check that every figure is described.

A run is keyed on code cells only, so the prose of a lab (or of one of its translations) may
differ from the notebook that was executed. Outputs are therefore matched to code cells by
order, never by cell index, and the page always shows the current prose.
"""

from __future__ import annotations

import copy

from nbformat import NotebookNode

from courseware.errors import Problem
from courseware.labs.failures import LabProblem, lab_problem
from courseware.labs.source import Lab, lab_notebook

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")


def merge_outputs(lab: Lab, executed: NotebookNode) -> NotebookNode:
    """``lab``'s cells (prose, code, alt text) with the outputs of ``executed``.

    Raises:
        ValueError: if the two do not have the same code cells (a caller bug: the cache key
            covers the code, and translations are checked by
            :func:`~courseware.labs.translation.check_translated_lab_code`).
    """
    notebook = lab_notebook(lab)
    ran = [cell for cell in executed.cells if cell.cell_type == "code"]
    mine = [cell for cell in notebook.cells if cell.cell_type == "code"]
    if [cell.source for cell in ran] != [cell.source for cell in mine]:
        raise ValueError(f"{lab.relative_path}: the executed notebook has other code cells")
    for target, source in zip(mine, ran, strict=True):
        target.outputs = copy.deepcopy(source.get("outputs", []))
        target.execution_count = source.get("execution_count")
    notebook.metadata["language_info"] = copy.deepcopy(executed.metadata.get("language_info", {}))
    return notebook


def figure_alt_texts(lab: Lab, cell_index: int, figure_count: int) -> list[str | None]:
    """The alt text of each figure of a cell: one ``alt`` for all figures, one per figure,
    or else the ``caption``."""
    cell = lab.cells[cell_index]
    if len(cell.alt_texts) == 1:
        return [cell.alt_texts[0]] * figure_count
    if cell.alt_texts:
        texts: list[str | None] = list(cell.alt_texts[:figure_count])
        return texts + [None] * (figure_count - len(texts))
    return [cell.caption] * figure_count


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
        lab_cell = lab.cells[index]
        texts = figure_alt_texts(lab, index, count)
        missing = [n + 1 for n, text in enumerate(texts) if not (text and text.strip())]
        if len(lab_cell.alt_texts) > 1 and len(lab_cell.alt_texts) != count:
            message = (
                f"the cell draws {count} figures but alt has {len(lab_cell.alt_texts)} texts; "
                "give one per figure"
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
    return lab_problem(lab, index, lab.cells[index].marker_line, message)
