"""Typed calls into nbformat, which ships without type hints: the one place that says so.

Notebooks stay ``nbformat.NotebookNode`` values (nbclient and nbconvert work on them); only
the functions that create, read and write them are wrapped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

NOTEBOOK_VERSION = 4


def read_notebook(path: Path | str) -> NotebookNode:
    notebook: NotebookNode = nbformat.read(str(path), as_version=NOTEBOOK_VERSION)  # type: ignore[no-untyped-call]
    return notebook


def write_notebook(notebook: NotebookNode, path: Path | str) -> None:
    nbformat.write(notebook, str(path))  # type: ignore[no-untyped-call]


def notebook_bytes(notebook: NotebookNode) -> bytes:
    text: str = nbformat.writes(notebook)  # type: ignore[no-untyped-call]
    return text.encode("utf-8")


def new_notebook(cells: list[NotebookNode], metadata: dict[str, Any]) -> NotebookNode:
    """A notebook whose cell ids follow the cell order.

    nbformat gives new cells random ids, which would make two builds of the same lab differ
    byte for byte (and the published ``.ipynb`` with them).
    """
    for index, cell in enumerate(cells, start=1):
        cell["id"] = f"cell-{index}"
    notebook: NotebookNode = nbformat.v4.new_notebook(cells=cells, metadata=metadata)  # type: ignore[no-untyped-call]
    return notebook


def new_cell(kind: str, source: str, metadata: dict[str, Any]) -> NotebookNode:
    """A code, markdown or raw cell."""
    factories = {
        "code": nbformat.v4.new_code_cell,
        "markdown": nbformat.v4.new_markdown_cell,
        "raw": nbformat.v4.new_raw_cell,
    }
    cell: NotebookNode = factories[kind](source, metadata=metadata)  # type: ignore[no-untyped-call]
    return cell


def new_stream_output(text: str, name: str = "stdout") -> NotebookNode:
    output: NotebookNode = nbformat.v4.new_output("stream", name=name, text=text)  # type: ignore[no-untyped-call]
    return output
