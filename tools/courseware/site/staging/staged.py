"""One part of the staged tree: files by relative path, the contributed sources they hold,
and the problems found while making them.

Every stager returns its own part; :func:`courseware.site.staging.collect.collect_site_files`
merges them in order, so no stager reads or changes another's files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from courseware.errors import Problem
from courseware.site.staging.front_matter import with_front_matter
from courseware.site.staging.page_scripts import PageScripts, extract_scripts
from courseware.site.staging.source_map import StagedSource


@dataclass(frozen=True)
class LabSummary:
    """What a build did with the labs, for the build report."""

    executed: int
    cached: int
    failed: int
    published_outdated: tuple[str, ...]


@dataclass
class StagedFiles:
    """Staged files (relative POSIX path to bytes), their sources, and problems."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    labs: LabSummary | None = None
    """What the build did with the labs, once the lab stager's part is merged."""
    sources: dict[str, StagedSource] = field(default_factory=dict)
    """Staged page → the contributed Markdown it holds, so checks name the source file:line."""

    def add_page(
        self,
        name: str,
        language: str,
        source: str,
        text: str,
        metadata: dict[str, Any] | None = None,
    ) -> str:
        """Add ``name`` (e.g. ``catalog`` or ``offerings/x``) in ``language``; return its path."""
        suffix = "" if language == source else f".{language}"
        page = with_front_matter(metadata or {}, text)
        path = f"{name}{suffix}.md"
        self.files[path] = page.encode("utf-8")
        return path

    def note_source(self, staged_path: str, source: str, text: str, body: str) -> None:
        """Record that the staged page holds ``body``, the part of ``source`` (whose whole
        text is ``text``) after its front matter."""
        self.sources[staged_path] = StagedSource.of(source, text, body)

    def add_generated_page(
        self, name: str, language: str, source: str, text: str, **courseware: Any
    ) -> None:
        """Add a page the builder generated; its scripts move into the page metadata.

        Args:
            courseware: more ``courseware`` metadata for the templates, such as
                ``title_language`` (see ``site/render/localized.py``).
        """
        scripts = PageScripts()
        body = extract_scripts(text, scripts)
        meta = {**scripts.as_meta(), **courseware}
        self.add_page(name, language, source, body, {"courseware": meta})

    def add_file(self, relative: str, content: bytes) -> None:
        """Add a non-page file (asset, download) at ``relative``."""
        self.files[relative] = content

    def merge(self, part: StagedFiles) -> None:
        """Take in a stager's part: its files replace any of the same path."""
        self.files.update(part.files)
        self.sources.update(part.sources)
        self.problems += part.problems
        if part.labs is not None:
            self.labs = part.labs
