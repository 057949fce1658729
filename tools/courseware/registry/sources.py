"""The sources behind the figures a module states (``curriculum/sources.yaml``), and the check
that every figure names one.

A module author marks a figure with a Markdown footnote whose id is an entry of
``curriculum/sources.yaml``: ``88.3% accuracy[^trivedi-2021]``, with the footnote's text
(``[^trivedi-2021]: Trivedi and Shroff, ...``) at the end of the same file. The footnotes
extension renders the pair as a numbered citation, so the marker never shows as raw syntax;
the entry is where the check finds who measured the figure and where it was published.

The check refuses, each as ``file:line: field: message``:

- a marker or footnote text naming no entry of ``sources.yaml``;
- a marker without its footnote text in the same file (the page would show ``[^id]``);
- a figure (a percentage, an amount with a unit, a multiple, a price, a count in billions)
  in a paragraph of a module's text that carries no marker;
- a figure in a ``module.yaml`` key point that no marked paragraph of the module's text in
  that language states (a key point cannot carry a footnote, so its figure must be sourced
  where it is taught).

Where a figure has no primary source (a slide that states it without a study, or our own
arithmetic), its entry says so in ``note``, and ``kind: derived`` names what it was derived
from; the module text says so in words too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.content_catalogs import catalog_path, translated_text
from courseware.registry.modules import Module
from courseware.registry.written_ids import ids_as_written
from courseware.textfields import HttpsUrl, PlainText, Slug, StrictModel
from courseware.validation import did_you_mean, validate_document
from courseware.yamlsafe import YamlDocument, decode_text, read_yaml_file

SOURCES_FILE = Path("curriculum") / "sources.yaml"

SourceKind = Literal["publication", "talk", "web-page", "repository", "registry", "derived"]


class SourceEntry(StrictModel):
    """One source a figure can name.

    ``kind: derived`` is a figure we computed ourselves: ``derived_from`` names the entries it
    was computed from and ``note`` says how, so no one mistakes it for a measured result.
    """

    id: Slug
    kind: SourceKind
    title: PlainText
    authors: PlainText | None = None
    venue: PlainText | None = None
    year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    url: HttpsUrl | None = None
    note: PlainText | None = None
    derived_from: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _derived_says_how(self) -> SourceEntry:
        if self.kind == "derived" and (not self.derived_from or not self.note):
            raise ValueError(
                "a derived source needs derived_from (the entries it was computed from) and "
                "a note saying how"
            )
        return self


class SourcesFile(StrictModel):
    """The contents of ``curriculum/sources.yaml``."""

    sources: list[SourceEntry] = Field(min_length=1)


@dataclass(frozen=True)
class Sources:
    """The loaded entries by id (empty when the project has no sources file)."""

    entries: Mapping[str, SourceEntry]
    is_kept: bool = True
    """False when the project has no sources file: markers are still checked (each names no
    entry), but unmarked figures are not, so a project adopts the figure check by keeping one."""
    written_ids: frozenset[str] | None = frozenset()
    """When the file has errors: the ids written in it, which markers may still name (the
    file's own errors are reported once, not again at every marker); None when even those
    cannot be read, and markers are then not checked against the file."""

    def declares(self, name: str) -> bool:
        """Whether a marker naming ``name`` is to be taken as naming an entry."""
        return self.written_ids is None or name in self.entries or name in self.written_ids


def load_sources(root: Path) -> tuple[Sources, list[Problem], YamlDocument | None]:
    """Read ``curriculum/sources.yaml``: unique ids, derived entries naming known entries."""
    path = root / SOURCES_FILE
    if not path.is_file():
        return Sources({}, is_kept=False), [], None
    document, problems = read_yaml_file(path, root)
    if document is None:
        return Sources({}, written_ids=None), problems, None
    parsed, file_problems = validate_document(SourcesFile, document)
    problems += file_problems
    if parsed is None:
        written = ids_as_written(document, "sources", problems)
        return Sources({}, written_ids=written), problems, document
    entries: dict[str, SourceEntry] = {}
    for index, entry in enumerate(parsed.sources):
        if entry.id in entries:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("sources", index, "id")),
                    f"sources[{index}].id",
                    f"{entry.id!r} is already an entry; give each source one id",
                    code=codes.DUPLICATE_ID,
                )
            )
        entries[entry.id] = entry
    for index, entry in enumerate(parsed.sources):
        for position, name in enumerate(entry.derived_from):
            if name not in entries:
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(("sources", index, "derived_from", position)),
                        f"sources[{index}].derived_from[{position}]",
                        f"{name!r} is not an entry of {SOURCES_FILE.as_posix()}"
                        f"{did_you_mean(name, entries)}",
                        code=codes.UNKNOWN_SOURCE,
                    )
                )
    return Sources(entries), problems, document


_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d(?:[\d,.]*\d)?)"
_LARGE_COUNTS = "million|billion|trillion|millones|mil millones|milhões|bilhões|trilhão"
_FIGURE = re.compile(
    rf"(?:\$\s?{_NUMBER}"
    rf"|{_NUMBER}\s?%|{_NUMBER}x\b"
    rf"|{_NUMBER}[\s\u00a0\u202f]?(?:kg|g|mg|Mt|Gt|mW|µW|W|Wh|kWh|mAh|V|mm²|cm²)\b"
    rf"|{_NUMBER}[\s\u00a0\u202f](?:{_LARGE_COUNTS})"
    r")"
)
"""A stated figure: a price, a percentage, a multiple, an amount with a unit, or a count in
billions. Plain numbers (years, list positions, "500 sensors" in an exercise) are not figures."""


@dataclass(frozen=True)
class Paragraph:
    """A block of consecutive non-blank lines outside code fences, with its first line."""

    line: int
    text: str


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """Yield the text's paragraphs (tables and list runs count as one), skipping code and
    footnote texts, which carry no figures of their own."""
    lines: list[str] = []
    start = 0
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if line.strip() and not _DEFINITION.match(line):
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            yield Paragraph(start, "\n".join(lines))
            lines = []
    if lines:
        yield Paragraph(start, "\n".join(lines))


def figures_in(text: str) -> list[str]:
    """The figures stated in a piece of text, as written."""
    return [match.group(0) for match in _FIGURE.finditer(_without_links_and_code(text))]


def _without_links_and_code(text: str) -> str:
    # A link's address (arXiv 2306.08848, a statistics page's number) is not a figure, and
    # code (`5x`, `[^id]` in an example) is neither a figure nor a marker.
    return re.sub(r"\]\([^)]*\)|https?://\S+|`[^`\n]*`", "]", text)


def check_module_sources(
    root: Path,
    modules: Iterable[Module],
    documents: Mapping[str, YamlDocument],
    sources: Sources,
) -> list[Problem]:
    """Check every module's figure markers and unmarked figures (see the module docstring)."""
    problems: list[Problem] = []
    for module in modules:
        marked_figures: dict[str, set[str]] = {}
        for language in module.languages:
            relative = module.text_file(language)
            text, file_problems = _read_text(root / relative, relative)
            problems += file_problems
            if text is None:
                continue
            if language in module.catalog_languages:
                # The text in this language is the source with its catalog's paragraphs.
                text = translated_text(root, relative, text, language)
                relative = catalog_path(root, relative, language).relative_to(root).as_posix()
            problems += _check_markers(relative, text, sources)
            if sources.is_kept:
                problems += _check_figures(relative, text)
            marked_figures[language] = {
                _normalised(figure)
                for paragraph in split_paragraphs(text)
                if _REFERENCE.search(_without_links_and_code(paragraph.text))
                for figure in figures_in(paragraph.text)
            }
        document = documents.get(module.metadata_file)
        if document is not None and sources.is_kept:
            problems += _check_key_points(module, document, marked_figures)
    return problems


def _read_text(path: Path, relative: str) -> tuple[str | None, list[Problem]]:
    if not path.is_file():
        return None, []  # a missing text is reported where the module is loaded
    return decode_text(path.read_bytes(), relative)


def _check_markers(relative: str, text: str, sources: Sources) -> list[Problem]:
    problems: list[Problem] = []
    defined = {match.group(1) for match in _DEFINITION.finditer(text)}
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _DEFINITION.finditer(line):
            problems += _unknown(relative, number, match.group(1), sources)
        for match in _REFERENCE.finditer(_without_links_and_code(line)):
            name = match.group(1)
            problems += _unknown(relative, number, name, sources)
            if name not in defined:
                problems.append(
                    Problem(
                        relative,
                        number,
                        f"[^{name}]",
                        f"the marker has no footnote text in this file, so the page would "
                        f"show it raw; add a line '[^{name}]: <who, what, where, year>' at "
                        "the end",
                        code=codes.FOOTNOTE_TEXT_MISSING,
                    )
                )
    return problems


def _check_figures(relative: str, text: str) -> list[Problem]:
    problems: list[Problem] = []
    for paragraph in split_paragraphs(text):
        is_heading = paragraph.text.startswith("#")
        if is_heading or _REFERENCE.search(_without_links_and_code(paragraph.text)):
            continue
        figures = figures_in(paragraph.text)
        if figures:
            problems.append(
                Problem(
                    relative,
                    paragraph.line,
                    "figure",
                    f"{figures[0]!r} names no source; mark it with a footnote whose id is an "
                    f"entry of {SOURCES_FILE.as_posix()}, such as {figures[0]}[^source-id]",
                    code=codes.UNSOURCED_FIGURE,
                )
            )
    return problems


def _unknown(relative: str, line: int, name: str, sources: Sources) -> list[Problem]:
    if sources.declares(name):
        return []
    return [
        Problem(
            relative,
            line,
            f"[^{name}]",
            f"{name!r} is not an entry of {SOURCES_FILE.as_posix()}"
            f"{did_you_mean(name, sources.entries)}; add the source there or fix the id",
            code=codes.UNKNOWN_SOURCE,
        )
    ]


def _check_key_points(
    module: Module, document: YamlDocument, marked_figures: Mapping[str, set[str]]
) -> list[Problem]:
    problems: list[Problem] = []
    source_language = module.spec.source_language
    for index, point in enumerate(module.spec.key_points):
        texts = point.items() if isinstance(point, dict) else [(source_language, point)]
        for language, text in texts:
            text_language = language if language in marked_figures else source_language
            sourced = marked_figures.get(text_language, set())
            for figure in figures_in(text):
                if _normalised(figure) in sourced:
                    continue
                location: tuple[str | int, ...] = ("key_points", index)
                if isinstance(point, dict):
                    location = (*location, language)
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(location),
                        f"key_points[{index}]"
                        + (f".{language}" if isinstance(point, dict) else ""),
                        f"{figure!r} is not stated with a source marker in "
                        f"{module.text_file(text_language)}; source it there, or leave the "
                        "figure out of the key point",
                        code=codes.UNSOURCED_KEY_POINT,
                    )
                )
    return problems


def _normalised(figure: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]", "", figure)
