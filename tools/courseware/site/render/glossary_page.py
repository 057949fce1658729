"""The glossary page: every term in the reader's language beside the original, its
definition, and whether a native-speaking educator has reviewed the translation.

A table the reader can scan on a phone (it scrolls inside its own region, as the site's other
tables with a class do); every text comes from ``curriculum/glossary.yaml`` and is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from courseware.registry.glossary import GlossaryTerm
from courseware.site.render.html import escape
from courseware.site.render.localized import in_language
from courseware.site.render.markdown_text import markdown_text

Translate = Callable[[str], str]

GLOSSARY_DOWNLOAD = "downloads/glossary.tbx"
"""The TBX file the page offers translators (relative to the site's root)."""


def render_glossary_page(
    terms: Sequence[GlossaryTerm],
    language: str,
    source: str,
    gettext: Translate,
    root_prefix: str,
) -> str:
    """The page's Markdown body (a heading, an introduction and one table)."""
    title = gettext("Glossary")
    intro = gettext(
        "The words this course uses for TinyML's ideas, in every language of the site, so "
        "that translations say one thing one way. A translation marked proposed has not yet "
        "been reviewed by a native-speaking educator."
    )
    download = gettext("Download the glossary for a translation tool (TBX)")
    status_names = {"proposed": gettext("proposed"), "approved": gettext("reviewed")}
    headings = [gettext("Term"), gettext("Definition")]
    if language != source:
        headings = [gettext("Term"), gettext("Original"), gettext("Definition"), gettext("Status")]
    rows = ["<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)]
    rows[0] += "</tr></thead><tbody>"
    for term in terms:
        name = term.term.get(language)
        shown = escape(name) if name else in_language(escape(term.term[source]), source, language)
        definition_text = term.definition.get(language)
        definition = (
            escape(definition_text)
            if definition_text
            else in_language(escape(term.definition[source]), source, language)
        )
        cells = [f'<th scope="row" id="{escape(term.id)}">{shown}</th>']
        if language != source:
            cells.append(f"<td>{in_language(escape(term.term[source]), source, language)}</td>")
        cells.append(f"<td>{definition}</td>")
        if language != source:
            status = term.status.get(language, "proposed")
            cells.append(f"<td>{escape(status_names[status])}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.append("</tbody>")
    # A table with a class: assets/scroll-regions.js gives it its own scrolling region.
    table = '<table class="cw-glossary">' + "".join(rows) + "</table>"
    href = escape(root_prefix + GLOSSARY_DOWNLOAD)
    link = f'<p><a href="{href}" download>{escape(download)}</a></p>'
    return f"# {markdown_text(title)}\n\n{markdown_text(intro)}\n\n{link}\n\n{table}\n"
