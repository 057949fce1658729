"""The cells of a lab as read from its ``.py`` file, each remembering where it starts.

They sit apart from :mod:`courseware.labs.source` so that reading a lab and merging a
translation into it (:mod:`courseware.labs.translation`) can share them without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CellKind = Literal["code", "markdown", "raw"]
KeyKind = Literal["text", "figure"]
CellKey = tuple[KeyKind, int]
"""Which cell of the source lab a translated cell stands for: ``("text", 3)`` is its third
Markdown cell, ``("figure", 1)`` its first figure cell."""


@dataclass(frozen=True)
class LabCell:
    """One cell of a lab, with where it starts in the ``.py`` file.

    ``line`` is the file line of the cell's first source line, so line ``k`` of the cell is
    file line ``line + k - 1``; ``marker_line`` is its ``# %%`` line. In a merged translation
    the Markdown cells and the figures' ``marker_line`` are the translation's lines (that is
    where their text is), the code cells' lines the source lab's.
    """

    kind: CellKind
    source: str
    line: int
    marker_line: int
    tags: tuple[str, ...] = ()
    alt_texts: tuple[str, ...] = ()
    caption: str | None = None
    key: CellKey | None = None
    """In a translation file: the ``text=N`` or ``figure=N`` of the cell's ``# %%`` line."""
    is_untranslated: bool = False
    """In a merged translation: text taken from the source lab because the translation has
    none for it (the source gained a cell), so it is in the source language."""
    page_source: str | None = None
    """In a lab translated by a catalog: the Markdown the page shows when it differs from
    ``source`` (the downloads' text), such as untranslated paragraphs marked with their
    language or changed ones with a marker."""

    @property
    def is_figure(self) -> bool:
        """A code cell that declares alt text or a caption on its ``# %%`` line: the cells a
        translation gives text for besides the Markdown ones."""
        return self.kind == "code" and bool(self.alt_texts or self.caption)
