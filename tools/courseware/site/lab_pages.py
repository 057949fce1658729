"""Stage the executable labs: run them (cached), then one page per lab and language with its
figures and downloads, and a lab index.

A lab that fails stops the build by default, leaving the previous site in place; with
``keep_going`` its last good output is published under a dated notice instead. A traceback
is never published: failures are reported as problems, not rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from courseware.errors import ContentError
from courseware.i18n.catalogs import translator
from courseware.labs import Lab, LabRun, check_translated_lab_code, execute_labs, load_labs
from courseware.labs import render_lab as render_lab_page
from courseware.registry.load import Registry
from courseware.site.fallback import fallback_notice, wrap_in_language
from courseware.site.html import escape
from courseware.site.markdown_text import markdown_text
from courseware.site.module_pages import format_duration
from courseware.textfields import text_in

if TYPE_CHECKING:
    from courseware.site.pages import StagedFiles

_LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)\)")


@dataclass(frozen=True)
class LabSummary:
    """What a build did with the labs, for the build report."""

    executed: int
    cached: int
    failed: int
    published_outdated: tuple[str, ...]


def _relocate(markdown: str, files: dict[str, bytes], folder: str) -> tuple[str, dict[str, bytes]]:
    """Move a rendered lab's files into ``folder``, rewriting the page's links to them.

    Every page gets its own folder so that translated labs' files never meet
    mkdocs-static-i18n's suffix rules for static files (``x.es.png`` would be taken for the
    Spanish version of ``x.png``).
    """
    names = set(files)

    def rewrite(match: re.Match[str]) -> str:
        target = match.group("target")
        return f"]({folder}/{target})" if target in names else match.group(0)

    return _LINK_TARGET.sub(rewrite, markdown), {
        f"{folder}/{name}": data for name, data in files.items()
    }


def _translations_of(labs: list[Lab]) -> dict[tuple[str, str], Lab]:
    return {(lab.id, lab.language): lab for lab in labs if lab.language is not None}


def stage_labs(
    staged: StagedFiles, registry: Registry, *, keep_going: bool = False, jobs: int | None = None
) -> LabSummary:
    """Execute the labs (or reuse their cache) and stage their pages for every language."""
    source = registry.source_language.code
    labs, problems = load_labs(registry.root)
    staged.problems += problems
    sources = [lab for lab in labs if lab.language is None]
    translations = _translations_of(labs)
    for (lab_id, _), translation in sorted(translations.items()):
        original = next((lab for lab in sources if lab.id == lab_id), None)
        if original is not None:
            staged.problems += check_translated_lab_code(original, translation)
    runs = execute_labs(sources, registry.root, jobs=jobs) if sources else []
    outdated: list[str] = []
    for run in runs:
        if not run.is_ok:
            if not keep_going or run.last_good is None:
                staged.problems += list(run.problems)
                continue
            outdated.append(run.lab.id)
        _stage_lab(staged, registry, run, translations, source)
    _stage_index(staged, registry, [run.lab for run in runs], source)
    return LabSummary(
        executed=sum(1 for run in runs if run.status == "executed"),
        cached=sum(1 for run in runs if run.status == "cached"),
        failed=sum(1 for run in runs if not run.is_ok),
        published_outdated=tuple(outdated),
    )


def _stage_lab(
    staged: StagedFiles,
    registry: Registry,
    run: LabRun,
    translations: dict[tuple[str, str], Lab],
    source: str,
) -> None:
    for language in registry.language_codes:
        gettext = translator(language)
        translation = translations.get((run.lab.id, language))
        shown = translation if translation is not None else run.lab
        try:
            rendered = render_lab_page(shown, run, gettext=gettext)
        except ContentError as error:
            staged.problems += list(error.problems)
            return
        staged.problems += list(rendered.problems)
        folder = run.lab.id if language == source else f"{run.lab.id}-{language}"
        markdown, files = _relocate(rendered.markdown, dict(rendered.files), folder)
        if language != source and translation is None:
            title, _, body = markdown.partition("\n")
            notice = fallback_notice(source, language, gettext)
            markdown = f"{title}\n\n{notice}\n\n{wrap_in_language(body, source, language)}"
        staged.add_page(f"labs/{run.lab.id}", language, source, markdown)
        for name, data in files.items():
            staged.add_file(f"labs/{name}", data)


def _stage_index(staged: StagedFiles, registry: Registry, labs: list[Lab], source: str) -> None:
    modules = registry.modules_by_id
    for language in registry.language_codes:
        gettext = translator(language)
        title = gettext("Labs")
        intro = gettext(
            "Labs are notebooks that run on the site's build, so every published output is one "
            "that ran. Each one can be downloaded and run offline."
        )
        headings = [
            gettext("Lab"),
            gettext("Module"),
            gettext("Time"),
            gettext("Network needed"),
            gettext("Hardware needed"),
        ]
        connectivity = {
            "none": gettext("None"),
            "optional": gettext("Optional"),
            "required": gettext("Required"),
        }
        rows = []
        for lab in sorted(labs, key=lambda item: item.title.lower()):
            module = modules.get(lab.module)
            module_title = text_in(module.spec.title, language, source) if module else lab.module
            hardware = gettext("None") if not lab.needs_hardware else lab.hardware
            cells = [
                f'<a href="{escape(lab.id)}/">{escape(lab.title)}</a>',
                f'<a href="../modules/{escape(lab.module)}/">{escape(module_title)}</a>'
                if module
                else escape(module_title),
                escape(format_duration(lab.duration_minutes, gettext)),
                escape(connectivity.get(lab.connectivity, lab.connectivity)),
                escape(hardware),
            ]
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
        table = f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        table += "\n".join(rows) + "\n</tbody>\n</table>"
        body = f"# {markdown_text(title)}\n\n{markdown_text(intro)}\n\n{table}\n"
        staged.add_generated_page("labs/index", language, source, body)
