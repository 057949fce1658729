"""Render an executed lab as a Markdown page plus the files it links: figures (as image
files with alt text, never base64), the executed ``.ipynb`` and the ``.py`` source.

nbconvert does the conversion, with four changes to its Markdown template: figures get the
lab's alt text instead of "png", an error shows only ``ErrorType: message`` (a traceback is
never lesson content), HTML or JavaScript outputs are shown as their plain-text form
(contributed output is data, not markup), and code and errors sit in fences longer than any
run of backticks in them, so an error message is always shown as text (it cannot close its
block and publish a heading or a link, issue 20). User-visible words go through ``gettext`` with
literal strings, so Babel can extract them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

import jinja2
from nbconvert.exporters import MarkdownExporter
from nbformat import NotebookNode
from traitlets.config import Config

from courseware.errors import ContentError, Problem
from courseware.labs.cache import CacheEntry
from courseware.labs.execute import LabRun
from courseware.labs.instructions import (
    INSTRUCTIONS_ANCHOR,
    NO_SETTINGS,
    RunSettings,
    run_it_yourself,
)
from courseware.labs.markdown_escape import markdown_alt, markdown_inline
from courseware.labs.notebooks import notebook_bytes, read_notebook
from courseware.labs.outputs import (
    check_figures,
    figure_alt_texts,
    has_same_code,
    is_figure,
    merge_outputs,
)
from courseware.labs.runtime_wheel import PROVIDES
from courseware.labs.source import Lab, lab_script

Gettext = Callable[[str], str]

_TEMPLATE = r"""{%- extends 'index.md.j2' -%}
{% block input %}
{%- set code = cell.source | code_text %}
{{ code | code_fence }}
{%- if 'magics_language' in cell.metadata -%}
    {{ cell.metadata.magics_language }}
{%- elif 'name' in nb.metadata.get('language_info', {}) -%}
    {{ nb.metadata.language_info.name }}
{%- endif %}
{{ code }}
{{ code | code_fence }}
{% endblock input %}
{% block error %}
{%- set message = (output.ename ~ ": " ~ (output.evalue | strip_ansi)) | code_text %}
{{ message | code_fence }}text
{{ message }}
{{ message | code_fence }}
{% endblock error %}
{% block stream %}
{{ output.text | strip_ansi | indent }}
{% endblock stream %}
{% block data_text scoped %}
{{ output.data['text/plain'] | strip_ansi | indent }}
{% endblock data_text %}
{% block data_png %}
{{ figure(output, 'image/png') }}
{% endblock data_png %}
{% block data_jpg %}
{{ figure(output, 'image/jpeg') }}
{% endblock data_jpg %}
{% block data_svg %}
{{ figure(output, 'image/svg+xml') }}
{% endblock data_svg %}
{% macro figure(output, kind) -%}
![{{ output.metadata.courseware_alt }}]({{ output.metadata.filenames[kind] | path2url }})
{%- if output.metadata.courseware_caption %}

*{{ output.metadata.courseware_caption }}*
{%- endif %}
{%- endmacro %}
"""

DOWNLOADS_ANCHOR = "downloads"
"""The ids of the headings the page writes in the reader's language: the same in every
language, so links to them hold, and known, so that a page falling back to the lab's source
language can tell its own headings from the lab's (see ``LabSections.interface_anchors``)."""

_DISPLAY_PRIORITY = ["image/svg+xml", "image/png", "image/jpeg", "text/plain"]
"""Only images and plain text reach the page: HTML, Markdown and JavaScript outputs from a
lab fall back to their text form."""


@dataclass(frozen=True)
class LabSections:
    """A lab page's Markdown, cut where its language changes.

    The title and the prose are the lab's own text, in the lab's language (the source
    language when the page falls back to it); the other sections are the page's interface,
    in the reader's language. A page that falls back marks the lab's text as such.
    """

    title: str
    """The ``# Title`` line."""
    facts: str
    notice: str
    """The dated notice of an outdated output, or empty."""
    prose: str
    """The lab's text, code and outputs."""
    downloads: str
    instructions: str
    """How to run the lab offline."""

    @property
    def interface_anchors(self) -> tuple[str, ...]:
        """The ids of the headings in the reader's language."""
        return (DOWNLOADS_ANCHOR, INSTRUCTIONS_ANCHOR)

    def markdown(self, wrap_prose: Callable[[str], str] | None = None) -> str:
        """The whole page; ``wrap_prose`` (such as a language wrapper) applies to the prose."""
        prose = wrap_prose(self.prose) if wrap_prose and self.prose else self.prose
        parts = (self.title, self.facts, self.notice, prose, self.downloads, self.instructions)
        return "\n\n".join(part.strip("\n") for part in parts if part).rstrip() + "\n"


@dataclass(frozen=True)
class RenderedLab:
    """A lab page and the files beside it (paths relative to the page)."""

    lab_id: str
    language: str | None
    sections: LabSections
    files: Mapping[str, bytes]
    executed_at: datetime
    is_outdated: bool
    """True when the output shown is the last good one, not from the current source."""
    problems: tuple[Problem, ...] = ()

    @property
    def markdown(self) -> str:
        """The whole page, in Markdown."""
        return self.sections.markdown()


def _identity(text: str) -> str:
    return text


def render_lab(
    lab: Lab,
    run: LabRun | CacheEntry,
    *,
    gettext: Gettext = _identity,
    mark_untranslated: Callable[[str], str] | None = None,
    settings: RunSettings = NO_SETTINGS,
) -> RenderedLab:
    """Render ``lab`` (a source lab or a translation) with the outputs of ``run``.

    Args:
        lab: the lab whose prose the page shows; for a translation, pass the source lab's run.
        run: a run from :func:`execute_labs`; a failed run renders its last good entry with
            a dated notice. A cache entry renders as is.
        gettext: translates the page's own words into the page's language.
        mark_untranslated: wraps the Markdown of a translation's cells that are still in the
            source language (the source gained them), so the page can declare their language.
        settings: what the project lets the page offer for running the lab elsewhere (the
            runtime wheel, its repository, a hosted notebook service).

    Raises:
        ContentError: if the run failed and there is no earlier good output to show.
    """
    entry, is_outdated = _entry_to_show(run)
    executed = read_notebook(entry.notebook_path)
    if is_outdated and not has_same_code(lab, executed):
        # The last good run is of older code: show that notebook whole, as it ran then.
        notebook, problems = executed, tuple[Problem, ...]()
    else:
        notebook = merge_outputs(lab, executed)
        problems = tuple(check_figures(lab, notebook))
    _attach_figure_text(notebook)
    stem = lab.id if lab.language is None else f"{lab.id}.{lab.language}"
    shown = notebook
    if notebook is not executed:
        shown = _mark_untranslated(notebook, lab, mark_untranslated)
    body, figures = _convert(shown, stem)
    files: dict[str, bytes] = dict(figures)
    files[f"{stem}.ipynb"] = _download_notebook(notebook, lab)
    files[f"{stem}.py"] = lab_script(lab)
    for name in lab.data_files:
        # Beside the downloads at the path the lab opens, so a downloaded folder runs as is.
        files[name] = (lab.path.parent / name).read_bytes()
    title, prose = _title_and_body(lab, body)
    sections = LabSections(
        title=title,
        facts=_facts(lab, gettext),
        notice=_outdated_notice(entry.executed_at, gettext) if is_outdated else "",
        prose=prose,
        downloads=_downloads(lab, stem, settings, gettext),
        instructions=run_it_yourself(lab, stem, settings, gettext),
    )
    return RenderedLab(
        lab_id=lab.id,
        language=lab.language,
        sections=sections,
        files=MappingProxyType(files),
        executed_at=entry.executed_at,
        is_outdated=is_outdated,
        problems=problems,
    )


def _entry_to_show(run: LabRun | CacheEntry) -> tuple[CacheEntry, bool]:
    if isinstance(run, CacheEntry):
        return run, False
    if run.is_ok and run.entry is not None:
        return run.entry, False
    if run.last_good is not None:
        return run.last_good, True
    raise ContentError(run.problems)


def _attach_figure_text(notebook: NotebookNode) -> None:
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        figures = [output for output in cell.outputs if is_figure(output)]
        texts = figure_alt_texts(cell, len(figures))
        caption = cell.metadata.get("caption")
        for output, text in zip(figures, texts, strict=True):
            output.setdefault("metadata", {})
            output.metadata["courseware_alt"] = markdown_alt(text or "")
            if caption and cell.metadata.get("alt"):
                output.metadata["courseware_caption"] = markdown_inline(caption)


def _mark_untranslated(
    notebook: NotebookNode, lab: Lab, mark: Callable[[str], str] | None
) -> NotebookNode:
    """A copy of ``notebook`` (built from ``lab``'s cells, in order) whose untranslated
    Markdown cells are wrapped by ``mark``, and whose cells with a page text of their own
    (a lab translated by a catalog) show it; the downloads keep the plain text.

    An untranslated opening ``# Title`` is dropped rather than wrapped: the page's title is
    then the translation's own (from its header), and the page keeps a single ``<h1>``.
    """
    marked = copy.deepcopy(notebook)
    for index, (cell, lab_cell) in enumerate(zip(marked.cells, lab.cells, strict=True)):
        if lab_cell.page_source is not None and cell.cell_type == "markdown":
            cell.source = lab_cell.page_source
            continue
        if mark is None or not (lab_cell.is_untranslated and cell.cell_type == "markdown"):
            continue
        text = str(cell.source)
        if index == 0 and text.startswith("# "):
            text = text.partition("\n")[2].strip("\n")
        cell.source = mark(text) if text.strip() else ""
    return marked


_LINE_BREAKS = re.compile(r"\r\n?")
_BACKTICK_RUNS = re.compile(r"`{3,}")


def code_text(text: str) -> str:
    """``text`` for a code block: line breaks as Markdown reads them (``\\r`` is one, which a
    fence would not see), without the characters Python-Markdown uses as placeholders."""
    return _LINE_BREAKS.sub("\n", text).replace("\x02", "").replace("\x03", "").rstrip("\n")


def code_fence(text: str) -> str:
    """A backtick fence longer than any run of backticks in ``text``, so that nothing in
    the text (an error message, say) can close the block and continue as Markdown."""
    longest = max((len(run) for run in _BACKTICK_RUNS.findall(text)), default=2)
    return "`" * max(3, longest + 1)


def _convert(notebook: NotebookNode, stem: str) -> tuple[str, dict[str, bytes]]:
    config = Config()
    config.NbConvertBase.display_data_priority = _DISPLAY_PRIORITY
    exporter = MarkdownExporter(  # type: ignore[no-untyped-call]
        config=config,
        extra_loaders=[jinja2.DictLoader({"courseware_lab.md.j2": _TEMPLATE})],
        template_file="courseware_lab.md.j2",
    )
    exporter.register_filter("code_text", code_text)  # type: ignore[no-untyped-call]
    exporter.register_filter("code_fence", code_fence)  # type: ignore[no-untyped-call]
    resources = {"unique_key": stem, "output_files_dir": f"{stem}_files"}
    body, produced = exporter.from_notebook_node(notebook, resources=resources)
    outputs = produced.get("outputs", {})
    return body, {name: data for name, data in outputs.items()}


def _download_notebook(notebook: NotebookNode, lab: Lab) -> bytes:
    clean = copy.deepcopy(notebook)
    for cell in clean.cells:
        for output in cell.get("outputs", []):
            metadata = output.get("metadata", {})
            for key in ("courseware_alt", "courseware_caption", "filenames"):
                metadata.pop(key, None)
    clean.metadata["title"] = lab.title
    return notebook_bytes(clean)


def _title_and_body(lab: Lab, body: str) -> tuple[str, str]:
    """Keep the lab's own ``# Title`` if it opens with one; otherwise use the header's."""
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    if first.startswith("# "):
        return first, rest.strip("\n")
    return f"# {markdown_inline(lab.title)}", stripped.strip("\n")


def _facts(lab: Lab, gettext: Gettext) -> str:
    connectivity = {
        "none": gettext("not needed"),
        "optional": gettext("optional"),
        "required": gettext("required"),
    }[lab.connectivity]
    hardware = markdown_inline(lab.hardware) if lab.needs_hardware else gettext("none")
    facts = [
        gettext("Module: {module}").format(module=f"`{lab.module}`"),
        gettext("Duration: {minutes} minutes").format(minutes=lab.duration_minutes),
        gettext("Network: {connectivity}").format(connectivity=connectivity),
        gettext("Hardware: {hardware}").format(hardware=hardware),
    ]
    return " · ".join(facts)


def _outdated_notice(executed_at: datetime, gettext: Gettext) -> str:
    text = gettext(
        "This lab's output is from {date}: the current version did not run, "
        "so the last output that ran is shown."
    ).format(date=executed_at.date().isoformat())
    return f"> **{gettext('Note')}:** {text}"


def _downloads(lab: Lab, stem: str, settings: RunSettings, gettext: Gettext) -> str:
    lines = [
        "## " + gettext("Downloads") + " {: #" + DOWNLOADS_ANCHOR + " }",
        "",
        "- [" + gettext("Download the notebook") + f" (`{stem}.ipynb`)]({stem}.ipynb)",
        "- [" + gettext("Download the source") + f" (`{stem}.py`)]({stem}.py)",
    ]
    lines += [
        "- [" + gettext("Download the data file") + f" (`{name}`)]({name})"
        for name in lab.data_files
    ]
    runtime = settings.runtime
    if runtime is not None and PROVIDES in lab.requirements:
        label = gettext("Download the course's libraries")
        lines.append(f"- [{label} (`{runtime.filename}`, {runtime.size_text})]({runtime.href})")
    return "\n".join(lines)
