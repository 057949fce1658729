"""The printed track as one HTML document, ready for Chromium to print.

The document is built from the site's staged tree, so the printed text is the site's text
(fallbacks, notices, executed labs and teaching kits included) and nothing is staged twice:

1. a cover: title, edition, language, licence, date and the attributions the licences ask for;
2. the table of contents, whose page numbers ``print.chromium`` fills in;
3. the syllabus with cumulative time (and, in the teacher's edition, the teacher's plan);
4. every module of the track in teaching order, each followed by its labs as worksheets (the
   executed lab's prose, code, outputs and figures) and, in the teacher's edition, its
   teaching kit (notes, timing, answer key); the self-check answers are shown open there;
5. the track's pre/post forms A and B, for learners to answer on paper.

The cover, the contents and the running heads are made in ``print.front_pages``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from courseware.assess.bank import Bank, load_banks
from courseware.assess.forms import build_forms
from courseware.i18n.catalogs import translator
from courseware.i18n.formatting import format_day
from courseware.registry.load import Registry
from courseware.registry.tracks import Track
from courseware.site.offline import files_in_language
from courseware.site.print.front_pages import (
    DATE_SLOT,
    Chapter,
    Edition,
    Paper,
    contents_page,
    cover_page,
    page_rules,
)
from courseware.site.print.pages import (
    markdown_converter,
    page_url_folder,
    print_page,
)
from courseware.site.render import (
    KIT_PAGE,
    escape,
    markdown_text,
    render_form,
    render_teacher_plan,
    render_track_page,
    text_direction,
)
from courseware.site.staging import LabFacts, read_lab_facts, read_mkdocs_yml
from courseware.textfields import text_in

_SYLLABUS = "print-syllabus.md"
_NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.DOTALL)
_FORM = "print-form-{letter}.md"


@dataclass(frozen=True)
class PrintDocument:
    """The HTML to print, and the anchors whose page numbers the contents need."""

    html: str
    """With ``DATE_SLOT`` for the cover's date."""
    anchors: tuple[str, ...]
    language: str
    direction: str

    def dated_html(self, day: dt.date) -> str:
        """The HTML with ``day`` on the cover, in the document's language."""
        return self.html.replace(DATE_SLOT, escape(format_day(day, self.language)), 1)


def stylesheet() -> str:
    """The print stylesheet (``print.css``, shipped in the package)."""
    return (resources.files("courseware.site.print") / "print.css").read_text("utf-8")


@dataclass(frozen=True)
class ProjectInputs:
    """What every document of a build reads from the project once: the labs' headers (for
    the teacher's plan) and the question banks (for the forms)."""

    facts: LabFacts
    banks: Mapping[str, Bank]


def read_project_inputs(registry: Registry) -> ProjectInputs:
    """Read the labs' headers and the modules' question banks (a bank with problems is left
    out here: ``courseware assess check`` reports them)."""
    banks, _ = load_banks(registry.root, list(registry.modules))
    return ProjectInputs(facts=read_lab_facts(registry.root), banks=banks)


def print_pages(
    track: Track,
    registry: Registry,
    tree: dict[str, bytes],
    language: str,
    edition: Edition,
    inputs: ProjectInputs,
) -> list[list[str]]:
    """The staged paths of the document, one list per chapter (its first page opens it).

    Adds the generated pages (syllabus, forms) to ``tree``.
    """
    gettext = translator(language)
    direction = text_direction(language)
    syllabus = f"# {markdown_text(gettext('Syllabus'))}\n\n"
    syllabus += render_track_page(track, registry, language, gettext, module_base="modules/")
    if edition == "teacher":
        labs = {m: inputs.facts.kit_labs(registry, m, language) for m in track.module_ids}
        syllabus += "\n\n" + render_teacher_plan(
            track, registry, language, gettext, labs, module_base="modules/"
        )
    tree[_SYLLABUS] = syllabus.encode("utf-8")
    chapters = [[_SYLLABUS]]
    modules = registry.modules_by_id
    for module_id in dict.fromkeys(track.module_ids):
        module = modules.get(module_id)
        page = f"modules/{module_id}/index.md"
        if module is None or page not in tree:
            continue
        chapter = [page]
        chapter += [f"labs/{lab}.md" for lab in module.spec.labs if f"labs/{lab}.md" in tree]
        kit = f"modules/{module_id}/{KIT_PAGE}.md"
        if edition == "teacher" and kit in tree:
            chapter.append(kit)
        chapters.append(chapter)
    for form in build_forms(track, inputs.banks):
        if not form.items:
            continue
        name = _FORM.format(letter=form.letter)
        title = gettext("Form {letter}").replace("{letter}", form.letter)
        # On paper there is no script to make a result code: the teacher marks the form.
        body = _NOSCRIPT.sub("", render_form(form, language, direction, gettext))
        tree[name] = f"# {markdown_text(title)}\n\n{body}\n".encode()
        chapters.append([name])
    return chapters


@dataclass(frozen=True)
class DocumentSources:
    """What one document is made of, before any Markdown is converted: its pages by chapter
    and the staged tree in its language (with the generated pages)."""

    track: Track
    language: str
    edition: Edition
    tree: Mapping[str, bytes]
    chapters: tuple[tuple[str, ...], ...]
    cover: str

    def parts(self) -> Iterator[tuple[str, bytes]]:
        """The cover, then each page of the document and the files beside it (its figures),
        in order: everything the printed document is made from, for its cache key."""
        yield "cover", self.cover.encode("utf-8")
        for path in (page for chapter in self.chapters for page in chapter):
            yield path, self.tree[path]
            folder = page_url_folder(path)
            for name in sorted(self.tree):
                if name.startswith((f"{folder}/", f"{folder}-")) and not name.endswith(".md"):
                    yield name, self.tree[name]


def document_sources(
    staged_files: Mapping[str, bytes],
    registry: Registry,
    track: Track,
    language: str,
    edition: Edition,
    inputs: ProjectInputs | None = None,
) -> DocumentSources:
    """The sources of ``track``'s document in ``language`` and ``edition``.

    Args:
        staged_files: the site's staged tree (``StagedFiles.files``), every language.
        inputs: the labs' headers and question banks, if already read.
    """
    tree = files_in_language(staged_files, language, registry.language_codes)
    inputs = inputs if inputs is not None else read_project_inputs(registry)
    chapters = print_pages(track, registry, tree, language, edition, inputs)
    return DocumentSources(
        track=track,
        language=language,
        edition=edition,
        tree=tree,
        chapters=tuple(tuple(chapter) for chapter in chapters),
        cover=cover_page(track, registry, language, edition),
    )


def build_document(sources: DocumentSources, registry: Registry, paper: Paper) -> PrintDocument:
    """The HTML document of ``sources`` on ``paper``."""
    track, language, edition, tree = sources.track, sources.language, sources.edition, sources.tree
    gettext = translator(language)
    direction = text_direction(language)
    chapter_paths = sources.chapters
    anchors: dict[str, str] = {}
    for path in (p for chapter in chapter_paths for p in chapter):
        anchors.setdefault(path, f"p{len(anchors) + 1}")
    convert = markdown_converter(read_mkdocs_yml(registry.root))
    chapter_list = []
    for paths in chapter_paths:
        pages = tuple(print_page(p, anchors[p], tree, anchors, convert) for p in paths)
        chapter_list.append(Chapter(anchor=anchors[paths[0]], title=pages[0].title, pages=pages))
    chapters = tuple(chapter_list)
    title = text_in(track.spec.title, language, registry.source_language.code)
    body = []
    for chapter in chapters:
        parts = [
            f'<section class="{"cw-chapter" if i == 0 else "cw-part"}" id="{page.anchor}">'
            f"{page.body}</section>"
            for i, page in enumerate(chapter.pages)
        ]
        body.append(f'<div id="cw-{chapter.anchor}">{"".join(parts)}</div>')
    text = "".join(body)
    if edition == "teacher":
        text = text.replace("<details>", "<details open>").replace("<details ", "<details open ")
    rules = page_rules(
        tuple(Chapter(f"cw-{c.anchor}", c.title, c.pages) for c in chapters),
        title,
        paper,
        direction,
    )
    html = (
        f'<!DOCTYPE html><html lang="{escape(language)}" dir="{direction}"><head>'
        f'<meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{stylesheet()}\n{rules}</style></head>"
        f'<body class="cw-print cw-edition-{edition}">'
        + sources.cover
        + contents_page(chapters, gettext)
        + text
        + "</body></html>"
    )
    ordered = tuple(p.anchor for c in chapters for p in c.pages)
    return PrintDocument(html=html, anchors=ordered, language=language, direction=direction)
