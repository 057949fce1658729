"""A fallback text keeps its source footnotes inside the element that declares its language."""

from __future__ import annotations

import markdown

from courseware.site.render.notices import FOOTNOTES_PLACE, wrap_in_language

EXTENSIONS = ["footnotes", "md_in_html", "attr_list"]


def test_footnotes_render_inside_the_language_element() -> None:
    body = "It draws 150 mW[^person-sensor-docs].\n\n[^person-sensor-docs]: Useful Sensors, guide."
    html = markdown.markdown(wrap_in_language(body, "en", "fr") + "\nAprès.", extensions=EXTENSIONS)
    wrapper_end = html.index("</div>\n<p>Après.</p>")
    assert html.startswith('<div lang="en">')
    assert html.index('<div class="footnote">') < wrapper_end
    assert html.index('<li id="fn:person-sensor-docs">') < wrapper_end
    assert FOOTNOTES_PLACE not in html


def test_a_text_without_footnotes_gets_no_marker() -> None:
    wrapped = wrap_in_language("No notes here.", "en", "ar")
    assert FOOTNOTES_PLACE not in wrapped
    assert "Footnotes" not in markdown.markdown(wrapped, extensions=EXTENSIONS)
