"""Presets and published systems listed, and systems laid out as the README table."""

from __future__ import annotations

from courseware.footprint.data import load_calculator_data
from courseware.footprint.systems import (
    README_ROW_ORDER,
    calculator_start,
    list_named_configurations,
    list_presets,
    list_systems,
    readme_rows,
)


def test_systems_match_their_published_totals() -> None:
    systems = list_systems()
    assert [s.key for s in systems] == [
        "kws-best",
        "kws-typical",
        "ad-typical",
        "ic-typical",
        "ic-worst",
    ]
    for system in systems:
        assert system.report.total_kg_co2e == system.published_total_kg_co2e
    assert [s.key for s in systems if s.in_paper] == ["kws-best", "ic-typical", "ic-worst"]


def test_presets_listed_before_systems() -> None:
    names = [entry.name for entry in list_named_configurations()]
    assert names[:2] == ["Vision", "Anomaly Detection"]
    assert [p.report.total_kg_co2e for p in list_presets()] == [3.24, 1.61]


def test_readme_rows_cover_every_row_of_the_table() -> None:
    data = load_calculator_data()
    block_rows = {block.readme_row for block in data.blocks}
    assert set(README_ROW_ORDER) == block_rows | set(data.readme_zero_rows)
    rows = dict(readme_rows("ic-worst"))
    assert list(rows) == list(README_ROW_ORDER)
    assert rows["Power Supply (3 years)"] == 2.71
    assert rows["End-Of-Life"] == 0.0
    assert rows["User Interface"] == 0.12


def test_readme_rows_of_kws_best_add_up_to_0_89() -> None:
    total = 0.0
    for _, kg in readme_rows("kws-best"):
        total += kg
    assert round(total, 2) == 0.89


def test_calculator_start_is_vision() -> None:
    assert calculator_start().label == "Vision"
