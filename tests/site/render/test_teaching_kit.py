"""Tests of courseware.site.render.teaching_kit: a module's teaching kit and a track's
teacher's plan."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown

from courseware.assess.bank import BankSpec, Item, ShortAnswer
from courseware.i18n.catalogs import translator
from courseware.registry.answers import AnswerKey, AnswerKeyFile, MarkedExercise
from courseware.registry.load import load_registry
from courseware.registry.modules import InstructorNotes, LearningObjective, Module
from courseware.site.render import (
    ComputedValue,
    KitExercises,
    KitLab,
    render_module_card,
    render_objective_checks,
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


HOSTILE = "[click](javascript:alert(1)) *now* | 1 < 2 & `x`"
"""Bank text that the schema lets through but that is Markdown and HTML syntax: it must stay
text on the page."""

BANK = BankSpec.model_validate(
    {
        "module": "footprint",
        "items": [
            {
                "id": "which",
                "type": "single",
                "objective": "explain-footprint",
                "prompt": {"en": "What is a footprint?", "es": "¿Qué es una huella?"},
                "options": [
                    {"text": "A shoe.", "feedback": "No."},
                    {
                        "text": {"en": "The emissions of a life.", "es": "Las emisiones."},
                        "correct": True,
                        "feedback": "Yes.",
                    },
                ],
                "explanation": "Emissions.",
            },
            {
                "id": "parts",
                "type": "multiple",
                "objective": "explain-footprint",
                "prompt": "Which blocks count?",
                "options": [
                    {"text": "Sensing.", "correct": True, "feedback": "Yes."},
                    {"text": "Casing.", "correct": True, "feedback": "Yes."},
                    {"text": "The weather.", "feedback": "No."},
                ],
                "explanation": "Both.",
            },
            {
                "id": "small",
                "type": "true_false",
                "objective": "explain-footprint",
                "prompt": "Small devices have no footprint.",
                "answer": False,
                "explanation": "They have one.",
            },
            {
                "id": "energy",
                "type": "numeric",
                "objective": "size-a-battery",
                "prompt": "How many Wh is 3.6 V and 2 Ah?",
                "value": 7.2,
                "tolerance": 0.05,
                "unit": {"en": "Wh", "es": "Wh"},
                "explanation": "Volts times amp hours.",
            },
            {
                "id": "why",
                "type": "short_answer",
                "objective": "size-a-battery",
                "prompt": HOSTILE,
                "model_answer": HOSTILE,
                "explanation": "Because.",
            },
            {
                "id": "steps",
                "type": "ordering",
                "objective": "size-a-battery",
                "prompt": "Put the steps in order.",
                "steps": ["Collect.", "Train.", "Deploy."],
                "explanation": "The pipeline.",
            },
        ],
    }
)
OBJECTIVES = [
    LearningObjective(
        id="explain-footprint", text={"en": "Explain footprint.", "es": "Explicar la huella."}
    ),
    LearningObjective(id="size-a-battery", text="Size a battery."),
    LearningObjective(id="unchecked", text="Name a source."),
]


def _checked_module() -> Module:
    registry = load_registry(FIXTURES / "valid")
    module = registry.modules_by_id["footprint"]
    spec = module.spec.model_copy(update={"objectives": OBJECTIVES})
    return dataclasses.replace(module, spec=spec)


def _checks(language: str, items: list[Item] | None = None) -> str:
    items = list(BANK.items) if items is None else items
    return render_objective_checks(_checked_module(), items, language, translator(language))


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
        values={
            "total-kg": ComputedValue(
                "3,41" if language == "es" else "3.41", "a × b", "250 billion devices"
            )
        },
        questions=[BANK.items[0]],
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
    assert "## Learning objectives {#objectives}\n\n1. Explain footprint.\n" in kit
    assert "### [Exercise: count it](index.md#count-it)\n" in kit
    assert "1. It is **3.41** kg.\n2. Answers \\*differ\\*.\n" in kit
    assert "| Exercise: count it | 1 | computed by total-kg: `a × b` (250 billion devices) |" in kit
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
    # The closing table shows a computed answer's formula as code and its note in Spanish.
    assert (
        "| Ejercicio: cuenta | 1 | calculada por total-kg: `a × b` "
        "(250 000 millones de dispositivos) |" in kit
    )


def test_kit_table_marks_an_exercise_title_that_falls_back() -> None:
    registry = load_registry(FIXTURES / "valid")
    kit = render_teaching_kit(
        registry.modules_by_id["footprint"], registry, "ar", translator("ar"), key=KEY,
        exercises=ENGLISH_EXERCISES,
    )  # fmt: skip
    assert '| <span lang="en" dir="ltr">Exercise: count it</span> | 2 |' in kit


def test_kit_without_key_or_notes_says_so() -> None:
    registry = load_registry(FIXTURES / "valid")
    module = registry.modules_by_id["intro"]
    module = dataclasses.replace(module, spec=module.spec.model_copy(update={"instructor": None}))
    kit = render_teaching_kit(module, registry, "en", identity)
    assert "This module has no instructor notes yet." in kit
    assert "This module has no answer key yet." in kit
    assert "This module has no labs" in kit
    assert "once the module has a question bank" in kit


def test_each_objective_shows_the_questions_that_check_it_with_their_answers() -> None:
    checks = _checks("en")
    first, _, rest = checks.partition("2. Size a battery.\n")
    second, _, third = rest.partition("3. Name a source.\n")
    assert first == (
        "1. Explain footprint.\n"
        "    - Checked by: What is a footprint?  \n"
        "      **Answer:** The emissions of a life.\n"
        "    - Checked by: Which blocks count?  \n"
        "      **Right answers:**\n"
        "        - Sensing.\n"
        "        - Casing.\n"
        "    - Checked by: Small devices have no footprint.  \n"
        "      **Answer:** False\n"
    )
    assert second.startswith(
        "    - Checked by: How many Wh is 3.6 V and 2 Ah?  \n"
        "      **Answer:** 7.2 Wh (accepted within ± 0.05)\n"
    )
    assert "      **Right order:**\n        1. Collect.\n        2. Train.\n" in second
    assert third.startswith("    - No question of the bank checks this objective yet.\n")
    assert "once the module has a question bank" not in checks


SITE_EXTENSIONS = ["tables", "footnotes", "attr_list", "md_in_html", "admonition", "toc"]
"""The Markdown extensions of the repository's mkdocs.yml."""


def test_hostile_bank_text_stays_text_in_the_rendered_kit() -> None:
    html = markdown.markdown(_checks("en"), extensions=SITE_EXTENSIONS)
    assert "<a " not in html and "<em>" not in html and "<code>" not in html
    assert html.count("[click](javascript:alert(1)) *now* | 1 &lt; 2 &amp; `x`") == 2
    # Beyond what the schema allows: markup put into an item directly is escaped too.
    raw = ShortAnswer.model_construct(
        id="raw",
        type="short_answer",
        objective="unchecked",
        prompt="<script>alert(1)</script>",
        model_answer='<img src=x onerror="alert(1)">',
        explanation="",
        translated_from={},
    )
    html = markdown.markdown(_checks("en", [raw]), extensions=SITE_EXTENSIONS)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_checks_in_spanish_fall_back_to_english_marked_with_lang() -> None:
    checks = _checks("es")
    assert "1. Explicar la huella.\n    - Se comprueba con: ¿Qué es una huella?  \n" in checks
    assert "      **Respuesta:** Las emisiones.\n" in checks
    assert '- Se comprueba con: <span lang="en">Which blocks count?</span>  \n' in checks
    assert '2. <span lang="en">Size a battery.</span>\n' in checks
    assert "      **Respuesta:** 7,2 Wh (se acepta con ± 0,05)\n" in checks
    assert "      **Respuesta:** Falso\n" in checks
    assert '**Orden correcto:**\n        1. <span lang="en">Collect.</span>\n' in checks
    arabic = _checks("ar")
    assert '<span lang="en" dir="ltr">Which blocks count?</span>' in arabic


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


def _portuguese_kit_with_english_exercises(total_kg: ComputedValue) -> str:
    """The fixture's footprint kit in Portuguese, its exercises shown in English."""
    registry = load_registry(FIXTURES / "valid")
    return render_teaching_kit(
        registry.modules_by_id["footprint"],
        registry,
        "pt",
        translator("pt"),
        key=KEY,
        exercises=ENGLISH_EXERCISES,
        values={"total-kg": total_kg},
    )


def test_an_answer_falling_back_to_english_writes_its_number_as_english_does() -> None:
    kit = _portuguese_kit_with_english_exercises(
        ComputedValue("7.200,5", "library", shown_in={"en": "7,200.5"})
    )
    # "7.200,5" inside an English sentence would read as seven point two.
    assert '1. <span lang="en">It is **7,200.5** kg.</span>\n' in kit


def test_a_unit_is_marked_only_when_it_is_a_word_that_falls_back() -> None:
    [energy] = [item for item in BANK.items if item.id == "energy"]
    symbol = energy.model_copy(update={"unit": {"en": "kg CO2e", "pt": "kg CO2e"}})
    word = energy.model_copy(update={"unit": {"en": "days", "pt": "dias"}})
    assert "7,2 kg CO2e (se acepta" in _checks("es", [symbol])
    assert '7,2 <span lang="en">days</span> (se acepta' in _checks("es", [word])
    assert "7,2 dias (aceita-se" in _checks("pt", [word])


def test_a_computed_answers_note_without_a_translation_is_marked_as_english() -> None:
    kit = _portuguese_kit_with_english_exercises(
        ComputedValue("3,41", "a × b", "a note no catalog has")
    )
    assert '`a × b` (<span lang="en">a note no catalog has</span>)' in kit
