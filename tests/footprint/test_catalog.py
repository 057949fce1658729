"""Finding blocks, options, presets and systems by label, slug or key; suggestions otherwise."""

from __future__ import annotations

import pytest

from courseware.footprint.catalog import (
    find_block,
    find_option,
    find_preset,
    find_reference,
    find_system,
    option_slug,
    slugify,
)
from courseware.footprint.data import load_calculator_data
from courseware.footprint.errors import FootprintInputError


def test_slugify() -> None:
    assert slugify("MCU 5 mm²") == "mcu-5-mm2"
    assert slugify("Li-ion battery (large)") == "li-ion-battery-large"
    assert slugify("ABS 200g/Steel 20g") == "abs-200g-steel-20g"


def test_option_slugs_are_unique_within_each_block() -> None:
    for block in load_calculator_data().blocks:
        slugs = [option_slug(option) for option in block.options]
        assert len(set(slugs)) == len(slugs)


@pytest.mark.parametrize("name", ["processing", "Processing", "processor_type", "PROCESSOR-TYPE"])
def test_find_block_by_key_heading_and_calculator_key(name: str) -> None:
    assert find_block(name).key == "processing"


@pytest.mark.parametrize("name", ["MCU 5 mm²", "mcu-5-mm2", "mcu 5 mm2", "MCU_5_MM²"])
def test_find_option_by_label_or_slug(name: str) -> None:
    block = find_block("processing")
    assert find_option(block, name).label == "MCU 5 mm²"


def test_unknown_option_suggests_the_closest() -> None:
    block = find_block("power_supply")
    with pytest.raises(FootprintInputError) as caught:
        find_option(block, "Li-ion battery (larg)")
    (problem,) = caught.value.problems
    assert problem.field == "options.power_supply"
    assert "did you mean 'Li-ion battery (large)'?" in problem.message


def test_unknown_block_suggests_the_closest() -> None:
    with pytest.raises(FootprintInputError, match=r"did you mean 'transport'\?"):
        find_block("transprot")


@pytest.mark.parametrize(
    ("name", "key"),
    [("Vision", "vision"), ("VISION", "vision"), ("anomaly-detection", "anomaly-detection")],
)
def test_find_preset(name: str, key: str) -> None:
    assert find_preset(name).key == key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ic-worst", "ic-worst"),
        ("IC-Worst", "ic-worst"),
        ("Image classification, worst case", "ic-worst"),
        ("KWS lower (best)", "kws-best"),
        ("kws-typical", "kws-typical"),
    ],
)
def test_find_system(name: str, key: str) -> None:
    assert find_system(name).key == key


def test_unknown_preset_and_system() -> None:
    with pytest.raises(FootprintInputError, match=r"did you mean 'Vision'\?"):
        find_preset("visoin")
    with pytest.raises(FootprintInputError, match=r"did you mean 'ic-worst'\?"):
        find_system("ic-wrost")


def test_names_must_be_text() -> None:
    with pytest.raises(FootprintInputError, match="must be strings"):
        find_block(3)


def test_find_reference() -> None:
    assert find_reference("Apple Watch S7 (x1)").kg_co2e == 34
    assert find_reference("macbook-pro").kg_co2e == 349


def test_custom_is_not_an_option_but_a_value() -> None:
    with pytest.raises(FootprintInputError, match="give a custom value for casing instead"):
        find_option(find_block("casing"), "Custom")
