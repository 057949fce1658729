"""Tests of the teaching kits' staging and answer functions on the repository's own content:
each computed answer is what the module's library computes, agrees with the number the
module's text gives learners, and reaches the staged page formatted for its language."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from tests.conftest import copy_bundled_content

from courseware.assess.bank import load_banks
from courseware.datasheet import load_datasheet
from courseware.datasheet.risk import capability_surplus
from courseware.footprint import configure, estimate, estimate_system, fleet_footprint
from courseware.registry.load import load_registry
from courseware.site.render import markdown_text
from courseware.site.staging.answer_functions import ANSWER_FUNCTIONS, answer_value
from courseware.site.staging.lab_facts import read_lab_facts
from courseware.site.staging.teaching_kits import stage_teaching_kits
from courseware.textfields import text_in

REPO = Path(__file__).resolve().parents[3]


def test_every_answer_function_gives_a_finite_number() -> None:
    for name in ANSWER_FUNCTIONS:
        assert math.isfinite(answer_value(name, REPO)), name


def test_footprint_and_datasheet_answers_are_the_libraries_numbers() -> None:
    mains = configure(system="ic-typical", options={"power_supply": "Mains powered"})
    assert answer_value("ic-typical-mains-kg", REPO) == estimate(mains).total_kg_co2e_raw
    worst = fleet_footprint(estimate_system("ic-worst")).total_megatonnes_co2e
    assert answer_value("ic-worst-fleet-mt", REPO) == worst
    typical = estimate_system("ic-typical")
    share = 100 * typical.block("processing").kg_co2e / typical.total_kg_co2e_raw
    assert answer_value("ic-typical-mcu-share", REPO) == share
    sheet = load_datasheet(REPO / "curriculum" / "sensors" / "person-sensor.yaml", REPO).sheet
    assert sheet is not None
    assert answer_value("person-sensor-surplus", REPO) == capability_surplus(sheet)


@pytest.mark.parametrize(
    ("module_id", "name", "stated"),
    [
        ("what-is-tinyml", "battery-energy-wh", "7.2 Wh"),
        ("what-is-tinyml", "three-years-charges", "about 3.65 charges"),
        ("environmental-footprint", "exponential-year-250-billion", "| 2043 |"),
        ("environmental-footprint", "linear-year-250-billion", "| 2144 |"),
        ("choosing-hardware", "class-set-cost-usd", "$217.65"),
        ("data-and-models-for-tinyml", "study-participants-fitting", "With 38 participants"),
        ("data-and-models-for-tinyml", "pa1-training-images", "87,683"),
        ("from-data-to-microcontroller", "model-int8-bytes", "948 bytes"),
        ("teaching-and-assessing-tinyml", "normalised-gain", "**0.5**"),
    ],
)
def test_computed_answers_agree_with_the_module_text(
    module_id: str, name: str, stated: str
) -> None:
    text = (REPO / "modules" / module_id / "index.md").read_text(encoding="utf-8")
    assert stated in text
    function = ANSWER_FUNCTIONS[name]
    pattern = ("#,##0" if function.grouped else "0") + (
        "." + "0" * function.decimals if function.decimals else ""
    )
    shown = format_decimal(answer_value(name, REPO), format=pattern, locale="en")
    assert shown in stated


def test_staged_kits_show_each_value_in_the_page_language() -> None:
    registry = load_registry(REPO)
    staged = stage_teaching_kits(registry, read_lab_facts(REPO))
    spanish = staged.files["modules/environmental-footprint/teaching.es.md"].decode()
    worst = fleet_footprint(estimate_system("ic-worst")).total_megatonnes_co2e
    assert f"**{format_decimal(worst, format='#,##0.0', locale='es')}** Mt CO2e" in spanish
    assert "**1.765,0** Mt CO2e" in spanish
    # The timing plan counts both labs, a translated lab under its translated title.
    assert "| Laboratorio: ¿Cuánto le cuesta al planeta un dispositivo TinyML? | 45 |" in spanish
    assert "| Laboratorio: De un dispositivo a 250 000 millones | 40 |" in spanish
    assert "| **Total** | **160** (2 h 40 min) |" in spanish
    english = staged.files["modules/environmental-footprint/teaching.md"].decode()
    assert "**1,765.0** Mt CO2e" in english and "in **2043**;" in english
    # Every module has its kit in every language; the Spanish one is wholly Spanish.
    for module in registry.modules:
        for language in registry.language_codes:
            suffix = "" if language == "en" else f".{language}"
            assert f"modules/{module.id}/teaching{suffix}.md" in staged.files
    assert "cw-fallback" not in spanish
    assert staged.problems == []


def test_staged_kits_show_every_bank_question_under_its_objective() -> None:
    registry = load_registry(REPO)
    banks, _ = load_banks(REPO, list(registry.modules))
    assert len(banks) == len(registry.modules)  # every module of the course has a bank
    staged = stage_teaching_kits(registry, read_lab_facts(REPO))
    for module_id, bank in banks.items():
        for language, checked in (("en", "Checked by:"), ("pt", "Verificado por:")):
            suffix = "" if language == "en" else f".{language}"
            kit = staged.files[f"modules/{module_id}/teaching{suffix}.md"].decode()
            objectives = kit.split("{#objectives}")[1].split("{#answer-key}")[0]
            assert objectives.count(f"    - {checked} ") == len(bank.items), module_id
            for item in bank.items:
                prompt = markdown_text(text_in(item.prompt, language, "en"))
                assert prompt in objectives, (module_id, language, item.id)
    kit = staged.files["modules/what-is-tinyml/teaching.es.md"].decode()
    assert (
        "    - Se comprueba con: ¿Cuántos vatios hora almacena una celda de iones de litio de "
        "3,6 V y 2000 mAh?  \n      **Respuesta:** 7,2"
    ) in kit


def test_kits_index_lists_every_module_in_every_language() -> None:
    registry = load_registry(REPO)
    staged = stage_teaching_kits(registry, read_lab_facts(REPO))
    banks, _ = load_banks(REPO, list(registry.modules))
    for language in registry.language_codes:
        suffix = "" if language == "en" else f".{language}"
        index = staged.files[f"kits/index{suffix}.md"].decode()
        items = [line for line in index.splitlines() if "/teaching.md)" in line]
        assert len(items) == len(registry.modules), language
        for module, item in zip(registry.modules, items, strict=True):
            assert item.startswith("- [<bdi>")
            assert f"</bdi>](../modules/{module.id}/teaching.md): " in item
            counts = item.rsplit(": ", 2)
            assert counts[-2].startswith(f"{len(module.spec.objectives)} · "), item
            assert counts[-1] == str(len(banks[module.id].items)), item
    english = staged.files["kits/index.md"].decode()
    # The time is the kit's own total: teaching, exercises and both labs (160 minutes).
    assert (
        "- [<bdi>The environmental footprint of TinyML</bdi>](../modules/environmental-footprint/"
        "teaching.md): 2 h 40 min with labs · objectives: 5 · questions: 17\n"
    ) in english
    french = staged.files["kits/index.fr.md"].decode()
    assert "2 h 40 min avec les TP · objectifs : 5 · questions : 17" in french


def test_a_broken_bank_is_reported_and_left_out_of_the_kit(tmp_path: Path) -> None:
    project = copy_bundled_content(tmp_path / "project")
    bank = project / "modules" / "what-is-tinyml" / "questions.yaml"
    bank.write_text(
        bank.read_text().replace("objective: describe-a-tinyml-system", "objective: nope", 1)
    )
    registry = load_registry(project)
    staged = stage_teaching_kits(registry, read_lab_facts(project))
    [problem] = [p for p in staged.problems if p.severity == "error"]
    assert problem.file == "modules/what-is-tinyml/questions.yaml" and problem.line
    assert "nope" in problem.message
    kit = staged.files["modules/what-is-tinyml/teaching.md"].decode()
    assert "once the module has a question bank" in kit
    assert "Checked by:" not in kit


def test_a_kit_with_an_untranslated_text_says_so(tmp_path: Path) -> None:
    # The bundled modules are translated into Spanish, so a copy loses its Spanish answers.
    copy_bundled_content(tmp_path)
    answers = tmp_path / "locale/es/LC_MESSAGES/modules/environmental-footprint/answers.po"
    answers.unlink()  # the key's Spanish texts live in its catalog
    staged = stage_teaching_kits(load_registry(tmp_path), read_lab_facts(tmp_path))
    spanish = staged.files["modules/environmental-footprint/teaching.es.md"].decode()
    assert "cw-fallback" in spanish
