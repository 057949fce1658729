"""The lab index: a table of every lab with its module, time, network and hardware needs.

A translated lab is listed under its translated title; an untranslated one under the source
title, marked with its language. Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from courseware.i18n.formatting import format_duration
from courseware.labs import Lab
from courseware.registry.modules import Module
from courseware.site.render.html import escape
from courseware.site.render.localized import in_language, localized
from courseware.site.render.markdown_text import markdown_text

Translate = Callable[[str], str]


def render_lab_index(
    labs: Sequence[Lab],
    translations: Mapping[tuple[str, str], Lab],
    modules: Mapping[str, Module],
    language: str,
    source: str,
    gettext: Translate,
) -> str:
    """The body of ``labs/index`` in ``language``.

    Args:
        translations: each translated lab by (lab id, language).
        modules: the registry's modules by id (a lab names its module).
    """
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
        module_title = localized(module.spec.title, language, source) if module else ""
        # A translated lab's title is in its translation; else the source title, marked.
        translation = translations.get((lab.id, language))
        if language == source or translation is not None:
            lab_title = escape((translation or lab).title)
        else:
            lab_title = in_language(escape(lab.title), source, language)
        # The hardware's name is the lab header's, in the source language.
        hardware = (
            in_language(escape(lab.hardware), source, language)
            if lab.needs_hardware
            else escape(gettext("None"))
        )
        cells = [
            f'<a href="{escape(lab.id)}/">{lab_title}</a>',
            f'<a href="../modules/{escape(lab.module)}/">{module_title}</a>'
            if module
            else escape(lab.module),
            escape(format_duration(lab.duration_minutes, gettext)),
            escape(connectivity.get(lab.connectivity, lab.connectivity)),
            hardware,
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
    table = f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
    table += "\n".join(rows) + "\n</tbody>\n</table>"
    return f"# {markdown_text(title)}\n\n{markdown_text(intro)}\n\n{table}\n"
