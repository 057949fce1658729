"""Executable labs: read jupytext sources, execute them sandboxed and cached, render them.

The site builder calls, in order: :func:`load_labs` (or :func:`discover_labs`), then
:func:`execute_labs`, then :func:`render_lab` for each lab and translation (a translation is
read merged into its source, so it renders with the source's outputs; a lab translated by a
catalog is the source lab with the text the caller gives, :func:`with_translated_text`).
Nothing here imports MkDocs, nor the i18n package: translated text comes in as plain data.
"""

from __future__ import annotations

from courseware.labs.cache import CacheEntry, LabCache
from courseware.labs.execute import (
    DEFAULT_MAX_OUTPUT_CHARS,
    LabRun,
    RunStatus,
    execute_labs,
    is_cached,
)
from courseware.labs.failures import LabProblem
from courseware.labs.instructions import RunSettings, RuntimeOffer
from courseware.labs.isolation import DEFAULT_MEMORY_LIMIT_BYTES
from courseware.labs.outputs import check_figures, merge_outputs
from courseware.labs.render import LabSections, RenderedLab, render_lab
from courseware.labs.runtime_wheel import RuntimeWheel, cached_runtime_wheel, needs_runtime
from courseware.labs.source import (
    Lab,
    LabCell,
    discover_lab_paths,
    discover_labs,
    lab_notebook,
    lab_script,
    lab_translation_skeleton,
    load_lab,
    load_labs,
    read_lab,
    with_translated_text,
)

__all__ = [
    "DEFAULT_MAX_OUTPUT_CHARS",
    "DEFAULT_MEMORY_LIMIT_BYTES",
    "CacheEntry",
    "Lab",
    "LabCache",
    "LabCell",
    "LabProblem",
    "LabSections",
    "LabRun",
    "RenderedLab",
    "RunSettings",
    "RunStatus",
    "RuntimeOffer",
    "RuntimeWheel",
    "cached_runtime_wheel",
    "check_figures",
    "discover_lab_paths",
    "discover_labs",
    "execute_labs",
    "is_cached",
    "lab_notebook",
    "lab_script",
    "lab_translation_skeleton",
    "load_lab",
    "load_labs",
    "merge_outputs",
    "needs_runtime",
    "read_lab",
    "render_lab",
    "with_translated_text",
]
