"""The one gate: page HTML without the theme's names, plain titles, only the builder's
metadata, SVG files that run and load nothing, notebooks cleaned as pages are."""

from __future__ import annotations

import json

from courseware.site.engine.sanitize import (
    plain_title,
    sanitize_html,
    sanitize_page_meta,
    sanitize_staged_files,
    sanitize_svg,
)
from courseware.site.engine.sanitize_svg import EMPTY_SVG


def test_the_themes_ids_and_attributes_are_removed_and_others_kept() -> None:
    html = (
        '<div id="__config">{}</div><h2 id="__nav_1">x</h2><label for="__drawer">m</label>'
        '<span data-md-component="search-result" data-filter="a" aria-controls="__toc">s</span>'
        '<h2 id="__init__-method">init</h2><p id="ok" aria-label="fine">p</p>'
    )
    cleaned = sanitize_html(html)
    assert "__config" not in cleaned and "__nav_1" not in cleaned
    assert "__drawer" not in cleaned and "__toc" not in cleaned and "data-md-" not in cleaned
    assert 'data-filter="a"' in cleaned and 'id="ok"' in cleaned and 'aria-label="fine"' in cleaned
    assert 'id="__init__-method"' in cleaned  # a Python name, not the theme's


def test_a_title_is_escaped_text() -> None:
    assert plain_title("Sensors &amp; signals") == "Sensors &amp; signals"
    assert plain_title("Home &lt;img src=x onerror=alert(1)") == (
        "Home &lt;img src=x onerror=alert(1)"
    )
    assert plain_title("<b>Bold</b> <img src=x onerror=alert(1)>") == "Bold"
    assert str(plain_title("a < b")) == "a &lt; b"


def test_only_the_builders_metadata_keys_survive() -> None:
    meta = {
        "title": "<script>",
        "template": "redirect.html",
        "location": "javascript:alert(1)",
        "description": '"><script>',
        "courseware": {"scripts": []},
        "translation_of": "pages/index.md",
    }
    assert sanitize_page_meta(meta) == {
        "courseware": {"scripts": []},
        "translation_of": "pages/index.md",
    }


HOSTILE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'xmlns:h="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10" onload="alert(1)">'
    b"<script>alert(2)</script><h:script>alert(3)</h:script>"
    b'<defs><clipPath id="p"><rect width="5" height="5"/></clipPath></defs>'
    b'<g clip-path="url(#p)" style="fill: red"><path d="M0 0L9 9" onmouseover="alert(4)"/></g>'
    b'<a xlink:href="javascript:alert(5)"><text>link</text></a>'
    b'<use xlink:href="https://example.org/sprite.svg#x"/><use href="#p"/>'
    b'<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
    b'<image href="https://example.org/t.png"/>'
    b"<foreignObject><h:body><h:script>alert(6)</h:script></h:body></foreignObject>"
    b'<set attributeName="href" to="javascript:alert(7)"/>'
    b'<animate attributeName="href" values="javascript:alert(8)"/>'
    b"<style>@import url(https://example.org/x.css); rect { fill: blue }</style>"
    b'<rect style="background: url(https://example.org/t.png)" width="1" height="1"/>'
    b'<text x="1" y="9" xml:space="preserve">Label &amp; more</text>'
    b"</svg>"
)


def test_an_svg_keeps_its_drawing_and_loses_what_runs_or_loads() -> None:
    cleaned, removed = sanitize_svg(HOSTILE)
    text = cleaned.decode("utf-8")
    for gone in (
        "alert", "script", "onload", "onmouseover", "javascript", "example.org",
        "foreignObject", "<set", "<animate", "@import", "<a ",
    ):  # fmt: skip
        assert gone not in text, (gone, text)
    for kept in (
        'viewBox="0 0 10 10"', 'clip-path="url(#p)"', 'style="fill: red"', 'd="M0 0L9 9"',
        'href="#p"', "data:image/png;base64,iVBORw0KGgo=", "Label &amp; more",
        'xml:space="preserve"', 'xmlns="http://www.w3.org/2000/svg"',
    ):  # fmt: skip
        assert kept in text, (kept, text)
    assert len(removed) >= 10, removed


def test_a_clean_figure_reports_nothing_removed() -> None:
    figure = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><metadata>rdf</metadata>'
        b'<rect width="4" height="4" fill="#123456"/></svg>'
    )
    cleaned, removed = sanitize_svg(figure)
    assert removed == []
    assert b'<rect width="4" height="4" fill="#123456" />' in cleaned


def test_broken_or_entity_declaring_svg_becomes_an_empty_drawing() -> None:
    bomb = b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert sanitize_svg(bomb) == (EMPTY_SVG, ["entity declarations"])
    assert sanitize_svg(b"<svg><script>")[0] == EMPTY_SVG
    html_root = b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'
    assert sanitize_svg(html_root)[0] == EMPTY_SVG


def test_staged_svg_files_and_notebook_outputs_are_cleaned() -> None:
    outputs = [
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {
                "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                "text/html": ["<b onclick='alert(2)'>", "bold</b><script>alert(3)</script>"],
                "application/javascript": "alert(4)",
                "text/plain": "<IPython.core.display.SVG object>",
            },
        }
    ]
    notebook = {"cells": [{"cell_type": "code", "source": "<script>", "outputs": outputs}]}
    clean_notebook = json.dumps({"cells": [{"cell_type": "markdown", "source": "# Hi"}]})
    files = {
        "labs/x/x_files/f.svg": HOSTILE,
        "labs/x/x.ipynb": json.dumps(notebook).encode(),
        "labs/y/y.ipynb": clean_notebook.encode(),
        "labs/x/x.py": b"<script>alert(5)</script>",
    }
    sanitize_staged_files(files)
    assert b"alert" not in files["labs/x/x_files/f.svg"]
    data = json.loads(files["labs/x/x.ipynb"])["cells"][0]["outputs"][0]["data"]
    assert "alert" not in json.dumps(data) and "application/javascript" not in data
    assert data["text/plain"] == "<IPython.core.display.SVG object>"
    assert json.loads(files["labs/x/x.ipynb"])["cells"][0]["source"] == "<script>"  # code
    assert files["labs/y/y.ipynb"] == clean_notebook.encode()  # unchanged, byte for byte
    assert files["labs/x/x.py"] == b"<script>alert(5)</script>"  # a download, not a document
