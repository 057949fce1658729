"""Text alternatives for footprint charts."""

from __future__ import annotations

from courseware.footprint.describe import footprint_alt_text
from courseware.footprint.estimate import estimate_preset


def test_alt_text_names_total_blocks_and_references() -> None:
    text = footprint_alt_text(estimate_preset("Vision"))
    assert text.startswith(
        "Stacked bar chart, logarithmic scale, of the carbon footprint of Vision"
    )
    assert "3.24 kg CO2e in total" in text
    assert "ML Training 1.00" in text
    assert "Use-Stage 0.01" in text
    assert "Apple Watch Series 7 34.00 kg CO2e (10.5 times as much)" in text
    assert "MacBook Pro 349.00 kg CO2e" in text


def test_alt_text_without_references() -> None:
    assert "Beside it" not in footprint_alt_text(estimate_preset("vision"), with_references=False)
