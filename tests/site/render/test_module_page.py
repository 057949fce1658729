"""Tests of courseware.site.render.module_page: the module card, its JSON-LD, the module index."""

from __future__ import annotations

import json
import re
from pathlib import Path

from courseware.registry.load import load_registry
from courseware.site.render.module_page import render_module_card, render_module_index

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "curriculum"


def identity(text: str) -> str:
    return text


def test_card_links_prerequisites_and_labs_and_escapes_text() -> None:
    registry = load_registry(FIXTURES / "valid")
    card = render_module_card(registry.modules_by_id["remix"], registry, "en", identity)
    assert '<a href="../intro/">Introduction</a>' in card
    assert "<dt>Time</dt><dd>20 min (15 min teaching, 5 min exercises)</dd>" in card
    assert '<a rel="license" href="https://creativecommons.org/licenses/by-nc-sa/4.0/">' in card
    assert '<time datetime="2024-05-01">' in card
    footprint = render_module_card(registry.modules_by_id["footprint"], registry, "en", identity)
    assert '<a href="../../labs/device-footprint/">device-footprint</a>' in footprint
    intro = render_module_card(registry.modules_by_id["intro"], registry, "en", identity)
    assert "<dt>Languages available</dt><dd>English, " in intro
    index = render_module_index(registry, "en", identity)
    assert "Remix &amp; reuse &lt;3 &quot;quoted&quot;" in index
    assert "<3" not in index.replace("&lt;3", "")


def test_json_ld_is_a_learning_resource_that_cannot_close_its_script() -> None:
    registry = load_registry(FIXTURES / "valid")
    card = render_module_card(registry.modules_by_id["remix"], registry, "en", identity)
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', card, re.S)
    assert "<" not in block
    data = json.loads(block)
    assert data["@type"] == "LearningResource"
    assert data["name"] == 'Remix & reuse <3 "quoted"'
    assert data["timeRequired"] == "PT20M"
    assert data["competencyRequired"] == ["Introduction"]
    assert data["license"] == "https://creativecommons.org/licenses/by-nc-sa/4.0/"


def test_index_rows_carry_filter_data_and_need_no_inline_script() -> None:
    registry = load_registry(FIXTURES / "valid")
    index = render_module_index(registry, "en", identity)
    assert (
        '<tr data-topic="basics" data-level="introductory" data-minutes="30" '
        'data-time="30 45 60 90 120" data-language="en es">'
    ) in index
    assert '<a href="footprint/">Footprint</a>' in index
    assert '<form class="cw-filter" data-filter-for="#cw-module-index" hidden' in index
    assert re.findall(r"<script[^>]*>", index) == [
        '<script src="../assets/courseware/table-filter.js" defer>'
    ]
    assert not re.search(r"<[^>]*\son\w+=", index)
