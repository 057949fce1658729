"""The calculator page body and assets, checked without a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel.messages.extract import extract_from_file

import courseware.footprint.page as page_module
from courseware.footprint.data import load_calculator_data
from courseware.footprint.page import (
    block_headings,
    calculator_assets,
    calculator_page_data,
    calculator_page_markdown,
    configuration_names,
    option_labels,
    reference_names,
)
from courseware.footprint.rounding import format_kg
from courseware.footprint.systems import list_named_configurations


def test_assets_are_the_three_files() -> None:
    assets = calculator_assets()
    assert set(assets) == {
        "assets/footprint/footprint-data.js",
        "assets/footprint/calculator.js",
        "assets/footprint/calculator.css",
    }
    assert all(isinstance(content, bytes) and content for content in assets.values())


def test_data_script_assigns_the_page_data_to_a_global() -> None:
    text = calculator_assets()["assets/footprint/footprint-data.js"].decode()
    match = re.search(r"^window\.COURSEWARE_FOOTPRINT = (.*);$", text, flags=re.M)
    assert match
    assert json.loads(match.group(1)) == json.loads(json.dumps(calculator_page_data()))


def test_page_data_carries_the_librarys_floats() -> None:
    data = calculator_page_data()
    assert data["initial"] == "preset:vision"
    assert [b["key"] for b in data["blocks"]] == [b.key for b in load_calculator_data().blocks]
    assert data["blocks"][2]["options"][0] == {
        "slug": "mcu-5-mm2",
        "kg": 0.08,
        "low": 0.08,
        "high": 0.29,
    }
    totals = {c["id"]: c["total_kg_co2e"] for c in data["configurations"]}
    assert totals == {
        "preset:vision": "3.24",
        "preset:anomaly-detection": "1.61",
        "system:kws-best": "0.89",
        "system:kws-typical": "2.66",
        "system:ad-typical": "2.67",
        "system:ic-typical": "3.41",
        "system:ic-worst": "7.06",
    }
    kws = next(c for c in data["configurations"] if c["id"] == "system:kws-best")
    assert kws["blocks"]["power_supply"] == {"custom": 0.25, "low": 0.25, "high": 2.71}


def test_javascript_attaches_its_own_listeners() -> None:
    script = calculator_assets()["assets/footprint/calculator.js"].decode()
    assert "addEventListener" in script
    assert "fetch(" not in script and "XMLHttpRequest" not in script
    assert "http://" not in script.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in script
    assert ".toFixed(2)" in script


def test_markdown_has_external_scripts_only_and_no_inline_handlers() -> None:
    body = calculator_page_markdown(asset_prefix="../../")
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", body, flags=re.S)
    assert scripts == ["", ""]
    assert '<script src="../../assets/footprint/footprint-data.js"></script>' in body
    assert '<script src="../../assets/footprint/calculator.js"></script>' in body
    assert '<link rel="stylesheet" href="../../assets/footprint/calculator.css">' in body
    assert not re.search(r"\son[a-z]+=", body)
    assert "style=" not in body


def test_no_javascript_tables_list_options_and_totals() -> None:
    body = calculator_page_markdown()
    for entry in list_named_configurations():
        assert f'data-configuration="{entry.kind}:{entry.key}"' in body
        assert f'<td class="fp-number">{format_kg(entry.report.total_kg_co2e_raw)}</td>' in body
    for block in load_calculator_data().blocks:
        for option in block.options:
            assert option.label in body
    assert '<form class="fp-form" id="fp-form" hidden>' in body


def test_every_label_of_the_data_has_a_literal_gettext() -> None:
    data = load_calculator_data()
    assert set(block_headings()) == {block.key for block in data.blocks}
    assert all(block_headings()[b.key] == b.heading for b in data.blocks)
    labels = {option.label for block in data.blocks for option in block.options}
    assert set(option_labels()) == labels
    names = configuration_names()
    assert {p.key: p.name for p in data.presets} | {s.key: s.name for s in data.systems} == names
    assert {r.key: r.name for r in data.references} == reference_names()


def test_visible_strings_go_through_gettext() -> None:
    body = calculator_page_markdown(gettext=lambda text: f"«{text}»")
    assert "# «TinyML CO2 footprint calculator»" in body
    assert "«Start from»" in body
    assert "«Li-ion battery (large)»" in body
    assert "«Published systems (README and paper)»" in body
    assert "«Total»" in body  # in the strings handed to the script


def test_babel_extracts_the_page_strings() -> None:
    source = Path(page_module.__file__)
    messages = [message for _, message, _, _ in extract_from_file("python", source)]
    assert "Start from" in messages
    assert "Li-ion battery (large)" in messages
    assert "Keyword spotting, best case" in messages
    # Every gettext call has a literal argument, so Babel finds every one of them.
    text = source.read_text("utf-8")
    calls = re.findall(r"\bgettext\(", text)
    literal_calls = re.findall(r"\bgettext\(\s*\"", text)
    assert len(literal_calls) == len(calls)
    assert len(messages) == len(calls)
