"""Map lines of a staged page back to the contributed file they were copied from.

Checks run over the staged tree (where links resolve as MkDocs resolves them), but a
contributor must read ``pages/index.md:12``, not ``build/docs/index.fr.md:31``: the staged
page wraps the contributed text in generated front matter, titles, cards and notices.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StagedSource:
    """The contributed Markdown a staged page contains, and where it came from."""

    source: str
    """The contributed file relative to the project root, such as ``pages/index.md``."""
    body: str
    """The Markdown as contributed, front matter removed; the staged page contains it."""
    first_line: int
    """The line of ``source`` on which ``body`` starts (after the front matter)."""

    @classmethod
    def of(cls, source: str, text: str, body: str) -> StagedSource:
        """Record ``body``, the end of ``text`` (the whole file) after its front matter."""
        first_line = text.count("\n", 0, len(text) - len(body)) + 1
        return cls(source=source, body=body, first_line=first_line)


@dataclass(frozen=True)
class LineMap:
    """Where the contributed text sits in one staged page, line for line."""

    source: str
    staged_start: int
    """First staged line (1-based) holding contributed text."""
    source_start: int
    """The source line that staged line corresponds to."""
    line_count: int

    def to_source(self, staged_line: int) -> int | None:
        """The source line of ``staged_line``, or None for a generated line."""
        offset = staged_line - self.staged_start
        if 0 <= offset < self.line_count:
            return self.source_start + offset
        return None


def locate(staged_text: str, source: StagedSource) -> LineMap | None:
    """Find ``source``'s text in the staged page; None when the page no longer holds it.

    Wrappers strip the text's outer blank lines, so the stripped text is searched for and
    the lines stripped from its start are added back.
    """
    stripped = source.body.strip()
    if not stripped:
        return None
    position = staged_text.rfind(stripped)
    if position < 0:
        return None
    leading = source.body[: len(source.body) - len(source.body.lstrip())].count("\n")
    return LineMap(
        source=source.source,
        staged_start=staged_text.count("\n", 0, position) + 1,
        source_start=source.first_line + leading,
        line_count=stripped.count("\n") + 1,
    )
