"""The offline copy's search index: one entry per page opening and per section, text only."""

from __future__ import annotations

import json

from courseware.site.render.offline_search import index_script, page_entries, search_page

CONTENT = """
<h1 id="footprint">Footprint<a class="headerlink" href="#footprint">¶</a></h1>
<p>Opening <em>text</em>.</p>
<script type="application/ld+json">{"never": "indexed"}</script>
<h2 id="carbon">Carbon<a class="headerlink" href="#carbon">¶</a></h2>
<p>Made &amp; shipped.</p>
<h3 id="exercise">Exercise</h3>
<p>Estimate the wombat factor.</p>
"""


def test_page_entries_split_at_sections_without_permalinks_or_scripts() -> None:
    entries = page_entries(CONTENT, "modules/footprint/index.html", "Footprint")
    assert [(e.location, e.title, e.text) for e in entries] == [
        ("modules/footprint/index.html", "Footprint", "Opening text."),
        ("modules/footprint/index.html#carbon", "Footprint › Carbon", "Made & shipped."),
        (
            "modules/footprint/index.html#exercise",
            "Footprint › Exercise",
            "Estimate the wombat factor.",
        ),
    ]


def test_index_script_sets_one_global_with_the_entries() -> None:
    script = index_script(page_entries(CONTENT, "x/index.html", "X </script>"))
    prefix = "window.cwSearchIndex = "
    assert script.startswith(prefix) and script.endswith(";\n")
    data = json.loads(script.removeprefix(prefix).removesuffix(";\n"))
    assert data[0] == {"l": "x/index.html", "t": "X </script>", "x": "Opening text."}


def test_search_page_has_a_labelled_field_and_external_scripts_only() -> None:
    page = search_page(lambda text: text, "en")
    assert '<label for="cw-search-input">' in page
    assert '<script src="../assets/courseware/search-index.js"></script>' in page
    assert '<script src="../assets/courseware/bundle-search.js"></script>' in page
    assert "<script>" not in page


def test_words_in_neighbouring_blocks_stay_apart() -> None:
    (entry,) = page_entries("<p>wombat</p><p>quokka</p><ul><li>a</li><li>b</li></ul>", "x", "X")
    assert entry.text == "wombat quokka a b"
