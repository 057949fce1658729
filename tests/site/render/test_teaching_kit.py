"""Tests of courseware.site.render.teaching_kit: a module's teaching kit and a track's
teacher's plan."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from courseware.i18n.catalogs import translator
from courseware.registry.answers import AnswerKey, AnswerKeyFile, MarkedExercise
from courseware.registry.load import load_registry
from courseware.registry.modules import InstructorNotes
from courseware.site.render import (
    ComputedValue,
    KitExercises,
    KitLab,
    render_module_card,
    render_teacher_plan,
    render_teaching_kit,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "curriculum"

LAB = KitLab(
    id="device-footprint",
    title="A device's footprint",
    duration_minutes=25,
    hardware="Arduino <Nano>",
    connectivity="optional",
    data_files=("data/readings.csv",),
)
KEY = AnswerKey(
    "footprint",
    "modules/footprint/answers.yaml",
    AnswerKeyFile.model_validate(
        {
            "exercises": [
                {
                    "exercise": "count-it",
                    "parts": [
                        {
                            "answer": {"en": "It is {value} kg.", "es": "Son {value} kg."},
                            "computed": "total-kg",
                        },
                        {"answer": "Answers *differ*."},
                    ],
                }
            ]
        }
    ),
)
EXERCISES = KitExercises(
    shown=[MarkedExercise("count-it", "Ejercicio: cuenta", 5, True)],
    shown_language="es",
    source=[MarkedExercise("count-it", "Exercise: count it", 5, True)],
)

ENGLISH_EXERCISES = KitExercises(EXERCISES.source, "en", EXERCISES.source)


def identity(text: str) -> str:
    return text


def _kit(language: str) -> str:
    registry = load_registry(FIXTURES / "valid")
    module = registry.modules_by_id["footprint"]
    notes = InstructorNotes(
        why_assign="Because 1 < 2 & *it* matters.",
        where_it_fits={"en": "After the intro.", "es": "Tras la introducción."},
        misconceptions=["Small is free."],
        discussion_prompts=["Who pays?"],
    )
    module = dataclasses.replace(module, spec=module.spec.model_copy(update={"instructor": notes}))
    return render_teaching_kit(
        module,
        registry,
        language,
        translator(language),
        labs=[LAB],
        key=KEY,
        exercises=EXERCISES if language == "es" else ENGLISH_EXERCISES,
        values={"total-kg": ComputedValue("3,41" if language == "es" else "3.41", "library")},
        checks={0: ["What is a footprint?"]},
    )


def test_kit_has_notes_timing_with_labs_materials_objectives_and_answers() -> None:
    kit = _kit("en")
    assert "[Back to the module](index.md)" in kit
    assert "[Answer key](#answer-key)" in kit
    assert "## Instructor notes {#instructor-notes}" in kit
    assert "Because 1 &lt; 2 &amp; \\*it\\* matters." in kit  # contributed text stays text
    assert "- Small is free.\n" in kit and "- Who pays?\n" in kit
    assert "| Teaching | 30 |\n| Exercises | 15 |\n| Lab: A device's footprint | 25 |\n" in kit
    assert "| **Total** | **70** (1 h 10 min) |" in kit
    assert (
        "[A device's footprint](../../labs/device-footprint.md): hardware: Arduino &lt;Nano&gt;; "
        "network optional; data files: data/readings.csv"
    ) in kit
    assert "1. Explain footprint.\n    - Checked by: What is a footprint?\n" in kit
    assert "### [Exercise: count it](index.md#count-it)\n" in kit
    assert "1. It is **3.41** kg.\n2. Answers \\*differ\\*.\n" in kit
    assert "| Exercise: count it | 1 | computed by total-kg: library |" in kit
    assert "| Exercise: count it | 2 | written in the answer key, from the module's text |" in kit


def test_kit_in_spanish_marks_untranslated_text_and_formats_the_value() -> None:
    kit = _kit("es")
    assert "## Notas para el docente {#instructor-notes}" in kit
    assert '<span lang="en">Because 1 &lt; 2 &amp; \\*it\\* matters.</span>' in kit
    assert "Tras la introducción." in kit and "After the intro." not in kit
    assert "### [Ejercicio: cuenta](index.md#count-it)\n" in kit
    assert "1. Son **3,41** kg.\n" in kit
    assert '2. <span lang="en">Answers \\*differ\\*.</span>\n' in kit
    assert "## Clave de respuestas {#answer-key}" in kit


def test_kit_without_key_or_notes_says_so() -> None:
    registry = load_registry(FIXTURES / "valid")
    module = registry.modules_by_id["intro"]
    module = dataclasses.replace(module, spec=module.spec.model_copy(update={"instructor": None}))
    kit = render_teaching_kit(module, registry, "en", identity)
    assert "This module has no instructor notes yet." in kit
    assert "This module has no answer key yet." in kit
    assert "This module has no labs" in kit
    assert "once the module has a question bank" in kit


def test_module_card_links_to_its_teaching_kit() -> None:
    registry = load_registry(FIXTURES / "valid")
    card = render_module_card(registry.modules_by_id["intro"], registry, "es", translator("es"))
    assert (
        '<dt>Para docentes</dt><dd><a href="teaching/">Kit didáctico: notas, tiempos, materiales y '
        "respuestas</a></dd>"
    ) in card


def test_teacher_plan_adds_the_labs_to_each_session_and_the_track() -> None:
    registry = load_registry(FIXTURES / "valid")
    [track] = registry.tracks
    plan = render_teacher_plan(track, registry, "en", identity, {"footprint": [LAB]})
    assert "### Session 1: First steps" in plan
    # intro 30, the break 10, footprint shortened to 40 by the track plus its 25-minute lab.
    assert "| [Introduction](../modules/intro/teaching.md) | 20 | 10 |  | 30 |" in plan
    assert "| Break | 10 |  |  | 10 |" in plan
    assert (
        "| [Footprint](../modules/footprint/teaching.md) (40 min in this track) | 30 | 15 | "
        "A device's footprint (25) | 65 |"
    ) in plan
    assert "| **Session total with labs** | | | | **105** (1 h 45 min) |" in plan
    assert "The whole track with its labs: 2 h 05 min \\(125 minutes\\)." in plan
